/**
 * Step 3 of building logical tables (index.ts): the title, header and second header row
 * of the first fragment and the column names they give; the body rows laid out in the
 * table's columns, leading rows of continuations that repeat the header dropped, later
 * repeats kept as rows of kind `header`, ragged rows reported (TABLE_RAGGED_ROW); index
 * columns (序号) and group label rows.
 */
import type { Anomaly } from '../../model/anomaly.js';
import { ok, type Result } from '../../model/result.js';
import { mapPacked } from '../../model/packed.js';
import { isEmptyRow, numeric, onlyFirstFilled, padCell, repeatsHeader, sameRow, type WCell, type WRow } from './clean-cells.js';
import { tableAnomaly, type TableContext } from './context.js';
import { headerRowsOf, type Logical } from './logical.js';
import { profiles } from './profiles.js';

/** Words that head columns of gazette tables (generic, not of one issue). */
const HEADER_WORDS = [
  '序号',
  '编号',
  '名称',
  '姓名',
  '备注',
  '单位',
  '类别',
  '分类',
  '内容',
  '时间',
  '日期',
  '数量',
  '金额',
  '面积',
  '长度',
  '职务',
  '部门',
  '项目',
  '说明',
  '地址',
  '类型',
  '字段',
  '指标',
  '领域',
  '岸别',
  '桩号',
  '坐标',
];

function hasHeaderWord(text: string): boolean {
  if (text.length > 10) return false;
  for (const w of HEADER_WORDS) if (text.startsWith(w) || text.endsWith(w)) return true;
  return false;
}

/** A title row: one filled (non-numeric) cell, in the first column, of a table of ≥ 2 columns. */
export function isTitleRow(row: readonly WCell[] | undefined): boolean {
  return !!row && row.length >= 2 && onlyFirstFilled(row) && !numeric(row[0]!.cls);
}

/**
 * A row that reads as a header of the rows below: every cell filled, none numeric, and
 * either a column below it is mostly numeric or a cell is a usual header word.
 */
export function isHeaderLike(row: readonly WCell[] | undefined, below: readonly WCell[][]): boolean {
  if (!row || row.length === 0) return false;
  for (const c of row) if (c.text === '' || numeric(c.cls)) return false;
  for (const c of row) if (hasHeaderWord(c.text)) return true;
  for (let j = 0; j < row.length; j++) {
    let num = 0;
    let all = 0;
    for (const r of below) {
      const c = r[j];
      if (!c || c.cls === 'na') continue;
      all++;
      if (numeric(c.cls)) num++;
    }
    if (all > 0 && num * 2 >= all) return true;
  }
  return false;
}

/**
 * A second header row under spanning header cells: only non-numeric text, only under an
 * empty header cell or under a header cell followed by an empty one, and at least one
 * under an empty header cell.
 */
function isSubHeader(h: readonly WCell[], r: readonly WCell[] | undefined): boolean {
  if (!r || isEmptyRow(r)) return false;
  let underEmpty = false;
  for (let j = 0; j < r.length; j++) {
    const c = r[j]!;
    if (c.text === '') continue;
    if (numeric(c.cls)) return false;
    const hj = h[j];
    if (!hj) return false;
    if (hj.text === '') {
      underEmpty = true;
      continue;
    }
    if (!(h[j + 1] && h[j + 1]!.text === '')) return false;
  }
  return underEmpty;
}

/** Column names from the header row and an optional second row (spans carry their parent). */
export function columnNames(
  width: number,
  h: readonly WCell[] | null,
  sub: readonly WCell[] | null,
): Array<{ name: string; nameRaw: string }> {
  const out: Array<{ name: string; nameRaw: string }> = [];
  let parent: WCell | null = null;
  for (let j = 0; j < width; j++) {
    const hc = h?.[j];
    if (hc && hc.text !== '') parent = hc;
    else if (!h || j >= h.length) parent = null;
    const sc = sub?.[j];
    let name = '';
    let nameRaw = '';
    if (sc && sc.text !== '') {
      name = parent ? `${parent.text} ${sc.text}` : sc.text;
      nameRaw = parent ? `${parent.raw}\n${sc.raw}` : sc.raw;
    } else if (hc && hc.text !== '') {
      name = hc.text;
      nameRaw = hc.raw;
    }
    out.push({ name, nameRaw });
  }
  const seen = new Map<string, number>();
  for (let j = 0; j < out.length; j++) {
    const o = out[j]!;
    if (o.name === '') o.name = `列${j + 1}`;
    const k = seen.get(o.name) ?? 0;
    seen.set(o.name, k + 1);
    if (k > 0) o.name = `${o.name} (${k + 1})`;
  }
  return out;
}

/** Reads title, header and second header row of the first fragment. */
export function readHeaders(l: Logical): void {
  const p = l.pieces[0]!;
  const rows = [p.piece.header, ...p.piece.body];
  let k: number;
  if (isTitleRow(rows[0]) && isHeaderLike(rows[1], rows.slice(2))) {
    l.title = rows[0]![0]!;
    l.header = rows[1]!;
    k = 2;
  } else if (!isEmptyRow(rows[0]!)) {
    l.header = rows[0]!;
    k = 1;
  } else if (isTitleRow(rows[1]) && isHeaderLike(rows[2], rows.slice(3))) {
    l.title = rows[1]![0]!;
    l.header = rows[2]!;
    k = 3;
  } else if (isHeaderLike(rows[1], rows.slice(2))) {
    l.header = rows[1]!;
    k = 2;
  } else k = 1;
  if (l.header && isSubHeader(l.header, rows[k])) {
    l.sub = rows[k]!;
    k++;
  }
  p.headerRows = k;
}

