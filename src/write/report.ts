import type { Issue, Document } from '../model/issue.js';
import { displayName, STDIN_NAME } from '../read/errors.js';
import type { Table } from '../model/table.js';
import type { ExportFile } from '../model/export.js';
import { pieces } from './pieces.js';
import { plotFile, plotSluice } from '../features/sluices/plot.js';
import type { Anomaly, Severity } from '../model/anomaly.js';
import { joinSentence, peopleLines } from '../core/prose.js';
import { issueReadingBlocks, type Piece, type ReadingBlock } from './markdown.js';
import type { Lines } from '../read/lines.js';

/**
 * report.html: one self-contained page (no network, no external assets), an archivist's
 * reading copy of an issue and of what gongbao found in it: masthead with counts that link,
 * contents, every document with its metadata, its anomalies listed under it, and its text
 * as its Markdown export reads (headings, paragraphs joined again across page breaks, each
 * table as one logical table in place of its lines), every line's anchor (#L1 …) in the
 * block that holds it and each anomaly's note under that block; its lines as in the file in
 * a collapsed view; people; sluices with full-width maps linking to their SVG files; the
 * anomalies grouped by severity and document, with filters. Every line of the text has one
 * anchor: in its document, or under "Other lines". Ids are unique; the layout works from 400 px up.
 */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
/** HTML text of a value; most texts (a line, a cell) hold nothing to escape: one test, and they are returned as they are. */
const esc = (s: unknown): string => {
  const text = typeof s === 'string' ? s : String(s ?? '');
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITY[c]!) : text;
};
const lineLink = (line: number | null | undefined, text?: string): string =>
  line ? `<a class="ln" href="#L${line}" data-line="${line}">${esc(text ?? `L${line}`)}</a>` : '';
const anchor = (id: string): string => `doc-${encodeURIComponent(id).replace(/%/g, '_')}`;

