import { Lines } from '../src/read/lines.js';
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import type { Anomaly } from '../src/model/anomaly.js';
import { miniIssue, type MiniDoc } from './helpers/mini.js';
import { diffChars, formatDiff } from '../src/check/diff.js';
import { findTandem } from '../src/check/repeat.js';
import { itemAfterHeading } from '../src/check/numbering.js';
import { numberedItem } from '../src/read/numbered.js';
import { findMarkup } from '../src/check/markup.js';
import { checkNameVariants } from '../src/check/variants.js';

const codes = (text: string, code: string): Anomaly[] => parseIssue(text).anomalies.filter((a) => a.code === code);

const doc = (over: Partial<MiniDoc> & { title?: string } = {}): MiniDoc => ({ title: '某某区人民政府关于开展甲项工作的通知', ...over });
const two = (a: Partial<MiniDoc>, b: Partial<MiniDoc>): MiniDoc[] => [
  doc({ number: '某府〔2023〕1号', ...a }),
  doc({ title: '某某区人民政府关于开展乙项工作的通知', number: '某府〔2023〕2号', ...b }),
];

describe('made-up issue', () => {
  it('has no structure anomaly when nothing is wrong', () => {
    const issue = parseIssue(miniIssue({ docs: two({}, {}) }));
    expect(issue.documents.map((d) => d.id)).toEqual(['某府-2023-1', '某府-2023-2']);
    expect(issue.anomalies).toEqual([]);
  });
});

describe('TOC vs body', () => {
  it('TOC_ORDER_MISMATCH fires when the TOC lists documents in another order', () => {
    const docs = [...two({}, {}), doc({ title: '某某区人民政府关于开展丙项工作的通知', number: '某府〔2023〕3号' })];
    const a = codes(miniIssue({ docs, tocOrder: [1, 0, 2] }), 'TOC_ORDER_MISMATCH');
    expect(a).toHaveLength(1);
    expect(a[0]!.line).toBe(5);
    expect(codes(miniIssue({ docs }), 'TOC_ORDER_MISMATCH')).toEqual([]);
  });

  it('TOC_PAGE_ORDER fires when a page number goes back, not when pages rise', () => {
    const a = codes(miniIssue({ docs: two({ page: 5 }, { page: 3 }) }), 'TOC_PAGE_ORDER');
    expect(a.map((x) => [x.line, x.message])).toEqual([[6, 'page (3) is lower than page (5) of the entry before it (line 5)']]);
    expect(codes(miniIssue({ docs: two({ page: 3 }, { page: 3 }) }), 'TOC_PAGE_ORDER')).toEqual([]);
  });

  it('TOC_TITLE_MISMATCH shows a character diff; spaces and full/half width do not count', () => {
    const a = codes(miniIssue({ docs: two({ tocTitle: '某某区人民政府关于开展丁项工作的通知' }, {}) }), 'TOC_TITLE_MISMATCH');
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toContain('[-丁-]{+甲+}');
    expect(a[0]!.documentId).toBe('某府-2023-1');
    // at the first character the wording differs in (丁), on the TOC line; the body line is in the message
    expect(a[0]!.column).toBe(4 + '某某区人民政府关于开展'.length);
    expect(a[0]!.message).toMatch(/body \(line \d+\)/);
    const same = miniIssue({
      docs: two(
        { title: '某某区人民政府关于印发 2023 年（甲）工作要点的通知', tocTitle: '某某区人民政府关于印发2023年(甲)工作要点的通知' },
        {},
      ),
    });
    expect(codes(same, 'TOC_TITLE_MISMATCH')).toEqual([]);
  });
});

