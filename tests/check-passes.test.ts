import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realTexts } from './helpers/sample.js';
import { cjkGaps, cleanProse, endsMidSentence } from '../src/core/prose.js';
import { isCjk, isHan } from '../src/read/text.js';
import { Lines } from '../src/model/lines.js';
import { eachLineWith } from '../src/model/lines.js';
import { gapLines } from '../src/check/repairs.js';
import { parseIssue } from '../src/parse.js';
import type { Anomaly } from '../src/model/anomaly.js';
import { miniIssue, type MiniDoc } from './helpers/mini.js';

/**
 * The line checks look at fewer lines or characters than they did (issue 15): these are the
 * cases those shortcuts could get wrong.
 */
const codes = (text: string, code: string): Anomaly[] => parseIssue(text).anomalies.filter((a) => a.code === code);
const doc = (n: number, body: string[]): MiniDoc => ({
  title: `某某区人民政府关于开展第${n}项工作的通知`,
  number: `某府〔2023〕${n}号`,
  body,
});

describe('DOCUMENT_REPRINTED: only documents holding a line of another are read again', () => {
  const plan = [
    '一、本方案适用于本区各街道办事处和有关部门开展的惠企利民工作。',
    '二、区城运中心负责汇总各部门报送的数据并按月通报工作进展。',
    '三、各街道办事处应当在每月五日前报送上月工作情况和有关数据。',
    '四、区政务服务中心负责做好政策兑现窗口的受理和咨询服务工作。',
    '五、区财政局负责按照有关规定及时拨付资金并做好资金监督管理。',
    '六、本方案自印发之日起施行，由区政府办公室负责解释有关条款。',
  ];
  const other = ['一、各单位要高度重视安全生产工作切实落实企业主体责任。', '二、各街道要组织开展辖区内的隐患排查整治并建立工作台账。'];
  it('later copies are reprints of the first; a document sharing two lines only is none', () => {
    const text = miniIssue({ docs: [doc(1, plan), doc(2, other), doc(3, plan), doc(4, other.concat(plan))] });
    const a = codes(text, 'DOCUMENT_REPRINTED');
    expect(a.map((x) => x.documentId)).toEqual(['某府-2023-3', '某府-2023-4']);
    for (const x of a) expect(x.message).toContain('«某某区人民政府关于开展第1项工作的通知»');
  });
  it('the counted lines are kept from the first reading: a reprint after a thousand other counted lines is found, with its counts', () => {
    const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    // 1200 distinct lines of twelve Han characters and more (the hashes kept for them grow past their first store)
    const many = Array.from(
      { length: 1200 },
      (_, i) => `第${i}行${han[i % 22]}${han[(i >> 3) % 22]}${han[(i >> 6) % 22]}各单位要按照本方案的要求认真落实。`,
    );
    const text = miniIssue({ docs: [doc(1, many), doc(2, plan), doc(3, other), doc(4, plan.concat(many.slice(0, 8)))] });
    const a = codes(text, 'DOCUMENT_REPRINTED');
    expect(a.map((x) => x.documentId)).toEqual(['某府-2023-4']);
    // eight lines in common with the first document (the first thousand kept), six with the second;
    // eight of the fourth's fourteen counted lines are well over REPRINT_SHARE
    expect(a[0]!.message).toContain('«某某区人民政府关于开展第1项工作的通知»');
    expect(a[0]!.message).toContain('8 lines in common');
  });
  it('lines of twelve Han characters or more count, whatever their punctuation; shorter ones never', () => {
    const short = plan.map((s) => s.slice(0, 12));
    expect(codes(miniIssue({ docs: [doc(1, short), doc(2, short)] }), 'DOCUMENT_REPRINTED')).toEqual([]);
    const spaced = plan.map((s) => s.replace(/，/g, ' , ').replace('、', '．'));
    expect(codes(miniIssue({ docs: [doc(1, plan), doc(2, spaced)] }), 'DOCUMENT_REPRINTED')[0]!.message).toMatch(/no line differs$/);
  });
});

