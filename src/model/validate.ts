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

const KNOWN = new Set(['$id', '$schema', '$defs', 'title', 'description', 'default', 'examples', 'type', 'properties', 'required',
  'additionalProperties', 'items', 'minItems', 'anyOf', 'enum', 'const', 'minimum', 'maximum', 'pattern', '$ref']);

function compile(root: Schema): Check {
  const refs = new Map<string, Check>();
  const build = (s: Schema): Check => {
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new Error(`validate: unsupported JSON Schema keyword ${k}`);
    const checks: Check[] = [];
    if (typeof s.$ref === 'string') {
      const ref = s.$ref;
      const name = ref.replace(/^#\/\$defs\//, '');
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
    if (s.type !== undefined) {
      const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
      const oks = types.map((t) => typeOk[t]!);
      const what = `not ${types.join(' or ')}`;
      if (oks.length === 1) {
        const ok = oks[0]!;
        checks.push((x) => (ok(x) ? null : fail(what)));
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
      const nullable = (s.anyOf as Schema[]).some(isNull);
      const alts = (s.anyOf as Schema[]).filter((a) => !isNull(a)).map(build);
      checks.push((x) => {
        if (nullable && x === null) return null;
        for (let i = 0; i < alts.length; i++) if (alts[i]!(x) === null) return null;
        return fail('matches none of the alternatives');
      });
    }
    if (s.properties || s.required || s.additionalProperties === false) {
      const entries = Object.entries((s.properties ?? {}) as Record<string, Schema>);
      const keys = entries.map(([k]) => k);
      const propChecks = entries.map(([, v]) => build(v));
      const known = new Set(keys);
      const required = (s.required ?? []) as string[];
      const closed = s.additionalProperties === false;
      checks.push((x) => {
        if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
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
        if (closed) for (const k of Object.keys(o)) if (!known.has(k) && o[k] !== undefined) return fail(`unexpected property ${k}`);
        return null;
      });
    } else if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
      throw new Error('validate: only additionalProperties false is supported');
    }
    if (s.items || typeof s.minItems === 'number') {
      const item = s.items ? build(s.items as Schema) : null;
      const min = typeof s.minItems === 'number' ? s.minItems : 0;
      checks.push((x) => {
        if (!Array.isArray(x)) return null;
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