describe('文号 and dates', () => {
  it('DOCNUMBER_DUPLICATE: same issuer, year and serial; not another issuer or year', () => {
    const a = codes(miniIssue({ docs: two({}, { number: '某府〔2023〕1号' }) }), 'DOCNUMBER_DUPLICATE');
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toContain('某府〔2023〕1号');
    expect(codes(miniIssue({ docs: two({}, { number: '某府办〔2023〕1号' }) }), 'DOCNUMBER_DUPLICATE')).toEqual([]);
    expect(codes(miniIssue({ docs: two({}, { number: '某府〔2022〕1号', date: '2022 年 12 月 1 日' }) }), 'DOCNUMBER_DUPLICATE')).toEqual(
      [],
    );
    // A non-standard writing of the same number is the same number.
    expect(codes(miniIssue({ docs: two({}, { number: '某府(2023)1 号' }) }), 'DOCNUMBER_DUPLICATE')).toHaveLength(1);
  });

  it('DOCNUMBER_YEAR_MISMATCH: the 文号 year differs from the date', () => {
    const a = codes(miniIssue({ docs: two({ number: '某府〔2022〕1号' }, {}) }), 'DOCNUMBER_YEAR_MISMATCH');
    expect(a).toHaveLength(1);
    expect(a[0]!.evidence).toBe('某府〔2022〕1号');
    expect(codes(miniIssue({ docs: two({}, {}) }), 'DOCNUMBER_YEAR_MISMATCH')).toEqual([]);
  });

  it('DATE_AFTER_PUBLICATION: a document date line after the colophon date, not a date in the body', () => {
    const a = codes(miniIssue({ docs: two({ date: '2023 年 8 月 1 日' }, {}) }), 'DATE_AFTER_PUBLICATION');
    expect(a).toHaveLength(1);
    expect(a[0]!.evidence).toBe('(2023 年 8 月 1 日)');
    const body = ['各街道办事处：', '本办法自 2023 年 9 月 1 日起施行，有效期至 2025 年 12 月 31 日。'];
    expect(codes(miniIssue({ docs: two({ body }, {}) }), 'DATE_AFTER_PUBLICATION')).toEqual([]);
  });

  it('DATE_INVALID: a date that is not in the calendar', () => {
    expect(codes(miniIssue({ docs: two({ date: '2023 年 2 月 30 日' }, {}) }), 'DATE_INVALID')).toHaveLength(1);
  });

  const titles = ['甲', '乙', '丙', '丁'].map((x) => `某某区人民政府关于开展${x}项工作的通知`);
  it('DATE_ORDER: only in a section not ordered by 文号 serial', () => {
    const dates = ['2023 年 3 月 1 日', '2023 年 3 月 5 日', '2023 年 1 月 2 日', '2023 年 4 月 1 日'];
    const unnumbered = titles.map((title, i) => doc({ title, date: dates[i]!, number: null }));
    const a = codes(miniIssue({ docs: unnumbered }), 'DATE_ORDER');
    expect(a.map((x) => x.evidence)).toEqual(['(2023 年 1 月 2 日)']);
    // Ordered by serial: the dates are not looked at.
    const numbered = titles.map((title, i) => doc({ title, date: dates[i]!, number: `某府〔2023〕${i + 1}号` }));
    expect(codes(miniIssue({ docs: numbered }), 'DATE_ORDER')).toEqual([]);
    const inOrder = titles.map((title, i) => doc({ title, date: `2023 年 ${i + 1} 月 1 日`, number: null }));
    expect(codes(miniIssue({ docs: inOrder }), 'DATE_ORDER')).toEqual([]);
  });
});

