/**
 * Sluices: the summary table (one row per sluice: banks, lengths, areas) and the boundary
 * sections (`(n) 名称` + a table of stakes with Y/X) of any document, joined by name and
 * checked. Steps, each a module, imports running one way:
 *
 * 1. Read (read.ts): tables whose header has a name column and shoreline/area columns are
 *    summary tables; tables with a stake column and Y and X columns are stake tables, each
 *    owned by the heading line above it. Column meaning comes from header text only.
 * 2. Join (join.ts), per document: summary rows and sections by tolerant name match, into
 *    drafts (draft.ts).
 * 3. Check (check.ts): geometry and every check, marking the drafts.
 * 4. Records (records.ts): sluices and stakes, linked by position.
 */
import { flatMap, map, ok, type Result } from '../../model/result.js';
import { checkSluices } from './check.js';
import type { Grid } from './grid.js';
import { joinSluices } from './join.js';
import { readSluiceTables } from './read.js';
import { toRecords, type SluiceData } from './records.js';
import type { Lines } from '../../model/lines.js';

export { gridsFromTables, gridsFromFragments, type Grid } from './grid.js';
export { joinSluices } from './join.js';
export type { SluiceData } from './records.js';

/** Sluice records and stake records of an issue from its tables (as grids). */
export function extractSluices(grids: readonly Grid[], lines: Lines): Result<SluiceData> {
  return flatMap(readSluiceTables(grids, lines), (read) => {
    if (read.summary.length === 0 && read.sections.length === 0) return ok<SluiceData>({ sluices: [], points: [] });
    const drafts = joinSluices(read.summary, read.sections);
    return map(checkSluices(drafts, read.totals, lines), toRecords);
  });
}
