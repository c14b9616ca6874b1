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
import { append, type Result } from '../../model/result.js';
import type { ColumnType, Table, TableCell, TableColumn, TableFragment, TableRow } from '../../model/table.js';
import type { SourceLines } from '../../read/lines.js';
import { anomaly, type Code } from '../../model/catalogue.js';
import { isCjk, matchKey } from '../../read/text.js';
import { cleanCell, NO_ARTEFACTS, type Artefact } from './clean.js';
import { scanTables, type RawRow } from './scan.js';
import { withOtherFragments } from './runs.js';
import type { Block } from '../../read/reading.js';
import { classify, fits, typeOfCounts, type CellClass, type ClassCounts } from './types.js';

export { scanTables, splitRow, type Fragment, type RawCell, type RawRow } from './scan.js';
export { cleanCell } from './clean.js';

interface WCell {
  raw: string;
  text: string;
  line: number;
  column: number;
  /** Shared and frozen when empty: replace, never push. */
  artefacts: readonly Artefact[];
  cls: CellClass;
  value: number | string | null;
  filled?: boolean;
  original?: string;
  joined?: Array<{ raw: string; line: number; column: number }>;
  /** true for a cell added because the row had fewer cells than the table. */
  pad?: boolean;
  /** Cached matchKey of `text` (header comparison). */
  key?: string;
}

