/** The people records through the built CLI: extract appointments|rosters and the export files. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongbaoIn } from './helpers/cli.js';
import { SAMPLE_PATH } from './helpers/sample.js';
import { sampleExport } from './helpers/sample-export.js';

describe('gongbao extract appointments|rosters', () => {
  it('ndjson: one appointment record a line', async () => {
    const r = await gongbaoIn(['extract', 'appointments', SAMPLE_PATH, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const recs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(recs).toHaveLength(26);
    expect(recs[0]).toMatchObject({
      id: '人事任免-1-p1',
      action: 'appoint',
      name: '谢健',
      nameRaw: '谢 健',
      qualifiers: ['试用期满'],
      line: 2780,
    });
  });

  it('csv: one row per position, rows of one record share its id', async () => {
    const r = await gongbaoIn(['extract', 'appointments', SAMPLE_PATH, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'id,action,name,name_raw,position_index,position,organization,title,qualifiers,period_from,period_to,period_raw,document_id,line',
    );
    expect(lines).toHaveLength(1 + 28);
    expect(lines.filter((l) => l.startsWith('人事任免-1-p21,'))).toEqual([
      '人事任免-1-p21,remove,施彧,施 彧,1,长宁区市场监督管理局副局长,长宁区市场监督管理局,副局长,,2023-04,2023-06,二〇二三年四月~六月,人事任免-1,2805',
      '人事任免-1-p21,remove,施彧,施 彧,2,长宁区知识产权局局长,长宁区知识产权局,局长,,2023-04,2023-06,二〇二三年四月~六月,人事任免-1,2805',
    ]);
    expect(lines).toContain(
      '人事任免-1-p13,appoint,范晓彧,范晓彧,1,上海市同仁医院副院长,上海市同仁医院,副院长,六级管理岗位; 试用期一年,2023-04,2023-06,二〇二三年四月~六月,人事任免-1,2792',
    );
  });

  it('rosters: json and csv (one row per member)', async () => {
    const j = await gongbaoIn(['extract', 'rosters', SAMPLE_PATH]);
    expect(j.code).toBe(0);
    const rosters = JSON.parse(j.stdout);
    expect(rosters.map((r: { body: string; members: unknown[] }) => [r.body, r.members.length])).toEqual([
      ['长宁区打击野生动植物非法贸易联席会议', 20],
      ['长宁区中医药发展领导小组', 32],
    ]);
    const c = await gongbaoIn(['extract', 'rosters', SAMPLE_PATH, '--format', 'csv']);
    const lines = c.stdout.trim().split('\n');
    expect(lines[0]).toBe('roster_id,body,document_id,note,order,role,name,name_raw,position,source,line');
    expect(lines).toHaveLength(1 + 52);
    expect(lines).toContain(
      '长府办-2023-15-r1,长宁区打击野生动植物非法贸易联席会议,长府办-2023-15,按姓氏笔画为序,19,成员,,,周家桥街道办事处副主任,line,970',
    );
  });

  it('export writes appointments.csv and rosters.csv, described in datapackage.json', async () => {
    // the export folder of the sample made once in this worker (helpers/sample-export.ts)
    const { dir: out } = await sampleExport();
    expect(readFileSync(join(out, 'appointments.csv'), 'utf8').trim().split('\n')).toHaveLength(29);
    expect(readFileSync(join(out, 'rosters.csv'), 'utf8').trim().split('\n')).toHaveLength(53);
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    const names = pkg.resources.map((x: { name: string }) => x.name);
    expect(names).toEqual(expect.arrayContaining(['appointments', 'rosters']));
  });
});