describe('repeated text', () => {
  it('TEXT_REPEATED fires on a phrase written twice in a row', () => {
    const body = ['区政府各委、办、局,各街道办事处,新城镇政府:各街道办事处,新城镇政府:', '现将有关事项通知如下。'];
    const a = codes(miniIssue({ docs: two({ body }, {}) }), 'TEXT_REPEATED');
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toBe('«各街道办事处,新城镇政府:» is written twice in a row');
    expect(a[0]!.column).toBe('区政府各委、办、局,各街道办事处,新城镇政府:'.length + 1);
  });

  it('TEXT_REPEATED fires on a line repeated after the line before it', () => {
    const body = ['现将有关事项通知如下，请认真执行。', '现将有关事项通知如下，请认真执行。'];
    const a = codes(miniIssue({ docs: two({ body }, {}) }), 'TEXT_REPEATED');
    expect(a.map((x) => x.message)).toEqual([expect.stringMatching(/^the line repeats line \d+$/)]);
  });

  it('does not fire on ordinary text, short reduplication, tables or placeholder lines', () => {
    const body = [
      '人民城市人民建，人民城市为人民。研究研究再说。',
      '| 序号 | 名称 |',
      '|---|---|',
      '| 1 | 甲乙丙丁甲乙丙丁 |',
      '| 1 | 甲乙丙丁甲乙丙丁 |',
      '.....',
      '.....',
      '“一网通办”“一网统管”“一网通办”。',
    ];
    expect(codes(miniIssue({ docs: two({ body }, {}) }), 'TEXT_REPEATED')).toEqual([]);
  });

  it('findTandem finds the unit and the second copy', () => {
    expect(findTandem('前文甲乙丙丁戊甲乙丙丁戊后文')).toEqual({ index: 7, unit: '甲乙丙丁戊' });
    expect(findTandem('甲乙丙丁戊己庚辛')).toBeNull();
    expect(findTandem('XXXXXXXXXXXXXXXX')).toBeNull();
  });

  it('findTandem: the same words in two columns (a column gap inside the unit) are no repeat; a phrase twice with one space is', () => {
    expect(findTandem('7 提醒名称       提醒名称       是 XX 免申即享')).toBeNull();
    expect(findTandem('前文 甲乙丙丁戊 甲乙丙丁戊 后文')).toEqual({ index: 8, unit: ' 甲乙丙丁戊' });
  });
});

describe('numbering', () => {
  const numbered = (lines: string[]): Anomaly[] => {
    const text = miniIssue({ docs: two({ body: lines }, {}) });
    return parseIssue(text).anomalies.filter((a) => a.code === 'NUMBERING_GAP' || a.code === 'NUMBERING_REPEAT');
  };

  it('reads the numbering styles', () => {
    expect(numberedItem('一、总体要求')).toMatchObject({ style: 'cn', value: 1 });
    expect(numberedItem('（十二）完善政策')).toMatchObject({ style: 'cn-paren', value: 12 });
    expect(numberedItem('(三) 强化')).toMatchObject({ style: 'cn-paren', value: 3 });
    expect(numberedItem('12. 推行')).toMatchObject({ style: 'num-dot', value: 12 });
    expect(numberedItem('4、加快')).toMatchObject({ style: 'num-comma', value: 4 });
    expect(numberedItem('- (2) 区公共卫生')).toMatchObject({ style: 'num-paren', value: 2 });
    expect(numberedItem('第十九条 本办法自印发之日起施行。')).toMatchObject({ style: 'article', value: 19 });
    expect(numberedItem('第五条（工作流程）')).toMatchObject({ style: 'article', value: 5 });
    // Not items:
    expect(numberedItem('二、三级医院因地制宜')).toBeNull();
    expect(numberedItem('第三条规定的情形')).toBeNull();
    expect(numberedItem('2022.1.1-2022.2.3')).toBeNull();
    expect(numberedItem('2.0 版')).toBeNull();
    expect(numberedItem('(2020) 32号)等文件')).toBeNull();
    expect(numberedItem('一是坚持依法普查')).toBeNull();
  });

  it('NUMBERING_GAP: a missing number, or a list that starts after 1', () => {
    expect(numbered(['一、甲', '二、乙', '四、丁']).map((a) => [a.code, a.message])).toEqual([
      ['NUMBERING_GAP', expect.stringContaining('四、 follows 二、')],
    ]);
    expect(numbered(['（一）甲', '（三）丙']).map((a) => a.message)).toEqual([expect.stringContaining('（二） missing')]);
    expect(numbered(['第一条 甲', '第二条 乙', '第四条 丁']).map((a) => a.code)).toEqual(['NUMBERING_GAP']);
    const late = numbered(['（一）甲', '（二）乙', '二、对提案的答复', '（一）丙']);
    expect(late.map((a) => a.message)).toEqual(['二、 is the first item of its kind here: 一、 missing']);
  });

  it('NUMBERING_REPEAT: a number written twice or going back', () => {
    expect(numbered(['1. 甲', '2. 乙', '2. 丙']).map((a) => a.code)).toEqual(['NUMBERING_REPEAT']);
    expect(numbered(['1. 甲', '2. 乙', '3. 丙', '2. 丁']).map((a) => a.message)).toEqual([expect.stringContaining('goes back')]);
  });

  it('no false alarm: restarts under new headings, counting on across headings, attachments, 附件 lists, tables', () => {
    expect(numbered(['一、甲', '（一）子', '（二）子', '二、乙', '（一）子', '1. 孙', '2. 孙', '（二）子', '1. 孙'])).toEqual([]);
    // (N) counting on across 一、 headings, as some plans do.
    expect(numbered(['一、甲', '（一）子', '（二）子', '二、乙', '（三）子', '（四）子'])).toEqual([]);
    // 1. 2. continuing across （一）（二）.
    expect(numbered(['（一）甲', '1. 子', '2. 子', '（二）乙', '3. 子', '4. 子'])).toEqual([]);
    // An attachment starts numbering afresh; items of a 附件 list are not document items.
    expect(numbered(['一、甲', '二、乙', '- 附件：1. 方案', '2. 申请表', '附件 1', '方案', '一、丙', '二、丁'])).toEqual([]);
    expect(numbered(['一、甲', '二、乙', '附件', '方案', '二、丙']).map((a) => a.message)).toEqual([
      '二、 is the first item of its kind here: 一、 missing',
    ]);
    expect(numbered(['一、甲', '| 序号 | 名称 |', '|---|---|', '| 三、 | 丙 |', '二、乙'])).toEqual([]);
  });
});

