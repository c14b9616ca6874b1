/**
 * Step 1 of building logical tables (index.ts): every cell of a pipe-table row cleaned
 * (clean.ts: HTML, LaTeX, `**` markers) and classified (types.ts), kept as a working cell
 * that the later steps refine; the cleaned artefacts are reported once the table is built
 * (TABLE_ARTEFACT_CLEANED). Also the small row predicates every step shares.
 */
import type { Anomaly } from '../../model/anomaly.js';
import { matchKey } from '../../read/text.js';
import { mapPacked } from '../../model/packed.js';
import { cleanCell, NO_ARTEFACTS, type Artefact } from './clean.js';
import { tableAnomaly, type TableContext } from './context.js';
import type { RawRow } from './scan.js';
import { classify, type CellClass } from './types.js';

/** A cell while its table is being built. */
export interface WCell {
  raw: string;
  text: string;
  line: number;
  column: number;
  /** Shared and frozen when empty: replace, never push. */
  artefacts: readonly Artefact[];
  cls: CellClass;
  value: number | string | null;
  // Every cell has every property from the start (false or undefined when unset), so that
  // all cells share one shape and V8's code over them stays monomorphic.
  filled: boolean;
  original: string | undefined;
  joined: Array<{ raw: string; line: number; column: number }> | undefined;
  /** true for a cell added because the row had fewer cells than the table. */
  pad: boolean;
  /** Cached matchKey of `text` (header comparison). */
  key: string | undefined;
}

/** A body row of a logical table while it is being built. */
export interface WRow {
  line: number;
  kind: 'data' | 'group' | 'header';
  cells: WCell[];
  group?: string | null;
  /** First body row of a continuation fragment: may be a row cut by a page break. */
  startsContinuation: boolean;
  frag: number;
  /** Set when the row only finished the previous row's text and was joined to it. */
  joinedInto?: boolean;
}

/** The row's cells cleaned and classified (the mapper of `scanTables`). */
export function cleanRow(row: RawRow): WCell[] {
  // pushed, not written into new Array(n): a packed array, like every other row of cells
  const out: WCell[] = [];
  for (let j = 0; j < row.cells.length; j++) {
    const c = row.cells[j]!;
    const cl = cleanCell(c.text);
    const k = classify(cl.text);
    out.push(wcell(c.text, cl.text, c.line, c.column, cl.artefacts, k.cls, k.value, false));
  }
  return out;
}

/** An empty cell standing in for one a short row (or a continuation that lost a column) lacks. */
export function padCell(lineNo: number, column: number): WCell {
  return wcell('', '', lineNo, column, NO_ARTEFACTS, 'na', null, true);
}

/** A cell with every property of WCell, always in the same order. */
export function wcell(
  raw: string,
  text: string,
  line: number,
  column: number,
  artefacts: readonly Artefact[],
  cls: CellClass,
  value: number | string | null,
  pad: boolean,
): WCell {
  return { raw, text, line, column, artefacts, cls, value, filled: false, original: undefined, joined: undefined, pad, key: undefined };
}

/** No cell filled (stops at the first filled cell, as most rows have one in front). */
export function isEmptyRow(row: readonly WCell[]): boolean {
  for (let j = 0; j < row.length; j++) if (row[j]!.text !== '') return false;
  return true;
}
/** Only the first cell filled (stops at the second filled cell). */
export function onlyFirstFilled(row: readonly WCell[]): boolean {
  if (row.length === 0 || row[0]!.text === '') return false;
  for (let j = 1; j < row.length; j++) if (row[j]!.text !== '') return false;
  return true;
}
export const numeric = (cls: CellClass): boolean => cls === 'integer' || cls === 'number' || cls === 'percentage' || cls === 'date';
/** matchKey of a cell's text, computed once. */
function keyOf(c: WCell): string {
  return (c.key ??= matchKey(c.text));
}

/**
 * The first character of a text's match key when the text starts with it (a Han character,
 * an ASCII digit or letter, lower-cased), else -1: unknown without making the key.
 */
function keyHead(s: string): number {
  const c = s.charCodeAt(0);
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 48 && c <= 57) || (c >= 97 && c <= 122)) return c;
  return c >= 65 && c <= 90 ? c + 32 : -1;
}

/**
 * Do two cells have the same match key? Keys that start with different characters differ:
 * cells are first told apart by the first characters of their texts when those start the
 * keys (a data cell under a header cell usually starts otherwise), before any key is made.
 */
function sameKey(x: WCell, y: WCell): boolean {
  const hx = keyHead(x.text);
  const hy = keyHead(y.text);
  if (hx >= 0 && hy >= 0 && hx !== hy) return false;
  return keyOf(x) === keyOf(y);
}

/**
 * Does `row` repeat header row `h` (cell by cell, compared loosely by matchKey)? Cheap
 * checks first: identical text, then length, so long data cells never reach matchKey.
 */
export function sameRow(row: readonly WCell[], h: readonly WCell[]): boolean {
  if (row.length !== h.length) return false;
  for (let j = 0; j < row.length; j++) {
    const a = row[j]!.text;
    const b = h[j]!.text;
    if (a === b) continue;
    if (Math.abs(a.length - b.length) > 8 || !sameKey(row[j]!, h[j]!)) return false;
  }
  return true;
}

/** Does `row` repeat header row `h` in its first cells, the rest (if wider) empty? No copies. */
export function repeatsHeader(row: readonly WCell[], h: readonly WCell[]): boolean {
  if (row.length < h.length) return false;
  for (let j = 0; j < h.length; j++) {
    const a = row[j]!.text;
    const b = h[j]!.text;
    if (a === b) continue;
    if (Math.abs(a.length - b.length) > 8 || !sameKey(row[j]!, h[j]!)) return false;
  }
  for (let j = h.length; j < row.length; j++) if (row[j]!.text !== '') return false;
  return true;
}

const artefactNames = (c: WCell): string =>
  mapPacked(c.artefacts, (a) => (a === 'html' ? 'HTML' : a === 'latex' ? 'LaTeX' : '** markers')).join(', ');

/**
 * TABLE_ARTEFACT_CLEANED for every cell of `rows` (filled merged cells excepted: their
 * text is the cell's above) and then of the title and header rows whose text was cleaned.
 */
export function artefactAnomalies(
  ctx: TableContext,
  rows: readonly WRow[],
  names: ReadonlyArray<{ name: string }>,
  title: WCell | null,
  header: readonly WCell[] | null,
  sub: readonly WCell[] | null,
): Anomaly[] {
  const out: Anomaly[] = [];
  const id = ctx.id;
  for (const r of rows) {
    for (let j = 0; j < r.cells.length; j++) {
      const c = r.cells[j]!;
      if (c.artefacts.length === 0 || c.filled) continue;
      out.push(
        tableAnomaly(
          ctx,
          'TABLE_ARTEFACT_CLEANED',
          `table ${id}: ${artefactNames(c)} in cell “${names[j]?.name ?? `列${j + 1}`}” of the row at line ${r.line} turned into text: “${c.text.length > 40 ? c.text.slice(0, 40) + '…' : c.text}”`,
          c.line,
          c.column,
        ),
      );
    }
  }
  for (const h of [title, ...(header ?? []), ...(sub ?? [])]) {
    if (h && h.artefacts.length)
      out.push(
        tableAnomaly(
          ctx,
          'TABLE_ARTEFACT_CLEANED',
          `table ${id}: ${artefactNames(h)} in a header cell turned into text: “${h.text}”`,
          h.line,
          h.column,
        ),
      );
  }
  return out;
}
