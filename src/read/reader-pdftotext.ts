/**
 * The pdftotext reader: what poppler's `pdftotext` (with or without `-layout`) writes from
 * a PDF of the issue. Pages end in a form feed (`\f`, at the start of the next page's first
 * line); lines are those of the printed page, so titles, TOC entries, paragraphs and table
 * cells come wrapped at the page width, and tables are columns of text aligned by spaces.
 *
 * Lines stay 1:1 with the file (readers.ts). What the reader does:
 * - Form feeds become spaces (columns stay those of the original line).
 * - Page furniture: a running head (a short line naming the gazette — 公报, or a 年第N期
 *   issue line — repeated at least three times) and page numbers (`— 3 —`, `3`, `第 3 页`
 *   as the last or first line of a page) are blanked and reported once each, with their count.
 * - TOC entries wrapped over lines (an entry without its page number `(N)`, followed by
 *   lines that are neither an entry nor a 【section】): the continuation lines are blanked
 *   and their text appended to the entry's first line, so the core reads one entry per
 *   line. The first line's columns stay true; the appended text has none of its own (its
 *   columns point past the end of the original line) — the choice that keeps the 1:1 line
 *   model without inventing lines.
 * - Column-aligned tables (`-layout`): a run of lines cut into three or more segments by
 *   gaps of two spaces or more is a table; its columns are the gaps that run through every
 *   data row (display width: CJK counts two). The lines before the first row whose cells
 *   start at the left are header rows; a later line with an empty first cell is a wrapped
 *   cell and is joined into the row above (each cell keeps its first line and column); a
 *   page break inside a table and the header rows Chromium/Word repeat after it are
 *   skipped. Each table is one block (`form: 'columns'`); in the text the core sees, its
 *   lines become pipe rows, marked as read into a block (removed = 2).
 *   Before that, three other readings take the tables they recognise: numbered tables whose
 *   rows start at the left edge, read from the order and position of their words
 *   (pdftotext-dense.ts: narrow columns one space apart, tables printed in fragments whose
 *   header comes back in other layouts), numbered tables whose numbers follow a label column
 *   (pdftotext-labelled.ts: a group's name on its first row only), and two-column tables
 *   (pdftotext-two.ts: a name and a post under a centred header, or with a wide gap).
 * Plain `pdftotext` (no `-layout`) writes table cells one per line: those tables are not
 * recognised (INPUT_TABLE_LAYOUT_LOST); the TOC, titles and furniture are handled as above,
 * table headers repeated at page tops are blanked, and two-column tables written column
 * after column are paired back (pdftotext-plain.ts).
 */
import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { sourceOf, splitLines } from './lines.js';
import type { Block, BlockCell, BlockRow, Reader } from './reading.js';
import { displayWidth } from './text.js';
import { numberedItem } from './numbered.js';
import { blankFurniture, gazetteLineKey, removeFurniture, removeRunningHeads } from './furniture.js';
import { pairColumns, removeRepeatedHeaders } from './pdftotext-plain.js';
import { denseHeader, denseTableAt, indentOf, PARAGRAPH_INDENT, textAfterTable } from './pdftotext-dense.js';
import { twoCells, twoColumnTableAt } from './pdftotext-two.js';
import { labelledHeader, labelledTableAt } from './pdftotext-labelled.js';

const PAGE_NUMBER = /^\s*(?:[-—–－]+\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[-—–－]+)?\s*$/;
const TOC_ENTRY = /^\s*(?:\d{1,3}\s*[.、．]|[-－]\s)/;
const TOC_PAGE = /[(（]\s*\d{1,4}\s*[)）]\s*$/;
const SECTION = /^\s*【[^】]+】\s*$/;

/** Form feeds at line starts, counted up to `max`. */
function formFeeds(text: string, max: number): number {
  let n = 0;
  for (let i = text.indexOf('\f'); i >= 0 && n < max; i = text.indexOf('\f', i + 1)) n++;
  return n;
}

/** pdftotext's signals: page breaks as form feeds (and no HTML tables: those are Markdown's). */
export function pdftotextSignals(text: string): number {
  const ff = formFeeds(text, 3);
  return ff >= 2 ? 0.7 : ff === 1 ? 0.3 : 0;
}

