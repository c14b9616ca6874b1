/**
 * Appointments and removals (人事任免). A list is a table or a run of plain lines under a
 * header that names its action: a table header (`| 姓 名 | 任 命 职 务 |`), a header line
 * above a table with an empty header (`姓 名**免 去 职 务**`, as a conversion breaks it),
 * a header line above plain lines (`免去职务：`), or a row inside a table that holds only
 * `任 命` / `免 去`. The action never comes from the order of lists. A table directly
 * continuing a list (only blank lines between, empty header) keeps that list's action.
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { Document } from '../../model/issue.js';
import type { Appointment, Period } from '../../model/people.js';
import type { Table } from '../../model/table.js';
import type { SourceLines } from '../../read/lines.js';
import { anomaly } from '../../model/catalogue.js';
import { isTableRow } from '../../core/patterns.js';
import {
  actionsIn, entryOf, headerLineActions, lineAbove, mostlyPosts, nameColumn, onlyBlankBetween, own, type Action,
} from './common.js';
import { compactName, isName } from './names.js';
import { parsePeriod } from './period.js';
import { parsePositions, stripMarkup } from './positions.js';
import { sentenceActs } from './sentences.js';

/** True for a document of personnel changes (任免 in its kind, category or title). */
export function isPersonnelDocument(doc: Document): boolean {
  return doc.kind === '任免' || (doc.category ?? '').includes('任免') || doc.title.includes('任免');
}

interface Ctx {
  src: SourceLines;
  doc: Document;
  out: Appointment[];
  anomalies: Anomaly[];
}

/** The period of a list: from the document title, else from a short list title above it. */
function periodOf(ctx: Ctx, startLine: number): Period | null {
  const fromTitle = parsePeriod(ctx.doc.title);
  if (fromTitle) return fromTitle;
  for (let k = startLine - 1; k > ctx.doc.titleSpan.endLine; k--) {
    const t = ctx.src.lines[k - 1]!;
    if (t.length > 60 || isTableRow(t) || !t.includes('任') && !t.includes('免')) continue;
    const p = parsePeriod(t);
    if (p) return p;
  }
  return null;
}

/** Builds one record (and its anomalies) from a name text and a position text. */
function addRecord(ctx: Ctx, action: Action, nameRawIn: string, positionText: string, line: number, column: number, period: Period | null): void {
  const { doc } = ctx;
  const nameRaw = stripMarkup(nameRawIn).trim();
  const evidence = ctx.src.lines[line - 1] ?? '';
  let name: string | null = null;
  if (nameRaw === '') {
    ctx.anomalies.push(anomaly('PERSON_NAME_MISSING', { message: `${action === 'appoint' ? '任命' : '免去'} entry with a position but no name`, line, column, documentId: doc.id, evidence }));
  } else if (isName(compactName(nameRaw))) {
    name = compactName(nameRaw);
  } else {
    ctx.anomalies.push(anomaly('PERSON_NAME_INVALID', { message: `“${nameRaw}” is not a name of 2–4 Chinese characters`, line, column, documentId: doc.id, evidence }));
  }
  const { positions, qualifiers } = parsePositions(positionText);
  if (positions.length === 0) {
    ctx.anomalies.push(anomaly('PERSON_POSITION_MISSING', { message: `${name ?? nameRaw} has no position`, line, column, documentId: doc.id, evidence }));
  }
  for (const p of positions) {
    if (p.title === null) {
      ctx.anomalies.push(anomaly('PERSON_TITLE_UNKNOWN', { message: `no known post title at the end of “${p.text}”`, line, column, documentId: doc.id, evidence }));
    }
  }
  ctx.out.push({
    id: `${doc.id}-p${ctx.out.length + 1}`,
    action,
    name,
    nameRaw: nameRaw === '' ? null : nameRaw,
    positions,
    qualifiers,
    period,
    documentId: doc.id,
    line,
  });
}

interface ListState {
  /** Action of each column of the table that holds positions. */
  columns: Map<number, Action>;
  endLine: number;
}

