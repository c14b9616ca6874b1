/** Pipe rows without their |---| delimiter row are read as tables (features/tables/runs.ts). */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/read/lines.js';
import { scanPipeRuns } from '../src/features/tables/runs.js';
import { scanTables } from '../src/features/tables/scan.js';
import { extractTables } from '../src/features/tables/index.js';
import { parseIssue } from '../src/parse.js';
import { SAMPLE } from './helpers/sample.js';

const runs = (text: string) => scanPipeRuns(splitLines(text), (r) => r.cells.map((c) => c.text));
const DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

describe('runs of pipe rows without a delimiter row', () => {
  it('a run whose first two rows agree on their cell count is a table; later ragged rows are kept whole', () => {
    const f = runs('前文\n| 姓名 | 职务 |\n| 张三 | 主任 |\n| 李四 | 副主任 | 多 |\n后文\n');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      startLine: 2,
      endLine: 4,
      header: ['姓名', '职务'],
      rows: [
        ['张三', '主任'],
        ['李四', '副主任', '多'],
      ],
    });
  });

  it('a single pipe line, rows that disagree at once, or a first line not closed by | are not tables', () => {
    expect(runs('| 只有一行 |\n正文\n')).toEqual([]);
    expect(runs('| a | b |\n| 1 | 2 | 3 |\n')).toEqual([]);
    expect(runs('| a | b\n| 1 | 2 |\n')).toEqual([]);
  });

  it('runs holding a delimiter row are left to the GFM scanner', () => {
    const text = '| a | b |\n|---|---|\n| 1 | 2 |\n\n| x | y |\n| 3 | 4 |\n';
    expect(runs(text).map((f) => f.startLine)).toEqual([5]);
    expect(scanTables(splitLines(text)).map((f) => f.startLine)).toEqual([1]);
  });

  it('the sample without its delimiter rows gives the fragments the scanner finds in the sample, row for row', () => {
    const lines = SAMPLE.split('\n');
    const kept: number[] = [];
    const stripped = lines.filter((s, i) => {
      const drop = i > 0 && lines[i - 1]!.startsWith('|') && DELIMITER.test(s);
      if (!drop) kept.push(i + 1);
      return !drop;
    });
    const want = scanTables(splitLines(SAMPLE), (r) => r.cells.map((c) => c.text)).map((f) => [
      kept.indexOf(f.startLine) + 1,
      f.header,
      f.rows,
    ]);
    const got = runs(stripped.join('\n')).map((f) => [f.startLine, f.header, f.rows]);
    expect(got).toHaveLength(45);
    expect(got).toEqual(want);
  });

  it("the plain sample has no such run: its tables are the scanner's alone", () => {
    expect(runs(SAMPLE)).toEqual([]);
  });

  it('merged and cleaned like any table: continuation across a page break, merged cells filled', () => {
    const text = '| 序号 | 街道 | 人数 |\n| 1 | 华阳 | 10 |\n| 2 | | 12 |\n\n12\n\n| | | |\n| 3 | 江苏 | 9 |\n';
    const t = extractTables(splitLines(text), []);
    expect(t.value).toHaveLength(1);
    expect(t.value[0]!.rows.map((r) => r.cells.map((c) => (c.filled ? `^${c.text}` : c.text)))).toEqual([
      ['1', '华阳', '10'],
      ['2', '^华阳', '12'],
      ['3', '江苏', '9'],
    ]);
    expect(t.anomalies.map((a) => a.code)).toEqual(expect.arrayContaining(['TABLE_MERGED', 'TABLE_CELLS_FILLED']));
  });

  it('the parse reports the run (TABLE_DELIMITER_MISSING) and still reads the table', () => {
    const issue = parseIssue('标题\n\n| 姓名 | 职务 |\n| 张三 | 主任 |\n');
    expect(issue.tables).toHaveLength(1);
    const a = issue.anomalies.filter((x) => x.code === 'TABLE_DELIMITER_MISSING');
    expect(a.map((x) => [x.line, x.endLine])).toEqual([[3, 4]]);
    expect(a[0]!.message).toContain('read as a table');
  });
});
