/**
 * The pdftotext reader (src/read/reader-pdftotext.ts): small inputs of its own, and the
 * sample printed to PDF by chromium and read back by poppler's pdftotext, with and without
 * -layout (scripts/make-pdf-fixtures.mjs; tests/e2e/pdftotext.test.ts makes them afresh).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import { pickReader } from '../src/read/readers.js';
import { joinWrapped, pdftotextReader, segments } from '../src/read/reader-pdftotext.js';
import { denseTableAt, fitStarts, joinCell, splitShort, textAfterTable, words } from '../src/read/pdftotext-dense.js';
import type { TableBlock } from '../src/read/reading.js';
import type { Fit } from '../src/read/pdftotext-dense.js';
import type { Issue } from '../src/model/issue.js';
import { SAMPLE_BYTES } from './helpers/sample.js';

const LAYOUT = 'tests/fixtures/readers/changning-2023-02.layout.txt';
const PLAIN = 'tests/fixtures/readers/changning-2023-02.pdftotext.txt';
const plain = parseIssue(SAMPLE_BYTES, { name: 'changning-2023-02.txt' });
const read = (text: string) => pdftotextReader.read(text);
/** A line of pdftotext -layout: each text at its character column. */
const at = (parts: Array<[number, string]>): string => parts.reduce((s, [p, t]) => s.padEnd(p, ' ') + t, '');

describe('pdftotext: detection', () => {
  it('form feeds (page breaks) pick the pdftotext reader; plain text and converter Markdown keep theirs', () => {
    expect(pickReader('一\n\f二\n\f三\n').name).toBe('pdftotext');
    expect(pickReader('一\n二\n').name).toBe('text');
    expect(pickReader('<table><tr><td>a</td></tr></table>\n\f\n\f').name).toBe('markdown');
    expect(pickReader(readFileSync(LAYOUT, 'utf8')).name).toBe('pdftotext');
    expect(pickReader(readFileSync(PLAIN, 'utf8')).name).toBe('pdftotext');
    expect(pickReader(new TextDecoder().decode(SAMPLE_BYTES)).name).toBe('text');
  });
});

describe('pdftotext: lines 1:1 with the file', () => {
  it('form feeds become spaces; the line count is the file’s', () => {
    const r = read('甲\n\f乙 丙\n丁\n');
    expect(r.value.src.lines.slice()).toEqual(['甲', ' 乙 丙', '丁']);
    expect(r.value.reader).toBe('pdftotext');
  });

  it('running heads and page numbers are blanked and reported once each', () => {
    const page = (n: number) => ['     某区人民政府公报 2023 年第 2 期', '', `正文第${n}页。`, '', `        — ${n} —`];
    const text = [1, 2, 3].map((n) => page(n).join('\n')).join('\n\f') + '\n';
    const r = read(text);
    const lines = r.value.src.lines;
    expect(lines.slice().filter((s) => s.includes('公报'))).toEqual([]);
    expect(lines.slice().filter((s) => s.includes('—'))).toEqual([]);
    expect(lines.slice().filter((s) => s.startsWith('正文'))).toHaveLength(3);
    const f = r.anomalies.filter((a) => a.code === 'INPUT_PAGE_FURNITURE');
    expect(f.map((a) => [a.line, a.endLine])).toEqual([
      [1, 11],
      [5, 15],
    ]);
    expect(r.value.src.removed![0]).toBe(1);
  });

  it('a number inside the text is no page number; a head seen twice is no running head', () => {
    const r = read('某区人民政府公报\n一、总则\n12\n第二段\n\f某区人民政府公报\n结尾\n');
    expect(r.anomalies).toEqual([]);
    expect(r.value.src.lines.get(2)).toBe('12');
  });
});

