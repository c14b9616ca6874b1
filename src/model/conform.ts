import * as generated from './schema-check.generated.js';
import type { SchemaCheck, SchemaError } from './schema-check.generated.js';

/**
 * Whether an output conforms to its JSON Schema (schemas/<name>.schema.json, generated from the
 * zod model). The check is code that ajv generated from the schema at `npm run schemas` time
 * (scripts/schema-check-code.mjs → schema-check.generated.js): neither zod nor ajv is loaded
 * on the parse path. A failure is a bug in gongbao, never the user's input.
 *
 * It replaced a checker written by hand for the subset of JSON Schema that zod writes
 * (src/model/validate.ts until 5f01f35), which was kept only as long as the generated code
 * would cost visibly more on the parse path. It does not (`npm run bench` prints both, side
 * by side; on the 2-core development machine, busy, medians of 21–30 alternating runs):
 * check of the sample's Issue, CPU time, first call 32 ms vs 30 ms, warm 4.6 ms vs 4.7 ms;
 * dist/cli.cjs 918 KiB vs 756 KiB; the whole `gongbao parse` process 359 ms vs 361 ms of CPU
 * time, wall time equal within the noise. (The generated code costs no more because
 * scripts/schema-check-code.mjs turns zod's "X or null" anyOf into type lists and inlines
 * every $ref first: ajv's code for the schema as written was 350 KiB and, in wall time on
 * the busy machine, 1.4–2.2× slower on the first call and 1.3–1.9× warm.)
 */
const CHECKS: Record<string, SchemaCheck> = { ...generated };

/** A short message for one ajv error, from its keyword and params. */
function what(e: SchemaError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'type':
      return `not ${String(p.type).split(',').join(' or ')}`;
    case 'required':
      return `missing ${String(p.missingProperty)}`;
    case 'additionalProperties':
      return `unexpected property ${String(p.additionalProperty)}`;
    case 'const':
      return `not ${JSON.stringify(p.allowedValue)}`;
    case 'enum':
      return `not one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'minimum':
      return `below ${String(p.limit)}`;
    case 'maximum':
      return `above ${String(p.limit)}`;
    case 'pattern':
      return `does not match ${String(p.pattern)}`;
    case 'minItems':
      return `fewer than ${String(p.limit)} items`;
    case 'anyOf':
      return 'matches none of the alternatives';
    default:
      return `fails ${e.keyword} ${JSON.stringify(p)}`;
  }
}

/**
 * The first violation of the named schema in data as `/path/to/value: what is wrong`, or null
 * when it conforms.
 */
export function firstViolation(name: string, data: unknown): string | null {
  const check = CHECKS[name];
  if (!check) throw new Error(`no schema "${name}" to check against`);
  if (check(data)) return null;
  // ajv stops at the first failing keyword; the errors before it in the list come from the
  // alternatives an anyOf tried, so the last one is the failure itself.
  const errors = check.errors ?? [];
  const e = errors[errors.length - 1];
  return e ? `${e.instancePath}: ${what(e)}` : ': does not conform';
}

/** Throws (an internal error) when data does not conform to the named schema. */
export function assertConforms(name: string, data: unknown): void {
  const e = firstViolation(name, data);
  if (e) throw new Error(`internal error: output does not match the ${name} schema at ${e}`);
}