function fromTable(ctx: Ctx, table: Table, prev: ListState | null, personnel: boolean): ListState | null {
  const { src, doc } = ctx;
  const columns = new Map<number, Action>();
  table.columns.forEach((c, i) => {
    const a = actionsIn(c.nameRaw);
    if (a.length === 1) columns.set(i, a[0]!);
  });
  // The name column is looked for only once the table is known to be a list (cheap for other tables).
  let nameColCache: number | null = null;
  const nameColOf = (): number => (nameColCache ??= nameColumn(table));
  if (columns.size === 0) {
    const above = lineAbove(src, table.span.startLine, doc.titleSpan.endLine + 1);
    const acts = above ? headerLineActions(above.text) : [];
    const free = () => table.columns.map((_, i) => i).filter((i) => i !== (nameColOf() < 0 ? 0 : nameColOf()));
    if (acts.length === 1) for (const i of free()) columns.set(i, acts[0]!);
    else if (acts.length > 1) {
      const f = free();
      acts.forEach((a, k) => f[k] !== undefined && columns.set(f[k]!, a));
    }
    else if (prev && onlyBlankBetween(src, prev.endLine, table.span.startLine) && table.columns.every((c) => c.nameRaw.trim() === '')) {
      for (const [i, a] of prev.columns) columns.set(i, a);
    } else {
      // The first row says 任 命 / 免 去 (a list header written as a row of the table).
      const first = table.rows.find((r) => r.kind !== 'header' && r.cells.some((c) => own(c).text !== ''));
      const filled = first ? first.cells.map((c) => own(c).text).filter((t) => t !== '') : [];
      const rowActs = filled.length === 1 ? headerLineActions(filled[0]!) : [];
      if (rowActs.length === 1) {
        const nameAt = nameColOf() < 0 ? 0 : nameColOf();
        for (let i = 0; i < table.columns.length; i++) if (i !== nameAt) columns.set(i, rowActs[0]!);
      }
    }
  }
  if (columns.size === 0) {
    if (personnel && nameColOf() >= 0) {
      const line = table.span.startLine;
      ctx.anomalies.push(anomaly('PERSON_ACTION_UNKNOWN', { message: `a list of ${table.rows.length} people without a 任命 / 免去 header`, line, documentId: doc.id, evidence: src.lines[line - 1]! }));
    }
    return null;
  }
  // A people list has a column of names (header 姓名, or mostly names): a table that merely
  // has a column headed like 聘用人数 is not one.
  const nameCol = nameColOf();
  if (nameCol < 0 || columns.has(nameCol) || !mostlyPosts(table, [...columns.keys()])) return null;
  const period = periodOf(ctx, table.span.startLine);
  for (const row of table.rows) {
    if (row.kind === 'header') continue;
    const filled = row.cells.map((c) => own(c).text).filter((t) => t !== '');
    // A row that only says 任 命 / 免 去 switches the action of the rows below it.
    if (filled.length === 1) {
      const acts = headerLineActions(filled[0]!);
      if (acts.length === 1) {
        for (const k of columns.keys()) columns.set(k, acts[0]!);
        continue;
      }
    }
    if (filled.length === 0) continue;
    const nameCell = row.cells[nameCol];
    const nameRaw = own(nameCell).raw;
    const posCols = [...columns.keys()].filter((k) => own(row.cells[k]).text !== '');
    if (posCols.length === 0) {
      addRecord(ctx, columns.values().next().value!, nameRaw, '', row.line, nameCell?.column ?? 1, period);
      continue;
    }
    for (const k of posCols) {
      const cell = row.cells[k]!;
      addRecord(ctx, columns.get(k)!, nameRaw, own(cell).text, row.line, nameRaw ? nameCell!.column : cell.column, period);
    }
  }
  return { columns, endLine: table.span.endLine };
}

function fromLines(ctx: Ctx, header: number, action: Action, tableStarts: Set<number>): number {
  const { src, doc } = ctx;
  const period = periodOf(ctx, header);
  let k = header + 1;
  let last = header;
  for (; k <= doc.span.endLine; k++) {
    const text = src.lines[k - 1]!;
    if (text.trim() === '') continue;
    if (tableStarts.has(k) || isTableRow(text) || headerLineActions(text).length > 0) break;
    const e = entryOf(text);
    if (!e) break;
    addRecord(ctx, action, e.nameRaw, e.position, k, e.column, period);
    last = k;
  }
  return last;
}

/** Every appointment and removal of one document, in the order of the text. */
export function extractAppointments(src: SourceLines, doc: Document, tables: readonly Table[], anomalies: Anomaly[]): Appointment[] {
  const ctx: Ctx = { src, doc, out: [], anomalies };
  const personnel = isPersonnelDocument(doc);
  const inTable = new Set<number>();
  const tableStarts = new Set<number>();
  for (const t of tables) {
    tableStarts.add(t.span.startLine);
    for (let k = t.span.startLine; k <= t.span.endLine; k++) inTable.add(k);
  }
  // Walk the document: tables and header lines, in text order.
  let prev: ListState | null = null;
  let ti = 0;
  const sorted = [...tables].sort((a, b) => a.span.startLine - b.span.startLine);
  for (let k = doc.titleSpan.endLine + 1; k <= doc.span.endLine; k++) {
    while (ti < sorted.length && sorted[ti]!.span.startLine < k) ti++;
    const table = sorted[ti];
    if (table && table.span.startLine === k) {
      prev = fromTable(ctx, table, prev, personnel);
      k = table.span.endLine;
      continue;
    }
    if (inTable.has(k)) continue;
    const text = src.lines[k - 1]!;
    const acts = headerLineActions(text);
    if (acts.length !== 1) {
      if (personnel && (text.includes('任命') || text.includes('免去') || text.includes('聘任') || text.includes('提名'))) {
        const period = periodOf(ctx, k);
        for (const a of sentenceActs(text)) addRecord(ctx, a.action, a.nameRaw, a.position, k, a.column, period);
      }
      continue;
    }
    // A header line directly above a table belongs to the table (handled there).
    let next = k + 1;
    while (next <= doc.span.endLine && src.lines[next - 1]!.trim() === '') next++;
    if (tableStarts.has(next)) continue;
    k = fromLines(ctx, k, acts[0]!, tableStarts);
    prev = null;
  }
  return ctx.out;
}