describe('pdftotext: wrapped text', () => {
  it('a TOC entry wrapped over lines: joined on its first line, the rest blanked (3), no page break', () => {
    const r = read(
      ['目 录', '【区政府文件】', '1. 关于印发《某某实施', '意见》的通知…………（4）', '2. 短的通知……（6）', '【区政府文件】', ''].join('\n'),
    );
    expect(r.value.src.lines.slice(2, 5)).toEqual(['1. 关于印发《某某实施意见》的通知…………（4）', '', '2. 短的通知……（6）']);
    expect(r.value.src.removed![3]).toBe(3);
  });

  it('joinWrapped: no space between CJK characters unless the TOC writes one there; one space otherwise', () => {
    expect(joinWrapped('加强物业管理', '共建美好家园')).toBe('加强物业管理共建美好家园');
    expect(joinWrapped('加强物业管理', '共建美好家园', '“加强物业管理 共建美好家园”')).toBe('加强物业管理 共建美好家园');
    expect(joinWrapped('2023', '年')).toBe('2023 年');
  });

  it('a centred title over two lines above its date line is joined, and its first line marked (4) so no paragraph end joins it', () => {
    const body = '这是正文的一行，写满整个版面的宽度，一直写到右边的页边距为止，不多也不少的四十个字。';
    const centre = (s: string) => ' '.repeat((2 * body.length - 2 * s.length) / 2) + s;
    const lines = [];
    for (let i = 0; i < 12; i++) lines.push(body);
    lines.push(
      '（牵头单位：某某局）',
      centre('某某区人民政府办公室关于印发《某某工作'),
      centre('方案》的通知'),
      centre('（2023年5月22日）'),
      '某府办〔2023〕18号',
      '',
    );
    const r = read(lines.join('\n'));
    const src = r.value.src;
    expect(src.lines.get(13)!.trim()).toBe('某某区人民政府办公室关于印发《某某工作方案》的通知');
    expect(src.removed![13]).toBe(4);
    expect(src.removed![14]).toBe(3);
    // Not centred (an indented table cell above a date line): left as it is.
    const cell = read(lines.join('\n').replace(centre('方案》的通知'), '  方案》的通知')).value.src;
    expect(cell.removed![14]).toBe(0);
  });

  it('a paragraph wrapped at the page width is joined onto its first line; a short line ends it', () => {
    const full = '这是正文的一行，写满整个版面的宽度，一直写到右边的页边距为止，不多也不少的四十个字。';
    const lines = [];
    for (let i = 0; i < 11; i++) lines.push(full);
    lines.push('结尾。', '新的一段。', '');
    const src = read(lines.join('\n')).value.src;
    expect(src.lines.get(0)).toBe(full.repeat(11) + '结尾。');
    expect(src.lines.slice(1, 12).every((s) => s === '')).toBe(true);
    expect(src.lines.get(12)).toBe('新的一段。');
  });
  it('a numbered item (四、 （五） 第十条) or a short line without end punctuation after a line that ends a sentence starts a paragraph of its own; inside a sentence it continues the line', () => {
    const full = '这是正文的一行，写满整个版面的宽度，一直写到右边的页边距为止，不多也不少的四十个字';
    const lines = [];
    for (let i = 0; i < 10; i++) lines.push(full + '，');
    lines.push(
      full + '。',
      '四、工作要求',
      full + '，',
      full + '）',
      '（五）加强保障。',
      full + '，',
      full + '，按照',
      '第十条规定执行。',
      '',
    );
    const src = read(lines.join('\n')).value.src;
    const kept = src.lines.slice().filter((t) => t !== '');
    expect(kept.map((t) => t.slice(0, 6))).toEqual(['这是正文的一', '四、工作要求', '这是正文的一', '（五）加强保', '这是正文的一']);
    expect(kept[0]!.endsWith('字。')).toBe(true);
    expect(kept[2]!.endsWith('字）')).toBe(true);
    // 第十条 after 按照 (no sentence end) is the wrapped rest of the sentence.
    expect(kept[4]!.endsWith('按照第十条规定执行。')).toBe(true);
    // A short line without end punctuation after a sentence end (a heading, a gazette's
    // title in its colophon) is no paragraph's last line; one that ends in punctuation is.
    const tail = read([...lines.slice(0, 11), '某某区人民政府公报', '2023 年第 2 期', ''].join('\n')).value.src;
    expect(tail.lines.get(11)).toBe('某某区人民政府公报');
    const last = read([...lines.slice(0, 11), '施行。', ''].join('\n')).value.src;
    expect(last.lines.get(0)!.endsWith('字。施行。')).toBe(true);
  });

  it('paragraphs printed two characters in (公文): each first line indented, the wrapped lines joined onto it; a heading after a table is no wrapped cell', () => {
    const full = '这是正文的一行，写满整个版面的宽度，一直写到右边的页边距为止，不多也不少的四十个字';
    const lines = ['  ' + full.slice(2) + '，'];
    for (let i = 0; i < 10; i++) lines.push(full + '，');
    lines.push('结尾。', '  第二段开始' + full.slice(6) + '，', '结束。', '');
    const src = read(lines.join('\n')).value.src;
    const kept = src.lines.slice().filter((t) => t !== '');
    expect(kept).toHaveLength(2);
    expect(kept[0]!.startsWith('  正文')).toBe(true);
    expect(kept[0]!.endsWith('字，结尾。')).toBe(true);
    expect(kept[1]!.endsWith('字，结束。')).toBe(true);
    // A line at a paragraph's indent opening an attachment or a short numbered heading ends
    // a table; a table's own numbered lines (several cells) and wrapped cells further in do not.
    expect(textAfterTable('     附件 2')).toBe(true);
    expect(textAfterTable('     (2) 某某泵闸')).toBe(true);
    expect(textAfterTable('  三、工作要求')).toBe(true);
    expect(textAfterTable('    表 2：“免申即享”精准告知内容梳理')).toBe(true);
    expect(textAfterTable('       9. I类切口手术部位 定 计算方法：I类切口')).toBe(false);
    expect(textAfterTable('  （二） 8.手术患者并发症 定 计算方法：手术患者')).toBe(false);
    expect(textAfterTable('        例（%）*')).toBe(false);
  });

  it('a stake table whose header stands alone at the foot of a page: that header is the table’s, the one printed again skipped; the heading above found across the break', () => {
    const full = '这是正文的一行，写满整个版面的宽度，一直写到右边的页边距为止，不多也不少的四十个字。';
    const page = (n: number) => ['', `                — ${n} —`, `\f                某某公报 2023 年第 2 期`, '', ''];
    const body = (n: number) => Array.from({ length: n }, () => full);
    const header = '     序号    岸别           桩号             城建坐标                      备注';
    const text = [
      ...body(12),
      ...page(1),
      ...body(10),
      '     (1) 某某泵闸',
      header,
      '                                 Y(m)              X(m)',
      ...page(2),
      header.replace('序号    岸别', '序号      岸别'),
      '1         左岸        JZD1         -9214.837         -2030.163',
      '2         左岸        JZD2         -9210.029         -2018.748',
      '3         右岸        JZD3         -9204.345         -2021.685',
      '4         右岸        JZD4         -9188.248         -2030.065',
      '',
      ...body(2),
      ...page(3),
      '',
    ].join('\n');
    const issue = parseIssue(new TextEncoder().encode(text), { from: 'pdftotext' });
    expect(issue.points.map((p) => [p.sluice, p.stake, p.y, p.x])).toEqual([
      ['某某泵闸', 'JZD1', -9214.837, -2030.163],
      ['某某泵闸', 'JZD2', -9210.029, -2018.748],
      ['某某泵闸', 'JZD3', -9204.345, -2021.685],
      ['某某泵闸', 'JZD4', -9188.248, -2030.065],
    ]);
  });

  it('a title printed across a page break (running head and page number between its lines) is one title', () => {
    const full = '这是正文的一行，写满整个版面的宽度，一直写到右边的页边距为止，不多也不少的四十个字。';
    const page = (n: number) => ['', `                — ${n} —`, '\f                某某公报 2023 年第 2 期', '', ''];
    const body = (n: number) => Array.from({ length: n }, () => full);
    const centre = (s: string) => ' '.repeat(full.length - s.length) + s;
    const text = [
      ...body(12),
      ...page(1),
      ...body(12),
      centre('某某市人民政府关于2018年度'),
      ...page(2),
      centre('某某奖励的决定'),
      '某府发〔2018〕44号',
      '各区人民政府，市政府各委、办、局：',
      ...body(3),
      ...page(3),
      ...body(2),
      '',
    ].join('\n');
    const issue = parseIssue(new TextEncoder().encode(text), { from: 'pdftotext' });
    const numbered = issue.documents.filter((d) => d.docNumber !== null);
    expect(numbered.map((d) => [d.title, d.docNumber?.raw])).toEqual([['某某市人民政府关于2018年度某某奖励的决定', '某府发〔2018〕44号']]);
  });
});

