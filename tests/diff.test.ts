/**
 * The character diff of the checks (src/check/diff.ts): the band around the diagonal and
 * Myers' count of edits must give exactly what the whole LCS table gives, which is written
 * out here as the reference (the diff the reports showed before the band).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffChars, diffSize, lcsLength, sizeOf, type DiffPart } from '../src/check/diff.js';
import { countWork } from '../src/model/work.js';
import { fcParams } from './fuzz-helpers.js';

/** The whole table of LCS lengths of the suffixes, traced the same way: the reference. */
function wholeTable(a: string, b: string): DiffPart[] {
  const A = Array.from(a);
  const B = Array.from(b);
  let pre = 0;
  while (pre < A.length && pre < B.length && A[pre] === B[pre]) pre++;
  let suf = 0;
  while (suf < A.length - pre && suf < B.length - pre && A[A.length - 1 - suf] === B[B.length - 1 - suf]) suf++;
  const a1 = A.slice(pre, A.length - suf);
  const b1 = B.slice(pre, B.length - suf);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', A.slice(0, pre).join(''));
  const n = a1.length;
  const m = b1.length;
  if ((n + 1) * (m + 1) > 250_000) {
    push('del', a1.join(''));
    push('add', b1.join(''));
  } else {
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * w + j] = a1[i] === b1[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a1[i] === b1[j]) {
        push('same', a1[i++]!);
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) push('del', a1[i++]!);
      else push('add', b1[j++]!);
    }
  }
  push('same', A.slice(A.length - suf).join(''));
  return parts;
}

/** A string and an edited copy of it, over few characters (so that ties abound), astral and lone surrogates included. */
const pair = fc
  .tuple(
    fc.array(fc.constantFrom('甲', '乙', '丙', 'a', '，', ' ', '𠀀', '\ud800', '\udc00'), { maxLength: 120 }),
    fc.array(fc.tuple(fc.nat(2), fc.nat(200), fc.constantFrom('甲', '乙', '丁', 'b', '𠀀', '\udc00')), { maxLength: 30 }),
    fc.boolean(),
  )
  .map(([chars, edits, unrelated]) => {
    const b: string[] = unrelated ? [...chars].reverse() : [...chars];
    for (const [op, at, ch] of edits) {
      const k = at % (b.length + 1);
      if (op === 0) b.splice(k, 1);
      else if (op === 1) b.splice(k, 0, ch);
      else b[k] = ch;
    }
    return [chars.join(''), b.join('')] as const;
  });

describe('diffChars', () => {
  it('gives the diff of the whole LCS table', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(diffChars(a, b)).toEqual(wholeTable(a, b));
      }),
      fcParams(3000),
    );
  });

  it('diffSize counts what diffChars deletes and adds, in UTF-16 code units', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(diffSize(a, b)).toEqual(sizeOf(wholeTable(a, b)));
      }),
      fcParams(3000),
    );
  });

  it('middles too large for the table: all deleted and all added, by both', () => {
    const a = '前' + '甲乙'.repeat(300) + '后';
    const b = '前' + '乙丙'.repeat(300) + '后';
    expect(diffChars(a, b)).toEqual(wholeTable(a, b));
    expect(diffChars(a, b).map((p) => p.op)).toEqual(['same', 'del', 'add', 'same']);
    expect(diffSize(a, b)).toEqual({ del: 600, add: 600 });
  });

  it('lcsLength is the length of a longest common subsequence', () => {
    const brute = (a: number[], b: number[]): number => {
      const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--)
        for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
      return t[0]![0]!;
    };
    const codes = fc.array(fc.nat(3), { maxLength: 40 });
    fc.assert(
      fc.property(codes, codes, (a, b) => {
        expect(lcsLength(Int32Array.from(a), Int32Array.from(b))).toBe(brute(a, b));
      }),
      fcParams(3000),
    );
  });

  it('costs the length of the lines times the edits, not the product of the lengths', () => {
    // two edits far apart: the whole table would hold n² cells
    const cells = (n: number): number => {
      const a = '甲' + '乙丙丁戊'.repeat(n / 4) + '己';
      const b = '庚' + '乙丙丁戊'.repeat(n / 4) + '辛';
      return countWork(() => diffChars(a, b)).get('diffCells') ?? 0;
    };
    const small = cells(100);
    expect(small).toBeGreaterThan(0);
    expect(cells(400)).toBeLessThanOrEqual(4 * 1.1 * small);
    expect(cells(400)).toBeLessThan(402 * 402);
  });
});
