/**
 * Golden people records of the sample issue: every appointment and removal, every roster
 * member. tests/golden/people/*.json hold one line per record, reviewed by eye against
 * samples/changning-2023-02.txt (lines 2776–2811, 936–975, 1617–1675). To regenerate after
 * an intended change (never under CI; see tests/helpers/golden.ts):
 * UPDATE_GOLDEN=1 npx vitest run tests/people-golden.test.ts, then review the diff line by
 * line before committing.
 */
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import { Appointment, Roster } from '../src/model/people.js';
import type { Issue } from '../src/model/issue.js';
import { SAMPLE, changedNamesVariant } from './helpers/sample.js';
import { expectGolden } from './helpers/golden.js';

const DIR = 'tests/golden/people';
const issue = parseIssue(SAMPLE, { name: 'samples/changning-2023-02.txt' });

/** One array per appointment: line, action, name, nameRaw, posts as "organization | title", qualifiers, period. */
function appointmentDigest(i: Issue) {
  return i.appointments.map((a) => [
    a.line,
    a.action,
    a.name,
    a.nameRaw,
    a.positions.map((p) => `${p.organization ?? ''} | ${p.title ?? ''}`),
    a.qualifiers,
    a.period ? `${a.period.from}..${a.period.to} ${a.period.raw}` : null,
  ]);
}

function rosterDigest(i: Issue) {
  return i.rosters.map((r) => ({
    id: r.id,
    body: r.body,
    documentId: r.documentId,
    line: r.line,
    note: r.note,
    source: r.source,
    members: r.members.map((m) => [m.order, m.line, m.source, m.role, m.name, m.nameRaw, m.position]),
  }));
}

