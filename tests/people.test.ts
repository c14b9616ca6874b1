/**
 * The generic rules of the people extractor, on made-up lines and made-up issues (no name
 * or place of the sample): compound surnames, several posts in one removal, aliases in
 * parentheses, qualifiers with commas, a header broken by markup, name-less and
 * position-less lines, full- and half-width punctuation.
 */
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import { Appointment, Roster } from '../src/model/people.js';
import {
  splitName,
  isName,
  parsePositions,
  parsePeriod,
  bodyFromTitle,
  roleLabel,
  phrasePerson,
  extractAppointments,
} from '../src/features/people/index.js';
import { splitLines } from '../src/read/lines.js';
import { headerLineActions, entryOf } from '../src/features/people/common.js';
import { titleSuffixLength } from '../src/features/people/names.js';
import { POST_TITLES } from '../src/features/people/vocab.js';
import { CATALOGUE } from '../src/model/catalogue.js';
import { miniIssue } from './helpers/mini.js';

describe('names', () => {
  const cases: Array<[string, string | null, string | null, string]> = [
    ['王 峰 某区甲局副局长', '王峰', '王 峰', '某区甲局副局长'],
    ['欧阳 娜娜 区文化局局长', '欧阳娜娜', '欧阳 娜娜', '区文化局局长'],
    ['欧阳娜娜 区文化局局长', '欧阳娜娜', '欧阳娜娜', '区文化局局长'],
    ['司马光 区教育局局长', '司马光', '司马光', '区教育局局长'],
    ['上官 燕 东片街道办事处副主任', '上官燕', '上官 燕', '东片街道办事处副主任'],
    ['诸葛亮亮 区科委主任', '诸葛亮亮', '诸葛亮亮', '区科委主任'],
    // a one-character given name glued to a position that starts like one
    ['方 圆区规划局副局长', '方圆', '方 圆', '区规划局副局长'],
    // the name never takes the start of the position
    ['叶 青 西湖街道办事处四级调研员', '叶青', '叶 青', '西湖街道办事处四级调研员'],
    ['何\u3000平\u3000区财政局副局长', '何平', '何\u3000平', '区财政局副局长'],
    ['张 三', '张三', '张 三', ''],
    ['王 小 明 区甲局副局长', '王小明', '王 小 明', '区甲局副局长'],
    // position only: no name, the whole line is the position
    ['东片街道办事处副主任', null, null, '东片街道办事处副主任'],
    ['区委编办主任', null, null, '区委编办主任'],
    ['某镇镇长', null, null, '某镇镇长'],
    // a member named with the body it comes from, in brackets (full- or half-width, mixed)
    ['何平平（市纪委）', '何平平', '何平平', '市纪委'],
    ['楼 华（某行某支行）', '楼华', '楼 华', '某行某支行'],
    ['张某某（市统计局)', '张某某', '张某某', '市统计局'],
    // …not a body before them
    ['区甲局（牵头）', null, null, '区甲局（牵头）'],
  ];
  for (const [line, name, raw, rest] of cases) {
    it(`${line} → ${name ?? 'no name'}`, () => {
      const s = splitName(line);
      expect([s.name, s.nameRaw, s.rest]).toEqual([name, raw, rest]);
    });
  }

  it('a qualifier in brackets after a name is not the body its holder comes from', () => {
    for (const line of ['王 峰（兼）', '王峰（试用期一年）']) expect(splitName(line).rest, line).not.toMatch(/^(?:兼|试用期一年)$/);
  });

  it('a name is 2–4 Han characters and not a title or role', () => {
    expect(isName('王峰')).toBe(true);
    expect(isName('欧阳娜娜')).toBe(true);
    expect(isName('王')).toBe(false);
    expect(isName('王峰峰峰峰')).toBe(false);
    expect(isName('副区长')).toBe(false);
    expect(isName('组长')).toBe(false);
    expect(isName('A1')).toBe(false);
  });

  it('list entries: a name and a post, a post alone, never a sentence', () => {
    expect(entryOf('1. 王 峰 区甲局副局长')).toMatchObject({ nameRaw: '王 峰', position: '区甲局副局长' });
    expect(entryOf('区乙局局长')).toMatchObject({ nameRaw: '', position: '区乙局局长' });
    expect(entryOf('经研究，同意调整领导小组。')).toBeNull();
    expect(entryOf('特此通知')).toBeNull();
  });

  it('the longest post title ending a text', () => {
    expect(titleSuffixLength('区甲局副局长')).toBe(3);
    expect(titleSuffixLength('区乙局局长')).toBe(2);
    expect(titleSuffixLength('王峰')).toBe(0);
    expect(titleSuffixLength('长')).toBe(0);
    expect(titleSuffixLength('')).toBe(0);
    // every title of the vocabulary is found whole at the end of a text
    for (const t of POST_TITLES) if (t.length >= 2) expect(titleSuffixLength(`某某${t}`), t).toBeGreaterThanOrEqual(t.length);
  });

  it('a sentence phrase: post then name, or a name with 同志', () => {
    expect(phrasePerson('区大数据局副局长上官燕')).toEqual({ nameRaw: '上官燕', position: '区大数据局副局长' });
    expect(phrasePerson('区甲局局长欧阳娜娜')).toEqual({ nameRaw: '欧阳娜娜', position: '区甲局局长' });
    expect(phrasePerson('王 峰同志')).toEqual({ nameRaw: '王峰', position: '' });
    expect(phrasePerson('区甲局分管副局长')).toEqual({ nameRaw: '', position: '区甲局分管副局长' });
  });
});

