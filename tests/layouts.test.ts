import { Lines } from '../src/read/lines.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseIssue } from '../src/parse.js';
import { Issue } from '../src/model/issue.js';
import { bareDateLine, isPageNumber, orderNumberLine, ownDocNumberLine } from '../src/core/patterns.js';
import { furniture, headAt, isIssuerLine, readSignature, titleIssuers } from '../src/core/official.js';

/** Layouts of official documents (公文, GB/T 9704) beyond the Changning issue: no TOC, no sections, no colophon. */

const parse = (text: string) => parseIssue(text, { name: 'test.txt' });
const codes = (i: Issue) => i.anomalies.map((a) => a.code);
const errors = (i: Issue) => i.anomalies.filter((a) => a.severity === 'error');
const ownCitations = (i: Issue) =>
  i.citations.filter(
    (c) => c.kind === 'docNumber' && i.documents.find((d) => d.id === c.documentId)?.docNumber?.normalized === c.normalized,
  );

const TWO_DOCUMENTS = [
  '某省人民政府关于加强',
  '',
  '某某工作的通知',
  '',
  '某政发〔2024〕3号',
  '',
  '各市人民政府，省政府各部门：',
  '',
  '为加强某某工作，现将有关事项通知如下。',
  '',
  '一、总体要求',
  '',
  '要坚持问题导向。',
  '',
  '某省人民政府',
  '',
  '2024年3月5日',
  '',
  '（此件公开发布）',
  '',
  '某省人民政府办公厅关于印发',
  '某某方案的通知',
  '',
  '某政办发〔2024〕12号',
  '',
  '各市人民政府：',
  '',
  '《某某方案》已经省政府同意，现印发给你们（某政办发〔2024〕12号文件另行抄送）。',
  '',
  '某省人民政府办公厅',
  '',
  '二〇二四年三月十日',
  '',
  '某某方案',
  '',
  '为推进某某工作，制定本方案。',
].join('\n');

describe('a text of official documents without a TOC, sections or colophon', () => {
  const issue = parse(TWO_DOCUMENTS);

  it('finds each document at its title and 文号', () => {
    expect(issue.documents.map((d) => [d.id, d.title, d.kind, d.docNumber?.raw])).toEqual([
      ['某政发-2024-3', '某省人民政府关于加强某某工作的通知', '通知', '某政发〔2024〕3号'],
      ['某政办发-2024-12', '某省人民政府办公厅关于印发某某方案的通知', '通知', '某政办发〔2024〕12号'],
    ]);
    expect(issue.documents.map((d) => [d.span.startLine, d.span.endLine])).toEqual([
      [1, 20],
      [21, 36],
    ]);
    expect(() => Issue.parse(issue)).not.toThrow();
  });

  it('reads the 落款: issuers, 成文日期 (Arabic or Chinese numerals) as the date, the 附注', () => {
    const [a, b] = issue.documents;
    expect(a).toMatchObject({
      issuers: ['某省人民政府'],
      date: '2024-03-05',
      dateSource: 'signature',
      dateLine: 17,
      note: { text: '（此件公开发布）', line: 19 },
    });
    expect(a!.signature).toEqual({ issuers: ['某省人民政府'], date: '2024-03-05', dateRaw: '2024年3月5日', line: 17, startLine: 15 });
    expect(b).toMatchObject({ issuers: ['某省人民政府办公厅'], date: '2024-03-10', dateSource: 'signature', note: null });
    expect(a!.recipients).toEqual({ text: '各市人民政府，省政府各部门：', line: 7 });
  });

  it("does not count a document's own 文号 as its citation, nor take an attached 方案 for a document", () => {
    expect(ownCitations(issue)).toHaveLength(1); // the body of the second cites its own number in a sentence
    expect(ownCitations(issue)[0]!.line).toBe(28);
    expect(issue.citations.some((c) => c.line === 5 || c.line === 24)).toBe(false);
    expect(issue.documents).toHaveLength(2);
  });

  it('reports no missing colophon, no truncation and no error for a text that ends with a 落款', () => {
    const ends = parse(TWO_DOCUMENTS.split('\n').slice(0, 19).join('\n'));
    expect(codes(ends)).not.toContain('INPUT_TRUNCATED');
    expect(codes(ends)).not.toContain('MASTHEAD_NOT_FOUND');
    expect(errors(ends)).toEqual([]);
    const cut = parse(TWO_DOCUMENTS.split('\n').slice(0, 9).join('\n').replace('通知如下。', '通知如下'));
    expect(codes(cut)).toContain('INPUT_TRUNCATED');
  });
});

describe('document heads', () => {
  const lines = (s: string) => Lines.of(s.split('\n'));

  it('a title confirmed by its 文号, a date line or a 主送 line', () => {
    expect(headAt(lines('某市人民政府关于某事的通知\n某府发〔2024〕1号'), 1, 1, 2)).toMatchObject({
      titleStart: 1,
      titleEnd: 1,
      kind: '通知',
    });
    expect(headAt(lines('某市人民政府关于某事的批复\n\n某区人民政府：'), 1, 1, 3)).toMatchObject({ kind: '批复' });
    expect(headAt(lines('某市某事的决定\n(2024年1月2日)'), 1, 1, 2)).toMatchObject({ dateLineNo: 2 });
  });

  it('not a body heading, an attached 方案 or a sentence', () => {
    expect(headAt(lines('某某工作方案\n\n为推进某某工作，制定本方案。'), 1, 1, 3)).toBeNull();
    expect(headAt(lines('三、工作方案\n某府发〔2024〕1号'), 1, 1, 2)).toBeNull();
    expect(headAt(lines('现将有关事项通知\n主要内容如下：'), 1, 1, 2)).toBeNull();
    // a 主送 line alone confirms only a title naming its issuer (…关于…) or a 令/公告/通告
    expect(headAt(lines('某某工作方案\n各有关单位：'), 1, 1, 2)).toBeNull();
  });

  it('a title wrapped over three lines with blank lines between, not glued to the 落款 above', () => {
    const text =
      '某局\n\n2024年1月1日\n\n某省人民政府办公厅关于全面推行\n\n某某制度某某制度\n\n某某制度的指导意见\n\n某政办发〔2024〕7号\n';
    const issue = parse(text);
    expect(issue.documents.map((d) => d.title)).toContain('某省人民政府办公厅关于全面推行某某制度某某制度某某制度的指导意见');
    expect(issue.documents.find((d) => d.docNumber)!.titleSpan).toEqual({ startLine: 5, endLine: 9 });
  });

  it('joint issuers above a line whose only 关于 is in a cited title', () => {
    const issue = parse(
      '中共某市委办公室　某市人民政府办公室\n印发《关于加强某某工作的意见》的通知\n\n某办发〔2024〕3号\n\n各区：\n\n正文。\n',
    );
    expect(issue.documents).toHaveLength(1);
    expect(issue.documents[0]).toMatchObject({
      title: '中共某市委办公室某市人民政府办公室印发《关于加强某某工作的意见》的通知',
      titleSpan: { startLine: 1, endLine: 2 },
    });
  });

  it('an issuer on its own line above 关于…', () => {
    const issue = parse('某市人民政府\n关于某事的通知\n\n某府发〔2024〕9号\n\n各区：\n\n正文。\n');
    expect(issue.documents).toHaveLength(1);
    expect(issue.documents[0]).toMatchObject({ title: '某市人民政府关于某事的通知', titleSpan: { startLine: 1, endLine: 2 } });
  });
});

