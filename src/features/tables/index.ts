/**
 * Logical tables: pipe-table fragments (scan.ts) → the tables a reader of the printed
 * issue sees. Steps, in order:
 *
 * 1. Clean every cell (clean.ts) and classify it (types.ts).
 * 2. Merge continuations. A fragment continues the table before it when only page
 *    artefacts (blank lines, page numbers) stand between them, both sit in the same
 *    document and attachment, and it either repeats the header (`repeatHeader`) or starts
 *    with an empty header row `| | |` (`emptyHeader`). An empty-header fragment with the
 *    same column count must also carry the same kind of data (no text where the table has
 *    numbers); one with another column count is aligned to the table's columns by the
 *    type and fill of each column (a continuation that lost its leading group column maps
 *    to columns 2…n) and reported (TABLE_CONTINUATION_MISMATCH). Another header, a caption
 *    or any text between two fragments keeps them apart. Each merge is reported (TABLE_MERGED).
 * 3. Headers of the first fragment: the header row; a title row (one filled cell in the
 *    first column) above a header-like row; under an empty header row, a header that
 *    arrives as the first data row(s); a second header row under spanning cells
 *    (`城建坐标 | |` over `Y(m) | X(m)` → `城建坐标 Y(m)`, `城建坐标 X(m)`). Continuation
 *    fragments drop leading rows that repeat the header; later repeats are rows of kind
 *    `header`; a row with one filled cell in the first column, in a table numbered by an
 *    index column (序号) or holding numbers in other columns, is a `group` row.
 * 4. Rows cut by a page break: the first row of a continuation whose key cells (first
 *    column and index columns) are empty and whose filled cells are a strict subset of the
 *    previous row's filled cells only finishes that row's text: it is appended to the
 *    previous row's cells (`joined`) and does not become a row (TABLE_ROW_JOINED).
 * 5. Merged cells: group columns are a leftmost run of columns (index columns may stand
 *    among them) whose empty cells, under a filled cell of the same group, mean "same as
 *    above". The first group column needs such cells in at least 15 % of the data rows; a
 *    column right of a group column is one when its empty cells sit in rows where every
 *    group column left of it is empty too (a merged cell never spans a new parent). Such
 *    cells are filled (`filled: true`, `original` keeps the empty text; TABLE_CELLS_FILLED).
 *    Columns right of a plain text column are never filled: there empty means empty.
 * 6. Types per column (types.ts); misfits are reported (TABLE_CELL_TYPE). Rows whose text
 *    seems to have slid one column are reported, never moved (TABLE_ROW_SHIFTED): moving
 *    the cells beside an empty cell puts more of them where the same short text stands in
 *    other rows, or a column filled almost everywhere is empty while the text stands in a
 *    sparse neighbour column.
 * 7. Caption (`表 N：…` below, else a short title line above), notes (`注：` / `说明：` below),
 *    owner document and attachment, id `${documentId}-t${n}`.
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { Document } from '../../model/issue.js';
import { append, ok, type Result } from '../../model/result.js';
import { mapPacked } from '../../model/packed.js';
import type { Table } from '../../model/table.js';
import type { SourceLines } from '../../read/lines.js';
import { artefactAnomalies, cleanRow } from './clean-cells.js';
import type { TableContext } from './context.js';
import { fillMergedCells } from './fill-merged-cells.js';
import { finishTable, Owners, TableIds, type Placement } from './finish-table.js';
import { joinCutRows } from './join-cut-rows.js';
import { headerRowsOf, pendingAnomalies, type Logical, type Piece } from './logical.js';
import { mergeContinuations } from './merge-continuations.js';
import { columnNames, indexColumns, labelGroups, layOutRows, markGroupRows } from './read-headers.js';
import { MAX_ROW_CELLS, MAX_TABLE_CELLS, scanTables, type OversizedTable } from './scan.js';
import { anomaly } from '../../model/catalogue.js';
import { withOtherFragments } from './runs.js';
import type { Block } from '../../read/reading.js';
import { typeColumns } from './type-columns.js';

export { scanTables, splitRow, type Fragment, type RawCell, type RawRow } from './scan.js';
export { cleanCell } from './clean.js';

/**
 * Every logical table of the issue. `documents` (from the structure reader) give each
 * table its owner; with an empty list every table is outside documents (`t1`, `t2` …).
 * `blocks`: tables an input reader has read (converter Markdown's HTML tables); they and
 * pipe rows without a |---| row (runs.ts) join the scanner's fragments before step 2.
 */
