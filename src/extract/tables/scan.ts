/**
 * The pipe-table scanner: one pass over the lines, no regular expressions, no
 * backtracking. It finds GFM pipe tables ("fragments") and gives every raw cell with its
 * line, column and offset. Cells are split the way GFM (micromark) splits them:
 *
 * - a row may start and end with a pipe; both are optional;
 * - `\|` is an escaped pipe and does not split (`\\` escapes a backslash, so `\\|` splits);
 *   pipes inside code spans split too, as in GFM;
 * - a cell is the text between two pipes, trimmed of spaces and tabs;
 * - a table starts with a header row followed by a delimiter row (`|---|:--:|`) with the
 *   same number of cells; the delimiter row is not a row of the table;
 * - body rows keep every cell they have: a ragged row (more or fewer cells than the
 *   header) is returned whole, never padded or cut.
 *
 * One deliberate difference from GFM: GFM continues a table with any non-blank line, so
 * a note written right under a table (`注：…`) would become a one-cell row. Here a body row
 * must start with a pipe or contain an unescaped pipe; any other line ends the fragment.
 * The differential test against remark-gfm (tests/tables-scan.test.ts) checks both the
 * agreement and this difference.
 */
import type { SourceLines } from '../../read/lines.js';

export interface RawCell {
  /** The cell text as written, trimmed of spaces and tabs. */
  text: string;
  /** 1-based line. */
  line: number;
  /** 1-based UTF-16 column of the first character of `text` (of the next pipe when empty). */
  column: number;
  /** Offset of the first character of `text` in `src.text`. */
  offset: number;
}

export interface RawRow {
  line: number;
  cells: RawCell[];
}

export interface Fragment {
  startLine: number;
  endLine: number;
  header: RawRow;
  /** Line of the delimiter row and the alignment of each column. */
  delimiter: { line: number; align: Array<'left' | 'right' | 'center' | null> };
  rows: RawRow[];
}

const PIPE = 124; // |
const BACKSLASH = 92;
const SPACE = 32;
const TAB = 9;

function isWs(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * Splits one line into GFM cells. `lineNo` is 1-based, `lineOffset` the offset of the
 * line in the whole text. Returns null when the line holds no unescaped pipe.
 */
export function splitRow(s: string, lineNo: number, lineOffset: number): RawRow | null {
  const n = s.length;
  let i = 0;
  while (i < n && isWs(s.charCodeAt(i))) i++;
  let sawPipe = false;
  if (i < n && s.charCodeAt(i) === PIPE) {
    sawPipe = true;
    i++;
  }
  const cells: RawCell[] = [];
  // Each loop reads one cell starting at i (just after a pipe or at the line start). The
  // next pipe is found with indexOf; it is escaped when an odd number of backslashes
  // stands right before it (backslashes pair up from the left, as GFM reads them).
  for (;;) {
    let j = s.indexOf('|', i);
    while (j > 0 && s.charCodeAt(j - 1) === BACKSLASH) {
      let k = j - 1;
      while (k >= i && s.charCodeAt(k) === BACKSLASH) k--;
      if ((j - 1 - k) % 2 === 0) break;
      j = s.indexOf('|', j + 1);
    }
    const stop = j < 0 ? n : j;
    let start = i;
    while (start < stop && isWs(s.charCodeAt(start))) start++;
    let end = stop;
    while (end > start && isWs(s.charCodeAt(end - 1))) end--;
    if (j < 0) {
      // No closing pipe: the rest is the last cell, unless it is only whitespace after a
      // closing pipe (`| a |  `). A line that is just `|` still has one (empty) cell.
      if (end > start || cells.length === 0) {
        cells.push({ text: s.slice(start, end), line: lineNo, column: start + 1, offset: lineOffset + start });
      }
      break;
    }
    sawPipe = true;
    const at = end > start ? start : j;
    cells.push({ text: s.slice(start, end), line: lineNo, column: at + 1, offset: lineOffset + at });
    i = j + 1;
    if (i >= n) break;
    // Only whitespace left after this pipe: it was the closing pipe.
    let k = i;
    while (k < n && isWs(s.charCodeAt(k))) k++;
    if (k >= n) break;
  }
  return sawPipe ? { line: lineNo, cells } : null;
}

/**
 * Reads a delimiter row (`| --- | :-: |`); returns the alignments, or null when the line
 * is not a delimiter row.
 */
export function parseDelimiter(s: string): Array<'left' | 'right' | 'center' | null> | null {
  const n = s.length;
  let i = 0;
  while (i < n && isWs(s.charCodeAt(i))) i++;
  if (i >= n) return null;
  let pipes = 0;
  if (s.charCodeAt(i) === PIPE) {
    pipes++;
    i++;
  }
  const out: Array<'left' | 'right' | 'center' | null> = [];
  for (;;) {
    while (i < n && isWs(s.charCodeAt(i))) i++;
    if (i >= n) break;
    let left = false;
    let right = false;
    let dashes = 0;
    if (s.charCodeAt(i) === 58 /* : */) {
      left = true;
      i++;
    }
    while (i < n && s.charCodeAt(i) === 45 /* - */) {
      dashes++;
      i++;
    }
    if (i < n && s.charCodeAt(i) === 58) {
      right = true;
      i++;
    }
    if (dashes === 0) return null;
    while (i < n && isWs(s.charCodeAt(i))) i++;
    out.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
    if (i >= n) break;
    if (s.charCodeAt(i) !== PIPE) return null;
    pipes++;
    i++;
  }
  // A single column needs a pipe, else `---` is a thematic break / setext underline.
  if (out.length === 0 || (out.length === 1 && pipes === 0)) return null;
  return out;
}

/** First non-space character code of a line, or -1 when the line is blank. */
function firstChar(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isWs(c)) return c;
  }
  return -1;
}

/** Leading spaces (a tab counts 4); 4 or more make an indented code line in Markdown. */
function indent(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === SPACE) w++;
    else if (c === TAB) w += 4 - (w % 4);
    else break;
  }
  return w;
}

/**
 * Every pipe-table fragment of the text, in order. Linear: each line is looked at a
 * constant number of times (as a possible header, delimiter and body row).
 */
export function scanTables(src: SourceLines): Fragment[] {
  const { lines, offsets } = src;
  const out: Fragment[] = [];
  let i = 0;
  const n = lines.length;
  while (i + 1 < n) {
    const line = lines[i]!;
    // Cheap pre-check: a header row holds a pipe and the next line starts like a delimiter row.
    const next = lines[i + 1]!;
    const f = firstChar(next);
    if ((f !== PIPE && f !== 45 && f !== 58) || indent(line) >= 4 || line.indexOf('|') < 0) {
      i++;
      continue;
    }
    const align = parseDelimiter(next);
    const header = align ? splitRow(line, i + 1, offsets[i]!) : null;
    if (!align || !header || header.cells.length !== align.length) {
      i++;
      continue;
    }
    const rows: RawRow[] = [];
    let j = i + 2;
    while (j < n) {
      const s = lines[j]!;
      const c = firstChar(s);
      if (c < 0) break;
      if (c !== PIPE && s.indexOf('|') < 0) break;
      const row = splitRow(s, j + 1, offsets[j]!);
      if (!row) break; // only escaped pipes: text, not a row
      rows.push(row);
      j++;
    }
    out.push({ startLine: i + 1, endLine: j, header, delimiter: { line: i + 2, align }, rows });
    i = j;
  }
  return out;
}