describe('more head layouts', () => {
  it('a regulation with its passage note (date and order) under the title', () => {
    const text =
      '某某管理条例\n\n（2019年3月2日中华人民共和国国务院令第709号公布　自2019年5月1日起施行）\n\n第一章　总则\n\n第一条　为了规范某某，制定本条例。\n';
    const d = parse(text).documents[0]!;
    expect(d).toMatchObject({ title: '某某管理条例', kind: '条例', date: '2019-03-02', dateSource: 'dateLine', dateLine: 3 });
  });

  it('a bare date under the title, and a long title on one line', () => {
    const title =
      '某某市人民政府办公室关于提请以市府办名义印发《某某市依托“一网通办”深化惠企利民政策和服务“免申即享”工作的实施方案》的请示';
    expect(title.length).toBeGreaterThan(60);
    const issue = parse(`${title}\n2023年5月15日\n某市人民政府：\n正文。\n`);
    expect(issue.documents.map((d) => [d.title, d.date])).toEqual([[title, '2023-05-15']]);
  });

  it('a list of documents (title, 文号, title, 文号) starts no document', () => {
    const text =
      '某市人民政府关于宣布失效一批文件的决定\n某府发〔2024〕1号\n各区：\n下列文件宣布失效：\n\n某市人民政府关于甲的通知\n某府发〔2010〕3号\n某市人民政府关于乙的通知\n某府发〔2011〕4号\n某市人民政府关于丙的意见\n某府发〔2012〕5号\n\n某市人民政府\n2024年1月3日\n';
    const issue = parse(text);
    expect(issue.documents.map((d) => d.docNumber?.raw)).toEqual(['某府发〔2024〕1号']);
    expect(issue.citations.filter((c) => c.kind === 'docNumber').map((c) => c.normalized)).toEqual([
      '某府发〔2010〕3号',
      '某府发〔2011〕4号',
      '某府发〔2012〕5号',
    ]);
  });

  it('a 文号 above the title when the 版头 mark is lost', () => {
    const issue = parse('前一件的正文。\n\n某府发〔2022〕9号\n\n某市人民政府关于某事的通知\n\n各区：\n\n正文。\n');
    const d = issue.documents.find((x) => x.docNumber)!;
    expect(d).toMatchObject({
      title: '某市人民政府关于某事的通知',
      docNumber: { line: 3 },
      span: { startLine: 3 },
      titleSpan: { startLine: 5 },
    });
  });

  it('a 文号 above the title confirms it without a 主送 line (a page that prints the list alone)', () => {
    const d = parse('某府办函〔2013〕9号\n\n某市人民政府办公室关于成立某市\n某某工作领导小组的通知\n\n组　长：王 峰\n').documents;
    expect(d.map((x) => [x.id, x.title, x.docNumber?.line, x.titleSpan])).toEqual([
      ['某府办函-2013-9', '某市人民政府办公室关于成立某市某某工作领导小组的通知', 1, { startLine: 3, endLine: 4 }],
    ]);
    // a title with neither 关于 nor a 主送 line under it is no document start
    expect(parse('某府办函〔2013〕9号\n\n某某工作领导小组名单的通知\n\n组　长：王 峰\n').documents.map((x) => x.title)).not.toContain(
      '某某工作领导小组名单的通知',
    );
  });

  it('a letter-spaced 版头 mark and the rule under it; joint issuers one space apart', () => {
    const text = [
      '某 市 人 民 政 府 文 件',
      '',
      '某府发〔2022〕6号',
      '━━━━━━━━━━━━━━',
      '某市人民政府关于某事的通知',
      '各区：',
      '正文。',
      '中共某市委办公室 某市人民政府办公室',
      '2022年2月3日',
    ].join('\n');
    const d = parse(text).documents[0]!;
    expect(d.header).toEqual({ issuers: ['某市人民政府'], line: 1, signer: null });
    expect(d.signature!.issuers).toEqual(['中共某市委办公室', '某市人民政府办公室']);
    expect(d.issuers).toEqual(['中共某市委办公室', '某市人民政府办公室']);
  });

  it("a web page's metadata block before the title, keys with spaces inside", () => {
    const text = [
      '索 引 号：000014349/2019-00025',
      '发文机关：某市人民政府',
      '标　　题：某市人民政府关于某事的通知',
      '发文字号：某府发〔2019〕5号',
      '',
      '某市人民政府关于某事的通知',
      '某府发〔2019〕5号',
      '各区：',
      '正文。',
      '某市人民政府',
      '2019年1月27日',
    ].join('\n');
    const issue = parse(text);
    expect(issue.documents).toHaveLength(1);
    expect(issue.documents[0]!.sourceMeta.map((m) => m.key)).toEqual(['索引号', '发文机关', '标题', '发文字号']);
    expect(issue.documents[0]!.span.startLine).toBe(1);
  });

  // The head of a county's 政府信息公开 page as stored in the search corpus (镇巴县人民政府工作规则,
  // http://zb.gov.cn/zbxzf/xzfwj/202404/49ca3d0c669f4c2ebf6f7fabf563549c.shtml): the metadata
  // as a bulleted list, each value on a line below its key, then the title with no 文号, date
  // or 主送 under it.
  const CMS_PAGE = [
    '返回顶部',
    '',
    '镇巴县人民政府工作规则',
    '',
    '  • 索引号:',
    '',
    '    6107280000/2024-001005',
    '  • 主题分类:',
    '',
    '  • 来源:',
    '',
    '  • 发文机构:',
    '',
    '    县政府网站',
    '  • 发文字号:',
    '',
    '    镇政发〔2024〕7号',
    '  • 发文日期:',
    '',
    '    2024年04月06日 16:40',
    '  • 有效性:',
    '',
    '  • 发布日期:',
    '',
    '    2024年04月06日 16:34',
    '  • 内容概述:',
    '',
    '镇巴县人民政府工作规则',
    '',
    '第一章总则',
    '',
    '一、根据《中华人民共和国宪法》《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》,参照《陕西省人民政府工作规则》《汉中市人民政府工作规则》的有关规定,结合本县实际,制定本规则。',
  ].join('\n');

  it("a page's metadata list with each value under its key: read as metadata, its 发文字号 confirms the title", () => {
    const issue = parse(CMS_PAGE);
    const d = issue.documents.find((x) => x.docNumber !== null)!;
    expect([d.id, d.title, d.kind, d.docNumber!.line, d.docNumber!.column, d.titleSpan.startLine, d.span.startLine]).toEqual([
      '镇政发-2024-7',
      '镇巴县人民政府工作规则',
      '规则',
      17,
      5,
      28,
      3,
    ]);
    expect(d.sourceMeta.map((m) => [m.key, m.value, m.line])).toEqual([
      ['title', '镇巴县人民政府工作规则', 3],
      ['索引号', '6107280000/2024-001005', 7],
      ['主题分类', '', 8],
      ['来源', '', 10],
      ['发文机构', '县政府网站', 14],
      ['发文字号', '镇政发〔2024〕7号', 17],
      ['发文日期', '2024年04月06日 16:40', 20],
      ['有效性', '', 21],
      ['发布日期', '2024年04月06日 16:34', 25],
      ['内容概述', '', 26],
    ]);
    expect(issue.anomalies.filter((a) => a.code === 'TITLE_REPEATED').map((a) => a.line)).toEqual([28]);
    expect(furniture('  • 发文字号:')).toEqual({ key: '发文字号', value: '' });
    expect(furniture('- 发文字号：镇政发〔2024〕7号')).toEqual({ key: '发文字号', value: '镇政发〔2024〕7号' });
  });

  it('metadata without a 发文字号 confirms nothing: a title needs its 文号, date or 主送', () => {
    const issue = parse(CMS_PAGE.replace('  • 发文字号:', '  • 公开方式:').replace('    镇政发〔2024〕7号', '    主动公开'));
    expect(issue.documents.some((d) => d.title === '镇巴县人民政府工作规则')).toBe(false);
  });
});