const CSS = `
:root{--fg:#1d232b;--muted:#5b6573;--line:#d8dde3;--bg:#fff;--err:#b3261e;--warn:#8a5a00;--info:#245c9c;--hl:#fff3b0}
*{box-sizing:border-box}body{margin:0;font:15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header.mast{padding:24px 32px;border-bottom:3px solid #9b1c1c;background:#fbf7f2}header.mast h1{margin:0;font-size:26px;color:#9b1c1c}
header.mast p{margin:4px 0;color:var(--muted)}main{display:grid;grid-template-columns:minmax(200px,280px) minmax(0,1fr);gap:0}
nav#toc{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:16px;border-right:1px solid var(--line);font-size:13px}
nav#toc ol{padding-left:18px;margin:4px 0}nav#toc a{color:var(--fg);text-decoration:none}nav#toc a:hover{text-decoration:underline}
.content{padding:16px 32px;min-width:0}section{margin-bottom:40px}h2{border-bottom:1px solid var(--line);padding-bottom:4px}
h3{margin-top:28px}h3 small{font-weight:normal;color:var(--muted)}dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:14px}
dl.meta dt{color:var(--muted)}table{border-collapse:collapse;margin:8px 0 16px;font-size:13px;display:block;overflow-x:auto;max-width:100%}
th,td{border:1px solid var(--line);padding:3px 6px;vertical-align:top}th{background:#f3f5f7;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.filled{color:var(--muted);font-style:italic}caption{text-align:left;font-weight:bold;padding:4px 0}.sev-error{color:var(--err);font-weight:bold}
.sev-warning{color:var(--warn);font-weight:bold}.sev-info{color:var(--info)}a.ln{font-family:ui-monospace,monospace;font-size:12px}
.plots figure{margin:0 0 24px;border:1px solid var(--line);padding:8px}.plots svg{display:block;width:100%;height:auto}figcaption{font-weight:bold}figcaption a{font-weight:normal;margin-left:12px}
.text{font-size:14px;line-height:1.7;border-left:3px solid var(--line);margin:12px 0;background:#fcfcfd}
.text .l{white-space:pre-wrap;word-break:break-all;padding-left:52px;text-indent:-52px;scroll-margin-top:30vh}.text .l>a:first-child{display:inline-block;width:44px;margin-right:8px;text-align:right;color:#9aa3ad;text-decoration:none;text-indent:0;font:12px ui-monospace,monospace}
.text .flag{background:#fff7f6;color:inherit;font-weight:inherit}.text .flag.sev-warning{background:#fffaf0}.text .flag.sev-info{background:#f5f9ff}
.text .flag,.text tr.flag>.g{box-shadow:inset 3px 0 0 var(--err)}.text .flag.sev-warning,.text tr.sev-warning>.g{box-shadow:inset 3px 0 0 var(--warn)}.text .flag.sev-info,.text tr.sev-info>.g{box-shadow:inset 3px 0 0 var(--info)}.text tr.flag{box-shadow:none}
.text .note{margin:0 0 4px 52px;padding:2px 8px;font-size:13px;border-left:3px solid currentColor;font-weight:normal;scroll-margin-top:30vh}.note:target{outline:2px solid var(--hl)}
.reading{padding:6px 8px 6px 0}.reading .b{margin:0 0 8px}.reading .h{font-weight:bold}.reading .h1{font-size:17px;margin-bottom:12px}.reading .h2{font-size:15px;margin-top:14px}.reading .p.cap{font-weight:bold}
.reading a.j{font:10px ui-monospace,monospace;vertical-align:super;color:#9aa3ad;text-decoration:none;margin:0 2px;padding:0 2px;border:1px dotted #c5ccd3;border-radius:3px}
.reading table{margin:4px 0 14px}.reading th.g,.reading td.g{font:11px/1.6 ui-monospace,monospace;color:#9aa3ad;text-align:right;background:#fafbfc}.reading .g a{color:#9aa3ad;text-decoration:none}
.reading tr.group td{font-weight:bold}.reading tr.header td{background:#f3f5f7}.reading td .note{margin:2px 0}.reading tr.nr td{border-top:0;padding:0 6px}caption small{font-weight:normal;margin-left:8px}
.text .l:target,.text .hl,.text .l:has(>a:target),.text .b:has(>.gap:target),.text tr:has(>td>:target,>th>:target){background:var(--hl)}
details.raw{margin:4px 0 0;font-size:13px}details.raw summary{cursor:pointer;color:var(--muted)}
.badge{font-size:13px;font-weight:normal;margin-left:8px}ul.doc-anomalies{font-size:13px;padding-left:20px}.counts a{margin-right:16px}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;margin:8px 0}.filters label{font-size:14px}[hidden]{display:none!important}
@media (max-width:760px){main{display:block}nav#toc{position:static;max-height:none;border-right:0;border-bottom:1px solid var(--line)}.content{padding:12px}header.mast{padding:16px 12px}
.text .l{padding-left:36px;text-indent:-36px}.text .l>a:first-child{width:30px;margin-right:6px}.text .note{margin-left:12px}dl.meta{grid-template-columns:1fr}dl.meta dt{margin-top:4px}}
`;

const MATTER_TITLE = { front: 'Front matter', back: 'Back matter', between: 'Between the parts of the issue' } as const;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const sevCount = (sev: Severity, n: number): string => (sev === 'info' ? `${n} info` : plural(n, sev));
/** The anchor of an anomaly's note in the text (its index in issue.anomalies). */
const noteId = (i: number): string => `A${i + 1}`;
const NO_BREAKS: ReadonlyMap<number, number> = new Map();
const worst = (list: readonly Anomaly[]): Severity => SEVERITIES.find((sev) => list.some((a) => a.severity === sev)) ?? 'info';

const noteHtml = ([a, i]: readonly [Anomaly, number]): string =>
  `<div class="note sev-${a.severity}" id="${noteId(i)}">${a.severity} <code>${esc(a.code)}</code> ${esc(a.message)}</div>`;

/**
 * Lines as they are in the file, with anchors, each anomaly's note under its line (the lines
 * outside documents), a line at a time: nothing when every line was shown already.
 */
function* textHtml(
  lines: Lines,
  from: number,
  to: number,
  notes: ReadonlyMap<number, Array<[Anomaly, number]>>,
  shown: Uint8Array,
): Generator<string> {
  let open = false;
  for (let n = from; n <= to && n <= lines.length; n++) {
    if (shown[n]) continue;
    shown[n] = 1;
    const here = notes.get(n);
    const cls = here ? ` flag sev-${worst(here.map(([a]) => a))}` : '';
    yield `${open ? '\n' : '<div class="text">'}<div class="l${cls}" id="L${n}"><a href="#L${n}">${n}</a>${esc(lines.get(n - 1))}</div>`;
    open = true;
    if (here) for (const note of here) yield '\n' + noteHtml(note);
  }
  if (open) yield '</div>';
}

