import type { Issue, Document } from '../model/issue.js';
import { displayName, STDIN_NAME } from '../read/errors.js';
import type { Table } from '../model/table.js';
import type { ExportFile } from '../model/export.js';
import { pieces } from './pieces.js';
import { plotFile, plotSluice } from '../features/sluices/plot.js';
import type { Anomaly, Severity } from '../model/anomaly.js';
import { proseBreaks } from '../core/prose.js';

/**
 * report.html: one self-contained page (no network, no external assets), an archivist's
 * reading copy of an issue and of what gongbao found in it: masthead with counts that link,
 * contents, every document with its metadata, its anomalies listed under it, its tables and
 * its text (line numbers, anchors #L1 …) with each anomaly marked on its line; people;
 * sluices with full-width maps linking to their SVG files; the anomalies grouped by
 * severity and document, with filters. Every line of the text is shown once: in its
 * document, or under "Other lines". Ids are unique; the layout works from 400 px up.
 */
const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
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
.text .l{white-space:pre-wrap;word-break:break-all;padding-left:52px;text-indent:-52px;scroll-margin-top:30vh}.text .l>a{display:inline-block;width:44px;margin-right:8px;text-align:right;color:#9aa3ad;text-decoration:none;text-indent:0;font:12px ui-monospace,monospace}
.text .l:target,.text .l.hl{background:var(--hl)}.text .flag{background:#fff7f6}.text .flag.sev-warning{background:#fffaf0}.text .flag.sev-info{background:#f5f9ff}
.text .cont{margin-left:6px;font-size:12px;color:#777}.text .note{margin:0 0 4px 52px;padding:2px 8px;font-size:13px;border-left:3px solid currentColor;font-weight:normal;scroll-margin-top:30vh}.note:target{outline:2px solid var(--hl)}
.badge{font-size:13px;font-weight:normal;margin-left:8px}ul.doc-anomalies{font-size:13px;padding-left:20px}.counts a{margin-right:16px}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;margin:8px 0}.filters label{font-size:14px}[hidden]{display:none!important}
@media (max-width:760px){main{display:block}nav#toc{position:static;max-height:none;border-right:0;border-bottom:1px solid var(--line)}.content{padding:12px}header.mast{padding:16px 12px}
.text .l{padding-left:36px;text-indent:-36px}.text .l>a{width:30px;margin-right:6px}.text .note{margin-left:12px}dl.meta{grid-template-columns:1fr}dl.meta dt{margin-top:4px}}
`;

const MATTER_TITLE = { front: 'Front matter', back: 'Back matter', between: 'Between the parts of the issue' } as const;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const sevCount = (sev: Severity, n: number): string => (sev === 'info' ? `${n} info` : plural(n, sev));
/** The anchor of an anomaly's note in the text (its index in issue.anomalies). */
const noteId = (i: number): string => `A${i + 1}`;
const NO_BREAKS: ReadonlyMap<number, number> = new Map();
const worst = (list: readonly Anomaly[]): Severity => SEVERITIES.find((sev) => list.some((a) => a.severity === sev)) ?? 'info';

/**
 * Lines as readable text with anchors, each anomaly's note under its line; a line whose
 * sentence goes on after a page break (`continues`: that line → the line continuing it,
 * core/prose.ts) ends with a link to the continuation.
 */
function textHtml(
  lines: readonly string[],
  from: number,
  to: number,
  notes: ReadonlyMap<number, Array<[Anomaly, number]>>,
  shown: Set<number>,
  continues: ReadonlyMap<number, number> = NO_BREAKS,
): string {
  const out: string[] = [];
  for (let n = from; n <= to && n <= lines.length; n++) {
    if (shown.has(n)) continue;
    shown.add(n);
    const here = notes.get(n);
    const cls = here ? ` flag sev-${worst(here.map(([a]) => a))}` : '';
    const next = continues.get(n);
    const cont = next
      ? `<span class="cont" title="the sentence goes on at line ${next} (joined in the Markdown export)"><a href="#L${next}">↪ ${next}</a></span>`
      : '';
    out.push(`<div class="l${cls}" id="L${n}"><a href="#L${n}">${n}</a>${esc(lines[n - 1])}${cont}</div>`);
    if (here)
      for (const [a, i] of here)
        out.push(`<div class="note sev-${a.severity}" id="${noteId(i)}">${a.severity} <code>${esc(a.code)}</code> ${esc(a.message)}</div>`);
  }
  return out.length ? `<div class="text">${out.join('\n')}</div>` : '';
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

function tableHtml(t: Table): string {
  const head = t.columns.map((c) => `<th>${esc(c.name)}</th>`).join('');
  const body = t.rows
    .map((r) => {
      const cells = r.cells
        .map((c, i) => {
          const type = t.columns[i]?.type;
          const cls = [type && type !== 'text' && type !== 'date' ? 'num' : '', c.filled ? 'filled' : ''].filter(Boolean).join(' ');
          return `<td${cls ? ` class="${cls}"` : ''}${c.filled ? ' title="filled from the cell above (merged cell)"' : ''}>${esc(c.text)}</td>`;
        })
        .join('');
      return `<tr data-line="${r.line}">${cells}</tr>`;
    })
    .join('\n');
  const cap = t.caption?.text ?? t.title?.text ?? null;
  return `<table id="${esc(t.id)}"><caption>${cap ? esc(cap) + ' ' : ''}${lineLink(t.span.startLine, `L${t.span.startLine}–${t.span.endLine}`)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function documentHtml(d: Document, tables: readonly Table[], found: ReadonlyArray<[Anomaly, number]>, text: string): string {
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
  return `<article class="doc" id="${anchor(d.id)}"><h3>${esc(d.title)} <small>${esc(d.id)}</small>${badge}</h3><dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>${docAnomaliesHtml(d, found)}${tables.map(tableHtml).join('\n')}${text}</article>`;
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
 * A line link highlights its line and scrolls it into view; the filters hide the rows (and
 * the groups left empty) of other severities and codes. Without script the anchors still work.
 */
const SCRIPT = `
(function(){function show(n){var el=document.getElementById('L'+n);if(!el)return;var prev=document.querySelector('.l.hl');if(prev)prev.classList.remove('hl');
el.classList.add('hl');el.scrollIntoView({block:'center'});}
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
 * report.html in pieces, in order: a document, a table, a line of the source at a time, so
 * the report of a large issue is never one string (see `pieces` in export.ts).
 */
export function* reportChunks(issue: Issue, lines: readonly string[]): Generator<string> {
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
  const shown = new Set<number>();
  const tablesOf = groupBy(issue.tables, (t) => t.documentId);
  const nav = [...byCategory]
    .map(
      ([c, docs]) =>
        `<li>${esc(c ?? '—')}<ol>${docs.map((d) => `<li><a href="#${anchor(d.id)}">${esc(d.title || d.id)}</a>${d.toc?.page ? ` <small>p.${d.toc.page}</small>` : ''}</li>`).join('')}</ol></li>`,
    )
    .join('');
  yield `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}${sub ? ` — ${sub}` : ''}</title><style>${CSS}</style></head>
<body><header class="mast"><h1>${esc(title)}</h1><p>${sub}</p><p>${esc(displayName(issue.source.name))} · ${issue.source.lines} lines · ${issue.documents.length} documents · ${issue.tables.length} tables · <a href="#anomalies">${plural(issue.anomalies.length, 'anomaly', 'anomalies')}</a> (${SEVERITIES.map((sev) => `<a class="sev-${sev}" href="#anomalies-${sev}">${sevCount(sev, by[sev])}</a>`).join(', ')})</p></header>
<main><nav id="toc"><strong>Contents</strong><ol>${nav}</ol><p><a href="#people">People</a> · <a href="#sluices">Sluices</a> · <a href="#anomalies">Anomalies</a> · <a href="#other-lines">Other lines</a></p></nav>
<div class="content"><section id="documents">`;
  let k = 0;
  for (const [c, docs] of byCategory) {
    yield `${k++ ? '\n' : ''}<h2>${esc(c ?? '—')}</h2>`;
    for (let j = 0; j < docs.length; j++) {
      const d = docs[j]!;
      const continues = new Map(proseBreaks(lines, d, { tables: tablesOf.get(d.id) ?? [] }));
      const text = textHtml(lines, d.span.startLine, d.span.endLine, notes, shown, continues);
      yield (j ? '\n' : '') + documentHtml(d, tablesOf.get(d.id) ?? [], foundIn.get(d.id) ?? [], text);
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
    if (shown.has(n)) continue;
    const m = matterAt.get(n);
    let end = m ? m.endLine : n;
    if (m) yield `<h3 id="matter-L${n}">${MATTER_TITLE[m.kind]} <small>lines ${n}–${m.endLine}</small></h3>`;
    else while (end < lines.length && !shown.has(end + 1) && !matterAt.has(end + 1)) end++;
    yield textHtml(lines, n, end, notes, shown);
    n = end;
  }
  yield `</section></div></main>
<script>${SCRIPT}</script></body></html>
`;
}

/** The export's report.html (needs the text's lines), made as it is written. */
export async function reportFiles(issue: Issue, lines: readonly string[] | undefined): Promise<ExportFile[]> {
  return lines ? [{ path: 'report.html', data: pieces(() => reportChunks(issue, lines)) }] : [];
}
