import { Lines } from '../src/read/lines.js';
import { describe, expect, it } from 'vitest';
import { dateLine, docNumberLine, findDocNumbers, categoryHeader, isStandardDocNumber, isTableRow } from '../src/core/patterns.js';
import { readToc } from '../src/core/toc.js';
import { readMasthead } from '../src/core/masthead.js';
import { parseIssue } from '../src/parse.js';
import { parseChineseNumber, removeCjkSpaces, matchKey, matchKeyHan, displayWidth } from '../src/read/text.js';

describe('文号', () => {
  it.each([
    ['长府办〔2023〕10号', '长府办', 2023, 10],
    ['长府(2023)25号', '长府', 2023, 25],
    ['长府〔2023〕13 号', '长府', 2023, 13],
    ['长发改规(2023)6号', '长发改规', 2023, 6],
    ['某府办（２０２２）７号', '某府办', 2022, 7],
    ['某府发[2021] 3 号', '某府发', 2021, 3],
  ])('%s', (raw, issuer, year, serial) => {
    const m = docNumberLine(raw)!;
    expect(m).toMatchObject({ issuer, year, serial, normalized: `${issuer}〔${year}〕${serial}号` });
    expect(isStandardDocNumber(m.raw)).toBe(raw === `${issuer}〔${year}〕${serial}号`);
  });
  it('a line with more than a 文号 is not a 文号 line', () => {
    expect(docNumberLine('根据国发〔2022〕22号文件')).toBeNull();
    expect(docNumberLine('')).toBeNull();
  });
  it('finds cited 文号 in running text and trims lead-in words', () => {
    expect(findDocNumbers('根据《通知》(国发〔2022〕22号)和(沪府发〔2023〕2号)要求').map((m) => m.normalized)).toEqual([
      '国发〔2022〕22号',
      '沪府发〔2023〕2号',
    ]);
    expect(findDocNumbers('按照国办发〔2019〕5号执行')[0]!.issuer).toBe('国办发');
  });
});

describe('date lines', () => {
  it.each([
    ['(2023 年 4 月 10 日)', '2023-04-10'],
    ['（2023年6月2日）', '2023-06-02'],
    ['(二〇二三年四月十日)', '2023-04-10'],
    ['（２０２３年１２月３１日）', '2023-12-31'],
  ])('%s', (line, iso) => expect(dateLine(line)?.iso).toBe(iso));
  it('an impossible date is a date line with no ISO date', () => {
    expect(dateLine('(2023年2月30日)')).toMatchObject({ iso: null, month: 2, day: 30 });
  });
  it('text around a date is not a date line', () => {
    expect(dateLine('(二)第二阶段(2023年9月—2023年11月)：自评申报阶段')).toBeNull();
    expect(dateLine('2023年4月10日')).toBeNull();
  });
});

describe('text helpers', () => {
  it('parses Chinese numerals positionally and with units', () => {
    expect(parseChineseNumber('二〇二三')).toBe(2023);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('二十三')).toBe(23);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('甲')).toBeNull();
  });
  it('removes spaces between CJK characters only', () => {
    expect(removeCjkSpaces('关于 印发 2023 年 工作 要点')).toBe('关于印发 2023 年工作要点');
    expect(removeCjkSpaces('Open Data 平台')).toBe('Open Data 平台');
  });
  it('match keys ignore spaces and punctuation variants', () => {
    expect(matchKey('《加强物业管理 共建美好家园》')).toBe(matchKey('〈加强物业管理、共建美好家园〉'));
    expect(displayWidth('长宁a')).toBe(5);
  });
  it('a match key is the text half-width, without spaces and punctuation, in lower case, for every character', () => {
    // the definition, written out: matchKey drops punctuation before converting the width
    const reference = (s: string): string =>
      s
        .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/[\s、，,。.．·•：:；;！!？?“”"‘’'「」『』（）()〔〕［］\[\]【】<>〈〉《》—\-–_~～…]/g, '')
        .toLowerCase();
    for (let c = 0; c < 0x10000; c++) {
      const s = `Ａ${String.fromCharCode(c)}题`;
      if (matchKey(s) !== reference(s)) expect(matchKey(s), `U+${c.toString(16)}`).toBe(reference(s));
    }
    expect(matchKey('（一）Ｘ－Ｙ＿Ｚ ＜通知＞')).toBe('一xyz通知');
    expect(matchKey('１２％＋＃')).toBe('12%+#');
  });
  it("matchKeyHan is the match key's first character when it is Han, else -1", () => {
    const expected = (s: string): number => {
      const c = matchKey(s).charCodeAt(0);
      return c >= 0x3400 && c <= 0x9fff ? c : -1;
    };
    for (const before of ['', '（《 ', '\u3000“']) {
      for (let c = 0; c < 0x10000; c++) {
        const s = `${before}${String.fromCharCode(c)}题`;
        if (matchKeyHan(s) !== expected(s)) expect(matchKeyHan(s), `U+${c.toString(16)} after “${before}”`).toBe(expected(s));
      }
    }
    expect(matchKeyHan('')).toBe(-1);
    expect(matchKeyHan('【】、')).toBe(-1);
    expect(matchKeyHan('  《关于…》')).toBe('关'.charCodeAt(0));
  });
  it('category headers', () => {
    expect(categoryHeader('【区政府文件】')).toBe('区政府文件');
    expect(categoryHeader(' 【 人事 任免 】 ')).toBe('人事任免');
    expect(categoryHeader('【一】二【三】')).toBeNull();
  });
});