function golden(name: string, value: unknown): void {
  const file = `${DIR}/${name}.json`;
  // One line per record (per member), so the file reads like the list in the text.
  const render = (v: unknown, indent: string): string => {
    if (Array.isArray(v))
      return `[\n${v.map((x) => indent + '  ' + (Array.isArray(x) ? JSON.stringify(x) : render(x, indent + '  '))).join(',\n')}\n${indent}]`;
    if (v && typeof v === 'object') {
      return `{\n${Object.entries(v)
        .map(
          ([k, x]) =>
            `${indent}  ${JSON.stringify(k)}: ${Array.isArray(x) || (x && typeof x === 'object') ? render(x, indent + '  ') : JSON.stringify(x)}`,
        )
        .join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(v);
  };
  const text = render(value, '') + '\n';
  expectGolden(file, text);
}

describe('appointments and removals of the sample (人事任免, lines 2776–2811)', () => {
  it('match the golden file record by record', () => golden('appointments', appointmentDigest(issue)));

  it('validate against the zod model, with ids, document and lines', () => {
    for (const a of issue.appointments) expect(() => Appointment.parse(a)).not.toThrow();
    expect(new Set(issue.appointments.map((a) => a.id)).size).toBe(issue.appointments.length);
    expect(issue.appointments.every((a) => a.documentId === '人事任免-1')).toBe(true);
  });

  it('20 appointments (任命 header) and 6 removals (header broken as 姓 名**免 去 职 务**)', () => {
    const appoint = issue.appointments.filter((a) => a.action === 'appoint');
    const remove = issue.appointments.filter((a) => a.action === 'remove');
    expect(appoint).toHaveLength(20);
    expect(remove).toHaveLength(6);
    expect(appoint.map((a) => a.line)).toEqual(Array.from({ length: 20 }, (_, i) => 2780 + i));
    expect(remove.map((a) => a.line)).toEqual([2805, 2806, 2807, 2808, 2809, 2810]);
    expect(remove.map((a) => a.name)).toEqual(['施彧', '沈群慧', '陈长伙', '刘旭', '陶琨', '王炜']);
  });

  it('names lose their spaces and keep the raw text', () => {
    const first = issue.appointments[0]!;
    expect([first.name, first.nameRaw]).toEqual(['谢健', '谢 健']);
    expect(issue.appointments.filter((a) => a.name !== a.nameRaw).map((a) => a.nameRaw)).toEqual([
      '谢 健',
      '夏 磊',
      '陈 洁',
      '张 瑛',
      '袁 娜',
      '李 彦',
      '黄 骅',
      '施 彧',
      '刘 旭',
      '陶 琨',
      '王 炜',
    ]);
  });

  it('period 二〇二三年四月~六月 → 2023-04..2023-06 on every record', () => {
    for (const a of issue.appointments) expect(a.period).toEqual({ from: '2023-04', to: '2023-06', raw: '二〇二三年四月~六月' });
  });

  it('several posts in one removal, 职务 dropped; 、 inside an organisation does not split', () => {
    const by = (n: string) => issue.appointments.find((a) => a.name === n)!;
    expect(by('施彧').positions).toEqual([
      { text: '长宁区市场监督管理局副局长', organization: '长宁区市场监督管理局', title: '副局长' },
      { text: '长宁区知识产权局局长', organization: '长宁区知识产权局', title: '局长' },
    ]);
    expect(by('沈群慧').positions).toEqual([
      { text: '长宁区虹桥、中山公园地区功能拓展办公室主任', organization: '长宁区虹桥、中山公园地区功能拓展办公室', title: '主任' },
    ]);
    expect(by('刘旭').positions.map((p) => p.title)).toEqual(['副局长', '副大队长']);
    expect(by('王炜').positions).toEqual([{ text: '长宁区新泾镇人民政府镇长', organization: '长宁区新泾镇人民政府', title: '镇长' }]);
  });

  it('qualifiers are the trailing notes; (集团) and the alias list stay in the organisation', () => {
    const by = (n: string) => issue.appointments.find((a) => a.name === n)!;
    expect(by('范晓彧').qualifiers).toEqual(['六级管理岗位', '试用期一年']);
    expect(by('张雨莹').qualifiers).toEqual(['挂职期一年']);
    expect(by('李薇娜').qualifiers).toEqual(['兼']);
    expect(by('李薇娜').positions[0]!.organization).toBe('长宁区城市运行管理中心(区城市网格化综合管理中心、区政务服务中心、区大数据中心)');
    expect(by('张瑛').positions[0]).toEqual({
      text: '上海新长宁(集团)有限公司副总经理',
      organization: '上海新长宁(集团)有限公司',
      title: '副总经理',
    });
    expect(by('侯敏子').qualifiers).toEqual([]);
    const counts = new Map<string, number>();
    for (const a of issue.appointments) for (const q of a.qualifiers) counts.set(q, (counts.get(q) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 试用期满: 9, 试用期一年: 3, 挂职期一年: 1, 六级管理岗位: 3, 兼: 2 });
  });

  it('every post has a known title (no PERSON_TITLE_UNKNOWN on the sample)', () => {
    for (const a of issue.appointments) for (const p of a.positions) expect(p.title, p.text).not.toBeNull();
    expect(issue.anomalies.filter((a) => a.code === 'PERSON_TITLE_UNKNOWN')).toEqual([]);
  });
});

describe('rosters of the sample', () => {
  it('match the golden file member by member', () => golden('rosters', rosterDigest(issue)));

  it('validate against the zod model', () => {
    for (const r of issue.rosters) expect(() => Roster.parse(r)).not.toThrow();
  });

  it('the joint conference: 召集人, 18 members from a table and plain lines, an office director from a sentence', () => {
    const r = issue.rosters.find((x) => x.documentId === '长府办-2023-15')!;
    expect(r.body).toBe('长宁区打击野生动植物非法贸易联席会议');
    expect(r.note).toBe('按姓氏笔画为序');
    expect(r.members).toHaveLength(20);
    expect(r.members[0]).toMatchObject({ role: '召集人', name: '岑福康', position: '区委常委、常务副区长', source: 'line', line: 946 });
    expect(r.members.filter((m) => m.source === 'table')).toHaveLength(9);
    expect(r.members.filter((m) => m.role === '成员')).toHaveLength(18);
    expect(r.members.find((m) => m.name === '皇甫冉')).toMatchObject({ position: '区市场监管局副局长', line: 964 });
    expect(r.members[18]).toMatchObject({ name: null, nameRaw: null, position: '周家桥街道办事处副主任', line: 970 });
    expect(r.members[19]).toMatchObject({
      role: '办公室主任',
      name: '金卫峰',
      position: '区绿化市容局局长',
      source: 'sentence',
      line: 972,
    });
  });

  it('the leading group: 组长, 副组长, 29 members (two without a name), office director named in a sentence', () => {
    const r = issue.rosters.find((x) => x.documentId === '长府办-2023-20')!;
    expect(r.body).toBe('长宁区中医药发展领导小组');
    expect(r.note).toBe('按姓氏笔画为序');
    expect(r.members.map((m) => m.role).filter((x) => x !== '成员')).toEqual(['组长', '副组长', '办公室主任']);
    expect(r.members[0]).toMatchObject({ name: '陈颖', nameRaw: '陈 颖', position: '副区长', line: 1627 });
    expect(r.members.filter((m) => m.role === '成员')).toHaveLength(29);
    expect(r.members.filter((m) => m.name === null).map((m) => m.position)).toEqual(['区委编办主任', '新泾镇镇长']);
    expect(r.members.at(-1)).toMatchObject({
      role: '办公室主任',
      name: '张戎',
      position: '区卫生健康委副主任',
      source: 'sentence',
      line: 1670,
    });
  });

  it('every name-less line is a warning on its line, and only those', () => {
    const people = issue.anomalies.filter((a) => a.code.startsWith('PERSON_'));
    expect(people.map((a) => [a.code, a.severity, a.line])).toEqual([
      ['PERSON_NAME_MISSING', 'warning', 970],
      ['PERSON_NAME_MISSING', 'warning', 1667],
      ['PERSON_NAME_MISSING', 'warning', 1668],
    ]);
  });

  it('no roster in documents that only mention a leading group (普查领导小组 in 长府〔2023〕18号)', () => {
    expect(issue.rosters.map((r) => r.documentId)).toEqual(['长府办-2023-15', '长府办-2023-20']);
  });
});

describe('changed-names variant (another district, another year)', () => {
  const v = parseIssue(changedNamesVariant());
  it('gives the same number of records, actions and members', () => {
    expect(v.appointments.map((a) => a.action)).toEqual(issue.appointments.map((a) => a.action));
    expect(v.appointments.map((a) => a.positions.length)).toEqual(issue.appointments.map((a) => a.positions.length));
    expect(v.appointments.map((a) => a.qualifiers)).toEqual(issue.appointments.map((a) => a.qualifiers));
    expect(v.rosters.map((r) => r.members.length)).toEqual([20, 32]);
    expect(v.rosters.map((r) => r.body)).toEqual(['静安区打击野生动植物非法贸易联席会议', '静安区中医药发展领导小组']);
    expect(v.appointments[0]!.period).toEqual({ from: '2024-04', to: '2024-06', raw: '二〇二四年四月~六月' });
  });

  it('a plain replacement of 长宁 and 2023 too', () => {
    const w = parseIssue(SAMPLE.replaceAll('长宁', '浦东').replaceAll('2023', '2024'));
    expect(w.appointments).toHaveLength(issue.appointments.length);
    expect(w.rosters.map((r) => r.members.length)).toEqual(issue.rosters.map((r) => r.members.length));
  });
});