const withBody = (body: string[]): string => miniIssue({ docs: [doc(1, body)] });
const lineOf = (text: string, line: string): number => text.split('\n').indexOf(line) + 1;

describe('BRACKET_UNCLOSED: brackets found by a native search, columns and characters as they stand', () => {
  it('a bracket closing one opened before it leaves those opened between unclosed, at their columns', () => {
    const line = '各单位（含下属单位《名录见附件、“重点企业）应当按期报送。';
    const text = withBody([line]);
    const a = codes(text, 'BRACKET_UNCLOSED');
    expect(a.map((x) => [x.line, x.column])).toEqual([[lineOf(text, line), line.indexOf('《') + 1]]);
    expect(a[0]!.message).toMatch(/^2 brackets .*: line \d+ \(《\), line \d+ \(“\)$/);
  });
  it('half-width brackets are reported as written', () => {
    const a = codes(withBody(['各单位(含下属单位应当按期报送有关材料。']), 'BRACKET_UNCLOSED');
    expect(a[0]!.message).toMatch(/\(\(\)$/);
  });
});

describe('PERIOD_DOUBLED: a line needs two 。 outside a table row', () => {
  const twice = '为贯彻落实《某某意见》。（以下简称《意见》）。现就有关事项通知如下。';
  it('fires on a line with three 。, not on a table row or a line with one', () => {
    expect(codes(withBody([twice]), 'PERIOD_DOUBLED')).toHaveLength(1);
    expect(codes(withBody([`| ${twice} | 1 |`]), 'PERIOD_DOUBLED')).toEqual([]);
    expect(codes(withBody(['为贯彻落实《某某意见》（以下简称《意见》）。现就有关事项通知如下']), 'PERIOD_DOUBLED')).toEqual([]);
  });
});

describe('cjkGaps / cleanProse: gaps found by code, as they were by characters', () => {
  /** The runs of spaces between two CJK characters, found as the first version did (one-character strings). */
  const referenceGaps = (s: string): number => {
    let n = 0;
    for (const m of s.matchAll(/[ \t\u3000]+/g)) {
      const start = m.index;
      const end = start + m[0].length;
      const c = s.charCodeAt(start - 1);
      const before = c >= 0xdc00 && c <= 0xdfff && start >= 2 ? s.slice(start - 2, start) : s.charAt(start - 1);
      if (start > 0 && end < s.length && isCjk(before) && isCjk(String.fromCodePoint(s.codePointAt(end)!))) n++;
    }
    return n;
  };
  it('counts the same gaps on every line of the sample and the real texts, and around surrogate pairs', () => {
    const files = [
      'samples/changning-2023-02.txt',
      'tests/fixtures/real/gwy-2019-jan-feb.txt',
      'tests/fixtures/real/pkulaw-baotou-2022-43.txt',
    ];
    let gaps = 0;
    for (const f of files)
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        const n = cjkGaps(line);
        if (n !== referenceGaps(line)) expect([line, n]).toEqual([line, referenceGaps(line)]);
        gaps += n;
      }
    expect(gaps).toBeGreaterThan(50);
    for (const s of [
      '𠀀 𠀀',
      '甲 𠀀',
      '𠀀\u3000\t 甲',
      'a 𠀀',
      '\udc00 甲',
      '甲 \ud840',
      '\ud840\udc00 \udc00甲',
      ' 甲 ',
      '甲  ',
      '“甲 乙”',
      // short strings are read by code first (up to 24 code units), longer ones by the regular expression
      '甲\t乙',
      '甲\u3000乙',
      `${'甲'.repeat(22)} 乙`,
      `${'甲'.repeat(23)} 乙`,
      `${'甲'.repeat(23)}乙`,
    ])
      expect([s, cjkGaps(s)]).toEqual([s, referenceGaps(s)]);
    expect(cjkGaps('𠀀 𠀀')).toBe(1);
  });
  it('cleanProse removes them, keeping those inside quotes and before a bracketed year', () => {
    expect(cleanProse('  关于 印发 2023 年 工作 要点 ')).toBe('关于印发 2023 年工作要点');
    expect(cleanProse('开展“美丽 家园”建设 工作')).toBe('开展“美丽 家园”建设工作');
    expect(cleanProse('长府办 〔2023〕10 号 文件')).toBe('长府办 〔2023〕10 号文件');
  });
});

