/**
 * Every pass linear in the input: the sample run together 1×, 2× and 6× over (each copy
 * with another district and issue number, as `npm run bench` makes its copies) must cost
 * each counted pass at most proportionally more work. Work, not time: the counts of
 * src/model/work.ts (items compared, lines and characters visited) cannot be noisy.
 * Quadratic passes (a citation compared with every document, a table fragment with every
 * document, a rescan of the text per sluice name) grow 6× faster than the input here.
 */
import { Lines } from '../src/read/lines.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import { countWork, tally, work } from '../src/model/work.js';
import { SUFFIX_MAX, TitleIndex, type DocKeys } from '../src/core/title-index.js';
import { countInText } from '../src/features/sluices/check.js';
import type { Document } from '../src/model/issue.js';
import { Owners } from '../src/features/tables/finish-table.js';
import { SAMPLE } from './helpers/sample.js';

const NAMES = '东南西北中上下前后左右甲乙丙丁戊己庚辛壬癸'.split('');
/** The sample `n` times over, each copy with its own district name and issue number. */
function copies(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const district = i === 0 ? '长宁' : NAMES[i % NAMES.length]! + NAMES[Math.floor(i / NAMES.length) % NAMES.length]!;
    parts.push(SAMPLE.replaceAll('长宁', district).replace(/第\s*(\d+)\s*期/, `第 ${i + 1} 期`));
  }
  return parts.join('\n');
}

/** The passes that count their work; each must do some on the sample. */
const PASSES = ['titleIndex', 'titleTarget', 'owners', 'ownerOf', 'countInText', 'reprintPairs', 'diffCells'];
/**
 * Work per reprinted document (DOCUMENT_REPRINTED compares the copies and diffs the lines
 * that differ). The sample reprints one document; each later copy reprints all of them, so
 * this work is measured per copy added: the sixth may not cost more than the second did.
 */
const PER_REPRINT = ['reprintPairs', 'diffCells'];

describe('work grows linearly with the input', () => {
  let counts: { n: number; work: Map<string, number> }[] = [];
  beforeAll(() => {
    counts = [1, 2, 6].map((n) => ({ n, work: countWork(() => parseIssue(copies(n))) }));
  });

  it('every counted pass does work on the sample', () => {
    for (const p of PASSES) expect(counts[0]!.work.get(p) ?? 0, p).toBeGreaterThan(0);
  });

  it.each([2, 6])('%i× the sample: each pass does at most that many times the work (and 10%% over)', (n) => {
    const base = counts[0]!.work;
    const big = counts.find((c) => c.n === n)!.work;
    for (const [pass, steps] of big) {
      if (PER_REPRINT.includes(pass)) continue;
      const ratio = steps / (base.get(pass) ?? 1);
      expect(ratio, `${pass}: ${base.get(pass)} steps on 1×, ${steps} on ${n}×`).toBeLessThanOrEqual(n * 1.1);
    }
  });

  it('6× the sample: each copy after the first adds at most the reprint work the second added (and 10%)', () => {
    const at = (n: number, pass: string): number => counts.find((c) => c.n === n)!.work.get(pass) ?? 0;
    for (const pass of PER_REPRINT) {
      const second = at(2, pass) - at(1, pass);
      expect(second, pass).toBeGreaterThan(0);
      expect(at(6, pass) - at(1, pass), `${pass}: ${at(1, pass)}, ${at(2, pass)}, ${at(6, pass)} steps on 1×, 2×, 6×`).toBeLessThanOrEqual(
        5 * 1.1 * second,
      );
    }
  });

  it('counts nothing when off, and stays off after counting', () => {
    expect(work.on).toBe(false);
    const before = work.counts.size;
    tally('x', 5);
    expect(work.counts.size).toBe(before);
  });
});

/** The rule TitleIndex indexes, applied by comparing with every document. */
function bruteTarget(key: string, keys: readonly DocKeys[], self: Document | null): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const k of keys) {
    if (k.doc === self) continue;
    let score = 0;
    if (k.title === key) score = 4;
    else if (k.inner.includes(key)) score = 3;
    else if (k.attachments.includes(key)) score = 2;
    else if (key.length >= 8 && k.title.length <= SUFFIX_MAX && k.title.endsWith(key)) score = 2;
    if (score > bestScore) {
      best = k.doc.id;
      bestScore = score;
    }
  }
  return best;
}