/** What the reading text of the documents is drawn from: the text's lines, the notes by line, the lines already shown. */
interface Reading {
  lines: Lines;
  notes: ReadonlyMap<number, Array<[Anomaly, number]>>;
  /** Lines given their anchor so far (each line has one in the report): 1 at a line's number. */
  shown: Uint8Array;
  /** Lines of the people feature (their spaces stay), for the Markdown blocks. */
  people: ReadonlySet<number>;
}

/** The lines of `held` not shown yet, now shown (their anchors are made here), and the notes on them in line order. */
function claim(r: Reading, held: readonly number[]): { mine: Set<number>; found: Array<[Anomaly, number]> } {
  const mine = new Set<number>();
  const found: Array<[Anomaly, number]> = [];
  for (const n of held) {
    if (r.shown[n]) continue;
    r.shown[n] = 1;
    mine.add(n);
    const here = r.notes.get(n);
    if (here) found.push(...here);
  }
  return { mine, found };
}

const flagClass = (found: ReadonlyArray<[Anomaly, number]>): string => (found.length ? ` flag sev-${worst(found.map(([a]) => a))}` : '');

/** Empty anchors of lines a block holds without showing their number (blank lines, a title's other lines, table furniture). */
function gapAnchors(held: readonly number[], mine: ReadonlySet<number>, visible: ReadonlySet<number>): string {
  let out = '';
  for (const n of held) if (mine.has(n) && !visible.has(n)) out += `<span class="gap" id="L${n}"></span>`;
  return out;
}

/** What joins two pieces of a sentence cut by a page break (as the Markdown export joins them): nothing or a space. */
const joinGap = (a: string, b: string): string => (joinSentence(a, b).length > a.length + b.length ? ' ' : '');

/**
 * A heading or a paragraph of the reading text: each of its lines with its line number;
 * a piece joined where a page break cut the sentence follows with its own small number.
 */
function proseHtml(
  b: Exclude<ReadingBlock, { type: 'table' }>,
  held: readonly number[],
  r: Reading,
  captions: ReadonlySet<number>,
): string {
  const { mine, found } = claim(r, held);
  const id = (n: number): string => (mine.has(n) ? ` id="L${n}"` : '');
  const rows: Piece[][] = b.type === 'heading' ? [[{ line: b.startLine, text: b.text }]] : b.lines;
  const visible = new Set<number>();
  const html = rows.map((pieces) => {
    const first = pieces[0]!;
    visible.add(first.line);
    let out = `<div class="l"${id(first.line)}><a href="#L${first.line}">${first.line}</a>${esc(first.text)}`;
    for (let k = 1; k < pieces.length; k++) {
      const p = pieces[k]!;
      visible.add(p.line);
      out += `${joinGap(pieces[k - 1]!.text, p.text)}<a class="j"${id(p.line)} href="#L${p.line}" title="line ${p.line}: the sentence goes on here after a page break (joined as in the Markdown export)">${p.line}</a>${esc(p.text)}`;
    }
    return out + '</div>';
  });
  const kind = b.type === 'heading' ? `h h${b.depth}` : rows.every((l) => l.every((p) => captions.has(p.line))) ? 'p cap' : 'p';
  return `<div class="b ${kind}${flagClass(found)}">${html.join('')}${gapAnchors(held, mine, visible)}</div>${found.map(noteHtml).join('')}`;
}

/**
 * The lines a table holds, by row: a row its own line and the lines of text joined to it
 * (a row cut by a page break), and the furniture (blank lines, a fragment's header and
 * delimiter rows, a repeated header) before it; the lines above the first row go to the
 * header, those after the last row to the last row.
 */