/** `removed` mark of a line whose text was joined into a line above (not a page break). */
const JOINED = 3;
/** `removed` mark of the first line of a block of text (a title): nothing above it belongs to it. */
const BLOCK_START = 4;

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** A piece of a line between gaps: its text, UTF-16 index, and display columns [from, to). */
interface Segment {
  text: string;
  index: number;
  from: number;
  to: number;
}

/** The segments of `s` separated by runs of at least `gap` spaces. */
export function segments(s: string, gap = 2): Segment[] {
  const out: Segment[] = [];
  let col = 0;
  let i = 0;
  while (i < s.length) {
    while (i < s.length && s[i] === ' ') {
      i++;
      col++;
    }
    if (i >= s.length) break;
    const start = i;
    const from = col;
    let end = i;
    while (i < s.length) {
      if (s[i] === ' ') {
        let k = i;
        while (k < s.length && s[k] === ' ') k++;
        if (k - i >= gap || k >= s.length) break;
        col += k - i;
        i = k;
        continue;
      }
      col += displayWidth(s[i]!);
      i++;
      end = i;
    }
    out.push({ text: s.slice(start, end), index: start, from, to: from + displayWidth(s.slice(start, end)) });
  }
  return out;
}

/** Column ranges of a table: the display columns every row leaves blank split them. */
function columnsOf(rows: readonly Segment[][]): Array<[number, number]> {
  let width = 0;
  for (const r of rows) for (const g of r) width = Math.max(width, g.to);
  const used = new Uint8Array(width);
  for (const r of rows) for (const g of r) for (let c = g.from; c < g.to; c++) used[c] = 1;
  const cols: Array<[number, number]> = [];
  for (let c = 0; c < width;) {
    if (!used[c]) {
      c++;
      continue;
    }
    const a = c;
    while (c < width && used[c]) c++;
    cols.push([a, c]);
  }
  return cols;
}

/**
 * The column a segment belongs to. A column's box runs from where its data starts to where
 * the next column's starts (data is left-aligned in its cell; a header is centred in it):
 * a segment that starts inside a column's data belongs to it, else the box holding its middle.
 */
function columnOf(g: Segment, cols: ReadonlyArray<[number, number]>): number {
  for (let k = 0; k < cols.length; k++) if (g.from >= cols[k]![0] && g.from < cols[k]![1]) return k;
  const mid = (g.from + g.to) / 2;
  for (let k = cols.length - 1; k >= 0; k--) if (mid >= cols[k]![0]) return k;
  return 0;
}

const DATE_LINE = /^\s*[（(]\s*\d{4}\s*年[^)）]*日\s*[)）]\s*$/;

/**
 * Line `j` is a date line or one of the (up to three) lines of one piece of text just above
 * one (a title): a document's head, never a table's.
 */
function headOf(lines: readonly string[], j: number): boolean {
  for (let k = j; k < lines.length && k <= j + 3; k++) {
    if (DATE_LINE.test(lines[k]!)) return true;
    if (segments(lines[k]!).length !== 1) return false;
  }
  return false;
}

/**
 * Two pieces of one wrapped text joined: no space between CJK characters (unless `keep`
 * holds the same two characters on each side of a space: the TOC writing the title), else one.
 */
export function joinWrapped(a: string, b: string, keep = ''): string {
  const x = a.trimEnd();
  const y = b.trim();
  if (x === '') return y;
  return x + wrapSpace(x, y, keep) + y;
}

/** What joinWrapped puts between `x` (not empty, trimmed at its end) and `y` (trimmed): '' or a space. */
function wrapSpace(x: string, y: string, keep = ''): string {
  const last = x.charCodeAt(x.length - 1);
  const first = y.charCodeAt(0);
  if (last > 0x2e7f && first > 0x2e7f && !(keep && keep.includes(`${x.slice(-2)} ${y.slice(0, 2)}`))) return '';
  // CJK punctuation never takes a space beside it: 〔2022〕 + 1067号 is 〔2022〕1067号
  if (cjkPunctuation(last) || cjkPunctuation(first)) return '';
  return ' ';
}

/** CJK and full-width punctuation (〔〕《》，。 （） …). */
const cjkPunctuation = (c: number): boolean => (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20);

