/**
 * Step 2 of building logical tables (index.ts): pipe-table fragments merged into the
 * tables a reader of the printed issue sees. A fragment continues the table before it
 * when only page artefacts stand between them, both sit in the same document and
 * attachment, and it repeats the header or starts with an empty header row; see
 * index.ts for the whole rule. The anomalies of a merge (TABLE_MERGED,
 * TABLE_CONTINUATION_MISMATCH) wait on the table (`pending`) until it has its id.
 */
import type { SourceLines } from '../../read/lines.js';
import { isEmptyRow, sameRow } from './clean-cells.js';
import type { Owner, Owners } from './finish-table.js';
import type { Logical, Piece } from './logical.js';
import { PROFILE_ROWS, profiles, RecentRows, type Profile } from './profiles.js';
import { isHeaderLike, isTitleRow, readHeaders, repeatedHeaderRows } from './read-headers.js';

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

/** A new logical table made of fragment `p`, its headers read. */
function startTable(p: Piece): Logical {
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
}

/**
 * The fragments grouped into logical tables, in order: each fragment continues the table
 * before it or starts a new one.
 */
export function mergeContinuations(src: SourceLines, pieces: readonly Piece[], owners: Owners): Logical[] {
  const logicals: Logical[] = [];
  let cur: Logical | null = null;
  let curOwner: Owner | null = null;
  for (const p of pieces) {
    const owner = owners.of(p.frag.startLine);
    let merged = false;
    if (cur && curOwner && owner.doc === curOwner.doc && owner.att === curOwner.att) {
      const prevEnd = cur.pieces[cur.pieces.length - 1]!.piece.frag.endLine;
      let between = true;
      for (let ln = prevEnd + 1; ln < p.frag.startLine && between; ln++) if (!isPageArtefact(src.lines.get(ln - 1)!)) between = false;
      if (between) merged = tryMerge(cur, p);
    }
    if (!merged) {
      cur = startTable(p);
      curOwner = owner;
      logicals.push(cur);
    }
  }
  return logicals;
}

/** Tries to append fragment `p` to table `l` as a continuation; false when it is a new table. */
function tryMerge(l: Logical, p: Piece): boolean {
  const f = p.frag;
  const range = `lines ${f.startLine}–${f.endLine}`;
  if (!isEmptyRow(p.header)) {
    if (!sameRow(p.header, l.headerTop)) return false;
    const extra = repeatedHeaderRows(l, p.body);
    l.pieces.push({ piece: p, continuation: 'repeatHeader', offset: 0, headerRows: 1 + extra });
    l.pending.push({
      code: 'TABLE_MERGED',
      line: f.startLine,
      endLine: f.endLine,
      message: (id) => `table ${id}: the fragment at ${range} repeats the header after a page break; merged as its continuation`,
    });
    return true;
  }
  // An empty header row: a continuation, unless the fragment brings its own title/header.
  const rows = [p.header, ...p.body];
  const extra = repeatedHeaderRows(l, p.body);
  if (extra === 0 && ((isTitleRow(rows[1]) && isHeaderLike(rows[2], rows.slice(3))) || isHeaderLike(rows[1], rows.slice(2)))) {
    // it brings a header of its own (the table's own header would have been counted in `extra`)
    return false;
  }
  const tp = l.recent.profiles(l.pieces, l.width);
  const fp = profiles(p.body.slice(extra), p.header.length);
  if (p.header.length === l.width) return mergeSameWidth(l, p, extra, tp, fp);
  return mergeOtherWidth(l, p, extra, tp, fp);
}

/** An empty-header fragment as wide as the table: merged unless its data are of another kind. */
function mergeSameWidth(l: Logical, p: Piece, extra: number, tp: Profile[], fp: Profile[]): boolean {
  const f = p.frag;
  const range = `lines ${f.startLine}–${f.endLine}`;
  const bad = sameKind(tp, fp);
  if (bad >= 0) {
    l.pending.push({
      code: 'TABLE_CONTINUATION_MISMATCH',
      line: f.startLine,
      message: (id) =>
        `the fragment at ${range} follows table ${id} with an empty header row, but its column ${bad + 1} holds text where the table has ${tp[bad]!.type} values; kept as a separate table`,
    });
    return false;
  }
  l.pieces.push({ piece: p, continuation: 'emptyHeader', offset: 0, headerRows: 1 + extra });
  l.pending.push({
    code: 'TABLE_MERGED',
    line: f.startLine,
    endLine: f.endLine,
    message: (id) => `table ${id}: the fragment at ${range} starts with an empty header row after a page break; merged as its continuation`,
  });
  return true;
}

/**
 * An empty-header fragment narrower or wider than the table: a narrower one is placed
 * where its columns' data fit best, a wider one widens the table; kept apart when no
 * alignment fits.
 */
function mergeOtherWidth(l: Logical, p: Piece, extra: number, tp: Profile[], fp: Profile[]): boolean {
  const f = p.frag;
  const range = `lines ${f.startLine}–${f.endLine}`;
  const a = align(tp, fp);
  const w = p.header.length;
  if (a.score <= 0) {
    l.pending.push({
      code: 'TABLE_CONTINUATION_MISMATCH',
      line: f.startLine,
      message: (id) =>
        `the fragment at ${range} follows table ${id} with an empty header row, but has ${w} columns where the table has ${l.width} and no alignment of its data fits; kept as a separate table`,
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
  l.pending.push({
    code: 'TABLE_MERGED',
    line: f.startLine,
    endLine: f.endLine,
    message: (id) => `table ${id}: the fragment at ${range} starts with an empty header row after a page break; merged as its continuation`,
  });
  return true;
}
