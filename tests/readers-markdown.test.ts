/** The converter-Markdown reader, HTML tables and the choice of reader, on small inputs. */
import { describe, expect, it } from 'vitest';
import { readHtmlTables, readHtmlTablesOf } from '../src/read/html-table.js';
import { markdownReader } from '../src/read/reader-markdown.js';
import { pickReader, readText } from '../src/read/readers.js';
import { parseIssue } from '../src/parse.js';
import { extractTables } from '../src/features/tables/index.js';
import { splitLines } from '../src/read/lines.js';
import { gongbao } from './helpers/cli.js';
import fc from 'fast-check';
import { fcParams, tokenText } from './fuzz-helpers.js';

const grid = (rows: Array<{ cells: Array<{ text: string; spanned?: unknown }> }>) =>
  rows.map((r) => r.cells.map((c) => (c.spanned ? '^' : c.text)));

describe('HTML tables on one line', () => {
  it('rowspan and colspan are expanded into the grid, covered positions marked spanned', () => {
    const line =
      'x <table><tr><td rowspan="2">序号</td><td colspan="2">城建坐标</td></tr><tr><td>Y(m)</td><td>X(m)</td></tr><tr><td>1</td><td rowspan="2">-1.5</td><td>2.5</td></tr><tr><td>2</td><td>3.5</td></tr></table> y';
    const { blocks, ranges } = readHtmlTables(line, 7, 100);
    expect(blocks).toHaveLength(1);
    const b = blocks[0]!;
    expect(b).toMatchObject({ kind: 'table', form: 'html', startLine: 7, endLine: 7 });
    expect(grid([b.header, ...b.rows])).toEqual([
      ['序号', '城建坐标', '^'],
      ['^', 'Y(m)', 'X(m)'],
      ['1', '-1.5', '2.5'],
      ['2', '^', '3.5'],
    ]);
    expect(b.rows[2]!.cells[1]!.spanned).toEqual({ row: 2, column: 1 });
    expect(ranges).toEqual([[2, line.length - 2]]);
  });

  it('each cell carries the line and its own column in the original line; the text is its inner source', () => {
    const line = '<table><tr><td> a &amp; b </td><td><p>一</p><p>二</p></td><td></td><th>c<br>d</th></tr></table>';
    const b = readHtmlTables(line, 3, 0).blocks[0]!;
    const cells = b.header.cells;
    expect(cells.map((c) => c.text)).toEqual(['a &amp; b', '<p>一</p><p>二</p>', '', 'c<br>d']);
    for (const c of cells) {
      expect(c.line).toBe(3);
      if (c.text) expect(line.slice(c.column - 1, c.column - 1 + c.text.length)).toBe(c.text);
    }
  });

  it('the tables feature cleans such cells as it cleans pipe cells: entities decoded, <p>/<br> as breaks', () => {
    const text = 'x\n\n<table><tr><td>名称</td><td>说明</td></tr><tr><td>a &amp; b</td><td>A<br>B</td></tr></table>\n';
    const r = readText(text);
    const t = extractTables(r.value.src, [], r.value.blocks).value;
    expect(t).toHaveLength(1);
    expect(t[0]!.rows[0]!.cells.map((c) => c.text)).toEqual(['a & b', 'A B']);
    expect(t[0]!.rows[0]!.line).toBe(3);
  });

  it('unclosed tags, > inside attributes, upper case, tbody and th are read; nested tables stay inside their cell', () => {
    const read = (l: string) => readHtmlTables(l, 1, 0).blocks.map((b) => grid([b.header, ...b.rows]));
    expect(read('<table><tr><td>a</td><td>b')).toEqual([[['a', 'b']]]);
    expect(read('<table><tr><td title="a>b">x</td></tr></table>')).toEqual([[['x']]]);
    expect(read('<TABLE><TBODY><TR><TH>u</TH></TR></TBODY></TABLE>')).toEqual([[['u']]]);
    expect(read('<table><tr><td><table><tr><td>in</td></tr></table>out</td></tr></table>')).toEqual([
      [['<table><tr><td>in</td></tr></table>out']],
    ]);
    expect(read('<table><tr><td rowspan="0">z</td><td colspan="x">y</td></tr></table>')).toEqual([[['z', 'y']]]);
    expect(read('<table></table>')).toEqual([]);
  });

  it('lines read in one parse are read as if alone: what one leaves open does not swallow the next', () => {
    const lines = [
      '<table><tr><td>a<td>b',
      '<table><tr><td><!-- x',
      '<table><tr><td title="q>c</td></tr></table>',
      '<table><tr><td>d</td></tr></table>',
      '<table><tr><td><script>e',
      '<table><tr><td>f</td></tr></table>',
    ];
    const got = readHtmlTablesOf(lines.map((text, i) => ({ text, line: i + 1, offset: 0 })));
    const alone = lines.map((l, i) => readHtmlTables(l, i + 1, 0));
    expect(got).toEqual(alone);
    expect(got.map((r) => r.blocks.map((b) => grid([b.header, ...b.rows])))).toEqual([
      [[['a', 'b']]],
      [[['<!-- x']]],
      [[['']]],
      [[['d']]],
      [[['<script>e']]],
      [[['f']]],
    ]);
  });

  it('hostile spans cannot blow the grid up: past a budget a span is read as 1', () => {
    const line = '<table>' + '<tr><td rowspan="65534" colspan="1000">x</td></tr>'.repeat(300) + '</table>';
    const b = readHtmlTables(line, 1, 0).blocks[0]!;
    const size = [b.header, ...b.rows].reduce((n, r) => n + r.cells.length, 0);
    expect(b.rows).toHaveLength(299);
    expect(size).toBeLessThan(300 + 5000);
  });

  it('ragged rows and a table per line: several blocks, rows kept as written', () => {
    const line = '<table><tr><td>a</td><td>b</td></tr><tr><td>1</td></tr></table><table><tr><td>z</td></tr></table>';
    const { blocks } = readHtmlTables(line, 1, 0);
    expect(blocks.map((b) => grid([b.header, ...b.rows]))).toEqual([[['a', 'b'], ['1']], [['z']]]);
  });
});

