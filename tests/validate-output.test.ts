import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { parseIssue } from '../src/parse.js';
import { firstViolation } from '../src/model/validate.js';
import { SAMPLE, changedNamesVariant } from './helpers/sample.js';

const schema = JSON.parse(readFileSync('schemas/issue.schema.json', 'utf8'));
const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false });
const ajvValidate = ajv.compile(schema);

/** Every path to a value in a JSON document. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

describe('output validation (closures compiled from schemas/issue.schema.json)', () => {
  const issue = parseIssue(SAMPLE);
  const all = paths(issue).filter((p) => p.length > 0);

  it('accepts what ajv accepts: the sample and its variant', () => {
    for (const i of [issue, parseIssue(changedNamesVariant())]) {
      expect(ajvValidate(i)).toBe(true);
      expect(firstViolation('issue', i)).toBeNull();
    }
  });

  it('agrees with ajv on corrupted issues', () => {
    const replacements: unknown[] = [null, -1, 0.5, 'x', '', true, [], {}, 1e21, 'not-a-date'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.integer({ min: 0, max: replacements.length }), (pi, ri) => {
        const copy = structuredClone(issue) as unknown as Record<string, unknown>;
        const path = all[pi]!;
        let parent: Record<string | number, unknown> = copy;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        if (ri === replacements.length) {
          if (Array.isArray(parent)) return;
          delete parent[last];
        } else parent[last] = replacements[ri];
        const ours = firstViolation('issue', copy) === null;
        expect(ours, `${path.join('/')} := ${JSON.stringify(replacements[ri])}`).toBe(ajvValidate(copy));
      }),
      { numRuns: 150 },
    );
  });

  it('rejects unknown properties', () => {
    const copy = structuredClone(issue) as unknown as { documents: Record<string, unknown>[] };
    copy.documents[0]!.extra = 1;
    expect(firstViolation('issue', copy)).toMatch(/unexpected property extra/);
  });
});
