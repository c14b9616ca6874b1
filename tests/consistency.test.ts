import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseIssue } from '../src/parse.js';
import type { Anomaly } from '../src/model/anomaly.js';
import { miniIssue, type MiniDoc } from './helpers/mini.js';
import { SAMPLE, SAMPLE_PATH } from './helpers/sample.js';
import { titleKey } from '../src/check/attachment-titles.js';

/**
 * Consistency within the issue (issue 18): each rule on small made-up issues, firing and
 * not, and on the real texts — the sample, the real texts of other gazettes and the
 * converter forms of the sample.
 */
const CODES = [
  'PUNCTUATION_HALF_WIDTH',
  'DATE_FORM_INCONSISTENT',
  'DOCNUMBER_DATE_ORDER',
  'DOCNUMBER_SERIES_GAP',
  'ATTACHMENT_TITLE_MISMATCH',
  'NUMBERING_STYLE_MIXED',
  'BRACKET_UNCLOSED',
  'PERIOD_DOUBLED',
  'CLOSING_FORMULA_RUN_IN',
] as const;

const of = (text: string, code: string): Anomaly[] => parseIssue(text).anomalies.filter((a) => a.code === code);
const doc = (n: number, over: Partial<MiniDoc> = {}): MiniDoc => ({
  title: `某某区人民政府关于开展第${'一二三四五六七八九'[n % 9]}项工作的通知`,
  number: `某府〔2023〕${n}号`,
  ...over,
});
const PLAIN = '现将有关事项通知如下：请认真贯彻执行，如有问题，请及时报告；（一）各单位（部门）要加强领导。';
const BODY = ['各街道办事处：', PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, '特此通知。'];
/** One document with the given body (paragraphs), after two plain ones that set the issue's norms. */
const withBody = (body: string[]): string => miniIssue({ docs: [doc(1, { body: BODY }), doc(2, { body: BODY }), doc(3, { body })] });
/** The 1-based line of the first line of `text` that is `line`. */
const lineOf = (text: string, line: string): number => text.split('\n').indexOf(line) + 1;

describe('PUNCTUATION_HALF_WIDTH', () => {
  it('fires once for a run of lines with half-width marks inside Chinese text', () => {
    const text = withBody([PLAIN, '各单位要加强领导,落实责任:确保完成。', '各部门(单位)要密切配合,形成合力。', PLAIN]);
    const a = of(text, 'PUNCTUATION_HALF_WIDTH');
    expect(a).toHaveLength(1);
    expect(a[0]!.severity).toBe('info');
    expect(a[0]!.message).toBe(
      `half-width punctuation inside Chinese text on 2 lines, where the issue writes it full-width: line ${a[0]!.line} (, :), line ${a[0]!.endLine} (( ) ,)`,
    );
    expect(a[0]!.line).toBe(lineOf(text, '各单位要加强领导,落实责任:确保完成。'));
    expect(a[0]!.endLine).toBe(a[0]!.line + 2);
    expect(a[0]!.column).toBe('各单位要加强领导,'.length);
  });

  it('is silent on numbers, times, 文号, URLs and Latin text, and where the issue writes the mark half-width', () => {
    const text = withBody([
      '共投入资金1,000万元,3:00前报送。'.replace(',3', '，3'),
      '根据《某某办法》（某府(2023)5号）和网址https://www.example.gov.cn/a,b;c执行。',
      'Hello, world: a test (one) here。',
    ]);
    expect(of(text, 'PUNCTUATION_HALF_WIDTH')).toEqual([]);
    // The issue writes its commas half-width: no norm to break.
    const half = miniIssue({
      docs: [1, 2, 3].map((n) => doc(n, { body: ['各单位要加强领导,落实责任,确保完成。', '特此通知。'] })),
    });
    expect(of(half, 'PUNCTUATION_HALF_WIDTH')).toEqual([]);
    // A mark the issue writes full-width only a few times sets no norm.
    const few = miniIssue({ docs: [doc(1), doc(2), doc(3, { body: ['各单位要加强领导,落实责任。', '特此通知。'] })] });
    expect(of(few, 'PUNCTUATION_HALF_WIDTH')).toEqual([]);
  });

  it('takes the norm from running text only: full-width marks in table rows and in lines under three characters do not count', () => {
    const half = '各单位要加强领导;落实责任。';
    const issue = (lines: string[]): string =>
      miniIssue({ docs: [doc(1, { body: [...lines, '特此通知。'] }), doc(2, { body: [half, '特此通知。'] })] });
    const twelve = (line: string): string[] => Array.from({ length: 12 }, () => line);
    expect(of(issue(twelve('| 甲方；乙方 | 丙 |')), 'PUNCTUATION_HALF_WIDTH')).toEqual([]);
    expect(of(issue(twelve('；')), 'PUNCTUATION_HALF_WIDTH')).toEqual([]);
    expect(of(issue(twelve('  | 甲方；乙方 |')), 'PUNCTUATION_HALF_WIDTH')).toEqual([]);
    // the same marks in sentences set the norm
    const a = of(issue(twelve('甲方；乙方。')), 'PUNCTUATION_HALF_WIDTH');
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toContain(`line ${a[0]!.line} (;)`);
    // … and ten of them are enough, nine are not
    expect(of(issue([...twelve('甲方；乙方。').slice(0, 9), '| 甲；乙 |', '；']), 'PUNCTUATION_HALF_WIDTH')).toEqual([]);
    expect(of(issue([...twelve('甲方；乙方。').slice(0, 9), '甲；乙']), 'PUNCTUATION_HALF_WIDTH')).toHaveLength(1);
  });
});

