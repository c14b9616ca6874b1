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
 *   header) is returned whole, never padded or cut;
 * - a line that starts another block (indented code, block quote, ATX heading, code fence,
 *   list item, HTML block of CommonMark kinds 1–6) ends the table, as in GFM.
 *
 * One deliberate difference from GFM: GFM continues a table with any non-blank line, so
 * a note written right under a table (`注：…`) would become a one-cell row. Here a body row
 * must start with a pipe or contain an unescaped pipe; any other line ends the fragment.
 * The differential test against remark-gfm (tests/tables-scan.test.ts) checks both the
 * agreement and this difference.
 */
import type { SourceLines } from '../../read/lines.js';
import { LineFinder, type Lines } from '../../model/lines.js';

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

/** A pipe table as written; `R` is a row as `scanTables`' mapper made it (RawRow by default). */
export interface Fragment<R = RawRow> {
  startLine: number;
  endLine: number;
  header: R;
  /** Line of the delimiter row and the alignment of each column. */
  delimiter: { line: number; align: Array<'left' | 'right' | 'center' | null> };
  rows: R[];
}

/**
 * The most cells a row of a pipe table may have, and the most cells (header and body rows)
 * one pipe table as written may have. Gazette tables have tens of columns and at most
 * thousands of rows (the widest of the sample and the real texts of tests/fixtures has 14
 * columns, the largest 330 cells); a line of a million `|` is no table row a reader would
 * recognise, and every cell costs a record of some 200 bytes in memory. A run of pipe rows
 * past either limit is not read as a table: its lines stay text, reported once
 * (TABLE_TOO_LARGE), and no cell of it is ever made.
 */
export const MAX_ROW_CELLS = 10_000;
export const MAX_TABLE_CELLS = 1_000_000;

/** A run of pipe rows left as text for being past a limit: its lines, cells and widest row. */
export interface OversizedTable {
  startLine: number;
  endLine: number;
  cells: number;
  widest: number;
}

/** True when a run of rows is past one of the limits. */
export function oversized(cells: number, widest: number): boolean {
  return widest > MAX_ROW_CELLS || cells > MAX_TABLE_CELLS;
}

const PIPE = 124; // |
/** What a table row holds, for the LineFinder that jumps to the next such line. */
export const PIPE_NEEDLE: readonly string[] = ['|'];
const BACKSLASH = 92;
const SPACE = 32;
const TAB = 9;