function rowLines(t: Table, held: readonly number[]): { head: number[]; rows: number[][]; own: Set<number> } {
  const owner = new Map<number, number>();
  t.rows.forEach((row, k) => {
    if (!owner.has(row.line)) owner.set(row.line, k);
    for (const c of row.cells) for (const j of c.joined ?? []) if (!owner.has(j.line)) owner.set(j.line, k);
  });
  const head: number[] = [];
  const rows = t.rows.map(() => [] as number[]);
  let pending: number[] = [];
  let seen = false;
  for (const n of held) {
    const k = owner.get(n);
    if (k === undefined) (seen ? pending : head).push(n);
    else {
      seen = true;
      rows[k]!.push(...pending, n);
      pending = [];
    }
  }
  if (pending.length) (rows.length ? rows[rows.length - 1]! : head).push(...pending);
  return { head, rows, own: new Set(owner.keys()) };
}

/** A cell's opening tag: a number right-aligned; a cell filled from the one above (a merged cell) marked. */
const NUM_TD = '<td class="num">';
const FILLED_TD = '<td class="filled" title="filled from the cell above (merged cell)">';
const FILLED_NUM_TD = '<td class="num filled" title="filled from the cell above (merged cell)">';

/**
 * A table of the reading text, in place of its lines: the logical table (fragments merged,
 * rows cut by a page break joined, filled cells marked), its title row as caption, and a
 * first column with the anchors of every line it came from; each anomaly's note under its row.
 */
function tableHtml(t: Table, held: readonly number[], r: Reading): string {
  const { head, rows, own } = rowLines(t, held);
  let width = t.columns.length;
  for (const row of t.rows) if (row.cells.length > width) width = row.cells.length;
  const gutter = (lines: number[], visible: ReadonlySet<number>): { cell: string; tail: string; cls: string } => {
    const { mine, found } = claim(r, lines);
    const shownHere = lines.filter((n) => visible.has(n));
    const links = shownHere.map((n) => `<a${mine.has(n) ? ` id="L${n}"` : ''} href="#L${n}">${n}</a>`).join(' ');
    const tail = found.length ? `<tr class="nr"><td colspan="${width + 1}">${found.map(noteHtml).join('')}</td></tr>` : '';
    return { cell: `${links}${gapAnchors(lines, mine, new Set(shownHere))}`, tail, cls: flagClass(found) };
  };
  const h = gutter(head, new Set(head.slice(0, 1)));
  const headRow = `<tr${h.cls ? ` class="${h.cls.trim()}"` : ''}><th class="g">${h.cell}</th>${t.columns.map((c) => `<th>${esc(c.name)}</th>`).join('')}</tr>${h.tail}`;
  const numeric = t.columns.map((c) => c.type !== 'text' && c.type !== 'date');
  const body = t.rows.map((row, k) => {
    const g = gutter(rows[k]!, own);
    const cells = row.cells
      .map((c, i) => {
        const num = numeric[i] === true;
        const open = c.filled ? (num ? FILLED_NUM_TD : FILLED_TD) : num ? NUM_TD : '<td>';
        return `${open}${esc(c.text)}</td>`;
      })
      .join('');
    const kind = row.kind === 'data' ? '' : ` ${row.kind}`;
    return `<tr data-line="${row.line}"${g.cls || kind ? ` class="${(kind + g.cls).trim()}"` : ''}><td class="g">${g.cell}</td>${cells}</tr>${g.tail}`;
  });
  const merged = t.fragments.length > 1 ? `, ${t.fragments.length} fragments merged` : '';
  const cap = `${t.title ? esc(t.title.text) + ' ' : ''}<small>${lineLink(t.span.startLine, `lines ${t.span.startLine}–${t.span.endLine}`)}${merged}</small>`;
  return `<table id="${esc(t.id)}"><caption>${cap}</caption><thead>${headRow}</thead><tbody>${body.join('\n')}</tbody></table>`;
}

/**
 * Which block holds each line of the document: a block its own lines (a table all of its
 * span), and the lines no block has (blank lines, furniture) go to the block above them.
 */
function heldLines(d: Document, blocks: readonly ReadingBlock[], last: number): number[][] {
  const from = d.span.startLine;
  const to = Math.min(d.span.endLine, last);
  const owner = new Int32Array(Math.max(0, to - from + 1)).fill(-1);
  const own = (n: number, k: number): void => {
    if (n >= from && n <= to && owner[n - from]! < 0) owner[n - from] = k;
  };
  blocks.forEach((b, k) => {
    if (b.type === 'paragraph') for (const l of b.lines) for (const p of l) own(p.line, k);
    else for (let n = b.startLine; n <= b.endLine; n++) own(n, k);
  });
  const held = blocks.map(() => [] as number[]);
  let prev = 0;
  for (let n = from; n <= to; n++) {
    const k = owner[n - from]!;
    if (k >= 0) prev = k;
    held[k >= 0 ? k : prev]!.push(n);
  }
  return held;
}

