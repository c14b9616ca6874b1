// The steps of building logical tables (src/features/tables/index.ts), each through its
// own interface: what it returns and the anomalies it returns with it. tests/tables.test.ts
// covers the same rules through extractTables.
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/read/lines.js';
import { scanTables } from '../src/features/tables/scan.js';
import {
  artefactAnomalies,
  cleanRow,
  isEmptyRow,
  onlyFirstFilled,
  repeatsHeader,
  sameRow,
  type WRow,
} from '../src/features/tables/clean-cells.js';
import type { TableContext } from '../src/features/tables/context.js';
import { fillMergedCells } from '../src/features/tables/fill-merged-cells.js';
import { finishTable, TableIds } from '../src/features/tables/finish-table.js';
import { joinCutRows, joinText } from '../src/features/tables/join-cut-rows.js';
import { headerRowsOf, pendingAnomalies, type Logical, type Piece } from '../src/features/tables/logical.js';
import { mergeContinuations } from '../src/features/tables/merge-continuations.js';
import { Owners } from '../src/features/tables/finish-table.js';
import { columnNames, indexColumns, labelGroups, layOutRows, markGroupRows } from '../src/features/tables/read-headers.js';
import { typeColumns } from '../src/features/tables/type-columns.js';
import type { Document } from '../src/model/issue.js';

/** Steps 1–2 on `text`: the logical tables and a context for the first one. */
function logicals(text: string): { ctx: TableContext; ls: Logical[] } {
  const src = splitLines(text);
  const pieces: Piece[] = scanTables(src, cleanRow).map((f) => ({
    frag: { startLine: f.startLine, endLine: f.endLine },
    header: f.header,
    body: f.rows,
  }));
  return { ctx: { src, id: 'x-t1', documentId: 'x' }, ls: mergeContinuations(src, pieces, new Owners([])) };
}

/** Step 3 on the first logical table of `text`. */
function laidOut(text: string) {
  const { ctx, ls } = logicals(text);
  const l = ls[0]!;
  const names = columnNames(l.width, l.header, l.sub);
  const laid = layOutRows(ctx, l, headerRowsOf(l));
  const index = indexColumns(names, laid.value);
  markGroupRows(laid.value, l.width, index);
  return { ctx, l, names, index, laid };
}

const texts = (rows: readonly WRow[]) => rows.map((r) => r.cells.map((c) => c.text));

describe('row predicates', () => {
  const cells = (...texts: string[]) => cleanRow({ line: 1, cells: texts.map((text, i) => ({ text, line: 1, column: i + 1, offset: i })) });
  it('a row repeats a header when every cell has the same match key (spaces, brackets, width, case aside)', () => {
    const h = cells('序号', '名 称', '面积（m²）', 'Y(m)');
    expect(sameRow(cells('序号', '名称', '面积(m²)', 'y（m）'), h)).toBe(true);
    expect(sameRow(cells('【序号】', ' 名称', '面积 m²', 'Ｙ m'), h)).toBe(true);
    expect(sameRow(cells('1', '名称', '面积(m²)', 'Y(m)'), h)).toBe(false);
    expect(sameRow(cells('序号', '名称', '面积', 'Y(m)'), h)).toBe(false);
    expect(sameRow(cells('序号', '名称', '面积(m²)'), h)).toBe(false);
    expect(repeatsHeader(cells('序号', '名称', '面积(m²)', 'Y(m)', ''), h)).toBe(true);
    expect(repeatsHeader(cells('序号', '名称', '面积(m²)', 'Y(m)', '注'), h)).toBe(false);
    // keys that start alike but differ further on, and keys of no Han character
    expect(sameRow(cells('序列', '名称', '面积(m²)', 'Y(m)'), h)).toBe(false);
    expect(sameRow(cells('序号', '名称', '面积(m²)', 'X(m)'), h)).toBe(false);
  });
  it('empty rows and rows with only the first cell filled', () => {
    expect(isEmptyRow(cells('', ' ', ''))).toBe(true);
    expect(isEmptyRow(cells('', '', 'a'))).toBe(false);
    expect(onlyFirstFilled(cells('一、甲类', '', ''))).toBe(true);
    expect(onlyFirstFilled(cells('一、甲类', '', 'a'))).toBe(false);
    expect(onlyFirstFilled(cells('', 'a', ''))).toBe(false);
    expect(onlyFirstFilled(cells())).toBe(false);
  });
});