describe('DATE_FORM_INCONSISTENT', () => {
  it('names the minority form and lists its lines, once per form', () => {
    const docs = [
      doc(1, { date: '2023年4月10日' }),
      doc(2, { date: '2023年4月11日' }),
      doc(3, { date: '2023 年 4 月 12 日' }),
      doc(4, { date: '2023年4月13日' }),
    ];
    const a = of(miniIssue({ docs }), 'DATE_FORM_INCONSISTENT');
    expect(a.map((x) => x.message)).toEqual([expect.stringMatching(/^1 date line is written with spaces .* where 3 use no spaces/)]);
    expect(a[0]!.severity).toBe('info');
  });

  it('Chinese numerals and zero-padding against Arabic numerals; no norm on a tie or too few dates', () => {
    const cn = [doc(1, { date: '2023年4月10日' }), doc(2, { date: '2023年4月11日' }), doc(3, { date: '二〇二三年四月十二日' })];
    expect(of(miniIssue({ docs: cn }), 'DATE_FORM_INCONSISTENT').map((x) => x.message)).toEqual([
      // each form shown by the first date written so
      expect.stringMatching(/Chinese numerals as «\(?二〇二三年四月十二日\)?» where 2 use Arabic numerals as «\(?2023年4月10日\)?»/),
    ]);
    const pad = [doc(1, { date: '2023年4月10日' }), doc(2, { date: '2023年4月11日' }), doc(3, { date: '2023年04月12日' })];
    expect(of(miniIssue({ docs: pad }), 'DATE_FORM_INCONSISTENT').map((x) => x.message)).toEqual([
      expect.stringMatching(/zero-padded month or day as «\(?2023年04月12日\)?»/),
    ]);
    const same = [1, 2, 3].map((n) => doc(n, { date: `2023年4月1${n}日` }));
    expect(of(miniIssue({ docs: same }), 'DATE_FORM_INCONSISTENT')).toEqual([]);
    const tie = [doc(1, { date: '2023年4月10日' }), doc(2, { date: '2023 年 4 月 11 日' })];
    expect(of(miniIssue({ docs: tie }), 'DATE_FORM_INCONSISTENT')).toEqual([]);
  });
  it('the 成文日期 of the 落款 are compared among themselves, not with date lines', () => {
    const signed = (date: string): Partial<MiniDoc> => ({
      date: null,
      body: ['各街道办事处：', PLAIN, '特此通知。', '某某区人民政府', date],
    });
    const docs = [doc(1, signed('2023年4月10日')), doc(2, signed('2023年4月11日')), doc(3, signed('二〇二三年四月十二日'))];
    const text = miniIssue({ docs });
    const a = of(text, 'DATE_FORM_INCONSISTENT');
    expect(a.map((x) => [x.line, x.message])).toEqual([
      [
        lineOf(text, '二〇二三年四月十二日'),
        expect.stringMatching(/^1 成文日期 is written with Chinese numerals .* where 2 use Arabic numerals/),
      ],
    ]);
    expect(a[0]!.documentId).toBe('某府-2023-3');
  });
});

