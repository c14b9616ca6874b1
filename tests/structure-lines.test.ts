// The lines the structure reader's passes read: category headers (【), TOC headings (录),
// citations (号 and the lines just above one, 《) found by native searches of the whole text.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Lines, splitLines } from '../src/read/lines.js';
import { readStructure } from '../src/core/structure.js';
import { MAX_CUT_GAP } from '../src/core/patterns.js';
import { parseIssue } from '../src/parse.js';
import { miniIssue } from './helpers/mini.js';

afterEach(() => vi.restoreAllMocks());

describe('structure passes read the lines that can hold what they look for', () => {
  it('on the sample, fewer lines read (measured: 15 344 reads of 3 026 lines; 29 086 when regions, interpretations and citations read every line)', () => {
    const src = splitLines(readFileSync('samples/changning-2023-02.txt', 'utf8'));
    const get = vi.spyOn(Lines.prototype, 'get');
    const s = readStructure(src).value;
    const reads = get.mock.calls.length;
    get.mockRestore();
    expect(s.documents.length).toBe(22);
    expect(s.citations.length).toBeGreaterThan(0);
    expect(reads).toBeLessThan(20_000);
  });

  it('a 文号 cut at a line end (a line with neither 号 nor 《) is read across up to MAX_CUT_GAP lines, not further', () => {
    const cited = (blanks: number) =>
      parseIssue(
        miniIssue({
          docs: [
            {
              title: '关于甲事项的通知',
              body: ['各街道办事处：', '根据甲通知（沪某' + '\n'.repeat(blanks - 1), '办(2023)6号）要求，现通知如下。', '特此通知。'],
            },
          ],
        }),
      )
        .citations.filter((c) => c.kind === 'docNumber')
        .map((c) => c.normalized);
    // (miniIssue puts a blank line after each body line; the rest of the 文号 is at most MAX_CUT_GAP lines below)
    expect(cited(1)).toEqual(['沪某办〔2023〕6号']);
    expect(cited(MAX_CUT_GAP - 1)).toEqual(['沪某办〔2023〕6号']);
    // (further down, the next line's 文号 stands alone)
    expect(cited(MAX_CUT_GAP)).toEqual(['办〔2023〕6号']);
  });

  it('category headers and cited titles far from any other are found', () => {
    const filler = Array.from({ length: 300 }, (_, i) => `第${i}段正文内容没有任何特殊的字符。`);
    const issue = parseIssue(
      miniIssue({
        category: '区政府文件',
        docs: [{ title: '关于乙事项的通知', body: ['各街道办事处：', ...filler, '请按照《丙办法》执行。'] }],
      }),
    );
    expect(issue.sections.map((s) => s.category)).toEqual(['区政府文件']);
    expect(issue.citations.filter((c) => c.kind === 'title').map((c) => c.text)).toEqual(['丙办法']);
  });
});

describe('interpretations', () => {
  it('a 文字解读 heading far below the region start still starts a document', () => {
    const filler = Array.from({ length: 200 }, (_, i) => `第${i}段正文内容。`);
    const issue = parseIssue(
      miniIssue({
        docs: [
          { title: '关于丁事项的通知', body: ['各街道办事处：', ...filler, '特此通知。'] },
          { title: '文字解读：《关于丁事项的通知》', date: null, body: ['一、背景', '为了落实要求。'] },
        ],
      }),
    );
    expect(issue.documents.map((d) => d.title)).toEqual(['关于丁事项的通知', '文字解读：《关于丁事项的通知》']);
  });
});