describe('pdftotext: column-aligned tables', () => {
  it('segments: cut at two spaces or more, display columns count CJK as two', () => {
    expect(segments('1  左岸   JZD1 a').map((g) => [g.text, g.from, g.to])).toEqual([
      ['1', 0, 1],
      ['左岸', 3, 7],
      ['JZD1 a', 10, 16],
    ]);
  });

  it('a centred header over left-aligned rows, a wrapped cell joined into its row, a page break with the header repeated', () => {
    const text = [
      '   序号     名称       长度(m)',
      '1        北夏       28.5',
      '         家浜',
      '         泵闸',
      '2        外环       89.4',
      '',
      '              — 1 —',
      '\f   序号     名称       长度(m)',
      '3        纵泾港     55.4',
      '',
      '说明文字。',
      '',
      '              — 2 —',
      '\f后文。',
      '',
    ].join('\n');
    const r = read(text);
    const b = r.value.blocks as TableBlock[];
    expect(b).toHaveLength(1);
    expect(b[0]!.form).toBe('columns');
    expect(b[0]!.header.cells.map((c) => c.text)).toEqual(['序号', '名称', '长度(m)']);
    expect(b[0]!.rows.map((row) => row.cells.map((c) => c.text))).toEqual([
      ['1', '北夏家浜泵闸', '28.5'],
      ['2', '外环', '89.4'],
      ['3', '纵泾港', '55.4'],
    ]);
    // Each cell keeps its first line and column in the file.
    expect([b[0]!.rows[0]!.cells[1]!.line, b[0]!.rows[0]!.cells[1]!.column]).toEqual([2, 10]);
    expect([b[0]!.rows[2]!.line]).toEqual([9]);
    // The repeated header is blanked; table lines are pipe rows read into the block (2).
    expect(r.value.src.lines.get(7)).toBe('');
    expect(r.value.src.removed![1]).toBe(2);
    expect(r.value.src.lines.get(1)!.startsWith('|')).toBe(true);
    // Offsets point into the reader's text.
    const c = b[0]!.rows[1]!.cells[1]!;
    expect(r.value.src.text.slice(c.offset, c.offset + 2)).toBe('外环');
  });

  it('pipe rows whose cells hold wide gaps are left to the tables feature (a real text read with --from pdftotext)', () => {
    const r = read(
      '| 指标 | 性质 | 说明 |\n|  1.门诊人次  |  定量  |  计算方法：  医院填报。  |\n|  2.下转人次  |  定量  |  计算方法：  医院填报。  |\n',
    );
    expect(r.value.blocks).toEqual([]);
    const gwy = parseIssue(new Uint8Array(readFileSync('tests/fixtures/real/gwy-2019-jan-feb.txt')), { from: 'pdftotext' });
    const text = parseIssue(new Uint8Array(readFileSync('tests/fixtures/real/gwy-2019-jan-feb.txt')));
    expect(cellsOf(gwy)).toEqual(cellsOf(text));
    expect(docs(gwy)).toEqual(docs(text));
  });

  it('a dense table (one space between cells, positions drifting): columns from the header words, wrapped cells by order and position', () => {
    // The lines as pdftotext -layout writes the sample's summary table (a page break added).
    const head = [
      '序 名称 等 岸 岸线长 陆域面积 岸 岸线长 陆域面积 岸线总 界址线 水域面积 总面积 备',
      '号     级 别 度 (m) (m ²) 别 度 (m) (m ²) 长度 长 (m) (m ²) (m ²) 注',
      '                                      (m)',
    ];
    const text = [
      '某某情况表',
      ...head,
      '1 北新 区 左 80.7 464.2 右 75.3 1568.3 156.0 302.0 1787.5 3820.0',
      '   泾泵 管 岸             岸',
      '   闸',
      '8 广顺 区 左 10.9 0.0     右 10.8 253.9 21.7 84.9 82.9 336.8',
      '   河涵 管 岸             岸',
      '   闸',
      '',
      '              — 1 —',
      '\f' + head[0],
      head[1],
      head[2],
      '10 北夏 区 左 28.5 232.3 右 43.2 0.0     71.7 117.4 353.9 586.2',
      '   家浜 管 岸             岸',
      '   泵闸',
      '附件 2',
      '',
      '              — 2 —',
      '\f后文。',
      '',
    ].join('\n');
    const r = read(text.replace('\n8 广顺', '\n2 广顺').replace('\n10 北夏', '\n3 北夏'));
    const b = r.value.blocks as TableBlock[];
    expect(b).toHaveLength(1);
    expect(b[0]!.header.cells.map((c) => c.text)).toEqual([
      '序号',
      '名称',
      '等级',
      '岸别',
      '岸线长度 (m)',
      '陆域面积 (m ²)',
      '岸别',
      '岸线长度 (m)',
      '陆域面积 (m ²)',
      '岸线总长度 (m)',
      '界址线长 (m)',
      '水域面积 (m ²)',
      '总面积 (m ²)',
      '备注',
    ]);
    expect(b[0]!.rows.map((row) => row.cells.map((c) => c.text))).toEqual([
      ['1', '北新泾泵闸', '区管', '左岸', '80.7', '464.2', '右岸', '75.3', '1568.3', '156.0', '302.0', '1787.5', '3820.0', ''],
      ['2', '广顺河涵闸', '区管', '左岸', '10.9', '0.0', '右岸', '10.8', '253.9', '21.7', '84.9', '82.9', '336.8', ''],
      ['3', '北夏家浜泵闸', '区管', '左岸', '28.5', '232.3', '右岸', '43.2', '0.0', '71.7', '117.4', '353.9', '586.2', ''],
    ]);
    expect([b[0]!.rows[2]!.line, b[0]!.rows[2]!.cells[1]!.column]).toEqual([16, 3]);
    // The header repeated after the page break is skipped; the line after the last row ends it.
    expect(r.value.src.lines.slice(12, 15)).toEqual(['', '', '']);
    expect(r.value.src.removed![12]).toBe(1);
    expect(r.value.src.lines.get(18)).toBe('附件 2');
  });

  it('two-column tables: a centred header over rows one space apart, or rows with a wide gap and no header; a list without either stays text', () => {
    const withHeader = [
      '某某任免事项',
      '姓名                        任命职务',
      '谢 健 某区司法局副局长(试用期满)',
      '曹加明 某区人民政府某某街道办事处副主任(试用期满)',
      '',
      '          — 1 —',
      '\f姓名                       任命职务',
      '张 瑛 某某(集团)有限公司副总经理(试用期满)',
      '李晓林 某区民族宗教事务办公室副主任',
      '姓名**免去职务**',
      '',
      '          — 2 —',
      '\f结尾。',
      '',
    ].join('\n');
    const r = read(withHeader);
    const b = r.value.blocks as TableBlock[];
    expect(b).toHaveLength(1);
    expect(b[0]!.header.cells.map((c) => c.text)).toEqual(['姓名', '任命职务']);
    expect(b[0]!.rows.map((row) => row.cells.map((c) => c.text))).toEqual([
      ['谢 健', '某区司法局副局长(试用期满)'],
      ['曹加明', '某区人民政府某某街道办事处副主任(试用期满)'],
      ['张 瑛', '某某(集团)有限公司副总经理(试用期满)'],
      ['李晓林', '某区民族宗教事务办公室副主任'],
    ]);
    expect([b[0]!.rows[2]!.line, b[0]!.rows[2]!.cells[1]!.column]).toEqual([8, 5]);
    expect(r.value.src.removed![6]).toBe(1);
    expect(r.value.src.lines.get(9)).toBe('姓名**免去职务**');
    const wide = read(
      '成员如下：\n王峰       某街道办事处副主任\n王晔菲      某局副局长\n卢维       某街道办事处副主任\n周德才 某委副书记\n',
    );
    const w = wide.value.blocks as TableBlock[];
    expect(w.map((t) => [t.header.cells.map((c) => c.text), t.rows.length])).toEqual([[['', ''], 3]]);
    expect(wide.value.src.lines.get(4)).toBe('周德才 某委副书记');
    // The same names one space apart with no header: a list in the text, no table.
    expect(read('成员如下：\n周德才 某委副书记\n赵 鹏 某街道办事处副主任\n皇甫冉 某局副局长\n').value.blocks).toEqual([]);
  });

  it('a numbered table: cells with spaces, wrapped cells, the title above its header repeated after a page break, empty cells placed by position', () => {
    // As pdftotext -layout writes the sample's 信息公示梳理 (row 2's first cells emptied).
    const text = [
      '                  某某公报 2023 年第 2 期',
      '“免申即享”信息公示梳理',
      '    (非必需)',
      '序号           填写字段   是否必 备注样例',
      '                    填',
      '1             公示年度 是    2021 年',
      '2                            中小企业服务券补贴资金',
      '3             业务办理项 是   33 位编码',
      '              编码',
      '',
      '                          — 28 —',
      '\f                  某某公报 2023 年第 2 期',
      '',
      ' “免申即享”信息公示梳理',
      '     (非必需)',
      '4             公示名称     是     关于 2021 年度某某服务券 xx 的公示',
      '5             发布部门     是     某某委员会 (中台录入, 根据录入账号自',
      '                             动填充)',
      '6              公示原文链 是       https://www.shanghai.gov.cn/',
      '               接',
      '表 3: “免申即享”信息公示梳理',
      '',
      '                          — 29 —',
      '\f                  某某公报 2023 年第 2 期',
      '后文。',
      '',
    ].join('\n');
    const b = read(text).value.blocks as TableBlock[];
    expect(b).toHaveLength(1);
    expect(b[0]!.header.cells.map((c) => c.text)).toEqual(['序号', '填写字段', '是否必填', '备注样例']);
    expect(b[0]!.rows.map((row) => row.cells.map((c) => c.text))).toEqual([
      ['1', '公示年度', '是', '2021 年'],
      ['2', '', '', '中小企业服务券补贴资金'],
      ['3', '业务办理项编码', '是', '33 位编码'],
      ['4', '公示名称', '是', '关于 2021 年度某某服务券 xx 的公示'],
      ['5', '发布部门', '是', '某某委员会 (中台录入, 根据录入账号自动填充)'],
      ['6', '公示原文链接', '是', 'https://www.shanghai.gov.cn/'],
    ]);
  });

  it('a numbered table: a short cell pdftotext glued one space after a cell that fills its column is cut off by the widths the column takes in other rows', () => {
    // As pdftotext -layout writes a table whose third column wraps and whose fourth holds one
    // character: in row 4 the fourth cell follows the third one space apart, in one piece.
    const text = [
      '序号     名称   说明                    必填 备注',
      '1        甲类   标签名称                是   法人',
      '2        乙类   某某某/某某/某某某      否   某部门',
      '3        丙类   来源部门                是   服务',
      '4        丁类   自由文本 (建议 30 字 是       一键确认, 即可',
      '                以内)                         享受!',
      '5        戊类   某某/某某某/某某 是          某某',
      '6        己类   结束时间 否                   /',
      '',
      '后文。',
      '',
    ].join('\n');
    const b = read(text).value.blocks as TableBlock[];
    expect(b).toHaveLength(1);
    expect(b[0]!.rows.map((row) => row.cells.map((c) => c.text))).toEqual([
      ['1', '甲类', '标签名称', '是', '法人'],
      ['2', '乙类', '某某某/某某/某某某', '否', '某部门'],
      ['3', '丙类', '来源部门', '是', '服务'],
      ['4', '丁类', '自由文本 (建议 30 字以内)', '是', '一键确认, 即可享受!'],
      ['5', '戊类', '某某/某某某/某某', '是', '某某'],
      ['6', '己类', '结束时间', '否', '/'],
    ]);
  });

  it('splitShort: pieces start cells, the cut inside a piece is the one that exceeds the known widths least; ties, unknown widths and too many pieces read nothing', () => {
    const w = (s: string) => words(s);
    // Five columns, four pieces: the third piece holds two cells.
    expect(splitShort(w('10  标题  自由文本 (建议 30 字 是       一键确认, 即可'), [2, 6, 19, 2, 12])).toEqual([0, 1, 2, 2, 2, 2, 3, 4, 4]);
    // Three pieces: the second holds three cells (a name one space before the text).
    expect(splitShort(w('11  提醒内 自由文本 (建议 60 字 是       免填免交, 享受'), [2, 6, 19, 2, 12])).toEqual([
      0, 1, 2, 2, 2, 2, 3, 4, 4,
    ]);
    // As many pieces as columns: one cell each, whatever the widths.
    expect(splitShort(w('4  公示名称  是  关于 2021 年度的公示'), [2, 8, 2, 20])).toEqual([0, 1, 2, 3, 3, 3]);
    // No width known, more pieces than columns, no more words than columns: nothing.
    expect(splitShort(w('10  标题  自由文本 (建议 30 字 是       一键确认'), [0, 0, 0, 0, 0])).toBeNull();
    expect(splitShort(w('1  2  3  4 5'), [1, 1, 1])).toBeNull();
    expect(splitShort(w('1  甲 乙  丙'), [1, 2, 2, 2])).toBeNull();
    // As many pieces as columns: one cell a piece.
    expect(splitShort(w('1  甲 乙  丙'), [1, 2, 2])).toEqual([0, 1, 1, 2]);
    // Two cuts equally good (甲 or 甲 乙 both fit the second column's width): nothing.
    expect(splitShort(w('1  甲 乙 丙 丁'), [1, 5, 2])).toBeNull();
    expect(splitShort(w('1  甲 乙 丙 丁'), [1, 2, 2])).toEqual([0, 1, 2, 2, 2]);
  });

  it('a numbered table printed in fragments: its header again in other layouts skipped, cells placed by where their columns start in the other rows, a cell printed a line lower, a title ends it', () => {
    // As pdftotext -layout writes a task table printed as two fragments of other column widths:
    // the first header indented (centred), the second at the left edge with 完成时限 one
    // character a line; merged 名称 cells left empty; row 7's 完成时限 printed below its row.
    const text = [
      '附件：',
      '某某工作任务分解表',
      at([
        [4, '序'],
        [8, '名称'],
        [23, '内容'],
        [46, '单位'],
        [55, '完成时'],
      ]),
      at([
        [4, '号'],
        [56, '限'],
      ]),
      at([
        [0, '1'],
        [3, '甲乙丙丁戊'],
        [9, '己庚辛壬'],
        [14, '子丑寅卯辰巳午未申酉'],
        [43, '东南西北、'],
        [49, '上下左右'],
        [54, '上半年'],
      ]),
      at([[3, '癸']]),
      at([
        [0, '2'],
        [14, '天地玄黄宇宙洪荒'],
        [54, '全年'],
      ]),
      at([
        [0, '3'],
        [14, '日月盈昃辰宿列张寒来'],
        [53, '全年'],
      ]),
      at([[14, '暑往秋收冬藏']]),
      at([
        [0, '序'],
        [6, '名称'],
        [20, '内容'],
        [34, '单位'],
        [53, '完'],
      ]),
      at([
        [0, '号'],
        [53, '成'],
      ]),
      at([[53, '时']]),
      at([[53, '限']]),
      at([
        [0, '4'],
        [2, '甲乙丙丁戊己庚'],
        [14, '闰余成岁律吕调阳云腾'],
        [35, '东南西北、上下左右'],
        [53, '全'],
      ]),
      at([
        [14, '致雨露结为霜'],
        [53, '年'],
      ]),
      at([
        [0, '5'],
        [2, '金生丽水玉出昆'],
        [14, '剑号巨阙珠称夜光果珍'],
        [35, '东南西北、上下左右'],
        [53, '全'],
      ]),
      at([
        [3, '冈'],
        [14, '李柰'],
        [53, '年'],
      ]),
      at([
        [0, '6'],
        [14, '菜重芥姜海咸河淡鳞潜'],
        [35, '北方'],
        [53, '全'],
      ]),
      at([[53, '年']]),
      at([
        [0, '7'],
        [14, '羽翔龙师火帝鸟官人皇'],
        [35, '南方各处'],
      ]),
      at([[53, '全']]),
      at([
        [35, '东西'],
        [53, '年'],
      ]),
      at([
        [0, '8'],
        [2, '始制文字乃服'],
        [14, '推位让国有虞陶唐吊民'],
        [35, '北方'],
        [53, '下'],
      ]),
      at([
        [14, '伐罪'],
        [53, '半'],
      ]),
      at([[53, '年']]),
      at([[4, '某某区人民政府关于某某事项的']]),
      at([[19, '通知']]),
      at([[13, '（2023年5月22日）']]),
      '',
    ].join('\n');
    const b = read(text).value.blocks as TableBlock[];
    expect(b).toHaveLength(1);
    expect([b[0]!.startLine, b[0]!.endLine]).toEqual([3, 25]);
    expect(b[0]!.header.cells.map((c) => c.text)).toEqual(['序号', '名称', '内容', '单位', '完成时限']);
    expect(b[0]!.rows.map((row) => row.cells.map((c) => c.text))).toEqual([
      ['1', '甲乙丙丁戊 己庚辛壬癸', '子丑寅卯辰巳午未申酉', '东南西北、 上下左右', '上半年'],
      ['2', '', '天地玄黄宇宙洪荒', '', '全年'],
      ['3', '', '日月盈昃辰宿列张寒来暑往秋收冬藏', '', '全年'],
      ['4', '甲乙丙丁戊己庚', '闰余成岁律吕调阳云腾致雨露结为霜', '东南西北、上下左右', '全年'],
      ['5', '金生丽水玉出昆冈', '剑号巨阙珠称夜光果珍李柰', '东南西北、上下左右', '全年'],
      ['6', '', '菜重芥姜海咸河淡鳞潜', '北方', '全年'],
      ['7', '', '羽翔龙师火帝鸟官人皇', '南方各处东西', '全年'],
      ['8', '始制文字乃服', '推位让国有虞陶唐吊民伐罪', '北方', '下半年'],
    ]);
    // The title below it is the core's: its lines are no table rows.
    const src = read(text).value.src;
    expect(src.removed!.slice(25, 28)).not.toContain(2);
    // A line like the header with other cells is no header printed again: the table ends there.
    const other = text.replace(
      at([
        [0, '序'],
        [6, '名称'],
        [20, '内容'],
        [34, '单位'],
        [53, '完'],
      ]),
      at([
        [0, '序'],
        [6, '名称'],
        [20, '内容'],
        [34, '单位'],
        [53, '备'],
      ]),
    );
    const o = read(other).value.blocks as TableBlock[];
    expect(o[0]!.rows.map((row) => row.cells[0]!.text)).toEqual(['1', '2', '3']);
  });

  it('an indented header is a dense table’s only over rows that hold words one space apart; over rows aligned by wide gaps it is the column reader’s', () => {
    const lines = [
      at([
        [4, '序号'],
        [12, '名称'],
        [24, '数量'],
        [34, '备注'],
      ]),
      at([
        [0, '1'],
        [8, '甲乙'],
        [22, '10'],
        [32, '无'],
      ]),
      at([
        [0, '2'],
        [8, '丙丁'],
        [22, '20'],
        [32, '无'],
      ]),
      '',
    ];
    const offsets = lines.map((_, k) => lines.slice(0, k).join('\n').length + (k > 0 ? 1 : 0));
    expect(denseTableAt(lines, offsets, 0, () => false)).toBeNull();
    lines[2] = at([
      [0, '2'],
      [2, '丙丁'],
      [5, '20'],
      [8, '无'],
    ]);
    expect(denseTableAt(lines, offsets, 0, () => false)?.block.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1', '甲乙', '10', '无'],
      ['2', '丙丁', '20', '无'],
    ]);
  });

  it('fitStarts: a word one space after a cell starts a cell where its column starts, by the column’s start or its distance from the cell before; full wrapped lines bound a cell', () => {
    const f = (parts: Array<[number, string]>, starts: number[], more: Partial<Fit> = {}) =>
      fitStarts(words(at(parts)), { starts, widths: starts.map(() => 0), ...more });
    // Far from the next column: the same cell; one space before it: a cell of its own (equally
    // good either way: the more cells).
    expect(
      f(
        [
          [0, '1'],
          [10, '甲乙丙'],
          [14, '丁戊'],
        ],
        [0, 10, 20],
      ),
    ).toEqual([0, 1, 1]);
    expect(
      f(
        [
          [0, '1'],
          [10, '甲乙丙丁戊己庚辛'],
          [19, '壬'],
        ],
        [0, 10, 20],
      ),
    ).toEqual([0, 1, 2]);
    // Pieces between wide gaps each start a cell; inside them, the cuts nearest the columns' starts.
    const row = [
      [0, '1'],
      [3, '甲乙丙丁戊'],
      [9, '己庚辛壬'],
      [14, '子丑寅卯辰巳午未申酉'],
      [43, '东南西北、'],
      [49, '上下左右'],
      [54, '上半年'],
    ] as Array<[number, string]>;
    expect(f(row, [0, 3, 14, 35, 54])).toEqual([0, 1, 1, 2, 3, 3, 4]);
    // Starts that fit two readings as well: nothing.
    expect(f(row, [0, 3, 12, 35, 50])).toBeNull();
    // The right part of a line drifted left: the distance between two columns in other rows places it.
    const drift = [
      [0, '52'],
      [12, '严格落实各渠道办理时限确保回复质量规范做好'],
      [39, '东南西北、上下'],
      [47, '全'],
    ] as Array<[number, string]>;
    expect(f(drift, [0, 3, 12, 39, 50], { dist: (a, b) => (a === 3 && b === 4 ? 8 : null) })).toEqual([0, 2, 3, 4]);
    expect(f(drift, [0, 3, 12, 39, 50])).toEqual([0, 2, 3, 3]);
    // A first line squeezed left: a full wrapped line below (13 characters) bounds its cell.
    const squeezed = [
      [0, '23'],
      [14, '甲乙丙丁戊己庚辛壬癸子丑，'],
      [28, '东南西北、上下左右'],
      [51, '全年'],
    ] as Array<[number, string]>;
    expect(f(squeezed, [0, 3, 14, 35, 51], { caps: [{ at: 14, width: 26 }] })).toEqual([0, 2, 3, 4]);
    expect(f(squeezed, [0, 3, 14, 35, 51])).toEqual([0, 2, 2, 4]);
    expect(f([], [0, 3])).toBeNull();
    // A line of many more words than columns (a sentence of words) is not placed by position.
    const many = Array.from({ length: 11 }, (_, k) => [k * 3, `w${k}`] as [number, string]);
    expect(f(many, [0, 3])).toBeNull();
    expect(f(many.slice(0, 10), [0, 3])).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('joinCell: a wrapped cell joins without a space between CJK characters and beside a slash or a plus sign; else with one', () => {
    expect(joinCell('跳转事项/服务/项目/', '链接的名称')).toBe('跳转事项/服务/项目/链接的名称');
    expect(joinCell('甲培训+乙跟踪', '+丙评价')).toBe('甲培训+乙跟踪+丙评价');
    expect(joinCell('合计 3', '+ 4')).toBe('合计 3+ 4');
    expect(joinCell('https://www.example.org', '/path')).toBe('https://www.example.org/path');
    expect(joinCell('自由文本 (建议 30 字', '以内)')).toBe('自由文本 (建议 30 字以内)');
    expect(joinCell('岸线长度', '(m)')).toBe('岸线长度 (m)');
    expect(joinCell('不低于 3', '万元')).toBe('不低于 3 万元');
  });

  it('a dense table with group rows (a label alone in the narrow first column, wrapped there) and rows left out after one: each group a row of its label', () => {
    // As pdftotext -layout prints the State Council's 清单 (its 推广范围 header one character a line).
    const text = [
      ' 序号   改革举措               主要内容              指导部门   推',
      '                                                  广',
      '                                                  范',
      '                                                  围',
      '一、知识',
      '产权保护',
      '方面（共',
      '2项）',
      '1    知识产权民事、 整合分散的审判资源，实行三合一 最高人民法院 全',
      '     刑事案件     审判。                          国',
      '2    省级行政区内 授权市级人民法院跨市管辖。 国家知识产权局 全',
      '                                               国',
      '二、科技',
      '成果转化',
      '（共1项）',
      '三、金融',
      '创新方面',
      '（共1项）',
      '9    区域性股权市 推出科技创新板。 中国证监会 全',
      '     场专板                            国',
      '',
      '其后的正文。',
      '',
    ].join('\n');
    const block = read(text).value.blocks[0]!;
    expect(block.header.cells.map((c) => c.text)).toEqual(['序号', '改革举措', '主要内容', '指导部门', '推广范围']);
    expect(block.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['一、知识产权保护方面（共2项）', '', '', '', ''],
      ['1', '知识产权民事、刑事案件', '整合分散的审判资源，实行三合一审判。', '最高人民法院', '全国'],
      ['2', '省级行政区内', '授权市级人民法院跨市管辖。', '国家知识产权局', '全国'],
      ['二、科技成果转化（共1项）', '', '', '', ''],
      ['三、金融创新方面（共1项）', '', '', '', ''],
      ['9', '区域性股权市场专板', '推出科技创新板。', '中国证监会', '全国'],
    ]);
    // The end of a wrapped cell at the left edge (one line) is no group: the table ends there as before.
    const tail = read(
      ['序 名称 说明 是否 备注', '1 提醒群体 标签 是 法人', '2 提醒群体业务规 标签 是 用户', '则', '3 提醒数据 接口 否 XX', ''].join('\n'),
    );
    expect(tail.value.blocks[0]?.rows.map((r) => r.cells[0]!.text)).toEqual(['1', '2']);
  });

  it('a line of short words with no numbered rows under it is no dense table', () => {
    expect(read('甲 乙 丙 丁 戊\n一些 说明 文字 在此\n结尾。\n').value.blocks).toEqual([]);
    expect(read('序 名称 等 岸\n2 北新 区 左\n3 外环 区 左\n').value.blocks).toEqual([]);
  });

  it('prose with single spaces and a list are no table', () => {
    const r = read('第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全区。\n第三条 本办法自印发之日起施行。\n');
    expect(r.value.blocks).toEqual([]);
  });

  it('sluice stake rows without pipes: read as a stake table, the sluice and its stakes found', () => {
    const text = [
      '关于泵闸管理与保护范围的规定',
      '(1) 某某泵闸',
      '     序号        岸别           桩号            城建坐标                      备注',
      '                                   Y(m)                  X(m)',
      '1          左岸        JZD1          -9214.837             -2030.163',
      '2          左岸        JZD2          -9210.029             -2018.748',
      '3          右岸        JZD3          -9204.345             -2021.685',
      '4          右岸        JZD4          -9188.248             -2030.065',
      '',
    ].join('\n');
    const i = parseIssue(text, { from: 'pdftotext' });
    expect(i.sluices.map((s) => s.name)).toEqual(['某某泵闸']);
    expect(i.points.map((p) => [p.stake, p.y, p.x])).toEqual([
      ['JZD1', -9214.837, -2030.163],
      ['JZD2', -9210.029, -2018.748],
      ['JZD3', -9204.345, -2021.685],
      ['JZD4', -9188.248, -2030.065],
    ]);
  });
});