describe('stray markup', () => {
  it('finds ** , HTML tags, LaTeX and # headings', () => {
    expect(findMarkup('姓 名**免 去 职 务**')).toMatchObject({ index: 3, text: '**' });
    expect(findMarkup('<p>强化数智赋能机制')).toMatchObject({ index: 0, kind: 'HTML tag' });
    expect(findMarkup('创建率达 $\\geq 50\\%$ 以上')).toMatchObject({ index: 5 });
    expect(findMarkup('率 \\geq 15%')).toMatchObject({ kind: 'LaTeX', text: '\\geq' });
    expect(findMarkup('## 一、总体要求')).toMatchObject({ kind: 'Markdown heading mark' });
    expect(findMarkup('价格 5$ 或 x<5 与 y>3，编号#12，乘号*')).toBeNull();
  });

  it('STRAY_MARKUP fires outside tables only', () => {
    const body = ['各街道办事处：', '**特此通知。**', '| 甲 | <p>乙</p> |', '|---|---|', '| 1 | \\geq 5 |'];
    const a = codes(miniIssue({ docs: two({ body }, {}) }), 'STRAY_MARKUP');
    expect(a.map((x) => x.evidence)).toEqual(['**特此通知。**']);
  });
});

describe('rare name spellings', () => {
  const run = (lines: string[]): Anomaly[] =>
    checkNameVariants({
      lines: Lines.of(lines),
      masthead: {} as never,
      toc: [],
      sections: [],
      documents: [],
      src: {} as never,
      structure: {} as never,
      records: {},
      text: () => lines.join('\n'),
    });

  it('NAME_VARIANT fires on a one-off variant of a frequent name, showing both forms and counts', () => {
    const lines = [
      '各街道办事处，新城镇政府：',
      '新城镇、江川路街道',
      '| 所在街镇 | 新城镇 |',
      '请新城镇政府落实。',
      '| 所在街镇 | 新诚镇 |',
    ];
    const a = run(lines);
    expect(a.map((x) => [x.line, x.column, x.message])).toEqual([
      [5, 10, '«新诚镇» (1×) differs by one character from «新城镇» (4×) in this issue'],
    ]);
  });

  it('does not fire on two real names, on running text, on rare-vs-rare or on level prefixes', () => {
    // 体育 and 教育 are words of their own: two bodies, not a typo.
    expect(run(['区教育局、区教育局、区教育局', '区体育局', '加强体育、教育工作，发展体育事业，建设体育设施'])).toEqual([]);
    // The rare form is inside running text (preceded by a Han character): not a name start.
    expect(run(['城镇街道；城镇街道；城镇街道', '完成镇街道的工作'])).toEqual([]);
    // Neither is frequent.
    expect(run(['甲乙路、甲乙路', '甲丙路'])).toEqual([]);
    // 区府办 / 区台办: the distinctive part is one character.
    expect(run(['区府办、区府办、区府办、区府办', '、区台办主任'])).toEqual([]);
    // Different numbers or directions make different names.
    expect(run(['第一中学、第一中学、第一中学', '、第二中学'].map((s) => s.replaceAll('中学', '中心')))).toEqual([]);
    expect(run(['东林路、东林路、东林路', '、西林路'])).toEqual([]);
  });

  it('does not fire on bodies with short stems, inside a 文号 or on verbs ending in 办 (real texts)', () => {
    // 市体育局 / 市教育局: two bureaus, even where 体育 occurs nowhere else
    expect(run(['单位：市教育局', '单位：市教育局', '单位：市教育局', '单位：市体育局'])).toEqual([]);
    // but a three-character stem of a body is still looked at
    expect(run(['、生态环境局', '、生态环境局', '、生态环境局', '、生态环竟局']).map((a) => a.line)).toEqual([4]);
    // 包府办 only in 文号s is an issuer code
    expect(run(['市政府办、市政府办、市政府办', '（包府办发〔2022〕10号）', '包府办发〔2022〕43号'])).toEqual([]);
    // 一证通办 / 一网通办: a verb, not an office
    expect(run(['一网通办、一网通办、一网通办', '、一证通办'])).toEqual([]);
    // 公交路 is cut out of 公交路线 (as 国务委 out of 国务委员): no name ends there
    expect(run(['、公交路线', '、公交路线', '、公交路线', '、公文路'])).toEqual([]);
    expect(run(['、公交路', '、公交路', '、公交路', '、公文路']).map((a) => a.line)).toEqual([4]);
  });
});

