// report.html as an archivist's reading copy (issue 17, item 6), read as HTML text; the
// layout, links and scripts in a browser are tested in tests/e2e/report.test.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportIssue } from '../src/api.js';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/parse.js';
import { reportChunks } from '../src/write/report.js';
import { buildExport } from '../src/write/export.js';
import { documentsMarkdown, joinedText, readingBlocks } from '../src/write/markdown.js';
import { fileText } from '../src/write/pieces.js';
import { peopleLines } from '../src/core/prose.js';
import { SAMPLE } from './helpers/sample.js';
import { miniIssue } from './helpers/mini.js';

const sample = parseSource(Buffer.from(SAMPLE), { name: 'samples/changning-2023-02.txt' });
const html = [...reportChunks(sample.issue, sample.lines)].join('');
const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
const unescape = (s: string): string =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

const docAnchor = (id: string): string => `doc-${encodeURIComponent(id).replace(/%/g, '_')}`;
const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The HTML of one element with an id, up to its closing tag (no nesting of the same tag inside). */
function element(tag: string, id: string): string {
  const start = html.indexOf(`<${tag} class="doc" id="${id}"`);
  expect(start, id).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf(`</${tag}>`, start));
}

/** A document's reading text in `page` (its article without the lines as in the file) and its raw view. */
function readingOf(page: string, id: string): { reading: string; raw: string } {
  const start = page.indexOf(`<article class="doc" id="${docAnchor(id)}"`);
  expect(start, id).toBeGreaterThanOrEqual(0);
  const article = page.slice(start, page.indexOf('</article>', start));
  const at = article.indexOf('<div class="text reading">');
  const rawAt = article.indexOf('<details class="raw">');
  expect(at, id).toBeGreaterThan(0);
  expect(rawAt, id).toBeGreaterThan(at);
  return { reading: article.slice(at, rawAt), raw: article.slice(rawAt) };
}

/** The opening tag of what holds an anchor at `p` of `page`: the nearest block or table row before it. */
function holderTag(page: string, p: number): string {
  const at = Math.max(page.lastIndexOf('<div class="b ', p), page.lastIndexOf('<tr', p));
  return page.slice(at, page.indexOf('>', at) + 1);
}

/**
 * Whether the note of anomaly `i` stands under the block or row holding its line: after the
 * line's anchor, with no other block or data row between them.
 */
function noteUnderItsBlock(page: string, line: number, i: number): boolean {
  const p = page.indexOf(`id="L${line}"`);
  const q = page.indexOf(`id="A${i + 1}"`);
  if (p < 0 || q < p) return false;
  const between = page.slice(p, q);
  return !between.includes('<div class="b ') && !between.includes('<tr data-line=') && !between.includes('<tbody>');
}

