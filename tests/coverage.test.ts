// Issue 16, item 5: nothing dropped. Every non-blank line of the input is held by a record
// (a document, a TOC entry or heading, a section heading, the colophon, a table, a front /
// back / in-between matter record) or, for the lines a reader blanked, by what it joined them
// into or the anomaly that reports them. The claim function is written here, from the model's
// fields, independently of src/core/matter.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSource, type ParsedSource } from '../src/parse.js';
import { readText } from '../src/read/readers.js';
import type { Issue } from '../src/model/issue.js';
import { fcParams, SAMPLE, SAMPLE_LINES } from './fuzz-helpers.js';

type Range = [number, number, string];

/** What each record of the issue holds, as [from, to, what] (matter aside, or with it). */
function recordRanges(issue: Issue, withMatter: boolean): Range[] {
  const r: Range[] = [];
  for (const d of issue.documents) r.push([d.span.startLine, d.span.endLine, `document ${d.id}`]);
  for (const e of issue.toc) {
    r.push([e.line, e.endLine ?? e.line, 'toc entry']);
    if (e.categoryLine) r.push([e.categoryLine, e.categoryLine, 'toc category']);
    if (e.tocLine) r.push([e.tocLine, e.tocLine, 'toc heading']);
  }
  for (const s of issue.sections) r.push([s.line, s.line, 'section heading']);
  if (issue.masthead.line) r.push([issue.masthead.line, issue.masthead.endLine ?? issue.masthead.line, 'colophon']);
  for (const t of issue.tables) r.push([t.span.startLine, t.span.endLine, `table ${t.id}`]);
  if (withMatter) for (const m of issue.matter) r.push([m.line, m.endLine, `matter ${m.kind}`]);
  return r;
}

/**
 * The non-blank lines of the file that nothing holds. `file` is the text as given; the
 * reading's lines (a reader blanks page furniture and the lines it joins into the one above)
 * are checked as they are, and a blanked line of the file must be reported furniture (1: page
 * furniture, or inline HTML tags alone) or joined into a line above (3).
 */
function unheld(file: string, { issue, lines }: ParsedSource = parseSource(file)): string[] {
  const removed = readText(file).value.src.removed;
  const held = new Uint8Array(lines.length + 2);
  for (const [a, b] of recordRanges(issue, true)) for (let i = a; i <= b; i++) held[i] = 1;
  // (a line of inline HTML tags alone, blanked by the Markdown reader, held nothing but tags)
  const furniture = issue.anomalies.filter((a) => a.code === 'INPUT_PAGE_FURNITURE' || a.code === 'INPUT_INLINE_MARKUP');
  const fileLines = file.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (let n = 1; n <= lines.length; n++) {
    const text = lines.get(n - 1)!;
    if (text.trim() !== '') {
      if (!held[n]) out.push(`${n}: ${text.slice(0, 60)}`);
      continue;
    }
    if ((fileLines[n - 1] ?? '').trim() === '') continue;
    const kind = removed?.[n - 1];
    if (kind === 3) continue; // its text is on a line above, held with it
    if (kind === 1 && furniture.some((a) => a.line <= n && n <= (a.endLine ?? a.line))) continue;
    out.push(`${n} (blanked, kind ${kind ?? 'none'}): ${fileLines[n - 1]!.slice(0, 60)}`);
  }
  return out;
}

/** Matter records hold only lines nothing else holds, each starts and ends on a non-blank line, in order. */
function matterIsOnlyTheRest({ issue, lines }: ParsedSource): void {
  const held = new Uint8Array(lines.length + 2);
  for (const [a, b] of recordRanges(issue, false)) for (let i = a; i <= b; i++) held[i] = 1;
  let prev = 0;
  for (const m of issue.matter) {
    expect(m.line).toBeGreaterThan(prev);
    expect(m.endLine).toBeGreaterThanOrEqual(m.line);
    expect(lines.get(m.line - 1)!.trim()).not.toBe('');
    expect(lines.get(m.endLine - 1)!.trim()).not.toBe('');
    for (let i = m.line; i <= m.endLine; i++) expect(held[i], `line ${i} of ${m.kind} matter is held by a record`).toBe(0);
    prev = m.endLine;
  }
}