describe('文号 in every common form', () => {
  it.each([
    ['国发〔2019〕5号', '国发〔2019〕5号', null],
    ['国办发〔2018〕128号', '国办发〔2018〕128号', null],
    ['国函〔2018〕159号', '国函〔2018〕159号', null],
    ['（皖政办秘〔2021〕82号）', '皖政办秘〔2021〕82号', null],
    ['(某府[2021]3号)', '某府〔2021〕3号', null],
    ['某府发（2022） 7 号', '某府发〔2022〕7号', null],
    ['某府 〔2022〕 8号', '某府〔2022〕8号', null],
    ['某府文〔2023〕4号　　签发人：张三', '某府文〔2023〕4号', '张三'],
  ])('%s', (line, normalized, signer) => {
    expect(ownDocNumberLine(line)).toMatchObject({ normalized, signer });
  });

  it('not a sentence that cites one', () => {
    expect(ownDocNumberLine('根据国发〔2019〕5号文件精神')).toBeNull();
  });

  it('the whole match: raw text as written, index in the line (indented, wrapped), issuer, year, serial', () => {
    expect(ownDocNumberLine('  某府发（2022） 7 号')).toEqual({
      issuer: '某府发',
      year: 2022,
      serial: 7,
      normalized: '某府发〔2022〕7号',
      raw: '某府发（2022） 7 号',
      index: 2,
      signer: null,
    });
    expect(ownDocNumberLine(' （皖政办秘〔2021〕82号）')).toMatchObject({ raw: '皖政办秘〔2021〕82号', index: 2, signer: null });
    expect(ownDocNumberLine('某府文〔2023〕4号　签发人：张三')).toMatchObject({ raw: '某府文〔2023〕4号', index: 0, signer: '张三' });
  });

  it('an order numbered without a year', () => {
    expect(orderNumberLine('第709号')).toMatchObject({ serial: 709 });
    expect(orderNumberLine('第 12 号')).toMatchObject({ serial: 12 });
    expect(orderNumberLine('第三号')).toMatchObject({ serial: 3 });
    expect(orderNumberLine('第709号文件')).toBeNull();
  });

  it('an order (令) is a document of kind 令 with its number, year null', () => {
    const text =
      '中华人民共和国国务院令\n\n第709号\n\n《某某条例》已经2019年2月20日国务院第40次常务会议通过，现予公布，自2019年5月1日起施行。\n\n总理　李克强\n\n2019年3月2日\n';
    const issue = parse(text);
    expect(issue.documents).toHaveLength(1);
    const d = issue.documents[0]!;
    expect(d).toMatchObject({
      kind: '令',
      title: '中华人民共和国国务院令',
      date: '2019-03-02',
      dateSource: 'signature',
      issuers: ['总理 李克强'],
    });
    expect(d.docNumber).toMatchObject({ raw: '第709号', serial: 709, year: null, normalized: '中华人民共和国国务院令第709号', line: 3 });
    expect(d.id).toBe('中华人民共和国国务院令-709');
    expect(codes(issue)).not.toContain('DOCNUMBER_NONSTANDARD');
    expect(() => Issue.parse(issue)).not.toThrow();
  });

  it('the regulation an order publishes stays with the order', () => {
    const text = [
      '某市人民政府令',
      '第 50 号',
      '《某市某某管理办法》已经2021年5月8日市人民政府第12次常务会议通过，现予公布，自2021年7月1日起施行。',
      '市长　王五',
      '2021年5月20日',
      '',
      '某市某某管理办法',
      '（2021年5月20日某市人民政府令第50号公布）',
      '第一条　为了规范某某，制定本办法。',
      '第二条　本办法适用于本市。',
    ].join('\n');
    const issue = parse(text);
    expect(issue.documents.map((d) => [d.kind, d.title, d.date])).toEqual([['令', '某市人民政府令', '2021-05-20']]);
    // a regulation on its own is a document dated by its passage note
    const alone = parse(text.split('\n').slice(6).join('\n'));
    expect(alone.documents.map((d) => [d.kind, d.title, d.date])).toEqual([['办法', '某市某某管理办法', '2021-05-20']]);
  });

  it('a city government order', () => {
    const issue = parse(
      '某市人民政府令\n第 3 号\n\n《某市某某办法》已经市人民政府常务会议通过，现予公布。\n\n市长　王五\n二〇二一年五月八日\n',
    );
    expect(issue.documents[0]).toMatchObject({ kind: '令', date: '2021-05-08', docNumber: { serial: 3, year: null } });
  });
});