describe('positions', () => {
  it('several posts in one removal, 职务 dropped (half- and full-width)', () => {
    expect(parsePositions('某区甲局副局长、某区乙局局长职务')).toEqual({
      positions: [
        { text: '某区甲局副局长', organization: '某区甲局', title: '副局长' },
        { text: '某区乙局局长', organization: '某区乙局', title: '局长' },
      ],
      qualifiers: [],
    });
    expect(parsePositions('甲局局长职务、乙中心主任职务').positions.map((p) => p.text)).toEqual(['甲局局长', '乙中心主任']);
    expect(parsePositions('某区城管执法局副局长、执法大队副大队长职务').positions.map((p) => p.title)).toEqual(['副局长', '副大队长']);
  });

  it('、 inside an organisation name does not split', () => {
    expect(parsePositions('某区东湖、西湖地区联络办公室主任职务').positions).toEqual([
      { text: '某区东湖、西湖地区联络办公室主任', organization: '某区东湖、西湖地区联络办公室', title: '主任' },
    ]);
  });

  it('an alias list in parentheses stays in the organisation; (兼) is a qualifier', () => {
    for (const [o, c] of [
      ['(', ')'],
      ['（', '）'],
    ]) {
      const r = parsePositions(`某区运行中心${o}区网格中心、区数据中心${c}主任${o}兼${c}`);
      expect(r.positions).toEqual([
        {
          text: `某区运行中心${o}区网格中心、区数据中心${c}主任`,
          organization: `某区运行中心${o}区网格中心、区数据中心${c}`,
          title: '主任',
        },
      ]);
      expect(r.qualifiers).toEqual(['兼']);
    }
  });

  it('(集团) stays; trailing notes are qualifiers, split on , and ，', () => {
    expect(parsePositions('某某投资(集团)有限公司副总经理(试用期满)')).toEqual({
      positions: [{ text: '某某投资(集团)有限公司副总经理', organization: '某某投资(集团)有限公司', title: '副总经理' }],
      qualifiers: ['试用期满'],
    });
    expect(parsePositions('某医院副院长(七级管理岗位,试用期一年)').qualifiers).toEqual(['七级管理岗位', '试用期一年']);
    expect(parsePositions('某医院副院长（七级管理岗位，试用期一年）').qualifiers).toEqual(['七级管理岗位', '试用期一年']);
    expect(parsePositions('某办公室副主任（挂职期一年）').qualifiers).toEqual(['挂职期一年']);
    expect(parsePositions('某局副局长(兼)(试用期一年)').qualifiers).toEqual(['兼', '试用期一年']);
  });

  it('a parenthesis at the end that is not a qualifier stays in the name', () => {
    expect(parsePositions('某某研究中心(筹)')).toEqual({
      positions: [{ text: '某某研究中心(筹)', organization: '某某研究中心(筹)', title: null }],
      qualifiers: [],
    });
  });

  it('the longest known title wins; spaces and ** markup are removed', () => {
    expect(parsePositions('某公司 副总经理').positions[0]).toEqual({ text: '某公司副总经理', organization: '某公司', title: '副总经理' });
    expect(parsePositions('**某区卫生健康委员会监督所所长**').positions[0]!.title).toBe('所长');
    expect(parsePositions('某街道办事处四级调研员').positions[0]!.title).toBe('四级调研员');
    expect(parsePositions('常务副区长').positions[0]).toEqual({ text: '常务副区长', organization: null, title: '常务副区长' });
  });
});

