/**
 * Numbered tables of `pdftotext -layout`, read from the order of their words. A table with
 * many narrow columns (a summary table of 13 columns on a portrait page) comes out with ONE
 * space between its cells, and its positions drift: pdftotext's grid counts one column per
 * character and keeps at least one space between words, so a longer number pushes everything
 * to its right along, and a wrapped line below does not drift the same way. Gap columns and
 * fixed positions do not find its columns; the order of the words does.
 *
 * What is read as one: a header line from the left edge of four or more short words (no
 * sentence punctuation, each at most eight characters; a header indented to centre it is the
 * column reader's), its wrapped lines, then rows numbered 1, 2, 3 … from the left edge, each
 * followed by its wrapped lines (indented). At a page break the furniture and the lines
 * repeated from the table's head (the header, a title row above it) are skipped. Columns are
 * the header's words.
 *
 * - A row's first line with more words than columns: each piece between wide gaps starts a
 *   cell, and a piece holding two cells (a short cell printed one space after one that fills
 *   its column) is cut where the cells exceed least the widths their columns take in the rows
 *   read one word a column (splitShort).
 * - Else, as many words as columns or more (the rest join the last cell with
 *   a space), or words mostly one space apart (no room to tell an empty cell: the empty ones
 *   are the last): in order from the left. Fewer words with wide gaps: each to the nearest
 *   header word, in order.
 * - A wrapped line: its words go, in order, to the columns whose first line holds text that
 *   can wrap (not a number, in a body row): one each when there are as many; else each to the
 *   nearest column start once the line is scaled to the first line's width (the drift grows
 *   to the right); a lone word (nothing pushed it) to the nearest start in a body row (cells
 *   are left-aligned) and to the nearest middle of the text above it in the header (centred).
 *   A word that starts with a closing mark (`²)`) stays with the word before it.
 */
import type { BlockCell, BlockRow, TableBlock } from './reading.js';
import { displayWidth } from './text.js';

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
  if (blank(s) || s[0] === ' ' || s.length > 120 || SENTENCE.test(s) || s.startsWith('|')) return false;
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
): DenseTable | null {
  const lay = layoutFrom(lines, h, furniture);
  if (!lay || lay.rows.length < 2) return null;
  const columns = glued(words(lines[h]!));
  const cell = cellMaker(offsets);
  const refs = columns.map((w) => w.at);
  const widths = columnWidths(lines, lay.rows, refs.length);
  const header = readRow(lines, lay.header, refs, cell, true, widths);
  const rows = lay.rows.map((r) => readRow(lines, r, refs, cell, false, widths));
  return tableOf(h, lay, header, rows);
}

/** The cell of word `w` on line `k` (0-based), with its place in the text (`offsets`: where each line starts). */
export function cellMaker(offsets: readonly number[]): (k: number, w: Word) => BlockCell {
  return (k, w) => ({ text: w.text, line: k + 1, column: w.at + 1, offset: offsets[k]! + w.at });
}

/** The table read from the layout found at header line `h`: its block and the lines it took. */
export function tableOf(h: number, lay: Layout, header: BlockRow, rows: BlockRow[]): DenseTable {
  const all = [...lay.header, ...lay.rows.flat()];
  const last = Math.max(...all, ...lay.skipped);
  return {
    block: { kind: 'table', form: 'columns', startLine: h + 1, endLine: last + 1, header, rows },
    rowLines: all,
    skipped: lay.skipped,
  };
}

/** The header lines, the rows and the skipped lines from line `h`, or null. */
function layoutFrom(lines: readonly string[], h: number, furniture: (k: number) => boolean): Layout | null {
  const header = [h];
  let k = h + 1;
  for (; k < lines.length && k <= h + 3 && !blank(lines[k]) && !isRowStart(lines[k]!, 1); k++) header.push(k);
  const rows: number[][] = [];
  const skipped: number[] = [];
  const repeated = new Set<string>();
  for (let t = Math.max(0, h - 3); t < k; t++) if (!blank(lines[t])) repeated.add(key(lines[t]!));
  let next = 1;
  while (k < lines.length) {
    const s = lines[k]!;
    if (isRowStart(s, next)) {
      rows.push([k]);
      next++;
      k++;
    } else if (rows.length > 0 && !blank(s) && s.startsWith(' ') && !isRowStart(s.trimStart(), next)) {
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
      let r = j;
      while (r < j + 4 && r < lines.length && !isRowStart(lines[r]!, next) && repeated.has(key(lines[r]!))) skipped.push(r++);
      if (!isRowStart(lines[r] ?? '', next)) break;
      k = r;
    } else break;
  }
  return rows.length === 0 ? null : { header, rows, skipped };
}

/** A row's first line: its row number `n` at the left edge, then a word. */
function isRowStart(s: string, n: number): boolean {
  const ws = words(s);
  return ws.length >= 2 && ws[0]!.at === 0 && INDEX.test(ws[0]!.text) && Number(ws[0]!.text) === n;
}

/** One row (or the header) from its lines: the first fills the columns, the others wrap into them. */
function readRow(
  lines: readonly string[],
  at: readonly number[],
  refs: readonly number[],
  cell: (k: number, w: Word) => BlockCell,
  head: boolean,
  widths: readonly number[],
): BlockRow {
  const n = refs.length;
  const first = at[0]!;
  const ws = glued(words(lines[first]!));
  const place = (!head && splitShort(ws, widths)) || placeFirst(ws, refs);
  const { cells, g } = firstLineCells(ws, place, refs, { first, line: lines[first]!, cell, head, centres: [...refs] });
  const open = cells.map((c) => c.text !== '' && (head || !NUMBER.test(c.text)));
  for (const k of at.slice(1)) wrapInto(cells, open, g, glued(words(lines[k]!)), lineEnd(lines[k]!), (w) => cell(k, w));
  return { line: first + 1, cells: cells.slice(0, n) };
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
 * scaled to the first line's width.
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
  const scale = end > g.width && ws.length > 1 ? g.width / end : 1;
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
 * Wrapped text joined: no space between CJK characters, nor beside a slash (a list or path
 * `甲/乙/丙` wraps after or before one: `跳转事项/` + `链接`); else one.
 */
export function joinCell(a: string, b: string): string {
  if (a.charCodeAt(a.length - 1) > 0x2e7f && b.charCodeAt(0) > 0x2e7f) return a + b;
  if (a.endsWith('/') || b.startsWith('/')) return a + b;
  return `${a} ${b}`;
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
