// Every pathological input of `npm run bench:adversarial`, at full size: parseIssue throws
// nothing, returns an Issue that validates against its schema, and every line it names lies
// inside the input. The benchmark measures their time; this test only their outcome (no
// timing is asserted). Full size matters: a list of 150 000 anomalies once overflowed the
// stack, which a smaller input never shows; `npm run test:long` parses them at full size,
// the everyday `npm test` at a twentieth of it (each case keeps its shape; it was a tenth,
// half of this file's time, which went to the same paths).
// tests/e2e/adversarial-export.test.ts builds the export folder of each (slower: about a
// minute).
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import { firstViolation } from '../src/model/conform.js';
import { SAMPLE } from './helpers/sample.js';
import { LONG, lineCount } from './fuzz-helpers.js';
// @ts-expect-error a plain ES module shared with the benchmark, without types
import { adversarialCases } from '../scripts/adversarial-cases.mjs';

const SCALE = LONG ? 1 : 0.05;
const cases = adversarialCases(SAMPLE, SCALE) as Array<[string, () => string]>;

/** The first line reference (`line`, `…Line`) outside 1..max, found without building paths. */
function lineOutside(root: unknown, max: number): string | null {
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (typeof x === 'number' && (k === 'line' || k.endsWith('Line')) && !(Number.isInteger(x) && x >= 1 && x <= max))
          return `${k} = ${x} in ${JSON.stringify(v).slice(0, 200)}`;
        if (x !== null && typeof x === 'object') stack.push(x);
      }
    }
  }
  return null;
}

describe(LONG ? 'pathological inputs at full size' : 'pathological inputs at a twentieth of their size', () => {
  it.each(cases.map(([name, make]) => [name, make] as const))('%s', (_name, make) => {
    const text = make();
    const issue = parseIssue(text);
    expect(issue.source.lines).toBe(lineCount(text));
    expect(firstViolation('issue', issue)).toBeNull();
    expect(lineOutside(issue, Math.max(1, issue.source.lines))).toBeNull();
    for (const a of issue.anomalies) if (a.endLine !== undefined) expect(a.endLine).toBeGreaterThanOrEqual(a.line);
  });
});

describe(LONG ? 'the full version (test:long)' : 'the short version (npm test)', () => {
  it(
    LONG
      ? 'has every case at its full length'
      : 'has every case, each at most a fifth of its full length (a twentieth of its counts, one copy at least)',
    () => {
      const full = adversarialCases(SAMPLE) as Array<[string, () => string]>;
      expect(cases.map(([n]) => n)).toEqual(full.map(([n]) => n));
      full.forEach(([name, make], i) => {
        const here = cases[i]![1]().length;
        expect(here, name).toBeGreaterThan(0);
        if (LONG) expect(here, name).toBe(make().length);
        else expect(here, name).toBeLessThanOrEqual(make().length / 5);
      });
    },
  );
});