describe('WRAP_SPACES_REMOVED: only the lines gapLines names are read', () => {
  it('names every line holding a gap between CJK characters, on the sample, the real texts and the converter forms', () => {
    const files = realTexts('real', 'readers');
    let named = 0;
    let withGap = 0;
    for (const f of files) {
      const lines = Lines.fromText(readFileSync(f, 'utf8').replace(/\r\n?/g, '\n'));
      const names = new Set(gapLines(lines));
      named += names.size;
      for (let ln = 1; ln <= lines.length; ln++) {
        const line = lines.get(ln - 1)!;
        if (cjkGaps(line.trim()) === 0) continue;
        withGap++;
        if (!names.has(ln)) expect([f, ln, line]).toEqual([f, ln, 'named by gapLines']);
      }
    }
    expect(withGap).toBeGreaterThan(50);
    // and it names few of the lines: the others are never read
    expect(named).toBeLessThan(2 * withGap);
  });
  it('a gap beside a surrogate pair, between full-width marks, or after a tab counts; a space beside ASCII or an indent does not', () => {
    const text = ['𠀀 甲', '“甲” 《乙》', '甲\t\u3000乙', '2023 年', '\u3000\u3000甲乙', 'abc 甲', '甲 。'].join('\n');
    expect(gapLines(Lines.fromText(text))).toEqual([1, 2, 3, 7]);
    const text2 = withBody(['各单位要 认真落实确保工作取得实效。', '　　各单位要认真落实 2023 年的工作。']);
    const a = codes(text2, 'WRAP_SPACES_REMOVED');
    expect(a.map((x) => [x.line, x.message.match(/^\d+/)![0]])).toEqual([[lineOf(text2, '各单位要 认真落实确保工作取得实效。'), '1']]);
  });
});

describe('eachLineWith: the lines holding a match, by one search of the whole text', () => {
  const naive = (text: string, re: RegExp): number[] =>
    text
      .split('\n')
      .map((l, i) => (new RegExp(re.source).test(l) ? i + 1 : 0))
      .filter((n) => n > 0);
  const texts = ['', 'a', '此', '此\n', '\n此\n\n此此此\n甲\n此', '甲\n乙\n丙此\n丁', 'x,y\n\n,\n,,\n', '一\r\n二'];
  it.each([true, false])('gives each line once, in order (lines kept as an array: %s)', (materialise) => {
    for (const text of [...texts, readFileSync('samples/changning-2023-02.txt', 'utf8')])
      for (const re of [/此/g, /[,;:()?!]/g, /[a-z]/g]) {
        const lines = Lines.fromText(text, materialise);
        const got: number[] = [];
        eachLineWith(lines, re, (ln, line) => {
          expect(line).toBe(lines.get(ln - 1));
          got.push(ln);
        });
        // (a text ending in a line break has no empty last line in Lines)
        expect(got).toEqual(naive(text.replace(/\r\n?/g, '\n'), re).filter((n) => n <= lines.length));
      }
  });
});