/**
 * A line read as a table row: ≥ 3 segments separated by gaps of two spaces or more, and
 * no pipe row (a pipe table is the tables feature's, whatever spaces its cells hold).
 */
const isRowLine = (s: string): boolean => !isPipeRow(s) && segments(s).length >= 3;
const isPipeRow = (s: string): boolean => {
  const t = s.trimStart();
  return t.startsWith('|') || t.startsWith('｜');
};
const key = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The first segment's text of each cell (a wrapped cell's text grows; its start does not). */
const firstText = new WeakMap<BlockCell, string>();

interface Built {
  block: Block;
  /** Lines (0-based) read into the block, and those skipped (repeated headers). */
  rowLines: number[];
  skipped: number[];
}

/** A column-aligned table being read: its lines, their segments, header and columns. */
interface TableScan {
  lines: readonly string[];
  offsets: readonly number[];
  /** The table's lines (0-based): row lines and wrapped cells. */
  run: number[];
  /** Lines skipped: the header repeated after a page break or inside the run. */
  skipped: number[];
  /**
   * Where each page's rows begin in `run`: pdftotext scales each page on its own, so the
   * columns are found page by page.
   */
  groups: number[];
  /** The lines the first page break repeated (the header printed again): how many. */
  repeatedFirst: number;
  /** The segments of each line of the run. */
  segs: Segment[][];
  /** The table's left edge: where data rows start. */
  left: number;
  /** Index in `run` of the first data row: the lines before it are header rows. */
  firstData: number;
  /** Indexes in `run` of the lines kept (repeated headers dropped). */
  keep: number[];
  /** Columns of the first page; those of each page. */
  cols: Array<[number, number]>;
  pageCols: Array<Array<[number, number]>>;
}

/**
 * The column-aligned table starting at line `i` (0-based), or null. `lines` are the lines
 * with furniture blanked; `offsets` the offsets in the reader's text.
 */
function tableAt(lines: readonly string[], offsets: readonly number[], removed: Uint8Array, i: number): Built | null {
  const t: TableScan = {
    lines,
    offsets,
    run: [],
    skipped: [],
    groups: [0],
    repeatedFirst: 0,
    segs: [],
    left: 0,
    firstData: 1,
    keep: [],
    cols: [],
    pageCols: [],
  };
  collectRun(t, removed, i);
  if (t.run.length < 3) return null;
  findHeader(t);
  dropRepeatedHeaders(t);
  if (!findColumns(t)) return null;
  const { rows, rowLines } = tableRows(t);
  if (rows.length < 2) return null;
  const [header, ...body] = rows;
  const { run } = t;
  return {
    block: { kind: 'table', form: 'columns', startLine: run[0]! + 1, endLine: run[run.length - 1]! + 1, header: header!, rows: body },
    rowLines,
    skipped: t.skipped,
  };
}

/**
 * The run from line `i`: row lines, and indented lines (wrapped cells) once a row has been
 * seen; it ends at a blank line, or before a document's head (the lines above a date line).
 */
function collectRun(t: TableScan, removed: Uint8Array, i: number): void {
  const { lines, run } = t;
  const n = lines.length;
  let j = i;
  while (j < n) {
    const s = lines[j]!;
    if (blank(s)) {
      j = afterPageBreak(t, removed, j);
      if (j < 0) break;
      continue;
    }
    // Inside a table a row with empty cells may have two segments only.
    const row = run.length > 0 ? !isPipeRow(s) && segments(s).length >= 2 : isRowLine(s);
    if (headOf(lines, j) || SECTION.test(s) || isPipeRow(s) || (!row && !(s.startsWith('  ') && run.length > 0 && !textAfterTable(s))))
      break;
    run.push(j);
    j++;
  }
}

/**
 * A page break inside the table at blank line `j`: blank and furniture lines, then the
 * header repeated (skipped) or more rows. Returns the line the table goes on at (a new
 * page's group begins there), or -1 where the table ends.
 */
