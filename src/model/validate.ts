import issueSchema from '../../schemas/issue.schema.json' with { type: 'json' };

/**
 * Output validation against the JSON Schema that is generated from the zod model
 * (schemas/issue.schema.json; a test keeps it in sync with src/model). zod itself is not
 * loaded on the parse path — it costs more than the whole parse — and neither is a large
 * generated validator: the schema is compiled here into small closures, for the subset of
 * JSON Schema that zod writes (type, properties, required, additionalProperties, items,
 * minItems, anyOf, enum, const, minimum, maximum, pattern, $ref to $defs). A test checks this
 * against ajv on valid and corrupted issues. Throws when data does not conform — a bug in
 * gongbao, never the user's input.
 */
type Schema = Record<string, unknown>;
/**
 * What is wrong below a value: the path from that value to the violation and a message.
 * Checks build no path while data conforms (a path string per value cost more than the
 * checks); a failing container prepends its key on the way out.
 */
interface Fail {
  path: (string | number)[];
  what: string;
}
type Check = (x: unknown) => Fail | null;
const fail = (what: string): Fail => ({ path: [], what });

const typeOk: Record<string, (x: unknown) => boolean> = {
  string: (x) => typeof x === 'string',
  number: (x) => typeof x === 'number' && Number.isFinite(x),
  integer: (x) => typeof x === 'number' && Number.isInteger(x),
  boolean: (x) => typeof x === 'boolean',
  null: (x) => x === null,
  object: (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
  array: (x) => Array.isArray(x),
};

/** One closure per type, the test inline (not through typeOk): it runs for every value. */
function typeCheck(t: string, what: string): Check {
  switch (t) {
    case 'string': return (x) => (typeof x === 'string' ? null : fail(what));
    case 'number': return (x) => (typeof x === 'number' && Number.isFinite(x) ? null : fail(what));
    case 'integer': return (x) => (typeof x === 'number' && Number.isInteger(x) ? null : fail(what));
    case 'boolean': return (x) => (typeof x === 'boolean' ? null : fail(what));
    case 'null': return (x) => (x === null ? null : fail(what));
    case 'object': return (x) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? null : fail(what));
    case 'array': return (x) => (Array.isArray(x) ? null : fail(what));
    default: {
      const ok = typeOk[t]!;
      return (x) => (ok(x) ? null : fail(what));
    }
  }
}

/** Keywords of a definition that checks one value by itself (no $ref, no nesting). */
const LEAF = new Set(['$id', '$schema', 'title', 'description', 'default', 'examples', 'type', 'enum', 'const', 'minimum', 'maximum', 'pattern']);

const KNOWN = new Set(['$id', '$schema', '$defs', 'title', 'description', 'default', 'examples', 'type', 'properties', 'required',
  'additionalProperties', 'items', 'minItems', 'anyOf', 'enum', 'const', 'minimum', 'maximum', 'pattern', '$ref']);

