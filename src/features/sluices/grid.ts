/**
 * The sluice extractor reads tables through a small "grid" view: column names and data
 * rows of cells with their source positions. A grid comes from a logical table of the
 * tables stage (header rows joined, continuations merged); `gridsFromFragments` builds the
 * same view directly from the pipe-table scanner for callers without logical tables.
 */
import type { Table } from '../../model/table.js';
import type { Document } from '../../model/issue.js';
import type { Fragment } from '../tables/scan.js';
import { stakeLayout, summaryLayout } from './columns.js';
import { append } from '../../model/result.js';
import { mapPacked } from '../../model/packed.js';
import type { Lines } from '../../model/lines.js';

export interface GridCell {
  text: string;
  line: number;
  column: number;
}

export interface GridRow {
  line: number;
  cells: GridCell[];
}

export interface Grid {
  documentId: string | null;
  /** First line of the table (its first header row) and last line (continuations included). */
  startLine: number;
  endLine: number;
  /** Column names as written; header rows joined with a space. */
  columns: string[];
  rows: GridRow[];
}

/** A grid's rows: each row's line and its own cells (a grid only reads them: no copy of a cell). */
const gridRows = (rows: readonly GridRow[]): GridRow[] => mapPacked(rows, (r) => ({ line: r.line, cells: r.cells }));

/**
 * Grids of the tables stage's logical tables (data rows only); only tables whose header
 * reads as a sluice summary or stake table are converted.
 */
export function gridsFromTables(tables: readonly Table[]): Grid[] {
  const out: Grid[] = [];
  for (const t of tables) {
    const columns = mapPacked(t.columns, (c) => (c.nameRaw ? c.nameRaw.replace(/\s*\n\s*/g, ' ') : c.name));
    if (!stakeLayout(columns) && !summaryLayout(columns)) continue;
    out.push({
      documentId: t.documentId,
      startLine: t.span.startLine,
      endLine: t.span.endLine,
      columns,
      rows: gridRows(t.rows.filter((r) => r.kind === 'data')),
    });
  }
  return out;
}

function documentAt(documents: readonly Document[], line: number): string | null {
  for (const d of documents) if (line >= d.span.startLine && line <= d.span.endLine) return d.id;
  return null;
}

const isEmptyRow = (cells: readonly { text: string }[]): boolean => cells.every((c) => c.text.trim() === '');

/** A row of a header: no cell looks like a number, and the first cell is empty. */
function looksLikeHeaderRow(cells: readonly { text: string }[]): boolean {
  if (cells.length === 0 || cells[0]!.text.trim() !== '') return false;
  let filled = 0;
  for (const c of cells) {
    const t = c.text.trim();
    if (t === '') continue;
    filled++;
    const ch = t.charCodeAt(t[0] === '-' ? 1 : 0);
    if (ch >= 48 && ch <= 57) return false;
  }
  return filled > 0;
}

/**
 * Grids straight from scanner fragments: a fragment whose header row is empty and has the
 * same number of cells as the table before it, with only blank lines between, continues
 * that table; a second header row (first cell empty, no numbers) is joined to the first,
 * an empty upper cell taking the name of the one to its left (`城建坐标 | |` over
 * `Y(m) | X(m)` → `城建坐标 Y(m)`, `城建坐标 X(m)`).
 */
export function gridsFromFragments(fragments: readonly Fragment[], lines: Lines, documents: readonly Document[]): Grid[] {
  const out: Grid[] = [];
  for (const f of fragments) {
    const prev = out[out.length - 1];
    if (prev && isEmptyRow(f.header.cells) && f.header.cells.length === prev.columns.length) {
      let gapOnlyBlank = true;
      for (let ln = prev.endLine + 1; ln < f.startLine; ln++)
        if (lines.get(ln - 1)!.trim() !== '') {
          gapOnlyBlank = false;
          break;
        }
      if (gapOnlyBlank) {
        append(
          prev.rows,
          f.rows.filter((r) => !isEmptyRow(r.cells)),
        );
        prev.endLine = f.endLine;
        continue;
      }
    }
    const top = mapPacked(f.header.cells, (c) => c.text.trim());
    let rows = f.rows;
    let columns = top;
    if (rows.length > 0 && top.some((t) => t === '') && looksLikeHeaderRow(rows[0]!.cells)) {
      const second = rows[0]!.cells.map((c) => c.text.trim());
      let carry = '';
      columns = mapPacked(top, (t, i) => {
        const below = second[i] ?? '';
        if (t !== '') carry = t;
        const above = t !== '' ? t : below !== '' ? carry : '';
        return [above, below].filter((s) => s !== '').join(' ');
      });
      rows = rows.slice(1);
    }
    out.push({
      documentId: documentAt(documents, f.startLine),
      startLine: f.startLine,
      endLine: f.endLine,
      columns,
      rows: gridRows(rows.filter((r) => !isEmptyRow(r.cells))),
    });
  }
  return out;
}
