/**
 * Numbered tables of `pdftotext -layout`, read from the order of their words. A table with
 * many narrow columns (a summary table of 13 columns on a portrait page) comes out with ONE
 * space between its cells, and its positions drift: pdftotext's grid counts one column per
 * character and keeps at least one space between words, so a longer number pushes everything
 * to its right along, and a wrapped line below does not drift the same way. Gap columns and
 * fixed positions do not find its columns; the order of the words does.
 *
 * What is read as one: a header line of four or more short words (no sentence punctuation,
 * each at most eight characters) from the left edge — or indented, when the rows below hold
 * words one space apart (an indented header over rows aligned by wide gaps is the column
 * reader's) —, its wrapped lines, then rows numbered 1, 2, 3 … from the left edge, each
 * followed by its wrapped lines (indented) up to a document's title running across a column.
 * The header printed again in another layout (a new page, a new fragment of the table with
 * its own column widths), mid-table or after a page break, is recognised by its cells and
 * skipped; the rows below it are a new part of the table. At a page break the furniture and
 * the lines repeated from the table's head (a title row above it) are skipped too. Columns are
 * the header's words; where they start in each part, the rows tell (rowGeometry: read twice,
 * from the rows of one word a column, then from every row as read).
 *
 * - A row's first line with more words than columns: each piece between wide gaps starts a
 *   cell, and a piece holding two cells (a short cell printed one space after one that fills
 *   its column) is cut where the cells exceed least the widths their columns take in the rows
 *   read one word a column (splitShort).
 * - Else, where every column's start is known from rows, a line of more or fewer words than
 *   columns is placed by position (fitStarts: cells start where their columns start, or as far
 *   from the cell before as in other rows; no text runs into the next column).
 * - Else, as many words as columns or more (the rest join the last cell with
 *   a space), or words mostly one space apart (no room to tell an empty cell: the empty ones
 *   are the last): in order from the left. Fewer words with wide gaps: each to the nearest
 *   column start, in order.
 * - A wrapped line: its words go, in order, to the columns whose first line holds text that
 *   can wrap (not a number, in a body row) or, in a body row, that its first line left empty
 *   at its end (a cell printed a line lower): one each when there are as many; else each to
 *   the nearest column start once the line is scaled to the first line's width (the drift
 *   grows to the right); a lone word (nothing pushed it) to the nearest start in a body row
 *   (cells are left-aligned) and to the nearest middle of the text above it in the header
 *   (centred). A word that starts with a closing mark (`²)`) stays with the word before it.
 * - A group row (a label alone over the table's width, `一、知识产权保护方面（共5项）`, printed in
 *   the narrow first column: lines of one short word at the left edge) is a row of its label;
 *   the rows after it may number from 1 again, or on past a gap (rows left out of the source).
 */
import type { BlockCell, BlockRow, TableBlock } from './reading.js';
import { displayWidth } from './text.js';
import { numberedItem } from './numbered.js';
import { lowerBound } from '../model/sorted.js';

/** A word of a line: its text, UTF-16 index (the character column pdftotext's grid counts). */
export interface Word {
  text: string;
  at: number;
}

export const SENTENCE = /[。，；：:;！？]/;
export const INDEX = /^\d{1,3}$/;
export const NUMBER = /^[-+]?\d[\d.,]*$/;
/** Closing marks: a word starting with one belongs to the word before it. */
const CLOSING = /^[)）\]】²³%％]/;
/** The longest header word, in characters. */
export const MAX_WORD = 8;

export const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/**
 * The most a paragraph's first line is indented (display columns): 公文 print each paragraph
 * two characters in (GB/T 9704), which pdftotext -layout writes as two to five spaces (its
 * grid of characters moves with the page: a table's own lines stand further in).
 */
export const PARAGRAPH_INDENT = 5;
/** How far a line is indented: its leading spaces. */
export const indentOf = (s: string): number => s.length - s.trimStart().length;
const ATTACHMENT_HEAD = /^附件\s*[0-9０-９一二三四五六七八九十]*\s*(?:$|[:：])/;
/** A caption under or over a table or figure: 表 2：…, 图 1. … */
const CAPTION = /^[表图]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[:：.．]/;

/**
 * The text after a table, where an indented line would be a wrapped cell: a line at a
 * paragraph's indent that opens an attachment (`附件 2`, `附件：`), a caption (`表 2：…`) or a numbered item
 * (`(2) 新泾港泵闸`, `三、`). A wrapped cell stands under its column, further in.
 */
export function textAfterTable(s: string): boolean {
  if (indentOf(s) > PARAGRAPH_INDENT) return false;
  const t = s.trimStart();
  if (ATTACHMENT_HEAD.test(t) || CAPTION.test(t)) return true;
  // A heading or a paragraph's first line holds a few words (Chinese text runs on without
  // spaces); a line of a table's cells, one space apart, more (`9. I类切口手术部位 定 计算方法：…`).
  return numberedItem(t) !== null && words(t).length <= 3;
}
export const key = (s: string): string => s.replace(/\s+/g, '');

