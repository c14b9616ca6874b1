import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchKey, toHalfWidth } from '../src/read/text.js';

/** matchKey as it was first written (three passes: half width, punctuation dropped, lower case): the reference. */
const DROP = /[\s\u3000、，,。.．·•：:；;！!？?“”"‘’'「」『』（）()〔〕［］\[\]【】<>〈〉《》—\-–_~～…]/g;
const reference = (s: string): string => toHalfWidth(s).replace(DROP, '').toLowerCase();

describe('matchKey (one pass by a table)', () => {
  it('treats every UTF-16 code unit as the three-pass definition does', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = `甲${String.fromCharCode(c)}B`;
      if (matchKey(s) !== reference(s)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });
  it('gives the same keys on every line of the sample and the real texts', () => {
    const files = [
      'samples/changning-2023-02.txt',
      ...readdirSync('tests/fixtures/real')
        .filter((f) => f.endsWith('.txt'))
        .map((f) => `tests/fixtures/real/${f}`),
    ];
    let lines = 0;
    for (const f of files)
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        lines++;
        if (matchKey(line) !== reference(line)) expect(matchKey(line)).toBe(reference(line));
      }
    expect(lines).toBeGreaterThan(3000);
  });
  it('maps full-width letters and digits, drops full-width punctuation, keeps the rest', () => {
    expect(matchKey('ＡＢｃ１２（三）、 《Ｘ－Ｙ》…')).toBe('abc12三xy');
    expect(matchKey('Ⅳ类 水体')).toBe('ⅳ类水体');
    expect(matchKey('')).toBe('');
  });
});