/**
 * A document's reading text, as its Markdown export reads (markdown.ts `readingBlocks`, made
 * once for both):
 * headings, paragraphs joined again across page breaks, each table in place of its lines;
 * every line of the document has its anchor in the block that holds it.
 */
function* readingHtml(issue: Issue, d: Document, tables: readonly Table[], r: Reading): Generator<string> {
  const blocks = issueReadingBlocks(issue, d, r.lines, tables, r.people);
  const held = heldLines(d, blocks, r.lines.length);
  const captions = new Set<number>();
  for (const t of tables) if (t.caption) captions.add(t.caption.line);
  yield '<div class="text reading">';
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (k) yield '\n';
    yield b.type === 'table' ? tableHtml(b.table, held[k]!, r) : proseHtml(b, held[k]!, r, captions);
  }
  yield '</div>';
}

/**
 * The document's lines exactly as in the file, collapsed; each number links to the line in the
 * reading text. A line at a time (not joined here: the file's pieces are joined once, in `pieces`).
 */
function* rawHtml(d: Document, lines: Lines): Generator<string> {
  yield `<details class="raw"><summary>Source text: lines ${d.span.startLine}–${d.span.endLine} as in the file</summary><div class="text">`;
  for (let n = d.span.startLine; n <= d.span.endLine && n <= lines.length; n++)
    yield `${n > d.span.startLine ? '\n' : ''}<div class="l"><a class="ln" href="#L${n}" data-line="${n}">${n}</a>${esc(lines.get(n - 1))}</div>`;
  yield '</div></details>';
}

/** A document's anomalies, listed under its metadata (each links to its note in the text). */
function docAnomaliesHtml(d: Document, list: ReadonlyArray<[Anomaly, number]>): string {
  if (!list.length) return '';
  return `<ul class="doc-anomalies" id="${anchor(d.id)}-anomalies">${list
    .map(
      ([a, i]) =>
        `<li><span class="sev-${a.severity}">${a.severity}</span> <code>${esc(a.code)}</code> <a href="#${noteId(i)}">line ${a.line}</a>: ${esc(a.message)}</li>`,
    )
    .join('')}</ul>`;
}