/** The words of `s`: runs of non-space characters. */
export function words(s: string): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ text: m[0], at: m.index });
  return out;
}

/** Words with those starting with a closing mark glued to the word before (one space kept). */
export function glued(ws: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (const w of ws) {
    const last = out[out.length - 1];
    if (last && CLOSING.test(w.text)) out[out.length - 1] = { text: `${last.text} ${w.text}`, at: last.at };
    else out.push({ ...w });
  }
  return out;
}

/**
 * A header line of a numbered table: four or more short words from the left edge (a header
 * indented to centre it over wide columns is the column reader's), no sentence punctuation.
 */
export function denseHeader(s: string): boolean {
  if (blank(s) || s.length > 120 || SENTENCE.test(s) || s.startsWith('|')) return false;
  const ws = words(s);
  return ws.length >= 4 && !ws.some((w) => w.text.length > MAX_WORD) && !NUMBER.test(ws[0]!.text);
}

/** Where the read table stands in the text: its lines (0-based) and the lines skipped. */
export interface DenseTable {
  block: TableBlock;
  rowLines: number[];
  skipped: number[];
}

/** The lines of the table from its header line `h`: header lines, rows (first and wrapped lines). */
export interface Layout {
  header: number[];
  rows: number[][];
  skipped: number[];
  /**
   * Where the header stands, first and printed again (a new page, a new fragment of the
   * table, laid out anew): the index of the first row under it and its first line.
   */
  heads?: Array<{ row: number; line: number }>;
  /** Group rows: a label alone in the first column before row `row`, wrapped over `lines`. */
  groups?: Array<{ row: number; lines: number[] }>;
}

/**
 * The table whose header stands at line `h` (0-based), or null: at least two numbered rows
 * (1, 2, …) must follow. `furniture(k)`: line k was blanked as page furniture.
 */
export function denseTableAt(
  lines: readonly string[],
  offsets: readonly number[],
  h: number,
  furniture: (k: number) => boolean,
  head: (k: number) => boolean = () => false,
): DenseTable | null {
  const columns = glued(words(lines[h]!));
  const cell = cellMaker(offsets);
  const refs = columns.map((w) => w.at);
  const none = refs.map(() => 0);
  const header = readRow(lines, headerLines(lines, h, 1), refs, cell, true, { widths: none });
  const keys = header.cells.map((c) => key(c.text));
  const again = (k: number, next: number): number => headerAgain(lines, k, next, keys, cell);
  const lay = layoutFrom(lines, h, { furniture, head, again });
  if (!lay || lay.rows.length < 2) return null;
  // A header indented to centre it over rows aligned by wide gaps is the column reader's.
  if (lines[h]![0] === ' ' && !lay.rows.some((r) => oneSpaceApart(lines[r[0]!]!))) return null;
  // Read twice: the columns' starts known from the rows of one word a column place the others,
  // whose cells then tell where every column starts.
  const splits = new Map<number, number[] | null>();
  const read = (at: RowGeometry[]): BlockRow[] =>
    lay.rows.map((r, x) => readRow(lines, r, at[x]!.starts, cell, false, { ...at[x]!, splits }));
  const first = rowGeometry(lines, lay, refs, fullRowStarts(lines, lay.rows, refs.length));
  const rows = read(rowGeometry(lines, lay, refs, cellStarts(read(first)), first));
  return tableOf(h, lay, header, withGroups(lines, lay, rows, refs.length, cell));
}

/** The header's lines from line `h`: it and up to three lines below it, none blank or row `next`'s start. */
function headerLines(lines: readonly string[], h: number, next: number): number[] {
  const out = [h];
  for (let k = h + 1; k < lines.length && k <= h + 3 && !blank(lines[k]) && !isRowStart(lines[k]!, next); k++) out.push(k);
  return out;
}

/**
 * The header printed again at line `k` whatever its layout (a new page, a new fragment of the
 * table with other column widths, its cells wrapped elsewhere): a line of as many words as the
 * header has cells, the first starting the first cell, which with the lines below it reads as
 * the same cells (`keys`, spaces ignored). The number of its lines, or 0.
 */
function headerAgain(
  lines: readonly string[],
  k: number,
  next: number,
  keys: readonly string[],
  cell: (k: number, w: Word) => BlockCell,
): number {
  const ws = glued(words(lines[k] ?? ''));
  if (ws.length !== keys.length || !keys[0]!.startsWith(key(ws[0]!.text))) return 0;
  const at = headerLines(lines, k, next);
  const refs = ws.map((w) => w.at);
  for (let m = at.length; m >= 1; m--) {
    const row = readRow(lines, at.slice(0, m), refs, cell, true, { widths: refs });
    if (row.cells.every((c, x) => key(c.text) === keys[x])) return m;
  }
  return 0;
}

/** Where a row's columns start, the widths they take, and whether the starts come from rows of the table. */
interface RowGeometry {
  starts: number[];
  widths: number[];
  dist: (a: number, b: number) => number | null;
  known: boolean;
}

/** Where the cells of a row start on its first line, by column (null: none there), or null: not known. */
type StartsOf = (x: number) => Array<number | null> | null;

