// The schema check of gongbao's outputs as code: ajv (a devDependency) compiles
// schemas/<name>.schema.json into a standalone ES module, written by `npm run schemas`
// (scripts/gen-schemas.mjs) to src/model/schema-check.generated.js, which
// src/model/conform.ts wraps. The file is committed, like schemas/ itself: tests, tsc and
// esbuild read src/ as it is, with no build step in between, and tests/conform.test.ts fails
// when it differs from what this module generates now. The generated code needs nothing from
// ajv at run time (no runtime helper is required: no keyword here needs one), so neither the
// bundles nor a packed copy need ajv in node_modules.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

/** The schemas (names under schemas/) that outputs are checked against at run time. */
export const CHECKED = ['issue'];
export const GENERATED_JS = 'src/model/schema-check.generated.js';
export const GENERATED_DTS = 'src/model/schema-check.generated.d.ts';

/** Keywords that only annotate: dropped before compiling, they would only make the code longer. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default']);

/** A copy of a schema without annotations (property names that look like keywords are kept). */
function stripAnnotations(s) {
  if (Array.isArray(s)) return s.map(stripAnnotations);
  if (s === null || typeof s !== 'object') return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (ANNOTATIONS.has(k)) continue;
    if (k === 'properties' || k === '$defs') {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, stripAnnotations(sub)]));
    } else if (k === 'const' || k === 'enum') out[k] = v;
    else out[k] = stripAnnotations(v);
  }
  return out;
}

/** Keywords that constrain values of one type only and let values of any other type through. */
const ONE_TYPE = new Set([
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'pattern',
  'minLength',
  'maxLength',
]);
const family = (type) => (type === 'integer' ? 'number' : type);

/**
 * zod writes every nullable field as `anyOf: [X, {type: null}]`, for which ajv generates code
 * that, for each null, first runs X to a failure and builds its error (a third of the
 * generated code, and slower than the hand-written checker it replaced). Such an anyOf of
 * alternatives of distinct types whose other keywords apply to their own type only is the
 * same as one schema with a list of types: `{type: [T, 'null'], …X's keywords}` (an enum
 * gets null added). Anything else is left as it is. tests/conform.test.ts checks the result
 * against ajv on the schema as written.
 */
export function mergeAnyOf(s, defs) {
  if (Array.isArray(s)) return s.map((x) => mergeAnyOf(x, defs));
  if (s === null || typeof s !== 'object') return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties' || k === '$defs')
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, mergeAnyOf(sub, defs)]));
    else if (k === 'const' || k === 'enum') out[k] = v;
    else out[k] = mergeAnyOf(v, defs);
  }
  if (!Array.isArray(out.anyOf) || Object.keys(out).length !== 1) return out;
  const deref = (a) => (Object.keys(a).length === 1 && typeof a.$ref === 'string' ? deref(defs[a.$ref.replace(/^#\/\$defs\//, '')]) : a);
  const alts = out.anyOf.map(deref);
  const families = alts.map((a) => family(a.type));
  const mergeable =
    alts.every(
      (a) =>
        typeof a.type === 'string' && Object.keys(a).every((k) => k === 'type' || ONE_TYPE.has(k) || (k === 'enum' && alts.length === 2)),
    ) &&
    new Set(families).size === alts.length &&
    !(alts.some((a) => a.enum) && !alts.some((a) => a.type === 'null' && Object.keys(a).length === 1));
  if (!mergeable) return out;
  const merged = Object.assign({}, ...alts.map((a) => mergeAnyOf(a, defs)));
  merged.type = alts.map((a) => a.type);
  if (merged.enum) merged.enum = [...merged.enum, null];
  return merged;
}

/**
 * The schema with every $ref replaced by its definition (none refers back to itself), so
 * that ajv generates the check as one function: for a $ref it does not inline, it calls a
 * function per value with a new options object and the value's path built as a string,
 * which made the warm check twice as slow.
 */
export function inlineRefs(root) {
  const defs = root.$defs ?? {};
  const walk = (s, seen) => {
    if (Array.isArray(s)) return s.map((x) => walk(x, seen));
    if (s === null || typeof s !== 'object') return s;
    const out = {};
    for (const [k, v] of Object.entries(s)) {
      if (k === '$defs') continue;
      if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, walk(sub, seen)]));
      else if (k === 'const' || k === 'enum') out[k] = v;
      else if (k === '$ref') {
        const name = v.replace(/^#\/\$defs\//, '');
        if (seen.includes(name) || !defs[name]) throw new Error(`cannot inline $ref ${v}`);
        const def = walk(defs[name], [...seen, name]);
        for (const d of Object.keys(def)) if (d in s) throw new Error(`cannot inline $ref ${v}: ${d} also beside it`);
        Object.assign(out, def);
      } else out[k] = walk(v, seen);
    }
    return out;
  };
  return walk(root, []);
}

/** The generated module (js) and its type declarations (dts), from schemas/ as they are now. */
export function schemaCheckCode(read = (name) => JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8'))) {
  // messages: false — conform.ts words the message from keyword and params itself.
  const ajv = new Ajv2020.default({ code: { source: true, esm: true, lines: true }, strict: false, messages: false });
  const exports = {};
  for (const name of CHECKED) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`schema ${name}: not a JavaScript name, cannot be exported as one`);
    const schema = stripAnnotations(read(name));
    ajv.addSchema(inlineRefs(mergeAnyOf(schema, schema.$defs ?? {})), name);
    exports[name] = name;
  }
  const header =
    '// Generated by `npm run schemas` (scripts/schema-check-code.mjs) from schemas/*.schema.json\n' +
    '// with ajv standalone code. Do not edit; tests/conform.test.ts checks that it is up to date.\n';
  const js = header + standaloneCode.default(ajv, exports) + '\n';
  const dts =
    header +
    'export interface SchemaError { instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown> }\n' +
    'export interface SchemaCheck { (data: unknown): boolean; errors?: SchemaError[] | null }\n' +
    CHECKED.map((name) => `export declare const ${name}: SchemaCheck;\n`).join('');
  return { js, dts };
}
