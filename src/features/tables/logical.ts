/**
 * A logical table while it is being built: the fragments merged into it (step 2) and its
 * title and header rows (step 3), before its rows are laid out.
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { Code } from '../../model/catalogue.js';
import type { TableFragment } from '../../model/table.js';
import { isEmptyRow, type WCell } from './clean-cells.js';
import { tableAnomaly, type TableContext } from './context.js';
import type { RecentRows } from './profiles.js';

/** A pipe-table fragment with its cells cleaned: its header row and body rows. */
export interface Piece {
  frag: { startLine: number; endLine: number };
  header: WCell[];
  body: WCell[][];
}

/** A fragment as placed in a logical table. */
export interface PlacedPiece {
  piece: Piece;
  continuation: TableFragment['continuation'];
  /** Column of the table that the fragment's first column is. */
  offset: number;
  /** Rows of the fragment (its header row counted) that head it rather than hold data. */
  headerRows: number;
}

/** An anomaly found while merging, whose message needs the table's id. */
export interface Pending {
  code: Code;
  message: (id: string) => string;
  line: number;
  column?: number;
  endLine?: number;
}

export interface Logical {
  pieces: PlacedPiece[];
  width: number;
  headerTop: WCell[];
  header: WCell[] | null;
  sub: WCell[] | null;
  title: WCell | null;
  /** Column profiles of its last rows, for telling a continuation from a new table. */
  recent: RecentRows;
  /** Anomalies found while merging, attached once the table has its id. */
  pending: Pending[];
}

/** The non-empty rows among title/header rows a later row may repeat. */
export function headerRowsOf(l: Logical): WCell[][] {
  return [l.headerTop, l.header, l.sub].filter((r): r is WCell[] => !!r && !isEmptyRow(r));
}

/** The anomalies found while merging the table, now that it has its id. */
export function pendingAnomalies(ctx: TableContext, l: Logical): Anomaly[] {
  const out: Anomaly[] = [];
  for (const p of l.pending) out.push(tableAnomaly(ctx, p.code, p.message(ctx.id), p.line, p.column, p.endLine));
  return out;
}