/**
 * Where each row's columns start, and the widths they take: under each printing of the header
 * (pdftotext lays each page and each fragment of a table out anew), the median start of each
 * column in its other rows (`startsOf`) — else in the whole table, else the header's words —,
 * the median distance between two columns' starts on one line (the same way), and the widths
 * its rows of one word a column give (columnWidths). `known`: each column's start came from
 * rows (as in `before`, when given).
 */
function rowGeometry(
  lines: readonly string[],
  lay: Layout,
  refs: readonly number[],
  startsOf: StartsOf,
  before?: readonly RowGeometry[],
): RowGeometry[] {
  const heads = lay.heads ?? [{ row: 0, line: lay.header[0]! }];
  const n = refs.length;
  const table = startStats(
    lay.rows.map((_, x) => startsOf(x)),
    n,
  );
  const out: RowGeometry[] = [];
  heads.forEach((hd, s) => {
    const end = heads[s + 1]?.row ?? lay.rows.length;
    const xs = Array.from({ length: end - hd.row }, (_, k) => hd.row + k);
    const mine = xs.map(startsOf);
    const own = startStats(mine, n);
    const head = glued(words(lines[hd.line]!));
    const known = before ? before[hd.row]?.known === true : refs.every((_, c) => table.col[c]!.length > 0);
    const widths = columnWidths(
      lines,
      xs.map((x) => lay.rows[x]!),
      n,
    );
    mine.forEach((r) => {
      // The row's own cells do not vote for where its columns start.
      const col = (c: number): number | null => medianWithout(own.col[c]!, r?.[c]) ?? medianWithout(table.col[c]!, null);
      const starts = refs.map((x, c) => col(c) ?? (head.length === n ? head[c]!.at : x));
      const apart = (a: number, b: number): number | null =>
        medianWithout(own.pair[a]![b]!, r && r[a] !== null && r[b] !== null ? r[b]! - r[a]! : null) ??
        medianWithout(table.pair[a]![b]!, null);
      out.push({ starts, widths, dist: apart, known });
    });
  });
  return out;
}

/** Cell starts of rows gathered: each column's, and each pair of columns' distance on one line, sorted. */
function startStats(rows: ReadonlyArray<Array<number | null> | null>, n: number): { col: number[][]; pair: number[][][] } {
  const col: number[][] = Array.from({ length: n }, () => []);
  const pair: number[][][] = Array.from({ length: n }, () => Array.from({ length: n }, () => []));
  for (const r of rows) {
    if (!r) continue;
    r.forEach((v, a) => {
      if (v === null) return;
      col[a]!.push(v);
      for (let b = a + 1; b < n; b++) if (r[b] !== null && r[b] !== undefined) pair[a]![b]!.push(r[b]! - v);
    });
  }
  const up = (xs: number[]): number[] => xs.sort((x, y) => x - y);
  return { col: col.map(up), pair: pair.map((p) => p.map(up)) };
}

/** Where `v` stands in sorted `xs`, or -1. */
function sortedIndex(xs: readonly number[], v: number): number {
  const i = lowerBound(xs, v);
  return i < xs.length && xs[i] === v ? i : -1;
}

/** The median (the lower of the middle two) of sorted `xs` without one `v` (when given and there), or null. */
function medianWithout(xs: readonly number[], v: number | null | undefined): number | null {
  const i = v === null || v === undefined ? -1 : sortedIndex(xs, v);
  const m = xs.length - (i >= 0 ? 1 : 0);
  if (m <= 0) return null;
  const t = (m - 1) >> 1;
  return i >= 0 && t >= i ? xs[t + 1]! : xs[t]!;
}

/** Cell starts of the rows whose first line holds one word, or one piece between wide gaps, a column. */
function fullRowStarts(lines: readonly string[], rows: readonly number[][], n: number): StartsOf {
  return (x) => {
    const ws = glued(words(lines[rows[x]![0]!]!));
    const ps = ws.length === n ? ws : piecesOf(ws);
    return ps.length === n ? ps.map((w) => w.at) : null;
  };
}

/** Cell starts of the rows as read: where each cell with text on the row's first line starts. */
function cellStarts(rows: readonly BlockRow[]): StartsOf {
  return (x) => rows[x]!.cells.map((c) => (c.text !== '' && c.line === rows[x]!.line ? c.column - 1 : null));
}

/** Two words of the line stand one space apart. */
function oneSpaceApart(s: string): boolean {
  const ws = words(s);
  return ws.some((w, x) => x > 0 && w.at - (ws[x - 1]!.at + ws[x - 1]!.text.length) === 1);
}

/** The words of a line grouped into pieces: runs of words one space apart (text joined by one space, start of the first word). */
export function piecesOf(ws: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (const w of ws) {
    const last = out[out.length - 1];
    if (last && w.at - (last.at + last.text.length) < 2) out[out.length - 1] = { text: `${last.text} ${w.text}`, at: last.at };
    else out.push({ ...w });
  }
  return out;
}