describe('the Markdown reader', () => {
  const HEAD = '某某区人民政府公报 2024 年第 3 期';
  const md = [
    '# 【区政府文件】', // 1
    '',
    '## 某某区人民政府关于某事的通知', // 3
    '',
    HEAD, // 5
    '',
    '12', // 7
    '',
    '(2024 年 3 月 1 日)', // 9
    '',
    '![](images/abc.jpg)', // 11
    '',
    '正文。', // 13
    '',
    HEAD, // 15
    '',
    '13', // 17
    '',
    '<table><tr><td>姓名</td><td>职务</td></tr><tr><td>张三</td><td>主任</td></tr></table>', // 19
    '',
    HEAD, // 21
    '',
    '14',
    '',
  ].join('\n');
  const r = markdownReader.read(md);
  const { src, blocks } = r.value;

  it('keeps one line per original line', () => {
    // 24 pieces joined with newlines: 23 lines and a final newline.
    expect(src.lines).toHaveLength(23);
    expect(src.offsets).toHaveLength(23);
    expect(src.text.split('\n')).toEqual(src.lines.slice());
  });

  it('turns # markers into spaces: the heading text keeps its columns', () => {
    expect(src.lines.get(0)).toBe('  【区政府文件】');
    expect(src.lines.get(2)).toBe('   某某区人民政府关于某事的通知');
    expect(src.lines.get(2)!.indexOf('某')).toBe(md.split('\n')[2]!.indexOf('某'));
  });

  it('blanks running heads, page numbers and image references, and marks them removed', () => {
    for (const n of [5, 7, 11, 15, 17, 21, 23]) {
      expect(src.lines.get(n - 1), `line ${n}`).toBe('');
      expect(src.removed![n - 1], `line ${n}`).toBe(1);
    }
    expect(src.removed![12]).toBe(0);
    expect(src.lines.get(12)).toBe('正文。');
  });

  it('shows the core an HTML table as one pipe row: tags become spaces, each cell text at its own column', () => {
    const line = md.split('\n')[18]!;
    const row = src.lines.get(18)!;
    expect(src.removed![18]).toBe(2);
    expect(row.trim().startsWith('|')).toBe(true);
    expect(row.replace(/[\s|]+/g, ' ').trim()).toBe('姓名 职务 张三 主任');
    for (const w of ['姓名', '职务', '张三', '主任']) expect(row.indexOf(w)).toBe(line.indexOf(w));
    expect(row).not.toMatch(/[<>]/);
  });

  it("MinerU's <html><body> wrapper around a table becomes spaces too; text beside a table is kept", () => {
    const wrapped = markdownReader.read('<html><body><table><tr><td>a</td><td>b</td></tr></table></body></html>\n').value;
    expect(wrapped.src.lines.get(0)!.trimStart().startsWith('|')).toBe(true);
    expect(wrapped.src.lines.get(0)).not.toMatch(/[<>]/);
    expect(wrapped.blocks).toHaveLength(1);
    const beside = markdownReader.read('见下表：<table><tr><td>a</td></tr></table> 完\n').value;
    expect(beside.src.lines.get(0)!.startsWith('见下表：')).toBe(true);
    expect(beside.src.lines.get(0)!.endsWith(' 完')).toBe(true);
  });

  it('a pipe row made from an HTML table is not read again as a table without |---|', () => {
    const two = markdownReader.read('<table><tr><td>a</td><td>b</td></tr></table>\n<table><tr><td>c</td><td>d</td></tr></table>\n').value;
    expect(extractTables(two.src, [], two.blocks).value).toHaveLength(2);
  });

  it('reports furniture once per kind with its count, and each image', () => {
    const f = r.anomalies.filter((a) => a.code === 'INPUT_PAGE_FURNITURE');
    expect(f.map((a) => [a.line, a.endLine, a.severity])).toEqual([
      [5, 21, 'info'],
      [7, 23, 'info'],
    ]);
    expect(f[0]!.message).toContain('3 times');
    expect(f[1]!.message).toContain('3 lines');
    const img = r.anomalies.filter((a) => a.code === 'INPUT_IMAGE_REFERENCE');
    expect(img.map((a) => [a.line, a.column, a.evidence])).toEqual([[11, 1, '![](images/abc.jpg)']]);
  });

  it('reads the HTML table into a block on its line', () => {
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.startLine).toBe(19);
    expect(grid([blocks[0]!.header, ...blocks[0]!.rows])).toEqual([
      ['姓名', '职务'],
      ['张三', '主任'],
    ]);
  });

  it('a gazette line seen once or twice (a colophon) is kept; a number inside a paragraph is kept', () => {
    const t = markdownReader.read(
      ['# x', '', '某某区人民政府公报', '', '2024 年第 3 期（总第 9 期）', '', '某某区人民政府公报', '', '共', '12', '份'].join('\n'),
    ).value.src;
    expect(t.lines.get(2)).toBe('某某区人民政府公报');
    expect(t.lines.get(4)).toBe('2024 年第 3 期（总第 9 期）');
    expect(t.lines.get(9)).toBe('12');
  });

  it('the issue parses: title found under the furniture, date and table kept, reader named', () => {
    const issue = parseIssue(md);
    expect(issue.source.reader).toBe('markdown');
    expect(issue.documents.map((d) => [d.title, d.date, d.titleSpan.startLine, d.dateLine])).toEqual([
      ['某某区人民政府关于某事的通知', '2024-03-01', 3, 9],
    ]);
    expect(issue.tables).toHaveLength(1);
    expect(issue.tables[0]!.rows[0]!.cells.map((c) => [c.text, c.line, c.column])).toEqual([
      ['张三', 19, md.split('\n')[18]!.indexOf('张三') + 1],
      ['主任', 19, md.split('\n')[18]!.indexOf('主任') + 1],
    ]);
  });
});

