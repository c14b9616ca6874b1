// Issue 16, "done means": at least 99 % of single-byte flips of the sample give partial
// results (documents found; the CLI exits 0 or 1), not a refusal (exit 2). `npm test` makes 20
// seeded flips (tests/damaged-bytes.test.ts); here 300, from their own seed, and a few of them
// through the CLI for the exit code.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIssue } from '../../src/parse.js';
import { InputError } from '../../src/read/errors.js';
import { SAMPLE_BYTES } from '../helpers/sample.js';
import { gongbao } from '../helpers/cli.js';

/** A small seeded generator (LCG), so the flips are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** The sample with one byte at a random place set to a random other value. */
function flip(rnd: () => number): Buffer {
  const b = Buffer.from(SAMPLE_BYTES);
  const at = Math.floor(rnd() * b.length);
  let v = Math.floor(rnd() * 256);
  if (v === b[at]) v = (v + 1) & 0xff;
  b[at] = v;
  return b;
}

describe('300 single-byte flips of the sample', () => {
  it('at least 99 % give partial results (documents found), none is refused', () => {
    const rnd = lcg(16_300);
    const N = 300;
    let partial = 0;
    const refused: string[] = [];
    const docs: number[] = [];
    for (let k = 0; k < N; k++) {
      try {
        const issue = parseIssue(flip(rnd), { name: 'x.txt' });
        docs.push(issue.documents.length);
        if (issue.documents.length > 0) partial++;
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        refused.push(err.message);
      }
    }
    console.log(
      `byte flips: ${partial}/${N} partial (${((100 * partial) / N).toFixed(1)} %), ${refused.length} refused; documents found: ${Math.min(...docs)}–${Math.max(...docs)}`,
    );
    expect(refused).toEqual([]);
    expect(partial).toBeGreaterThanOrEqual(Math.ceil(N * 0.99));
  });

  it('through the CLI: exit 0 or 1, never 2 (10 of them)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongbao-flips-'));
    try {
      const rnd = lcg(16_010);
      for (let k = 0; k < 10; k++) {
        const f = join(dir, `flip-${k}.txt`);
        writeFileSync(f, flip(rnd));
        const r = gongbao(['validate', f, '-q']);
        expect([0, 1], `${f}: ${r.stderr}`).toContain(r.code);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