export function extractTables(src: SourceLines, documents: readonly Document[], blocks?: readonly Block[]): Result<Table[]> {
  const oversize: OversizedTable[] = [];
  // -- 1. clean and classify every cell, as the fragments are scanned
  const pieces: Piece[] = mapPacked(withOtherFragments(scanTables(src, cleanRow, oversize), src, blocks, cleanRow, oversize), (f) => ({
    frag: { startLine: f.startLine, endLine: f.endLine },
    header: f.header,
    body: f.rows,
  }));
  const anomalies: Anomaly[] = oversize.map((o) => tooLarge(src, o));
  // -- 2. merge continuations
  const owners = new Owners(documents);
  const logicals = mergeContinuations(src, pieces, owners);
  // -- 3.–7. build each logical table
  const tables: Table[] = [];
  const ids = new TableIds();
  for (const l of logicals) {
    const owner = owners.of(l.pieces[0]!.piece.frag.startLine);
    const doc = owner.doc >= 0 ? documents[owner.doc]! : null;
    const at: Placement = {
      id: ids.next(owner, doc),
      doc,
      att: owner.att,
      prevEnd: tables.length > 0 ? tables[tables.length - 1]!.span.endLine : 0,
    };
    const res = buildTable(src, l, at);
    tables.push(res.value);
    append(anomalies, res.anomalies);
  }
  return { value: tables, anomalies };
}

/** The anomaly of a run of pipe rows left as text for being past a limit of the scanner. */
function tooLarge(src: SourceLines, o: OversizedTable): Anomaly {
  const [what, limit] =
    o.widest > MAX_ROW_CELLS
      ? ([`a row of ${o.widest} cells`, `${MAX_ROW_CELLS} a row`] as const)
      : ([`${o.cells} cells`, `${MAX_TABLE_CELLS} a table`] as const);
  return anomaly('TABLE_TOO_LARGE', {
    message: `pipe rows on lines ${o.startLine}–${o.endLine} (${o.cells} cells, the widest row ${o.widest}) are not read as a table: ${what}, past the limit of ${limit}; the lines are kept as text`,
    line: o.startLine,
    endLine: o.endLine,
    evidence: src.lines.get(o.startLine - 1) ?? '',
  });
}

/** Steps 3–7 on one logical table; the anomalies of its merge first, then of each step in order. */
function buildTable(src: SourceLines, l: Logical, at: Placement): Result<Table> {
  const ctx: TableContext = { src, id: at.id, documentId: at.doc?.id };
  const anomalies = pendingAnomalies(ctx, l);
  const W = l.width;
  const names = columnNames(W, l.header, l.sub);
  // -- 3. headers, rows, index columns, group rows
  const laid = layOutRows(ctx, l, headerRowsOf(l));
  append(anomalies, laid.anomalies);
  const index = indexColumns(names, laid.value);
  markGroupRows(laid.value, W, index);
  // -- 4. rows cut by a page break
  const joined = joinCutRows(ctx, laid.value, W, index, names);
  append(anomalies, joined.anomalies);
  const rows = joined.value;
  labelGroups(rows);
  // -- 5. merged cells
  const dataRows = rows.filter((r) => r.kind === 'data');
  const groups = fillMergedCells(ctx, rows, dataRows, W, index, names);
  append(anomalies, groups.anomalies);
  // -- 6. types, shifted rows; then the artefacts cleaned in step 1, now that cells are final
  const typed = typeColumns(ctx, rows, dataRows, { W, names, index, groupCols: groups.value });
  append(anomalies, typed.anomalies);
  append(anomalies, artefactAnomalies(ctx, rows, names, l.title, l.header, l.sub));
  // -- 7. caption, notes, output
  return ok(finishTable(src, l, at, typed.value, rows), anomalies);
}