describe('落款 dates', () => {
  it.each([
    ['2019年1月12日', '2019-01-12'],
    ['二〇〇四年十二月十七日', '2004-12-17'],
    ['二○○四年十二月十七日', '2004-12-17'],
    ['二零零四年十二月十七日', '2004-12-17'],
    ['2023 年 6 月 1 日', '2023-06-01'],
    ['二〇二三年二月三十日', null],
  ])('%s', (line, iso) => {
    expect(bareDateLine(line)).toMatchObject({ iso });
  });

  it('not a date in a sentence or in brackets', () => {
    expect(bareDateLine('自2019年1月12日起施行')).toBeNull();
    expect(bareDateLine('(2019年1月12日)')).toBeNull();
  });

  it('a line is as long as its text: a date or 文号 far to the right is still one', () => {
    const pad = ' '.repeat(60);
    expect(bareDateLine(`${pad}2019年1月12日${pad}`)?.iso).toBe('2019-01-12');
    expect(ownDocNumberLine(`${' '.repeat(120)}国发〔2019〕5号`)?.raw).toBe('国发〔2019〕5号');
    expect(bareDateLine(`${'甲'.repeat(30)}2019年1月12日`)).toBeNull();
  });

  it('joint issuers on one line and on lines of their own', () => {
    const lines = ['正文。', '', '某市财政局　　某市人力资源和社会保障局', '某市税务局', '2022年5月6日', '（此件主动公开）'];
    expect(readSignature(Lines.of(lines), 1, 6)).toMatchObject({
      issuers: ['某市财政局', '某市人力资源和社会保障局', '某市税务局'],
      line: 5,
      startLine: 3,
      note: { text: '（此件主动公开）', line: 6 },
    });
  });

  it('an issuer is a name, not a heading or a sentence', () => {
    expect(isIssuerLine('国务院办公厅')).toBe(true);
    expect(isIssuerLine('一、总体要求')).toBe(false);
    expect(isIssuerLine('要切实加强组织领导。')).toBe(false);
    expect(isIssuerLine('工作要求')).toBe(false);
  });

  it('a date without an issuer line still ends the body; the title names the issuer', () => {
    const issue = parse('某市人民政府办公室关于某事的通知\n某府办发〔2022〕4号\n各区：\n正文。\n2022年4月14日\n');
    expect(issue.documents[0]).toMatchObject({ date: '2022-04-14', issuers: ['某市人民政府办公室'], signature: { issuers: [], line: 5 } });
    expect(titleIssuers('某市财政局、某市税务局关于某事的通知')).toEqual(['某市财政局', '某市税务局']);
    expect(titleIssuers('关于某事的通知')).toEqual([]);
  });

  it('a date line under the title stays the date; the 落款 is kept beside it', () => {
    const issue = parse('某市人民政府关于某事的通知\n(2024年2月1日)\n某府发〔2024〕2号\n各区：\n正文。\n某市人民政府\n2024年1月30日\n');
    expect(issue.documents[0]).toMatchObject({
      date: '2024-02-01',
      dateSource: 'dateLine',
      dateLine: 2,
      signature: { date: '2024-01-30' },
    });
  });
});

describe('版头 of a typeset document', () => {
  it('the mark, the 文号 and the title; page numbers are furniture', () => {
    const text = [
      '某市人民政府文件',
      '',
      '某府发〔2022〕5号',
      '',
      '某市人民政府关于某事的',
      '',
      '通知',
      '',
      '各区人民政府：',
      '',
      '正文第一段。',
      '',
      '—1—',
      '',
      '正文第二段。',
      '',
      '- 2 -',
      '',
      '某市人民政府',
      '',
      '2022年1月5日',
      '',
    ].join('\n');
    const issue = parse(text);
    expect(issue.documents).toHaveLength(1);
    const d = issue.documents[0]!;
    expect(d).toMatchObject({
      title: '某市人民政府关于某事的通知',
      span: { startLine: 1 },
      titleSpan: { startLine: 5, endLine: 7 },
      issuers: ['某市人民政府'],
      date: '2022-01-05',
    });
    expect(d.header).toEqual({ issuers: ['某市人民政府'], line: 1, signer: null });
    expect(d.docNumber).toMatchObject({ raw: '某府发〔2022〕5号', line: 3 });
    expect(isPageNumber('—1—')).toBe(true);
    expect(isPageNumber('- 12 -')).toBe(true);
    expect(isPageNumber('第1页')).toBe(false);
  });

  it('joint issuers sharing one 文件, and 签发人 beside the 文号', () => {
    const text = [
      '某市财政局',
      '某市教育局',
      '文件',
      '',
      '某财发〔2023〕11号　　签发人：李四',
      '',
      '某市财政局 某市教育局关于某事的请示',
      '',
      '某市人民政府：',
      '',
      '正文。',
    ].join('\n');
    const d = parse(text).documents[0]!;
    expect(d.header).toEqual({ issuers: ['某市财政局', '某市教育局'], line: 3, signer: '李四' });
    expect(d).toMatchObject({
      kind: '请示',
      issuers: ['某市财政局', '某市教育局'],
      docNumber: { normalized: '某财发〔2023〕11号' },
      span: { startLine: 1 },
    });
  });
});