const REAL = new URL('./fixtures/real/', import.meta.url);
const READERS = new URL('./fixtures/readers/', import.meta.url);
const texts: Array<[string, string]> = [
  ['the sample', SAMPLE],
  ...readdirSync(REAL)
    .filter((f) => f.endsWith('.txt') || (f.endsWith('.md') && f !== 'SOURCES.md'))
    .map((f): [string, string] => [`real/${f}`, readFileSync(new URL(f, REAL), 'utf8')]),
  ...readdirSync(READERS).map((f): [string, string] => [`readers/${f}`, readFileSync(new URL(f, READERS), 'utf8')]),
];

const parsedOnce = new Map<string, ParsedSource>();
const parsed = (text: string): ParsedSource => {
  if (!parsedOnce.has(text)) parsedOnce.set(text, parseSource(text));
  return parsedOnce.get(text)!;
};

describe('nothing dropped: every non-blank line is held by a record', () => {
  it.each(texts)('%s', (_, text) => {
    expect(unheld(text, parsed(text))).toEqual([]);
    matterIsOnlyTheRest(parsed(text));
  });

  it('the sample and its converter forms have no matter: the TOC, its headings, the section headings and the colophon hold every line outside the documents', () => {
    for (const [name, text] of texts) if (!name.startsWith('real/')) expect(parsed(text).issue.matter, name).toEqual([]);
    const { issue } = parsed(SAMPLE);
    expect(issue.masthead).toMatchObject({ line: 3018, endLine: 3026 });
    expect(issue.toc[0]).toMatchObject({ tocLine: 3, categoryLine: 5, line: 7 });
    expect(issue.toc.at(-1)).toMatchObject({ tocLine: 3, categoryLine: 35, line: 40 });
  });

  it('the claim is not empty-handed: without the colophon, its lines in the sample are unheld', () => {
    const { issue, lines } = parsed(SAMPLE);
    const held = new Uint8Array(lines.length + 2);
    for (const [a, b] of recordRanges({ ...issue, masthead: { ...issue.masthead, line: null } }, true))
      for (let i = a; i <= b; i++) held[i] = 1;
    const loose = lines.slice().flatMap((t, i) => (t.trim() !== '' && !held[i + 1] ? [i + 1] : []));
    expect(loose).toEqual([3018, 3020, 3022, 3024, 3026]);
  });
});

describe('front, back and in-between matter', () => {
  const L = SAMPLE_LINES;
  const colophon = parsed(SAMPLE).issue.masthead.line!;

  it('prose before the 目录 is front matter, prose after the colophon back matter, with their lines', () => {
    const text = ['本期导读', '', '本期刊登区政府文件四件。', ...L.slice(0, -1), '', '（内部资料 免费交流）', L.at(-1)!].join('\n');
    // the last line of the colophon stays last: the colophon is still found; the note above it is inside the colophon block
    const { issue } = parseSource(text);
    expect(issue.matter[0]).toEqual({ kind: 'front', line: 1, endLine: 3 });
    expect(issue.documents).toHaveLength(22);
    const after = [...L, '', '本刊声明：转载请注明出处。', '欢迎订阅。'].join('\n');
    const back = parseSource(after).issue;
    expect(back.matter).toEqual([{ kind: 'back', line: L.length + 2, endLine: L.length + 3 }]);
    expect(back.masthead.line).toBe(colophon);
  });

  it('two issues run together: the inner colophon, between them, is in-between matter', () => {
    const { issue } = parseSource(SAMPLE + '\n' + SAMPLE);
    expect(issue.documents).toHaveLength(44);
    expect(issue.matter).toEqual([{ kind: 'between', line: 3018, endLine: 3026 }]);
    expect(issue.masthead).toMatchObject({ line: 3018 + L.length, endLine: 3026 + L.length });
  });

  it('a lone paragraph between the TOC and the body is held as a document, and reported', () => {
    const at = L.indexOf('【区政府文件】', 10); // the body's first section heading (0-based)
    const { issue } = parseSource([...L.slice(0, at), '编者按：本期起增设政策解读栏目。', '', ...L.slice(at)].join('\n'));
    expect(issue.matter).toEqual([]);
    expect(issue.documents[0]!.span).toEqual({ startLine: at + 1, endLine: at + 2 });
    expect(issue.anomalies.filter((a) => a.line === at + 1).map((a) => a.code)).toEqual(['DOCUMENT_NOT_IN_TOC']);
  });
});