function afterPageBreak(t: TableScan, removed: Uint8Array, j: number): number {
  const { lines, run } = t;
  const n = lines.length;
  let k = j;
  let pageBreak = false;
  while (k < n && blank(lines[k])) {
    if (removed[k] === 1) pageBreak = true;
    k++;
  }
  if (!pageBreak || k >= n || run.length === 0) return -1;
  let h = 0;
  while (h < run.length && k + h < n && key(lines[k + h]!) === key(lines[run[h]!]!)) h++;
  if (!isRowLine(lines[k + h] ?? '') || headOf(lines, k + h)) return -1;
  for (let m = k; m < k + h; m++) t.skipped.push(m);
  if (t.groups.length === 1) t.repeatedFirst = h;
  t.groups.push(run.length);
  return k + h;
}

/**
 * Header rows: the lines before the first data row (a row whose first segment starts
 * at the table's left edge and holds a short key: a number or a few characters).
 */
function findHeader(t: TableScan): void {
  const segs = t.run.map((k) => segments(t.lines[k]!));
  const left = Math.min(...segs.map((r) => r[0]!.from));
  const firstData = segs.findIndex((r, x) => x > 0 && r[0]!.from === left && segs[0]![0]!.from !== left);
  t.segs = segs;
  t.left = left;
  t.firstData = firstData < 0 ? 1 : firstData;
}

/** A repeated header inside the run (no page break seen): dropped too; the other lines kept. */
function dropRepeatedHeaders(t: TableScan): void {
  const { lines, run, firstData, keep } = t;
  const headerKeys = run.slice(0, firstData).map((k) => key(lines[k]!));
  for (let x = 0; x < run.length; x++) {
    if (x >= firstData && key(lines[run[x]!]!) === headerKeys[0]) {
      let h = 0;
      while (h < headerKeys.length && x + h < run.length && key(lines[run[x + h]!]!) === headerKeys[h]) h++;
      if (h === headerKeys.length) {
        for (let m = 0; m < h; m++) t.skipped.push(run[x + m]!);
        x += h - 1;
        continue;
      }
    }
    keep.push(x);
  }
}

/** The page (group) of line `x` of the run. */
function groupOf(groups: readonly number[], x: number): number {
  let g = 0;
  while (g + 1 < groups.length && groups[g + 1]! <= x) g++;
  return g;
}

/** The columns of page `g`: those its data rows leave between them. */
function pageColumns(t: TableScan, g: number): Array<[number, number]> {
  return columnsOf(
    t.keep.filter((x) => x >= t.firstData && groupOf(t.groups, x) === g && t.segs[x]![0]!.from === t.left).map((x) => t.segs[x]!),
  );
}

/**
 * The table's columns, on the first page with data rows (a header printed alone at the foot
 * of a page has none below it) and on each page; false when fewer than two.
 */
function findColumns(t: TableScan): boolean {
  // The first page holds the header alone when the next page prints it again and its rows
  // are the first data rows.
  const alone = t.repeatedFirst > 0 && t.groups[1] === t.firstData;
  const cols = pageColumns(t, alone ? 1 : 0);
  if (cols.length < 2) return false;
  // Header segments beyond every data column: columns of their own (an empty 备注 column).
  for (let x = 0; x < t.firstData; x++) for (const g of t.segs[x]!) if (g.from >= cols[cols.length - 1]![1]) cols.push([g.from, g.to]);
  t.cols = cols;
  t.pageCols = t.groups.map((_, g) => {
    const c = pageColumns(t, g);
    // The same columns as the first page's data (the header's extra columns kept at the end).
    return c.length > 0 && c.length <= cols.length ? c.concat(cols.slice(c.length)) : cols;
  });
  return true;
}

/** The cells of line `x` of the run, by column (null: no text in that column). */
function rowCells(t: TableScan, x: number): Array<BlockCell | null> {
  const ln = t.run[x]!;
  const out: Array<BlockCell | null> = t.cols.map(() => null);
  const within = t.pageCols[groupOf(t.groups, x)]!;
  for (const g of t.segs[x]!) {
    const c = columnOf(g, within);
    if (c < 0) continue;
    const prev = out[c];
    if (prev) prev.text += g.text;
    else {
      out[c] = { text: g.text, line: ln + 1, column: g.index + 1, offset: t.offsets[ln]! + g.index };
      firstText.set(out[c]!, g.text);
    }
  }
  return out;
}

