/**
 * Step 5 of building logical tables (index.ts): merged cells. Group columns are a
 * leftmost run of columns (index columns may stand among them) whose empty cells, under
 * a filled cell of the same group, mean "same as above". The first group column needs
 * such cells in at least 15 % of the data rows; a column right of a group column is one
 * when its empty cells sit in rows where every group column left of it is empty too (a
 * merged cell never spans a new parent). Such cells are filled (`filled: true`,
 * `original` keeps the empty text; TABLE_CELLS_FILLED). Columns right of a plain text
 * column are never filled: there empty means empty.
 */
import type { Anomaly } from '../../model/anomaly.js';
import { ok, type Result } from '../../model/result.js';
import { mapPacked } from '../../model/packed.js';
import type { WCell, WRow } from './clean-cells.js';
import { tableAnomaly, type TableContext } from './context.js';
import { profiles } from './profiles.js';

/** Is any cell of the row right of column `c` filled? */
function filledRightOf(r: WRow, c: number, W: number): boolean {
  for (let j = c + 1; j < W; j++) if (r.cells[j]!.text !== '') return true;
  return false;
}

/** Is the row's cell empty in every one of the columns `cols`? */
function emptyIn(r: WRow, cols: readonly number[]): boolean {
  for (let i = 0; i < cols.length; i++) if (r.cells[cols[i]!]!.text !== '') return false;
  return true;
}

/** The group columns of the table, left to right. */
function groupColumns(rows: readonly WRow[], dataRows: readonly WRow[], W: number, index: readonly boolean[]): number[] {
  const preTypes = mapPacked(
    profiles(
      mapPacked(dataRows, (r) => r.cells),
      W,
    ),
    (p) => p.type,
  );
  const groupCols: number[] = [];
  for (let c = 0; c < W; c++) {
    const measurement = preTypes[c] !== 'text' && !index[c];
    const hasValue = dataRows.some((r) => r.cells[c]!.text !== '');
    const candidates = !measurement && hasValue ? emptyUnderFilled(rows, c, W, groupCols) : 0;
    const enough = groupCols.length === 0 ? candidates >= Math.max(1, Math.ceil(dataRows.length * 0.15)) : candidates >= 1;
    if (enough) groupCols.push(c);
    else if (!index[c]) break;
  }
  return groupCols;
}

/**
 * Data rows whose cell in column `c` is empty under a filled one (no other kind of row
 * between), every group column found so far empty, and some cell right of it filled.
 */
function emptyUnderFilled(rows: readonly WRow[], c: number, W: number, groupCols: readonly number[]): number {
  let candidates = 0;
  let above = false;
  for (const r of rows) {
    if (r.kind !== 'data') {
      above = false;
      continue;
    }
    const cell = r.cells[c]!;
    if (cell.text !== '') {
      above = true;
      continue;
    }
    if (!above) continue;
    if (emptyIn(r, groupCols) && filledRightOf(r, c, W)) candidates++;
  }
  return candidates;
}

/** Fills the merged cells of group column `c`; how many, and the lines of the first and the last. */
function fillColumn(
  rows: readonly WRow[],
  c: number,
  W: number,
  before: readonly number[],
): { count: number; firstLine: number; firstColumn: number; lastLine: number } {
  let above: WCell | null = null;
  let count = 0;
  let firstLine = 0;
  let firstColumn = 1;
  let lastLine = 0;
  for (const r of rows) {
    if (r.kind !== 'data') {
      above = null;
      continue;
    }
    const cell = r.cells[c]!;
    if (cell.text !== '' && !cell.filled) {
      above = cell;
      continue;
    }
    if (!above || !before.every((g) => r.cells[g]!.filled || r.cells[g]!.text === '')) continue;
    if (!filledRightOf(r, c, W)) continue;
    cell.original = cell.raw;
    cell.filled = true;
    cell.text = above.text;
    cell.key = undefined;
    cell.cls = above.cls;
    cell.value = above.value;
    count++;
    if (!firstLine) [firstLine, firstColumn] = [r.line, cell.column];
    lastLine = r.line;
  }
  return { count, firstLine, firstColumn, lastLine };
}

/** Fills the merged cells of the table's group columns; the group columns. */
export function fillMergedCells(
  ctx: TableContext,
  rows: readonly WRow[],
  dataRows: readonly WRow[],
  W: number,
  index: readonly boolean[],
  names: ReadonlyArray<{ name: string }>,
): Result<number[]> {
  const anomalies: Anomaly[] = [];
  const groupCols = groupColumns(rows, dataRows, W, index);
  for (const c of groupCols) {
    const { count, firstLine, firstColumn, lastLine } = fillColumn(
      rows,
      c,
      W,
      groupCols.filter((g) => g < c),
    );
    if (count > 0) {
      anomalies.push(
        tableAnomaly(
          ctx,
          'TABLE_CELLS_FILLED',
          `table ${ctx.id}: ${count} empty cell${count > 1 ? 's' : ''} of column “${names[c]!.name}” stand${count > 1 ? '' : 's'} under a merged cell; filled from the cell above${lastLine > firstLine ? ` (lines ${firstLine}–${lastLine})` : ''}`,
          firstLine,
          firstColumn,
          lastLine,
        ),
      );
    }
  }
  return ok(groupCols, anomalies);
}
