// Memory within the budget (issue 16 item 4), the quick cases: what grows with the input
// must not be copied per anomaly or per thread. The big cases run at full size in
// `npm run bench:adversarial` (time and peak RSS).
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import { assertConforms } from '../src/model/conform.js';
import { Issue } from '../src/model/issue.js';
import { displayWidth, EXCERPT_MAX } from '../src/read/text.js';
import { jsonChunks } from '../src/write/json-stream.js';
import { LONG } from './fuzz-helpers.js';
import { resolve } from 'node:path';
import { probe } from './helpers/probe.js';

describe('evidence of an anomaly on a very long line', () => {
  // One 3 MB line (npm run test:long; the everyday suite 300 kB, three hundred times the
  // excerpt): no masthead, no TOC, cut mid-sentence, repeated text — anomalies whose
  // evidence was the whole line.
  const line = '某区关于某事的通知正文内容'.repeat(LONG ? 230_000 : 23_000);
  const issue = parseIssue(line + '\n');

  it('is an excerpt of about 1 000 characters with where it starts and how long the line was', () => {
    const long = issue.anomalies.filter((a) => a.evidenceLength !== undefined);
    expect(long.length).toBeGreaterThanOrEqual(2);
    for (const a of issue.anomalies) expect(a.evidence.length, a.code).toBeLessThanOrEqual(EXCERPT_MAX + 2);
    for (const a of long) {
      expect(a.evidenceLength).toBe(line.length);
      const body = a.evidence.replace(/^…/, '').replace(/…$/, '');
      expect(line.slice(a.evidenceStart!, a.evidenceStart! + body.length)).toBe(body);
    }
  });

  it('keeps the issue valid and its JSON small: not a copy of the line per anomaly', () => {
    expect(() => assertConforms('issue', issue)).not.toThrow();
    expect(Issue.safeParse(issue).success).toBe(true);
    const anomaliesJson = [...jsonChunks(issue.anomalies, false)].join('');
    expect(anomaliesJson.length).toBeLessThan(20_000 * issue.anomalies.length);
  });

  it('the text report puts the caret under the column inside the excerpt', async () => {
    const { caretLines } = await import('../src/write/text-report.js');
    // Unique text, then a repetition far into the line: TEXT_REPEATED at a far column.
    const unique = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    const far = parseIssue(unique + '某区关于某事的通知正文内容'.repeat(400) + '\n').anomalies.find((a) => (a.evidenceStart ?? 0) > 0);
    expect(far).toBeDefined();
    const column = far!.column - far!.evidenceStart! + 1;
    const { text, caret } = caretLines(far!.evidence, column, 4000);
    expect(text).toBe(far!.evidence);
    expect(caret!.indexOf('^')).toBe(displayWidth(far!.evidence.slice(0, column - 1)));
    expect(far!.evidence.slice(column - 1, column + 3)).toBe('某区关于');
  });
});

describe('the input bytes of a parse', () => {
  it('are collected once decoded when handed over in a holder (parseHeld, what the CLI does)', () => {
    // A value passed as an argument stays alive in the caller's frame for the whole call: the
    // CLI's 64 MB issue kept its input buffer through the parse (peak RSS 400 MB, now ~335).
    // Observed mid-parse from a getter the parser reads after decoding (options.from), with
    // V8's gc exposed, in a child process.
    const r = probe(
      `import { readFileSync } from 'node:fs';
import { parseHeld } from './parse.mjs';
const sample = readFileSync(${JSON.stringify(resolve('samples/changning-2023-02.txt'))});
// made in a function of its own: no frame of this module keeps the buffer
const holder = () => ({ bytes: Buffer.concat(Array.from({ length: 40 }, () => sample)) });
const held = holder();
const size = held.bytes.length;
globalThis.gc();
const before = process.memoryUsage().arrayBuffers;
let during = -1;
const options = { name: 'x', get from() { globalThis.gc(); globalThis.gc(); during = process.memoryUsage().arrayBuffers; return undefined; } };
const { issue } = parseHeld(held, options);
console.log(JSON.stringify({ size, before, during, taken: held.bytes === null, documents: issue.documents.length }));
`,
      ['--expose-gc'],
      { 'parse.mjs': 'src/parse.ts' },
    ) as Record<string, number | boolean>;
    expect(r.taken).toBe(true);
    expect(r.documents).toBeGreaterThan(40);
    expect(r.before as number).toBeGreaterThanOrEqual(r.size as number);
    expect(r.during as number).toBeGreaterThanOrEqual(0);
    expect(r.during as number).toBeLessThan((r.size as number) / 4);
  }, 60_000);
});
