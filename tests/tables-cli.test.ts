import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gongbao, gongbaoIn } from './helpers/cli.js';
import { parseCsv } from './helpers/csv.js';
import { Table } from '../src/model/table.js';
import { sampleExport } from './helpers/sample-export.js';

const SAMPLE = 'samples/changning-2023-02.txt';
const tmp = mkdtempSync(join(tmpdir(), 'gongbao-tables-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('gongbao extract tables', () => {
  it('json: every table, each valid against the schema', async () => {
    const r = await gongbaoIn(['extract', 'tables', SAMPLE]);
    expect(r.code).toBe(0);
    const tables = JSON.parse(r.stdout) as unknown[];
    expect(tables).toHaveLength(26);
    for (const t of tables) expect(() => Table.parse(t)).not.toThrow();
  });

  it('ndjson: one table a line; --table narrows to one', async () => {
    const all = await gongbaoIn(['extract', 'tables', SAMPLE, '--format', 'ndjson']);
    expect(all.stdout.trim().split('\n')).toHaveLength(26);
    const one = await gongbaoIn(['extract', 'tables', SAMPLE, '--format', 'ndjson', '--table', '长府办-2023-22-t3']);
    const lines = one.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).caption.text).toBe('(2) 外环西河泵闸');
  });

  it('csv --table: one table, typed values, a row per data row', async () => {
    const r = await gongbaoIn(['extract', 'tables', SAMPLE, '--format', 'csv', '--table', '长府办-2023-22-t3']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['line', '序号', '岸别', '桩号', '城建坐标 Y(m)', '城建坐标 X(m)', '备注']);
    expect(rows).toHaveLength(16);
    expect(rows[4]).toEqual(['2597', '4', '右岸', 'JZD4', '-11911.471', '580.332', '']);
  });

  it('csv --table of a table with group rows has a group column', async () => {
    const rows = parseCsv((await gongbaoIn(['extract', 'tables', SAMPLE, '--format', 'csv', '--table', '长府办-2023-13-t1'])).stdout);
    expect(rows[0]).toEqual(['line', 'group', '序号', '填写字段', '是否必填', '备注样例']);
    expect(rows.find((r) => r[0] === '796')).toEqual(['796', '推送对象为个人用户', '1', '姓名', '是', '张三']);
  });

  it('csv --out DIR: every table and the index; refuses to overwrite without --force', async () => {
    const dir = join(tmp, 'out');
    const r = await gongbaoIn(['extract', 'tables', SAMPLE, '--format', 'csv', '--out', dir]);
    expect(r.code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(27);
    const index = parseCsv(readFileSync(join(dir, 'tables.csv'), 'utf8'));
    expect(index[0]).toEqual([
      'id',
      'document_id',
      'attachment_index',
      'caption',
      'title',
      'rows',
      'columns',
      'fragments',
      'lines',
      'fragment_lines',
      'start_line',
      'end_line',
      'file',
    ]);
    expect(index[1]).toEqual([
      '长府办-2023-10-t1',
      '长府办-2023-10',
      '0',
      '2023年上海市长宁区政务公开工作要点任务分解表',
      '',
      '66',
      '5',
      '5',
      '412-491',
      '412-416 418-439 441-456 458-474 476-491',
      '412',
      '491',
      '长府办-2023-10-t1.csv',
    ]);
    for (const row of index.slice(1)) expect(files).toContain(row[12]);
    const again = await gongbaoIn(['extract', 'tables', SAMPLE, '--format', 'csv', '--out', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists; use --force');
    expect((await gongbaoIn(['extract', 'tables', SAMPLE, '--format', 'csv', '--out', dir, '--force'])).code).toBe(0);
  });

  it('usage errors exit 2 with a one-line message', async () => {
    const none = await gongbaoIn(['extract', 'tables', SAMPLE, '--format', 'csv']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--table ID');
    const missing = await gongbaoIn(['extract', 'tables', SAMPLE, '--table', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no table nope');
    const outJson = await gongbaoIn(['extract', 'tables', SAMPLE, '--out', join(tmp, 'x')]);
    expect(outJson.code).toBe(2);
  });

  it('reads stdin and a file without tables', async () => {
    const f = join(tmp, 'none.txt');
    writeFileSync(f, '没有表格的文字。\n');
    const r = await gongbaoIn(['extract', 'tables', f]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const s = gongbao(['extract', 'tables', '-', '--format', 'ndjson'], { input: '| a | b |\n|---|---|\n| 1 | 2 |\n' });
    expect(JSON.parse(s.stdout).rows[0].cells.map((c: { value: unknown }) => c.value)).toEqual([1, 2]);
  });
});

describe('gongbao export: tables', () => {
  it('writes tables.csv and tables/<id>.csv, described in datapackage.json', async () => {
    // the export folder of the sample made once in this worker (helpers/sample-export.ts)
    const { dir } = await sampleExport();
    const index = parseCsv(readFileSync(join(dir, 'tables.csv'), 'utf8'));
    expect(index).toHaveLength(27);
    for (const row of index.slice(1)) {
      expect(row[12]).toMatch(/^tables\/.+\.csv$/);
      const rows = parseCsv(readFileSync(join(dir, row[12]!), 'utf8'));
      expect(rows.length - 1, row[0]).toBe(Number(row[5]));
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    const res = pkg.resources.filter((x: { path: string }) => x.path === 'tables.csv' || x.path.startsWith('tables/'));
    expect(res).toHaveLength(27);
    const coords = res.find((x: { path: string }) => x.path === 'tables/长府办-2023-22-t3.csv');
    expect(coords.schema.fields.map((f: { name: string; type: string }) => `${f.name}:${f.type}`)).toEqual([
      'line:integer',
      '序号:integer',
      '岸别:string',
      '桩号:string',
      '城建坐标 Y(m):number',
      '城建坐标 X(m):number',
      '备注:string',
    ]);
  });
});
