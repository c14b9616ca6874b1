/**
 * What gongbao repairs in the text on the way out, said once per document (info):
 * paragraphs broken mid-sentence at a page break, joined again in the Markdown export and
 * marked in the report (PARAGRAPH_JOINED); spaces line wraps left between Chinese
 * characters, removed from the clean text of titles, table cells and the Markdown export
 * while the raw text keeps them (WRAP_SPACES_REMOVED). The rules are those of
 * core/prose.ts, which the writers use: what is reported is what the export does. Linear
 * in the lines of the documents and the cells of their tables.
 */
import type { Anomaly } from '../model/anomaly.js';
import type { Document } from '../model/issue.js';
import type { Table } from '../model/table.js';
import { anomaly } from '../model/catalogue.js';
import { cjkGaps, cleanProse, eachLineOutside, peopleLines, proseBreaks, spacesKept, type ProseBounds } from '../core/prose.js';
import { squash } from '../read/text.js';
import { type CheckInput } from './common.js';
import { eachLineWith, type Lines } from '../model/lines.js';
import { lowerBound } from '../model/sorted.js';

/** Line numbers as a short list: 3, 7–9, 12 (runs of consecutive lines as ranges). */
export function lineList(sorted: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}

/** Whether `s` holds a space, tab or ideographic space (most cells and lines hold none: skipped at once). */
const SPACE = /[ \t\u3000]/;
const hasSpace = (s: string): boolean => SPACE.test(s);

/**
 * A run of spaces between two characters past ASCII that are no white space. Every gap
 * cjkGaps counts is one (a CJK character is past ASCII and no white space; the run is
 * maximal, so what stands on either side of it is no space either), and few lines hold one
 * (an indent, a space beside a digit or a Latin word is none). Global; never across a line break.
 */
const GAP_LIKE = /[^\s\x00-\x7f][ \t\u3000]+[^\s\x00-\x7f]/g;

/**
 * The lines (1-based, in order) that may hold a gap between CJK characters, found by one
 * native search of the whole text: the lines of running text without one have no space
 * removed and are never read.
 */
export function gapLines(lines: Lines): number[] {
  const out: number[] = [];
  eachLineWith(lines, GAP_LIKE, (ln) => out.push(ln));
  return out;
}

/** The first of `sorted` at or after `ln` (Infinity past the last). */
function nextOf(sorted: readonly number[], ln: number): number {
  const i = lowerBound(sorted, ln);
  return i < sorted.length ? sorted[i]! : Infinity;
}

const clip = (s: string, n: number, end: boolean): string => {
  const t = s.trim();
  return t.length <= n ? t : end ? `…${t.slice(-n)}` : `${t.slice(0, n)}…`;
};

function joinedParagraphs(lines: Lines, d: Document, b: ProseBounds): Anomaly | null {
  const breaks = proseBreaks(lines, d, b);
  if (breaks.length === 0) return null;
  const [p, n] = breaks[0]!;
  const n1 = breaks.length;
  return anomaly('PARAGRAPH_JOINED', {
    message: `${n1} paragraph${n1 > 1 ? 's' : ''} broken mid-sentence (a page break) joined again in the Markdown export and marked in the report, at lines ${breaks.map(([a, z]) => `${a}→${z}`).join(', ')}`,
    line: p,
    endLine: breaks[n1 - 1]![1],
    evidence: `${clip(lines.get(p - 1)!, 30, true)} ⏎ ${clip(lines.get(n - 1)!, 30, false)}`,
    documentId: d.id,
  });
}

/** Table cells (and header cells) whose raw text holds spaces between CJK characters: their lines, and how many spaces. */
function cellGaps(tables: readonly Table[], at: Map<number, number>): void {
  const add = (ln: number, n: number): void => {
    if (n > 0) at.set(ln, (at.get(ln) ?? 0) + n);
  };
  for (const t of tables) {
    let head = 0;
    for (const c of t.columns) if (hasSpace(c.nameRaw)) for (const part of c.nameRaw.split('\n')) head += cjkGaps(part.trim());
    add(t.fragments[0]!.startLine, head);
    // (cjkGaps looks for a space first: a short cell without one is read by code, a longer one by one native search)
    for (const r of t.rows) for (const c of r.cells) if (!c.filled) add(c.line, cjkGaps(c.raw));
  }
}

function wrapSpaces(lines: Lines, d: Document, b: ProseBounds & { tables: readonly Table[]; gaps: readonly number[] }): Anomaly | null {
  const at = new Map<number, number>();
  // spaces inside the title's lines (a title wrapped over lines without one has nothing removed)
  let written = 0;
  for (const part of d.titleRaw.split('\n')) written += cjkGaps(squash(part));
  const titleGaps = Math.max(0, written - cjkGaps(d.title));
  if (titleGaps > 0) at.set(d.titleSpan.startLine, titleGaps);
  cellGaps(b.tables, at);
  const kept = spacesKept(d, b);
  // the lines outside the tables (their cells are counted above) that may hold a gap
  eachLineOutside(
    b.tables,
    d.titleSpan.endLine + 1,
    Math.min(d.span.endLine, lines.length),
    (ln) => {
      if (kept(ln)) return;
      const raw = lines.get(ln - 1)!;
      const gaps = cjkGaps(raw.trim());
      const n = gaps === 0 ? 0 : gaps - cjkGaps(cleanProse(raw));
      if (n > 0) at.set(ln, (at.get(ln) ?? 0) + n);
      // (a line without a run of spaces between two characters past ASCII has none removed: jumped over)
    },
    (ln) => nextOf(b.gaps, ln),
  );
  if (at.size === 0) return null;
  const where = [...at.keys()].sort((x, y) => x - y);
  let count = 0;
  for (const n of at.values()) count += n;
  return anomaly('WRAP_SPACES_REMOVED', {
    message: `${count} space${count > 1 ? 's' : ''} between Chinese characters (line wraps, spaced-out names) removed from the clean text (title, table cells, Markdown export; raw text keeps them), on lines ${lineList(where)}`,
    line: where[0]!,
    endLine: where[where.length - 1]!,
    evidence: lines.get(where[0]! - 1) ?? '',
    documentId: d.id,
  });
}

export function checkRepairs(input: CheckInput): Anomaly[] {
  const { lines, documents, records } = input;
  const tablesOf = new Map<string, Table[]>();
  for (const t of records.tables ?? []) {
    if (t.documentId === null) continue;
    const list = tablesOf.get(t.documentId);
    if (list) list.push(t);
    else tablesOf.set(t.documentId, [t]);
  }
  const people = peopleLines(records);
  const gaps = gapLines(lines);
  const out: Anomaly[] = [];
  for (const d of documents) {
    const b = { tables: tablesOf.get(d.id) ?? [], people, gaps };
    const joined = joinedParagraphs(lines, d, b);
    if (joined) out.push(joined);
    const spaces = wrapSpaces(lines, d, b);
    if (spaces) out.push(spaces);
  }
  return out;
}