describe('inline HTML around the text (pandoc -t gfm of a web page)', () => {
  const text = [
    '<span style="font-weight: bold;"><span style="font-size: 18pt;">某省人民政府办公厅关于</span>  ',
    '<span style="font-size: 18pt;">某某工作的通知</span></span>',
    '',
    '<span style="font-weight: bold;"><span style="font-size: 18pt;">  ',
    '</span></span>',
    '',
    '  ',
    '',
    '<span style="font-family: 楷体;">某政办发〔2024〕3号</span>',
    '',
    '各市人民政府：',
    '',
    '<span style="font-family: 楷体;">（一）总体要求。</span><span style="font-family: 宋体;">要坚持问题导向。</span>',
  ].join('\n');

  it('tags become spaces, each line keeps its length; lines of tags alone are blanked as furniture; reported once', () => {
    const r = markdownReader.read(text);
    const { src } = r.value;
    expect(src.lines.length).toBe(13);
    const orig = text.split('\n');
    for (let i = 0; i < orig.length; i++)
      if (src.lines.get(i) !== '') expect(src.lines.get(i)!.length, `line ${i + 1}`).toBe(orig[i]!.length);
    expect(src.lines.get(0)!.trim()).toBe('某省人民政府办公厅关于');
    expect(src.lines.get(8)!.indexOf('某政办发')).toBe(orig[8]!.indexOf('某政办发'));
    expect([src.lines.get(3), src.lines.get(4)]).toEqual(['', '']);
    expect([src.removed![3], src.removed![4]]).toEqual([1, 1]);
    expect(r.anomalies.map((a) => [a.code, a.line, a.endLine, a.column])).toEqual([['INPUT_INLINE_MARKUP', 1, 13, 1]]);
    expect(r.anomalies[0]!.message).toMatch(/^16 pieces of inline markup .* lines 1, 2, 4, 5, 9, 13$/);
  });

  it('the document is read as from plain text: title, a 文号 behind a long run of blanked tags, no STRAY_MARKUP', () => {
    const issue = parseIssue(text);
    expect(issue.source.reader).toBe('markdown');
    expect(issue.documents.map((d) => [d.title, d.docNumber?.raw, d.recipients?.text])).toEqual([
      ['某省人民政府办公厅关于某某工作的通知', '某政办发〔2024〕3号', '各市人民政府：'],
    ]);
    expect(issue.anomalies.map((a) => a.code)).not.toContain('STRAY_MARKUP');
    // a 文号 whose span carries a style of 400 characters is still a 文号 line
    const long = text.replace('<span style="font-family: 楷体;">某政办发', `<span style="${'x'.repeat(400)}">某政办发`);
    expect(parseIssue(long).documents[0]!.docNumber?.raw).toBe('某政办发〔2024〕3号');
  });
});