describe('periods', () => {
  const cases: Array<[string, string | null, string | null, string | null]> = [
    ['二〇二四年一月~三月份区政府人事任免事项', '2024-01', '2024-03', '二〇二四年一月~三月'],
    ['2023年10月至12月任免名单', '2023-10', '2023-12', '2023年10月至12月'],
    ['二〇二二年十一月—二〇二三年一月', '2022-11', '2023-01', '二〇二二年十一月—二〇二三年一月'],
    ['２０２３年５月人事任免', '2023-05', '2023-05', '２０２３年５月'],
    ['二〇二三年第三季度人事任免', '2023-07', '2023-09', '二〇二三年第三季度'],
    ['二〇二三年上半年', '2023-01', '2023-06', '二〇二三年上半年'],
    ['二〇二三年十一月~二月', '2023-11', '2024-02', '二〇二三年十一月~二月'],
    ['2023年4-6月任免名单', '2023-04', '2023-06', '2023年4-6月'],
    ['二〇二三年四至六月', '2023-04', '2023-06', '二〇二三年四至六月'],
    ['区政府人事任免事项', null, null, null],
  ];
  for (const [title, from, to, raw] of cases) {
    it(title, () => {
      const p = parsePeriod(title);
      expect(p ? [p.from, p.to, p.raw] : [null, null, null]).toEqual([from, to, raw]);
    });
  }
});

describe('list headers and rosters', () => {
  it('header lines name their action, also when broken by markup', () => {
    expect(headerLineActions('姓 名**免 去 职 务**')).toEqual(['remove']);
    expect(headerLineActions('**任 命**')).toEqual(['appoint']);
    expect(headerLineActions('免去职务：')).toEqual(['remove']);
    expect(headerLineActions('任命: ')).toEqual(['appoint']);
    expect(headerLineActions('任 命 ：')).toEqual(['appoint']);
    // one colon dropped at the end, not two (the other is left over beside the words)
    expect(headerLineActions('任免名单：：')).toEqual([]);
    expect(headerLineActions('任命：免去：')).toEqual(['appoint', 'remove']);
    expect(headerLineActions('姓名 任命职务 免去职务')).toEqual(['appoint', 'remove']);
    expect(headerLineActions('经区政府常务会议研究，决定任命下列同志的职务。')).toEqual([]);
  });

  it('body from the title', () => {
    expect(bodyFromTitle('某区人民政府办公室关于建立 某区数据治理联席会议的通知')).toBe('某区数据治理联席会议');
    expect(bodyFromTitle('某区人民政府办公室关于调整某区中药发展领导小组组成人员的通知')).toBe('某区中药发展领导小组');
    expect(bodyFromTitle('某区人民政府关于印发《某方案》的通知')).toBeNull();
  });

  it('role labels with notes, full- and half-width colons', () => {
    expect(roleLabel('组 长：欧阳 娜娜 副区长')).toEqual({ role: '组长', note: null, rest: '欧阳 娜娜 副区长', restColumn: 5 });
    expect(roleLabel('召集人:王 峰 副区长')).toMatchObject({ role: '召集人', rest: '王 峰 副区长' });
    expect(roleLabel('成 员（按姓氏笔画为序）：')).toMatchObject({ role: '成员', note: '按姓氏笔画为序', rest: '' });
    expect(roleLabel('成员单位：区甲局、区乙局')).toBeNull();
    // a list item's bullet, as a converter writes an HTML list, is no part of the label
    expect(roleLabel('-   组   长：王 峰')).toEqual({ role: '组长', note: null, rest: '王 峰', restColumn: 11 });
    expect(roleLabel('• 成员：王 峰（区甲局）')).toMatchObject({ role: '成员', rest: '王 峰（区甲局）' });
    expect(roleLabel('-组长：王峰')).toBeNull();
    expect(roleLabel('联系电话：12345')).toBeNull();
  });
});

// ---------------------------------------------------------------- whole issues

