// The line model (src/model/lines.ts): lines kept as an array for an ordinary text, sliced
// from the text when read for one of millions of tiny lines (`yes`): the same lines, line
// numbers and offsets either way, and the same parse of every real text.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { realTexts } from './helpers/sample.js';
import { forceLineMode, LIST_MAX_LINES, LIST_MIN_AVERAGE, Lines, splitLines } from '../src/read/lines.js';
import { parseIssue } from '../src/parse.js';

const both = [true, false] as const;
const all = (l: Lines): string[] => Array.from({ length: l.length }, (_, i) => l.get(i)!);

afterEach(() => forceLineMode(undefined));

describe('Lines', () => {
  for (const keep of both) {
    describe(keep ? 'kept as an array' : 'sliced when read', () => {
      it('splits at LF, CRLF and lone CR; a final break opens no line; offsets are where each line starts', () => {
        const src = splitLines('甲\r\n乙\r丙\n\n丁\n', keep);
        expect(src.lines.materialised).toBe(keep);
        expect(all(src.lines)).toEqual(['甲', '乙', '丙', '', '丁']);
        expect(Array.from(src.offsets)).toEqual([0, 2, 4, 6, 7]);
        expect(src.text.slice(src.offsets[4]!, src.offsets[4]! + 1)).toBe('丁');
        expect(src.lines.starts[5]).toBe(src.text.length);
      });

      it('a last line without a break, an empty text (one empty line), a text of one break', () => {
        expect(all(Lines.fromText('a\nbc', keep))).toEqual(['a', 'bc']);
        expect(Lines.fromText('a\nbc', keep).starts[2]).toBe(5);
        expect(all(Lines.fromText('', keep))).toEqual(['']);
        expect(all(Lines.fromText('\n', keep))).toEqual(['']);
        expect(all(Lines.fromText('\n\n', keep))).toEqual(['', '']);
      });

      it('line starts as a loop over the characters finds them, whether lines prove long or tiny (the way of finding them changes)', () => {
        const long = '某区人民政府关于开展工作的通知，各街道办事处。';
        const texts = [
          'y\n'.repeat(10_000),
          `${long}\n`.repeat(5_000) + 'y\n'.repeat(30_000) + 'tail',
          '\n'.repeat(9_000) + `${long}\n`.repeat(100),
          `${long}\n`.repeat(4_096),
        ];
        for (const text of texts) {
          const want = [0];
          for (let i = 0; i < text.length; i++) if (text[i] === '\n') want.push(i + 1);
          if (text.endsWith('\n')) want.pop();
          want.push(text.endsWith('\n') ? text.length : text.length + 1);
          expect(Array.from(Lines.fromText(text, keep).starts)).toEqual(want);
        }
      });

      it('get past either end is undefined, like an array; slice clamps like an array', () => {
        const l = Lines.fromText('a\nb\nc', keep);
        expect([l.get(-1), l.get(3), l.get(2)]).toEqual([undefined, undefined, 'c']);
        expect(l.slice(1)).toEqual(['b', 'c']);
        expect(l.slice(-5, 2)).toEqual(['a', 'b']);
        expect(l.slice(2, 1)).toEqual([]);
      });

      it('gives what text.split gives, line for line, on the sample', () => {
        const text = readFileSync('samples/changning-2023-02.txt', 'utf8');
        const want = text.split('\n');
        if (want[want.length - 1] === '') want.pop();
        expect(all(Lines.fromText(text, keep))).toEqual(want);
      });
    });
  }

  it('keeps an ordinary text as an array, and slices one of very many short lines', () => {
    expect(Lines.fromText('y\n'.repeat(LIST_MAX_LINES)).materialised).toBe(true);
    // one line more than the limit, each shorter than the average that keeps the array
    expect(Lines.fromText('y\n'.repeat(LIST_MAX_LINES + 1)).materialised).toBe(false);
    const long = 'x'.repeat(LIST_MIN_AVERAGE - 1) + '\n';
    expect(Lines.fromText(long.repeat(LIST_MAX_LINES + 1)).materialised).toBe(true);
    expect(Lines.fromText('x\n'.repeat(LIST_MAX_LINES + 1)).get(LIST_MAX_LINES)).toBe('x');
  });

  it('nextNonAscii: the next line holding a character past ASCII when sliced; the line itself when kept', () => {
    const text = ['a', 'b', '甲', 'c', '', 'd', '乙丙', 'e'].join('\n');
    const sliced = Lines.fromText(text, false);
    expect([0, 1, 2, 3, 4, 6, 7].map((i) => sliced.nextNonAscii(i))).toEqual([2, 2, 2, 6, 6, 6, 8]);
    // asked again from inside a run it answered: the same
    expect(sliced.nextNonAscii(4)).toBe(6);
    const kept = Lines.fromText(text, true);
    expect([0, 3, 7].map((i) => kept.nextNonAscii(i))).toEqual([0, 3, 7]);
    expect(sliced.skipAscii(1)).toBe(3);
    expect(sliced.skipAscii(4, 1)).toBe(6);
    expect(sliced.skipAscii(4, 5)).toBe(4);
    expect(kept.skipAscii(1)).toBe(1);
  });
});

describe('the parse of every real text is the same with its lines sliced', () => {
  const files = realTexts('real', 'readers', 'printed');
  for (const file of files) {
    it(file, () => {
      const bytes = readFileSync(file);
      forceLineMode(true);
      const kept = JSON.stringify(parseIssue(bytes, { name: file }));
      forceLineMode(false);
      const sliced = JSON.stringify(parseIssue(bytes, { name: file }));
      expect(sliced === kept).toBe(true);
    });
  }
});

describe('the parse of texts with ASCII lines among their lines is the same with its lines sliced', () => {
  const sample = readFileSync('samples/changning-2023-02.txt', 'utf8').split('\n');
  const variants: [string, (l: string, i: number) => string[]][] = [
    ['y after every line', (l) => [l, 'y']],
    ['y and a blank line after every third line', (l, i) => (i % 3 === 0 ? [l, 'y', ''] : [l])],
    ['1. and (a) before every fifth line', (l, i) => (i % 5 === 0 ? ['1. a', '(a', l] : [l])],
    ['* ** # and <p> lines', (l, i) => (i % 7 === 0 ? ['**', '# a', '<p>', l] : [l])],
    ['pipe, tab and spaced lines', (l, i) => (i % 11 === 0 ? ['| a | b |', 'a\tb\tc', 'a b', 'y', l] : [l])],
  ];
  for (const [what, add] of variants) {
    it(what, () => {
      const text = sample.flatMap(add).join('\n');
      forceLineMode(true);
      const kept = JSON.stringify(parseIssue(text, { name: what }));
      forceLineMode(false);
      const sliced = JSON.stringify(parseIssue(text, { name: what }));
      expect(sliced === kept).toBe(true);
    });
  }
});
