import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIssue, parseSource } from '../src/parse.js';
import type { Anomaly } from '../src/model/anomaly.js';
import { cjkGaps, cleanProse, continuesSentence, eachLineOutside, endsMidSentence, joinSentence } from '../src/core/prose.js';
import { lineList } from '../src/check/repairs.js';
import { documentsMarkdown } from '../src/write/markdown.js';
import { reportChunks } from '../src/write/report.js';
import { fileText } from '../src/write/pieces.js';
import { miniIssue, type MiniDoc } from './helpers/mini.js';
import { SAMPLE, SAMPLE_PATH } from './helpers/sample.js';

const REPAIRS = new Set(['PARAGRAPH_JOINED', 'WRAP_SPACES_REMOVED']);
const repairs = (issue: { anomalies: Anomaly[] }, code: string): Anomaly[] => issue.anomalies.filter((a) => a.code === code);
const doc = (body: string[], over: Partial<MiniDoc> = {}): MiniDoc => ({
  title: '某某区人民政府关于开展甲项工作的通知',
  number: '某府〔2023〕1号',
  body,
  ...over,
});

// A paragraph of running text cut after 方 (方|法 split by a page break), then its continuation.
const CUT = '为进一步做好物业管理工作，探索有效改进物业管理工作的方式方';
const REST = '法，选出一批物业服务优良的小区。';

describe('core/prose: where a sentence was cut', () => {
  it('a line of running text ending without terminal punctuation ends mid-sentence', () => {
    expect(endsMidSentence(CUT)).toBe(true);
    expect(endsMidSentence('推进各单位形成本单位重大行政决策项目目录。提高重大行政决策公开集成度，归集展示决策草案、')).toBe(true);
    expect(endsMidSentence('（十一）切实提升申请答复质量。依托全市平台做好依申请件全量管理，研究疑难、新型政府信息公开申请')).toBe(true);
  });

  it('headings, field lines and finished sentences do not', () => {
    expect(endsMidSentence('我区“智慧城管”建设基本情况')).toBe(false); // a heading without a marker: short, no comma
    expect(endsMidSentence('(一) 搭建区内“四统一”的管理新格局，全力保障整合型医疗卫生服务体系高质量发展')).toBe(false); // marked heading
    expect(endsMidSentence('逐条逐项抓好落实。（二）强化监测评估')).toBe(false); // a heading run into the line by a reader
    expect(endsMidSentence('现将有关事项通知如下。')).toBe(false);
    expect(endsMidSentence('各街道办事处：')).toBe(false);
    expect(endsMidSentence('责任单位:区建设管理委(区水务局)、区机管局、区教育局、区文明办、区商务委')).toBe(false); // a field line, no comma
    expect(endsMidSentence('')).toBe(false);
  });

  it('a continuation is no marker, label, date line, indented line or table row', () => {
    expect(continuesSentence(REST)).toBe(true);
    expect(continuesSentence('(2020) 32号)等文件精神，结合实际。')).toBe(true); // a year in brackets is no list marker
    for (const s of [
      '（二）主要任务',
      '二、工作目标',
      '1. 直接兑现',
      '第三条 本办法',
      '附件 1',
      '配合单位:区财政局',
      '(2023 年 4 月 10 日)',
      '　　新段落。',
      '| 甲 | 乙 |',
      '',
    ])
      expect(continuesSentence(s), s).toBe(false);
  });

  it('joinSentence: nothing between CJK, one space between Latin words', () => {
    expect(joinSentence(CUT, REST)).toBe(CUT + REST);
    expect(joinSentence('see the', 'report')).toBe('see the report');
  });
});

describe('core/prose: wrap spaces', () => {
  it('removes spaces between Chinese characters that a wrap left', () => {
    expect(cleanProse('（一）形成政策和服 务动态清单')).toBe('（一）形成政策和服务动态清单');
    expect(cleanProse('考评范围。 解读部门负责。')).toBe('考评范围。解读部门负责。');
    expect(cleanProse(' 成 员(按姓氏笔画为序)： ')).toBe('成员(按姓氏笔画为序)：');
  });

  it('keeps spaces that mean something', () => {
    const kept = [
      '到 2025 年检测项目至少达到 550 项', // digits and units
      '新一轮 PI 项目合作', // Latin
      '开展“加强物业管理 共建美好家园”活动', // inside quotes
      '《中共中央办公厅 国务院办公厅印发〈意见〉的通知》', // inside a title
      '第一条 为加强行政规范性文件监督管理，制定本办法。', // after 第N条
      '依据某府办 〔2023〕5号文件', // a 文号's spacing is a 文号 issue
    ];
    for (const s of kept) expect(cleanProse(s), s).toBe(s);
  });

  it('cjkGaps counts space runs between CJK characters', () => {
    expect(cjkGaps('服 务  清单 2023 年')).toBe(2);
    expect(cjkGaps('no gaps here')).toBe(0);
  });

  it('lineList writes runs of lines as ranges', () => {
    expect(lineList([3, 7, 8, 9, 12])).toBe('3, 7–9, 12');
    expect(lineList([5])).toBe('5');
  });
});