const PERSONNEL_TITLE = '二〇二四年一月~三月份区政府人事任免事项';
function personnelIssue(body: string[]): string {
  return miniIssue({ category: '人事任免', docs: [{ title: PERSONNEL_TITLE, date: null, number: null, body }] });
}

describe('appointment lists in a made-up issue', () => {
  const text = personnelIssue([
    // a removal list first: the action comes from its header, never from the order
    '| 姓 名 | 免 去 职 务 |\n|---|---|\n| 欧阳 娜娜 | 某区甲局副局长、某区乙局局长职务 |\n| 司马光 | 某区东湖、西湖地区联络办公室主任职务 |',
    '姓 名**任 命 职 务**',
    '| | |\n|-----|-----|\n| 王 峰 | 某区运行中心（区网格中心、区数据中心）主任（兼） |\n| 上官 燕 | 某某投资(集团)有限公司副总经理(七级管理岗位,试用期一年) |\n| | 某区丙局副局长 |\n| 李 四 | |',
  ]);
  const issue = parseIssue(text);
  const doc = issue.documents.find((d) => d.title === PERSONNEL_TITLE)!;

  it('finds the document', () => expect(doc).toBeDefined());

  it('actions from the headers, one record per person, every field', () => {
    for (const a of issue.appointments) expect(() => Appointment.parse(a)).not.toThrow();
    expect(
      issue.appointments.map((a) => [a.action, a.name, a.nameRaw, a.positions.map((p) => `${p.organization}|${p.title}`), a.qualifiers]),
    ).toEqual([
      ['remove', '欧阳娜娜', '欧阳 娜娜', ['某区甲局|副局长', '某区乙局|局长'], []],
      ['remove', '司马光', '司马光', ['某区东湖、西湖地区联络办公室|主任'], []],
      ['appoint', '王峰', '王 峰', ['某区运行中心（区网格中心、区数据中心）|主任'], ['兼']],
      ['appoint', '上官燕', '上官 燕', ['某某投资(集团)有限公司|副总经理'], ['七级管理岗位', '试用期一年']],
      ['appoint', null, null, ['某区丙局|副局长'], []],
      ['appoint', '李四', '李 四', [], []],
    ]);
    expect(issue.appointments.every((a) => a.documentId === doc.id && a.line >= doc.span.startLine && a.line <= doc.span.endLine)).toBe(
      true,
    );
    expect(issue.appointments[0]!.period).toEqual({ from: '2024-01', to: '2024-03', raw: '二〇二四年一月~三月' });
  });

  it('a name-less row and a post-less row are kept and reported as warnings on their lines', () => {
    const nameless = issue.appointments[4]!;
    const postless = issue.appointments[5]!;
    const people = issue.anomalies.filter((a) => a.code.startsWith('PERSON_'));
    expect(people.map((a) => [a.code, a.severity, a.line])).toEqual([
      ['PERSON_NAME_MISSING', 'warning', nameless.line],
      ['PERSON_POSITION_MISSING', 'warning', postless.line],
    ]);
    expect(text.split('\n')[nameless.line - 1]).toContain('某区丙局副局长');
    expect(text.split('\n')[postless.line - 1]).toContain('李 四');
  });

  it('plain-line lists and a table whose rows switch the action (任 命 / 免 去 rows)', () => {
    const i = parseIssue(
      personnelIssue([
        '免去职务：',
        '东方 明 某区丁局局长职务',
        '张 三 某区戊局副局长（试用期满）',
        '| 姓名 | 职务 |\n|---|---|\n| 任 命 | |\n| 赵 六 | 某区己局局长 |\n| 免 去 | |\n| 钱 七 | 某区庚局局长 |',
      ]),
    );
    expect(i.appointments.map((a) => [a.action, a.name, a.positions.map((p) => p.text), a.qualifiers])).toEqual([
      ['remove', '东方明', ['某区丁局局长'], []],
      ['remove', '张三', ['某区戊局副局长'], ['试用期满']],
      ['appoint', '赵六', ['某区己局局长'], []],
      ['remove', '钱七', ['某区庚局局长'], []],
    ]);
  });

  it('sentences: 任命X为Y, 免去X的Y职务, 免去其Y职务 (其: the person just named)', () => {
    const i = parseIssue(
      personnelIssue([
        '经研究，决定任命王 峰为区甲局副局长（试用期一年），免去其区乙中心主任职务；任命欧阳娜娜、司马光为区丙局副局长。',
        '免去上官燕的区丁局局长、区戊办主任职务。',
        '免去李四区己局副局长职务。',
        '依法任命的人员应当履职。',
      ]),
    );
    expect(i.appointments.map((a) => [a.action, a.name, a.positions.map((p) => p.text), a.qualifiers])).toEqual([
      ['appoint', '王峰', ['区甲局副局长'], ['试用期一年']],
      ['remove', '王峰', ['区乙中心主任'], []],
      ['appoint', '欧阳娜娜', ['区丙局副局长'], []],
      ['appoint', '司马光', ['区丙局副局长'], []],
      ['remove', '上官燕', ['区丁局局长', '区戊办主任'], []],
      ['remove', '李四', ['区己局副局长'], []],
    ]);
    // outside a personnel document, sentences are not read as appointments
    const j = parseIssue(miniIssue({ docs: [{ title: '某区人民政府关于某事项的通知', body: ['任命王峰为区甲局副局长。'] }] }));
    expect(j.appointments).toEqual([]);
  });

  it('a list without any 任命 / 免去 header gives no records and one warning', () => {
    const i = parseIssue(personnelIssue(['| | |\n|---|---|\n| 王 峰 | 某区甲局局长 |\n| 李 四 | 某区乙局局长 |']));
    expect(i.appointments).toEqual([]);
    expect(i.anomalies.filter((a) => a.code === 'PERSON_ACTION_UNKNOWN')).toHaveLength(1);
  });

  it('extractAppointments returns one Result: the records of tables, lines and sentences in text order, numbered, with their anomalies', () => {
    const text = personnelIssue([
      '经研究，决定任命王 峰为区甲局副局长。',
      '| 姓 名 | 任 命 职 务 |\n|---|---|\n| 赵 六 | 某区己局局长 |\n| | 某区庚局局长 |',
      '免去职务：',
      '东方 明 某区丁局局长职务',
    ]);
    const i = parseIssue(text);
    const doc = i.documents.find((d) => d.title === PERSONNEL_TITLE)!;
    const r = extractAppointments(
      splitLines(text),
      doc,
      i.tables.filter((t) => t.documentId === doc.id),
    );
    expect(r.value.map((a) => [a.id, a.action, a.name])).toEqual([
      [`${doc.id}-p1`, 'appoint', '王峰'],
      [`${doc.id}-p2`, 'appoint', '赵六'],
      [`${doc.id}-p3`, 'appoint', null],
      [`${doc.id}-p4`, 'remove', '东方明'],
    ]);
    expect(r.anomalies.map((a) => [a.code, a.line])).toEqual([['PERSON_NAME_MISSING', r.value[2]!.line]]);
    // what parseIssue reports is exactly this Result
    expect(i.appointments).toEqual(r.value);
    expect(i.anomalies.filter((a) => a.code.startsWith('PERSON_'))).toEqual(r.anomalies);
  });
});