/** The cell of word `w` on line `k` (0-based), with its place in the text (`offsets`: where each line starts). */
export function cellMaker(offsets: readonly number[]): (k: number, w: Word) => BlockCell {
  return (k, w) => ({ text: w.text, line: k + 1, column: w.at + 1, offset: offsets[k]! + w.at });
}

/** The table read from the layout found at header line `h`: its block and the lines it took. */
export function tableOf(h: number, lay: Layout, header: BlockRow, rows: BlockRow[]): DenseTable {
  const all = [...lay.header, ...lay.rows.flat(), ...(lay.groups ?? []).flatMap((g) => g.lines)];
  const last = Math.max(...all, ...lay.skipped);
  return {
    block: { kind: 'table', form: 'columns', startLine: h + 1, endLine: last + 1, header, rows },
    rowLines: all,
    skipped: lay.skipped,
  };
}

/**
 * The header lines, the rows and the skipped lines from line `h`, or null. `again(k, next)`:
 * the number of lines of the header printed again at line `k` (before row `next`), or 0;
 * `head(k)`: line k begins a document's head (a title above a date line), which ends the table
 * when its text runs across the start of a column (a wrapped cell stays in its column).
 */
function layoutFrom(
  lines: readonly string[],
  h: number,
  at: { furniture: (k: number) => boolean; head: (k: number) => boolean; again: (k: number, next: number) => number },
): Layout | null {
  const { furniture, again } = at;
  const header = headerLines(lines, h, 1);
  let k = h + header.length;
  const rows: number[][] = [];
  const skipped: number[] = [];
  const heads = [{ row: 0, line: h }];
  const repeated = new Set<string>();
  for (let t = Math.max(0, h - 3); t < k; t++) if (!blank(lines[t])) repeated.add(key(lines[t]!));
  let next = 1;
  // A document's head, its first line running across a column start of the header above it.
  const titleAt = (k: number): boolean => {
    if (!at.head(k)) return false;
    const starts = words(lines[heads[heads.length - 1]!.line]!).map((w) => w.at);
    return words(lines[k]!).some((w) => starts.some((c) => c > w.at + 1 && c < w.at + w.text.length - 1));
  };
  const groups: Array<{ row: number; lines: number[] }> = [];
  // The header printed again at line r above a group's rows (numbered from 1): its line count.
  const headerAt = (r: number): number => again(r, 1);
  // Right after a group row the rows may number from 1 again or number on past a gap.
  const rowAt = (s: string): boolean =>
    isRowStart(s, next) || (groups.length > 0 && groups[groups.length - 1]!.row === rows.length && afterGroup(s, next));
  // The header printed again at line r, followed by the next row: skipped, its layout the rows' below it.
  const reprinted = (r: number): number => {
    const m = rows.length > 0 ? again(r, next) : 0;
    if (m === 0 || !rowAt(lines[r + m] ?? '')) return 0;
    for (let x = r; x < r + m; x++) skipped.push(x);
    heads.push({ row: rows.length, line: r });
    return m;
  };
  while (k < lines.length) {
    const s = lines[k]!;
    let m = 0;
    if (rowAt(s)) {
      rows.push([k]);
      next = rowNumberOf(s)! + 1;
      k++;
    } else if ((m = reprinted(k)) > 0) k += m;
    else if ((m = groupAt(lines, k, next, headerAt)) > 0) {
      groups.push({ row: rows.length, lines: Array.from({ length: m }, (_, x) => k + x) });
      k += m;
    } else if (rows.length > 0 && !blank(s) && s.startsWith(' ') && !isRowStart(s.trimStart(), next) && !titleAt(k) && !textAfterTable(s)) {
      rows[rows.length - 1]!.push(k);
      k++;
    } else if (rows.length > 0 && (blank(s) || furniture(k))) {
      // A page break: blank and furniture lines, then the header again (skipped) or the next row.
      let j = k;
      let page = false;
      while (j < lines.length && (blank(lines[j]) || furniture(j))) {
        if (furniture(j)) page = true;
        j++;
      }
      if (!page) break;
      // The lines repeated after it (the header, a title row above it) are skipped.
      let r = j + reprinted(j);
      while (r < j + 4 && r < lines.length && !isRowStart(lines[r]!, next) && repeated.has(key(lines[r]!))) skipped.push(r++);
      // (or a group row: its label printed at the top of the new page)
      if (!isRowStart(lines[r] ?? '', next) && groupAt(lines, r, next, headerAt) === 0) break;
      k = r;
    } else break;
  }
  return rows.length === 0 ? null : { header, rows, skipped, heads, groups };
}

/**
 * A group row at line `k`: a label alone in the first column (`一、知识产权保护方面（共5项）`,
 * a row of one cell over the table's width, printed in the narrow first column), wrapped over
 * two to six lines of one short word each at the left edge, as wide as the first up to the
 * last, which may be narrower (they fill the column; the end of a wrapped cell, `则`, is one
 * line); then row `next` (or a row numbered from 1 again or on past it), the header printed
 * again (`header(k)`: its line count) or, up to four times, another group. Its line count, or 0.
 */