describe("pandoc's own Markdown of a web page: bracketed spans", () => {
  const text = [
    '[[某省人民政府办公厅关于]{style="font-size: 18pt;"}\\',
    '[某某工作的通知]{style="font-size: 18pt;"}]{style="font-weight: bold;"}',
    '',
    '[某政办发[2024]3号]{style="font-family: 楷体;"}',
    '\\',
    '',
    '各市人民政府：',
  ].join('\n');

  it('the brackets and attributes of a span become spaces, across lines and nested; a bracket of the text stays', () => {
    const r = markdownReader.read(text);
    const got = Array.from({ length: 7 }, (_, i) => r.value.src.lines.get(i)!);
    const orig = text.split('\n');
    expect(got.map((l) => l.trim())).toEqual([
      '某省人民政府办公厅关于',
      '某某工作的通知',
      '',
      '某政办发[2024]3号',
      '',
      '',
      '各市人民政府：',
    ]);
    expect(got[0]!.length).toBe(orig[0]!.length);
    expect(got[0]!.indexOf('某')).toBe(orig[0]!.indexOf('某'));
    // the hard break alone on its line is blanked as furniture
    expect(r.value.src.removed![4]).toBe(1);
    expect(r.anomalies.map((a) => [a.code, a.line, a.endLine])).toEqual([['INPUT_INLINE_MARKUP', 1, 5]]);
    expect(pickReader(text).name).toBe('markdown');
  });

  it('the document reads as from plain text', () => {
    const issue = parseIssue(text);
    expect(issue.documents.map((d) => [d.title, d.docNumber?.raw, d.recipients?.text])).toEqual([
      ['某省人民政府办公厅关于某某工作的通知', '某政办发[2024]3号', '各市人民政府：'],
    ]);
  });
});