describe('rosters in a made-up issue', () => {
  const title = '某区人民政府办公室关于成立某区数据治理领导小组的通知';
  const text = miniIssue({
    docs: [
      {
        title,
        number: '某府办〔2024〕7号',
        body: [
          '各委、办、局：',
          '经研究，区政府同意成立某区数据治理领导小组，其组成人员如下：',
          '组 长：欧阳 娜娜 副区长',
          '副组长：司马光 区大数据局局长',
          '成 员(按姓氏笔画为序)：',
          '| | |\n|-----|-----|\n| 王 峰 | 区甲局副局长 |\n| 上官 燕 | 区大数据局副局长 |\n| | 区乙局副局长 |',
          '李 四 区丙局副局长、区丁办主任\n赵 六\n东片街道办事处副主任',
          '领导小组下设办公室，办公室设在区大数据局，办公室主任由区大数据局副局长上官燕兼任，副主任由王峰同志担任。',
          '特此通知。',
        ],
      },
    ],
  });
  const issue = parseIssue(text);

  it('one roster: body from the title, note kept, every member in order with its source', () => {
    expect(issue.rosters).toHaveLength(1);
    const r = issue.rosters[0]!;
    expect(() => Roster.parse(r)).not.toThrow();
    expect([r.body, r.note, r.source]).toEqual(['某区数据治理领导小组', '按姓氏笔画为序', 'mixed']);
    expect(r.line).toBe(issue.documents[0]!.titleSpan.startLine);
    expect(r.members.map((m) => [m.order, m.role, m.name, m.position, m.source])).toEqual([
      [1, '组长', '欧阳娜娜', '副区长', 'line'],
      [2, '副组长', '司马光', '区大数据局局长', 'line'],
      [3, '成员', '王峰', '区甲局副局长', 'table'],
      [4, '成员', '上官燕', '区大数据局副局长', 'table'],
      [5, '成员', null, '区乙局副局长', 'table'],
      [6, '成员', '李四', '区丙局副局长、区丁办主任', 'line'],
      [7, '成员', '赵六', null, 'line'],
      [8, '成员', null, '东片街道办事处副主任', 'line'],
      [9, '办公室主任', '上官燕', '区大数据局副局长', 'sentence'],
      [10, '副主任', '王峰', '区甲局副局长', 'sentence'],
    ]);
    const lines = text.split('\n');
    for (const m of r.members) expect(lines[m.line - 1]).toContain(m.nameRaw ?? m.position!);
  });

  it('name-less and position-less members are warnings on their lines', () => {
    const r = issue.rosters[0]!;
    const people = issue.anomalies.filter((a) => a.code.startsWith('PERSON_'));
    expect(people.map((a) => [a.code, a.line])).toEqual([
      ['PERSON_NAME_MISSING', r.members[4]!.line],
      ['PERSON_POSITION_MISSING', r.members[6]!.line],
      ['PERSON_NAME_MISSING', r.members[7]!.line],
    ]);
    for (const a of people) expect(a.severity).toBe('warning');
  });

  it('a sentence that names the holder before the post (王峰同志兼任办公室主任), on a line of its own', () => {
    const t = text.replace(
      '领导小组下设办公室，办公室设在区大数据局，办公室主任由区大数据局副局长上官燕兼任，副主任由王峰同志担任。',
      '领导小组下设办公室，办公室设在区大数据局，王 峰同志兼任办公室主任，由区大数据局副局长上官燕担任副主任。\n\n王峰同志担任组长期间，由区长担任召集人。',
    );
    const r = parseIssue(t).rosters[0]!;
    expect(r.members.filter((m) => m.source === 'sentence').map((m) => [m.role, m.name, m.position])).toEqual([
      ['办公室主任', '王峰', '区甲局副局长'],
      ['副主任', '上官燕', '区大数据局副局长'],
    ]);
    // (组长期间 is no role; 由区长担任召集人 names a post, not a person)
    expect(r.members).toHaveLength(10);
  });

  it('a document that only mentions a group (组长由区领导担任) has no roster', () => {
    const i = parseIssue(
      miniIssue({
        docs: [{ title: '某区人民政府关于开展某项普查的通知', body: ['成立某区普查领导小组，领导小组组长由区领导担任。', '特此通知。'] }],
      }),
    );
    expect(i.rosters).toEqual([]);
  });
});