const docs = (i: Issue) => i.documents.map((d) => [d.title, d.docNumber?.normalized ?? null, d.date]);
const people = (i: Issue) => i.appointments.map((a) => JSON.stringify([a.name, a.action, a.documentId]));
/** The numbering anomalies (gaps, repeats, mixed styles): code, document, the item as written. */
const numbering = (i: Issue) =>
  i.anomalies.filter((a) => a.code.startsWith('NUMBERING_')).map((a) => [a.code, a.documentId, a.evidence?.trim().slice(0, 12)]);
const cellsOf = (i: Issue) =>
  i.tables.map((t) => JSON.stringify([t.columns.map((c) => c.name), t.rows.map((r) => r.cells.map((c) => c.text))]));
/** The masthead's fields, all but where it stands. */
const mastheadFields = (i: Issue) => {
  const { line, endLine, ...fields } = i.masthead;
  return fields;
};
/** The ids of the plain text's tables that this issue gives cell for cell (header and rows). */
const sameAsPlain = (i: Issue): string[] => {
  const mine = cellsOf(i);
  const theirs = cellsOf(plain);
  return plain.tables.filter((_, k) => mine.includes(theirs[k]!)).map((t) => t.id);
};

describe('the sample printed to PDF, read back with pdftotext -layout', () => {
  const issue = parseIssue(new Uint8Array(readFileSync(LAYOUT)), { name: LAYOUT });

  it('is read by the pdftotext reader, named in source, lines 1:1 with the file', () => {
    expect(issue.source.reader).toBe('pdftotext');
    // The file ends in a form feed after its last newline: one more line.
    const text = readFileSync(LAYOUT, 'utf8');
    expect(text.endsWith('\n\f')).toBe(true);
    expect(issue.source.lines).toBe(text.split('\n').length);
  });

  it('gives the same 22 documents: title, 文号, date; the same 22 TOC entries', () => {
    expect(docs(issue)).toEqual(docs(plain));
    expect(issue.toc.map((e) => e.title)).toEqual(plain.toc.map((e) => e.title));
  });

  it('reports the numbering of the plain text, no more: an item after a sentence end is not joined into the paragraph above', () => {
    expect(numbering(plain)).toEqual([['NUMBERING_GAP', '长府-2023-13', '二、对提案建议的答复']]);
    expect(numbering(issue)).toEqual(numbering(plain));
  });

  it('reads the colophon as the plain text does: a gazette title below a full paragraph line stays a line of its own', () => {
    expect(mastheadFields(issue)).toEqual(mastheadFields(plain));
    expect(plain.masthead.title).toBe('上海市长宁区人民政府公报');
    expect(issue.anomalies.filter((a) => a.code === 'MASTHEAD_FIELD_MISSING')).toEqual([]);
  });

  it('reports the text repeated of the plain text, no more: the same words in two columns of a table left as text are no repeat', () => {
    const repeats = (i: Issue) => i.anomalies.filter((a) => a.code === 'TEXT_REPEATED').map((a) => a.message);
    expect(repeats(plain)).toEqual(['«各街道办事处,新泾镇政府:» is written twice in a row']);
    expect(repeats(issue)).toEqual(repeats(plain));
  });

  it('gives the same 26 appointments and 2 rosters', () => {
    expect(people(issue)).toEqual(people(plain));
    expect(issue.rosters.map((r) => r.members.length)).toEqual(plain.rosters.map((r) => r.members.length));
  });

  it('gives the same 10 sluices, in the summary table’s order and names, and the same 143 stakes, coordinates and all', () => {
    // The summary table (13 narrow columns one space apart) is read: names and order come
    // from it, so 许渔河泵闸 (its stake section: 许渔河水闸) is reported as in the plain text.
    expect(issue.sluices.map((s) => [s.name, s.grade, s.totalArea])).toEqual(plain.sluices.map((s) => [s.name, s.grade, s.totalArea]));
    expect(issue.points).toHaveLength(143);
    const stakes = (i: Issue) => i.points.map((p) => [p.sluice, p.stake, p.y, p.x].join(' '));
    expect(stakes(issue)).toEqual(stakes(plain));
    const sluiceCodes = (i: Issue) =>
      i.anomalies.filter((a) => a.code.startsWith('SLUICE_')).map((a) => [a.code, a.message.replace(/line \d+/g, 'line N')]);
    expect(sluiceCodes(issue)).toEqual(sluiceCodes(plain));
    expect(sluiceCodes(issue).map((c) => c[0])).toContain('SLUICE_NAME_MISMATCH');
  });

  it('tables: 20 of the 26 cell for cell: the summary, the stake tables, six numbered tables and the two-column tables (counted exactly)', () => {
    expect(sameAsPlain(issue)).toEqual([
      // The task table of 66 rows: its header printed again ten times in other layouts (new
      // pages, new fragments), its cells placed by where their columns start in the other rows.
      '长府办-2023-10-t1',
      '长府办-2023-13-t2',
      '长府办-2023-13-t3',
      '长府办-2023-15-t1',
      '长府办-2023-16-t3',
      // The task table (分类 labels wrapped beside the numbers, each group numbered from 1) and
      // the indicators table (领域 labels): a label column before the numbers (pdftotext-labelled.ts).
      '长府办-2023-21-t1',
      '长府办-2023-21-t2',
      '长府办-2023-22-t1',
      ...Array.from({ length: 10 }, (_, k) => `长府办-2023-22-t${k + 2}`),
      '人事任免-1-t1',
      '人事任免-1-t2',
    ]);
    // The task table is one table, not five pieces; the 基本信息梳理 tables run on through
    // their group rows (推送对象为个人用户, 电子证照材料: labels wrapped in the first column,
    // rows numbered from 1 again) as in the plain text. 24 in all: the two 用户申请表 forms
    // (13-t4, 16-t4: no rules, an empty column) stay text.
    expect(issue.tables.length).toBe(24);
    const ids = (i: Issue) => i.tables.map((t) => `${t.id} ${t.rows.length}`);
    expect(ids(issue).filter((t) => /-1[36]-t1 /.test(t))).toEqual(['长府办-2023-13-t1 31', '长府办-2023-16-t1 31']);
    // (the plain text's 32: the header printed again after 电子证照材料 is one of its rows there)
    expect(ids(plain).filter((t) => /-1[36]-t1 /.test(t))).toEqual(['长府办-2023-13-t1 32', '长府办-2023-16-t1 32']);
    // Their 分类 and 领域 cells printed once a group (merged cells) are filled down as in the plain text.
    const filled = issue.anomalies.filter((a) => a.code === 'TABLE_CELLS_FILLED').map((a) => a.message);
    expect(filled).toEqual([
      expect.stringMatching(/10-t1: 43 empty cells of column “任务名称” stand under a merged cell/),
      expect.stringMatching(/21-t1: 15 empty cells of column “分类” stand under a merged cell/),
      expect.stringMatching(/21-t2: 21 empty cells of column “领域” stand under a merged cell/),
    ]);
    // The reader's own pipe rendering of a table is no damaged markup.
    expect(issue.anomalies.filter((a) => a.code === 'TABLE_DELIMITER_MISSING')).toEqual([]);
  });

  it('reports the page furniture it removed', () => {
    const f = issue.anomalies.filter((a) => a.code === 'INPUT_PAGE_FURNITURE');
    expect(f.map((a) => a.message)).toEqual([
      expect.stringMatching(/^running head "上海市长宁区人民政府公报 2023 年第 2 期" removed from the text: \d+ times$/),
      expect.stringMatching(/^page numbers removed from the text: \d+ lines$/),
    ]);
  });
});