describe('PARAGRAPH_JOINED and WRAP_SPACES_REMOVED on made-up issues', () => {
  it('a sentence cut by a page break: one info per document, lines in the message, joined in the Markdown export', async () => {
    const body = ['各街道办事处：', CUT, REST, '特此通知。'];
    const text = miniIssue({ docs: [doc(body)] });
    const { issue, lines } = parseSource(text);
    const a = repairs(issue, 'PARAGRAPH_JOINED');
    const cut = lines.slice().indexOf(CUT) + 1;
    const rest = lines.slice().indexOf(REST) + 1;
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ severity: 'info', line: cut, endLine: rest, documentId: '某府-2023-1' });
    expect(a[0]!.message).toContain(`${cut}→${rest}`);
    const md = fileText((await documentsMarkdown(issue, lines))[0]!.data);
    expect(md).toContain(CUT + REST);
    const html = [...reportChunks(issue, lines)].join('');
    // the report joins it too: one line of one paragraph, the continuation's number marked where it joins
    expect(html).toMatch(
      new RegExp(
        `<div class="l" id="L${cut}"><a href="#L${cut}">${cut}</a>${CUT}<a class="j" id="L${rest}" href="#L${rest}"[^>]*>${rest}</a>${REST}</div>`,
      ),
    );
  });

  it('two cuts in one document give one anomaly with both', () => {
    const body = ['各街道办事处：', CUT, REST, '二、工作要求', CUT, REST];
    const a = repairs(parseIssue(miniIssue({ docs: [doc(body)] })), 'PARAGRAPH_JOINED');
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toMatch(/^2 paragraphs/);
  });

  it('does not join a heading and its paragraph, a field and the next field, or finished sentences', async () => {
    const body = [
      '各街道办事处：',
      '我区“智慧城管”建设基本情况',
      '近年来，我区积极谋划、创新举措。',
      '(一) 搭建区内“四统一”的管理新格局，全力保障整合型医疗卫生服务体系高质量发展',
      '深化践行“以人为本的一体化服务”模式。',
      '责任单位:区建设管理委(区水务局)、区机管局、区教育局、区文明办、区商务委、区文化旅游局、区体育局、区卫生健康委、区民政局、区财政局',
      '配合单位:区财政局、各街镇',
      '特此通知。',
    ];
    const text = miniIssue({ docs: [doc(body)] });
    const { issue, lines } = parseSource(text);
    expect(repairs(issue, 'PARAGRAPH_JOINED')).toEqual([]);
    const md = fileText((await documentsMarkdown(issue, lines))[0]!.data);
    expect(md).toContain('\n\n近年来');
    expect(md).toContain('\n\n配合单位');
  });

  it('wrap spaces: one info per document counting title, paragraph and cell spaces; none when there are none', async () => {
    const body = [
      '各街道办事处：',
      '建立政策和服 务清单，提供有关服 务。',
      '| 姓 名 | 职务 |\n|---|---|\n| 王 峰 | 副主任 |',
      '特此通知。',
    ];
    // the title wrapped where the TOC does not space it
    const text = miniIssue({
      docs: [doc(body, { title: '某某区人民政府关于开展 甲项工作的通知', tocTitle: '某某区人民政府关于开展甲项工作的通知' })],
    });
    const { issue, lines } = parseSource(text);
    const a = repairs(issue, 'WRAP_SPACES_REMOVED');
    expect(a).toHaveLength(1);
    const para = lines.slice().indexOf('建立政策和服 务清单，提供有关服 务。') + 1;
    const cell = lines.slice().indexOf('| 王 峰 | 副主任 |') + 1;
    expect(a[0]!.message).toMatch(/^5 spaces/); // title 1, paragraph 2, header cell 1, cell 1
    expect(a[0]).toMatchObject({ severity: 'info', line: issue.documents[0]!.titleSpan.startLine, endLine: cell });
    expect(a[0]!.message).toContain(String(para));
    const md = fileText((await documentsMarkdown(issue, lines))[0]!.data);
    expect(md).toContain('建立政策和服务清单，提供有关服务。');
    expect(issue.tables[0]!.rows[0]!.cells[0]).toMatchObject({ text: '王峰', raw: '王 峰' });
    expect(repairs(parseIssue(miniIssue({ docs: [doc(['各街道办事处：', '到 2025 年达到 550 项。'])] })), 'WRAP_SPACES_REMOVED')).toEqual(
      [],
    );
  });

  it('a line of people keeps its spaces in the Markdown export and is not counted', async () => {
    const body = ['各有关单位：', '成员名单如下：', '组 长：陈 颖 副区长', '成 员：孙 斌 区卫生健康委主任'];
    const text = miniIssue({ docs: [doc(body, { title: '某某区人民政府办公室关于调整某某领导小组的通知' })] });
    const { issue, lines } = parseSource(text);
    const people = new Set(issue.rosters.flatMap((r) => r.members.map((m) => m.line)));
    expect(people.size).toBeGreaterThan(0);
    const md = fileText((await documentsMarkdown(issue, lines))[0]!.data);
    for (const ln of people) expect(md).toContain(lines.get(ln - 1)!.trim());
    const a = repairs(issue, 'WRAP_SPACES_REMOVED');
    for (const x of a) for (const ln of people) expect(x.message).not.toMatch(new RegExp(`\\b${ln}\\b`));
  });
});

