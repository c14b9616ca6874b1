import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fcParams } from './fuzz-helpers.js';
import fc from 'fast-check';
import { load } from 'cheerio/slim';
import { splitLines } from '../src/read/lines.js';
import { scanTables } from '../src/features/tables/scan.js';
import { cleanCell, hasHtml, htmlToText, normalizeSpaces } from '../src/features/tables/clean.js';

/**
 * The reference: cheerio's text of the fragment, with block elements (p, div, br, li …)
 * separated by a space as a browser's innerText would. Both sides then get the same
 * whitespace rules (normalizeSpaces).
 */
function cheerioText(html: string): string {
  const $ = load(`<body>${html}</body>`);
  $('br,hr').replaceWith(' ');
  $('p,div,li,tr,td,th,h1,h2,h3,h4,h5,h6,ul,ol,table').each((_, el) => {
    $(el).before(' ');
    $(el).after(' ');
  });
  return normalizeSpaces($('body').text());
}

function htmlCells(): string[] {
  const files = ['samples/changning-2023-02.txt', ...readdirSync('tests/fixtures/tables').map((f) => `tests/fixtures/tables/${f}`)];
  const out: string[] = [];
  for (const f of files) {
    for (const frag of scanTables(splitLines(readFileSync(f, 'utf8')))) {
      for (const r of [frag.header, ...frag.rows]) for (const c of r.cells) if (hasHtml(c.text)) out.push(c.text);
    }
  }
  return out;
}

describe('HTML in cells: the own tag stripper gives what cheerio gives', () => {
  const cells = htmlCells();
  it('finds the HTML cells of the sample and fixtures', () => {
    expect(cells.length).toBeGreaterThanOrEqual(5);
  });
  it.each(cells.map((c) => [c.slice(0, 30), c]))('%s…', (_, cell) => {
    expect(normalizeSpaces(htmlToText(cell))).toBe(cheerioText(cell));
  });
  it('for generated well-formed fragments of tags, entities and text', () => {
    const text = fc.constantFrom(
      '区卫健委',
      '各街道（镇）',
      'ab',
      ' ',
      'x y',
      '100',
      '、',
      '≥80%',
      '&nbsp;',
      '&amp;',
      '&lt;',
      '&gt;',
      '&quot;',
      '&#8805;',
      '&#x2264;',
      '&mdash;',
      '<!-- c -->',
      '<br>',
      '<br/>',
      '<br />',
      'a < b',
    );
    // valid nesting, as converters write it: inline elements nest freely inside a block element
    const { inline } = fc.letrec<{ inline: string }>((tie) => ({
      inline: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc
          .tuple(fc.constantFrom('span', 'b', 'sup', 'em', 'strong'), fc.array(tie('inline'), { maxLength: 4 }))
          .map(([tag, kids]) => `<${tag}${tag === 'span' ? ' class="x"' : ''}>${kids.join('')}</${tag}>`),
      ),
    }));
    const node = fc.oneof(
      inline,
      fc.tuple(fc.constantFrom('p', 'div'), fc.array(inline, { maxLength: 4 })).map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
    );
    fc.assert(
      fc.property(fc.array(node, { maxLength: 5 }), (parts) => {
        const html = parts.join('');
        expect(normalizeSpaces(htmlToText(html))).toBe(cheerioText(html));
      }),
      fcParams(300),
    );
  });
});