function isWs(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * The next unescaped pipe of `s` from `i`, or -1: a pipe is escaped when an odd number of
 * backslashes stands right before it (backslashes pair up from the left, as GFM reads them).
 */
function nextPipe(s: string, i: number): number {
  let j = s.indexOf('|', i);
  while (j > 0 && s.charCodeAt(j - 1) === BACKSLASH) {
    let k = j - 1;
    while (k >= i && s.charCodeAt(k) === BACKSLASH) k--;
    if ((j - 1 - k) % 2 === 0) break;
    j = s.indexOf('|', j + 1);
  }
  return j;
}

/**
 * Splits one line into GFM cells. `lineNo` is 1-based, `lineOffset` the offset of the
 * line in the whole text. Returns null when the line holds no unescaped pipe.
 */
export function splitRow(s: string, lineNo: number, lineOffset: number): RawRow | null {
  const cells: RawCell[] = [];
  const isRow = walkCells(s, (start, end, at) => {
    cells.push({ text: s.slice(start, end), line: lineNo, column: at + 1, offset: lineOffset + at });
  });
  return isRow ? { line: lineNo, cells } : null;
}

/**
 * The number of cells `splitRow` gives the line (0 when it returns null), counted without
 * making them: the limits are checked before any cell of a huge row exists.
 */
export function countCells(s: string): number {
  let cells = 0;
  return walkCells(s, () => void cells++) ? cells : 0;
}

/**
 * The GFM cells of one line, in order: `cell(start, end, at)` for each, its text trimmed to
 * s[start, end) and placed at `at` (an empty cell at its closing pipe). Returns whether the
 * line holds an unescaped pipe: without one it is no table row.
 */
function walkCells(s: string, cell: (start: number, end: number, at: number) => void): boolean {
  const n = s.length;
  let i = 0;
  while (i < n && isWs(s.charCodeAt(i))) i++;
  let sawPipe = false;
  if (i < n && s.charCodeAt(i) === PIPE) {
    sawPipe = true;
    i++;
  }
  let count = 0;
  // Each loop reads one cell starting at i (just after a pipe or at the line start).
  for (;;) {
    const j = nextPipe(s, i);
    const stop = j < 0 ? n : j;
    let start = i;
    while (start < stop && isWs(s.charCodeAt(start))) start++;
    let end = stop;
    while (end > start && isWs(s.charCodeAt(end - 1))) end--;
    if (j < 0) {
      // No closing pipe: the rest is the last cell, unless it is only whitespace after a
      // closing pipe (`| a |  `). A line that is just `|` still has one (empty) cell.
      if (end > start || count === 0) cell(start, end, start);
      break;
    }
    sawPipe = true;
    cell(start, end, end > start ? start : j);
    count++;
    i = j + 1;
    if (i >= n) break;
    // Only whitespace left after this pipe: it was the closing pipe.
    let k = i;
    while (k < n && isWs(s.charCodeAt(k))) k++;
    if (k >= n) break;
  }
  return sawPipe;
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

/** HTML block tags that start an HTML block in CommonMark (kinds 1 and 6), which ends a table. */
const HTML_BLOCK_1 = new Set(['pre', 'script', 'style', 'textarea']);
const HTML_BLOCK_6 = new Set([
  'address',
  'article',
  'aside',
  'base',
  'basefont',
  'blockquote',
  'body',
  'caption',
  'center',
  'col',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frame',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'iframe',
  'legend',
  'li',
  'link',
  'main',
  'menu',
  'menuitem',
  'nav',
  'noframes',
  'ol',
  'optgroup',
  'option',
  'p',
  'param',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'track',
  'ul',
]);

/**
 * Does the line start another Markdown block, which ends a table in GFM: indented code (4+
 * columns of indentation), a block quote, an ATX heading, a code fence, a list item, an
 * HTML block? Only the first characters are looked at.
 */
export function startsOtherBlock(s: string): boolean {
  const n = s.length;
  let i = 0;
  let col = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === SPACE) col++;
    else if (c === TAB) col += 4 - (col % 4);
    else break;
    i++;
  }
  if (i >= n) return false;
  if (col >= 4) return true;
  const c = s.charCodeAt(i);
  const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
  const endOrWs = (k: number) => k >= n || isWs(s.charCodeAt(k));
  if (c === 62 /* > */) return true;
  if (c === 35 /* # */) {
    let k = i;
    while (k < n && s.charCodeAt(k) === 35) k++;
    return k - i <= 6 && endOrWs(k);
  }
  if (c === 96 /* ` */ || c === 126 /* ~ */) {
    let k = i;
    while (k < n && s.charCodeAt(k) === c) k++;
    return k - i >= 3 && (c === 126 || s.indexOf('`', k) < 0);
  }
  if (c === 45 /* - */ || c === 43 /* + */ || c === 42 /* * */) return endOrWs(i + 1);
  if (c >= 48 && c <= 57) {
    let k = i;
    while (k < n && k - i < 10 && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
    const d = s.charCodeAt(k);
    return (d === 46 || d === 41) /* . ) */ && endOrWs(k + 1);
  }
  if (c === 60 /* < */) {
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      if (s.startsWith('<!--', i) || next === 63 || s.startsWith('<![CDATA[', i)) return true;
      const l = s.charCodeAt(i + 2);
      return (l >= 65 && l <= 90) || (l >= 97 && l <= 122);
    }
    const closing = next === 47;
    let k = closing ? i + 2 : i + 1;
    const start = k;
    while (k < n) {
      const l = s.charCodeAt(k);
      if ((l >= 65 && l <= 90) || (l >= 97 && l <= 122) || (k > start && l >= 48 && l <= 57)) k++;
      else break;
    }
    if (k === start) return false;
    const name = s.slice(start, k).toLowerCase();
    const after = k < n ? s.charCodeAt(k) : -1;
    if (!closing && HTML_BLOCK_1.has(name) && (after === -1 || isWs(after) || after === 62)) return true;
    return HTML_BLOCK_6.has(name) && (after === -1 || isWs(after) || after === 62 || (after === 47 && s.charCodeAt(k + 1) === 62));
  }
  return false;
}