describe('DOCNUMBER_DATE_ORDER', () => {
  it('fires where a higher serial of the series is dated before the one printed before it', () => {
    const docs = [doc(25, { date: '2023年6月30日' }), doc(26, { date: '2023年6月19日' }), doc(27, { date: '2023年7月1日' })];
    const text = miniIssue({ docs, published: '2023 年 7 月 25 日' });
    const a = of(text, 'DOCNUMBER_DATE_ORDER');
    expect(a.map((x) => x.message)).toEqual([
      `某府〔2023〕26号 is dated 2023-06-19, before 某府〔2023〕25号 (line ${lineOf(text, '某府〔2023〕25号')}), dated 2023-06-30`,
    ]);
    expect(a[0]!.line).toBe(lineOf(text, '(2023年6月19日)'));
    expect(a[0]!.severity).toBe('warning');
    expect(a[0]!.documentId).toBe('某府-2023-26');
  });

  it('is silent on dates in serial order, on the same date, and across issuers or years', () => {
    const ordered = [doc(25, { date: '2023年6月1日' }), doc(26, { date: '2023年6月1日' }), doc(30, { date: '2023年6月9日' })];
    expect(of(miniIssue({ docs: ordered }), 'DOCNUMBER_DATE_ORDER')).toEqual([]);
    const other = [doc(25, { date: '2023年6月30日' }), doc(26, { date: '2023年6月19日', number: '某府办〔2023〕26号' })];
    expect(of(miniIssue({ docs: other }), 'DOCNUMBER_DATE_ORDER')).toEqual([]);
  });
});

describe('DOCNUMBER_SERIES_GAP', () => {
  const series = (serials: number[]): string => miniIssue({ docs: serials.map((n) => doc(n)) });

  it('fires (info) on a dense series that skips a number', () => {
    const a = of(series([10, 12, 13, 14, 15, 16]), 'DOCNUMBER_SERIES_GAP');
    expect(a.map((x) => [x.severity, x.message])).toEqual([
      ['info', 'the issue prints 6 numbers of the series 某府〔2023〕10号…某府〔2023〕16号 but not 某府〔2023〕11号'],
    ]);
  });

  it('is silent on a selection: few numbers, or a sparse series', () => {
    expect(of(series([2, 3, 4, 6]), 'DOCNUMBER_SERIES_GAP')).toEqual([]);
    expect(of(series([1, 5, 9, 13, 20, 30]), 'DOCNUMBER_SERIES_GAP')).toEqual([]);
    expect(of(series([1, 2, 3, 4, 5, 6]), 'DOCNUMBER_SERIES_GAP')).toEqual([]);
  });
});

describe('ATTACHMENT_TITLE_MISMATCH', () => {
  const att = (declared: string, heading: string[]): string =>
    withBody([
      '现将《甲方案》印发给你们，请认真贯彻执行。',
      `附件：${declared}`,
      '某某区人民政府',
      '2023年4月10日',
      '附件',
      ...heading,
      '一、总体要求',
    ]);

  it('fires with the difference when the declared title and the heading differ', () => {
    const a = of(att('某某区卫生事业发展行动主要指标', ['某某区卫生健康事业发展行动主要指标']), 'ATTACHMENT_TITLE_MISMATCH');
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toContain('卫生{+健康+}事业');
    expect(a[0]!.evidence).toBe('某某区卫生健康事业发展行动主要指标');
  });

  it('is silent on spaces, bracket width, dashes, a template placeholder and a heading wrapped over lines', () => {
    expect(of(att('某某区三年行动计划（2023-2025年）', ['某某区三年行动计划(2023—2025 年)']), 'ATTACHMENT_TITLE_MISMATCH')).toEqual([]);
    expect(of(att('“免申即享”方案模板', ['XXXXX “免申即享”方案模板']), 'ATTACHMENT_TITLE_MISMATCH')).toEqual([]);
    expect(of(att('节水型社会评价标准(试行)', ['节水型社会评价标准', '（试行）']), 'ATTACHMENT_TITLE_MISMATCH')).toEqual([]);
    expect(titleKey('《甲》（2023—2025 年）')).toBe(titleKey('〈甲〉(2023-2025年)'));
  });
});