/** The rows of the kept lines (the header first), wrapped cells joined into the row above. */
function tableRows(t: TableScan): { rows: BlockRow[]; rowLines: number[] } {
  const { run, firstData, offsets } = t;
  const rows: BlockRow[] = [];
  const rowLines: number[] = [];
  for (const x of t.keep) {
    const cells = rowCells(t, x);
    const ln = run[x]!;
    rowLines.push(ln);
    // A wrapped cell: a data line with an empty first cell, below a data row.
    if (x > firstData && cells[0] === null && rows.length > 0 && !(x < firstData)) {
      const above = rows[rows.length - 1]!;
      cells.forEach((c, k) => {
        if (!c) return;
        const a = above.cells[k]!;
        if (a.text === '') Object.assign(a, c);
        else a.text += c.text;
      });
      continue;
    }
    rows.push({
      line: ln + 1,
      cells: cells.map((c) => c ?? { text: '', line: ln + 1, column: 1, offset: offsets[ln]! }),
    });
  }
  return { rows, rowLines };
}

/** The pipe row the core sees for a table line: each segment's text between pipes. */
function pipeRow(s: string): string {
  return (
    '| ' +
    segments(s)
      .map((g) => g.text)
      .join(' | ') +
    ' |'
  );
}

export const pdftotextReader: Reader = {
  name: 'pdftotext',
  sniff: pdftotextSignals,
  read(text) {
    const orig = splitLines(text).lines.slice();
    const lines = orig.map((s) => (s.indexOf('\f') >= 0 ? s.replace(/\f/g, ' ') : s));
    const p: PdfText = { orig, lines, removed: new Uint8Array(lines.length), anomalies: [] };
    const { removed } = p;
    findRunningHeads(p);
    removePageNumbers(p);
    const toc = joinTocEntries(lines, removed);
    const lost = layoutLost(lines, removed);
    if (lost >= 0) {
      p.anomalies.push(
        anomaly('INPUT_TABLE_LAYOUT_LOST', {
          message: 'pdftotext output without -layout: table cells stand one per line from here on; tables are not read as tables',
          line: lost + 1,
          evidence: evidenceAt(p, lost),
        }),
      );
      removeRepeatedHeaders(p, pageStarts(orig), (i) => evidenceAt(p, i));
      pairColumns(lines, removed);
    }
    const blocks = readTables(p);
    const page = pageWidth(lines, removed);
    joinTitles(lines, removed, page, toc);
    joinParagraphs(lines, removed, page);
    const offsets = lineOffsets(lines);
    pointCellsIntoText(blocks, lines, offsets);
    const src = sourceOf(lines, removed);
    return { value: { reader: 'pdftotext', src, blocks }, anomalies: p.anomalies };
  },
};

/** The text being read: the file's lines, those the core will see, their marks, the anomalies. */
interface PdfText {
  /** The lines of the file as they are (form feeds kept). */
  orig: readonly string[];
  /** The lines as the core will see them. */
  lines: string[];
  removed: Uint8Array;
  anomalies: Anomaly[];
}

/** Line `i` (0-based) of the file as evidence: without its form feeds. */
const evidenceAt = (p: PdfText, i: number): string => p.orig[i]!.replace(/\f/g, '');

/** Running heads: the same short gazette line (公报, or a 年第N期 issue line) at least three times. */
function findRunningHeads(p: PdfText): void {
  const heads = new Map<string, number[]>();
  for (let i = 0; i < p.lines.length; i++) {
    const k = gazetteLineKey(p.lines[i]!);
    if (k === null) continue;
    const at = heads.get(k);
    if (at) at.push(i);
    else heads.set(k, [i]);
  }
  removeRunningHeads(p, heads, (i) => evidenceAt(p, i));
}

/** The lines (0-based) where pages begin: the first, and each that holds a form feed. */
function pageStarts(orig: readonly string[]): number[] {
  const out = [0];
  for (let i = 1; i < orig.length; i++) if (orig[i]!.indexOf('\f') >= 0) out.push(i);
  return out;
}