function groupAt(lines: readonly string[], k: number, next: number, header: (k: number) => number, depth = 0): number {
  const width = displayWidth(lines[k]?.trimEnd() ?? '');
  let g = 0;
  for (; g < 6 && k + g < lines.length; g++) {
    const s = lines[k + g]!;
    // A line that opens a numbered label (`三、`) begins the next group.
    if (blank(s) || s[0] === ' ' || rowNumberOf(s) !== null || (g > 0 && numberedItem(s) !== null)) break;
    const ws = words(s);
    if (ws.length > 1) break;
    if (ws[0]!.text.length > MAX_WORD || NUMBER.test(ws[0]!.text)) return 0;
    // A line narrower than the first is the label's last; one wider by more than a character
    // is none of it (a character of full-width punctuation may stand out: `（共4项）`).
    const w = displayWidth(s.trimEnd());
    if (w > width + 2) return 0;
    if (w < width) {
      g++;
      break;
    }
  }
  const after = lines[k + g] ?? '';
  if (g < 2) return 0;
  if (isRowStart(after, next) || afterGroup(after, next) || header(k + g) > 0) return g;
  return depth < 4 && groupAt(lines, k + g, next, header, depth + 1) > 0 ? g : 0;
}

/** The group rows of a layout read into rows (the label in the first cell), put among `rows` in order. */
function withGroups(
  lines: readonly string[],
  lay: Layout,
  rows: BlockRow[],
  n: number,
  cell: (k: number, w: Word) => BlockCell,
): BlockRow[] {
  const groups = lay.groups ?? [];
  if (groups.length === 0) return rows;
  const out: BlockRow[] = [];
  let g = 0;
  const put = (upTo: number): void => {
    for (; g < groups.length && groups[g]!.row <= upTo; g++) {
      const at = groups[g]!.lines;
      const label = cell(at[0]!, words(lines[at[0]!]!)[0]!);
      for (const k of at.slice(1)) label.text = joinNote(label.text, lines[k]!.trim());
      const empty = cell(at[0]!, { text: '', at: 0 });
      out.push({ line: at[0]! + 1, cells: [label, ...Array.from({ length: n - 1 }, () => ({ ...empty }))] });
    }
  };
  rows.forEach((r, x) => {
    put(x);
    out.push(r);
  });
  put(Infinity);
  return out;
}

/** A row's first line: its row number `n` at the left edge, then a word. */
function isRowStart(s: string, n: number): boolean {
  return rowNumberOf(s) === n;
}

/** The row number a line starts with (at the left edge, then a word), or null. */
function rowNumberOf(s: string): number | null {
  const ws = words(s);
  return ws.length >= 2 && ws[0]!.at === 0 && INDEX.test(ws[0]!.text) ? Number(ws[0]!.text) : null;
}

/**
 * A row after a group row that numbers its group from 1 again, or numbers on past `next` by
 * fewer than fifty (a text with rows left out, 本文有删减: the next group's numbers go on where
 * the original's did).
 */
function afterGroup(s: string, next: number): boolean {
  const n = rowNumberOf(s);
  return n !== null && (n === 1 || (n > next && n < next + 50));
}

/** One row (or the header) from its lines: the first fills the columns, the others wrap into them. */
function readRow(
  lines: readonly string[],
  at: readonly number[],
  refs: readonly number[],
  cell: (k: number, w: Word) => BlockCell,
  head: boolean,
  geo: { widths: readonly number[]; dist?: RowGeometry['dist']; known?: boolean; splits?: Map<number, number[] | null> },
): BlockRow {
  const n = refs.length;
  const first = at[0]!;
  const ws = glued(words(lines[first]!));
  const { widths } = geo;
  // Where the columns' starts are known from other rows, a line of more or fewer words than columns is placed by them.
  const byPosition = (): number[] | null =>
    geo.known && ws.length !== n ? fitStarts(ws, { starts: refs, widths, dist: geo.dist, caps: fullLines(lines, at) }) : null;
  // (The widths are the same on each reading of the table: its splitShort is kept.)
  const split = (): number[] | null => {
    const kept = geo.splits?.get(first);
    if (kept !== undefined) return kept;
    const got = splitShort(ws, widths);
    geo.splits?.set(first, got);
    return got;
  };
  const place = (!head && (split() ?? byPosition())) || placeFirst(ws, refs);
  const { cells, g } = firstLineCells(ws, place, refs, { first, line: lines[first]!, cell, head, centres: [...refs] });
  // Wrapped lines go on the cells of text; in a body row also the cells the first line left
  // empty at its end (pdftotext may print a short cell a line lower, out of order).
  const filled = cells.map((c) => c.text !== '').lastIndexOf(true);
  const open = cells.map((c, x) => (c.text !== '' && (head || !NUMBER.test(c.text))) || (!head && x > filled && place.length > 1));
  for (const k of at.slice(1)) wrapInto(cells, open, g, glued(words(lines[k]!)), lineEnd(lines[k]!), (w) => cell(k, w));
  return { line: first + 1, cells: cells.slice(0, n) };
}

/**
 * The full lines of a row's wrapped cells: a word of a wrapped line with a word starting within
 * two of it on the next line (its cell goes on: the line is as wide as the cell's column).
 */