describe('step 2: mergeContinuations', () => {
  it('merges a fragment after a page number and keeps its anomaly until the table has an id', () => {
    const { ctx, ls } = logicals('| 序号 | 名称 |\n|---|---|\n| 1 | 甲 |\n\n- 3 -\n\n| 序号 | 名称 |\n|---|---|\n| 2 | 乙 |\n');
    expect(ls).toHaveLength(1);
    expect(ls[0]!.pieces.map((p) => p.continuation)).toEqual(['first', 'repeatHeader']);
    const a = pendingAnomalies(ctx, ls[0]!);
    expect(a.map((x) => [x.code, x.line, x.endLine, x.documentId])).toEqual([['TABLE_MERGED', 7, 9, 'x']]);
    expect(a[0]!.message).toMatch(/^table x-t1: the fragment at lines 7–9 repeats the header/);
  });

  it('keeps fragments apart when text stands between them', () => {
    const { ls } = logicals('| 序号 | 名称 |\n|---|---|\n| 1 | 甲 |\n\n正文一句。\n\n| 序号 | 名称 |\n|---|---|\n| 2 | 乙 |\n');
    expect(ls).toHaveLength(2);
    expect(ls.every((l) => l.pending.length === 0)).toBe(true);
  });
});

describe('step 3: layOutRows, indexColumns, markGroupRows', () => {
  it('pads a short row and returns its TABLE_RAGGED_ROW with the rows', () => {
    const { laid } = laidOut('| 序号 | 名称 | 备注 |\n|---|---|---|\n| 1 | 甲 |\n| 2 | 乙 | 丙 |\n');
    expect(texts(laid.value)).toEqual([
      ['1', '甲', ''],
      ['2', '乙', '丙'],
    ]);
    expect(laid.value[0]!.cells[2]!.pad).toBe(true);
    expect(laid.anomalies.map((a) => [a.code, a.line, a.column])).toEqual([['TABLE_RAGGED_ROW', 3, 10]]);
  });

  it('finds the index column and the group rows of a numbered table', () => {
    const { index, laid } = laidOut('| 序号 | 名称 | 数量 |\n|---|---|---|\n| 一、收入 | | |\n| 1 | 甲 | 30 |\n| 2 | 乙 | 7 |\n');
    expect(index).toEqual([true, false, false]);
    expect(laid.value.map((r) => r.kind)).toEqual(['group', 'data', 'data']);
    labelGroups(laid.value);
    expect(laid.value.map((r) => r.group)).toEqual([undefined, '一、收入', '一、收入']);
  });
});

describe('step 4: joinCutRows', () => {
  const text =
    '| 序号 | 名称 | 内容 |\n|---|---|---|\n| 1 | 甲 | 第一段 |\n| 2 | 乙 | 前半 |\n\n| | | |\n|---|---|---|\n| | | 后半 |\n| 3 | 丙 | 丁 |\n';

  it('returns the rows without the one that finishes its predecessor, and its TABLE_ROW_JOINED', () => {
    const { ctx, l, names, index, laid } = laidOut(text);
    const before = laid.value.length;
    const r = joinCutRows(ctx, laid.value, l.width, index, names);
    expect(texts(r.value)).toEqual([
      ['1', '甲', '第一段'],
      ['2', '乙', '前半后半'],
      ['3', '丙', '丁'],
    ]);
    expect(laid.value).toHaveLength(before); // a new array: the input keeps its rows
    expect(r.value[1]!.cells[2]!.joined).toEqual([{ raw: '后半', line: 8, column: 7 }]);
    expect(r.anomalies.map((a) => [a.code, a.line])).toEqual([['TABLE_ROW_JOINED', 8]]);
  });

  it('joins Latin text with a space, CJK text without', () => {
    expect(joinText('abc', 'def')).toBe('abc def');
    expect(joinText('甲', 'def')).toBe('甲def');
    expect(joinText('', 'x')).toBe('x');
  });
});

describe('step 5: fillMergedCells', () => {
  it('returns the group columns, fills their merged cells and says how many', () => {
    const { ctx, l, names, index, laid } = laidOut(
      '| 类别 | 名称 | 单位 |\n|---|---|---|\n| 甲类 | 一 | 个 |\n| | 二 | 个 |\n| | 三 | 个 |\n| 乙类 | 四 | 个 |\n| | 五 | 个 |\n',
    );
    const rows = laid.value;
    const r = fillMergedCells(ctx, rows, rows, l.width, index, names);
    expect(r.value).toEqual([0]);
    expect(rows.map((x) => x.cells[0]!.text)).toEqual(['甲类', '甲类', '甲类', '乙类', '乙类']);
    expect(rows[1]!.cells[0]).toMatchObject({ filled: true, original: '' });
    expect(r.anomalies.map((a) => [a.code, a.line])).toEqual([['TABLE_CELLS_FILLED', 4]]);
    expect(r.anomalies[0]!.message).toContain('3 empty cells of column “类别”');
  });
});