describe('a typeset document as pdftotext gives it', () => {
  const text = [
    '某市人民政府办公室文件',
    '',
    '某府办发〔2022〕43号',
    '',
    '某市人民政府办公室关于印发',
    '《某市2022年某某考评办法》的通知',
    '',
    '各区人民政府，市直有关部门：',
    '　　现将《某市2022年某某考评办法》印发给你们，请认真抓好落实。',
    '',
    '　　附件：某某考评指标',
    '',
    '某市人民政府办公室',
    '2022年4月14日',
    '（此件公开发布）',
    '',
    '—1—',
    '',
    '附件',
    '',
    '某某考评指标',
    '',
    '一、政务服务（25分）',
    '',
    '—2—',
    '',
    '抄送：市委各部门，市人大常委会办公室。',
    '某市人民政府办公室　　　　　　　2022年4月15日印发',
    '',
  ].join('\n');
  const issue = parse(text);

  it('is one document with its 版头, 落款, 附注 and attachment', () => {
    expect(issue.documents).toHaveLength(1);
    expect(issue.documents[0]).toMatchObject({
      title: '某市人民政府办公室关于印发《某市2022年某某考评办法》的通知',
      date: '2022-04-14',
      issuers: ['某市人民政府办公室'],
      header: { issuers: ['某市人民政府办公室'], line: 1 },
      note: { text: '（此件公开发布）' },
    });
    expect(issue.documents[0]!.attachments.map((a) => [a.declaredTitle, a.title])).toEqual([['某某考评指标', '某某考评指标']]);
  });

  it('takes the 版记 (…印发) for no colophon and for no truncation', () => {
    expect(issue.masthead.line).toBeNull();
    expect(issue.masthead.publicationDate).toBeNull();
    expect(issue.anomalies.map((a) => a.code)).toEqual(['TOC_NOT_FOUND']);
    expect(issue.documents[0]!.span.endLine).toBe(28); // the 版记 line closes the text
  });
});

describe('database and web export furniture', () => {
  const text = [
    '    【法宝引证码】 CLI.12.1234567',
    '原文链接：https://example.org/a.html',
    '发布部门：某市人民政府办公室',
    '某市人民政府办公室关于印发<某某办法>的通知',
    '某市人民政府办公室关于印发《某某办法》的通知',
    '某府办发〔2022〕43号',
    '各区：',
    '正文。',
    '2022年4月14日',
  ].join('\n');

  it('is kept as source metadata, never taken as the title; the repeated title is info, not TEXT_REPEATED', () => {
    const issue = parse(text);
    expect(issue.documents).toHaveLength(1);
    const d = issue.documents[0]!;
    expect(d.title).toBe('某市人民政府办公室关于印发《某某办法》的通知');
    expect(d.span.startLine).toBe(1);
    expect(d.sourceMeta).toEqual([
      { key: '法宝引证码', value: 'CLI.12.1234567', line: 1 },
      { key: '原文链接', value: 'https://example.org/a.html', line: 2 },
      { key: '发布部门', value: '某市人民政府办公室', line: 3 },
      { key: 'title', value: '某市人民政府办公室关于印发<某某办法>的通知', line: 4 },
    ]);
    expect(issue.anomalies.find((a) => a.code === 'TITLE_REPEATED')).toMatchObject({ severity: 'info', line: 5 });
    expect(codes(issue)).not.toContain('TEXT_REPEATED');
    const same = parse(text.replace('<某某办法>', '《某某办法》'));
    expect(codes(same)).toContain('TITLE_REPEATED');
    expect(codes(same)).not.toContain('TEXT_REPEATED');
  });

  it('furniture lines by their form, not a category header or body text', () => {
    expect(furniture('【法宝引证码】 CLI.12.5115678')).toEqual({ key: '法宝引证码', value: 'CLI.12.5115678' });
    expect(furniture('https://www.gov.cn/x.htm')).toMatchObject({ key: 'url' });
    expect(furniture('【区政府文件】')).toBeNull();
    expect(furniture('来源于群众的意见')).toBeNull();
  });
});

describe('attachments split over lines', () => {
  it('附件1. with its title wrapped over two lines', () => {
    const text = [
      '某市人民政府关于某口岸的批复',
      '某府函〔2024〕2号',
      '某区人民政府：',
      '正文。',
      '附件：1.某某口岸查验区的界址点坐标',
      '某市人民政府',
      '2024年1月2日',
      '附件1.',
      '',
      '某某口岸查验区的',
      '',
      '界址点坐标',
      '',
      '| 点号 | X | Y |',
      '|---|---|---|',
      '| J1 | 1 | 2 |',
    ].join('\n');
    const d = parse(text).documents[0]!;
    expect(d.attachments).toEqual([
      {
        index: 1,
        declaredTitle: '某某口岸查验区的界址点坐标',
        declaredLine: 5,
        title: '某某口岸查验区的界址点坐标',
        startLine: 8,
        parent: null,
      },
    ]);
  });

  it('附件： on a line of its own with the title below, matched to the attachment at the end', () => {
    const text = [
      '某市人民政府办公室关于印发某办法的通知',
      '某府办发〔2024〕5号',
      '各区：',
      '正文。',
      '附件：',
      '某某考评指标',
      '2024年3月1日',
      '附件',
      '某某考评指标',
      '一、指标',
    ].join('\n');
    const issue = parse(text);
    expect(issue.documents[0]!.attachments).toEqual([
      { index: null, declaredTitle: '某某考评指标', declaredLine: 5, title: '某某考评指标', startLine: 8, parent: null },
    ]);
    expect(codes(issue)).not.toContain('ATTACHMENT_UNDECLARED');
  });

  it('附件： on a line of its own with a numbered list below', () => {
    const text = [
      '某市人民政府关于某事的通知',
      '某府发〔2024〕6号',
      '各区：',
      '正文。',
      '附件：',
      '1.甲表',
      '2.乙表',
      '某市人民政府',
      '2024年3月1日',
      '附件1',
      '甲表',
      '附件2',
      '乙表',
    ].join('\n');
    const d = parse(text).documents[0]!;
    expect(d.attachments.map((a) => [a.index, a.declaredTitle, a.startLine])).toEqual([
      [1, '甲表', 10],
      [2, '乙表', 12],
    ]);
  });
});

