import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { parseSource } from '../src/parse.js';
import { documentsMarkdown, matterMarkdown } from '../src/write/markdown.js';
import { safeText, type MdState, type RiskCache } from '../src/write/markdown-flow.js';
import { fileText } from '../src/write/pieces.js';
import { SAMPLE, SAMPLE_PATH, realTexts } from './helpers/sample.js';
import { LONG } from './fuzz-helpers.js';
import { readFileSync } from 'node:fs';

const { issue, lines } = parseSource(SAMPLE, { name: SAMPLE_PATH });
const files = await documentsMarkdown(issue, lines);

/** Reads our front matter back (one `key: JSON-or-null-or-number` per line). */
function readFrontMatter(md: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!m) throw new Error('no front matter');
  return Object.fromEntries(
    m[1]!.split('\n').map((l) => {
      const i = l.indexOf(': ');
      return [l.slice(0, i), JSON.parse(l.slice(i + 2))];
    }),
  );
}

describe('docs/NN-<slug>.md', () => {
  it('one file per document, numbered in order, with safe unique names', () => {
    expect(files).toHaveLength(issue.documents.length);
    files.forEach((f, i) => {
      expect(f.path).toMatch(new RegExp(`^docs/${String(i + 1).padStart(2, '0')}-[^/\\\\]+\\.md$`));
      expect(Buffer.byteLength(f.path.slice(5), 'utf8')).toBeLessThanOrEqual(100);
      expect(f.path).not.toMatch(/\.\.|[<>:"|?*\u0000-\u001f]/);
    });
    expect(new Set(files.map((f) => f.path.toLowerCase())).size).toBe(files.length);
    expect(files[0]!.path).toBe('docs/01-上海市长宁区人民政府对市政协十四届一次会议第-0564-号提案的….md');
  });

  it('front matter read back gives the document metadata', () => {
    files.forEach((f, i) => {
      const d = issue.documents[i]!;
      const fm = readFrontMatter(fileText(f.data));
      expect(fm).toMatchObject({
        id: d.id,
        title: d.title,
        date: d.date,
        文号: d.docNumber?.normalized ?? null,
        category: d.category,
        page: d.toc?.page ?? null,
      });
    });
  });

  it('parses again as Markdown with the title as heading and every table as a GFM table', () => {
    const parser = unified().use(remarkParse).use(remarkGfm);
    files.forEach((f, i) => {
      const d = issue.documents[i]!;
      const body = fileText(f.data).replace(/^---\n[\s\S]*?\n---\n/, '');
      const tree = parser.parse(body);
      const h1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1) as { children: { value: string }[] } | undefined;
      expect(h1?.children.map((c) => c.value).join(''), d.id).toBe(d.title);
      const tables = tree.children.filter((n) => n.type === 'table') as { children: { children: unknown[] }[] }[];
      const expected = issue.tables.filter((t) => t.documentId === d.id);
      expect(tables.length, d.id).toBe(expected.length);
      tables.forEach((t, k) => expect(t.children.length, `${d.id} table ${k}`).toBe(expected[k]!.rows.length + 1));
    });
  });

  it('keeps the text: every non-blank line outside tables appears in its document', () => {
    const d = issue.documents.find((x) => x.id === '长府-2023-13')!;
    const md = fileText(files[issue.documents.indexOf(d)]!.data);
    expect(md).toContain('感谢您对我区城市建设和管理的关心、理解与支持！');
    expect(md).toContain('## 二、对提案建议的答复');
  });
});

describe('the fast path of the Markdown text handler', () => {
  /** Every document's Markdown, with and without the fast path. */
  async function both(text: string, name: string): Promise<[string[], string[]]> {
    // the sample's parse is the one made above
    const p = text === SAMPLE && name === SAMPLE_PATH ? { issue, lines } : parseSource(text, { name });
    const render = async (fast: boolean) =>
      [...(await documentsMarkdown(p.issue, p.lines, fast)), ...(await matterMarkdown(p.issue, p.lines, fast))].map((f) =>
        fileText(f.data),
      );
    return [await render(true), await render(false)];
  }
  // The converter forms of the sample (tests/fixtures/readers) hold the sample's documents
  // again, read by other readers: npm run test:long compares them too, the everyday suite the
  // sample and the real texts (half of this file's time went to the four forms).
  it(`gives the same text as remark-stringify on the sample, the real texts${LONG ? ' and the converter forms' : ''}`, async () => {
    const inputs = LONG ? realTexts('real', 'readers') : realTexts('real');
    let escaped = 0;
    for (const file of inputs) {
      const [fast, exact] = await both(readFileSync(file, 'utf8'), file);
      expect(fast.length, file).toBeGreaterThan(0);
      expect(fast, file).toEqual(exact);
      escaped += fast.join('').split('\\').length - 1;
    }
    // The texts do hold what must be escaped (`1.` at a line's start, `*`, `[` …): the slow path ran.
    expect(escaped).toBeGreaterThan(100);
  });
  it('gives the same text on lines and cells full of Markdown syntax', async () => {
    const specials = [
      '*',
      '_',
      '[',
      ']',
      '(',
      ')',
      '#',
      '|',
      '-',
      '+',
      '.',
      '1.',
      '2)',
      '\\',
      '`',
      '~',
      '<a>',
      '&amp;',
      '!',
      '=',
      '>',
      ':',
      '@',
      'www.',
      'http://',
      '  ',
      '\t',
    ];
    let seed = 7;
    const pick = (): string => specials[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % specials.length]!;
    const line = (): string => Array.from({ length: 6 }, (_, i) => (i % 2 ? '文字' : pick())).join('');
    const body: string[] = [];
    for (let i = 0; i < 60; i++) body.push(i % 5 === 0 ? '' : line());
    const table = [
      '| 甲 | 乙 |',
      '| --- | --- |',
      ...Array.from({ length: 20 }, () => `| ${line().replace(/\|/g, '')} | ${line().replace(/\|/g, '')} |`),
    ];
    const text = ['关于测试的通知', '(2023年1月1日)', '测发〔2023〕1号', '各单位：', ...body, '', ...table, '', '特此通知。'].join('\n');
    const [fast, exact] = await both(text, 'made-up.txt');
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(exact);
  });

  it('gives the same docs/matter.md, lines full of Markdown syntax before and after the issue', async () => {
    const front = ['本期导读', '1. 本期刊登 *文件* 四件', '- 注：[见] `附件`', '', '# 不是标题 _强调_', '2) 又一行 | 竖线 ~删~'];
    const back = ['本刊声明：转载请注明出处。', '> 引文 <b>粗</b> &amp; www.example.com http://a.b'];
    const [fast, exact] = await both([...front, '', SAMPLE, '', ...back].join('\n'), 'matter.txt');
    const matter = fast.find((t) => t.includes('## Front matter'));
    expect(matter).toContain('1\\. 本期刊登 \\*文件\\* 四件');
    expect(fast).toEqual(exact);
  });

  it("escapes a text as remark's own `safe` does, in every construct it writes, with only the patterns whose character is in the text", () => {
    // remark-stringify's State, as its handlers see it (taken from inside a serialisation)
    let state: MdState | undefined;
    unified()
      .use(remarkGfm)
      .use(remarkStringify, { handlers: { grab: (_: unknown, __: unknown, s: MdState) => ((state = s), '') } as never })
      .stringify({ type: 'root', children: [{ type: 'grab' }] } as never);
    const st = state!;
    // `safe` escapes only at a pattern's character; one noted in the neighbours counts only
    // beside a character that is neither punctuation nor whitespace: no pattern has one
    const inScope = (stack: string[]) =>
      st.unsafe.filter((p) => {
        const list = p.inConstruct === undefined ? undefined : ([] as string[]).concat(p.inConstruct);
        return list === undefined || list.length === 0 || list.some((c) => stack.includes(c));
      });
    const stacks = [
      ['paragraph', 'phrasing'],
      ['headingAtx', 'phrasing'],
      ['table', 'tableRow', 'tableCell', 'phrasing'],
    ];
    for (const stack of stacks) for (const p of inScope(stack)) expect(p.character, JSON.stringify(p)).toMatch(/^[\p{P}\p{S}\s]$/u);
    const parts = [
      '1.',
      '2)',
      '-',
      '*',
      '_',
      '__',
      'a_b',
      '文_字',
      '[',
      ']',
      '(',
      '!',
      '#',
      '&',
      'amp;',
      '<',
      'a',
      '\\',
      '`',
      '~',
      '|',
      ':',
      '/',
      '@',
      'w',
      '.',
      ' ',
      '\t',
      '\n',
      '字',
      'x',
    ];
    let seed = 11;
    const pick = (): string => parts[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % parts.length]!;
    const cache: RiskCache = new Map();
    let escaped = 0;
    for (const stack of stacks) {
      st.stack.push(...stack);
      for (let i = 0; i < 3000; i++) {
        const value = Array.from({ length: 1 + (i % 5) }, pick).join('');
        const [before, after] = [pick().slice(-1), pick().slice(0, 1)];
        const want = st.safe(value, { before, after, beforeNode: undefined, afterNode: undefined });
        expect(safeText(st, cache, value, before, after), JSON.stringify([stack, before, value, after])).toBe(want);
        if (want !== value) escaped++;
      }
      st.stack.length -= stack.length;
    }
    expect(escaped).toBeGreaterThan(1000);
  });
});
