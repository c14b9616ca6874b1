/**
 * Step 6 of building logical tables (index.ts): a type per column (types.ts), from the
 * data cells as written (filled merged cells and padding left out); cells that do not
 * fit are kept as text and reported (TABLE_CELL_TYPE). Rows whose text seems to have
 * slid one column are reported, never moved (TABLE_ROW_SHIFTED): moving the cells beside
 * an empty cell puts more of them where the same short text stands in other rows, or a
 * column filled almost everywhere is empty while the text stands in a sparse neighbour
 * column.
 */
import type { Anomaly } from '../../model/anomaly.js';
import { ok, type Result } from '../../model/result.js';
import { mapPacked, packed } from '../../model/packed.js';
import type { TableColumn } from '../../model/table.js';
import type { WRow } from './clean-cells.js';
import { tableAnomaly, type TableContext } from './context.js';
import { countClass, fits, noCounts, typeOfCounts } from './types.js';

/** How the table's columns are laid out: what the type check and the shift search need. */
export interface ColumnLayout {
  W: number;
  names: ReadonlyArray<{ name: string; nameRaw: string }>;
  index: readonly boolean[];
  groupCols: readonly number[];
}

/**
 * The typed columns of the table; every cell's value set from its column's type (text
 * where it does not fit); misfits and rows that seem shifted reported.
 */
export function typeColumns(
  ctx: TableContext,
  rows: readonly WRow[],
  dataRows: readonly WRow[],
  cols: ColumnLayout,
): Result<TableColumn[]> {
  const columns: TableColumn[] = mapPacked(cols.names, (n, j) => {
    const count = noCounts();
    for (let i = 0; i < dataRows.length; i++) {
      const c = dataRows[i]!.cells[j]!;
      if (!c.filled && !c.pad) countClass(count, c.cls, 1);
    }
    return { name: n.name, nameRaw: n.nameRaw, type: typeOfCounts(count) };
  });
  const anomalies = setValues(ctx, rows, columns);
  findShiftedRows(ctx, dataRows, cols, columns, anomalies);
  return ok(columns, anomalies);
}

/** Sets each cell's value by its column's type; the cells that do not fit (TABLE_CELL_TYPE). */
function setValues(ctx: TableContext, rows: readonly WRow[], columns: readonly TableColumn[]): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const r of rows) {
    for (let j = 0; j < r.cells.length; j++) {
      const c = r.cells[j]!;
      const col = columns[j];
      if (!col || r.kind !== 'data') {
        c.value = c.cls === 'na' ? null : c.text;
        continue;
      }
      if (c.cls === 'na') {
        c.value = null;
        continue;
      }
      const ok = fits(c.cls, col.type);
      if (!ok || col.type === 'text') c.value = c.text;
      if (!ok && !c.filled) {
        anomalies.push(
          tableAnomaly(
            ctx,
            'TABLE_CELL_TYPE',
            `table ${ctx.id}: the cell “${c.text}” (row at line ${r.line}, column “${col.name}”) is not ${col.type === 'integer' ? 'an integer' : `a ${col.type}`} like the rest of its column; kept as text`,
            c.line,
            c.column,
          ),
        );
      }
    }
  }
  return anomalies;
}

/**
 * What the search for shifted rows knows of the table, and its scratch arrays (allocated
 * once per table, rewritten for every row).
 */
interface ShiftScan {
  data: readonly WRow[];
  W: number;
  index: readonly boolean[];
  /** Key (index) and group columns: their cells never move. */
  fixed: boolean[];
  lastFixed: number;
  /** Only text columns have a vocabulary: numbers do not repeat in a way that shows where a cell belongs. */
  textCol: boolean[];
  /**
   * Per column, how often each short text stands in it, null where no text stands twice
   * (no cell's text can be known there); made when a row first needs it (vocabOf).
   */
  vocab: Array<Map<string, number> | null> | null;
  /** Share of data rows in which each column is filled (as written). */
  fill: number[];
  /**
   * Columns filled almost everywhere (empty in at most one row in ten, or in one row only),
   * neither key nor group columns: where an empty cell may be one whose text slid away.
   */
  full: boolean[];
  now: boolean[];
  toLeft: boolean[];
  toRight: boolean[];
  mv: boolean[];
  /** Gain of moving cells [0, e) one column right, and how many of them can move. */
  pre: number[];
  preN: number[];
  /** Gain of moving cells (e, W) one column left, and how many of them can move. */
  suf: number[];
  sufN: number[];
}

/** A hypothesis "the cells from..to slid one column" (dir 1: to the right, -1: to the left). */
interface Slide {
  gain: number;
  from: number;
  to: number;
  dir: number;
  column: number;
}

