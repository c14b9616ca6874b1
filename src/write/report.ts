import type { Issue, Document } from '../model/issue.js';
import { STDIN_LABEL } from '../read/errors.js';
import type { Table } from '../model/table.js';
import type { ExportFile } from '../model/export.js';
import { pieces } from './pieces.js';
import { plotSluice } from '../features/sluices/plot.js';

/**
 * report.html: one self-contained page (no network, no external assets) to read an issue
 * and what gongbao found in it: masthead, contents, every document with its metadata and
 * tables, people, sluices with their plots, anomalies linking to the source text, and the
 * source itself with line numbers (anchors #L1 …).
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
header.mast p{margin:4px 0;color:var(--muted)}main{display:grid;grid-template-columns:280px 1fr;gap:0}
nav#toc{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:16px;border-right:1px solid var(--line);font-size:13px}
nav#toc ol{padding-left:18px;margin:4px 0}nav#toc a{color:var(--fg);text-decoration:none}nav#toc a:hover{text-decoration:underline}
.content{padding:16px 32px;min-width:0}section{margin-bottom:40px}h2{border-bottom:1px solid var(--line);padding-bottom:4px}
h3{margin-top:28px}h3 small{font-weight:normal;color:var(--muted)}dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:14px}
dl.meta dt{color:var(--muted)}table{border-collapse:collapse;margin:8px 0 16px;font-size:13px;display:block;overflow-x:auto;max-width:100%}
th,td{border:1px solid var(--line);padding:3px 6px;vertical-align:top}th{background:#f3f5f7;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.filled{color:var(--muted);font-style:italic}caption{text-align:left;font-weight:bold;padding:4px 0}.sev-error{color:var(--err);font-weight:bold}
.sev-warning{color:var(--warn);font-weight:bold}.sev-info{color:var(--info)}a.ln{font-family:ui-monospace,monospace;font-size:12px}
.plots{display:flex;flex-wrap:wrap;gap:16px}.plots figure{margin:0;border:1px solid var(--line);padding:8px;max-width:420px}.plots svg{width:100%;height:auto}
#source{font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;font-size:12px;line-height:1.5;border:1px solid var(--line);max-height:80vh;overflow:auto;background:#fcfcfd}
#source div{white-space:pre-wrap;word-break:break-all;padding-left:64px;text-indent:-64px;scroll-margin-top:40vh}#source div a{display:inline-block;width:56px;margin-right:8px;text-align:right;color:#9aa3ad;text-decoration:none;text-indent:0}
#source div:target,#source div.hl{background:var(--hl)}.counts span{margin-right:16px}
`;

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

function documentHtml(d: Document, tables: readonly Table[]): string {
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
  return `<article class="doc" id="${anchor(d.id)}"><h3>${esc(d.title)} <small>${esc(d.id)}</small></h3><dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>${tables.map(tableHtml).join('\n')}</article>`;
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
  for (const s of issue.sluices)
    yield `<figure><figcaption>${esc(s.name)}</figcaption>${plotSluice(issue, s).replace(/^<\?xml[^>]*>\s*/, '')}</figure>`;
  yield '</div></section>';
}

/** The anomalies section, a row at a time. */
function* anomaliesHtml(issue: Issue): Generator<string> {
  const by = { error: 0, warning: 0, info: 0 };
  for (const a of issue.anomalies) by[a.severity]++;
  yield `<section id="anomalies"><h2>Anomalies</h2><p class="counts"><span class="sev-error">${by.error} error</span><span class="sev-warning">${by.warning} warning</span><span class="sev-info">${by.info} info</span></p><table><thead><tr><th>severity</th><th>code</th><th>line</th><th>document</th><th>message</th></tr></thead><tbody>`;
  for (let i = 0; i < issue.anomalies.length; i++) {
    const a = issue.anomalies[i]!;
    yield `${i ? '\n' : ''}<tr class="anomaly"><td class="sev-${a.severity}">${a.severity}</td><td><code>${esc(a.code)}</code></td><td>${lineLink(a.line, `${a.line}:${a.column}`)}</td><td>${a.documentId ? `<a href="#${anchor(a.documentId)}">${esc(a.documentId)}</a>` : ''}</td><td>${esc(a.message)}<br><small>${esc(a.hint)}</small></td></tr>`;
  }
  yield '</tbody></table></section>';
}

/** Scrolls the source pane (not the page) to a line and highlights it; works without it too (#L anchors). */
const SCRIPT = `
(function(){var src=document.getElementById('source');function show(n){var el=document.getElementById('L'+n);if(!el)return;
var prev=src.querySelector('.hl');if(prev)prev.classList.remove('hl');el.classList.add('hl');src.scrollTop=el.offsetTop-src.offsetTop-src.clientHeight/3;
src.scrollIntoView({block:'start'});}
document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a.ln');if(!a)return;e.preventDefault();history.replaceState(null,'','#L'+a.dataset.line);show(a.dataset.line);});
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
  const title = m.title ?? issue.source.name ?? 'Gazette issue';
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
<body><header class="mast"><h1>${esc(title)}</h1><p>${sub}</p><p>${esc(issue.source.name ?? STDIN_LABEL)} · ${issue.source.lines} lines · ${issue.documents.length} documents · ${issue.tables.length} tables · ${issue.anomalies.length} anomalies</p></header>
<main><nav id="toc"><strong>Contents</strong><ol>${nav}</ol><p><a href="#people">People</a> · <a href="#sluices">Sluices</a> · <a href="#anomalies">Anomalies</a> · <a href="#source-section">Source</a></p></nav>
<div class="content"><section id="documents">`;
  let k = 0;
  for (const [c, docs] of byCategory) {
    yield `${k++ ? '\n' : ''}<h2>${esc(c ?? '—')}</h2>`;
    for (let j = 0; j < docs.length; j++) yield (j ? '\n' : '') + documentHtml(docs[j]!, tablesOf.get(docs[j]!.id) ?? []);
  }
  yield `</section>\n${peopleHtml(issue)}\n`;
  yield* sluicesHtml(issue);
  yield '\n';
  yield* anomaliesHtml(issue);
  yield '\n<section id="source-section"><h2>Source</h2><div id="source">';
  for (let i = 0; i < lines.length; i++)
    yield `${i ? '\n' : ''}<div id="L${i + 1}"><a href="#L${i + 1}">${i + 1}</a>${esc(lines[i])}</div>`;
  yield `</div></section></div></main>
<script>${SCRIPT}</script></body></html>
`;
}

/** The export's report.html (needs the text's lines), made as it is written. */
export async function reportFiles(issue: Issue, lines: readonly string[] | undefined): Promise<ExportFile[]> {
  return lines ? [{ path: 'report.html', data: pieces(() => reportChunks(issue, lines)) }] : [];
}