describe('several rosters in one document, names-only lines', () => {
  const text = miniIssue({
    docs: [
      {
        title: '某区人民政府办公室关于调整某区河长制工作领导小组组成人员的通知',
        body: [
          '一、领导小组组成人员',
          '组 长：张 三 区长',
          '成 员：李四、王五、赵六',
          '二、领导小组办公室组成人员',
          '主 任：钱 七 区水务局局长',
          '副主任：孙 八 区水务局副局长',
          '特此通知。',
        ],
      },
    ],
  });
  const issue = parseIssue(text);

  it('one roster per body, the office named after the group', () => {
    expect(issue.rosters.map((r) => [r.id.split('-').at(-1), r.body, r.members.map((m) => `${m.role}:${m.name}:${m.position}`)])).toEqual([
      ['r1', '某区河长制工作领导小组', ['组长:张三:区长', '成员:李四:null', '成员:王五:null', '成员:赵六:null']],
      ['r2', '某区河长制工作领导小组办公室', ['主任:钱七:区水务局局长', '副主任:孙八:区水务局副局长']],
    ]);
    const lines = text.split('\n');
    expect(lines[issue.rosters[1]!.line - 1]).toBe('二、领导小组办公室组成人员');
  });

  it('names without posts are kept, each reported', () => {
    expect(issue.anomalies.filter((a) => a.code === 'PERSON_POSITION_MISSING')).toHaveLength(3);
  });
});