/** Page numbers: a number alone as the last (or first) non-blank line of a page, on two pages or more. */
function removePageNumbers(p: PdfText): void {
  const { lines, orig } = p;
  // Page starts: the first line and every line that held a form feed.
  const pageStart = new Uint8Array(lines.length + 1);
  pageStart[0] = 1;
  pageStart[lines.length] = 1;
  for (let i = 0; i < lines.length; i++) if (orig[i]!.indexOf('\f') >= 0) pageStart[i] = 1;
  const pages: number[] = [];
  for (let a = 0; a < lines.length;) {
    let q = a + 1;
    while (q < lines.length && !pageStart[q]) q++;
    let last = q - 1;
    while (last >= a && blank(lines[last])) last--;
    let first = a;
    while (first < q && blank(lines[first])) first++;
    if (last >= a && lines[last]!.trim().length <= 16 && PAGE_NUMBER.test(lines[last]!)) pages.push(last);
    else if (first < q && first !== last && lines[first]!.trim().length <= 16 && PAGE_NUMBER.test(lines[first]!)) pages.push(first);
    a = q;
  }
  if (pages.length >= 2) removeFurniture(p, pages, `page numbers removed from the text: ${pages.length} lines`, evidenceAt(p, pages[0]!));
}

/**
 * Column-aligned tables: each becomes a block; its lines become pipe rows (removed = 2), the
 * header rows it repeats are blanked (removed = 1).
 */
function readTables(p: PdfText): Block[] {
  const { lines, removed } = p;
  const blocks: Block[] = [];
  const offsets0 = lineOffsets(lines);
  // Dense tables first (one space between cells): the column reading would cut them wrong.
  for (let i = 0; i < lines.length; i++) {
    if (removed[i] || !denseHeader(lines[i]!)) continue;
    const t = denseTableAt(
      lines,
      offsets0,
      i,
      (k) => removed[k] === 1,
      (k) => headOf(lines, k),
    );
    if (t) i = takeTable(p, blocks, t, i);
  }
  for (let i = 0; i < lines.length; i++) {
    if (removed[i] || !labelledHeader(lines[i]!)) continue;
    const t = labelledTableAt(lines, offsets0, i, (k) => removed[k] === 1);
    if (t) i = takeTable(p, blocks, t, i);
  }
  for (let i = 0; i < lines.length; i++) {
    if (removed[i] || !twoCells(lines[i]!)) continue;
    const t = twoColumnTableAt(lines, offsets0, removed, i, (k) => removed[k] === 1);
    if (t) i = takeTable(p, blocks, t, i);
  }
  for (let i = 0; i < lines.length; i++) {
    if (removed[i] || !isRowLine(lines[i]!)) continue;
    const t = tableAt(lines, offsets0, removed, i);
    if (t) i = takeTable(p, blocks, t, i);
  }
  return blocks.sort((a, b) => a.startLine - b.startLine);
}

/** A table read: its block kept, its lines turned into pipe rows (2), its repeated headers blanked; returns its last line. */
function takeTable(p: PdfText, blocks: Block[], t: Built, i: number): number {
  const { lines, removed } = p;
  blocks.push(t.block);
  for (const k of t.skipped) blankFurniture(p, k);
  let end = i;
  for (const k of t.rowLines) {
    end = Math.max(end, k);
    lines[k] = pipeRow(lines[k]!);
    removed[k] = 2;
  }
  return Math.max(end, ...t.skipped);
}

/** Cells point into the reader's text: each one's first text in its (pipe) line. */
function pointCellsIntoText(blocks: readonly Block[], lines: readonly string[], offsets: readonly number[]): void {
  const cursor = new Map<number, number>();
  for (const b of blocks)
    for (const r of [b.header, ...b.rows])
      for (const c of r.cells) {
        const first = firstText.get(c);
        if (first === undefined) {
          c.offset = offsets[c.line - 1]!;
          continue;
        }
        const at = lines[c.line - 1]!.indexOf(first, cursor.get(c.line) ?? 0);
        c.offset = offsets[c.line - 1]! + Math.max(at, 0);
        if (at >= 0) cursor.set(c.line, at + first.length);
      }
}

/**
 * Plain pdftotext (no -layout) writes a table's cells one per line: the first line of a run
 * of at least eight short lines (16 display columns or fewer), when no line of the text is
 * cut into columns by wide gaps (which -layout output always has); else -1.
 */
