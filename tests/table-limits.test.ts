// The limits of a pipe table (issue 16, items 1 and 4): a row of more than MAX_ROW_CELLS
// cells or a table of more than MAX_TABLE_CELLS is not read as a table; its lines stay text
// and one TABLE_TOO_LARGE says so. Both sides of each limit, through the scanner (cheap)
// and through parseIssue; the issue's own inputs at full size are in tests/long/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIssue } from '../src/parse.js';
import { splitLines } from '../src/read/lines.js';
import { MAX_ROW_CELLS, MAX_TABLE_CELLS, countCells, scanTables, splitRow, type OversizedTable } from '../src/features/tables/scan.js';
import { scanPipeRuns } from '../src/features/tables/runs.js';
import { CATALOGUE } from '../src/model/catalogue.js';
import { SAMPLE } from './helpers/sample.js';

const row = (cells: number, fill = ' 1 ') => '|' + `${fill}|`.repeat(cells);
const delimiter = (cells: number) => '|' + '---|'.repeat(cells);
const tooLarge = (text: string) => parseIssue(text).anomalies.filter((a) => a.code === 'TABLE_TOO_LARGE');
const REAL = [
  SAMPLE,
  ...['gwy-2019-jan-feb.txt', 'pkulaw-baotou-2022-43.txt'].map((f) => readFileSync(`tests/fixtures/real/${f}`, 'utf8')),
  ...['changning-2023-02.md', 'changning-2023-02.layout.txt', 'changning-2023-02.nosep.txt'].map((f) =>
    readFileSync(`tests/fixtures/readers/${f}`, 'utf8'),
  ),
];