function fullLines(lines: readonly string[], at: readonly number[]): Array<{ at: number; width: number }> {
  const out: Array<{ at: number; width: number }> = [];
  for (let k = 1; k + 1 < at.length; k++) {
    const below = words(lines[at[k + 1]!]!);
    for (const w of words(lines[at[k]!]!))
      if (below.some((b) => Math.abs(b.at - w.at) <= 2)) out.push({ at: w.at, width: displayWidth(w.text) });
  }
  return out;
}

/**
 * The column of each word of a row's first line. As many words as columns or more (the
 * rest join the last), or words mostly one space apart (no room to tell an empty cell): in
 * order from the left. Fewer words, most gaps wide: each to the nearest header word's start, in
 * order, leaving room for the words still to come.
 */
export function placeFirst(ws: readonly Word[], refs: readonly number[]): number[] {
  const n = refs.length;
  let wide = 0;
  for (let k = 1; k < ws.length; k++) if (ws[k]!.at - (ws[k - 1]!.at + ws[k - 1]!.text.length) >= 2) wide++;
  if (ws.length >= n || wide * 2 <= ws.length - 1) return ws.map((_, x) => Math.min(x, n - 1));
  const out: number[] = [];
  let from = 0;
  ws.forEach((w, x) => {
    let best = from;
    let d = Infinity;
    for (let q = from; q <= n - (ws.length - x); q++) {
      const e = Math.abs(w.at - refs[q]!);
      if (e < d) [d, best] = [e, q];
    }
    out.push(best);
    from = best + 1;
  });
  return out;
}

/**
 * The widest text (display width, CJK = 2) each column holds on the first line of the rows
 * whose first line has one word per column: how much of a line a column is known to take.
 */
export function columnWidths(
  lines: readonly string[],
  rows: readonly number[][],
  n: number,
  from: (row: number) => number = () => 0,
): number[] {
  const out = new Array<number>(n).fill(0);
  rows.forEach((r, x) => {
    const ws = glued(words(lines[r[0]!]!)).slice(from(x));
    if (ws.length === n) ws.forEach((w, k) => (out[k] = Math.max(out[k]!, displayWidth(w.text))));
  });
  return out;
}

/**
 * A row's first line with more words than columns, cut by wide gaps (two spaces or more:
 * where pdftotext starts a new piece of the line) into no more pieces than columns: a piece
 * may hold several cells, pdftotext having left a single space between a cell that fills its
 * column and the short cell after it. Each piece starts a cell; the cuts inside pieces are
 * those whose cells exceed, the least (each relative to it), the width their columns take in
 * the rows read one word a column (the last column is unbounded). Null when no width is
 * known, or when two readings are equally good: the words are then placed in order.
 */