// The sample's paragraphs cut by page breaks: [line that ends mid-sentence, line that continues it].
const SAMPLE_BREAKS = [
  [160, 162],
  [226, 228],
  [282, 284],
  [304, 306],
  [368, 370],
  [390, 392],
  [617, 619],
  [693, 695],
  [904, 906],
  [922, 924],
  [1265, 1267],
  [1283, 1285],
  [1690, 1692],
  [1726, 1728],
  [1748, 1750],
  [1766, 1768],
  [1796, 1798],
  [1828, 1830],
  [1860, 1862],
  [1896, 1898],
  [1967, 1969],
  [2252, 2254],
  [2310, 2312],
  [2338, 2340],
  [2418, 2420],
  [2840, 2842],
  [2862, 2864],
  [2878, 2880],
  [2966, 2968],
];

const breaksOf = (issue: { anomalies: Anomaly[] }): number[][] =>
  repairs(issue, 'PARAGRAPH_JOINED').flatMap((a) => [...a.message.matchAll(/(\d+)→(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]));

describe('the sample and the real texts', () => {
  const { issue, lines } = parseSource(SAMPLE, { name: SAMPLE_PATH });

  it('the sample: each of the 29 cut paragraphs is found, and each pair reads as one sentence', () => {
    expect(breaksOf(issue)).toEqual(SAMPLE_BREAKS);
    for (const [p, n] of SAMPLE_BREAKS) {
      // the cut is mid-word or mid-phrase: no terminal punctuation before it, none needed after it
      expect(lines.get(p! - 1)!.trim()).not.toMatch(/[。；！？：]$/);
      expect(lines.get(n! - 1)!.trim()).not.toMatch(/^[（(]?([一二三四五六七八九十]+|\d{1,2})[、.）)]/);
    }
  });

  it('the sample: the new codes are info, once per document at most', () => {
    const mine = issue.anomalies.filter((a) => REPAIRS.has(a.code));
    expect(mine.every((a) => a.severity === 'info')).toBe(true);
    const keys = mine.map((a) => `${a.code} ${a.documentId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(mine.every((a) => a.documentId !== undefined)).toBe(true);
  });

  it('the sample: the roster lines keep their name/post spaces in the Markdown export', async () => {
    const md = (await documentsMarkdown(issue, lines)).map((f) => fileText(f.data)).join('\n');
    expect(md).toContain('赵 鹏 新华路街道办事处副主任');
    expect(md).toContain('（一）形成政策和服务动态清单');
    expect(md).not.toContain('政策和服 务');
  });

  it('the real texts: no paragraph joined (their paragraphs are whole)', () => {
    for (const f of ['gwy-2019-jan-feb.txt', 'pkulaw-baotou-2022-43.txt']) {
      const real = parseIssue(readFileSync(`tests/fixtures/real/${f}`), { name: f });
      expect(repairs(real, 'PARAGRAPH_JOINED'), f).toEqual([]);
      expect(real.anomalies.filter((a) => REPAIRS.has(a.code) && a.severity !== 'info')).toEqual([]);
    }
  });
  // the converter forms (tests/fixtures/readers/) are checked in tests/long/repairs-forms.test.ts
});

describe('eachLineOutside', () => {
  const span = (startLine: number, endLine: number) => ({ span: { startLine, endLine } });
  const visit = (spans: ReturnType<typeof span>[], from: number, to: number): string[] => {
    const out: string[] = [];
    eachLineOutside(spans, from, to, (ln, after) => {
      out.push(after ? `${ln}*` : String(ln));
    });
    return out;
  };

  it('visits the lines outside the spans in order, saying which come right after a span', () => {
    expect(visit([], 1, 4)).toEqual(['1', '2', '3', '4']);
    // unsorted and overlapping spans; one before the range, one past its end
    expect(visit([span(9, 10), span(3, 4), span(4, 6), span(1, 1), span(12, 20)], 2, 14)).toEqual(['2', '7*', '8', '11*']);
    expect(visit([span(5, 5), span(6, 7)], 5, 9)).toEqual(['8*', '9']);
  });

  it('stops when the callback returns false', () => {
    const seen: number[] = [];
    eachLineOutside([span(2, 2)], 1, 9, (ln) => {
      seen.push(ln);
      return ln < 4;
    });
    expect(seen).toEqual([1, 3, 4]);
  });
});