describe('--from pdftotext on text that is not wrapped at a page width', () => {
  it('the converter text of the sample keeps its records: no page width, so no paragraph is joined', () => {
    const issue = parseIssue(SAMPLE_BYTES, { name: 'changning-2023-02.txt', from: 'pdftotext' });
    expect(issue.source.reader).toBe('pdftotext');
    expect(docs(issue)).toEqual(docs(plain));
    expect(cellsOf(issue)).toEqual(cellsOf(plain));
    expect(people(issue)).toEqual(people(plain));
    expect(issue.points.map((p) => [p.sluice, p.stake, p.y, p.x])).toEqual(plain.points.map((p) => [p.sluice, p.stake, p.y, p.x]));
  });
});

describe('the sample printed to PDF, read back with plain pdftotext', () => {
  const issue = parseIssue(new Uint8Array(readFileSync(PLAIN)), { name: PLAIN });

  it('gives the same 22 documents: title, 文号, date; the same 22 TOC entries', () => {
    expect(issue.source.reader).toBe('pdftotext');
    expect(docs(issue)).toEqual(docs(plain));
    expect(issue.toc.map((e) => e.title)).toEqual(plain.toc.map((e) => e.title));
  });

  it('reports the numbering of the plain text, no more: an item after a sentence end is not joined into the paragraph above', () => {
    expect(numbering(issue)).toEqual(numbering(plain));
  });

  it('says once that the tables lost their columns (INPUT_TABLE_LAYOUT_LOST); -layout output never does', () => {
    const lost = issue.anomalies.filter((a) => a.code === 'INPUT_TABLE_LAYOUT_LOST');
    expect(lost).toHaveLength(1);
    expect(issue.tables).toHaveLength(0);
    const layout = parseIssue(new Uint8Array(readFileSync(LAYOUT)), { name: LAYOUT });
    expect(layout.anomalies.filter((a) => a.code === 'INPUT_TABLE_LAYOUT_LOST')).toEqual([]);
    // Short lines of prose or a list of a few items are no lost table.
    expect(read('一、总则\n\f第一条 内容。\n二、分则\n第二条\n第三条\n\f结尾\n').anomalies.map((a) => a.code)).not.toContain(
      'INPUT_TABLE_LAYOUT_LOST',
    );
    const cells = ['序号', '岸别', '桩号', '1', '左岸', 'JZD1', '2', '右岸', 'JZD2'];
    expect(read(`界址数据成果如下表所列，坐标为城建坐标系。\n\f${cells.join('\n')}\n\f`).anomalies.map((a) => [a.code, a.line])).toEqual([
      ['INPUT_TABLE_LAYOUT_LOST', 2],
    ]);
  });

  it('gives the same 26 appointments (posts and all) and rosters: repeated headers and column-after-column tables put back', () => {
    const full = (i: Issue) => i.appointments.map((a) => JSON.stringify([a.name, a.action, a.documentId, a.positions, a.qualifiers]));
    expect(full(issue)).toEqual(full(plain));
    expect(issue.appointments).toHaveLength(26);
    expect(issue.anomalies.filter((a) => a.code.startsWith('PERSON_')).map((a) => a.message)).toEqual(
      plain.anomalies.filter((a) => a.code.startsWith('PERSON_')).map((a) => a.message),
    );
    const members = (i: Issue) => i.rosters.map((r) => r.members.map((m) => [m.name, m.role]));
    expect(members(issue)).toEqual(members(plain));
    const f = issue.anomalies.filter((a) => a.code === 'INPUT_PAGE_FURNITURE').map((a) => a.message);
    expect(f).toContain('table header repeated at page breaks removed from the text: 11 lines');
  });
});