describe('NUMBERING_STYLE_MIXED', () => {
  const mixed = (body: string[]): Anomaly[] => parseIssue(withBody(body)).anomalies.filter((a) => a.code.startsWith('NUMBERING_'));

  it('fires once per document where items carry on the count of another marker style', () => {
    const a = mixed(['一、甲', '二、乙', '（三）丙', '四、丁', '1. 子', '2、子', '3. 子']);
    expect(a.map((x) => [x.code, x.line, x.endLine])).toEqual([['NUMBERING_STYLE_MIXED', expect.any(Number), expect.any(Number)]]);
    expect(a[0]!.message).toBe(
      `lists switch 2 times marker style mid-list: line ${a[0]!.line} (（三） after 二、), line ${a[0]!.endLine} (2、 after 1.)`,
    );
  });

  it('is silent on an outline of levels, and a gap stays a gap', () => {
    expect(mixed(['一、甲', '（一）子', '（二）子', '1. 孙', '2. 孙', '（三）子', '二、乙', '（一）子'])).toEqual([]);
    expect(mixed(['（一）甲', '（二）乙', '二、对提案的答复']).map((x) => x.code)).toEqual(['NUMBERING_GAP']);
    expect(mixed(['一、甲', '二、乙', '（四）丁']).map((x) => x.code)).toEqual(['NUMBERING_GAP']);
  });
});

describe('BRACKET_UNCLOSED', () => {
  it('fires on a bracket never closed in its paragraph, once per document', () => {
    const a = of(withBody(['（责任部门：区卫健委、各街道（镇）', PLAIN, '请参照《某某办法执行。']), 'BRACKET_UNCLOSED');
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toMatch(/^2 brackets are opened and never closed in their paragraph: line \d+ \(（\), line \d+ \(《\)$/);
    expect(a[0]!.column).toBe(1);
  });

  it('is silent on closed and nested brackets, a curly quote closed by a straight one, a paragraph a page break cut, and tables read as text', () => {
    const text = withBody([
      '根据《关于开展“加强物业管理”活动的意见》（某府〔2023〕1号）执行。',
      '开展“蒙速办"等平台评价。',
      '（责任部门：区卫健委、区规资局、区机管局、区发改委、区财政局、区民政局',
      '区公安分局、各街道（镇））',
      '甲    乙（金融    丙',
      PLAIN,
    ]);
    expect(of(text, 'BRACKET_UNCLOSED')).toEqual([]);
  });
});

describe('PERIOD_DOUBLED', () => {
  it('fires on 。（…）。 and not on a parenthetical inside or after a sentence', () => {
    const line = '为贯彻落实《某某意见》。(以下简称《意见》)。现就有关事项通知如下：';
    const text = withBody([line]);
    const a = of(text, 'PERIOD_DOUBLED');
    expect(a.map((x) => x.message)).toEqual([
      `。 stands both before and after a parenthetical: line ${lineOf(text, line)} (。(以下简称《意见》)。)`,
    ]);
    expect(of(withBody(['为贯彻落实《某某意见》(以下简称《意见》)。现通知如下。（此件公开发布）']), 'PERIOD_DOUBLED')).toEqual([]);
  });
});

describe('CLOSING_FORMULA_RUN_IN', () => {
  it('fires when 特此通知。 ends a paragraph of other text', () => {
    const text = withBody(['其所在单位接任领导自然替补。特此通知。']);
    const a = of(text, 'CLOSING_FORMULA_RUN_IN');
    const ln = lineOf(text, '其所在单位接任领导自然替补。特此通知。');
    expect(a.map((x) => [x.line, x.column, x.message])).toEqual([
      [ln, 15, `the closing formula is run into the paragraph before it: line ${ln} (特此通知。)`],
    ]);
    expect(of(withBody(['同意你单位的请示。此复。']), 'CLOSING_FORMULA_RUN_IN')).toHaveLength(1);
  });

  it('is silent on a formula standing alone and on 此复 / 此函 inside words', () => {
    expect(of(withBody(['其所在单位接任领导自然替补。', '特此通知。']), 'CLOSING_FORMULA_RUN_IN')).toEqual([]);
    expect(of(withBody(['情况如此复杂，要加强研究如此复']), 'CLOSING_FORMULA_RUN_IN')).toEqual([]);
  });
});

