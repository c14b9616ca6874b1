import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fcParams } from './fuzz-helpers.js';
import fc from 'fast-check';
import { splitLines } from '../src/read/lines.js';
import { extractTables } from '../src/features/tables/index.js';
import { Table } from '../src/model/table.js';
import type { Document } from '../src/model/issue.js';

const grid = (t: Table) => t.rows.map((r) => r.cells.map((c) => (c.filled ? `^${c.text}` : c.text)));
const run = (text: string, docs: Document[] = []) => extractTables(splitLines(text), docs);

function doc(id: string, start: number, end: number, attachments: number[] = []): Document {
  return {
    id,
    ordinal: 1,
    category: null,
    kind: null,
    title: 't',
    titleRaw: 't',
    titleSpan: { startLine: start, endLine: start },
    date: null,
    dateRaw: null,
    dateLine: null,
    docNumber: null,
    recipients: null,
    attachments: attachments.map((l, i) => ({
      index: i + 1,
      declaredTitle: null,
      declaredLine: null,
      title: null,
      startLine: l,
      parent: null,
    })),
    span: { startLine: start, endLine: end },
    toc: null,
    interprets: null,
    issuers: [],
    dateSource: null,
    signature: null,
    note: null,
    header: null,
    sourceMeta: [],
  };
}