describe('numbering after a heading on the same line', () => {
  it('第一条 after 第一章 on its line, and 1、 after 注： count: no NUMBERING_GAP on 第二条 or 2、', () => {
    expect(itemAfterHeading('第一章　总则　　第一条　为了规范某某，制定本办法。')).toMatchObject({ style: 'article', value: 1, index: 8 });
    expect(itemAfterHeading('注：1、本表所列指标为年度指标。')).toMatchObject({ style: 'num-comma', value: 1, index: 2 });
    expect(itemAfterHeading('第一章　总则')).toBeNull();
    expect(itemAfterHeading('注：3、只是第三项。')).toBeNull();
    const text = [
      '某市人民政府关于印发某办法的通知',
      '某府发〔2024〕1号',
      '各区：',
      '现印发。',
      '某某办法',
      '第一章　总则　　第一条　为了规范某某，制定本办法。',
      '第二条　本办法适用于本市。',
      '注：1、本表所列指标为年度指标。',
      '2、其他指标另行规定。',
    ].join('\n');
    const issue = parseIssue(text);
    expect(issue.anomalies.filter((a) => a.code === 'NUMBERING_GAP')).toEqual([]);
    // still a gap when 第二条 has no 第一条 anywhere
    const gap = parseIssue(text.replace('第一章　总则　　第一条　为了规范某某，制定本办法。', '第一章　总则'));
    expect(gap.anomalies.filter((a) => a.code === 'NUMBERING_GAP').map((a) => a.line)).toEqual([7]);
  });
});

describe('character diff', () => {
  it('marks removed and added characters', () => {
    expect(formatDiff(diffChars('加强物业管理共建美好家园', '加强物业管理、共建美好家园'))).toBe('加强物业管理{+、+}共建美好家园');
    expect(formatDiff(diffChars('上海市某某区人民政府关于甲的通知', '上海市某某区人民政府关于乙的通知'))).toBe(
      '…人民政府关于[-甲-]{+乙+}的通知',
    );
    expect(formatDiff(diffChars('临空园区', '凌空园区'))).toBe('[-临-]{+凌+}空园区');
    expect(diffChars('abc', 'abc')).toEqual([{ op: 'same', text: 'abc' }]);
  });
});