export function layoutLost(lines: readonly string[], removed: Uint8Array): number {
  let run = 0;
  let first = -1;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!;
    if (removed[i] === 0 && isRowLine(s)) return -1;
    if (first < 0) {
      const t = s.trim();
      if (t !== '' && displayWidth(t) <= 16 && !SECTION.test(t)) {
        if (++run === 8) first = i - 7;
      } else if (t !== '' || removed[i] !== 1) run = 0;
    }
  }
  return first;
}

function lineOffsets(lines: readonly string[]): number[] {
  const offsets = new Array<number>(lines.length);
  for (let i = 0, off = 0; i < lines.length; i++) {
    offsets[i] = off;
    off += lines[i]!.length + 1;
  }
  return offsets;
}

/**
 * TOC entries wrapped over lines: from the 目录 heading on, an entry line without its page
 * number gets the text of the lines below it (up to three, none an entry or a 【section】)
 * until one ends with the page number; those lines are blanked. The TOC ends at the first
 * 【section】 seen a second time (the body's first section) or a line that belongs to no entry.
 */
export function joinTocEntries(lines: string[], removed: Uint8Array): string {
  let i = lines.findIndex((s) => s.length <= 20 && s.replace(/\s+/g, '') === '目录');
  if (i < 0) return '';
  const seen = new Set<string>();
  let toc = '';
  for (i++; i < lines.length; i++) {
    const s = lines[i]!;
    if (blank(s)) continue;
    if (SECTION.test(s)) {
      const k = key(s);
      if (seen.has(k)) return toc;
      seen.add(k);
      continue;
    }
    if (!TOC_ENTRY.test(s)) return toc;
    toc += key(s) + '\n';
    if (TOC_PAGE.test(s)) continue;
    let j = i + 1;
    const parts: number[] = [];
    while (j < lines.length && parts.length < 3) {
      const t = lines[j]!;
      if (blank(t)) {
        j++;
        continue;
      }
      if (TOC_ENTRY.test(t) || SECTION.test(t)) break;
      parts.push(j);
      j++;
      if (TOC_PAGE.test(t)) break;
    }
    if (parts.length === 0 || !TOC_PAGE.test(lines[parts[parts.length - 1]!]!)) continue;
    let joined = s.trimEnd();
    for (const k of parts) {
      joined = joinWrapped(joined, lines[k]!);
      lines[k] = '';
      removed[k] = JOINED;
    }
    lines[i] = joined;
    toc += key(joined) + '\n';
    i = parts[parts.length - 1]!;
  }
  return toc;
}

/**
 * Titles wrapped over lines. Above each date line, up to four lines of one piece of text
 * (one segment each, no 【section】): the title starts at the highest of them whose text
 * begins a TOC entry, else (`-layout`) at the highest of the centred ones above it. Its lines are
 * joined into the first (the reader knows these breaks are wraps, not spaces of the title:
 * a space is kept only where the TOC writes one), and the first is marked as the start of a
 * block (`removed` 4): the core takes no line above it into the title, as it would take the
 * end of a paragraph that no blank line separates from it.
 */
export function joinTitles(lines: string[], removed: Uint8Array, page: number, toc = ''): void {
  const tocText = toc.replace(/\s+/g, '');
  const probe = (s: string): string => s.replace(/\s+/g, '').slice(0, 8);
  for (let d = 0; d < lines.length; d++) {
    if (!DATE_LINE.test(lines[d]!)) continue;
    let k = d - 1;
    while (k >= 0 && blank(lines[k]) && removed[k] !== 1 && d - k <= 2) k--;
    const end = k;
    let top = end + 1;
    while (k >= 0 && end - k < 4 && !blank(lines[k]) && removed[k] === 0 && segments(lines[k]!).length === 1 && !SECTION.test(lines[k]!))
      top = k--;
    let start = -1;
    if (tocText)
      for (let m = top; m <= end && start < 0; m++) if (probe(lines[m]!).length >= 6 && tocText.includes(probe(lines[m]!))) start = m;
    if (start < 0 && page > 0) {
      start = end + 1;
      while (start > top && centred(lines[start - 1]!, page)) start--;
      if (start > end) start = -1;
    }
    if (start < 0) continue;
    let joined = lines[start]!.trimEnd();
    for (let m = start + 1; m <= end; m++) {
      joined = joinWrapped(joined, lines[m]!, toc);
      lines[m] = '';
      removed[m] = JOINED;
    }
    lines[start] = joined;
    removed[start] = BLOCK_START;
  }
}