describe('step 6: typeColumns', () => {
  it('returns the typed columns with TABLE_CELL_TYPE for a misfit, kept as text', () => {
    const { ctx, l, names, index, laid } = laidOut(
      '| 名称 | 数量 |\n|---|---|\n| 甲 | 1 |\n| 乙 | 2 |\n| 丙 | 3 |\n| 丁 | 4 |\n| 戊 | 很多 |\n',
    );
    const rows = laid.value;
    const r = typeColumns(ctx, rows, rows, { W: l.width, names, index, groupCols: [] });
    expect(r.value.map((c) => `${c.name}:${c.type}`)).toEqual(['名称:text', '数量:integer']);
    expect(rows.map((x) => x.cells[1]!.value)).toEqual([1, 2, 3, 4, '很多']);
    expect(r.anomalies.map((a) => [a.code, a.line])).toEqual([['TABLE_CELL_TYPE', 7]]);
  });

  it('reports a row whose text slid one column, after the type misfits', () => {
    const { ctx, l, names, index, laid } = laidOut(
      '| 序号 | 任务 | 牵头部门 | 责任单位 |\n|---|---|---|---|\n| 1 | 甲 | 区发改委 | 区建管委 |\n| 2 | 乙 | 区发改委 | 区建管委 |\n| 3 | 丙 | 区发改委 | 区建管委 |\n| 4 | 丁 | 区建管委 | |\n| 5 | 戊 | 区发改委 | 区建管委 |\n',
    );
    const rows = laid.value;
    const r = typeColumns(ctx, rows, rows, { W: l.width, names, index, groupCols: [] });
    expect(r.anomalies.map((a) => [a.code, a.line])).toEqual([['TABLE_ROW_SHIFTED', 6]]);
    expect(r.anomalies[0]!.message).toContain('shifted one column to the left');
  });
});

describe('step 1 (reported at the end) and step 7', () => {
  it('artefactAnomalies names the cleaned artefacts of body and header cells', () => {
    const { ctx, l, names, laid } = laidOut('| 名称 | <p>指标</p> |\n|---|---|\n| 甲 | $\\geq 80\\%$ |\n');
    const a = artefactAnomalies(ctx, laid.value, names, l.title, l.header, l.sub);
    expect(a.map((x) => [x.code, x.line])).toEqual([
      ['TABLE_ARTEFACT_CLEANED', 3],
      ['TABLE_ARTEFACT_CLEANED', 1],
    ]);
    expect(a[0]!.message).toBe('table x-t1: LaTeX in cell “指标” of the row at line 3 turned into text: “≥80%”');
  });

  it('TableIds counts per document, and outside documents on its own', () => {
    const ids = new TableIds();
    const d = { id: 'd' } as Document;
    expect([
      ids.next({ doc: 0, att: null }, d),
      ids.next({ doc: -1, att: null }, null),
      ids.next({ doc: 0, att: 1 }, d),
      ids.next({ doc: -1, att: null }, null),
    ]).toEqual(['d-t1', 't1', 'd-t2', 't2']);
  });

  it('finishTable takes the caption below and the notes', () => {
    const { ctx, l, names, laid } = laidOut('| 名称 | 数量 |\n|---|---|\n| 甲 | 1 |\n\n表 1：数量表\n注：单位为个。\n');
    const rows = laid.value;
    const columns = typeColumns(ctx, rows, rows, { W: l.width, names, index: [false, false], groupCols: [] }).value;
    const t = finishTable(ctx.src, l, { id: 't1', doc: null, att: null, prevEnd: 0 }, columns, rows);
    expect(t.caption).toEqual({ text: '表 1：数量表', line: 5 });
    expect(t.notes).toEqual([{ text: '注：单位为个。', line: 6 }]);
    expect(t.rows.map((r) => r.cells.map((c) => c.value))).toEqual([['甲', 1]]);
    expect(t.span).toEqual({ startLine: 1, endLine: 3 });
  });
});
