/**
 * Numbered tables of `pdftotext -layout` whose row numbers stand in the SECOND column, after
 * a label column: a group's name printed on the group's first row only (a merged cell; the
 * core fills it down), at the left edge, the row number one space or more after it; the
 * other rows of the group start with their number alone, indented. The header is indented
 * (centred over its columns), and a header cell may hold a space (`2025 年目标值`).
 *
 * What is read as one: a header line of three or more short words (no sentence
 * punctuation), up to three wrapped header lines, then rows numbered 1, 2, 3 …: the first
 * one with a label (one to three words from the left edge), the others with or without one;
 * a row with a label may number its group from 1 again. A row's other lines: indented
 * lines, and, in a row with a label (the label wraps), lines from the left edge starting with
 * a short word. Page breaks as in pdftotext-dense.ts.
 *
 * - Columns: the label, the number, then as many as the most pieces (between gaps of two
 *   spaces or more) a row's first line holds after its number, or the most common count of
 *   its words there (cells one space apart), if more: two at least (a label, a number and
 *   one text is a numbered list under a title). The number stands under the second header cell.
 * - The header: its pieces between wide gaps; when fewer than the columns, a piece is cut at
 *   the one-space gaps whose next word starts nearest the start of a column (right of the
 *   piece's own) in the first row that holds every column.
 * - A row's cells after the number: read as a dense row (pdftotext-dense.ts: pieces start
 *   cells, a piece holding two is cut by the widths the columns take elsewhere); a word one
 *   space after another stays with it when led by a slash, by an opening bracket after a
 *   value, or when it closes a bracket the word before left open (cellWords).
 * - Wrapped lines: from one at the left edge, the leading words no wider than the widest
 *   label word and starting left of the row's number go to the label; the rest go to the
 *   other columns as in pdftotext-dense.ts. Wrapped text joins without a space where either
 *   side is CJK (joinNote).
 */
import type { BlockCell, BlockRow } from './reading.js';
import { displayWidth } from './text.js';
import type { DenseTable, Geometry, Layout as DenseLayout, Word } from './pdftotext-dense.js';
import {
  INDEX,
  MAX_WORD,
  NUMBER,
  SENTENCE,
  blank,
  cellMaker,
  centre,
  columnWidths,
  firstLineCells,
  glued,
  indentOf,
  joinCell,
  joinNote,
  textAfterTable,
  piecesOf as pieces,
  key,
  lineEnd,
  placeFirst,
  splitShort,
  tableOf,
  words,
  wrapInto,
} from './pdftotext-dense.js';

/**
 * The words of a line as cell parts: closing marks glued to the word before (pdftotext-dense.ts),
 * and, one space after a word, a word that goes on with it: one led by a slash (`10(平) /20(急)`),
 * by an opening bracket after a value (a note on it: `≥10 （区属公立医院）`; not after Chinese
 * text, where the next column's cell may start with one: `（镇）`), or one that closes a
 * bracket left open (`(1/10 万)`).
 */
export function cellWords(s: string): Word[] {
  const out: Word[] = [];
  for (const w of glued(words(s))) {
    const last = out[out.length - 1];
    if (last && w.at === last.at + last.text.length + 1 && goesOn(last.text, w.text))
      out[out.length - 1] = { text: `${last.text} ${w.text}`, at: last.at };
    else out.push(w);
  }
  return out;
}