describe('on the real texts', () => {
  const byCode = (text: string, name: string): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const a of parseIssue(text, { name }).anomalies)
      if ((CODES as readonly string[]).includes(a.code)) (out[a.code] ??= []).push(`${a.severity} ${a.line}`);
    return out;
  };

  it('the sample: each finding checked by eye', () => {
    expect(byCode(SAMPLE, SAMPLE_PATH)).toEqual({
      // Info: commas, colons and a semicolon typed half-width in documents that the rest of the issue writes full-width.
      PUNCTUATION_HALF_WIDTH: [
        'info 132',
        'info 142',
        'info 228',
        'info 284',
        'info 1315',
        'info 2001',
        'info 2282',
        'info 2532',
        'info 2842',
      ],
      // Info: five date lines spaced (2023 年 4 月 10 日) against twelve tight; five in full-width brackets against twelve half-width.
      DATE_FORM_INCONSISTENT: ['info 46', 'info 495'],
      // Info: the issue prints 长府办〔2023〕10号 and 12号…22号 but not 11号.
      DOCNUMBER_SERIES_GAP: ['info 497'],
      // Warning: 长府〔2023〕26号 is dated 2023-06-19, before 25号 (2023-06-30) — the issue's own example of an editor's question.
      // Warning: 长府办〔2023〕17号 (2023-05-22) dated before 16号 (2023-06-09); 22号 (2023-06-12) before 21号 (2023-06-26).
      DOCNUMBER_DATE_ORDER: ['warning 216', 'warning 1245', 'warning 2512'],
      // Warning: the 请示 declares 长宁区依托… but the attachment's heading reads 上海市长宁区依托… (as the 通知 issuing it does).
      // Warning: 附件6 is declared as 长宁区医疗卫生健康事业… but headed 长宁区卫生健康事业… .
      ATTACHMENT_TITLE_MISMATCH: ['warning 611', 'warning 2474'],
      // Warning: （责任部门：…区公安分局、各街道（镇） closes the inner bracket only; the paragraph's （ stays open
      // (the same list a few lines above ends 各街道（镇））).
      BRACKET_UNCLOSED: ['warning 2338'],
      // Warning: 实施意见》。(以下简称《实施意见》)。 ends the sentence twice.
      PERIOD_DOUBLED: ['warning 2916'],
      // Warning: …自然替补。特此通知。 — the formula is run into the last paragraph.
      CLOSING_FORMULA_RUN_IN: ['warning 974'],
    });
    expect(SAMPLE.split('\n')[2337]).toMatch(/^（责任部门：/);
    expect(SAMPLE.split('\n')[2339]).toBe('区公安分局、各街道（镇）');
  });

  it('the real texts of other gazettes: no false alarm, only what their text shows', () => {
    const dir = new URL('./fixtures/real/', import.meta.url);
    const found: Record<string, Record<string, string[]>> = {};
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort())
      found[f] = byCode(readFileSync(new URL(f, dir), 'utf8'), f);
    expect(found).toEqual({
      // (国家发展改革委…指导) and (生态环境部指导) in half-width brackets among 327 full-width ones.
      'gwy-2019-jan-feb.txt': { PUNCTUATION_HALF_WIDTH: ['info 696'] },
      'gwy-letters-1996-2018.txt': {
        // 国办函〔2004〕80号 declares 附件2 as 湖北省…地质险情调查专家组意见; its heading (lines
        // 526–527) reads 湖北省…地质险情调查意见: the page itself differs. 附件1 is a report
        // printed as a document of its own, so 附件2 stands in that document's span.
        ATTACHMENT_TITLE_MISMATCH: ['warning 526'],
        // The file joins documents of 1996–2018: 成文日期 in Chinese numerals until the 2012
        // standard (GB/T 9704-2012), Arabic ones in the three of 2018.
        DATE_FORM_INCONSISTENT: ['info 15'],
      },
      'linan-2013-89.txt': {},
      'pkulaw-baotou-2022-43.txt': {},
    });
    const letters = readFileSync(new URL('gwy-letters-1996-2018.txt', dir), 'utf8').split('\n');
    expect(letters.slice(525, 527)).toEqual(['湖北省巴东县官渡口镇马鬃山村', '地质险情调查意见']);
    expect(letters[478]).toMatch(/^\s*2\.湖北省巴东县官渡口镇马鬃山村地质险情调查专家组意见$/);
  });

  it('the converter forms of the sample find what the sample finds', () => {
    const dir = new URL('./fixtures/readers/', import.meta.url);
    const count = (text: string, name: string): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const [code, hits] of Object.entries(byCode(text, name))) out[code] = hits.filter((h) => !h.startsWith('info')).length;
      return out;
    };
    const want = count(SAMPLE, SAMPLE_PATH);
    for (const f of readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n)))
      expect(count(readFileSync(new URL(f, dir), 'utf8'), f), f).toEqual(want);
  });
});