describe('plain pdftotext: a table read as lines', () => {
  const page = (n: number, body: string[]) => [...body, '', `— ${n} —`, ''].join('\n');
  const plainText = (pages: string[][]) => pages.map((b, n) => page(n + 1, b)).join('\n\f') + '\n';
  // Eight short lines make the text one whose tables lost their layout.
  const lost = ['界址', '成果', '如下', '序号', '桩号', '坐标', '备注', '说明', ''];

  it('a table header repeated at the top of a page is blanked and reported once; numbers and prose at a page top are kept', () => {
    const r = read(
      plainText([
        [...lost, '姓名', '任命职务', '张三 某局局长'],
        ['姓名', '任命职务', '李四 某局副局长'],
        ['12', '13', '正文。'],
      ]),
    );
    const lines = r.value.src.lines.slice();
    expect(lines.filter((s) => s === '姓名')).toHaveLength(1);
    expect(lines).toContain('李四 某局副局长');
    expect(lines).toContain('13');
    const f = r.anomalies.filter((a) => a.code === 'INPUT_PAGE_FURNITURE').map((a) => [a.message, a.line]);
    expect(f).toContainEqual(['table header repeated at page breaks removed from the text: 2 lines', 16]);
    // One line repeated is no header; nor are lines in another order.
    const one = read(
      plainText([
        [...lost, '姓名', '任命职务'],
        ['任命职务', '姓名', '正文。'],
      ]),
    );
    expect(one.anomalies.map((a) => a.message)).not.toContainEqual(expect.stringMatching(/^table header/));
  });

  it('a two-column table written column after column: each post joined back onto its name; unequal runs left alone', () => {
    const names = ['姓 名**免 去 职 务**', '施彧', '沈群慧', '陈长伙'];
    const posts = ['某区市场监督管理局副局长职务', '某区某某办公室主任职务', '某区退役军人事务局副局长职务'];
    const r = read(plainText([[...lost, ...names, '', ...posts]]));
    const src = r.value.src;
    const at = lost.length + 1;
    expect(src.lines.slice(at, at + 3)).toEqual([
      '施彧 某区市场监督管理局副局长职务',
      '沈群慧 某区某某办公室主任职务',
      '陈长伙 某区退役军人事务局副局长职务',
    ]);
    expect(src.lines.slice(at + 4, at + 7)).toEqual(['', '', '']);
    expect(src.removed![at + 4]).toBe(3);
    const fewer = read(plainText([[...lost, ...names, '', ...posts.slice(0, 2)]])).value.src;
    expect(fewer.lines.slice(at, at + 3)).toEqual(['施彧', '沈群慧', '陈长伙']);
    // -layout text (columns kept) is never paired.
    const layout = read(plainText([['序号   名称   长度', '1      北夏   28.5', '2      外环   89.4', '', ...names, '', ...posts]])).value
      .src;
    expect(layout.lines.slice()).toContain('施彧');
  });
});