/** The vocabulary of every text column, made once per table when a row first needs it. */
function vocabOf(s: ShiftScan): Array<Map<string, number> | null> {
  if (s.vocab !== null) return s.vocab;
  const vocab: Array<Map<string, number> | null> = [];
  for (let j = 0; j < s.W; j++) {
    const m = new Map<string, number>();
    let repeats = false;
    if (s.textCol[j])
      for (const r of s.data) {
        const c = r.cells[j]!;
        // only short values repeat in a way that shows where a cell belongs (units, '/')
        if (c.raw === '' || c.filled || c.text.length > 40) continue;
        const n = (m.get(c.text) ?? 0) + 1;
        m.set(c.text, n);
        if (n >= 2) repeats = true;
      }
    vocab.push(repeats ? m : null);
  }
  return (s.vocab = vocab);
}

function shiftScan(data: readonly WRow[], cols: ColumnLayout, columns: readonly TableColumn[]): ShiftScan {
  const W = cols.W;
  const textCol = mapPacked(columns, (c) => c.type === 'text');
  const fixed: boolean[] = [];
  let lastFixed = -1;
  for (let j = 0; j < W; j++) {
    fixed.push(cols.groupCols.includes(j) || cols.index[j]!);
    if (fixed[j]) lastFixed = j;
  }
  const fill: number[] = [];
  for (let j = 0; j < W; j++) {
    let filled = 0;
    for (const r of data) if (r.cells[j]!.raw !== '') filled++;
    fill.push(data.length ? filled / data.length : 0);
  }
  const full: boolean[] = [];
  for (let j = 0; j < W; j++) {
    const empties = Math.round((1 - fill[j]!) * data.length);
    full.push(!fixed[j] && empties <= Math.max(1, data.length * 0.1));
  }
  return {
    data,
    W,
    index: cols.index,
    fixed,
    lastFixed,
    textCol,
    vocab: null,
    fill,
    full,
    now: packed<boolean>(W, false),
    toLeft: packed<boolean>(W, false),
    toRight: packed<boolean>(W, false),
    mv: packed<boolean>(W, false),
    pre: packed<number>(W + 1, 0),
    preN: packed<number>(W + 1, 0),
    suf: packed<number>(W + 1, 0),
    sufN: packed<number>(W + 1, 0),
  };
}

/** Does text `t` stand in at least two other rows of column j (`self`: 1 when this cell is to be left out)? */
function known(vocab: ReadonlyArray<Map<string, number> | null>, j: number, t: string, self: number): boolean {
  const m = vocab[j]!;
  return m !== null && (m.get(t) ?? 0) - self >= 2;
}

/**
 * Rows whose text seems to have slid one column, reported into `out` (TABLE_ROW_SHIFTED).
 * Per row in O(W): for each movable cell (filled, not a key or group column) whether its
 * text is known in its own column, the one left and the one right of it; prefix/suffix
 * sums then give the gain of every hypothesis "the cells right (left) of the empty cell e
 * slid one column".
 */
function findShiftedRows(
  ctx: TableContext,
  data: readonly WRow[],
  cols: ColumnLayout,
  columns: readonly TableColumn[],
  out: Anomaly[],
): void {
  // too small a table to tell a slid row from an odd one
  if (cols.W < 3 || data.length < 4) return;
  const s = shiftScan(data, cols, columns);
  for (const r of data) {
    // a slide needs an empty (or filled-down) cell beside the cells that slid: rows without one are not weighed
    const best = hasGap(s, r) && markMovable(s, r) ? bestSlide(s, r) : null;
    if (best) {
      const names = cols.names;
      const msg = `the row at line ${r.line} seems shifted one column to the ${best.dir === 1 ? 'right' : 'left'}: ${
        best.dir === 1 ? `its cells from “${names[best.from]!.name}” on` : `its cells up to “${names[best.to]!.name}”`
      } match the columns ${best.dir === 1 ? 'left' : 'right'} of them in other rows; left as written`;
      out.push(tableAnomaly(ctx, 'TABLE_ROW_SHIFTED', `table ${ctx.id}: ${msg}`, r.line, best.column));
    } else if (data.length >= 5) {
      const a = slidIntoSparse(ctx, s, r, cols.names);
      if (a) out.push(a);
    }
  }
}

/** Does the row have a cell bestSlide may take as the gap a slide left: empty or filled down, not in an index column? */
function hasGap(s: ShiftScan, r: WRow): boolean {
  for (let e = 0; e < s.W; e++) {
    const ec = r.cells[e]!;
    if ((ec.text === '' || ec.filled) && !s.index[e]) return true;
  }
  return false;
}

