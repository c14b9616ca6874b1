/**
 * Pipe rows without their |---| delimiter row, a common conversion slip: a run of lines
 * that start with `|`, whose first line ends with `|` and whose first two rows agree on
 * their cell count (two or more), is a table; its header is then found as for any table (the first row,
 * a title row above a header-like row …). Runs that hold a delimiter row anywhere are left
 * to the GFM scanner (scan.ts). The lines are those a scanner body row accepts, so a
 * table read here has the rows the same table with its delimiter row has.
 * check/damage.ts reports each such run (TABLE_DELIMITER_MISSING).
 *
 * `withOtherFragments` is the entry point for fragments the GFM scanner does not find:
 * these runs and the tables an input reader has read (src/read/readers.ts: the HTML tables
 * of converter Markdown). They join the scanner's fragments in text order and are merged
 * and cleaned by the same steps.
 */
import type { SourceLines } from '../../read/lines.js';
import type { Block } from '../../read/reading.js';
import {
  countCells,
  PIPE_NEEDLE,
  oversized,
  parseDelimiter,
  splitRow,
  startsOtherBlock,
  type Fragment,
  type OversizedTable,
  type RawRow,
} from './scan.js';
import { LineFinder, type Lines } from '../../model/lines.js';
import { mapPacked } from '../../model/packed.js';

function firstChar(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return c;
  }
  return -1;
}
function lastChar(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return c;
  }
  return -1;
}

const PIPE = 124;

/**
 * Every run of pipe rows without a delimiter row, as fragments (`delimiter.line` 0: none).
 * A run past the scanner's limits (scan.ts: MAX_ROW_CELLS, MAX_TABLE_CELLS) goes to
 * `oversize` instead, its cells counted before any is made.
 */
export function scanPipeRuns<R>(src: SourceLines, map: (row: RawRow) => R, oversize?: OversizedTable[]): Array<Fragment<R>> {
  const { lines } = src;
  const out: Array<Fragment<R>> = [];
  const n = lines.length;
  let i = 0;
  // (a run starts with a pipe: lines without one are jumped over, found by native search)
  const pipes = new LineFinder(lines, PIPE_NEEDLE);
  while (i < n) {
    if ((i = pipes.next(i)) >= n) break;
    const s = lines.get(i)!;
    // A line an input reader read into a block (an HTML table) is no pipe row to read again.
    if (firstChar(s) !== PIPE || src.removed?.[i] === 2) {
      i++;
      continue;
    }
    let j = i + 1;
    let delimiter = parseDelimiter(s) !== null;
    while (j < n) {
      const t = lines.get(j)!;
      const c = firstChar(t);
      if (c < 0 || (c !== PIPE && t.indexOf('|') < 0) || startsOtherBlock(t) || src.removed?.[j] === 2) break;
      if (!delimiter && parseDelimiter(t) !== null) delimiter = true;
      j++;
    }
    if (!delimiter && j - i >= 2 && lastChar(s) === PIPE && firstChar(lines.get(i + 1)!) === PIPE) {
      const width = countCells(s);
      // One column of pipes is decoration (a margin bar), not a table, without a delimiter row.
      if (width >= 2 && width === countCells(lines.get(i + 1)!)) {
        const end = runEnd(lines, i, j);
        if (oversized(end.cells, end.widest)) oversize?.push({ startLine: i + 1, endLine: end.end, cells: end.cells, widest: end.widest });
        else out.push(runFragment(src, i, end.end, map));
      }
    }
    i = j;
  }
  return out;
}

/** The rows of a run from line index `first` up to `j` or the first line that is no row: the index after the last, their cells. */
function runEnd(lines: Lines, first: number, j: number): { end: number; cells: number; widest: number } {
  let cells = 0;
  let widest = 0;
  let k = first;
  for (; k < j; k++) {
    const c = countCells(lines.get(k)!);
    if (c === 0) break;
    cells += c;
    if (c > widest) widest = c;
  }
  return { end: k, cells, widest };
}

/** The fragment of the run of rows at line indices [i, end): the first row its header. */
function runFragment<R>(src: SourceLines, i: number, end: number, map: (row: RawRow) => R): Fragment<R> {
  const { lines, offsets } = src;
  const header = splitRow(lines.get(i)!, i + 1, offsets[i]!)!;
  const rows: R[] = [];
  for (let k = i + 1; k < end; k++) rows.push(map(splitRow(lines.get(k)!, k + 1, offsets[k]!)!));
  return {
    startLine: i + 1,
    endLine: end,
    header: map(header),
    delimiter: { line: 0, align: header.cells.map(() => null) },
    rows,
  };
}

/**
 * The scanner's fragments with the pipe runs without a delimiter row and the reader's
 * table blocks, in text order (the scanner's first on the same line). A position covered
 * by a rowspan/colspan comes in as the empty cell a pipe table has there (`spanned` is
 * dropped), so the merge step fills it as it fills a merged pipe-table cell and both forms
 * give the same cells. Without blocks and runs (plain text) the scanned list is returned as is.
 */
export function withOtherFragments<R>(
  scanned: Array<Fragment<R>>,
  src: SourceLines,
  blocks: readonly Block[] | undefined,
  map: (row: RawRow) => R,
  oversize?: OversizedTable[],
): Array<Fragment<R>> {
  const more = scanPipeRuns(src, map, oversize);
  for (const b of blocks ?? []) {
    if (b.kind !== 'table') continue;
    more.push({
      startLine: b.startLine,
      endLine: b.endLine,
      header: map(b.header),
      delimiter: { line: 0, align: b.header.cells.map(() => null) },
      rows: mapPacked(b.rows, map),
    });
  }
  if (more.length === 0) return scanned;
  return scanned.concat(more).sort((x, y) => x.startLine - y.startLine);
}
