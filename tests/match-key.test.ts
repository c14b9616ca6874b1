import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realTexts } from './helpers/sample.js';
import { matchKey, parseChineseNumber, toHalfWidth } from '../src/read/text.js';

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
    const files = realTexts('real');
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

/** parseChineseNumber as it was first written (by characters, through two tables): the reference. */
const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
function referenceNumber(s: string): number | null {
  if (s.length === 0) return null;
  if (/^\d+$/.test(s)) return Number(s);
  let hasUnit = false;
  for (const ch of s) {
    if (UNITS[ch] !== undefined) hasUnit = true;
    else if (DIGITS[ch] === undefined) return null;
  }
  if (!hasUnit) return [...s].reduce((n, ch) => n * 10 + DIGITS[ch]!, 0);
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const u = UNITS[ch]!;
    if (u === 10000) {
      total += (section + digit) * u;
      section = 0;
    } else section += (digit === 0 ? 1 : digit) * u;
    digit = 0;
  }
  return total + section + digit;
}

describe('parseChineseNumber (by code units)', () => {
  it('reads every string of up to four numerals (and a few other characters) as the reference does', () => {
    const alphabet = [...'〇零一二两三四五六七八九十百千万', '1', 'a', '𠀀', '\ud800'];
    const differ: string[] = [];
    const walk = (s: string, depth: number): void => {
      if (parseChineseNumber(s) !== referenceNumber(s)) differ.push(s);
      if (depth < 4) for (const ch of alphabet) walk(s + ch, depth + 1);
    };
    walk('', 0);
    expect(differ).toEqual([]);
    expect(parseChineseNumber('二〇二三')).toBe(2023);
    expect(parseChineseNumber('三万五千零二十')).toBe(35020);
  });
});