/** Prefixes every id of an embedded SVG and the references to it: ten maps, ten distinct ids. */
function scopeIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`);
}

/** A document's heading, metadata and list of anomalies: its article up to its text. */
function documentHead(d: Document, found: ReadonlyArray<[Anomaly, number]>): string {
  const rows: [string, string][] = [
    ['id', esc(d.id)],
    ['date', esc(d.date ?? '—')],
    [
      '文号',
      d.docNumber
        ? `${esc(d.docNumber.normalized)}${d.docNumber.raw !== d.docNumber.normalized ? ` <small>(as written: ${esc(d.docNumber.raw)})</small>` : ''}`
        : '—',
    ],
    ['category', esc(d.category ?? '—')],
    ['kind', esc(d.kind ?? '—')],
    ['page', esc(d.toc?.page ?? '—')],
    ['lines', lineLink(d.span.startLine, `L${d.span.startLine}–${d.span.endLine}`)],
  ];
  if (d.recipients) rows.push(['recipients', esc(d.recipients.text)]);
  if (d.interprets) rows.push(['interprets', `<a href="#${anchor(d.interprets)}">${esc(d.interprets)}</a>`]);
  if (d.attachments.length) {
    rows.push([
      'attachments',
      `<ol>${d.attachments.map((a) => `<li>${esc(a.title ?? a.declaredTitle ?? '')} ${lineLink(a.startLine ?? a.declaredLine)}</li>`).join('')}</ol>`,
    ]);
  }
  const badge = found.length
    ? `<a class="badge sev-${worst(found.map(([a]) => a))}" href="#${anchor(d.id)}-anomalies">${plural(found.length, 'anomaly', 'anomalies')}</a>`
    : '';
  return `<article class="doc" id="${anchor(d.id)}"><h3>${esc(d.title)} <small>${esc(d.id)}</small>${badge}</h3><dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>${docAnomaliesHtml(d, found)}`;
}

function peopleHtml(issue: Issue): string {
  if (!issue.appointments.length && !issue.rosters.length) return '';
  const appts = issue.appointments
    .map(
      (a) =>
        `<tr><td>${a.action === 'appoint' ? '任命' : '免去'}</td><td>${esc(a.name ?? '—')}</td><td>${a.positions.map((p) => esc(p.text)).join('<br>')}</td><td>${esc(a.qualifiers.join('，'))}</td><td>${lineLink(a.line)}</td></tr>`,
    )
    .join('');
  const rosters = issue.rosters
    .map(
      (r) =>
        `<h3>${esc(r.body)} ${lineLink(r.line)}</h3><table><thead><tr><th>#</th><th>role</th><th>name</th><th>position</th><th>line</th></tr></thead><tbody>${r.members
          .map(
            (m) =>
              `<tr><td class="num">${m.order}</td><td>${esc(m.role)}</td><td>${esc(m.name ?? '—')}</td><td>${esc(m.position ?? '—')}</td><td>${lineLink(m.line)}</td></tr>`,
          )
          .join('')}</tbody></table>`,
    )
    .join('');
  return `<section id="people"><h2>People</h2>${appts ? `<h3>Appointments and removals</h3><table><thead><tr><th>action</th><th>name</th><th>positions</th><th>qualifiers</th><th>line</th></tr></thead><tbody>${appts}</tbody></table>` : ''}${rosters}</section>`;
}

/** The sluices section, a plot at a time (nothing when the issue has no sluices). */
function* sluicesHtml(issue: Issue): Generator<string> {
  if (!issue.sluices.length) return;
  const f = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));
  const rows = issue.sluices
    .map(
      (s) =>
        `<tr><td class="num">${f(s.index)}</td><td>${esc(s.name)}</td><td class="num">${f(s.pointCount)}</td><td class="num">${f(s.totalArea)}</td><td class="num">${f(s.geometry.areaRatio)}</td><td class="num">${f(s.boundaryLength)}</td><td class="num">${f(s.geometry.perimeterRatio)}</td><td>${esc(s.anomalies.join(' '))}</td><td>${lineLink(s.line)}</td></tr>`,
    )
    .join('');
  yield `<section id="sluices"><h2>Sluices</h2><table><thead><tr><th>#</th><th>name</th><th>stakes</th><th>total area (m²)</th><th>computed ÷ stated area</th><th>boundary (m)</th><th>computed ÷ stated perimeter</th><th>anomalies</th><th>line</th></tr></thead><tbody>${rows}</tbody></table><div class="plots">`;
  for (let i = 0; i < issue.sluices.length; i++) {
    const s = issue.sluices[i]!;
    const file = `plots/${plotFile(issue, i)}`;
    const svg = scopeIds(plotSluice(issue, s).replace(/^<\?xml[^>]*>\s*/, ''), `s${i + 1}-`);
    yield `<figure id="map-${i + 1}"><figcaption>${esc(s.name)}<a href="${esc(file)}">full-size SVG (${esc(file)})</a></figcaption>${svg}</figure>`;
  }
  yield '</div></section>';
}

