import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { parseSource } from '../src/parse.js';
import { documentsMarkdown } from '../src/write/markdown.js';
import { fileText } from '../src/write/pieces.js';
import { SAMPLE, SAMPLE_PATH } from './helpers/sample.js';

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
