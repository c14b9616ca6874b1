/**
 * Step 4 of building logical tables (index.ts): rows cut by a page break. The first row
 * of a continuation whose key cells (first column and index columns) are empty and whose
 * filled cells are a strict subset of the previous row's filled cells only finishes that
 * row's text: it is appended to the previous row's cells (`joined`) and does not become
 * a row (TABLE_ROW_JOINED).
 */
import type { Anomaly } from '../../model/anomaly.js';
import { ok, type Result } from '../../model/result.js';
import { isCjk } from '../../read/text.js';
import type { WRow } from './clean-cells.js';
import { tableAnomaly, type TableContext } from './context.js';
import { classify } from './types.js';

/** Joins two pieces of one cell's text: no space between CJK characters, else one space. */
export function joinText(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return isCjk(a[a.length - 1]) || isCjk(b[0]) ? a + b : `${a} ${b}`;
}

/** The rows with every row that only finishes its predecessor's text joined into it. */
export function joinCutRows(
  ctx: TableContext,
  rows: WRow[],
  W: number,
  index: readonly boolean[],
  names: ReadonlyArray<{ name: string }>,
): Result<WRow[]> {
  const anomalies: Anomaly[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!r.startsContinuation || r.kind !== 'data') continue;
    let p = i - 1;
    while (p >= 0 && (rows[p]!.kind !== 'data' || rows[p]!.joinedInto)) p--;
    if (p < 0 || rows[p]!.frag === r.frag) continue;
    const prev = rows[p]!;
    if (!finishesText(r, prev, W, index) || r.cells.length > W) continue;
    const cols = joinRow(r, prev, W, names);
    anomalies.push(
      tableAnomaly(
        ctx,
        'TABLE_ROW_JOINED',
        `table ${ctx.id}: the row at line ${r.line} only finishes the text of the row at line ${prev.line}, cut by a page break (${cols.join(', ')}); joined to it`,
        r.line,
        1,
      ),
    );
    r.joinedInto = true;
  }
  // drop the joined rows in one pass (no splice per row: linear however many there are)
  if (rows.some((r) => r.joinedInto)) rows = rows.filter((r) => !r.joinedInto);
  return ok(rows, anomalies);
}

/**
 * Does row `r` only finish the text of row `prev`: its key cells (first column, index
 * columns) empty, some other cell filled, and its filled cells a strict subset of `prev`'s?
 */
function finishesText(r: WRow, prev: WRow, W: number, index: readonly boolean[]): boolean {
  let keysEmpty = true;
  let any = false;
  let subset = true;
  let strict = false;
  for (let j = 0; j < W; j++) {
    const c = r.cells[j]!;
    const pc = prev.cells[j]!;
    if (j === 0 || index[j]!) {
      if (c.text !== '') keysEmpty = false;
      continue;
    }
    if (c.text !== '') {
      any = true;
      if (pc.text === '') subset = false;
    } else if (pc.text !== '') strict = true;
  }
  return keysEmpty && any && subset && strict;
}

/** Appends the filled cells of `r` to those of `prev`; the names of the columns joined. */
function joinRow(r: WRow, prev: WRow, W: number, names: ReadonlyArray<{ name: string }>): string[] {
  const cols: string[] = [];
  for (let j = 0; j < W; j++) {
    const c = r.cells[j]!;
    if (c.text === '') continue;
    const pc = prev.cells[j]!;
    pc.text = joinText(pc.text, c.text);
    pc.key = undefined;
    const k = classify(pc.text);
    pc.cls = k.cls;
    pc.value = k.value;
    for (const a of c.artefacts) if (!pc.artefacts.includes(a)) pc.artefacts = [...pc.artefacts, a];
    (pc.joined ??= []).push({ raw: c.raw, line: c.line, column: c.column });
    cols.push(names[j]!.name);
  }
  return cols;
}