function compile(root: Schema): Check {
  const refs = new Map<string, Check>();
  const build = (s: Schema): Check => {
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new Error(`validate: unsupported JSON Schema keyword ${k}`);
    const checks: Check[] = [];
    // A plain `type: object` with properties (or `type: array` with items) is checked by the
    // properties (items) closure itself, which has to look at the type anyway.
    const plain = s.$ref === undefined && !('const' in s) && s.enum === undefined && s.minimum === undefined && s.maximum === undefined && s.pattern === undefined && s.anyOf === undefined;
    const mergedInto: 'object' | 'array' | null =
      plain && s.type === 'object' && (s.properties || s.required || s.additionalProperties === false) && !(s.items || typeof s.minItems === 'number')
        ? 'object'
        : plain && s.type === 'array' && (s.items || typeof s.minItems === 'number') && !(s.properties || s.required || s.additionalProperties === false)
          ? 'array'
          : null;
    if (typeof s.$ref === 'string') {
      const ref = s.$ref;
      const name = ref.replace(/^#\/\$defs\//, '');
      const leaf = (root.$defs as Record<string, Schema> | undefined)?.[name];
      if (leaf && Object.keys(leaf).every((k) => LEAF.has(k))) {
        // A leaf definition (an integer ≥ 1, a date pattern …) cannot refer back: built now
        // and called directly, without a resolving wrapper.
        let c = refs.get(ref);
        if (!c) {
          c = build(leaf);
          refs.set(ref, c);
        }
        checks.push(c);
      } else {
      // Resolved on first use (definitions may refer to themselves), then kept in the closure.
      let target: Check | undefined;
      checks.push((x) => {
        if (!target) {
          target = refs.get(ref);
          if (!target) {
            const def = (root.$defs as Record<string, Schema> | undefined)?.[name];
            if (!def) throw new Error(`validate: unknown $ref ${ref}`);
            target = build(def);
            refs.set(ref, target);
          }
        }
        return target(x);
      });
      }
    }
    if (s.type !== undefined) {
      const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
      const oks = types.map((t) => typeOk[t]!);
      const what = `not ${types.join(' or ')}`;
      if (types.length === 1 && mergedInto === null) {
        checks.push(typeCheck(types[0]!, what));
      } else if (types.length === 1) {
        // checked by the properties / items closure below (one call per value, not two)
      } else {
        checks.push((x) => (oks.some((ok) => ok(x)) ? null : fail(what)));
      }
    }
    if ('const' in s) checks.push((x) => (x === s.const ? null : fail(`not ${JSON.stringify(s.const)}`)));
    if (Array.isArray(s.enum)) {
      const values = new Set(s.enum);
      checks.push((x) => (values.has(x) ? null : fail(`not one of ${(s.enum as unknown[]).map(String).join(', ')}`)));
    }
    if (typeof s.minimum === 'number') checks.push((x) => (typeof x !== 'number' || x >= (s.minimum as number) ? null : fail(`below ${s.minimum}`)));
    if (typeof s.maximum === 'number') checks.push((x) => (typeof x !== 'number' || x <= (s.maximum as number) ? null : fail(`above ${s.maximum}`)));
    if (typeof s.pattern === 'string') {
      const re = new RegExp(s.pattern, 'u');
      checks.push((x) => (typeof x !== 'string' || re.test(x) ? null : fail(`does not match ${s.pattern}`)));
    }
    if (Array.isArray(s.anyOf)) {
      // Most anyOf are "X or null": null is tested first, without running X to a failure.
      const isNull = (a: Schema): boolean => a.type === 'null' && Object.keys(a).every((k) => k === 'type' || k === 'description');
      // An alternative that is only a $ref is looked at through it (a cell value is
      // $ref number | $ref string | $ref null).
      const deref = (a: Schema): Schema => {
        if (Object.keys(a).length !== 1 || typeof a.$ref !== 'string') return a;
        return (root.$defs as Record<string, Schema> | undefined)?.[a.$ref.replace(/^#\/\$defs\//, '')] ?? a;
      };
      const nullable = (s.anyOf as Schema[]).some((a) => isNull(deref(a)));
      const others = (s.anyOf as Schema[]).filter((a) => !isNull(deref(a)));
      const typeOnly = (a: Schema): boolean => typeof a.type === 'string' && Object.keys(a).every((k) => k === 'type' || k === 'description');
      if (others.every((a) => typeOnly(deref(a)))) {
        // "string or number (or null)": tested by type, no alternative run to a failure
        const oks = others.map((a) => typeOk[deref(a).type as string]!);
        checks.push((x) => {
          if (nullable && x === null) return null;
          for (let i = 0; i < oks.length; i++) if (oks[i]!(x)) return null;
          return fail('matches none of the alternatives');
        });
      } else {
      const alts = others.map(build);
      checks.push((x) => {
        if (nullable && x === null) return null;
        for (let i = 0; i < alts.length; i++) if (alts[i]!(x) === null) return null;
        return fail('matches none of the alternatives');
      });
      }
    }
    if (s.properties || s.required || s.additionalProperties === false) {
      const entries = Object.entries((s.properties ?? {}) as Record<string, Schema>);
      const keys = entries.map(([k]) => k);
      const propChecks = entries.map(([, v]) => build(v));
      const known = new Set(keys);
      const required = (s.required ?? []) as string[];
      const closed = s.additionalProperties === false;
      const notObject = mergedInto === 'object' ? 'not object' : null;
      checks.push((x) => {
        if (typeof x !== 'object' || x === null || Array.isArray(x)) return notObject === null ? null : fail(notObject);
        const o = x as Record<string, unknown>;
        for (let i = 0; i < required.length; i++) {
          const r = required[i]!;
          if (!(r in o) || o[r] === undefined) return fail(`missing ${r}`);
        }
        for (let i = 0; i < keys.length; i++) {
          const v = o[keys[i]!];
          if (v === undefined) continue;
          const e = propChecks[i]!(v);
          if (e) {
            e.path.unshift(keys[i]!);
            return e;
          }
        }
        // for-in, not Object.keys: no array (nor iterator results) per object; the data are
        // plain objects, whose enumerable keys are their own
        if (closed) for (const k in o) if (!known.has(k) && o[k] !== undefined) return fail(`unexpected property ${k}`);
        return null;
      });
    } else if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
      throw new Error('validate: only additionalProperties false is supported');
    }
    if (s.items || typeof s.minItems === 'number') {
      const item = s.items ? build(s.items as Schema) : null;
      const min = typeof s.minItems === 'number' ? s.minItems : 0;
      const notArray = mergedInto === 'array' ? 'not array' : null;
      checks.push((x) => {
        if (!Array.isArray(x)) return notArray === null ? null : fail(notArray);
        if (x.length < min) return fail(`fewer than ${min} items`);
        if (item) for (let i = 0; i < x.length; i++) {
          const e = item(x[i]);
          if (e) {
            e.path.unshift(i);
            return e;
          }
        }
        return null;
      });
    }
    if (checks.length === 1) return checks[0]!;
    return (x) => {
      for (let i = 0; i < checks.length; i++) {
        const e = checks[i]!(x);
        if (e) return e;
      }
      return null;
    };
  };
  return build(root);
}

const compiled = new Map<string, Check>();
const SCHEMAS: Record<string, Schema> = { issue: issueSchema as Schema };

/** The first violation of the named schema in data, or null when it conforms. */
export function firstViolation(name: string, data: unknown): string | null {
  let c = compiled.get(name);
  if (!c) {
    const s = SCHEMAS[name];
    if (!s) throw new Error(`no schema "${name}" to validate against`);
    c = compile(s);
    compiled.set(name, c);
  }
  const e = c(data);
  return e ? `${e.path.map((k) => `/${k}`).join('')}: ${e.what}` : null;
}

export function assertValid(name: string, data: unknown): void {
  const e = firstViolation(name, data);
  if (e) throw new Error(`internal error: output does not match the ${name} schema at ${e}`);
}
