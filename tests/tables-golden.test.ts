/**
 * Golden tables of the sample issue. The files under tests/golden/tables/ hold full cell
 * grids, reviewed by eye against samples/changning-2023-02.txt. To regenerate after an
 * intended change (never under CI; see tests/helpers/golden.ts):
 * UPDATE_GOLDEN=1 npx vitest run tests/tables-golden.test.ts, then review the diff line by
 * line before committing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import { Table as TableSchema, type Table } from '../src/model/table.js';
import { expectGolden } from './helpers/golden.js';

const SAMPLE = 'samples/changning-2023-02.txt';
const issue = parseIssue(readFileSync(SAMPLE), { name: SAMPLE });
const byId = new Map(issue.tables.map((t) => [t.id, t]));
const DIR = 'tests/golden/tables';

/** A reviewable digest: one array per row, filled cells as {filled: value}, joined ones as {joined: value}. */
function digest(t: Table) {
  return {
    id: t.id,
    documentId: t.documentId,
    attachmentIndex: t.attachmentIndex,
    caption: t.caption,
    title: t.title,
    notes: t.notes,
    span: [t.span.startLine, t.span.endLine],
    fragments: t.fragments.map((f) => `${f.startLine}-${f.endLine} ${f.continuation} headerRows=${f.headerRows} offset=${f.columnOffset}`),
    columns: t.columns.map((c) => `${c.name} : ${c.type}`),
    rows: t.rows.map((r) => [
      `${r.line} ${r.kind}${r.group ? ` <${r.group}>` : ''}`,
      ...r.cells.map((c) => (c.filled ? { filled: c.value } : c.joined ? { joined: c.value, from: c.joined.map((j) => j.line) } : c.value)),
    ]),
  };
}

function golden(name: string, value: unknown): void {
  const file = `${DIR}/${name}.json`;
  // one line per field and per array item (a row), so a grid reads like the table
  const lines = (v: unknown, indent: string): string =>
    Array.isArray(v) && v.length === 0
      ? '[]'
      : Array.isArray(v)
        ? `[\n${v.map((x) => `${indent}  ${JSON.stringify(x)}`).join(',\n')}\n${indent}]`
        : v && typeof v === 'object'
          ? `{\n${Object.entries(v)
              .map(([k, x]) => `${indent}  ${JSON.stringify(k)}: ${Array.isArray(x) ? lines(x, indent + '  ') : JSON.stringify(x)}`)
              .join(',\n')}\n${indent}}`
          : JSON.stringify(v);
  const text = lines(value, '') + '\n';
  expectGolden(file, text);
}

describe('tables of the sample issue', () => {
  it('every table validates against its schema', () => {
    for (const t of issue.tables) expect(() => TableSchema.parse(t)).not.toThrow();
  });

  it('the number of logical tables per document', () => {
    const counts: Record<string, number> = {};
    for (const t of issue.tables) counts[t.documentId ?? '(none)'] = (counts[t.documentId ?? '(none)'] ?? 0) + 1;
    expect(counts).toEqual({
      '长府办-2023-10': 1, // 政务公开 task table, 5 fragments
      '长府办-2023-13': 4, // 免申即享 tables 1–3 + the application form (请示 version)
      '长府办-2023-15': 1, // joint-conference member list
      '长府办-2023-16': 4, // the same tables, converted differently (通知 version)
      '长府办-2023-18': 1, // 节水型社会 task table with LaTeX, 4 fragments
      '长府办-2023-21': 2, // 社区卫生 task table (<p> HTML, a lost column), 主要指标
      '长府办-2023-22': 11, // sluice summary + 10 coordinate tables
      '人事任免-1': 2, // appointments, removals
    });
    expect(issue.tables).toHaveLength(26);
    expect(issue.tables.reduce((n, t) => n + t.fragments.length, 0)).toBe(45);
  });

  it('page breaks: which fragments were merged', () => {
    const merged = issue.tables
      .filter((t) => t.fragments.length > 1)
      .map((t) => `${t.id}: ${t.fragments.map((f) => f.startLine).join(',')}`);
    expect(merged).toEqual([
      '长府办-2023-10-t1: 412,418,441,458,476',
      '长府办-2023-13-t1: 770,775',
      '长府办-2023-16-t1: 1145,1152',
      '长府办-2023-16-t2: 1185,1190',
      '长府办-2023-16-t4: 1229,1234',
      '长府办-2023-18-t1: 1461,1467,1481,1491',
      '长府办-2023-21-t1: 2366,2372,2383,2393',
      '长府办-2023-21-t2: 2476,2496',
      '长府办-2023-22-t3: 2588,2595',
      '长府办-2023-22-t4: 2612,2631',
      '长府办-2023-22-t6: 2662,2670',
      '长府办-2023-22-t10: 2737,2746',
    ]);
  });

  it('the coordinate tables have two-row headers and typed coordinates', () => {
    for (let n = 2; n <= 11; n++) {
      const t = byId.get(`长府办-2023-22-t${n}`)!;
      expect(t.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
        '序号:integer',
        '岸别:text',
        '桩号:text',
        '城建坐标 Y(m):number',
        '城建坐标 X(m):number',
        '备注:text',
      ]);
      expect(t.fragments[0]!.headerRows).toBe(2);
      expect(t.rows.every((r) => typeof r.cells[3]!.value === 'number' && typeof r.cells[4]!.value === 'number')).toBe(true);
    }
    expect(issue.tables.filter((t) => t.documentId === '长府办-2023-22').map((t) => t.rows.length)).toEqual([
      10, 21, 15, 17, 18, 15, 16, 7, 10, 13, 11,
    ]);
  });

  const GRIDS: Array<[string, string]> = [
    ['长府办-2023-22-t3', 'coordinates-page-split'], // (2): two-row header, continued after a page break
    ['长府办-2023-22-t2', 'coordinates-two-row-header'],
    ['长府办-2023-22-t1', 'sluice-summary'],
    ['长府办-2023-10-t1', 'task-table-merged-cells'],
    ['长府办-2023-18-t1', 'latex-joined-rows'],
    ['长府办-2023-21-t1', 'html-lost-column'],
    ['长府办-2023-21-t2', 'indicators-notes'],
    ['长府办-2023-13-t1', 'title-row-groups'],
    ['长府办-2023-16-t2', 'header-under-empty-header'],
    ['长府办-2023-16-t4', 'form-widened-continuation'],
  ];
  for (const [id, name] of GRIDS) {
    it(`full grid of ${id} (${name})`, () => {
      const t = byId.get(id);
      expect(t, id).toBeDefined();
      golden(name, digest(t!));
    });
  }

  it('every table anomaly of the sample (code, line, message)', () => {
    golden(
      'anomalies',
      issue.anomalies.filter((a) => a.code.startsWith('TABLE_')).map((a) => `${a.line}:${a.column} ${a.code} ${a.message}`),
    );
  });
});