interface WRow {
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

interface Piece {
  frag: { startLine: number; endLine: number };
  header: WCell[];
  body: WCell[][];
}

interface Logical {
  pieces: Array<{ piece: Piece; continuation: TableFragment['continuation']; offset: number; headerRows: number }>;
  width: number;
  headerTop: WCell[];
  header: WCell[] | null;
  sub: WCell[] | null;
  title: WCell | null;
  /** Column profiles of its last rows, for telling a continuation from a new table. */
  recent: RecentRows;
  /** Anomalies found while merging, attached once the table has its id. */
  pending: Array<{ code: Code; message: (id: string) => string; line: number; column?: number; endLine?: number }>;
}

function cleanRow(row: RawRow): WCell[] {
  const out: WCell[] = new Array(row.cells.length);
  for (let j = 0; j < out.length; j++) {
    const c = row.cells[j]!;
    const cl = cleanCell(c.text);
    const k = classify(cl.text);
    out[j] = { raw: c.text, text: cl.text, line: c.line, column: c.column, artefacts: cl.artefacts, cls: k.cls, value: k.value };
  }
  return out;
}

function filledCount(row: readonly WCell[]): number {
  let n = 0;
  for (let j = 0; j < row.length; j++) if (row[j]!.text !== '') n++;
  return n;
}
const isEmptyRow = (row: readonly WCell[]): boolean => filledCount(row) === 0;
const numeric = (cls: CellClass): boolean => cls === 'integer' || cls === 'number' || cls === 'percentage' || cls === 'date';
/** matchKey of a cell's text, computed once. */
function keyOf(c: WCell): string {
  return (c.key ??= matchKey(c.text));
}

/**
 * Does `row` repeat header row `h` (cell by cell, compared loosely by matchKey)? Cheap
 * checks first: identical text, then length, so long data cells never reach matchKey.
 */
function sameRow(row: readonly WCell[], h: readonly WCell[]): boolean {
  if (row.length !== h.length) return false;
  for (let j = 0; j < row.length; j++) {
    const a = row[j]!.text;
    const b = h[j]!.text;
    if (a === b) continue;
    if (Math.abs(a.length - b.length) > 8 || keyOf(row[j]!) !== keyOf(h[j]!)) return false;
  }
  return true;
}

/** Does `row` repeat header row `h` in its first cells, the rest (if wider) empty? No copies. */
function repeatsHeader(row: readonly WCell[], h: readonly WCell[]): boolean {
  if (row.length < h.length) return false;
  for (let j = 0; j < h.length; j++) {
    const a = row[j]!.text;
    const b = h[j]!.text;
    if (a === b) continue;
    if (Math.abs(a.length - b.length) > 8 || keyOf(row[j]!) !== keyOf(h[j]!)) return false;
  }
  for (let j = h.length; j < row.length; j++) if (row[j]!.text !== '') return false;
  return true;
}

/** The non-empty rows among title/header rows a later row may repeat. */
function headerRowsOf(l: Logical): WCell[][] {
  return [l.headerTop, l.header, l.sub].filter((r): r is WCell[] => !!r && !isEmptyRow(r));
}

/** Words that head columns of gazette tables (generic, not of one issue). */
const HEADER_WORDS = ['序号', '编号', '名称', '姓名', '备注', '单位', '类别', '分类', '内容', '时间', '日期', '数量', '金额', '面积', '长度', '职务', '部门', '项目', '说明', '地址', '类型', '字段', '指标', '领域', '岸别', '桩号', '坐标'];

function hasHeaderWord(text: string): boolean {
  if (text.length > 10) return false;
  for (const w of HEADER_WORDS) if (text.startsWith(w) || text.endsWith(w)) return true;
  return false;
}

/** A title row: one filled (non-numeric) cell, in the first column, of a table of ≥ 2 columns. */
function isTitleRow(row: readonly WCell[] | undefined): boolean {
  return !!row && row.length >= 2 && row[0]!.text !== '' && !numeric(row[0]!.cls) && filledCount(row) === 1;
}

/**
 * A row that reads as a header of the rows below: every cell filled, none numeric, and
 * either a column below it is mostly numeric or a cell is a usual header word.
 */
function isHeaderLike(row: readonly WCell[] | undefined, below: readonly WCell[][]): boolean {
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
function columnNames(width: number, h: readonly WCell[] | null, sub: readonly WCell[] | null): Array<{ name: string; nameRaw: string }> {
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

/** A line that a page break leaves between two fragments: blank, or a page number. */
function isPageArtefact(line: string): boolean {
  if (line.length > 24) return false;
  const t = line.trim();
  if (t === '') return true;
  let digits = 0;
  for (const ch of t) {
    if (ch >= '0' && ch <= '9') digits++;
    else if (!'-—–－ ()（）·•第页/'.includes(ch)) return false;
  }
  return digits > 0 && digits <= 4;
}

/** Type profile of the columns of some rows: inferred type, classified cells, fill share. */
interface Profile {
  type: ColumnType;
  typed: number;
  fill: number;
}
function profiles(rows: readonly WCell[][], width: number): Profile[] {
  const out: Profile[] = [];
  // Counted in place (no per-column array of classes): this runs over whole tables.
  for (let j = 0; j < width; j++) {
    const count: ClassCounts = { integer: 0, number: 0, percentage: 0, date: 0, text: 0 };
    let filled = 0;
    let typed = 0;
    for (let i = 0; i < rows.length; i++) {
      const c = rows[i]![j];
      if (!c) continue;
      if (c.text !== '') filled++;
      if (c.cls !== 'na') {
        typed++;
        count[c.cls]++;
      }
    }
    out.push({ type: typeOfCounts(count), typed, fill: rows.length ? filled / rows.length : 0 });
  }
  return out;
}
function similarity(a: Profile, b: Profile): number {
  let s = Math.abs(a.fill - b.fill) < 0.5 ? 0.5 : -0.5;
  if (a.typed > 0 && b.typed > 0) {
    const an = a.type !== 'text';
    const bn = b.type !== 'text';
    if (a.type === b.type) s += an ? 2 : 1;
    else if (an && bn) s += a.type === 'date' || b.type === 'date' ? -1 : 1;
    else s -= 2;
  }
  return s;
}

/** Best column offset of a narrower fragment within the table (or the table within a wider one). */
function align(table: Profile[], frag: Profile[]): { offset: number; score: number } {
  const narrow = frag.length <= table.length ? frag : table;
  const wide = frag.length <= table.length ? table : frag;
  let best = { offset: 0, score: -Infinity };
  // A wider fragment only extends the table to the right (offset 0).
  const maxOffset = frag.length <= table.length ? wide.length - narrow.length : 0;
  for (let o = 0; o <= maxOffset; o++) {
    let s = 0;
    for (let j = 0; j < narrow.length; j++) s += similarity(wide[o + j]!, narrow[j]!);
    if (s > best.score) best = { offset: o, score: s };
  }
  return best;
}

/** Does an empty-header fragment of the same width carry the same kind of data as the table? */
function sameKind(table: Profile[], frag: Profile[]): number {
  for (let j = 0; j < table.length; j++) {
    const t = table[j]!;
    const f = frag[j]!;
    if (t.type !== 'text' && t.typed >= 2 && f.typed >= 2 && f.type === 'text') return j;
  }
  return -1;
}

/**
 * Column profiles of the last `max` body rows of a table (all when fewer): enough to tell
 * what its columns hold. Kept up to date as fragments are merged: a row is counted when it
 * enters and uncounted when it leaves, so a long run of page-split fragments costs each
 * row twice in all (recounting the last rows for every fragment cost `max` rows each).
 */
const PROFILE_ROWS = 100;
type ColumnCounts = ClassCounts & { filled: number };
class RecentRows {
  private readonly rows: Array<{ cells: readonly WCell[]; offset: number }> = [];
  private head = 0;
  private readonly counts: ColumnCounts[] = [];
  /** Pieces of the table already taken in. */
  private taken = 0;
  constructor(private readonly max: number) {}

  profiles(l: Logical): Profile[] {
    for (; this.taken < l.pieces.length; this.taken++) {
      const p = l.pieces[this.taken]!;
      const body = p.piece.body;
      for (let i = Math.max(0, p.headerRows - 1); i < body.length; i++) this.add(body[i]!, p.offset);
    }
    const n = this.rows.length - this.head;
    const out: Profile[] = [];
    for (let j = 0; j < l.width; j++) {
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
      if (c.cls !== 'na') col[c.cls] += d;
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

/** Joins two pieces of one cell's text: no space between CJK characters, else one space. */
function joinText(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return isCjk(a[a.length - 1]) || isCjk(b[0]) ? a + b : `${a} ${b}`;
}

interface Owner {
  doc: number;
  att: number | null;
}
function ownerOf(line: number, documents: readonly Document[]): Owner {
  for (let d = 0; d < documents.length; d++) {
    const doc = documents[d]!;
    if (line < doc.span.startLine || line > doc.span.endLine) continue;
    let att: number | null = null;
    let best = 0;
    doc.attachments.forEach((a, i) => {
      if (a.startLine !== null && a.startLine <= line && a.startLine >= best) {
        best = a.startLine;
        att = i;
      }
    });
    return { doc: d, att };
  }
  return { doc: -1, att: null };
}

const TABLE_LABEL = /^表\s*[0-9０-９一二三四五六七八九十]+(?:[\s：:．.、-]|$)/;
const NOTE_LABEL = /^(?:注|说明|备注)\s*[0-9０-９]*\s*[：:]/;

/** `表 N：…` below the table, then `注：` / `说明：` lines. */
function readBelow(src: SourceLines, endLine: number): { caption: { text: string; line: number } | null; notes: Array<{ text: string; line: number }> } {
  const lines = src.lines;
  let caption: { text: string; line: number } | null = null;
  const notes: Array<{ text: string; line: number }> = [];
  let i = endLine; // 0-based index of the line after the table
  let blanks = 0;
  // Blank lines holding page furniture an input reader removed are a page break: up to 12.
  let pageBreak = false;
  while (i < lines.length && (blanks <= 2 || (pageBreak && blanks <= 12))) {
    const t = lines[i]!.trim();
    if (t === '') {
      if (src.removed?.[i] === 1) pageBreak = true;
      blanks++;
      i++;
      continue;
    }
    if (!caption && notes.length === 0 && TABLE_LABEL.test(t)) {
      caption = { text: cleanCell(t).text, line: i + 1 };
      blanks = 0;
      i++;
      continue;
    }
    if (NOTE_LABEL.test(t)) {
      notes.push({ text: cleanCell(t).text, line: i + 1 });
      blanks = 0;
      i++;
      // the note's following lines up to a blank line belong to it
      while (i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.trimStart().startsWith('|')) {
        notes.push({ text: cleanCell(lines[i]!.trim()).text, line: i + 1 });
        i++;
      }
      continue;
    }
    break;
  }
  return { caption, notes };
}

/** A short title line right above the table (not a sentence, not another table's label). */
function readAbove(src: SourceLines, startLine: number, floor: number): { text: string; line: number } | null {
  let i = startLine - 2;
  let blanks = 0;
  let pageBreak = false;
  while (i >= floor && (blanks <= 2 || (pageBreak && blanks <= 12))) {
    const t = src.lines[i]!.trim();
    if (t === '') {
      if (src.removed?.[i] === 1) pageBreak = true;
      blanks++;
      i--;
      continue;
    }
    if (t.startsWith('|') || TABLE_LABEL.test(t)) return null;
    const text = cleanCell(t).text;
    const last = text[text.length - 1];
    if (text.length > 60 || last === '。' || last === '；' || last === ';' || last === '，' || /^附件\s*[0-9０-９]*\s*[：:]?$/.test(text)) return null;
    return { text, line: i + 1 };
  }
  return null;
}

/**
 * Every logical table of the issue. `documents` (from the structure reader) give each
 * table its owner; with an empty list every table is outside documents (`t1`, `t2` …).
 * `blocks`: tables an input reader has read (converter Markdown's HTML tables); they and
 * pipe rows without a |---| row (runs.ts) join the scanner's fragments before step 2.
 */
export function extractTables(src: SourceLines, documents: readonly Document[], blocks?: readonly Block[]): Result<Table[]> {
  const anomalies: Anomaly[] = [];
  const pieces: Piece[] = withOtherFragments(scanTables(src, cleanRow), src, blocks, cleanRow).map((f) => ({ frag: { startLine: f.startLine, endLine: f.endLine }, header: f.header, body: f.rows }));

  // -- 2. merge continuations -------------------------------------------------------
  const logicals: Logical[] = [];
  let cur: Logical | null = null;
  let curOwner: Owner | null = null;
  const start = (p: Piece): Logical => {
    const l: Logical = {
      pieces: [{ piece: p, continuation: 'first', offset: 0, headerRows: 1 }],
      width: p.header.length,
      headerTop: p.header,
      header: null,
      sub: null,
      title: null,
      recent: new RecentRows(PROFILE_ROWS),
      pending: [],
    };
    readHeaders(l);
    return l;
  };
  for (const p of pieces) {
    const owner = ownerOf(p.frag.startLine, documents);
    let merged = false;
    if (cur && curOwner && owner.doc === curOwner.doc && owner.att === curOwner.att) {
      const prevEnd = cur.pieces[cur.pieces.length - 1]!.piece.frag.endLine;
      let between = true;
      for (let ln = prevEnd + 1; ln < p.frag.startLine && between; ln++) if (!isPageArtefact(src.lines[ln - 1]!)) between = false;
      if (between) merged = tryMerge(cur, p);
    }
    if (!merged) {
      cur = start(p);
      curOwner = owner;
      logicals.push(cur);
    }
  }

  // -- 3.–7. build each logical table ----------------------------------------------
  const tables: Table[] = [];
  const perDoc = new Map<number, number>();
  let outside = 0;
  for (const l of logicals) {
    const first = l.pieces[0]!.piece.frag;
    const owner = ownerOf(first.startLine, documents);
    const doc = owner.doc >= 0 ? documents[owner.doc]! : null;
    let id: string;
    if (doc) {
      const n = (perDoc.get(owner.doc) ?? 0) + 1;
      perDoc.set(owner.doc, n);
      id = `${doc.id}-t${n}`;
    } else id = `t${++outside}`;
    const res = buildTable(src, l, id, doc, owner.att, tables.length > 0 ? tables[tables.length - 1]!.span.endLine : 0);
    tables.push(res.value);
    append(anomalies, res.anomalies);
  }
  return { value: tables, anomalies };
}

/** Reads title, header and second header row of the first fragment. */
function readHeaders(l: Logical): void {
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
function repeatedHeaderRows(l: Logical, body: readonly WCell[][]): number {
  const heads = headerRowsOf(l);
  let k = 0;
  while (
    k < body.length &&
    !isEmptyRow(body[k]!) &&
    (heads.some((h) => sameRow(body[k]!, h)) || (l.title && isTitleRow(body[k]) && body[k]![0]!.text === l.title.text))
  ) k++;
  return k;
}

/** Tries to append fragment `p` to table `l` as a continuation; false when it is a new table. */
function tryMerge(l: Logical, p: Piece): boolean {
  const f = p.frag;
  const range = `lines ${f.startLine}–${f.endLine}`;
  if (!isEmptyRow(p.header)) {
    if (!sameRow(p.header, l.headerTop)) return false;
    const extra = repeatedHeaderRows(l, p.body);
    l.pieces.push({ piece: p, continuation: 'repeatHeader', offset: 0, headerRows: 1 + extra });
    l.pending.push({ code: 'TABLE_MERGED', line: f.startLine, endLine: f.endLine, message: (id) => `table ${id}: the fragment at ${range} repeats the header after a page break; merged as its continuation` });
    return true;
  }
  // An empty header row: a continuation, unless the fragment brings its own title/header.
  const rows = [p.header, ...p.body];
  const extra = repeatedHeaderRows(l, p.body);
  if (extra === 0 && ((isTitleRow(rows[1]) && isHeaderLike(rows[2], rows.slice(3))) || isHeaderLike(rows[1], rows.slice(2)))) {
    // it brings a header of its own (the table's own header would have been counted in `extra`)
    return false;
  }
  const fragRows = p.body.slice(extra);
  const tp = l.recent.profiles(l);
  const fp = profiles(fragRows, p.header.length);
  if (p.header.length === l.width) {
    const bad = sameKind(tp, fp);
    if (bad >= 0) {
      l.pending.push({
        code: 'TABLE_CONTINUATION_MISMATCH',
        line: f.startLine,
        message: (id) => `the fragment at ${range} follows table ${id} with an empty header row, but its column ${bad + 1} holds text where the table has ${tp[bad]!.type} values; kept as a separate table`,
      });
      return false;
    }
    l.pieces.push({ piece: p, continuation: 'emptyHeader', offset: 0, headerRows: 1 + extra });
    l.pending.push({ code: 'TABLE_MERGED', line: f.startLine, endLine: f.endLine, message: (id) => `table ${id}: the fragment at ${range} starts with an empty header row after a page break; merged as its continuation` });
    return true;
  }
  const a = align(tp, fp);
  const w = p.header.length;
  if (a.score <= 0) {
    l.pending.push({
      code: 'TABLE_CONTINUATION_MISMATCH',
      line: f.startLine,
      message: (id) => `the fragment at ${range} follows table ${id} with an empty header row, but has ${w} columns where the table has ${l.width} and no alignment of its data fits; kept as a separate table`,
    });
    return false;
  }
  const oldWidth = l.width;
  if (w > l.width) l.width = w;
  const offset = w < oldWidth ? a.offset : 0;
  l.pieces.push({ piece: p, continuation: 'emptyHeader', offset, headerRows: 1 + extra });
  l.pending.push({
    code: 'TABLE_CONTINUATION_MISMATCH',
    line: f.startLine,
    endLine: f.endLine,
    message: (id) =>
      w < oldWidth
        ? `table ${id}: the continuation at ${range} has ${w} columns where the table has ${oldWidth}; merged with its columns read as columns ${offset + 1}–${offset + w} (by their data), the others left empty`
        : `table ${id}: the continuation at ${range} has ${w} columns where the table has ${oldWidth}; merged, the table widened to ${w} columns and its earlier rows padded with empty cells`,
  });
  l.pending.push({ code: 'TABLE_MERGED', line: f.startLine, endLine: f.endLine, message: (id) => `table ${id}: the fragment at ${range} starts with an empty header row after a page break; merged as its continuation` });
  return true;
}

/** An empty cell standing in for one a short row (or a continuation that lost a column) lacks. */
function padCell(lineNo: number, column: number): WCell {
  return { raw: '', text: '', line: lineNo, column, artefacts: NO_ARTEFACTS, cls: 'na', value: null, pad: true };
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

function buildTable(src: SourceLines, l: Logical, id: string, doc: Document | null, att: number | null, prevEnd: number): Result<Table> {
  const anomalies: Anomaly[] = [];
  const documentId = doc?.id;
  const add = (code: Code, message: string, line: number, column = 1, endLine?: number) => {
    const a = anomaly(code, { message, line, column, endLine, documentId, evidence: src.lines[line - 1] ?? '' });
    anomalies.push(a);
  };
  for (const p of l.pending) add(p.code, p.message(id), p.line, p.column, p.endLine);

  const W = l.width;
  const names = columnNames(W, l.header, l.sub);
  const heads = headerRowsOf(l);

  // -- rows ---------------------------------------------------------------------------
  let rows: WRow[] = [];
  l.pieces.forEach((p, fi) => {
    const f = p.piece.frag;
    const fw = p.piece.header.length;
    p.piece.body.slice(p.headerRows - 1).forEach((cells, ri) => {
      const lineNo = cells[0]?.line ?? f.startLine;
      const lineText = src.lines[lineNo - 1] ?? '';
      if (cells.length !== fw) {
        const more = cells.length > fw;
        add(
          'TABLE_RAGGED_ROW',
          more
            ? `table ${id}: the row at line ${lineNo} has ${cells.length} cells where the header has ${fw}; the extra cell${cells.length - fw > 1 ? 's' : ''} ${cells.slice(fw).map((c) => `“${c.text}”`).join(', ')} kept`
            : `table ${id}: the row at line ${lineNo} has ${cells.length} cells where the header has ${fw}; the missing cells are read as empty`,
          lineNo,
          more ? cells[fw]!.column : lineText.length + 1,
        );
      }
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
      rows.push({ line: lineNo, kind, cells: row, startsContinuation: fi > 0 && ri === 0, frag: fi });
    });
  });

  // index columns, then group rows (one filled, non-numeric cell in an index first column)
  // index columns (序号) stand at the left: only the first three columns are looked at
  const index = names.map((n, j) => j < 3 && isIndexColumn(n.name, rows, j));
  // Group label rows: one filled, non-numeric cell in the first column, in a table whose
  // first column numbers the rows (序号) or whose other columns hold numbers (a section row
  // such as 一、收入 in a table of amounts). In a form (all text) such a row is data.
  const hasNumbers = () => profiles(rows.filter((r) => r.kind === 'data').map((r) => r.cells), W).some((p, j) => j > 0 && p.type !== 'text' && p.typed >= 2);
  if (W >= 3 && (index[0] || hasNumbers())) {
    for (const r of rows) {
      if (r.kind === 'data' && filledCount(r.cells) === 1 && r.cells[0]!.text !== '' && !numeric(r.cells[0]!.cls)) r.kind = 'group';
    }
  }

  // -- 4. rows cut by a page break ---------------------------------------------------------
  const isKey = (j: number) => j === 0 || index[j]!;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!r.startsContinuation || r.kind !== 'data') continue;
    let p = i - 1;
    while (p >= 0 && (rows[p]!.kind !== 'data' || rows[p]!.joinedInto)) p--;
    if (p < 0 || rows[p]!.frag === r.frag) continue;
    const prev = rows[p]!;
    let keysEmpty = true;
    let any = false;
    let subset = true;
    let strict = false;
    for (let j = 0; j < W; j++) {
      const c = r.cells[j]!;
      const pc = prev.cells[j]!;
      if (isKey(j)) {
        if (c.text !== '') keysEmpty = false;
        continue;
      }
      if (c.text !== '') {
        any = true;
        if (pc.text === '') subset = false;
      } else if (pc.text !== '') strict = true;
    }
    if (!(keysEmpty && any && subset && strict) || r.cells.length > W) continue;
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
    add(
      'TABLE_ROW_JOINED',
      `table ${id}: the row at line ${r.line} only finishes the text of the row at line ${prev.line}, cut by a page break (${cols.join(', ')}); joined to it`,
      r.line,
      1,
    );
    r.joinedInto = true;
  }
  // drop the joined rows in one pass (no splice per row: linear however many there are)
  if (rows.some((r) => r.joinedInto)) rows = rows.filter((r) => !r.joinedInto);

  // group label for data rows
  let group: string | null = null;
  let hasGroups = false;
  for (const r of rows) {
    if (r.kind === 'group') {
      group = r.cells[0]!.text;
      hasGroups = true;
    } else if (r.kind === 'data' && hasGroups) r.group = group;
  }

  // -- 5. merged cells -----------------------------------------------------------------------
  const dataRows = rows.filter((r) => r.kind === 'data');
  const preTypes = profiles(dataRows.map((r) => r.cells), W).map((p) => p.type);
  const groupCols: number[] = [];
  for (let c = 0; c < W; c++) {
    const measurement = preTypes[c] !== 'text' && !index[c];
    const hasValue = dataRows.some((r) => r.cells[c]!.text !== '');
    let candidates = 0;
    if (!measurement && hasValue) {
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
        if (!groupCols.every((g) => r.cells[g]!.text === '')) continue;
        let right = false;
        for (let j = c + 1; j < W; j++) if (r.cells[j]!.text !== '') right = true;
        if (right) candidates++;
      }
    }
    const enough = groupCols.length === 0 ? candidates >= Math.max(1, Math.ceil(dataRows.length * 0.15)) : candidates >= 1;
    if (enough) groupCols.push(c);
    else if (!index[c]) break;
  }
  for (const c of groupCols) {
    let above: WCell | null = null;
    let count = 0;
    let firstLine = 0;
    const before = groupCols.filter((g) => g < c);
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
      let right = false;
      for (let j = c + 1; j < W; j++) if (r.cells[j]!.text !== '') right = true;
      if (!right) continue;
      cell.original = cell.raw;
      cell.filled = true;
      cell.text = above.text;
      cell.key = undefined;
      cell.cls = above.cls;
      cell.value = above.value;
      count++;
      if (!firstLine) firstLine = r.line;
    }
    if (count > 0) {
      add('TABLE_CELLS_FILLED', `table ${id}: ${count} empty cell${count > 1 ? 's' : ''} of column “${names[c]!.name}” stand${count > 1 ? '' : 's'} under a merged cell; filled from the cell above`, firstLine, 1);
    }
  }

  // -- 6. types ----------------------------------------------------------------------------------
  const columns: TableColumn[] = names.map((n, j) => {
    const count: ClassCounts = { integer: 0, number: 0, percentage: 0, date: 0, text: 0 };
    for (const r of dataRows) {
      const c = r.cells[j]!;
      if (!c.filled && !c.pad && c.cls !== 'na') count[c.cls]++;
    }
    return { name: n.name, nameRaw: n.nameRaw, type: typeOfCounts(count) };
  });
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
        add('TABLE_CELL_TYPE', `table ${id}: the cell “${c.text}” (row at line ${r.line}, column “${col.name}”) is not ${col.type === 'integer' ? 'an integer' : `a ${col.type}`} like the rest of its column; kept as text`, c.line, c.column);
      }
    }
  }

  // rows whose text slid one column (reported, not moved)
  detectShifted(dataRows, W, groupCols, index, columns, (line, column, msg) => add('TABLE_ROW_SHIFTED', `table ${id}: ${msg}`, line, column), names);

  // artefacts
  for (const r of rows) {
    for (let j = 0; j < r.cells.length; j++) {
      const c = r.cells[j]!;
      if (c.artefacts.length === 0 || c.filled) continue;
      const what = c.artefacts.map((a) => (a === 'html' ? 'HTML' : a === 'latex' ? 'LaTeX' : '** markers')).join(', ');
      add('TABLE_ARTEFACT_CLEANED', `table ${id}: ${what} in cell “${names[j]?.name ?? `列${j + 1}`}” of the row at line ${r.line} turned into text: “${c.text.length > 40 ? c.text.slice(0, 40) + '…' : c.text}”`, c.line, c.column);
    }
  }
  for (const h of [l.title, ...(l.header ?? []), ...(l.sub ?? [])]) {
    if (h && h.artefacts.length) add('TABLE_ARTEFACT_CLEANED', `table ${id}: ${h.artefacts.map((a) => (a === 'html' ? 'HTML' : a === 'latex' ? 'LaTeX' : '** markers')).join(', ')} in a header cell turned into text: “${h.text}”`, h.line, h.column);
  }

  // -- 7. caption, notes, output ------------------------------------------------------------
  const firstFrag = l.pieces[0]!.piece.frag;
  const lastFrag = l.pieces[l.pieces.length - 1]!.piece.frag;
  const below = readBelow(src, lastFrag.endLine);
  const caption = below.caption ?? readAbove(src, firstFrag.startLine, Math.max(prevEnd, doc ? doc.span.startLine - 1 : 0));
  const fragments: TableFragment[] = l.pieces.map((p) => ({
    startLine: p.piece.frag.startLine,
    endLine: p.piece.frag.endLine,
    headerRows: p.headerRows,
    continuation: p.continuation,
    columnOffset: p.offset,
  }));
  const outRows: TableRow[] = rows.map((r) => {
    const o: TableRow = { line: r.line, kind: r.kind, cells: r.cells.map(toCell) };
    if (r.group !== undefined) o.group = r.group;
    return o;
  });
  const table: Table = {
    id,
    documentId: doc?.id ?? null,
    attachmentIndex: att,
    caption,
    title: l.title ? { text: l.title.text, line: l.title.line } : null,
    notes: below.notes,
    fragments,
    columns,
    rows: outRows,
    span: { startLine: firstFrag.startLine, endLine: lastFrag.endLine },
  };
  return { value: table, anomalies };
}

function toCell(c: WCell): TableCell {
  const o: TableCell = { text: c.text, raw: c.raw, value: c.value, line: c.line, column: c.column };
  if (c.filled) {
    o.filled = true;
    o.original = c.original ?? '';
  }
  if (c.joined) o.joined = c.joined;
  return o;
}

/**
 * A row whose text slid one column: moving the cells on one side of an empty cell by one
 * column puts more of them where the same text stands in other rows (a responsible unit
 * under 责任单位, a `/` under 牵头部门). Reported only.
 */
function detectShifted(
  data: readonly WRow[],
  W: number,
  groupCols: readonly number[],
  index: readonly boolean[],
  columns: readonly TableColumn[],
  report: (line: number, column: number, message: string) => void,
  names: ReadonlyArray<{ name: string }>,
): void {
  // too small a table to tell a slid row from an odd one
  if (W < 3 || data.length < 4) return;
  // numbers, dates and percentages do not repeat in a way that shows where a cell belongs:
  // only text columns have a vocabulary
  const textCol = columns.map((c) => c.type === 'text');
  const vocab: Array<Map<string, number>> = [];
  for (let j = 0; j < W; j++) {
    const m = new Map<string, number>();
    if (textCol[j]) for (const r of data) {
      const c = r.cells[j]!;
      // only short values repeat in a way that shows where a cell belongs (units, '/')
      if (c.raw !== '' && !c.filled && c.text.length <= 40) m.set(c.text, (m.get(c.text) ?? 0) + 1);
    }
    vocab.push(m);
  }
  const fixed = (j: number) => groupCols.includes(j) || index[j]!;
  const known = (j: number, t: string, self: boolean) => (vocab[j]?.get(t) ?? 0) - (self ? 1 : 0) >= 2;
  // share of data rows in which each column is filled (as written)
  const fill: number[] = [];
  for (let j = 0; j < W; j++) {
    let filled = 0;
    for (const r of data) if (r.cells[j]!.raw !== '') filled++;
    fill.push(data.length ? filled / data.length : 0);
  }
  // Per row, in O(W): for each movable cell (filled, not a key or group column) whether its
  // text is known in its own column, the one left and the one right of it; prefix/suffix
  // sums then give the gain of every hypothesis "the cells right (left) of the empty cell e
  // slid one column".
  const now = new Array<boolean>(W);
  const toLeft = new Array<boolean>(W);
  const toRight = new Array<boolean>(W);
  const mv = new Array<boolean>(W);
  const pre = new Array<number>(W + 1); // gain of moving cells [0, e) one column right
  const preN = new Array<number>(W + 1); // movable cells in [0, e)
  const suf = new Array<number>(W + 1); // gain of moving cells (e, W) one column left
  const sufN = new Array<number>(W + 1);
  let lastFixed = -1;
  for (let j = 0; j < W; j++) if (fixed(j)) lastFixed = j;
  for (const r of data) {
    let best: { gain: number; from: number; to: number; dir: number; column: number } | null = null;
    let any = false;
    for (let j = 0; j < W; j++) {
      const c = r.cells[j]!;
      mv[j] = !fixed(j) && c.text !== '' && !c.filled;
      if (!mv[j] || c.text.length > 40 || !textCol[j]) {
        now[j] = toLeft[j] = toRight[j] = false;
        continue;
      }
      now[j] = known(j, c.text, true);
      toLeft[j] = j > 0 && known(j - 1, c.text, false);
      toRight[j] = j + 1 < W && known(j + 1, c.text, false);
      if (toLeft[j] || toRight[j]) any = true;
    }
    if (any) {
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
      for (let e = 0; e < W; e++) {
        const ec = r.cells[e]!;
        if ((ec.text !== '' && !ec.filled) || index[e]) continue;
        // dir 1: the cells right of e slid right (they belong one column left); no key or
        // group column may stand among them
        if (lastFixed <= e && sufN[e + 1]! > 0 && suf[e + 1]! >= 1 && (!best || suf[e + 1]! > best.gain)) {
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
    }
    if (!best && data.length >= 5) {
      // An empty cell in a column filled almost everywhere, beside text in a mostly empty
      // (grouping) column: the text slid from the full column into the sparse one.
      for (let c = 0; c < W && !best; c++) {
        const cell = r.cells[c]!;
        // "filled almost everywhere": empty in at most one row in ten (or in this row only)
        const empties = Math.round((1 - fill[c]!) * data.length);
        if (index[c] || fixed(c) || empties > Math.max(1, data.length * 0.1) || cell.raw !== '' || cell.pad || cell.filled) continue;
        for (const side of [-1, 1]) {
          const n = c + side;
          const nc = r.cells[n];
          if (n < 0 || n >= W || !nc || index[n] || nc.raw === '' || nc.filled || fill[n]! >= 0.7) continue;
          const pct = (x: number) => `${Math.round(x * 100)}%`;
          report(
            r.line,
            nc.column,
            `the row at line ${r.line} seems shifted one column to the ${side === -1 ? 'left' : 'right'}: “${names[c]!.name}” is empty although ${pct(fill[c]!)} of the rows fill it, and its text seems to stand in “${names[n]!.name}” (filled in ${pct(fill[n]!)} of the rows); left as written`,
          );
          best = { gain: 0, from: c, to: c, dir: -side, column: nc.column };
          break;
        }
      }
      continue;
    }
    if (best) {
      report(
        r.line,
        best.column,
        `the row at line ${r.line} seems shifted one column to the ${best.dir === 1 ? 'right' : 'left'}: ${
          best.dir === 1 ? `its cells from “${names[best.from]!.name}” on` : `its cells up to “${names[best.to]!.name}”`
        } match the columns ${best.dir === 1 ? 'left' : 'right'} of them in other rows; left as written`,
      );
    }
  }
}