describe('the sample printed as 公文 are (paragraphs two characters in), read back with pdftotext -layout', () => {
  const INDENT = 'tests/fixtures/printed/changning-2023-02.indent.layout.txt';
  const issue = parseIssue(new Uint8Array(readFileSync(INDENT)), { name: INDENT });
  const sluiceCodes = (i: Issue) => i.anomalies.filter((a) => a.code.startsWith('SLUICE_')).map((a) => a.code);

  it('gives the same 22 documents, 26 appointments, 2 rosters, 10 sluices and 143 stakes, and the same numbering and sluice anomalies', () => {
    expect(issue.source.reader).toBe('pdftotext');
    expect(docs(issue)).toEqual(docs(plain));
    expect(people(issue)).toEqual(people(plain));
    expect(issue.rosters.map((r) => r.members.length)).toEqual(plain.rosters.map((r) => r.members.length));
    // The sluice records whole (grade, banks, areas, geometry, checks), all but their lines.
    const sluices = (i: Issue) => i.sluices.map(({ line, summaryLine, section, documentId, ...rest }) => rest);
    expect(sluices(issue)).toEqual(sluices(plain));
    const stakes = (i: Issue) => i.points.map((p) => [p.sluice, p.stake, p.y, p.x].join(' '));
    expect(stakes(issue)).toEqual(stakes(plain));
    expect(sluiceCodes(issue)).toEqual(sluiceCodes(plain));
    expect(numbering(issue)).toEqual(numbering(plain));
    expect(mastheadFields(issue)).toEqual(mastheadFields(plain));
  });

  it('tables: 18 of the 26 cell for cell (not the task table printed in fragments, nor the summary table, whose header words wrap one column off)', () => {
    expect(sameAsPlain(issue)).toEqual([
      // A group row at the top of a new page, and a caption under the table (表 2：…) at a paragraph's indent.
      '长府办-2023-13-t2',
      '长府办-2023-13-t3',
      '长府办-2023-15-t1',
      '长府办-2023-16-t3',
      '长府办-2023-21-t1',
      '长府办-2023-21-t2',
      ...Array.from({ length: 10 }, (_, k) => `长府办-2023-22-t${k + 2}`),
      '人事任免-1-t1',
      '人事任免-1-t2',
    ]);
  });
});