describe('logical tables of tests/fixtures/tables/page-split.md', () => {
  const text = readFileSync('tests/fixtures/tables/page-split.md', 'utf8');
  const { value: tables, anomalies } = run(text);

  it('every table validates against the zod schema', () => {
    for (const t of tables) expect(() => Table.parse(t)).not.toThrow();
    expect(tables.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
  });

  it('a two-row header over an empty-header continuation: one table, typed coordinates', () => {
    const t = tables[0]!;
    expect(t.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      '序号:integer',
      '岸别:text',
      '桩号:text',
      '城建坐标 Y(m):number',
      '城建坐标 X(m):number',
      '备注:text',
    ]);
    expect(t.columns[4]!.nameRaw).toBe('城建坐标\nX(m)');
    expect(t.fragments).toEqual([
      { startLine: 5, endLine: 9, headerRows: 2, continuation: 'first', columnOffset: 0 },
      { startLine: 11, endLine: 14, headerRows: 1, continuation: 'emptyHeader', columnOffset: 0 },
    ]);
    expect(t.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      [1, '左岸', 'JZD1', -100.5, 20.25, null],
      [2, '左岸', 'JZD2', -101.5, 21.25, null],
      [3, '右岸', 'JZD3', -102.5, 22.25, null],
      [4, '右岸', 'JZD4', -103.5, 23, null],
    ]);
    expect(t.caption).toEqual({ text: '表 1：示例坐标成果表', line: 16 });
    expect(t.span).toEqual({ startLine: 5, endLine: 14 });
  });

  it('repeated header and empty header continuations merge; a page-cut row is joined, merged cells filled', () => {
    const t = tables[1]!;
    expect(t.fragments.map((f) => f.continuation)).toEqual(['first', 'repeatHeader', 'emptyHeader']);
    expect(grid(t)).toEqual([
      ['1', '甲任务', '内容一', '单位 A'],
      ['2', '^甲任务', '内容二', '单位 B'],
      ['3', '^甲任务', '内容三很长的文字被分页截断的后半', '单位 C'],
      ['4', '乙任务', '内容四', '单位 D'],
    ]);
    const joined = t.rows[2]!.cells[2]!;
    expect(joined.raw).toBe('内容三 很长的文字被分');
    expect(joined.joined).toEqual([{ raw: '页截断的后半', line: 29, column: 7 }]);
    const filled = t.rows[1]!.cells[1]!;
    expect(filled).toMatchObject({ filled: true, original: '', raw: '', line: 21 });
    // the label above belongs to the table before (a 表 N label stands below its table)
    expect(t.caption).toBeNull();
  });

  it('text between two fragments keeps them apart; HTML cells are cleaned', () => {
    const t = tables[2]!;
    expect(t.fragments).toHaveLength(1);
    expect(t.columns.map((c) => c.name)).toEqual(['列1', '列2', '列3', '列4']);
    expect(grid(t)).toEqual([
      ['5', '丙任务', '内容五', '单位 E'],
      ['6', '^丙任务', '内容六续', '单位 F'],
    ]);
    expect(t.rows[1]!.cells[2]!.raw).toBe('<p>内容&nbsp;六</p><br/>续');
  });

  it('reports merges, the joined row, filled cells and cleaned HTML', () => {
    const codes = anomalies.map((a) => `${a.code}@${a.line}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'TABLE_MERGED@11',
        'TABLE_MERGED@23',
        'TABLE_MERGED@27',
        'TABLE_ROW_JOINED@29',
        'TABLE_CELLS_FILLED@21',
        'TABLE_CELLS_FILLED@37',
        'TABLE_ARTEFACT_CLEANED@37',
      ]),
    );
    expect(anomalies.filter((a) => a.severity !== 'info')).toEqual([]);
    const joined = anomalies.find((a) => a.code === 'TABLE_ROW_JOINED')!;
    expect(joined.message).toBe(
      'table t2: the row at line 29 only finishes the text of the row at line 25, cut by a page break (任务内容); joined to it',
    );
  });

  it('ownership and ids from documents and attachments', () => {
    const r = run(text, [doc('府办-2023-1', 1, 33, [1]), doc('府办-2023-2', 34, 40)]);
    expect(r.value.map((t) => [t.id, t.documentId, t.attachmentIndex])).toEqual([
      ['府办-2023-1-t1', '府办-2023-1', 0],
      ['府办-2023-1-t2', '府办-2023-1', 0],
      ['府办-2023-2-t1', '府办-2023-2', null],
    ]);
    expect(r.anomalies.every((a) => a.documentId === '府办-2023-1' || a.documentId === '府办-2023-2')).toBe(true);
  });

  it('fragments of two documents are never merged', () => {
    const r = run(text, [doc('a', 1, 10), doc('b', 11, 40)]);
    expect(r.value[0]!.fragments).toHaveLength(1);
    expect(r.value[1]!.documentId).toBe('b');
  });
});

describe('irregular tables', () => {
  it('a ragged row keeps every cell and is reported', () => {
    const r = run('| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |\n');
    const t = r.value[0]!;
    expect(t.rows.map((row) => row.cells.map((c) => c.text))).toEqual([
      ['1', '2', '3'],
      ['4', ''],
    ]);
    expect(r.anomalies.map((a) => [a.code, a.line, a.column])).toEqual([
      ['TABLE_RAGGED_ROW', 3, 11],
      ['TABLE_RAGGED_ROW', 4, 6],
    ]);
    expect(r.anomalies[0]!.message).toBe('table t1: the row at line 3 has 3 cells where the header has 2; the extra cell “3” kept');
  });

  it('an empty-header continuation with other data is a separate table, reported', () => {
    const r = run('| 序号 | 数量 |\n|---|---|\n| 1 | 10 |\n| 2 | 20 |\n\n| | |\n|---|---|\n| 甲 | 很多 |\n| 乙 | 不少 |\n');
    expect(r.value).toHaveLength(2);
    expect(r.anomalies.map((a) => a.code)).toEqual(['TABLE_CONTINUATION_MISMATCH']);
    expect(r.anomalies[0]!.message).toContain('column 1 holds text where the table has integer values');
  });

  it('two adjacent tables with different headers are never merged', () => {
    const r = run('| 姓名 | 职务 |\n|---|---|\n| 张三 | 主任 |\n\n| 序号 | 事项 |\n|---|---|\n| 1 | 甲 |\n');
    expect(r.value).toHaveLength(2);
    expect(r.anomalies).toEqual([]);
  });

  it('a page number between fragments does not keep them apart', () => {
    const r = run('| 序号 | 事项 |\n|---|---|\n| 1 | 甲 |\n\n- 12 -\n\n| | |\n|---|---|\n| 2 | 乙 |\n');
    expect(r.value).toHaveLength(1);
    expect(r.value[0]!.rows.map((row) => row.cells[1]!.text)).toEqual(['甲', '乙']);
  });

  it('a continuation that lost its leading group column is aligned by its data', () => {
    const text = [
      '| 分类 | 序号 | 内容 | 部门 |',
      '|---|---|---|---|',
      '| （一）甲 | 1 | 事项一 | 部门甲 |',
      '| | 2 | 事项二 | 部门乙 |',
      '',
      '| | | |',
      '|---|---|---|',
      '| 3 | <p>事项三</p> | <p>部门丙</p> |',
    ].join('\n');
    const r = run(text);
    expect(r.value).toHaveLength(1);
    const t = r.value[0]!;
    expect(t.fragments[1]).toMatchObject({ continuation: 'emptyHeader', columnOffset: 1 });
    expect(grid(t)).toEqual([
      ['（一）甲', '1', '事项一', '部门甲'],
      ['^（一）甲', '2', '事项二', '部门乙'],
      ['^（一）甲', '3', '事项三', '部门丙'],
    ]);
    expect(r.anomalies.map((a) => a.code)).toContain('TABLE_CONTINUATION_MISMATCH');
  });

  it('a title row, a header under an empty header row, group rows and a repeated header', () => {
    const text = [
      '| | | |',
      '|---|---|---|',
      '| 某某信息梳理 | | |',
      '| 序号 | 字段 | 必填 |',
      '| 1 | 名称 | 是 |',
      '| 2 | 编码 | 否 |',
      '| 个人用户 | | |',
      '| 1 | 姓名 | 是 |',
      '| 序号 | 字段 | 必填 |',
      '| 2 | 地址 | 否 |',
    ].join('\n');
    const t = run(text).value[0]!;
    expect(t.title).toEqual({ text: '某某信息梳理', line: 3 });
    expect(t.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['序号:integer', '字段:text', '必填:text']);
    expect(t.fragments[0]!.headerRows).toBe(3);
    expect(t.rows.map((r) => [r.kind, r.group ?? null, r.cells[0]!.text])).toEqual(
      [
        ['data', null, '1'],
        ['data', null, '2'],
        ['group', undefined, '个人用户'].map((x) => x ?? null),
        ['data', '个人用户', '1'],
        ['header', null, '序号'],
        ['data', '个人用户', '2'],
      ].map((x) => x as unknown[]),
    );
  });

  it('a section row over rows of amounts is a group row', () => {
    const t = run(
      '| 项目 | 2022 年 | 2023 年 |\n|---|---|---|\n| 一、收入 | | |\n| 税收 | 10.5 | 12 |\n| 非税 | 3 | 4 |\n| 二、支出 | | |\n| 教育 | 5 | 6 |\n',
    ).value[0]!;
    expect(t.rows.map((r) => `${r.kind}:${r.group ?? ''}:${r.cells[0]!.text}`)).toEqual([
      'group::一、收入',
      'data:一、收入:税收',
      'data:一、收入:非税',
      'group::二、支出',
      'data:二、支出:教育',
    ]);
    expect(t.columns.map((c) => c.type)).toEqual(['text', 'number', 'integer']);
  });

  it('never fills a column right of a plain text column (a form: empty means empty)', () => {
    const t = run('| | | |\n|---|---|---|\n| 姓名 | 张三 | |\n| 电话 | | 备用 |\n| 地址 | | |\n').value[0]!;
    expect(t.rows.flatMap((r) => r.cells).some((c) => c.filled)).toBe(false);
  });

  it('a continuation row with a filled key is a row of its own, not joined', () => {
    const text = '| 序号 | 内容 | 单位 |\n|---|---|---|\n| 1 | 甲 | 子 |\n\n| | | |\n|---|---|---|\n| 2 | 乙 | |\n';
    const t = run(text).value[0]!;
    expect(grid(t)).toEqual([
      ['1', '甲', '子'],
      ['2', '乙', ''],
    ]);
  });

  it('a cell that does not fit its numeric column is reported and keeps its text', () => {
    const r = run('| 序号 | 面积 |\n|---|---|\n| 1 | 10.5 |\n| 2 | 11 |\n| 3 | 12 |\n| 4 | 13 |\n| 5 | 约14 |\n');
    const t = r.value[0]!;
    expect(t.columns[1]!.type).toBe('number');
    expect(t.rows.map((row) => row.cells[1]!.value)).toEqual([10.5, 11, 12, 13, '约14']);
    expect(r.anomalies.map((a) => [a.code, a.line, a.column])).toEqual([['TABLE_CELL_TYPE', 7, 7]]);
  });

  it('rows whose text slid one column are reported, not moved', () => {
    const text = [
      '| 序号 | 任务 | 内容 | 单位 | 时限 |',
      '|---|---|---|---|---|',
      '| 1 | 甲 | 内容一 | 各单位 | 全年 |',
      '| 2 | | 内容二 | 各单位 | 全年 |',
      '| 3 | | 内容三 | 各单位 | 全年 |',
      '| 4 | | 任务乙 | 内容四 | 各单位 |', // slid right: 各单位 stands under 时限
      '| 5 | 内容五写进了任务列 | | 各单位 | 全年 |', // slid left: 内容 empty, its text under 任务
      '| 6 | 丙 | 内容六 | 各单位 | 全年 |',
      '| 7 | | 内容七 | 各单位 | 上半年 |',
    ].join('\n');
    const r = run(text);
    const shifted = r.anomalies.filter((a) => a.code === 'TABLE_ROW_SHIFTED');
    expect(shifted.map((a) => a.line)).toEqual([6, 7]);
    expect(shifted[0]!.message).toContain('shifted one column to the right');
    expect(shifted[1]!.message).toContain('“内容” is empty although');
    expect(grid(r.value[0]!)[3]).toEqual(['4', '^甲', '任务乙', '内容四', '各单位']);
  });

  it('notes below the table and a caption above', () => {
    const t = run('主要指标\n\n| 指标 | 值 |\n|---|---|\n| 寿命* | 84 |\n\n注：带*号的指标为规划值\n').value[0]!;
    expect(t.caption).toEqual({ text: '主要指标', line: 1 });
    expect(t.notes).toEqual([{ text: '注：带*号的指标为规划值', line: 7 }]);
  });

  it('nothing throws on degenerate input', () => {
    for (const s of ['', '|', '|\n|-|', '| a |\n|---|\n', '| |\n|-|\n| |\n\n| |\n|-|\n', '|a|b|\n|-|-|\n|||||||\n']) {
      expect(() => run(s)).not.toThrow();
    }
  });
});

describe('generated tables', () => {
  const cell = fc.constantFrom(
    '',
    '',
    ' ',
    '1',
    '2',
    '-3.5',
    '12%',
    '2023-04-10',
    '/',
    '甲',
    '乙 丙',
    '<p>丁</p>',
    '$\\geq 5$',
    '**戊**',
    '序号',
    '名称',
    '\\|',
  );
  const row = fc.array(cell, { minLength: 1, maxLength: 6 }).map((c) => `| ${c.join(' | ')} |`);
  const fragment = fc
    .tuple(
      fc.array(cell, { minLength: 1, maxLength: 5 }),
      fc.array(row, { maxLength: 6 }),
      fc.constantFrom('', '', '\n- 3 -\n', '\n表 1：标题\n', '\n正文。\n'),
    )
    .map(([h, rows, gap]) => [`| ${h.join(' | ')} |`, `|${h.map(() => '---').join('|')}|`, ...rows, gap].join('\n'));
  it('never throw, validate against the schema, and keep every line inside the input', () => {
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 5 }), (frags) => {
        const text = frags.join('\n\n') + '\n';
        const lines = text.split('\n').length;
        const { value, anomalies } = run(text);
        for (const t of value) {
          expect(() => Table.parse(t)).not.toThrow();
          for (const r of t.rows) {
            expect(r.line).toBeLessThanOrEqual(lines);
            for (const c of r.cells) expect(c.line).toBeLessThanOrEqual(lines);
          }
          // every column but the extra cells of ragged rows has a cell in every row
          for (const r of t.rows) expect(r.cells.length).toBeGreaterThanOrEqual(t.columns.length);
        }
        for (const a of anomalies) expect(a.line).toBeLessThanOrEqual(lines);
      }),
      { ...fcParams(300), endOnFailure: true },
    );
  });
});