describe('TitleIndex', () => {
  it('finds what comparing with every document finds', () => {
    // a small alphabet makes equal titles, inner titles and shared ends frequent
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const word = (): string => Array.from({ length: 4 + rnd(10) }, () => '方案通知规划'[rnd(6)]).join('');
    for (let trial = 0; trial < 200; trial++) {
      const keys: DocKeys[] = Array.from({ length: 1 + rnd(8) }, (_, i) => ({
        doc: { id: `d${i}` } as Document,
        title: word(),
        inner: rnd(2) ? [word()] : [],
        attachments: rnd(2) ? [word(), word()] : [],
      }));
      const index = new TitleIndex(keys);
      const pool = keys.flatMap((k) => [k.title, k.title.slice(rnd(k.title.length)), ...k.inner, ...k.attachments, word()]);
      for (const key of pool)
        for (const self of [null, keys[rnd(keys.length)]!.doc]) expect(index.target(key, self)).toBe(bruteTarget(key, keys, self));
    }
  });
});

describe('TitleIndex on a title of more than SUFFIX_MAX characters (a line that lost its breaks)', () => {
  const keysOf = (title: string): DocKeys[] => [{ doc: { id: 'd0' } as Document, title, inner: [], attachments: [] }];
  const end = '关于印发某区某项工作方案的通知';
  it('matches the end of a title of SUFFIX_MAX characters, not of one more; the whole title either way', () => {
    const at = '甲'.repeat(SUFFIX_MAX - end.length) + end;
    const past = '甲' + at;
    expect(new TitleIndex(keysOf(at)).target(end, null)).toBe('d0');
    expect(new TitleIndex(keysOf(past)).target(end, null)).toBeNull();
    expect(new TitleIndex(keysOf(past)).target(past, null)).toBe('d0');
  });
  it('counts no work per character of such a title (a 50 MB line made 50 million index entries, 2.3 GB)', () => {
    const counted = countWork(() => new TitleIndex(keysOf('甲'.repeat(1_000_000))));
    expect(counted.get('titleIndex')).toBe(1);
  });
});

describe('countInText', () => {
  const brute = (lines: string[], n: string, skip: Set<number>): number => {
    let c = 0;
    lines.forEach((l, i) => {
      if (skip.has(i + 1) || l.trimStart().startsWith('|')) return;
      for (let at = l.indexOf(n); at >= 0; at = l.indexOf(n, at + n.length)) c++;
    });
    return c;
  };
  it('counts each name like indexOf does, for few names and for many', () => {
    // (table rows after any kind of space are skipped; lines without a name's last character hold none)
    const lines = [
      '甲乙闸甲乙闸甲乙闸站',
      '| 甲乙闸 |',
      '乙闸乙闸乙',
      '甲乙闸站 与 丙闸',
      '乙乙乙乙',
      '\u3000\u00a0| 丙闸 |',
      '丙 闸 甲站',
      '\t丙闸',
    ];
    const few = ['甲乙闸', '甲乙闸站', '乙闸', '乙乙', '丙闸', '闸\n乙'];
    const many = [...few, ...Array.from({ length: 30 }, (_, i) => `名${i}闸`)];
    for (const names of [few, many]) {
      const got = countInText(Lines.of(lines), names, new Set([4]));
      for (const n of names) expect(got.get(n), n).toBe(brute(lines, n, new Set([4])));
    }
    expect(countInText(Lines.of(lines), many, new Set()).get('乙乙')).toBe(2);
  });
});

describe('Owners', () => {
  const doc = (startLine: number, endLine: number, attachments: number[] = []) =>
    ({ span: { startLine, endLine }, attachments: attachments.map((a) => ({ startLine: a })) }) as unknown as Document;
  /** The first document whose span holds the line, and its last attachment starting at or before it. */
  const brute = (docs: Document[], line: number) => {
    const d = docs.findIndex((x) => line >= x.span.startLine && line <= x.span.endLine);
    if (d < 0) return { doc: -1, att: null };
    let att: number | null = null;
    let best = 0;
    docs[d]!.attachments.forEach((a, i) => {
      if (a.startLine !== null && a.startLine <= line && a.startLine >= best) [best, att] = [a.startLine, i];
    });
    return { doc: d, att };
  };
  it.each([
    ['in order', [doc(3, 10, [6, 8]), doc(12, 20), doc(21, 30, [25])]],
    ['overlapping', [doc(3, 10, [6]), doc(8, 20, [9, 15]), doc(1, 4)]],
  ])('finds the document and attachment of each line (%s)', (_, docs) => {
    const owners = new Owners(docs);
    for (let line = 0; line <= 32; line++) expect(owners.of(line), `line ${line}`).toEqual(brute(docs, line));
  });
});