describe('rosters with sub-headings, post-only sentences, several documents (real layouts)', () => {
  const roster = (title: string, number: string, body: string[], sign: string) =>
    [title, number, '各有关单位：', '经研究，决定成立某委员会，组成人员如下：', ...body, sign, '2024年5月6日', ''].join('\n');
  const text =
    roster(
      '某市人民政府关于成立某市甲委员会的通知',
      '某府发〔2024〕20号',
      [
        '主任委员：张 三 市长',
        '委 员：',
        '（一）市政府委员',
        '李 四 副市长',
        '（二）部门委员',
        '王 五 市教育局局长',
        '赵 六 市财政局局长',
        '委员会办公室设在市教育局，办公室主任由市教育局主要负责同志兼任。',
      ],
      '某市人民政府',
    ) +
    roster(
      '某市人民政府办公室关于成立某市乙领导小组的通知',
      '某府办发〔2024〕21号',
      ['组 长：钱 七 副市长', '成 员：孙 八 市民政局局长'],
      '某市人民政府办公室',
    );
  const issue = parseIssue(text);

  it('each roster stays with its own document', () => {
    expect(issue.documents.map((d) => d.id)).toEqual(['某府发-2024-20', '某府办发-2024-21']);
    expect(issue.rosters.map((r) => [r.documentId, r.members.map((m) => m.name)])).toEqual([
      ['某府发-2024-20', ['张三', '李四', '王五', '赵六']],
      ['某府办发-2024-21', ['钱七', '孙八']],
    ]);
  });

  it('a numbered sub-heading is the group of the members under it, not a nameless member', () => {
    const r = issue.rosters[0]!;
    expect(r.members.map((m) => [m.name, m.group])).toEqual([
      ['张三', undefined],
      ['李四', '市政府委员'],
      ['王五', '部门委员'],
      ['赵六', '部门委员'],
    ]);
    expect(issue.anomalies.filter((a) => a.code === 'PERSON_NAME_MISSING')).toEqual([]);
    expect(() => Roster.parse(r)).not.toThrow();
  });

  it('a sentence naming a post but no person is a note of the roster, not a member', () => {
    expect(issue.rosters[0]!.note).toBe('办公室主任由市教育局主要负责同志兼任');
    expect(issue.rosters[0]!.members.some((m) => m.source === 'sentence')).toBe(false);
  });
});

describe('no people where there are none', () => {
  it('a statistics table with a 聘用 column is not an appointment list', () => {
    const i = parseIssue(
      miniIssue({
        docs: [{ title: '某区人民政府关于某项统计的通知', body: ['| 单位 | 聘用人数 |\n|---|---|\n| 甲街道 | 12 |\n| 乙街道 | 30 |'] }],
      }),
    );
    expect(i.appointments).toEqual([]);
    expect(i.anomalies.filter((a) => a.code.startsWith('PERSON_'))).toEqual([]);
  });

  it('组长：由区长担任 in an ordinary document is no roster; in a roster document a name-less leader', () => {
    const plain = parseIssue(
      miniIssue({ docs: [{ title: '某区人民政府关于开展某项工作的通知', body: ['组长：由区长担任', '特此通知。'] }] }),
    );
    expect(plain.rosters).toEqual([]);
    const roster = parseIssue(
      miniIssue({
        docs: [
          {
            title: '某区人民政府办公室关于调整某区某某工作领导小组的通知',
            body: ['组 长：由区长担任', '成 员：', '张 三 区甲局局长', '特此通知。'],
          },
        ],
      }),
    );
    expect(roster.rosters[0]!.members.map((m) => [m.role, m.name, m.position, m.source])).toEqual([
      ['组长', null, '区长', 'sentence'],
      ['成员', '张三', '区甲局局长', 'line'],
    ]);
    expect(roster.anomalies.filter((a) => a.code.startsWith('PERSON_')).map((a) => a.code)).toEqual(['PERSON_NAME_MISSING']);
  });
});

describe('catalogue', () => {
  it('the people codes are in the people group', () => {
    for (const code of [
      'PERSON_NAME_MISSING',
      'PERSON_POSITION_MISSING',
      'PERSON_NAME_INVALID',
      'PERSON_ACTION_UNKNOWN',
      'PERSON_TITLE_UNKNOWN',
    ] as const) {
      expect(CATALOGUE[code].group).toBe('people');
    }
  });
});