/**
 * The width of the page's text in display columns: the most common width of lines 40
 * columns or wider (seen at least ten times, and with half the long lines within four
 * columns of it), else 0 (unknown: the text is not wrapped at a page width).
 */
export function pageWidth(lines: readonly string[], removed: Uint8Array): number {
  const widths = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    if (removed[i]) continue;
    const w = displayWidth(lines[i]!.trimEnd());
    if (w >= 40) widths.set(w, (widths.get(w) ?? 0) + 1);
  }
  let page = 0;
  let most = 0;
  let long = 0;
  for (const [w, c] of widths) {
    long += c;
    if (c > most || (c === most && w > page)) [page, most] = [w, c];
  }
  if (most < 10) return 0;
  // Text wrapped at a page width has most long lines within two CJK characters of it;
  // text written one paragraph a line (a converter's) does not: then no width is known.
  let near = 0;
  for (const [w, c] of widths) if (w >= page - 4 && w <= page + 4) near += c;
  return near * 2 >= long ? page : 0;
}

/** A centred line (`-layout`): indented, and its indent about the space left on its right. */
function centred(s: string, page: number): boolean {
  if (!s.startsWith('  ') || page === 0) return false;
  const indent = s.length - s.trimStart().length;
  return Math.abs(2 * indent + displayWidth(s.trim()) - page) <= 8;
}

/** A line that ends a sentence, or a parenthesis after one (`（牵头单位：…）`). */
const SENTENCE_END = /[。！？；：）)]\s*$/;
/** A line that ends in punctuation: a paragraph's last line does; a heading, a name or a gazette's title does not. */
const PUNCTUATION_END = /[。！？；：，、）)”’」』》…—.!?;:,]\s*$/;

/**
 * Paragraphs wrapped at the page width: a line as wide as the page's text (within two CJK
 * characters of the most common width of long lines), at the left edge or a paragraph's
 * indent, continues on the next line unless that one is blank, indented (a new paragraph, a
 * centred line), a table row, a date line or a 【section】 — or, after a sentence's end, a
 * numbered item (`四、`) or a short line without end punctuation (a heading, a title). The
 * text is joined into the paragraph's first line; the others are blanked (`removed` 3).
 */
export function joinParagraphs(lines: string[], removed: Uint8Array, page: number): void {
  if (page === 0) return;
  const full = (i: number): boolean => displayWidth(lines[i]!.trimEnd()) >= page - 4;
  const continues = (j: number, above: string): boolean => {
    const t = lines[j];
    return (
      t !== undefined &&
      removed[j] === 0 &&
      !blank(t) &&
      !t.startsWith('  ') &&
      !t.startsWith('|') &&
      !DATE_LINE.test(t) &&
      !SECTION.test(t) &&
      !TOC_ENTRY.test(t) &&
      segments(t).length < 3 &&
      !(SENTENCE_END.test(above) && (numberedItem(t) !== null || (!full(j) && !PUNCTUATION_END.test(t))))
    );
  };
  for (let i = 0; i < lines.length; i++) {
    if (removed[i] || indentOf(lines[i]!) > PARAGRAPH_INDENT || lines[i]!.startsWith('|') || !full(i) || segments(lines[i]!).length >= 3)
      continue;
    // The joined text in pieces, joined once (as joinWrapped would, line by line): the line
    // above decides the space between it and the next, and whether the text ends a sentence.
    let above = lines[i]!.trimEnd();
    const pieces = [above];
    let j = i;
    let wrapped = true;
    while (wrapped && continues(j + 1, above)) {
      j++;
      wrapped = full(j);
      const next = lines[j]!.trim();
      pieces.push(wrapSpace(above, next), next);
      above = next;
      lines[j] = '';
      removed[j] = JOINED;
    }
    lines[i] = pieces.length === 1 ? lines[i]! : pieces.join('');
    i = j;
  }
}