/** A joint notice, then a 复函 whose 附件1 is a report printed as a document of its own (the layouts of gov.cn pages). */
const REPLY_WITH_REPORT = [
  '某省人民政府办公厅、某省军区办公室',
  '关于贯彻《某某省某某',
  '',
  '条例》的通知',
  '',
  '某政办发〔2024〕5号',
  '',
  '各市人民政府：',
  '',
  '现就贯彻《某某省某某条例》通知如下。',
  '',
  '某省人民政府办公厅　某省军区办公室',
  '',
  '2024年5月6日',
  '',
  '某省人民政府办公厅关于某某县地质险情有关问题的复函',
  '',
  '某政办函〔2024〕8号',
  '',
  '某某县人民政府：',
  '',
  '你县请示收悉。现函复如下。',
  '',
  '附件：1.某某部关于某某县地质险情调研情况的报告',
  '      2.某某县地质险情调查意见',
  '',
  '某省人民政府办公厅',
  '',
  '2024年6月1日',
  '',
  '附件1',
  '',
  '某某部关于某某县地质险情',
  '调研情况的报告',
  '',
  '某省人民政府：',
  '',
  '按照专家组的建议和某某省人民政府的要求，已将危险区居民搬迁。',
  '',
  '建议某某省人民政府加强监测。',
  '',
  '某某部',
  '',
  '2024年5月20日',
  '',
  '附件2',
  '',
  '某某县',
  '地质险情调查意见',
  '',
  '经调查，险情已经排除。',
  '',
  '某某县地质险情调查组',
  '',
  '二〇二四年五月十日',
].join('\n');

describe('joint issuers, wrapped titles, and attachments printed as documents', () => {
  const issue = parse(REPLY_WITH_REPORT);
  const [notice, reply, report] = issue.documents;

  it('reads joint issuers joined by 、 above a title line that begins with 关于', () => {
    expect(issue.documents).toHaveLength(3);
    expect(notice!.title).toBe('某省人民政府办公厅、某省军区办公室关于贯彻《某某省某某条例》的通知');
    expect(notice!.titleSpan).toEqual({ startLine: 1, endLine: 4 });
    expect(notice!.issuers).toEqual(['某省人民政府办公厅', '某省军区办公室']);
    expect(isIssuerLine('某省人民政府办公厅、某省军区办公室')).toBe(true);
    expect(isIssuerLine('北京市、天津市')).toBe(false);
  });

  it('takes a 《》 opened on one title line and closed on the next, a blank line between, for closed', () => {
    expect(codes(issue)).not.toContain('BRACKET_UNCLOSED');
    // the same bracket left open in a paragraph of the body is still reported
    const open = parse(REPLY_WITH_REPORT.replace('现就贯彻《某某省某某条例》通知如下。', '现就贯彻《某某省某某条例通知如下。'));
    expect(open.anomalies.filter((a) => a.code === 'BRACKET_UNCLOSED').map((a) => a.line)).toEqual([10]);
  });

  it('gives the 附件2 after a report printed as 附件1 to the 复函 that declares it; its heading read over two lines', () => {
    expect(report!.kind).toBe('报告');
    expect(report!.title).toBe('某某部关于某某县地质险情调研情况的报告');
    expect(reply!.attachments.map((a) => [a.index, a.declaredLine, a.startLine, a.title])).toEqual([
      [1, 24, 31, null],
      [2, 25, 46, '某某县地质险情调查意见'],
    ]);
    expect(report!.attachments).toEqual([]);
    expect(codes(issue).filter((c) => c.startsWith('ATTACHMENT_'))).toEqual([]);
    // declared with another title: the difference is reported, not a missing attachment
    const other = parse(REPLY_WITH_REPORT.replace('2.某某县地质险情调查意见', '2.某某县地质险情调查组意见'));
    expect(other.anomalies.filter((a) => a.code.startsWith('ATTACHMENT_')).map((a) => [a.code, a.line])).toEqual([
      ['ATTACHMENT_TITLE_MISMATCH', 48],
    ]);
  });

  it('takes 和 before a place-named body for two bodies, not a name missing a 和', () => {
    expect(codes(issue)).not.toContain('NAME_CHARACTER_DROPPED');
  });

  it('takes a text ending with a 成文日期 on its own line for complete, whoever signs above it', () => {
    expect(codes(issue)).not.toContain('INPUT_TRUNCATED');
    expect(errors(issue)).toEqual([]);
    const cut = parse(REPLY_WITH_REPORT.replace(/\n\n二〇二四年五月十日$/, '').replace('某某县地质险情调查组', '经调查，险情'));
    expect(codes(cut)).toContain('INPUT_TRUNCATED');
  });
});

/** The documents SOURCES.md lists for a real text: 文号 and title, in file order. */
function listed(file: string): Array<{ number: string; title: string }> {
  const src = readFileSync(new URL('./fixtures/real/SOURCES.md', import.meta.url), 'utf8');
  const part = src.split(`## ${file}`)[1]!.split('\n## ')[0]!;
  return [...part.matchAll(/^- (\S+〔\d{4}〕\d+号)\s+(\S+)\s+</gm)].map((m) => ({ number: m[1]!, title: m[2]! }));
}