describe('the Markdown reader on arbitrary text', () => {
  it('keeps every line and its width: markup becomes spaces, a line of markup alone is blanked and marked', () => {
    fc.assert(
      fc.property(tokenText(300), (text) => {
        const { src } = markdownReader.read(text).value;
        const orig = splitLines(text);
        expect(src.lines.length).toBe(orig.lines.length);
        for (let i = 0; i < orig.lines.length; i++) {
          const got = src.lines.get(i)!;
          if (got === '') continue;
          // a table line becomes a pipe row, trimmed at its end; every other line keeps its width
          if (src.removed?.[i] !== 2) expect(got.length, `line ${i + 1}`).toBe(orig.lines.get(i)!.length);
        }
      }),
      fcParams(300),
    );
  });
});

describe('headings are candidates, never trusted blindly', () => {
  it('a ## heading with a date line under it is a document; a ## heading inside the text (一、工作目标) is not', () => {
    const md =
      '# 【区政府文件】\n\n## 关于某事的通知\n\n(2024 年 3 月 1 日)\n\n正文第一段。\n\n## 一、工作目标\n\n正文第二段。\n\n## 关于另一事的通知\n\n(2024 年 3 月 2 日)\n\n正文。\n';
    const i = parseIssue(md);
    expect(i.sections.map((x) => [x.category, x.line])).toEqual([['区政府文件', 1]]);
    expect(i.documents.map((d) => [d.title, d.date, d.span.startLine, d.span.endLine])).toEqual([
      ['关于某事的通知', '2024-03-01', 3, 12],
      ['关于另一事的通知', '2024-03-02', 13, 17],
    ]);
  });
});

describe('choosing the reader', () => {
  it('plain text goes to the text reader; HTML tables, # headings with images go to Markdown', () => {
    expect(pickReader('标题\n\n| a | b |\n|---|---|\n| 1 | 2 |\n').name).toBe('text');
    expect(pickReader('x\n<table><tr><td>a</td></tr></table>\n').name).toBe('markdown');
    expect(pickReader('# 【一】\n\n## 标题\n').name).toBe('markdown');
    expect(pickReader('正文\n![](images/a.jpg)\n').name).toBe('markdown');
    expect(pickReader('C# 语言\n#5 号\n').name).toBe('text');
    // pandoc's Markdown of a web page: inline spans around the text, three at least
    expect(pickReader('<span style="a">甲</span>\n\n<span>乙</span>\n\n<strong>丙</strong>\n').name).toBe('markdown');
    expect(pickReader('见 <span>甲</span> 与 <span>乙</span>\n').name).toBe('text');
  });

  it('--from overrides the detection', () => {
    expect(pickReader('x\n<table><tr><td>a</td></tr></table>\n', 'text').name).toBe('text');
    expect(pickReader('plain\n', 'markdown').name).toBe('markdown');
    expect(parseIssue('# 【一】\n', { from: 'text' }).source.reader).toBe('text');
  });

  it('gongbao parse --from markdown|text; any other form is a usage error', () => {
    const r = gongbao(['parse', '--from', 'markdown', '-'], { input: '# x\n\n正文\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source.reader).toBe('markdown');
    const bad = gongbao(['parse', '--from', 'pdf', '-'], { input: 'x\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from/);
  });
});