/** Rows at the start of a continuation that repeat the table's title or header rows. */
export function repeatedHeaderRows(l: Logical, body: readonly WCell[][]): number {
  const heads = headerRowsOf(l);
  let k = 0;
  while (
    k < body.length &&
    !isEmptyRow(body[k]!) &&
    (heads.some((h) => sameRow(body[k]!, h)) || (l.title && isTitleRow(body[k]) && body[k]![0]!.text === l.title.text))
  )
    k++;
  return k;
}

/**
 * The body rows of every fragment below its header rows, in the table's columns (a
 * continuation's offset and short rows padded with empty cells); a row that repeats a
 * header row is of kind `header`. Rows whose cell count differs from their fragment's
 * header are reported (TABLE_RAGGED_ROW).
 */
export function layOutRows(ctx: TableContext, l: Logical, heads: readonly WCell[][]): Result<WRow[]> {
  const anomalies: Anomaly[] = [];
  const W = l.width;
  const rows: WRow[] = [];
  for (let fi = 0; fi < l.pieces.length; fi++) {
    const p = l.pieces[fi]!;
    const f = p.piece.frag;
    const fw = p.piece.header.length;
    const body = p.piece.body;
    // the rows below the fragment's header rows, read in place (no copy of the body)
    for (let ri = p.headerRows - 1; ri < body.length; ri++) {
      const cells = body[ri]!;
      const lineNo = cells[0]?.line ?? f.startLine;
      // the line's text, for a ragged row's anomaly and the columns of padding only
      const lineText = cells.length !== fw || p.offset > 0 || cells.length < W ? (ctx.src.lines.get(lineNo - 1) ?? '') : '';
      if (cells.length !== fw) anomalies.push(raggedRow(ctx, cells, fw, lineNo, lineText));
      let row = cells;
      if (p.offset > 0 || cells.length < W) {
        row = [];
        const firstCol = cells[0]?.column ?? 1;
        for (let j = 0; j < p.offset; j++) row.push(padCell(lineNo, firstCol));
        for (const c of cells) row.push(c);
        while (row.length < W) row.push(padCell(lineNo, lineText.length + 1));
      }
      let kind: WRow['kind'] = 'data';
      if (heads.length && !isEmptyRow(row) && heads.some((h) => repeatsHeader(row, h))) kind = 'header';
      rows.push({ line: lineNo, kind, cells: row, startsContinuation: fi > 0 && ri === p.headerRows - 1, frag: fi });
    }
  }
  return ok(rows, anomalies);
}

/** TABLE_RAGGED_ROW for a row of `cells.length` cells in a fragment whose header has `fw`. */
function raggedRow(ctx: TableContext, cells: readonly WCell[], fw: number, lineNo: number, lineText: string) {
  const more = cells.length > fw;
  return tableAnomaly(
    ctx,
    'TABLE_RAGGED_ROW',
    more
      ? `table ${ctx.id}: the row at line ${lineNo} has ${cells.length} cells where the header has ${fw}; the extra cell${cells.length - fw > 1 ? 's' : ''} ${cells
          .slice(fw)
          .map((c) => `“${c.text}”`)
          .join(', ')} kept`
      : `table ${ctx.id}: the row at line ${lineNo} has ${cells.length} cells where the header has ${fw}; the missing cells are read as empty`,
    lineNo,
    more ? cells[fw]!.column : lineText.length + 1,
  );
}

/** Is column j an index column (序号): by its header, or by integers counting up? */
function isIndexColumn(name: string, rows: readonly WRow[], j: number): boolean {
  if (/^(?:序号|编号|序|No\.?|NO\.?|#)$/.test(name)) return true;
  let prev: number | null = null;
  let ints = 0;
  let seq = 0;
  let typed = 0;
  for (const r of rows) {
    if (r.kind !== 'data') {
      prev = null;
      continue;
    }
    const c = r.cells[j];
    if (!c || c.cls === 'na') continue;
    typed++;
    if (c.cls !== 'integer') continue;
    ints++;
    const v = c.value as number;
    if (prev !== null && (v === prev + 1 || v === 1)) seq++;
    prev = v;
  }
  // integers counting up (restarting at 1 is allowed: numbering per group)
  return typed >= 2 && ints >= typed * 0.8 && seq >= (ints - 1) * 0.8;
}

/** Which columns are index columns (序号)? They stand at the left: only the first three are looked at. */
export function indexColumns(names: ReadonlyArray<{ name: string }>, rows: readonly WRow[]): boolean[] {
  return mapPacked(names, (n, j) => j < 3 && isIndexColumn(n.name, rows, j));
}

/**
 * Group label rows: one filled, non-numeric cell in the first column, in a table whose
 * first column numbers the rows (序号) or whose other columns hold numbers (a section row
 * such as 一、收入 in a table of amounts). In a form (all text) such a row is data.
 */
export function markGroupRows(rows: readonly WRow[], W: number, index: readonly boolean[]): void {
  const hasNumbers = () =>
    profiles(
      mapPacked(
        rows.filter((r) => r.kind === 'data'),
        (r) => r.cells,
      ),
      W,
    ).some((p, j) => j > 0 && p.type !== 'text' && p.typed >= 2);
  if (W >= 3 && (index[0] || hasNumbers())) {
    for (const r of rows) {
      if (r.kind === 'data' && onlyFirstFilled(r.cells) && !numeric(r.cells[0]!.cls)) r.kind = 'group';
    }
  }
}

/** Each data row below a group row gets that group's label (none when the table has no group rows). */
export function labelGroups(rows: readonly WRow[]): void {
  let group: string | null = null;
  let hasGroups = false;
  for (const r of rows) {
    if (r.kind === 'group') {
      group = r.cells[0]!.text;
      hasGroups = true;
    } else if (r.kind === 'data' && hasGroups) r.group = group;
  }
}
