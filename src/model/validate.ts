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
type Check = (x: unknown, path: string) => string | null;

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
      checks.push((x, p) => {
        let c = refs.get(ref);
        if (!c) {
          const def = (root.$defs as Record<string, Schema> | undefined)?.[name];
          if (!def) throw new Error(`validate: unknown $ref ${ref}`);
          c = build(def);
          refs.set(ref, c);
        }
        return c(x, p);
      });
    }
    if (s.type !== undefined) {
      const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
      const oks = types.map((t) => typeOk[t]!);
      checks.push((x, p) => (oks.some((ok) => ok(x)) ? null : `${p}: not ${types.join(' or ')}`));
    }
    if ('const' in s) checks.push((x, p) => (x === s.const ? null : `${p}: not ${JSON.stringify(s.const)}`));
    if (Array.isArray(s.enum)) {
      const values = new Set(s.enum);
      checks.push((x, p) => (values.has(x) ? null : `${p}: not one of ${(s.enum as unknown[]).map(String).join(', ')}`));
    }
    if (typeof s.minimum === 'number') checks.push((x, p) => (typeof x !== 'number' || x >= (s.minimum as number) ? null : `${p}: below ${s.minimum}`));
    if (typeof s.maximum === 'number') checks.push((x, p) => (typeof x !== 'number' || x <= (s.maximum as number) ? null : `${p}: above ${s.maximum}`));
    if (typeof s.pattern === 'string') {
      const re = new RegExp(s.pattern, 'u');
      checks.push((x, p) => (typeof x !== 'string' || re.test(x) ? null : `${p}: does not match ${s.pattern}`));
    }
    if (Array.isArray(s.anyOf)) {
      const alts = (s.anyOf as Schema[]).map(build);
      checks.push((x, p) => (alts.some((a) => a(x, p) === null) ? null : `${p}: matches none of the alternatives`));
    }
    if (s.properties || s.required || s.additionalProperties === false) {
      const props = Object.entries((s.properties ?? {}) as Record<string, Schema>).map(([k, v]) => [k, build(v)] as const);
      const known = new Set(props.map(([k]) => k));
      const required = (s.required ?? []) as string[];
      const closed = s.additionalProperties === false;
      checks.push((x, p) => {
        if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
        const o = x as Record<string, unknown>;
        for (const r of required) if (!(r in o) || o[r] === undefined) return `${p}: missing ${r}`;
        for (const [k, c] of props) {
          const v = o[k];
          if (v === undefined) continue;
          const e = c(v, `${p}/${k}`);
          if (e) return e;
        }
        if (closed) for (const k of Object.keys(o)) if (!known.has(k) && o[k] !== undefined) return `${p}: unexpected property ${k}`;
        return null;
      });
    } else if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
      throw new Error('validate: only additionalProperties false is supported');
    }
    if (s.items || typeof s.minItems === 'number') {
      const item = s.items ? build(s.items as Schema) : null;
      const min = typeof s.minItems === 'number' ? s.minItems : 0;
      checks.push((x, p) => {
        if (!Array.isArray(x)) return null;
        if (x.length < min) return `${p}: fewer than ${min} items`;
        if (item) for (let i = 0; i < x.length; i++) {
          const e = item(x[i], `${p}/${i}`);
          if (e) return e;
        }
        return null;
      });
    }
    if (checks.length === 1) return checks[0]!;
    return (x, p) => {
      for (const c of checks) {
        const e = c(x, p);
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
  return c(data, '');
}

export function assertValid(name: string, data: unknown): void {
  const e = firstViolation(name, data);
  if (e) throw new Error(`internal error: output does not match the ${name} schema at ${e}`);
}