describe('countCells counts what splitRow splits, without making the cells', () => {
  it('on every line of the sample and the real texts', () => {
    let rows = 0;
    for (const text of REAL)
      for (const line of text.split('\n')) {
        const cells = splitRow(line, 1, 0)?.cells.length ?? 0;
        expect(countCells(line), line).toBe(cells);
        if (cells > 0) rows++;
      }
    expect(rows).toBeGreaterThan(1000);
  });
  it('on escaped pipes, trailing blanks, a lone pipe and lines without a closing pipe', () => {
    for (const line of ['|', ' | ', '||', '| a |  ', '| a | b', 'a | b |', '\\|', '| \\| |', '| \\\\| |', 'a', '', '|\t|\t', '| a |\\'])
      expect(countCells(line), JSON.stringify(line)).toBe(splitRow(line, 1, 0)?.cells.length ?? 0);
  });
  it('on arbitrary lines of pipes, backslashes, blanks and text', () => {
    const line = fc.array(fc.constantFrom('|', '\\', ' ', '\t', 'a', '甲', '`'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(line, (s) => countCells(s) === (splitRow(s, 1, 0)?.cells.length ?? 0)),
      { numRuns: 2000, seed: 16 },
    );
  });
});

describe('the limits are far above any real table', () => {
  it('the widest table of the sample and the real texts has 14 columns, the largest 330 cells', () => {
    for (const text of REAL.slice(0, 3)) {
      const issue = parseIssue(text);
      expect(issue.anomalies.filter((a) => a.code === 'TABLE_TOO_LARGE')).toEqual([]);
      for (const t of issue.tables) {
        expect(t.columns.length).toBeLessThanOrEqual(14);
        expect(t.rows.reduce((n, r) => n + r.cells.length, 0)).toBeLessThanOrEqual(330);
      }
    }
  });
  it('the catalogue states the limits', () => {
    const d = CATALOGUE.TABLE_TOO_LARGE.description.replace(/ /g, '');
    expect(d).toContain(`${MAX_ROW_CELLS}cellsinarow`);
    expect(d).toContain(`${MAX_TABLE_CELLS}inatable`);
  });
});

describe(`a row of at most ${MAX_ROW_CELLS} cells`, () => {
  const table = (w: number) => `| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n${row(w)}\n| 4 | 5 | 6 |\n\n正文继续。\n`;
  it('at the limit: read as a table, the wide row ragged', () => {
    const issue = parseIssue(table(MAX_ROW_CELLS));
    expect(issue.tables).toHaveLength(1);
    expect(issue.tables[0]!.rows.map((r) => r.cells.length)).toEqual([3, MAX_ROW_CELLS, 3]);
    expect(issue.anomalies.filter((a) => a.code === 'TABLE_TOO_LARGE')).toEqual([]);
  });
  it('one cell past it: no table, its lines kept as text, one TABLE_TOO_LARGE naming the lines, the count and the limit', () => {
    const issue = parseIssue(table(MAX_ROW_CELLS + 1));
    expect(issue.tables).toEqual([]);
    const [a, ...more] = issue.anomalies.filter((x) => x.code === 'TABLE_TOO_LARGE');
    expect(more).toEqual([]);
    expect(a).toMatchObject({ severity: 'warning', line: 1, endLine: 5, evidence: '| a | b | c |' });
    expect(a!.message).toContain(`a row of ${MAX_ROW_CELLS + 1} cells`);
    expect(a!.message).toContain(`limit of ${MAX_ROW_CELLS} a row`);
    // the text after the run is read as usual
    expect(parseIssue(table(MAX_ROW_CELLS + 1)).documents.length).toBe(parseIssue(table(3)).documents.length);
  });
  it('a header or delimiter row past it', () => {
    const w = MAX_ROW_CELLS + 1;
    expect(tooLarge(`${row(w, ' h ')}\n${delimiter(w)}\n${row(w)}\n`)).toHaveLength(1);
    expect(tooLarge(`${row(MAX_ROW_CELLS, ' h ')}\n${delimiter(MAX_ROW_CELLS)}\n${row(MAX_ROW_CELLS)}\n`)).toEqual([]);
  });
  it('pipe rows without a delimiter row: the same limit', () => {
    const runs = (w: number) => `| a | b |\n| 1 | 2 |\n${row(w)}\n`;
    expect(tooLarge(runs(MAX_ROW_CELLS))).toEqual([]);
    expect(parseIssue(runs(MAX_ROW_CELLS)).tables).toHaveLength(1);
    const [a] = tooLarge(runs(MAX_ROW_CELLS + 1));
    expect(a).toMatchObject({ line: 1, endLine: 3 });
    expect(parseIssue(runs(MAX_ROW_CELLS + 1)).tables).toEqual([]);
    // TABLE_DELIMITER_MISSING says the rows were read as a table: only when they were
    const codes = (w: number) => parseIssue(runs(w)).anomalies.map((x) => x.code);
    expect(codes(MAX_ROW_CELLS)).toContain('TABLE_DELIMITER_MISSING');
    expect(codes(MAX_ROW_CELLS + 1)).not.toContain('TABLE_DELIMITER_MISSING');
  });
  it('escaped pipes do not count: 100 000 \\| in a cell is a row of two cells', () => {
    const issue = parseIssue(`| a | b |\n|---|---|\n| ${'\\|'.repeat(100_000)} | x |\n`);
    expect(issue.tables).toHaveLength(1);
    expect(issue.tables[0]!.rows[0]!.cells).toHaveLength(2);
  });
});

describe(`a table of at most ${MAX_TABLE_CELLS} cells (the scanner, no cell kept)`, () => {
  // 1 000 columns: a header and N - 1 body rows of 1 000 cells hold N × 1 000 cells.
  const W = 1000;
  const rows = MAX_TABLE_CELLS / W;
  const lines = (body: number, delim = true) =>
    splitLines([row(W, ' h '), ...(delim ? [delimiter(W)] : []), ...Array.from({ length: body }, () => row(W, '1'))].join('\n') + '\n');
  it('with a delimiter row: at the limit read, one row more left as text', () => {
    const o: OversizedTable[] = [];
    const at = scanTables(lines(rows - 1), () => 0, o);
    expect(at).toHaveLength(1);
    expect(at[0]!.rows).toHaveLength(rows - 1);
    expect(o).toEqual([]);
    expect(scanTables(lines(rows), () => 0, o)).toEqual([]);
    expect(o).toEqual([{ startLine: 1, endLine: rows + 2, cells: MAX_TABLE_CELLS + W, widest: W }]);
  });
  it('without a delimiter row: the same', () => {
    const o: OversizedTable[] = [];
    expect(scanPipeRuns(lines(rows - 1, false), () => 0, o)).toHaveLength(1);
    expect(o).toEqual([]);
    expect(scanPipeRuns(lines(rows, false), () => 0, o)).toEqual([]);
    expect(o).toEqual([{ startLine: 1, endLine: rows + 1, cells: MAX_TABLE_CELLS + W, widest: W }]);
  });
  it('through parseIssue: one TABLE_TOO_LARGE with the count and the limit', () => {
    const issue = parseIssue(lines(rows).text);
    expect(issue.tables).toEqual([]);
    const found = issue.anomalies.filter((a) => a.code === 'TABLE_TOO_LARGE');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`${MAX_TABLE_CELLS + W} cells, past the limit of ${MAX_TABLE_CELLS} a table`);
  });
});
