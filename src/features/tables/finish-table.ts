/**
 * Step 7 of building logical tables (index.ts): the table's owner document and
 * attachment, its id, its caption (`表 N：…` below, else a short title line above) and
 * notes (`注：` / `说明：` below), and the finished `Table` record.
 */
import type { Document } from '../../model/issue.js';
import type { Table, TableCell, TableColumn, TableFragment, TableRow } from '../../model/table.js';
import type { SourceLines } from '../../read/lines.js';
import { cleanCell } from './clean.js';
import type { WCell, WRow } from './clean-cells.js';
import type { Logical } from './logical.js';
import { tally } from '../../model/work.js';
import { mapPacked } from '../../model/packed.js';

export interface Owner {
  /** Index of the document, -1 outside documents. */
  doc: number;
  /** Index of the document's attachment the line sits in, null in its main text. */
  att: number | null;
}

/**
 * The document and attachment each line belongs to, looked up in an index of lines rather
 * than by scanning the documents (a table fragment costs the same in an archive of issues
 * run together as in one issue).
 */
export class Owners {
  /** Document indexes by start line, when the documents follow each other without overlap. */
  private readonly ordered: boolean;
  /** Otherwise, per line (0-based), the index of the first document whose span holds it, else -1. */
  private readonly docOf: Int32Array;

  constructor(private readonly documents: readonly Document[]) {
    let ordered = true;
    for (let d = 1; d < documents.length && ordered; d++) ordered = documents[d]!.span.startLine > documents[d - 1]!.span.endLine;
    this.ordered = ordered;
    let last = 0;
    if (!ordered) for (const d of documents) last = Math.max(last, d.span.endLine);
    this.docOf = new Int32Array(last).fill(-1);
    let steps = documents.length;
    if (!ordered)
      documents.forEach((d, i) => {
        for (let ln = Math.max(1, d.span.startLine); ln <= d.span.endLine; ln++) if (this.docOf[ln - 1] === -1) this.docOf[ln - 1] = i;
        steps += d.span.endLine - d.span.startLine + 1;
      });
    tally('owners', steps);
  }

  /** The index of the document whose span holds `line`, else -1. */
  private docAt(line: number): number {
    if (!this.ordered) return line >= 1 && line <= this.docOf.length ? this.docOf[line - 1]! : -1;
    // the last document starting at or before the line, if it reaches the line
    let lo = 0;
    let hi = this.documents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.documents[mid]!.span.startLine <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.documents[lo - 1]!.span.endLine >= line ? lo - 1 : -1;
  }

  /** The document and attachment of `line` (1-based). */
  of(line: number): Owner {
    const d = this.docAt(line);
    if (d < 0) return { doc: -1, att: null };
    let att: number | null = null;
    let best = 0;
    const attachments = this.documents[d]!.attachments;
    for (let i = 0; i < attachments.length; i++) {
      const a = attachments[i]!;
      if (a.startLine !== null && a.startLine <= line && a.startLine >= best) {
        best = a.startLine;
        att = i;
      }
    }
    tally('ownerOf', 1 + attachments.length);
    return { doc: d, att };
  }
}

/** Table ids in order of the tables: `${documentId}-t${n}` counted per document, else `t${n}`. */
export class TableIds {
  private readonly perDoc = new Map<number, number>();
  private outside = 0;

  next(owner: Owner, doc: Document | null): string {
    if (!doc) return `t${++this.outside}`;
    const n = (this.perDoc.get(owner.doc) ?? 0) + 1;
    this.perDoc.set(owner.doc, n);
    return `${doc.id}-t${n}`;
  }
}

const TABLE_LABEL = /^表\s*[0-9０-９一二三四五六七八九十]+(?:[\s：:．.、-]|$)/;
const NOTE_LABEL = /^(?:注|说明|备注)\s*[0-9０-９]*\s*[：:]/;

/** `表 N：…` below the table, then `注：` / `说明：` lines. */
function readBelow(
  src: SourceLines,
  endLine: number,
): { caption: { text: string; line: number } | null; notes: Array<{ text: string; line: number }> } {
  const lines = src.lines;
  let caption: { text: string; line: number } | null = null;
  const notes: Array<{ text: string; line: number }> = [];
  let i = endLine; // 0-based index of the line after the table
  let blanks = 0;
  // Blank lines holding page furniture an input reader removed are a page break: up to 12.
  let pageBreak = false;
  while (i < lines.length && (blanks <= 2 || (pageBreak && blanks <= 12))) {
    const t = lines.get(i)!.trim();
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
      while (i < lines.length && lines.get(i)!.trim() !== '' && !lines.get(i)!.trimStart().startsWith('|')) {
        notes.push({ text: cleanCell(lines.get(i)!.trim()).text, line: i + 1 });
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
    const t = src.lines.get(i)!.trim();
    if (t === '') {
      if (src.removed?.[i] === 1) pageBreak = true;
      blanks++;
      i--;
      continue;
    }
    if (t.startsWith('|') || TABLE_LABEL.test(t)) return null;
    const text = cleanCell(t).text;
    const last = text[text.length - 1];
    if (text.length > 60 || last === '。' || last === '；' || last === ';' || last === '，' || /^附件\s*[0-9０-９]*\s*[：:]?$/.test(text))
      return null;
    return { text, line: i + 1 };
  }
  return null;
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

/** Where the table stands and what it is called. */
export interface Placement {
  id: string;
  doc: Document | null;
  att: number | null;
  /** Last line of the table before it (0 for the first): a caption above never reaches further up. */
  prevEnd: number;
}

/** The finished table: caption, notes, fragments, columns and rows as records. */
export function finishTable(src: SourceLines, l: Logical, at: Placement, columns: TableColumn[], rows: readonly WRow[]): Table {
  const doc = at.doc;
  const firstFrag = l.pieces[0]!.piece.frag;
  const lastFrag = l.pieces[l.pieces.length - 1]!.piece.frag;
  const below = readBelow(src, lastFrag.endLine);
  const caption = below.caption ?? readAbove(src, firstFrag.startLine, Math.max(at.prevEnd, doc ? doc.span.startLine - 1 : 0));
  const fragments: TableFragment[] = mapPacked(l.pieces, (p) => ({
    startLine: p.piece.frag.startLine,
    endLine: p.piece.frag.endLine,
    headerRows: p.headerRows,
    continuation: p.continuation,
    columnOffset: p.offset,
  }));
  const outRows: TableRow[] = mapPacked(rows, (r) => {
    const o: TableRow = { line: r.line, kind: r.kind, cells: mapPacked(r.cells, toCell) };
    if (r.group !== undefined) o.group = r.group;
    return o;
  });
  return {
    id: at.id,
    documentId: doc?.id ?? null,
    attachmentIndex: at.att,
    caption,
    title: l.title ? { text: l.title.text, line: l.title.line } : null,
    notes: below.notes,
    fragments,
    columns,
    rows: outRows,
    span: { startLine: firstFrag.startLine, endLine: lastFrag.endLine },
  };
}