export function splitShort(ws: readonly Word[], widths: readonly number[]): number[] | null {
  const n = widths.length;
  const N = ws.length;
  if (N <= n || !widths.some((w) => w > 0)) return null;
  const starts = new Uint8Array(N + 1);
  for (let k = 1; k < N; k++) starts[k] = ws[k]!.at - (ws[k - 1]!.at + ws[k - 1]!.text.length) >= 2 ? 1 : 0;
  // cost[y][c]: the least excess with words 0..y-1 in columns 0..c-1; from[y][c]: where column c-1 began.
  const cost = Array.from({ length: N + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from = Array.from({ length: N + 1 }, () => new Array<number>(n + 1).fill(-1));
  const tie = Array.from({ length: N + 1 }, () => new Array<boolean>(n + 1).fill(false));
  cost[0]![0] = 0;
  for (let c = 0; c < n; c++)
    for (let x = 0; x < N; x++) {
      if (cost[x]![c] === Infinity) continue;
      let text = '';
      for (let y = x + 1; y <= N; y++) {
        if (y > x + 1 && starts[y - 1]) break;
        text = text ? `${text} ${ws[y - 1]!.text}` : ws[y - 1]!.text;
        if (c === n - 1 && y < N) continue;
        const e = cost[x]![c]! + (c === n - 1 ? 0 : Math.max(0, displayWidth(text) - widths[c]!) / Math.max(widths[c]!, 1));
        const old = cost[y]![c + 1]!;
        if (Math.abs(e - old) < 1e-9) tie[y]![c + 1] = true;
        else if (e < old) [cost[y]![c + 1], from[y]![c + 1], tie[y]![c + 1]] = [e, x, tie[x]![c]!];
      }
    }
  if (cost[N]![n] === Infinity || tie[N]![n]) return null;
  const place = new Array<number>(N);
  for (let y = N, c = n; c > 0; c--) {
    const x = from[y]![c]!;
    for (let k = x; k < y; k++) place[k] = c - 1;
    y = x;
  }
  return place;
}

/** fitStarts places a line of at most this many words more than columns (its work grows as the square of the words). */
const MORE_WORDS = 8;

/** What places a first line by position (fitStarts). */
export interface Fit {
  /** Where each column starts, in this part of the table. */
  starts: readonly number[];
  /** The display width each column is known to take (0: unknown). */
  widths: readonly number[];
  /** How far column b starts after column a on one line (a < b), in rows of this part of the table; null: unknown. */
  dist?: (a: number, b: number) => number | null;
  /** Full lines of wrapped cells below: a cell whose text starts within two of `at` is at most `width` wide. */
  caps?: ReadonlyArray<{ at: number; width: number }>;
}

/**
 * A row's first line placed by position, where its words are not one a column: the words in
 * order, each piece between wide gaps starting a cell, the first in the first column; the
 * placement whose cells start nearest where their columns start, the cheaper of two measures:
 * the column's start in this part of the table, or its distance from the cell before in the
 * rows (positions drift along a line); a start left of it counts twice (text is pushed right).
 * A word running into the space before the next column counts twice its overrun (the larger of
 * the two measures), and a cell wider than its column is known to be, or than a full wrapped
 * line below it, its excess (display width). Equally good: the one of more cells; null when
 * two placements of as many cells are equally good.
 */
export function fitStarts(ws: readonly Word[], fit: Fit): number[] | null {
  const { starts } = fit;
  const n = starts.length;
  const N = ws.length;
  // Many more words than columns (sentences of words, not cells): not placed by position.
  if (N === 0 || N > n + MORE_WORDS) return null;
  const score = fitScore(ws, fit);
  // State (x, c, y): word x in column c, its cell starting at word y. best: cost, cells, the
  // state before, and whether two ways reach it equally.
  const S = (x: number, c: number, y: number): number => (x * n + c) * N + y;
  const cost = new Float64Array(N * n * N).fill(Infinity);
  const cells = new Int32Array(N * n * N);
  const back = new Int32Array(N * n * N).fill(-1);
  const tie = new Uint8Array(N * n * N);
  cost[S(0, 0, 0)] = score.start(0, 0, -1, 0) + score.cell(0, 0, 0);
  cells[S(0, 0, 0)] = 1;
  const offer = (to: number, e: number, k: number, from: number): void => {
    if (e === cost[to] && k === cells[to]) tie[to] = 1;
    else if (e < cost[to]! || (e === cost[to] && k > cells[to]!)) [cost[to], cells[to], back[to], tie[to]] = [e, k, from, tie[from]!];
  };
  for (let x = 1; x < N; x++) {
    const piece = ws[x]!.at - (ws[x - 1]!.at + ws[x - 1]!.text.length) >= 2;
    for (let c = 0; c < n; c++)
      for (let y = 0; y < x; y++) {
        const here = S(x - 1, c, y);
        if (cost[here] === Infinity) continue;
        if (!piece) offer(S(x, c, y), cost[here]! + score.cell(x, c, y) - score.cell(x - 1, c, y), cells[here]!, here);
        for (let q = c + 1; q < n; q++)
          offer(S(x, q, x), cost[here]! + score.start(x, q, c, ws[y]!.at) + score.cell(x, q, x), cells[here]! + 1, here);
      }
  }
  let best = -1;
  let same = 0;
  for (let c = 0; c < n; c++)
    for (let y = 0; y < N; y++) {
      const t = S(N - 1, c, y);
      if (cost[t] === Infinity) continue;
      if (best < 0 || cost[t]! < cost[best]! || (cost[t] === cost[best] && cells[t]! > cells[best]!)) [best, same] = [t, tie[t]!];
      else if (cost[t] === cost[best] && cells[t] === cells[best]) same = 1;
    }
  if (best < 0 || same) return null;
  const place = new Array<number>(N);
  for (let t = best, x = N - 1; x >= 0; x--, t = back[t]!) place[x] = Math.floor(t / N) % n;
  return place;
}

/**
 * fitStarts' measures: `start(x, c, p, ap)`, word x starting a cell in column c after a cell
 * of column p starting at ap (p = -1: none); `cell(x, c, y)`, the cell of words y..x in column
 * c: its words' overrun into the next column's space, and its excess over the widths known.
 */
function fitScore(ws: readonly Word[], fit: Fit) {
  const { starts, widths } = fit;
  const n = starts.length;
  const miss = (e: number): number => Math.abs(e) + Math.max(0, -e);
  const dist = (a: number, b: number): number | null => (a < 0 ? null : (fit.dist?.(a, b) ?? null));
  const cap = (at: number): number => {
    let w = Infinity;
    for (const k of fit.caps ?? []) if (Math.abs(k.at - at) <= 2) w = Math.min(w, k.width);
    return w;
  };
  const start = (x: number, c: number, p: number, ap: number): number => {
    const d = dist(p, c);
    return Math.min(miss(ws[x]!.at - starts[c]!), d === null ? Infinity : miss(ws[x]!.at - ap - d));
  };
  const cell = (x: number, c: number, y: number): number => {
    let e = 0;
    const d = c + 1 < n ? dist(c, c + 1) : null;
    for (let k = y; k <= x && c + 1 < n; k++) {
      const end = ws[k]!.at + ws[k]!.text.length + 1;
      e += 2 * Math.max(0, end - starts[c + 1]!, d === null ? 0 : end - (ws[y]!.at + d));
    }
    let w = 0;
    for (let k = y; k <= x; k++) w += (k > y ? 1 : 0) + displayWidth(ws[k]!.text);
    return e + Math.max(0, w - cap(ws[y]!.at)) + (widths[c]! > 0 && c + 1 < n ? Math.max(0, w - widths[c]!) : 0);
  };
  return { start, cell };
}

export const lineEnd = (s: string): number => s.trimEnd().length;
/** Where a word's middle stands: its start, plus half its width (a CJK character two columns wide). */
export const centre = (w: Word): number => w.at + displayWidth(w.text) / 2;

/**
 * Where a row's columns stand: the first line's word starts and width, and the middle of
 * each column's text on the latest line that held some.
 */
export interface Geometry {
  starts: number[];
  width: number;
  centres: number[];
  /** A header row: its cells are centred (a lone word goes by middles), a body row's left-aligned (by starts). */
  head: boolean;
}

/**
 * A wrapped line's words into the open columns, in order. As many words as columns: one
 * each. A lone word (nothing pushed it along): the column whose text on the lines above
 * has its middle nearest. Several words: each to the nearest column start, the line
 * scaled to the first line's width (unless an open column starts past that width: a cell the
 * first line left empty, printed a line lower).
 */
export function wrapInto(
  cells: BlockCell[],
  open: readonly boolean[],
  g: Geometry,
  ws: readonly Word[],
  end: number,
  cell: (w: Word) => BlockCell,
  join: (a: string, b: string) => string = joinCell,
): void {
  const cand = open.map((o, i) => (o ? i : -1)).filter((i) => i >= 0);
  if (cand.length === 0) return;
  // (Not when a column open to it starts past the first line's end: a cell printed a line lower.)
  const beyond = cand.some((i) => g.starts[i]! >= g.width);
  const scale = end > g.width && ws.length > 1 && !beyond ? g.width / end : 1;
  const placed = new Map<number, Word[]>();
  let from = 0;
  ws.forEach((w, x) => {
    let best = from;
    if (cand.length === ws.length) best = x;
    else {
      let d = Infinity;
      for (let q = from; q < cand.length; q++) {
        const e = ws.length === 1 && g.head ? Math.abs(centre(w) - g.centres[cand[q]!]!) : Math.abs(w.at * scale - g.starts[cand[q]!]!);
        if (e < d) [d, best] = [e, q];
      }
    }
    const c = cells[cand[best]!]!;
    if (c.text === '') Object.assign(c, cell(w));
    else c.text = join(c.text, w.text);
    placed.set(cand[best]!, [...(placed.get(cand[best]!) ?? []), w]);
    from = best;
  });
  for (const [c, put] of placed) {
    const last = put[put.length - 1]!;
    g.centres[c] = (put[0]!.at + last.at + displayWidth(last.text)) / 2;
  }
}

/**
 * Wrapped text joined: no space between CJK characters, nor beside a slash or a plus sign (a
 * list, path or sum `甲/乙/丙`, `甲+乙` wraps after or before one: `跳转事项/` + `链接`); else one.
 */
export function joinCell(a: string, b: string): string {
  if (a.charCodeAt(a.length - 1) > 0x2e7f && b.charCodeAt(0) > 0x2e7f) return a + b;
  if (/[/+]$/.test(a) || /^[/+]/.test(b)) return a + b;
  return `${a} ${b}`;
}

/**
 * Wrapped text joined: without a space where either side is CJK (`新建1` + `家`, `比例` +
 * `(%)`: Chinese text wraps at the column's edge, not at a space), except before a bracket
 * opening a note after a value (`9.72` + `（编制床位）`); else as joinCell.
 */
export function joinNote(a: string, b: string): string {
  const cjk = (c: number): boolean => c > 0x2e7f;
  if (/^[(（]/.test(b) && !cjk(a.charCodeAt(a.length - 1))) return joinCell(a, b);
  return cjk(a.charCodeAt(a.length - 1)) || cjk(b.charCodeAt(0)) ? a + b : joinCell(a, b);
}

/**
 * The cells of a row's first line: word x goes to column `place[x]` (the words of one column
 * joined by a space), and the geometry they give — where each column starts and its centre,
 * `at.centres` for a column no word of the line falls in.
 */
export function firstLineCells(
  ws: readonly Word[],
  place: readonly number[],
  refs: readonly number[],
  at: { first: number; line: string; cell: (k: number, w: Word) => BlockCell; head: boolean; centres: number[] },
): { cells: BlockCell[]; g: Geometry } {
  const { first, cell } = at;
  const empty = cell(first, { text: '', at: 0 }).offset;
  const cells: BlockCell[] = refs.map(() => ({ text: '', line: first + 1, column: 1, offset: empty }));
  const g: Geometry = { starts: [...refs], width: lineEnd(at.line), centres: at.centres, head: at.head };
  ws.forEach((w, x) => {
    const c = place[x]!;
    if (cells[c]!.text !== '') {
      cells[c]!.text += ` ${w.text}`;
      return;
    }
    cells[c] = cell(first, w);
    g.starts[c] = w.at;
    g.centres[c] = centre(w);
  });
  return { cells, g };
}
