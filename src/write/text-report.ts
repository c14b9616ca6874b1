import { Chalk, type ChalkInstance } from 'chalk';
import type { Anomaly, Severity } from '../model/anomaly.js';
import { displayWidth } from '../read/text.js';
import { hasUnsafe, termSafe } from './terminal.js';
import { displayPath, reportCounts, type ValidationReport } from './validate-report.js';
import { severityCounts } from '../check/policy.js';

export interface TextOptions {
  /** Colour the output (only on a terminal, never with NO_COLOR: the caller decides). */
  color: boolean;
  /** Longest evidence shown, in display columns; longer lines are cut around the spot. */
  width?: number;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * The evidence line cut to a window around the spot, and the caret line under it. Widths
 * are display widths (CJK = 2), so the caret stands under the character in a terminal.
 */
export function caretLines(evidence: string, column: number, width = 100): { text: string; caret: string | null } {
  const spaced = evidence.replace(/\t/g, ' ');
  const raw = Array.from(spaced);
  // Control characters are shown escaped (`\x1b`): each stands for one character of the line.
  // (Most lines hold none: their characters are shown as they are, with no call per character.)
  const safe = !hasUnsafe(spaced);
  const chars = safe ? raw : raw.map((ch) => termSafe(ch));
  // Column counts UTF-16 code units: find the character index it falls on.
  let idx = -1;
  for (let i = 0, units = 0; i < raw.length; i++) {
    if (units === column - 1) {
      idx = i;
      break;
    }
    units += raw[i]!.length;
  }
  if (idx < 0 && column - 1 === evidence.length) idx = chars.length;
  let start = 0;
  let end = chars.length;
  if (displayWidth(safe ? spaced : chars.join('')) > width) {
    const anchor = idx < 0 ? 0 : idx;
    let w = 0;
    start = anchor;
    while (start > 0 && w < width * 0.35) {
      start--;
      w += displayWidth(chars[start]!);
    }
    end = anchor;
    w = displayWidth(chars.slice(start, anchor).join(''));
    while (end < chars.length && w < width) {
      w += displayWidth(chars[end]!);
      end++;
    }
  }
  const pre = start > 0 ? '…' : '';
  const text = pre + chars.slice(start, end).join('') + (end < chars.length ? '…' : '');
  if (idx < 0) return { text, caret: null };
  return { text, caret: ' '.repeat(displayWidth(pre + chars.slice(start, idx).join(''))) + '^' };
}

/**
 * The text report: anomalies grouped by file and document, each starting with
 * `file:line:column` so that terminals and editors can jump there, the evidence line with
 * a caret under the spot, the hint, and counts by severity at the end.
 */
export function textReport(r: ValidationReport, opts: TextOptions): string {
  const c: ChalkInstance = new Chalk({ level: opts.color ? 1 : 0 });
  const sev: Record<Severity, (s: string) => string> = { error: c.red.bold, warning: c.yellow.bold, info: c.cyan.bold };
  const out: string[] = [];
  for (const f of r.files) {
    const path = termSafe(displayPath(f.file));
    if (f.error !== undefined) {
      // the message often starts with the path already: name it once
      const named = [f.file, path].find((p) => f.error!.startsWith(`${p}: `));
      const message = named !== undefined ? f.error.slice(named.length + 2) : f.error;
      out.push(`${c.bold(path)}: ${sev.error('error')}: ${termSafe(message, true)}`, '');
      continue;
    }
    if (f.anomalies.length === 0) continue;
    let group: string | undefined | null = null;
    for (const a of f.anomalies) {
      const doc = a.documentId;
      if (doc !== group) {
        group = doc;
        const title = doc !== undefined ? f.titles?.[doc] : undefined;
        out.push(c.bold(`── ${path} · ${doc !== undefined ? termSafe(`${doc}${title ? ` ${title}` : ''}`) : '(outside documents)'}`));
      }
      out.push(anomalyText(path, a, c, sev, opts.width));
    }
    out.push('');
  }
  out.push(summaryLine(r, c));
  return out.join('\n') + '\n';
}

function anomalyText(path: string, a: Anomaly, c: ChalkInstance, sev: Record<Severity, (s: string) => string>, width = 100): string {
  const lines = [
    `${c.bold(`${path}:${a.line}:${a.column}`)}: ${sev[a.severity](a.severity)}: ${termSafe(a.message)} ${c.dim(`[${a.code}]`)}`,
  ];
  if (a.evidence !== '') {
    const gutter = String(a.line);
    // A cut evidence starts `evidenceStart` units into the text, after a one-unit `…`.
    const column = a.evidenceStart ? a.column - a.evidenceStart + 1 : a.column;
    const { text, caret } = caretLines(a.evidence, column, width);
    lines.push(`${c.dim(`${gutter.padStart(6)} │`)} ${text}`);
    if (caret !== null) lines.push(`${c.dim(`${' '.repeat(6)} │`)} ${sev[a.severity](caret)}`);
  }
  // A range (a run of lines, two places of one problem) names its last line.
  if (a.endLine !== undefined && a.endLine !== a.line) lines.push(`${' '.repeat(7)}${c.dim(`= through line ${a.endLine}`)}`);
  lines.push(`${' '.repeat(7)}${c.dim(`= hint: ${a.hint}`)}`);
  return lines.join('\n');
}

/**
 * The last line: counts by severity, files checked (read and checked; unreadable ones
 * counted apart), anomalies hidden by the baseline. A tick only when every file was read
 * and none has an anomaly. Also printed on stderr when the report goes elsewhere.
 */
export function summaryLine(r: ValidationReport, c: ChalkInstance = new Chalk({ level: 0 })): string {
  const n = reportCounts(r);
  const checked = n.files - n.unreadable;
  const files = `${plural(checked, 'file')} checked`;
  const unreadable = n.unreadable ? c.red(`${plural(n.unreadable, 'file')} could not be read`) : '';
  const extra = [n.baselined ? `${n.baselined} known from the baseline not shown` : ''].filter(Boolean).join('; ');
  const head =
    n.total > 0
      ? `✖ ${plural(n.total, 'anomaly', 'anomalies')}: ${severityCounts(n, { error: c.red, warning: c.yellow, info: c.cyan })}`
      : n.unreadable
        ? c.red(`✖ ${plural(n.unreadable, 'file')} could not be read`)
        : c.green('✔ no anomalies');
  const parts = [head, n.total === 0 && n.unreadable && checked > 0 ? `${files}, no anomalies` : files];
  if (n.total > 0 && unreadable) parts.push(unreadable);
  if (extra) parts.push(extra);
  return parts.join(' · ');
}