describe('cleanCell', () => {
  it('turns <p> HTML into text and says so', () => {
    expect(cleanCell('<p>区科委、区体育局、区财政局</p>')).toEqual({ text: '区科委、区体育局、区财政局', artefacts: ['html'] });
    expect(cleanCell('<p>内容&nbsp;六</p><br/>续').text).toBe('内容六续');
    expect(cleanCell('a<br>b').text).toBe('a b');
  });
  it('keeps a < that opens no tag', () => {
    expect(cleanCell('a < b').text).toBe('a < b');
    expect(cleanCell('x<5').artefacts).toEqual([]);
  });
  it('turns LaTeX into Unicode, in $…$ and bare; operators sit tight', () => {
    expect(cleanCell('农业灌溉用水计量率 $\\geq 80\\%$, 得 5 分')).toEqual({
      text: '农业灌溉用水计量率≥80%, 得 5 分',
      artefacts: ['latex'],
    });
    expect(cleanCell('建成率 \\geq 15%,得6分').text).toBe('建成率≥15%,得6分');
    expect(cleanCell('漏损率 \\leq 10%').text).toBe('漏损率≤10%');
    expect(cleanCell('$3 \\times 4$').text).toBe('3×4');
    expect(cleanCell('$10 m^2$').text).toBe('10 m²');
    expect(cleanCell('$\\text{单位}$').text).toBe('单位');
  });
  it('leaves dollar amounts and unknown commands alone', () => {
    expect(cleanCell('$5 and $6').text).toBe('$5 and $6');
    expect(cleanCell('\\foo bar')).toEqual({ text: '\\foo bar', artefacts: [] });
  });
  it('removes ** markers, unescapes \\|', () => {
    expect(cleanCell('**加粗** 文字')).toEqual({ text: '加粗文字', artefacts: ['bold'] });
    expect(cleanCell('a \\| b').text).toBe('a | b');
  });
  it('squashes white space as the reader by one-character strings did, surrogate pairs and lone halves included', () => {
    const isCjkChar = (ch: string | undefined): boolean => {
      const c = ch === undefined || ch === '' ? -1 : ch.codePointAt(0)!;
      const han =
        (c >= 0x4e00 && c <= 0x9fff) ||
        (c >= 0x3400 && c <= 0x4dbf) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0x20000 && c <= 0x2ffff) ||
        c === 0x3007;
      const punct =
        (c >= 0x3001 && c <= 0x303f) ||
        (c >= 0xff01 && c <= 0xff0f) ||
        (c >= 0xff1a && c <= 0xff20) ||
        (c >= 0xff3b && c <= 0xff40) ||
        (c >= 0xff5b && c <= 0xff65) ||
        [0x201c, 0x201d, 0x2018, 0x2019, 0x2026, 0x2014, 0xb7].includes(c);
      return han || punct;
    };
    // the rule as first written: runs squashed to one space, dropped at the ends, between two CJK characters and before ² ³
    const before = (s: string): string =>
      s.replace(/[ \t\n\r\u00a0\u3000\u2002\u2003\u2009]+/g, (run, at: number) => {
        const end = at + run.length;
        if (at === 0 || end === s.length || s[end] === '²' || s[end] === '³') return '';
        const c = s.charCodeAt(at - 1);
        const prev = c >= 0xdc00 && c <= 0xdfff && at >= 2 ? s.slice(at - 2, at) : s[at - 1];
        return isCjkChar(prev) && isCjkChar(String.fromCodePoint(s.codePointAt(end)!)) ? '' : ' ';
      });
    const ch = fc.constantFrom(...[' ', '\u3000', '\t', 'a', '1', '汉', '，', '²', '³', '𠀀', '\ud840', '\udc00', '“', 'é']);
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 12 }), (cs) => {
        const s = cs.join('');
        expect(normalizeSpaces(s), JSON.stringify(s)).toBe(before(s));
      }),
      { numRuns: 3000 },
    );
  });
  it('removes spaces between CJK characters only, and before ² ³', () => {
    expect(cleanCell('（一） 优化 资源配置').text).toBe('（一）优化资源配置');
    expect(cleanCell('王 峰').text).toBe('王峰');
    expect(cleanCell('33 位编码 (标准化平台赋码)').text).toBe('33 位编码 (标准化平台赋码)');
    expect(cleanCell('XX 免申即享 PC APP').text).toBe('XX 免申即享 PC APP');
    expect(cleanCell('陆域面积 (m ²)').text).toBe('陆域面积 (m²)');
    expect(cleanCell('  a \t  b  ').text).toBe('a b');
  });
});