describe('mutations of the sample keep every line held (fast-check)', () => {
  const PROSE = ['本期导读', '编者按：本期起增设栏目。', '（内部资料 免费交流）', '说明：以上文件以正式印发稿为准。', '欢迎订阅。'];
  const edit = fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...PROSE) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  );
  it('prose inserted anywhere (before the TOC, after the colophon, between documents) and lines deleted', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), (edits, head, tail) => {
        const lines = SAMPLE_LINES.slice();
        for (const e of edits) {
          const at = e.at % (lines.length + 1);
          if (e.op === 'insert') lines.splice(at, 0, '', e.text, '');
          else lines.splice(at, e.count);
        }
        if (head) lines.unshift('本期导读：区政府文件若干件。', '');
        if (tail) lines.push('', '本刊声明：转载请注明出处。');
        const text = lines.join('\n');
        const parsed = parseSource(text);
        expect(unheld(text, parsed)).toEqual([]);
        matterIsOnlyTheRest(parsed);
        const { issue } = parsed;
        // with a 目录 heading the TOC is found below the prose; with a colophon, the prose after it is not the last document's
        if (head && issue.toc[0]?.tocLine !== undefined) expect(issue.matter[0]).toMatchObject({ kind: 'front', line: 1 });
        if (tail && issue.masthead.endLine !== null && issue.masthead.endLine < lines.length - 1)
          expect(issue.matter.at(-1)).toMatchObject({ kind: 'back', endLine: lines.length });
      }),
      fcParams(50),
    );
  });
});

describe('in the export', () => {
  it('docs/matter.md holds the matter with its lines; report.html shows it under its own heading', async () => {
    const { buildExport, fileText } = await import('../src/write/export.js');
    const L = SAMPLE_LINES;
    const text = ['本期导读', '', '本期刊登区政府文件四件。', ...L, '', '本刊声明：转载请注明出处。'].join('\n');
    const { issue, lines } = parseSource(text);
    const files = await buildExport(issue, { lines });
    const md = fileText(files.find((f) => f.path === 'docs/matter.md')!.data);
    expect(md).toContain('## Front matter (lines 1-3)\n\n本期导读\n\n本期刊登区政府文件四件。\n');
    expect(md).toContain(`## Back matter (lines ${L.length + 5}-${L.length + 5})\n\n本刊声明：转载请注明出处。\n`);
    const html = fileText(files.find((f) => f.path === 'report.html')!.data);
    expect(html).toContain('<h3 id="matter-L1">Front matter <small>lines 1–3</small></h3>');
    expect(html).toMatch(/id="L3"><a href="#L3">3<\/a>本期刊登区政府文件四件。/);
    // none for the sample
    const plain = parsed(SAMPLE);
    expect((await buildExport(plain.issue, { lines: plain.lines })).some((f) => f.path === 'docs/matter.md')).toBe(false);
  });

  it("a table's title row is in its document's Markdown, above the table", async () => {
    const { documentsMarkdown } = await import('../src/write/markdown.js');
    const { fileText } = await import('../src/write/export.js');
    const { issue, lines } = parsed(SAMPLE);
    const titled = issue.tables.filter((t) => t.title);
    expect(titled.length).toBe(5);
    const files = await documentsMarkdown(issue, lines);
    for (const t of titled) {
      const d = issue.documents.findIndex((x) => x.id === t.documentId);
      const md = fileText(files[d]!.data);
      const at = md.indexOf(`\n${t.title!.text}\n\n| ${t.columns[0]!.name}`);
      expect(at, `${t.id}: «${t.title!.text}» above its table`).toBeGreaterThan(0);
    }
  });
});
