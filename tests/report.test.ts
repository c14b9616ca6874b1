// report.html as an archivist's reading copy (issue 17, item 6), read as HTML text; the
// layout, links and scripts in a browser are tested in tests/e2e/report.test.ts.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/parse.js';
import { reportChunks } from '../src/write/report.js';
import { buildExport } from '../src/write/export.js';
import { SAMPLE } from './helpers/sample.js';

const sample = parseSource(Buffer.from(SAMPLE), { name: 'samples/changning-2023-02.txt' });
const html = [...reportChunks(sample.issue, sample.lines)].join('');
const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
const unescape = (s: string): string =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** The HTML of one element with an id, up to its closing tag (no nesting of the same tag inside). */
function element(tag: string, id: string): string {
  const start = html.indexOf(`<${tag} class="doc" id="${id}"`);
  expect(start, id).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf(`</${tag}>`, start));
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

  it('marks each anomaly on its line inside its document, lists it under the document, and counts it in the heading', () => {
    const withErrors = sample.issue.documents.find((d) =>
      sample.issue.anomalies.some((a) => a.documentId === d.id && a.severity === 'error'),
    )!;
    expect(withErrors).toBeDefined();
    const article = element('article', `doc-${encodeURIComponent(withErrors.id).replace(/%/g, '_')}`);
    const mine = sample.issue.anomalies.map((a, i) => [a, i] as const).filter(([a]) => a.documentId === withErrors.id);
    expect(article).toMatch(new RegExp(`<a class="badge sev-error" href="#[^"]+-anomalies">${mine.length} anomal`));
    for (const [a, i] of mine) {
      expect(article).toContain(`<div class="note sev-${a.severity}" id="A${i + 1}">`);
      expect(article).toMatch(new RegExp(`<div class="l flag sev-\\w+" id="L${a.line}">`));
      expect(article).toContain(`<a href="#A${i + 1}">line ${a.line}</a>`);
    }
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
    expect(lineIds.sort((a, b) => a - b)).toEqual(s.lines.map((_, i) => i + 1));
  });
});