const OPENING = /^[(（]/;

/** Word `b` (one space after `a`) is part of the same cell. */
function goesOn(a: string, b: string): boolean {
  if (b.startsWith('/') || (OPENING.test(b) && a.charCodeAt(a.length - 1) <= 0x2e7f)) return true;
  const open = (a.match(/[(（]/g) ?? []).length - (a.match(/[)）]/g) ?? []).length;
  const close = b.search(/[)）]/);
  const opens = b.search(/[(（]/);
  return open > 0 && close >= 0 && (opens < 0 || close < opens);
}

/** A possible header line: three or more short words, no sentence punctuation, no leading number. */
export function labelledHeader(s: string): boolean {
  if (blank(s) || s.length > 120 || SENTENCE.test(s) || s.trimStart().startsWith('|')) return false;
  const ws = words(s);
  return ws.length >= 3 && !ws.some((w) => w.text.length > MAX_WORD) && !NUMBER.test(ws[0]!.text);
}

/**
 * Where row `n` starts in line `s`: the index of its number among the words (0: no label; 1 to
 * 3: after a label of as many words from the left edge), or -1.
 */
function rowStart(s: string, n: number): number {
  const ws = words(s);
  const is = (w: Word | undefined): boolean => w !== undefined && INDEX.test(w.text) && Number(w.text) === n;
  if (ws.length >= 2 && is(ws[0])) return 0;
  if (ws.length < 3 || ws[0]!.at !== 0) return -1;
  for (let j = 1; j <= 3 && j + 1 < ws.length; j++) {
    if (is(ws[j])) return j;
    if (NUMBER.test(ws[j - 1]!.text) || SENTENCE.test(ws[j - 1]!.text)) return -1;
  }
  return -1;
}

/**
 * A row's other line: indented right of where the row's number starts (`numAt`: a wrapped
 * cell stands under the columns after it; a line less indented — a paragraph's first line,
 * printed two characters in — is the text after the table), or (in a row with a label: the
 * label wraps) one from the left edge starting with a short word.
 */
function continues(s: string, labelled: boolean, numAt: number): boolean {
  if (blank(s)) return false;
  if (s.startsWith(' ')) return indentOf(s) > numAt && !textAfterTable(s);
  const first = words(s)[0]!;
  return labelled && first.text.length <= MAX_WORD && !SENTENCE.test(first.text) && !NUMBER.test(first.text);
}

interface Layout extends DenseLayout {
  /** Each row's number. */
  nums: number[];
}

/** The header lines, rows and skipped lines from header line `h`, or null (row 1 must carry a label). */
function layoutFrom(lines: readonly string[], h: number, furniture: (k: number) => boolean): Layout | null {
  const header = [h];
  let k = h + 1;
  for (; k < lines.length && k <= h + 3 && !blank(lines[k]) && rowStart(lines[k]!, 1) < 0; k++) header.push(k);
  if (rowStart(lines[k] ?? '', 1) < 1) return null;
  const rows: number[][] = [];
  const skipped: number[] = [];
  const repeated = new Set(header.map((t) => key(lines[t]!)));
  const nums: number[] = [];
  let next = 1;
  // A row: the next number, or 1 after a label (a group numbered from 1 again).
  const starts = (s: string): boolean => rowStart(s, next) >= 0 || (rows.length > 0 && rowStart(s, 1) > 0);
  // The last row: whether it has a label, and where its number starts in its first line.
  let labelled = false;
  let numAt = 0;
  while (k < lines.length) {
    const s = lines[k]!;
    if (starts(s)) {
      const num = rowStart(s, next) >= 0 ? next : 1;
      const at = rowStart(s, num);
      labelled = at > 0;
      numAt = words(s)[at]!.at;
      nums.push(num);
      next = num + 1;
      rows.push([k++]);
    } else if (rows.length > 0 && continues(s, labelled, numAt) && !furniture(k)) rows[rows.length - 1]!.push(k++);
    else if (rows.length > 0 && (blank(s) || furniture(k))) {
      let j = k;
      let page = false;
      for (; j < lines.length && (blank(lines[j]) || furniture(j)); j++) if (furniture(j)) page = true;
      if (!page) break;
      let r = j;
      while (r < j + 4 && r < lines.length && !starts(lines[r]!) && repeated.has(key(lines[r]!))) skipped.push(r++);
      if (!starts(lines[r] ?? '')) break;
      k = r;
    } else break;
  }
  return { header, rows, nums, skipped };
}

/** The words of a row's first line: its label (words before the number), its number, the words after it. */
function split(s: string, n: number): { label: Word[]; num: Word; rest: Word[] } {
  const ws = words(s);
  const at = rowStart(s, n);
  const num = ws[at]!;
  return { label: ws.slice(0, at), num, rest: cellWords(s).filter((w) => w.at > num.at) };
}

/** The most common of `xs` (the largest of those equally common). */
function mode(xs: readonly number[]): number {
  const count = new Map<number, number>();
  for (const x of xs) count.set(x, (count.get(x) ?? 0) + 1);
  let best = 0;
  for (const [x, c] of count) if (c > (count.get(best) ?? 0) || (c === count.get(best) && x > best)) best = x;
  return best;
}

/**
 * The header's cells from its first line: the pieces between wide gaps, cut at one-space gaps
 * when fewer than `n`, at the words starting nearest a start in `starts` (the columns of a
 * full row) right of their piece's start. Null when they cannot make `n` cells.
 */
export function headerCells(ws: readonly Word[], n: number, starts: readonly number[]): Word[] | null {
  let ps = pieces(ws);
  if (ps.length > n) return null;
  // Every one-space gap: a possible cut, as far from a column start as the word after it is
  // (a start right of where its piece begins: the piece's own column is the one it starts).
  const cuts: Array<{ x: number; d: number }> = [];
  let from = ws[0]?.at ?? 0;
  for (let x = 1; x < ws.length; x++) {
    const gap = ws[x]!.at - (ws[x - 1]!.at + ws[x - 1]!.text.length);
    if (gap >= 2) from = ws[x]!.at;
    else cuts.push({ x, d: Math.min(...starts.filter((s) => s > from).map((s) => Math.abs(s - ws[x]!.at))) });
  }
  if (cuts.length < n - ps.length) return null;
  const take = new Set(
    cuts
      .sort((a, b) => a.d - b.d || a.x - b.x)
      .slice(0, n - ps.length)
      .map((c) => c.x),
  );
  ps = [];
  ws.forEach((w, x) => {
    const last = ps[ps.length - 1];
    const gap = last ? w.at - (ws[x - 1]!.at + ws[x - 1]!.text.length) : 2;
    if (last && gap < 2 && !take.has(x)) ps[ps.length - 1] = { text: `${last.text} ${w.text}`, at: last.at };
    else ps.push({ ...w });
  });
  return ps;
}

/** The table whose header stands at line `h` (0-based), or null. */
export function labelledTableAt(
  lines: readonly string[],
  offsets: readonly number[],
  h: number,
  furniture: (k: number) => boolean,
): DenseTable | null {
  const lay = layoutFrom(lines, h, furniture);
  if (!lay || lay.rows.length < 2) return null;
  const firsts = lay.rows.map((r, x) => split(lines[r[0]!]!, lay.nums[x]!));
  const most = Math.max(...firsts.map((f) => pieces(f.rest).length));
  const n = Math.max(most, mode(firsts.map((f) => f.rest.length))) + 2;
  // A label, a number and one text (a numbered list under a title) is no table of this form.
  if (n < 4) return null;
  const full = firsts.find((f) => pieces(f.rest).length === most)!;
  const head = headerCells(words(lines[h]!), n, [full.num.at, ...pieces(full.rest).map((p) => p.at)]);
  // The number stands under the second header cell.
  if (!head || nearest(head, firsts[0]!.num.at) !== 1) return null;
  const cell = cellMaker(offsets);
  // Widths from the rows whose words after the number are one a column, as in pdftotext-dense.ts.
  const widths = columnWidths(lines, lay.rows, n - 2, (x) => rowStart(lines[lay.rows[x]![0]!]!, lay.nums[x]!) + 1);
  const refs = head.map((w) => w.at);
  const label = Math.max(...firsts.flatMap((f) => f.label.map((w) => displayWidth(w.text))));
  const header = readRow(lines, lay.header, head, refs, cell, true, () => head.map((_, c) => c), 0);
  const rows = lay.rows.map((r, x) => {
    const f = firsts[x]!;
    const ws = [...f.label, f.num, ...f.rest];
    const rest = splitShort(f.rest, widths) ?? placeFirst(f.rest, refs.slice(2));
    const place = (): number[] => [...f.label.map(() => 0), 1, ...rest.map((c) => c + 2)];
    return readRow(lines, r, ws, refs, cell, false, place, label);
  });
  return tableOf(h, lay, header, rows);
}

/** The index of the cell of `cells` whose start is nearest `at`. */
function nearest(cells: readonly Word[], at: number): number {
  let best = 0;
  cells.forEach((c, x) => {
    if (Math.abs(c.at - at) < Math.abs(cells[best]!.at - at)) best = x;
  });
  return best;
}

/** One row (or the header) from its first line's words placed in columns, its other lines wrapped into them. */
function readRow(
  lines: readonly string[],
  at: readonly number[],
  ws: readonly Word[],
  refs: readonly number[],
  cell: (k: number, w: Word) => BlockCell,
  head: boolean,
  place: () => number[],
  label: number,
): BlockRow {
  const first = at[0]!;
  const where = place();
  const { cells, g } = firstLineCells(ws, where, refs, {
    first,
    line: lines[first]!,
    cell,
    head,
    centres: head ? ws.map(centre) : [...refs],
  });
  // The label column takes, from a line at the left edge, the leading words no wider than a
  // label that start left of the row's number; the other columns the rest.
  const open = cells.map((c, x) => c.text !== '' && (head || (x > 0 && !NUMBER.test(c.text))));
  const fits = (w: Word): boolean => displayWidth(w.text) <= label && w.at < g.starts[1]!;
  for (const k of at.slice(1)) {
    const wrapped = cellWords(lines[k]!);
    let x = 0;
    if (!head && wrapped[0]?.at === 0 && cells[0]!.text !== '')
      for (; x < wrapped.length && fits(wrapped[x]!); x++) cells[0]!.text = joinNote(cells[0]!.text, wrapped[x]!.text);
    wrapInto(cells, open, g, wrapped.slice(x), lineEnd(lines[k]!), (w) => cell(k, w), joinNote);
  }
  return { line: first + 1, cells };
}
