import { describe, expect, it } from 'vitest';
import { parseIssue, parseSource } from '../src/parse.js';
import { miniIssue } from './helpers/mini.js';

/**
 * Where the problem is: an anomaly points at the line (and column) an editor would fix,
 * with `endLine` for a range, and names the other place in its message.
 */
const find = (text: string, code: string) => parseSource(text).issue.anomalies.filter((a) => a.code === code);

describe('anomalies point where the fix is', () => {
  it('DOCNUMBER_NONSTANDARD: at the first character that differs from the standard form', () => {
    const spaced = miniIssue({ docs: [{ title: '某某区人民政府关于开展甲项工作的通知', number: '某府〔2023〕13 号' }] });
    const [a] = find(spaced, 'DOCNUMBER_NONSTANDARD');
    const line = spaced.split('\n')[a!.line - 1]!;
    expect(line.slice(a!.column - 1, a!.column + 1)).toBe(' 号');
    const ascii = miniIssue({ docs: [{ title: '某某区人民政府关于开展甲项工作的通知', number: '某府(2023)13号' }] });
    const [b] = find(ascii, 'DOCNUMBER_NONSTANDARD');
    expect(ascii.split('\n')[b!.line - 1]!.slice(b!.column - 1)).toBe('(2023)13号');
    // a standard 文号 gives none
    expect(
      find(miniIssue({ docs: [{ title: '某某区人民政府关于开展甲项工作的通知', number: '某府〔2023〕13号' }] }), 'DOCNUMBER_NONSTANDARD'),
    ).toEqual([]);
  });

  it('DOCUMENT_NOT_IN_TOC: the whole title, first line to last', () => {
    // a second document, its title wrapped over two lines, that the table of contents does not list
    const text = miniIssue({ docs: [{ title: '某某区人民政府关于开展甲项工作的通知', number: '某府〔2023〕1号' }] }).replace(
      '某某区人民政府公报',
      '某某区人民政府关于开展乙项\n工作的通知\n\n(2023 年 4 月 11 日)\n\n某府〔2023〕2号\n\n各街道办事处：\n\n特此通知。\n\n某某区人民政府公报',
    );
    const issue = parseIssue(text);
    const d = issue.documents.find((x) => x.title === '某某区人民政府关于开展乙项工作的通知');
    expect(d?.titleSpan.endLine).toBe(d!.titleSpan.startLine + 1);
    const a = issue.anomalies.filter((x) => x.code === 'DOCUMENT_NOT_IN_TOC');
    expect(a.map((x) => [x.line, x.endLine])).toEqual([[d!.titleSpan.startLine, d!.titleSpan.endLine]]);
  });

  it('TABLE_CELLS_FILLED: from the first filled cell to the last, the range in the message', () => {
    const table = [
      '| 类别 | 项目 | 数量 |',
      '|---|---|---|',
      '| 甲类 | 一 | 1 |',
      '| | 二 | 2 |',
      '| | 三 | 3 |',
      '| 乙类 | 四 | 4 |',
      '| | 五 | 5 |',
    ];
    const text = miniIssue({
      docs: [{ title: '某某区人民政府关于开展甲项工作的通知', number: '某府〔2023〕1号', body: ['各街道办事处：', table.join('\n')] }],
    });
    const lines = text.split('\n');
    const [a] = find(text, 'TABLE_CELLS_FILLED');
    const first = lines.indexOf('| | 二 | 2 |') + 1;
    const last = lines.indexOf('| | 五 | 5 |') + 1;
    expect([a!.line, a!.endLine]).toEqual([first, last]);
    expect(a!.message).toContain(`(lines ${first}–${last})`);
    expect(a!.column).toBeGreaterThan(1);
  });

  it('TOC_TITLE_MISMATCH: on the TOC line at the first character that differs, spaces skipped', () => {
    const text = miniIssue({
      docs: [
        { title: '某某区人民政府关于开展甲项工作的通知', tocTitle: '某某区人民政府关于开展 丁项工作的通知', number: '某府〔2023〕1号' },
      ],
    });
    const [a] = find(text, 'TOC_TITLE_MISMATCH');
    expect(text.split('\n')[a!.line - 1]!.slice(a!.column - 1, a!.column)).toBe('丁');
  });
});