describe('PUNCTUATION_HALF_WIDTH: the characters around a mark read by code', () => {
  const norm = Array.from({ length: 12 }, (_, i) => `第${'一二三四五六七八九十'[i % 10]}项工作，由各街道负责落实，区级部门配合。`);
  const lines = (text: string): number[] =>
    codes(text, 'PUNCTUATION_HALF_WIDTH').flatMap((a) => [...a.message.matchAll(/line (\d+)/g)].map((m) => Number(m[1])));
  it('a mark between CJK characters counts; at either end of a line, beside digits or beside a surrogate pair it does not', () => {
    const inside = '各单位要认真落实,确保工作取得实效。';
    const others = [
      ',各单位要认真落实确保工作取得实效。',
      '各单位要认真落实确保工作取得实效,',
      '共计1,000元的补贴资金已经拨付到位。',
      '各单位要认真落实𠀀,确保工作取得实效。',
    ];
    const text = withBody([...norm, inside, ...others]);
    expect(lines(text)).toEqual([lineOf(text, inside)]);
  });
  it('marks found in the whole text: a line break beside one is no CJK character, a table row is skipped to its end', () => {
    const end = '各单位要认真落实确保工作取得实效,';
    const next = '各单位要认真落实确保工作取得实效。';
    const row = '| 甲方,乙方 | 丙方,丁方 |';
    const after = '各单位要认真落实,确保工作取得实效。';
    const text = withBody([...norm, end, next, row, after]);
    expect(lines(text)).toEqual([lineOf(text, after)]);
  });
  it('( between CJK text and a Han character, ) between a Han character and CJK text', () => {
    const open = '各单位要认真落实(确保工作取得实效）。';
    const close = '各单位要认真落实（确保工作取得实效)。';
    const not = '各单位要认真落实(1)确保工作取得实效。';
    const full = norm.map((l) => l.replace('，由', '（由').replace('，区', '）区'));
    const text = withBody([...full, open, close, not]);
    expect(lines(text)).toEqual([lineOf(text, open), lineOf(text, close)]);
  });
});

describe('endsMidSentence: the last stop found from the end', () => {
  /** endsMidSentence as first written (the last stop found by a forward search of every stop): the reference. */
  const MARKER =
    /^(?:[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十百零〇\d]+[条章节款]|附\s*[件表]|表\s*\d|注\s*[:：\d]|说明|【|\[\d|[-*•●·]\s)/;
  const reference = (line: string): boolean => {
    const t = line.trim();
    if (t.length === 0) return false;
    const c = t[t.length - 1]!;
    if (!(isHan(c) || '，、“‘《（(〈'.includes(c) || /[A-Za-z0-9]/.test(c))) return false;
    let tailAt = 0;
    const stops = /[。；！？!?;]/g;
    while (stops.exec(t)) tailAt = stops.lastIndex;
    const tail = t.slice(tailAt).trimStart();
    if (MARKER.test(tail)) return false;
    if (tailAt > 0) return true;
    return t.length >= 60 || (t.length >= 20 && /[，,]/.test(t));
  };
  it('answers as the forward search did on every line of the sample and the real texts, and on made-up tails', () => {
    const made = [
      '一、工作要求',
      '各单位要按照要求，认真做好',
      '已完成。二、下一步',
      '已完成；(三)下一步工作',
      '已完成!继续推进工作任务和有关事项，并',
      '？',
      '',
      '。甲',
      // each character a sentence may go on from, read by code (and some it may not)
      ...[...'，、“‘《（(〈aZz0９）》”。𠀀'].map((c) => `已完成。各单位要按照要求认真做好${c}`),
      '已完成。各单位要按照要求认真做好\ud840',
    ];
    const files = [
      'samples/changning-2023-02.txt',
      'tests/fixtures/real/gwy-2019-jan-feb.txt',
      'tests/fixtures/real/pkulaw-baotou-2022-43.txt',
    ];
    let mid = 0;
    for (const line of [...made, ...files.flatMap((f) => readFileSync(f, 'utf8').split('\n'))]) {
      if (endsMidSentence(line) !== reference(line)) expect([line, endsMidSentence(line)]).toEqual([line, reference(line)]);
      if (reference(line)) mid++;
    }
    expect(mid).toBeGreaterThan(20);
    expect(endsMidSentence('各单位已完成全部工作。下一步将继续推进，')).toBe(true);
    expect(endsMidSentence('已完成。二、下一步')).toBe(false);
  });
});