describe('report.html (the sample)', () => {
  it('has unique ids, and every internal link names one of them', () => {
    expect(new Set(ids).size).toBe(ids.length);
    const set = new Set(ids);
    const targets = [...html.matchAll(/href="#([^"]*)"/g)].map((m) => unescape(m[1]!));
    expect(targets.length).toBeGreaterThan(500);
    expect(targets.filter((t) => !set.has(t))).toEqual([]);
    // ten maps, each with its own ids (they all used id="map")
    expect(ids.filter((i) => i === 'map')).toEqual([]);
    expect(ids.filter((i) => /^s\d+-map$/.test(i))).toHaveLength(sample.issue.sluices.length);
  });

  it('shows every line of the text once: in its document, or under Other lines', () => {
    const lineIds = ids.filter((i) => /^L\d+$/.test(i));
    expect(lineIds).toHaveLength(sample.lines.length);
    for (const d of sample.issue.documents) {
      const article = element('article', `doc-${encodeURIComponent(d.id).replace(/%/g, '_')}`);
      expect(article, d.id).toContain(`id="L${d.span.startLine}"`);
      expect(article, d.id).toContain(`id="L${d.span.endLine}"`);
    }
    expect(html).toMatch(/<section id="other-lines">[\s\S]*id="L1"/);
  });

  it('marks each anomaly under the block holding its line inside its document, lists it under the document, and counts it in the heading', () => {
    const withErrors = sample.issue.documents.find((d) =>
      sample.issue.anomalies.some((a) => a.documentId === d.id && a.severity === 'error'),
    )!;
    expect(withErrors).toBeDefined();
    const article = element('article', docAnchor(withErrors.id));
    const mine = sample.issue.anomalies.map((a, i) => [a, i] as const).filter(([a]) => a.documentId === withErrors.id);
    expect(article).toMatch(new RegExp(`<a class="badge sev-error" href="#[^"]+-anomalies">${mine.length} anomal`));
    for (const [a, i] of mine) {
      expect(article).toContain(`<div class="note sev-${a.severity}" id="A${i + 1}">`);
      expect(article).toContain(`id="L${a.line}"`);
      expect(article).toContain(`<a href="#A${i + 1}">line ${a.line}</a>`);
    }
    // the error (a stake row of a table): its row flagged as an error, the note in a row under it
    const [err, k] = mine.find(([a]) => a.severity === 'error')!;
    const p = html.indexOf(`id="L${err.line}"`);
    expect(holderTag(html, p)).toBe(`<tr data-line="${err.line}" class="flag sev-error">`);
    expect(html.slice(p, html.indexOf(`id="A${k + 1}"`))).toMatch(
      /<\/tr><tr class="nr"><td colspan="7">(<div class="note[^]*?<\/div>)*<div class="note sev-error" $/,
    );
  });

  it('puts every note of an anomaly in a document under the block or table row holding its line, flagged', () => {
    const spans = sample.issue.documents.map((d) => d.span);
    let n = 0;
    sample.issue.anomalies.forEach((a, i) => {
      if (!spans.some((s) => a.line >= s.startLine && a.line <= s.endLine)) return;
      n++;
      expect(noteUnderItsBlock(html, a.line, i), `${a.code} at ${a.line}`).toBe(true);
      expect(holderTag(html, html.indexOf(`id="L${a.line}"`)), `${a.code} at ${a.line}`).toMatch(
        /class="[^"]*\bflag sev-(error|warning|info)"/,
      );
    });
    expect(n).toBeGreaterThan(100);
  });

  it('reads each document as its Markdown export: a table in place of its lines, once, with no raw pipe row; the raw lines apart', () => {
    let unique = 0;
    for (const d of sample.issue.documents) {
      const { reading, raw } = readingOf(html, d.id);
      const tables = sample.issue.tables.filter((t) => t.documentId === d.id);
      expect(reading.match(/<table /g)?.length ?? 0, d.id).toBe(tables.length);
      // no line of a pipe table as written: not a row, not a header repeated by a page break, not a delimiter row
      expect(reading, d.id).not.toMatch(/>\s*\|/);
      for (let n = d.span.startLine; n <= d.span.endLine; n++) {
        const line = sample.lines.get(n - 1)!.trim();
        if (line.startsWith('|')) expect(reading.includes(esc(line)), `line ${n}`).toBe(false);
        // ... which the collapsed view keeps as they are
        expect(raw.includes(`data-line="${n}">${n}</a>${esc(sample.lines.get(n - 1)!)}</div>`), `raw line ${n}`).toBe(true);
      }
      const counts = new Map<string, number>();
      for (const t of tables) for (const r of t.rows) for (const c of r.cells) counts.set(c.text, (counts.get(c.text) ?? 0) + 1);
      for (const t of tables) {
        const at = reading.indexOf(`<table id="${t.id}">`);
        const one = reading.slice(at, reading.indexOf('</table>', at));
        // one header row, each column named once, every row of the logical table
        expect(one.match(/<thead><tr[^>]*><th class="g">/g), t.id).toHaveLength(1);
        for (const c of t.columns) expect(one.split(`<th>${esc(c.name)}</th>`).length - 1, `${t.id} ${c.name}`).toBe(1);
        expect(one.match(/<tr data-line=/g) ?? [], t.id).toHaveLength(t.rows.length);
        // a cell whose text no other cell of the document's tables has is shown once in the document's text
        for (const r of t.rows)
          for (const c of r.cells)
            if (c.text.length >= 4 && counts.get(c.text) === 1) {
              unique++;
              expect(reading.split(`>${esc(c.text)}</td>`).length - 1, `${t.id} line ${r.line}: ${c.text}`).toBe(1);
            }
      }
    }
    expect(unique).toBeGreaterThan(500);
    // five fragments with their repeated headers, read as one table
    const fivefold = sample.issue.tables.find((t) => t.fragments.length === 5)!;
    expect(html).toContain(`<table id="${fivefold.id}"><caption><small><a class="ln" href="#L${fivefold.span.startLine}"`);
    expect(html).toContain('5 fragments merged</small></caption>');
  });

  it('gives every line of a document its anchor in its reading text, none in the raw view', () => {
    for (const d of sample.issue.documents) {
      const { reading, raw } = readingOf(html, d.id);
      const lines = [...reading.matchAll(/\bid="L(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
      expect(lines, d.id).toEqual(Array.from({ length: d.span.endLine - d.span.startLine + 1 }, (_, k) => d.span.startLine + k));
      expect(raw, d.id).not.toMatch(/\bid=/);
    }
  });

  it('joins a paragraph cut by a page break into one block, as the Markdown export does', async () => {
    const files = await documentsMarkdown(sample.issue, sample.lines);
    const people = peopleLines(sample.issue);
    let pairs = 0;
    for (const a of sample.issue.anomalies.filter((x) => x.code === 'PARAGRAPH_JOINED')) {
      const d = sample.issue.documents.find((x) => x.id === a.documentId)!;
      const { reading } = readingOf(html, d.id);
      const md = fileText(files[sample.issue.documents.indexOf(d)]!.data);
      const blocks = readingBlocks(
        d,
        sample.lines,
        sample.issue.tables.filter((t) => t.documentId === d.id),
        people,
      );
      for (const [, cut, rest] of a.message.matchAll(/(\d+)→(\d+)/g)) {
        pairs++;
        // one block holds both lines: the continuation's number marked where the sentence goes on
        const p = reading.indexOf(`id="L${cut}"`);
        const q = reading.indexOf(`<a class="j" id="L${rest}"`);
        expect(p, `${cut}→${rest}`).toBeGreaterThan(0);
        expect(q, `${cut}→${rest}`).toBeGreaterThan(p);
        expect(reading.slice(p, q)).not.toMatch(/<div class="b |<\/div>/);
        // the joined line reads as in the Markdown file
        const pieces = blocks.flatMap((b) => (b.type === 'paragraph' ? b.lines : [])).find((l) => l[0]!.line === Number(cut))!;
        expect(pieces.map((x) => x.line)).toContain(Number(rest));
        const joined = joinedText(pieces);
        const shown = reading
          .slice(p, reading.indexOf('</div>', q))
          .replace(/<a class="j"[^>]*>\d+<\/a>/g, '')
          .replace(/^[^>]*><a [^>]*>\d+<\/a>/, '');
        expect(shown).toBe(esc(joined));
        // (past its first characters: remark escapes a list-like start, `7\\.`)
        if (!/[*_\\[\]<>#`|~]/.test(joined)) expect(md).toContain(joined.slice(4));
      }
    }
    expect(pairs).toBeGreaterThan(20);
  });
  it('groups the anomalies by severity (errors first) and document, with filters and counts that link', () => {
    const section = html.slice(html.indexOf('<section id="anomalies">'), html.indexOf('<section id="other-lines">'));
    const order = ['error', 'warning', 'info'].map((s) => section.indexOf(`id="anomalies-${s}"`));
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(section.match(/<tr class="anomaly"/g)).toHaveLength(sample.issue.anomalies.length);
    expect(section).toContain('<select id="f-sev">');
    expect(section).toContain('<select id="f-code">');
    expect(section).toContain('<a class="sev-error" href="#anomalies-error">1 error</a>');
    expect(html).toMatch(
      /<header class="mast">[\s\S]*<a href="#anomalies">123 anomalies<\/a> \(<a class="sev-error" href="#anomalies-error">1 error<\/a>, <a class="sev-warning" href="#anomalies-warning">46 warnings<\/a>, <a class="sev-info" href="#anomalies-info">76 info<\/a>\)/,
    );
    // a range shows its last line: TABLE_MERGED of the fragment at lines 418–439
    expect(section).toContain('<a class="ln" href="#L418" data-line="418">418:1–439</a>');
    // the error is the first row, not somewhere around row 60
    expect(section.slice(section.indexOf('<tr class="anomaly"'))).toMatch(/^<tr class="anomaly" data-sev="error"/);
  });

  it('shows the maps at full width with a link to each SVG file of the export, and has no fixed-width layout', async () => {
    const files = new Set((await buildExport(sample.issue, { lines: sample.lines })).map((f) => f.path));
    const links = [...html.matchAll(/<figcaption>[^<]*<a href="([^"]+\.svg)">/g)].map((m) => m[1]!);
    expect(links).toHaveLength(sample.issue.sluices.length);
    for (const l of links) expect(files.has(l), l).toBe(true);
    expect(html).not.toMatch(/max-width:420px/);
    expect(html).not.toMatch(/grid-template-columns:280px/);
    expect(html).toMatch(/@media \(max-width:760px\)\{main\{display:block\}/);
  });
});

describe('report.html (a small issue)', () => {
  it('shows every line once and every anomaly in a note', () => {
    const text = '目 录\n【区政府文件】\n1. 关于某事的通知…… (1)\n【区政府文件】\n关于某事的通知\n(2023 年 2 月 30 日)\n正文。\n';
    const s = parseSource(Buffer.from(text), { name: 'x.txt' });
    const out = [...reportChunks(s.issue, s.lines)].join('');
    expect(s.issue.anomalies.length).toBeGreaterThan(0);
    s.issue.anomalies.forEach((a, i) => expect(out).toContain(`id="A${i + 1}"`));
    const lineIds = [...out.matchAll(/\bid="L(\d+)"/g)].map((m) => Number(m[1]));
    expect(lineIds.sort((a, b) => a - b)).toEqual(s.lines.slice().map((_, i) => i + 1));
  });

  it('links only to the sections it has: no People or Sluices in an issue without them', () => {
    for (const file of ['tests/fixtures/real/pkulaw-baotou-2022-43.txt', 'tests/fixtures/real/gwy-2019-jan-feb.txt']) {
      const s = parseSource(readFileSync(file), { name: file });
      const out = [...reportChunks(s.issue, s.lines)].join('');
      const ids = new Set([...out.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
      const targets = [...out.matchAll(/href="#([^"]*)"/g)].map((m) => unescape(m[1]!));
      expect(targets.length, file).toBeGreaterThan(100);
      expect(
        targets.filter((t) => !ids.has(t)),
        file,
      ).toEqual([]);
      expect(s.issue.sluices, file).toEqual([]);
      expect(out, file).not.toContain('href="#sluices"');
    }
  });
});

describe('report.html (a made-up document with a table cut by a page break)', () => {
  const head = ['| 序号 | 工作任务 | 责任单位 |', '| --- | --- | --- |'];
  const text = miniIssue({
    docs: [
      {
        title: '某某区人民政府关于开展甲项工作的通知',
        number: '某府〔2023〕1号',
        body: [
          '各街道办事处：',
          '为进一步做好物业管理工作，探索有效改进物业管理工作的方式方',
          '法，选出一批物业服务优良的小区。',
          '附件',
          '任务分解表',
          [...head, '| 1 | 健全公开属性认定机制 | 区政府办公室 |', '| 2 | 完善政务公开平台建设，做好新增信息的 | 区发展改革委 |'].join(
            '\n',
          ),
          [...head, '| | 准确分类 | |', '| 3 | 加强政策解读与回应关切 | |'].join('\n'),
        ],
      },
    ],
  });
  const s = parseSource(Buffer.from(text), { name: 'x.txt' });
  const page = [...reportChunks(s.issue, s.lines)].join('');
  const d = s.issue.documents[0]!;
  const { reading, raw } = readingOf(page, d.id);
  const at = (t: string): number => s.lines.slice().indexOf(t) + 1;

  it('shows the table once, as the logical table, in place of its two fragments', () => {
    expect(s.issue.tables).toHaveLength(1);
    expect(reading.match(/<table /g)).toHaveLength(1);
    expect(reading.match(/<th>序号<\/th>/g)).toHaveLength(1);
    expect(reading).not.toContain('|');
    expect(raw.match(/\| 序号 \| 工作任务 \| 责任单位 \|/g)).toHaveLength(2);
    // the row cut by the page break is one row, its text joined; its second half is no row of its own
    expect(reading.match(/<tr data-line=/g)).toHaveLength(3);
    expect(reading).toContain('<td>完善政务公开平台建设，做好新增信息的准确分类</td>');
    expect(reading).not.toContain('>准确分类<');
    // the caption paragraph above it, marked as such
    expect(reading).toContain(`<div class="b p cap"><div class="l" id="L${at('任务分解表')}">`);
  });

  it("a row holds the anchors of every line it came from: its own, the lines joined to it, the page break's furniture", () => {
    const cut = at('| 2 | 完善政务公开平台建设，做好新增信息的 | 区发展改革委 |');
    const rest = at('| | 准确分类 | |');
    const row = reading.slice(
      reading.indexOf(`<tr data-line="${cut}"`),
      reading.indexOf('</tr>', reading.indexOf(`<tr data-line="${cut}"`)),
    );
    expect(row).toContain(`<a id="L${cut}" href="#L${cut}">${cut}</a> <a id="L${rest}" href="#L${rest}">${rest}</a>`);
    for (let n = cut + 1; n < rest; n++) expect(row).toContain(`<span class="gap" id="L${n}"></span>`);
    // the notes of the merge (on the repeated header) and of the join stand in a row under it
    const merged = s.issue.anomalies.findIndex((a) => a.code === 'TABLE_MERGED');
    const joined = s.issue.anomalies.findIndex((a) => a.code === 'TABLE_ROW_JOINED');
    expect(merged).toBeGreaterThanOrEqual(0);
    expect(joined).toBeGreaterThanOrEqual(0);
    expect(noteUnderItsBlock(page, s.issue.anomalies[merged]!.line, merged)).toBe(true);
    expect(noteUnderItsBlock(page, s.issue.anomalies[joined]!.line, joined)).toBe(true);
    expect(holderTag(page, page.indexOf(`id="L${rest}"`))).toBe(`<tr data-line="${cut}" class="flag sev-info">`);
  });

  it('every line of the document has one anchor in its reading text; the paragraph cut by a page break is one', () => {
    const lines = [...reading.matchAll(/\bid="L(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
    expect(lines).toEqual(Array.from({ length: d.span.endLine - d.span.startLine + 1 }, (_, k) => d.span.startLine + k));
    const cut = at('为进一步做好物业管理工作，探索有效改进物业管理工作的方式方');
    const rest = at('法，选出一批物业服务优良的小区。');
    expect(reading).toContain(
      `<div class="b p flag sev-info"><div class="l" id="L${cut}"><a href="#L${cut}">${cut}</a>为进一步做好物业管理工作，探索有效改进物业管理工作的方式方<a class="j" id="L${rest}"`,
    );
    const ids = [...page.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('report.html of a converter form the reader changes (pdftotext)', () => {
  const file = 'tests/fixtures/readers/changning-2023-02.pdftotext.txt';
  const bytes = readFileSync(file);
  const asInFile = bytes.toString('utf8').split('\n');
  const s = parseSource(bytes, { name: file });

  it("shows each document's source as in the file, not as the reader changed it", async () => {
    expect(s.issue.source.reader).toBe('pdftotext');
    expect(s.fileLines?.slice()).toEqual(asInFile.slice(0, s.lines.length));
    const d = s.issue.documents.find((x) => {
      for (let n = x.span.startLine; n <= x.span.endLine; n++)
        if (s.lines.get(n - 1) !== asInFile[n - 1] && asInFile[n - 1]!.trim()) return true;
      return false;
    })!;
    expect(d).toBeDefined();
    const html = [...reportChunks(s.issue, s.lines, s.fileLines)].join('');
    const { raw } = readingOf(html, d.id);
    let changed = 0;
    for (let n = d.span.startLine; n <= d.span.endLine; n++) {
      expect(raw, `line ${n}`).toContain(`data-line="${n}">${n}</a>${esc(asInFile[n - 1]!)}</div>`);
      if (s.lines.get(n - 1) !== asInFile[n - 1]) changed++;
    }
    expect(changed).toBeGreaterThan(0);
    // the export of the library passes them on
    const dir = mkdtempSync(join(tmpdir(), 'gb-report-'));
    try {
      await exportIssue(bytes, dir, { name: file });
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(html);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a plain text file needs no second copy of its lines', () => {
    expect(sample.fileLines).toBeUndefined();
  });
});
