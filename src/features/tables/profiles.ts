/**
 * Column profiles: what the columns of some rows hold (inferred type, classified cells,
 * fill share). Merging continuations compares them (step 2); group rows and merged cells
 * look at the types (steps 3 and 5).
 */
import type { ColumnType } from '../../model/table.js';
import type { WCell } from './clean-cells.js';
import { countClass, noCounts, typeOfCounts, type ClassCounts } from './types.js';

/** Type profile of the columns of some rows: inferred type, classified cells, fill share. */
export interface Profile {
  type: ColumnType;
  typed: number;
  fill: number;
}

export function profiles(rows: readonly WCell[][], width: number): Profile[] {
  const out: Profile[] = [];
  // Counted in place (no per-column array of classes): this runs over whole tables.
  for (let j = 0; j < width; j++) {
    const count = noCounts();
    let filled = 0;
    let typed = 0;
    for (let i = 0; i < rows.length; i++) {
      const c = rows[i]![j];
      if (!c) continue;
      if (c.text !== '') filled++;
      if (c.cls !== 'na') {
        typed++;
        countClass(count, c.cls, 1);
      }
    }
    out.push({ type: typeOfCounts(count), typed, fill: rows.length ? filled / rows.length : 0 });
  }
  return out;
}

/** A fragment placed in a logical table: its body rows, how many of them head it, its column offset. */
export interface PlacedRows {
  piece: { body: readonly WCell[][] };
  offset: number;
  headerRows: number;
}

/**
 * Column profiles of the last `max` body rows of a table (all when fewer): enough to tell
 * what its columns hold. Kept up to date as fragments are merged: a row is counted when it
 * enters and uncounted when it leaves, so a long run of page-split fragments costs each
 * row twice in all (recounting the last rows for every fragment cost `max` rows each).
 */
export const PROFILE_ROWS = 100;
type ColumnCounts = ClassCounts & { filled: number };
export class RecentRows {
  private readonly rows: Array<{ cells: readonly WCell[]; offset: number }> = [];
  private head = 0;
  private readonly counts: ColumnCounts[] = [];
  /** Pieces of the table already taken in. */
  private taken = 0;
  constructor(private readonly max: number) {}

  /** Profiles of the table's `width` columns; `pieces` are the table's fragments so far. */
  profiles(pieces: readonly PlacedRows[], width: number): Profile[] {
    for (; this.taken < pieces.length; this.taken++) {
      const p = pieces[this.taken]!;
      const body = p.piece.body;
      for (let i = Math.max(0, p.headerRows - 1); i < body.length; i++) this.add(body[i]!, p.offset);
    }
    const n = this.rows.length - this.head;
    const out: Profile[] = [];
    for (let j = 0; j < width; j++) {
      const c = this.column(j);
      out.push({ type: typeOfCounts(c), typed: c.integer + c.number + c.percentage + c.date + c.text, fill: n ? c.filled / n : 0 });
    }
    return out;
  }

  private column(j: number): ColumnCounts {
    while (this.counts.length <= j) this.counts.push({ integer: 0, number: 0, percentage: 0, date: 0, text: 0, filled: 0 });
    return this.counts[j]!;
  }

  private tally(cells: readonly WCell[], offset: number, d: 1 | -1): void {
    for (let j = 0; j < cells.length; j++) {
      const c = cells[j]!;
      const col = this.column(offset + j);
      if (c.text !== '') col.filled += d;
      countClass(col, c.cls, d);
    }
  }

  private add(cells: readonly WCell[], offset: number): void {
    this.tally(cells, offset, 1);
    this.rows.push({ cells, offset });
    if (this.rows.length - this.head <= this.max) return;
    const old = this.rows[this.head++]!;
    this.tally(old.cells, old.offset, -1);
    if (this.head >= 1024 && this.head * 2 >= this.rows.length) {
      this.rows.splice(0, this.head);
      this.head = 0;
    }
  }
}