/**
 * Every pipe-table fragment of the text, in order. Linear: each line is looked at a
 * constant number of times (as a possible header, delimiter and body row). `map` turns
 * each row into what the caller keeps, as soon as it is read: the raw cells then die young
 * instead of all living until the scan ends. A table past MAX_ROW_CELLS or MAX_TABLE_CELLS
 * (its cells counted before any is made) is no fragment: it goes to `oversize`, when given.
 */
export function scanTables(src: SourceLines): Fragment[];
export function scanTables<R>(src: SourceLines, map: (row: RawRow) => R, oversize?: OversizedTable[]): Array<Fragment<R>>;
export function scanTables<R>(src: SourceLines, map?: (row: RawRow) => R, oversize?: OversizedTable[]): Array<Fragment<R | RawRow>> {
  const { lines, offsets } = src;
  const keep = map ?? ((row: RawRow) => row);
  const out: Array<Fragment<R | RawRow>> = [];
  let i = 0;
  const n = lines.length;
  // (a header row holds a pipe: lines without one are jumped over, found by native search)
  const pipes = new LineFinder(lines, PIPE_NEEDLE);
  while (i + 1 < n) {
    if ((i = pipes.next(i)) + 1 >= n) break;
    const line = lines.get(i)!;
    // Cheap pre-check: a header row holds a pipe and the next line starts like a delimiter row.
    const next = lines.get(i + 1)!;
    const f = firstChar(next);
    if ((f !== PIPE && f !== 45 && f !== 58) || line.indexOf('|') < 0 || startsOtherBlock(line)) {
      i++;
      continue;
    }
    const align = parseDelimiter(next);
    const width = align ? countCells(line) : 0;
    if (!align || width !== align.length) {
      i++;
      continue;
    }
    const body = bodyRows(lines, i + 2, width);
    if (oversized(width + body.cells, Math.max(width, body.widest))) {
      oversize?.push({ startLine: i + 1, endLine: body.end, cells: width + body.cells, widest: Math.max(width, body.widest) });
      i = body.end;
      continue;
    }
    const header = splitRow(line, i + 1, offsets[i]!)!;
    const rows: Array<R | RawRow> = [];
    for (let j = i + 2; j < body.end; j++) rows.push(keep(splitRow(lines.get(j)!, j + 1, offsets[j]!)!));
    out.push({ startLine: i + 1, endLine: body.end, header: keep(header), delimiter: { line: i + 2, align }, rows });
    i = body.end;
  }
  return out;
}

/**
 * The body rows of a table from line index `from` under a header of `width` cells: the
 * index after the last, and their cells counted (all and the widest row's) — exactly when
 * the table is past a limit (scanTables reports those counts), else bounds within the limits.
 */
function bodyRows(lines: Lines, from: number, width: number): { end: number; cells: number; widest: number } {
  let j = from;
  // Bounds first: a row has at most one cell more than it has pipes. Only a table whose
  // bounds pass a limit has its cells counted exactly (each row walked once more).
  let cells = 0;
  let widest = 0;
  while (j < lines.length) {
    const s = lines.get(j)!;
    const c = firstChar(s);
    if (c < 0) break;
    if (c !== PIPE && s.indexOf('|') < 0) break;
    // another block (indented code, quote, heading, fence, list item, HTML block) ends the table
    if (startsOtherBlock(s)) break;
    if (nextPipe(s, 0) < 0) break; // only escaped pipes: text, not a row
    const k = pipes(s) + 1;
    cells += k;
    if (k > widest) widest = k;
    j++;
  }
  if (!oversized(width + cells, Math.max(width, widest))) return { end: j, cells, widest };
  cells = 0;
  widest = 0;
  for (let k = from; k < j; k++) {
    const n = countCells(lines.get(k)!);
    cells += n;
    if (n > widest) widest = n;
  }
  return { end: j, cells, widest };
}

/** How many `|` the line holds. */
function pipes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('|'); i >= 0; i = s.indexOf('|', i + 1)) n++;
  return n;
}