describe('repeated text: adversarial input stays linear', () => {
  it('periodic text that is not Chinese, and near-repeats that fail late, end the search without a finding', () => {
    const period = 'abcdefghij'.repeat(39) + 'X';
    expect(findTandem(period.repeat(2000))).toBeNull();
    const near = Array.from({ length: 2000 }, (_, i) => 'abcdefghij'.repeat(39) + String.fromCharCode(0x41 + (i % 26))).join('');
    expect(findTandem(near)).toBeNull();
    // A real repetition after a long non-text run is still found.
    expect(findTandem('1234567890'.repeat(100) + '前文甲乙丙丁戊甲乙丙丁戊')?.unit).toBe('甲乙丙丁戊');
  });
});

describe('English words in Chinese text', () => {
  it('ENGLISH_WORD fires on a function word between Chinese characters, not on abbreviations or tables', () => {
    const body = ['深入贯彻重要讲话精神 and 考察工作重要指示。', '在 APP 端登录，ICU 床位，发行REITs产品。', '| 甲 and 乙 |', '|---|'];
    const a = codes(miniIssue({ docs: two({ body }, {}) }), 'ENGLISH_WORD');
    expect(a.map((x) => [x.evidence, x.column, x.message])).toEqual([
      ['深入贯彻重要讲话精神 and 考察工作重要指示。', 12, 'the English word “and” stands in Chinese text'],
    ]);
  });
});

describe('checks of the structure reader, on made-up issues', () => {
  it('TOC_ENTRY_UNMATCHED and DOCUMENT_NOT_IN_TOC: an entry without a document, a document without an entry', () => {
    const text = miniIssue({ docs: two({}, { tocTitle: '某某区人民政府关于表彰先进集体和个人的决定' }) });
    expect(codes(text, 'TOC_ENTRY_UNMATCHED').map((a) => a.evidence)).toEqual([expect.stringContaining('表彰先进集体和个人的决定')]);
    expect(codes(text, 'DOCUMENT_NOT_IN_TOC').map((a) => a.evidence)).toEqual(['某某区人民政府关于开展乙项工作的通知']);
    const ok = miniIssue({ docs: two({}, {}) });
    expect([...codes(ok, 'TOC_ENTRY_UNMATCHED'), ...codes(ok, 'DOCUMENT_NOT_IN_TOC')]).toEqual([]);
  });

  it('DOCNUMBER_NONSTANDARD: ASCII brackets or spaces, not the standard form', () => {
    expect(
      codes(miniIssue({ docs: two({ number: '某府(2023)1号' }, { number: '某府〔2023〕2 号' }) }), 'DOCNUMBER_NONSTANDARD'),
    ).toHaveLength(2);
    expect(codes(miniIssue({ docs: two({}, {}) }), 'DOCNUMBER_NONSTANDARD')).toEqual([]);
  });

  it('ATTACHMENT_NOT_FOUND and ATTACHMENT_UNDECLARED', () => {
    const declaredOnly = ['各单位：', '现印发给你们。', '附件：1. 甲方案', '2. 乙清单', '附件 1', '甲方案', '一、总则'];
    expect(codes(miniIssue({ docs: two({ body: declaredOnly }, {}) }), 'ATTACHMENT_NOT_FOUND').map((a) => a.evidence)).toEqual([
      '2. 乙清单',
    ]);
    const undeclared = ['各单位：', '现印发给你们。', '附件 2', '乙清单'];
    expect(codes(miniIssue({ docs: two({ body: undeclared }, {}) }), 'ATTACHMENT_UNDECLARED').map((a) => a.evidence)).toEqual(['附件 2']);
    const fine = ['各单位：', '附件：1. 甲方案', '2. 乙清单', '附件 1', '甲方案', '附件 2', '乙清单'];
    const text = miniIssue({ docs: two({ body: fine }, {}) });
    expect([...codes(text, 'ATTACHMENT_NOT_FOUND'), ...codes(text, 'ATTACHMENT_UNDECLARED')]).toEqual([]);
  });
});