describe('a real text (State Council documents, tests/fixtures/real/) printed to PDF, read back with pdftotext -layout', () => {
  const REAL = 'tests/fixtures/real/gwy-2019-jan-feb.txt';
  const LAID = 'tests/fixtures/printed/gwy-2019-jan-feb.layout.txt';
  const text = parseIssue(new Uint8Array(readFileSync(REAL)), { name: REAL });
  const issue = parseIssue(new Uint8Array(readFileSync(LAID)), { name: LAID });

  it('gives the same 14 documents (title, 文号, date), a title printed across a page break among them', () => {
    expect(issue.source.reader).toBe('pdftotext');
    expect(docs(text)).toHaveLength(14);
    expect(docs(issue)).toEqual(docs(text));
    expect(docs(issue).map((d) => d[0])).toContain('国务院关于2018年度国家科学技术奖励的决定');
    const furniture = issue.anomalies.filter((a) => a.code === 'INPUT_PAGE_FURNITURE').map((a) => a.message);
    expect(furniture).toEqual([
      expect.stringMatching(/^running head "中华人民共和国国务院公报 2019 年" removed/),
      expect.stringMatching(/^page numbers removed/),
    ]);
  });

  it('the 清单 of 国办发〔2018〕126号 cell for cell as the text: group rows wrapped in its first column, its 推广范围 header one character a line, rows 15–20 left out of the source', () => {
    const id = '国办发-2018-126-t1';
    const mine = cellsOf(issue)[issue.tables.findIndex((t) => t.id === id)];
    expect(mine).toBe(cellsOf(text)[text.tables.findIndex((t) => t.id === id)]);
    expect(issue.tables.find((t) => t.id === id)!.rows).toHaveLength(22);
  });

  it('numbering is reported only inside the one table no reader reads (numbers inside the third of three label columns): none in the text', () => {
    // The plain text reports none; the -layout form's indicator table (国办发〔2019〕4号's
    // attachment: 一级指标 / 二级指标 labels, then 1. 2. … inside the 三级指标 cells) stays
    // lines of text, whose numbers the numbering check reads (docs/extraction.md).
    expect(numbering(text)).toEqual([]);
    const attachment = issue.documents.find((d) => d.id === '国办发-2019-4')!.attachments[0]!;
    const lines = issue.anomalies.filter((a) => a.code.startsWith('NUMBERING_')).map((a) => a.line!);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l >= attachment.startLine!)).toBe(true);
  });
});