describe('real text: fourteen State Council documents (tests/fixtures/real/gwy-2019-jan-feb.txt)', () => {
  const issue = parse(readFileSync(new URL('./fixtures/real/gwy-2019-jan-feb.txt', import.meta.url), 'utf8'));
  const docs = listed('gwy-2019-jan-feb.txt');

  it('gives every listed document, one each, with its 文号 and exact title, and no other', () => {
    expect(docs).toHaveLength(14);
    expect(issue.documents.map((d) => [d.docNumber?.raw, d.title])).toEqual(docs.map((d) => [d.number, d.title]));
  });

  it('dates each from its 落款 and names its issuer', () => {
    expect(issue.documents.map((d) => d.date)).toEqual([
      '2019-01-27',
      '2019-01-22',
      '2019-01-24',
      '2019-01-16',
      '2019-01-12',
      '2019-01-09',
      '2018-12-29',
      '2019-01-01',
      '2018-12-30',
      '2018-12-23',
      '2018-12-28',
      '2018-12-26',
      '2018-12-05',
      '2018-12-25',
    ]);
    for (const d of issue.documents) {
      expect(d.issuers).toEqual([d.docNumber!.issuer.startsWith('国办') ? '国务院办公厅' : '国务院']);
      expect(d.dateSource).toBe('signature');
    }
    expect(issue.documents.filter((d) => d.note?.text === '（此件公开发布）')).toHaveLength(13);
    expect(issue.documents.find((d) => d.id === '国办发-2018-126')!.note!.text).toBe('（本文有删减）');
  });

  it("counts no document's own 文号 as a citation", () => {
    expect(ownCitations(issue)).toEqual([]);
  });

  it('finds the attachments declared in the body', () => {
    const d = issue.documents.find((x) => x.id === '国办发-2019-4')!;
    expect(d.attachments.map((a) => [a.declaredTitle, a.title])).toEqual([['三级公立医院绩效考核指标', '三级公立医院绩效考核指标']]);
    expect(codes(issue)).not.toContain('ATTACHMENT_NOT_FOUND');
    expect(codes(issue)).not.toContain('ATTACHMENT_UNDECLARED');
  });

  it('raises no error and no warning', () => {
    expect(issue.anomalies.filter((a) => a.severity !== 'info')).toEqual([]);
    expect(codes(issue)).not.toContain('MASTHEAD_NOT_FOUND');
    expect(codes(issue)).not.toContain('INPUT_TRUNCATED');
    expect(() => Issue.parse(issue)).not.toThrow();
  });
});

describe('real text: fifteen State Council letters and notices of 1996–2018 (tests/fixtures/real/gwy-letters-1996-2018.txt)', () => {
  const issue = parse(readFileSync(new URL('./fixtures/real/gwy-letters-1996-2018.txt', import.meta.url), 'utf8'));
  const docs = listed('gwy-letters-1996-2018.txt');
  const byId = (id: string) => issue.documents.find((d) => d.id === id)!;

  it('gives every listed document with its 文号 and exact title, and the two reports printed after them', () => {
    expect(docs).toHaveLength(15);
    const numbered = issue.documents.filter((d) => d.docNumber !== null);
    expect(numbered.map((d) => [d.docNumber!.raw, d.title])).toEqual(docs.map((d) => [d.number, d.title]));
    // the report a 转发 notice forwards and the one a 复函 answers with, each with its own
    // title, 主送 (国务院：) and 落款, right after the document that prints them
    expect(issue.documents.filter((d) => d.docNumber === null).map((d) => [d.ordinal, d.kind, d.title, d.issuers, d.date])).toEqual([
      [6, '报告', '关于我国地震重点监视防御区的确定和加强防震减灾工作意见的报告', ['国家地震局'], '1996-01-25'],
      [10, '报告', '关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告', ['国土资源部'], '2004-10-10'],
    ]);
  });

  it('reads joint issuers before 关于 in a title broken over three lines, and in the 落款', () => {
    const d = byId('国办发-1996-25');
    expect(d.titleSpan).toEqual({ startLine: 254, endLine: 256 });
    expect(d.title).toBe('国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器调查和管理工作的通知');
    expect(d.issuers).toEqual(['国务院办公厅', '中央军委办公厅']);
    expect(d.signature!.issuers).toEqual(['国务院办公厅', '中央军委办公厅']);
    expect(d.date).toBe('1996-06-29');
  });

  it('dates every document from its 落款, in Chinese numerals or Arabic', () => {
    expect(issue.documents.every((d) => d.dateSource === 'signature')).toBe(true);
    expect(byId('国办函-2004-80').signature!.dateRaw).toBe('二〇〇四年十一月四日');
    expect(byId('国发-2018-43').signature!.dateRaw).toBe('2018年12月21日');
    // the one 落款 whose issuer line carries the page's own typo (&bsp; for &nbsp;)
    expect(issue.documents.filter((d) => d.issuers.length === 0).map((d) => d.id)).toEqual(['国办函-2006-82']);
  });

  it("gives a 复函's 附件2, which stands after its 附件1 printed as a report, to the 复函 that declares it", () => {
    expect(byId('国办函-2004-80').attachments.map((a) => [a.index, a.declaredLine, a.startLine, a.title])).toEqual([
      [1, 477, 485, null],
      [2, 479, 524, '湖北省巴东县官渡口镇马鬃山村地质险情调查意见'],
    ]);
    expect(issue.documents[9]!.attachments).toEqual([]);
    expect(codes(issue)).not.toContain('ATTACHMENT_NOT_FOUND');
    expect(codes(issue)).not.toContain('ATTACHMENT_UNDECLARED');
  });

  it("raises no false alarm: the one warning is the page's own (附件2 declared with another title)", () => {
    expect(issue.anomalies.filter((a) => a.severity !== 'info').map((a) => [a.code, a.line])).toEqual([['ATTACHMENT_TITLE_MISMATCH', 526]]);
    expect(codes(issue)).not.toContain('BRACKET_UNCLOSED');
    expect(codes(issue)).not.toContain('INPUT_TRUNCATED');
    expect(ownCitations(issue)).toEqual([]);
    expect(() => Issue.parse(issue)).not.toThrow();
  });
});