describe('table of contents', () => {
  it('reads 1、 entries, wrapped entries and a TOC without 目录 heading', () => {
    const lines = [
      '【市政府文件】',
      '1、某市人民政府关于甲的通知……(1)',
      '2、某市人民政府关于印发《一个很长的',
      '标题》的通知……………(3)',
      '【部门文件】',
      '- 某局关于丙的通知…(9)',
      '',
      '【市政府文件】',
      '某市人民政府关于甲的通知',
    ];
    const toc = readToc(Lines.of(lines));
    expect(toc.entries.map((e) => [e.category, e.index, e.title, e.page, e.line])).toEqual([
      ['市政府文件', 1, '某市人民政府关于甲的通知', 1, 2],
      ['市政府文件', 2, '某市人民政府关于印发《一个很长的标题》的通知', 3, 3],
      ['部门文件', null, '某局关于丙的通知', 9, 6],
    ]);
    expect(toc.endLine).toBe(6);
  });
  it('an issue without TOC still parses into documents', () => {
    const text = [
      '【市政府文件】',
      '',
      '某市人民政府关于甲的通知',
      '',
      '(2024年1月5日)',
      '',
      '某府〔2024〕1号',
      '',
      '各区政府：',
      '',
      '正文。',
      '',
      '某市人民政府关于乙的',
      '通知',
      '(2024年1月9日)',
      '',
      '正文。',
    ].join('\n');
    const i = parseIssue(text);
    expect(i.toc).toEqual([]);
    expect(i.documents.map((d) => [d.id, d.title, d.date, d.recipients?.text ?? null])).toEqual([
      ['某府-2024-1', '某市人民政府关于甲的通知', '2024-01-05', '各区政府：'],
      ['市政府文件-2', '某市人民政府关于乙的通知', '2024-01-09', null],
    ]);
    expect(i.documents[1]!.titleSpan).toEqual({ startLine: 13, endLine: 14 });
    expect(i.anomalies.map((a) => a.code)).toContain('TOC_NOT_FOUND');
  });
});

describe('masthead', () => {
  it('reads a colophon with full-width digits and no website', () => {
    const m = readMasthead(
      Lines.of(['正文', '', '某市人民政府公报', '２０２４年第１２期（总第３００期）', '2024年12月30日出版', '主办：某市人民政府办公厅']),
    );
    expect(m.masthead).toEqual({
      title: '某市人民政府公报',
      year: 2024,
      issue: 12,
      totalIssue: 300,
      publicationDate: '2024-12-30',
      publisher: '某市人民政府办公厅',
      website: null,
      line: 3,
      endLine: 6,
    });
    expect(m.startLine).toBe(3);
  });
  it('every field is null without a colophon', () => {
    expect(readMasthead(Lines.of(['只有正文'])).masthead.line).toBeNull();
  });
});

describe('isTableRow', () => {
  it('a line whose first character after white space is a bar, half- or full-width', () => {
    for (const row of ['| a | b |', '｜甲｜乙｜', '  | a |', '\u3000| a |', '\t｜甲｜', '\u00a0| a |', '\ufeff| a |', '\u2003| a |'])
      expect(isTableRow(row), JSON.stringify(row)).toBe(true);
    for (const line of ['', '   ', 'a | b', '甲|乙', '\u3000甲|乙', '—| a |', '（|）', '\ufffd| a |'])
      expect(isTableRow(line), JSON.stringify(line)).toBe(false);
  });
});