/** The anomalies section: grouped by severity, then by document, with filters; a row at a time. */
function* anomaliesHtml(issue: Issue): Generator<string> {
  const by = { error: 0, warning: 0, info: 0 };
  for (const a of issue.anomalies) by[a.severity]++;
  const codes = [...new Set(issue.anomalies.map((a) => a.code))].sort();
  yield `<section id="anomalies"><h2>Anomalies</h2><p class="counts">${SEVERITIES.map((sev) => `<a class="sev-${sev}" href="#anomalies-${sev}">${sevCount(sev, by[sev])}</a>`).join('')}</p>`;
  yield `<div class="filters"><label>severity <select id="f-sev"><option value="">all</option>${SEVERITIES.map((sev) => `<option>${sev}</option>`).join('')}</select></label><label>code <select id="f-code"><option value="">all</option>${codes.map((c) => `<option>${esc(c)}</option>`).join('')}</select></label> <span id="f-count"></span></div>`;
  const titles = new Map(issue.documents.map((d) => [d.id, d.title]));
  for (const sev of SEVERITIES) {
    const list = issue.anomalies.map((a, i) => [a, i] as const).filter(([a]) => a.severity === sev);
    yield `<div class="sev-group" id="anomalies-${sev}" data-sev="${sev}"><h3 class="sev-${sev}">${sevCount(sev, list.length)}</h3>`;
    for (const [doc, rows] of groupBy(list, ([a]) => a.documentId ?? null)) {
      const head = doc ? `<a href="#${anchor(doc)}">${esc(doc)}</a> ${esc(titles.get(doc) ?? '')}` : 'outside documents';
      yield `<div class="doc-group"><h4>${head} <small>(${rows.length})</small></h4><table><thead><tr><th>code</th><th>line</th><th>message</th></tr></thead><tbody>`;
      for (const [a, i] of rows)
        yield `<tr class="anomaly" data-sev="${a.severity}" data-code="${esc(a.code)}"><td><code>${esc(a.code)}</code></td><td>${lineLink(a.line, `${a.line}:${a.column}${a.endLine !== undefined ? `–${a.endLine}` : ''}`)} <a href="#${noteId(i)}">note</a></td><td>${esc(a.message)}<br><small>${esc(a.hint)}</small></td></tr>\n`;
      yield '</tbody></table></div>';
    }
    yield '</div>';
  }
  yield '</section>';
}

/**
 * A line link highlights what holds its line (a line of text, a table row) and scrolls it into view; the filters hide the rows (and
 * the groups left empty) of other severities and codes. Without script the anchors still work.
 */
const SCRIPT = `
(function(){function show(n){var el=document.getElementById('L'+n);if(!el)return;var box=el.closest('.l,tr,.b')||el;var prev=document.querySelector('.hl');if(prev)prev.classList.remove('hl');
box.classList.add('hl');box.scrollIntoView({block:'center'});}
document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a.ln');if(!a)return;e.preventDefault();history.replaceState(null,'','#L'+a.dataset.line);show(a.dataset.line);});
var sev=document.getElementById('f-sev'),code=document.getElementById('f-code'),count=document.getElementById('f-count');
function filter(){var n=0;document.querySelectorAll('#anomalies tr.anomaly').forEach(function(r){var ok=(!sev.value||r.dataset.sev===sev.value)&&(!code.value||r.dataset.code===code.value);r.hidden=!ok;if(ok)n++;});
document.querySelectorAll('#anomalies .doc-group,#anomalies .sev-group').forEach(function(g){g.hidden=!g.querySelector('tr.anomaly:not([hidden])');});count.textContent=n+' shown';}
if(sev){sev.addEventListener('change',filter);code.addEventListener('change',filter);}
if(/^#L\\d+$/.test(location.hash))show(location.hash.slice(2));})();`;

/** Items grouped by a key, in first-seen order of the keys (one pass, not a filter per key). */
function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/**
 * The contents: the documents by category, then the sections after them (People and Sluices
 * only when the issue has them, so that every link resolves).
 */
function navHtml(issue: Issue, byCategory: ReadonlyMap<string | null, Document[]>): string {
  const nav = [...byCategory]
    .map(
      ([c, docs]) =>
        `<li>${esc(c ?? '—')}<ol>${docs.map((d) => `<li><a href="#${anchor(d.id)}">${esc(d.title || d.id)}</a>${d.toc?.page ? ` <small>p.${d.toc.page}</small>` : ''}</li>`).join('')}</ol></li>`,
    )
    .join('');
  const parts = [
    issue.appointments.length || issue.rosters.length ? '<a href="#people">People</a>' : '',
    issue.sluices.length ? '<a href="#sluices">Sluices</a>' : '',
    '<a href="#anomalies">Anomalies</a>',
    '<a href="#other-lines">Other lines</a>',
  ]
    .filter(Boolean)
    .join(' · ');
  return `<nav id="toc"><strong>Contents</strong><ol>${nav}</ol><p>${parts}</p></nav>`;
}

/**
 * report.html in pieces, in order: a document, a table, a line of the source at a time, so
 * the report of a large issue is never one string (see `pieces` in export.ts).
 */
