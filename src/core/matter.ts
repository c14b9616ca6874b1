import type { Issue, Matter } from '../model/issue.js';
import type { Lines } from '../model/lines.js';

/** The records of an issue that hold lines of its text (matter aside). */
export type LineHolders = Pick<Issue, 'masthead' | 'toc' | 'sections' | 'documents' | 'tables'>;

/**
 * Every range of lines (1-based, inclusive) a record of the issue holds: documents (their
 * span), TOC entries, the TOC's 目录 and 【category】 headings, section headings, the
 * colophon, tables (one outside every document included).
 */
export function heldRanges(issue: LineHolders): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const d of issue.documents) out.push([d.span.startLine, d.span.endLine]);
  for (const e of issue.toc) {
    out.push([e.line, e.endLine ?? e.line]);
    if (e.categoryLine !== undefined) out.push([e.categoryLine, e.categoryLine]);
    if (e.tocLine !== undefined) out.push([e.tocLine, e.tocLine]);
  }
  for (const s of issue.sections) out.push([s.line, s.line]);
  const m = issue.masthead;
  if (m.line !== null) out.push([m.line, m.endLine ?? m.line]);
  for (const t of issue.tables) out.push([t.span.startLine, t.span.endLine]);
  return out;
}

const NON_BLANK = /\S/;

/**
 * Front, back and in-between matter: the runs of lines no record holds, each from its first
 * to its last non-blank line (blank lines inside a run stay in it). Linear in the text.
 */
export function findMatter(lines: Lines, issue: LineHolders): Matter[] {
  const n = lines.length;
  // a difference array: +1 where a range starts, -1 after it ends
  const depth = new Int32Array(n + 2);
  let first = n + 1;
  let last = 0;
  for (const [a, b] of heldRanges(issue)) {
    const from = Math.max(1, a);
    const to = Math.min(n, b);
    if (from > to) continue;
    depth[from]!++;
    depth[to + 1]!--;
    if (from < first) first = from;
    if (to > last) last = to;
  }
  const out: Matter[] = [];
  let open = 0;
  let start = 0;
  let end = 0;
  const close = (): void => {
    if (start === 0) return;
    const kind = end < first ? 'front' : start > last ? 'back' : 'between';
    out.push({ kind, line: start, endLine: end });
    start = 0;
  };
  for (let ln = 1; ln <= n; ln++) {
    open += depth[ln]!;
    if (open > 0) {
      close();
      continue;
    }
    if (!NON_BLANK.test(lines.get(ln - 1)!)) continue;
    if (start === 0) start = ln;
    end = ln;
  }
  close();
  return out;
}