/**
 * Fills the row's scratch flags; true when some movable cell's text is known beside its
 * column. Whether a cell's text is known in its own column (`now`) is looked up only then:
 * without such a cell no slide has a gain.
 */
function markMovable(s: ShiftScan, r: WRow): boolean {
  const { W, mv, now, toLeft, toRight } = s;
  let any = false;
  for (let j = 0; j < W; j++) {
    const c = r.cells[j]!;
    mv[j] = !s.fixed[j] && c.text !== '' && !c.filled;
    now[j] = toLeft[j] = toRight[j] = false;
    if (!mv[j] || c.text.length > 40 || !s.textCol[j]) continue;
    const vocab = vocabOf(s);
    toLeft[j] = j > 0 && known(vocab, j - 1, c.text, 0);
    toRight[j] = j + 1 < W && known(vocab, j + 1, c.text, 0);
    if (toLeft[j] || toRight[j]) any = true;
  }
  if (!any) return false;
  const vocab = vocabOf(s);
  for (let j = 0; j < W; j++) {
    const c = r.cells[j]!;
    if (mv[j] && c.text.length <= 40 && s.textCol[j]) now[j] = known(vocab, j, c.text, 1);
  }
  return true;
}

/** The slide with the greatest gain (at least 1) beside an empty cell of the row, if any. */
function bestSlide(s: ShiftScan, r: WRow): Slide | null {
  const { W, mv, now, toLeft, toRight, pre, preN, suf, sufN } = s;
  pre[0] = 0;
  preN[0] = 0;
  for (let j = 0; j < W; j++) {
    pre[j + 1] = pre[j]! + (mv[j] ? (toRight[j] && !now[j] ? 1 : 0) - (now[j] && !toRight[j] ? 1 : 0) : 0);
    preN[j + 1] = preN[j]! + (mv[j] ? 1 : 0);
  }
  suf[W] = 0;
  sufN[W] = 0;
  for (let j = W - 1; j >= 0; j--) {
    suf[j] = suf[j + 1]! + (mv[j] ? (toLeft[j] && !now[j] ? 1 : 0) - (now[j] && !toLeft[j] ? 1 : 0) : 0);
    sufN[j] = sufN[j + 1]! + (mv[j] ? 1 : 0);
  }
  let best: Slide | null = null;
  for (let e = 0; e < W; e++) {
    const ec = r.cells[e]!;
    if ((ec.text !== '' && !ec.filled) || s.index[e]) continue;
    // dir 1: the cells right of e slid right (they belong one column left); no key or
    // group column may stand among them
    if (s.lastFixed <= e && sufN[e + 1]! > 0 && suf[e + 1]! >= 1 && (!best || suf[e + 1]! > best.gain)) {
      let f = e + 1;
      while (!mv[f]) f++;
      best = { gain: suf[e + 1]!, from: e + 1, to: W - 1, dir: 1, column: r.cells[f]!.column };
    }
    // dir -1: the cells left of e slid left (key and group columns stay)
    if (preN[e]! > 0 && pre[e]! >= 1 && (!best || pre[e]! > best.gain)) {
      let f = 0;
      while (!mv[f]) f++;
      best = { gain: pre[e]!, from: 0, to: e - 1, dir: -1, column: r.cells[f]!.column };
    }
  }
  return best;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * An empty cell in a column filled almost everywhere, beside text in a mostly empty
 * (grouping) column: the text slid from the full column into the sparse one. The first
 * such cell of the row, reported; null when there is none.
 */
function slidIntoSparse(ctx: TableContext, s: ShiftScan, r: WRow, names: ReadonlyArray<{ name: string }>): Anomaly | null {
  const { W, fill, full, index } = s;
  for (let c = 0; c < W; c++) {
    if (!full[c]) continue;
    const cell = r.cells[c]!;
    if (cell.raw !== '' || cell.pad || cell.filled) continue;
    for (let side = -1; side <= 1; side += 2) {
      const n = c + side;
      const nc = r.cells[n];
      if (n < 0 || n >= W || !nc || index[n] || nc.raw === '' || nc.filled || fill[n]! >= 0.7) continue;
      const msg = `the row at line ${r.line} seems shifted one column to the ${side === -1 ? 'left' : 'right'}: “${names[c]!.name}” is empty although ${pct(fill[c]!)} of the rows fill it, and its text seems to stand in “${names[n]!.name}” (filled in ${pct(fill[n]!)} of the rows); left as written`;
      return tableAnomaly(ctx, 'TABLE_ROW_SHIFTED', `table ${ctx.id}: ${msg}`, r.line, nc.column);
    }
  }
  return null;
}