export function* reportChunks(issue: Issue, lines: Lines, fileLines: Lines = lines): Generator<string> {
  const m = issue.masthead;
  const name = issue.source.name;
  const title = m.title ?? (name !== null && name !== STDIN_NAME ? name : 'Gazette issue');
  const sub = [
    m.year !== null && m.issue !== null ? `${m.year} 年第 ${m.issue} 期` : null,
    m.totalIssue !== null ? `总第 ${m.totalIssue} 期` : null,
    m.publicationDate ? `published ${m.publicationDate}` : null,
    m.publisher,
    m.website,
  ]
    .filter(Boolean)
    .map(esc)
    .join(' · ');
  const byCategory = groupBy(issue.documents, (d) => d.category);
  const by = { error: 0, warning: 0, info: 0 };
  for (const a of issue.anomalies) by[a.severity]++;
  // each anomaly under its line (notes) and under its document (lists)
  const notes = new Map<number, Array<[Anomaly, number]>>();
  issue.anomalies.forEach((a, i) => {
    const list = notes.get(a.line);
    if (list) list.push([a, i]);
    else notes.set(a.line, [[a, i]]);
  });
  const foundIn = groupBy(
    issue.anomalies.map((a, i) => [a, i] as [Anomaly, number]),
    ([a]) => a.documentId ?? null,
  );
  const reading: Reading = { lines, notes, shown: new Uint8Array(lines.length + 1), people: peopleLines(issue) };
  const shown = reading.shown;
  const tablesOf = groupBy(issue.tables, (t) => t.documentId);
  yield `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}${sub ? ` — ${sub}` : ''}</title><style>${CSS}</style></head>
<body><header class="mast"><h1>${esc(title)}</h1><p>${sub}</p><p>${esc(displayName(issue.source.name))} · ${issue.source.lines} lines · ${issue.documents.length} documents · ${issue.tables.length} tables · <a href="#anomalies">${plural(issue.anomalies.length, 'anomaly', 'anomalies')}</a> (${SEVERITIES.map((sev) => `<a class="sev-${sev}" href="#anomalies-${sev}">${sevCount(sev, by[sev])}</a>`).join(', ')})</p></header>
<main>${navHtml(issue, byCategory)}
<div class="content"><section id="documents">`;
  let k = 0;
  for (const [c, docs] of byCategory) {
    yield `${k++ ? '\n' : ''}<h2>${esc(c ?? '—')}</h2>`;
    for (let j = 0; j < docs.length; j++) {
      const d = docs[j]!;
      // the article a piece at a time: head, reading text, the lines as in the file
      yield (j ? '\n' : '') + documentHead(d, foundIn.get(d.id) ?? []);
      yield* readingHtml(issue, d, tablesOf.get(d.id) ?? [], reading);
      yield* rawHtml(d, fileLines);
      yield '</article>';
    }
  }
  yield `</section>\n${peopleHtml(issue)}\n`;
  yield* sluicesHtml(issue);
  yield '\n';
  yield* anomaliesHtml(issue);
  // the lines outside every document (contents, masthead, colophon …), a run at a time; matter under its own heading
  yield '\n<section id="other-lines"><h2>Other lines</h2><p>Contents, masthead, section headings and colophon: the lines outside the documents; front, back and in-between matter (lines no record holds) under their own headings.</p>';
  const matterAt = new Map(issue.matter.map((m) => [m.line, m]));
  for (let n = 1; n <= lines.length; n++) {
    if (shown[n]) continue;
    const m = matterAt.get(n);
    let end = m ? m.endLine : n;
    if (m) yield `<h3 id="matter-L${n}">${MATTER_TITLE[m.kind]} <small>lines ${n}–${m.endLine}</small></h3>`;
    else while (end < lines.length && !shown[end + 1] && !matterAt.has(end + 1)) end++;
    yield* textHtml(lines, n, end, notes, shown);
    n = end;
  }
  yield `</section></div></main>
<script>${SCRIPT}</script></body></html>
`;
}

/**
 * The export's report.html (needs the text's lines; `fileLines`, the lines as in the file
 * when the reader changed some, for the view of each document's source), made as it is written.
 */
export async function reportFiles(issue: Issue, lines: Lines | undefined, fileLines?: Lines): Promise<ExportFile[]> {
  return lines ? [{ path: 'report.html', data: pieces(() => reportChunks(issue, lines, fileLines)) }] : [];
}