for (const [form, file] of [
  ['GitHub Markdown: <span style=…> around every paragraph', 'gwy-letters-1996-2018.gfm.md'],
  ["pandoc's Markdown: [text]{style=…} spans across lines, hard breaks", 'gwy-letters-1996-2018.pandoc.md'],
]) {
  describe(`the same letters as pandoc writes them in Markdown, ${form} (tests/fixtures/real/${file})`, () => {
    const plain = parse(readFileSync(new URL('./fixtures/real/gwy-letters-1996-2018.txt', import.meta.url), 'utf8'));
    const md = parse(readFileSync(new URL(`./fixtures/real/${file}`, import.meta.url), 'utf8'));

    it('is read as converter Markdown, its inline markup reported once', () => {
      expect(md.source.reader).toBe('markdown');
      expect(md.anomalies.filter((a) => a.code === 'INPUT_INLINE_MARKUP')).toHaveLength(1);
      expect(codes(md)).not.toContain('STRAY_MARKUP');
    });

    it('gives the documents of the plain text: ids, titles, kinds, dates, issuers, attachments', () => {
      const view = (i: Issue) =>
        i.documents.map((d) => [d.id, d.title, d.kind, d.date, d.issuers, d.attachments.map((a) => [a.index, a.title])]);
      expect(view(md)).toEqual(view(plain));
    });

    it('finds what the plain text finds, and no more', () => {
      const found = (i: Issue) => i.anomalies.filter((a) => a.severity !== 'info').map((a) => a.code);
      expect(found(md)).toEqual(found(plain));
    });
  });
}

describe('real text: a leading group reprinted as an HTML list (tests/fixtures/real/linan-2013-89.txt)', () => {
  const issue = parse(readFileSync(new URL('./fixtures/real/linan-2013-89.txt', import.meta.url), 'utf8'));

  it('is one document, confirmed by the 文号 above its title (the page prints no 主送)', () => {
    expect(issue.documents.map((d) => [d.id, d.title, d.docNumber?.raw, d.docNumber?.line, d.issuers])).toEqual([
      [
        '临政办函-2013-89',
        '临安市人民政府办公室关于成立临安市信用建设工作领导小组的通知',
        '临政办函[2013]89号',
        3,
        ['临安市人民政府办公室'],
      ],
    ]);
    expect(issue.anomalies.filter((a) => a.code === 'DOCNUMBER_NONSTANDARD').map((a) => a.line)).toEqual([3]);
  });

  it('reads every member of the roster: the labels behind list bullets and a stray &nbsp, each body in brackets, the office director', () => {
    expect(issue.rosters).toHaveLength(1);
    const [r] = issue.rosters;
    expect(r!.body).toBe('临安市信用建设工作领导小组');
    const members = r!.members;
    expect(members).toHaveLength(47);
    expect(members.filter((m) => m.role === '组长').map((m) => m.name)).toEqual(['李文钢']);
    expect(members.filter((m) => m.role === '副组长').map((m) => [m.name, m.position])).toEqual([
      ['冯镭', null],
      ['沈慧', null],
      ['何洪明', '市纪委'],
    ]);
    expect(members.filter((m) => m.role === '成员')).toHaveLength(42);
    expect(members[4]).toMatchObject({ role: '成员', name: '巫振江', nameRaw: '巫振江', position: '市府办', line: 12 });
    expect(members.find((m) => m.name === '楼华')).toMatchObject({ nameRaw: '楼 华', position: '人行临安支行', line: 30 });
    // the half-width closing bracket of the page
    expect(members.find((m) => m.name === '张发平')!.position).toBe('市统计局');
    expect(members.at(-2)).toMatchObject({ name: '胡廖明', position: '市发改局', line: 53 });
    // 领导小组下设办公室，办公室设在市发改局，胡廖明同志兼任办公室主任。
    expect(members.at(-1)).toMatchObject({ role: '办公室主任', name: '胡廖明', position: '市发改局', source: 'sentence', line: 54 });
    expect(members.every((m) => m.name !== null)).toBe(true);
  });

  it('reports the &nbsp it read as spaces and the leaders listed without a post; nothing else but the 文号', () => {
    expect(issue.anomalies.filter((a) => a.code === 'INPUT_HTML_SPACE').map((a) => [a.line, a.endLine])).toEqual([[8, 12]]);
    expect(issue.anomalies.filter((a) => a.severity !== 'info').map((a) => [a.code, a.line])).toEqual([
      ['DOCNUMBER_NONSTANDARD', 3],
      ['PERSON_POSITION_MISSING', 8],
      ['PERSON_POSITION_MISSING', 9],
      ['PERSON_POSITION_MISSING', 10],
    ]);
    expect(() => Issue.parse(issue)).not.toThrow();
  });
});

describe('real text: a pkulaw export (tests/fixtures/real/pkulaw-baotou-2022-43.txt)', () => {
  const issue = parseIssue(new Uint8Array(readFileSync(new URL('./fixtures/real/pkulaw-baotou-2022-43.txt', import.meta.url))), {
    name: 'pkulaw-baotou-2022-43.txt',
  });

  it('is one document with its 文号, title, date and issuer; the furniture kept as metadata', () => {
    expect(issue.documents).toHaveLength(1);
    const d = issue.documents[0]!;
    expect(d).toMatchObject({
      id: '包府办发-2022-43',
      title: '包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知',
      kind: '通知',
      date: '2022-04-14',
      issuers: ['包头市人民政府办公室'],
      docNumber: { raw: '包府办发〔2022〕43号', line: 5 },
    });
    expect(d.sourceMeta.map((m) => m.key)).toEqual(['法宝引证码', '原文链接', 'title']);
    expect(d.attachments.map((a) => [a.declaredTitle, a.title])).toEqual([['包头市数字政府建设考评指标', '包头市数字政府建设考评指标']]);
  });

  it('cites other documents, never itself; no error, no TEXT_REPEATED, no undeclared attachment', () => {
    expect(ownCitations(issue)).toEqual([]);
    expect(issue.citations.some((c) => c.normalized === '包府办发〔2022〕10号')).toBe(true);
    expect(errors(issue)).toEqual([]);
    expect(codes(issue)).not.toContain('TEXT_REPEATED');
    expect(codes(issue)).not.toContain('ATTACHMENT_UNDECLARED');
    expect(codes(issue)).toContain('TITLE_REPEATED');
  });

  it('raises no false alarm: only info (no TOC; the title printed twice)', () => {
    expect(issue.anomalies.filter((a) => a.severity !== 'info')).toEqual([]);
  });
});
