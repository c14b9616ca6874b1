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
import { LineFinder } from '../../model/lines.js';
import { anomaly } from '../../model/catalogue.js';
import { append, combine, map, ok, type Result } from '../../model/result.js';
import { isTableRow } from '../../core/patterns.js';
import { actionsIn, entryOf, headerLineActions, lineAbove, mostlyPosts, nameColumn, onlyBlankBetween, own, type Action } from './common.js';
import { compactName, isName } from './names.js';
import { parsePeriod } from './period.js';
import { parsePositions, stripMarkup } from './positions.js';
import { sentenceActs } from './sentences.js';

/** True for a document of personnel changes (任免 in its kind, category or title). */
export function isPersonnelDocument(doc: Document): boolean {
  return doc.kind === '任免' || (doc.category ?? '').includes('任免') || doc.title.includes('任免');
}

/** What every step reads: the lines and the document. Steps return what they find. */
interface Ctx {
  src: SourceLines;
  doc: Document;
}

/** The period of a list: from the document title, else from a short list title above it. */
function periodOf(ctx: Ctx, startLine: number): Period | null {
  const fromTitle = parsePeriod(ctx.doc.title);
  if (fromTitle) return fromTitle;
  for (let k = startLine - 1; k > ctx.doc.titleSpan.endLine; k--) {
    const t = ctx.src.lines.get(k - 1)!;
    if (t.length > 60 || isTableRow(t) || (!t.includes('任') && !t.includes('免'))) continue;
    const p = parsePeriod(t);
    if (p) return p;
  }
  return null;
}

/**
 * One record (and its anomalies) from a name text and a position text. Its `id` is set
 * once the document's records are all known (extractAppointments numbers them in order).
 */
function entry(
  ctx: Ctx,
  action: Action,
  nameRawIn: string,
  positionText: string,
  line: number,
  column: number,
  period: Period | null,
): Result<Appointment> {
  const { doc } = ctx;
  const anomalies: Anomaly[] = [];
  const nameRaw = stripMarkup(nameRawIn).trim();
  const evidence = ctx.src.lines.get(line - 1) ?? '';
  let name: string | null = null;
  if (nameRaw === '') {
    anomalies.push(
      anomaly('PERSON_NAME_MISSING', {
        message: `${action === 'appoint' ? '任命' : '免去'} entry with a position but no name`,
        line,
        column,
        documentId: doc.id,
        evidence,
      }),
    );
  } else if (isName(compactName(nameRaw))) {
    name = compactName(nameRaw);
  } else {
    anomalies.push(
      anomaly('PERSON_NAME_INVALID', {
        message: `“${nameRaw}” is not a name of 2–4 Chinese characters`,
        line,
        column,
        documentId: doc.id,
        evidence,
      }),
    );
  }
  const { positions, qualifiers } = parsePositions(positionText);
  if (positions.length === 0) {
    anomalies.push(
      anomaly('PERSON_POSITION_MISSING', { message: `${name ?? nameRaw} has no position`, line, column, documentId: doc.id, evidence }),
    );
  }
  for (const p of positions) {
    if (p.title === null) {
      anomalies.push(
        anomaly('PERSON_TITLE_UNKNOWN', {
          message: `no known post title at the end of “${p.text}”`,
          line,
          column,
          documentId: doc.id,
          evidence,
        }),
      );
    }
  }
  return ok(
    {
      id: '',
      action,
      name,
      nameRaw: nameRaw === '' ? null : nameRaw,
      positions,
      qualifiers,
      period,
      documentId: doc.id,
      line,
    },
    anomalies,
  );
}

interface ListState {
  /** Action of each column of the table that holds positions. */
  columns: Map<number, Action>;
  endLine: number;
}

/** The records of one table, and the list state a table directly below it continues. */
interface TableList {
  records: Appointment[];
  state: ListState | null;
}

/**
 * The action of each position column of a table, from (in this order) its header cells,
 * a header line above it, the list it directly continues, or a first row that only says
 * 任 命 / 免 去. Empty when the table is no list of appointments.
 */
function columnActions(ctx: Ctx, table: Table, prev: ListState | null, nameColOf: () => number): Map<number, Action> {
  const { src, doc } = ctx;
  const columns = new Map<number, Action>();
  table.columns.forEach((c, i) => {
    const a = actionsIn(c.nameRaw);
    if (a.length === 1) columns.set(i, a[0]!);
  });
  if (columns.size > 0) return columns;
  const above = lineAbove(src, table.span.startLine, doc.titleSpan.endLine + 1);
  const acts = above ? headerLineActions(above.text) : [];
  const free = () => table.columns.map((_, i) => i).filter((i) => i !== (nameColOf() < 0 ? 0 : nameColOf()));
  if (acts.length === 1) for (const i of free()) columns.set(i, acts[0]!);
  else if (acts.length > 1) {
    const f = free();
    acts.forEach((a, k) => f[k] !== undefined && columns.set(f[k]!, a));
  } else if (prev && onlyBlankBetween(src, prev.endLine, table.span.startLine) && table.columns.every((c) => c.nameRaw.trim() === '')) {
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
  return columns;
}

/** The appointments of a table that is a people list; `state` null when it is none. */
function fromTable(ctx: Ctx, table: Table, prev: ListState | null, personnel: boolean): Result<TableList> {
  const { src, doc } = ctx;
  // The name column is looked for only once the table is known to be a list (cheap for other tables).
  let nameColCache: number | null = null;
  const nameColOf = (): number => (nameColCache ??= nameColumn(table));
  const columns = columnActions(ctx, table, prev, nameColOf);
  if (columns.size === 0) {
    if (personnel && nameColOf() >= 0) {
      const line = table.span.startLine;
      return ok({ records: [], state: null }, [
        anomaly('PERSON_ACTION_UNKNOWN', {
          message: `a list of ${table.rows.length} people without a 任命 / 免去 header`,
          line,
          documentId: doc.id,
          evidence: src.lines.get(line - 1)!,
        }),
      ]);
    }
    return ok({ records: [], state: null });
  }
  // A people list has a column of names (header 姓名, or mostly names): a table that merely
  // has a column headed like 聘用人数 is not one.
  const nameCol = nameColOf();
  if (nameCol < 0 || columns.has(nameCol) || !mostlyPosts(table, [...columns.keys()])) return ok({ records: [], state: null });
  return map(tableRows(ctx, table, columns, nameCol), (records) => ({ records, state: { columns, endLine: table.span.endLine } }));
}

/**
 * One record per position cell of each row (a row with a name and no position gives one
 * record without one). A row that only says 任 命 / 免 去 switches `columns` to that action
 * for the rows below it (and for a table that continues the list).
 */
function tableRows(ctx: Ctx, table: Table, columns: Map<number, Action>, nameCol: number): Result<Appointment[]> {
  const period = periodOf(ctx, table.span.startLine);
  const records: Result<Appointment>[] = [];
  for (const row of table.rows) {
    if (row.kind === 'header') continue;
    const filled = row.cells.map((c) => own(c).text).filter((t) => t !== '');
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
      records.push(entry(ctx, columns.values().next().value!, nameRaw, '', row.line, nameCell?.column ?? 1, period));
      continue;
    }
    for (const k of posCols) {
      const cell = row.cells[k]!;
      records.push(entry(ctx, columns.get(k)!, nameRaw, own(cell).text, row.line, nameRaw ? nameCell!.column : cell.column, period));
    }
  }
  return combine(records);
}

/** The entries of plain lines under a header line (`免去职务：`), and the last line they take. */
function fromLines(ctx: Ctx, header: number, action: Action, tableStarts: Set<number>): Result<{ records: Appointment[]; last: number }> {
  const { src, doc } = ctx;
  const period = periodOf(ctx, header);
  const records: Result<Appointment>[] = [];
  let last = header;
  for (let k = header + 1; k <= doc.span.endLine; k++) {
    const text = src.lines.get(k - 1)!;
    if (text.trim() === '') continue;
    if (tableStarts.has(k) || isTableRow(text) || headerLineActions(text).length > 0) break;
    const e = entryOf(text);
    if (!e) break;
    records.push(entry(ctx, action, e.nameRaw, e.position, k, e.column, period));
    last = k;
  }
  return map(combine(records), (list) => ({ records: list, last }));
}

/** The appointments a sentence of a personnel document states (`任命张三为…`). */
function fromSentence(ctx: Ctx, k: number, text: string): Result<Appointment[]> {
  const period = periodOf(ctx, k);
  return combine(sentenceActs(text).map((a) => entry(ctx, a.action, a.nameRaw, a.position, k, a.column, period)));
}

/**
 * Every word a list header or a sentence of appointments is read by (任命 任职 聘任 聘用 提名,
 * 免去 免职 解聘 撤销职务) holds one of these characters: the walk reads only the lines that
 * hold one, found by native searches of the text (LineFinder), and the tables.
 */
export const ACTION_CHARS: readonly string[] = ['任', '免', '聘', '提', '撤'];

/** The lines an appointment walk reads (one finder for every document of a parse, in order). */
export function actionLines(src: SourceLines): LineFinder {
  return new LineFinder(src.lines, ACTION_CHARS);
}

/**
 * Every appointment and removal of one document, in the order of the text. `lines` finds the
 * lines holding an action word's character (pass one finder to the documents of an issue in
 * turn: it then searches the text once).
 */
export function extractAppointments(
  src: SourceLines,
  doc: Document,
  tables: readonly Table[],
  lines: LineFinder = actionLines(src),
): Result<Appointment[]> {
  const ctx: Ctx = { src, doc };
  const personnel = isPersonnelDocument(doc);
  const tableStarts = new Set<number>();
  for (const t of tables) tableStarts.add(t.span.startLine);
  // Walk the document: tables and header lines, in text order; each list's records in turn.
  const found: Result<Appointment[]>[] = [];
  let prev: ListState | null = null;
  let ti = 0;
  // the last line of the tables starting before line k (a line up to it is in a table)
  let covered = 0;
  const sorted = [...tables].sort((a, b) => a.span.startLine - b.span.startLine);
  for (let k = doc.titleSpan.endLine + 1; k <= doc.span.endLine; k++) {
    while (ti < sorted.length && sorted[ti]!.span.startLine < k) covered = Math.max(covered, sorted[ti++]!.span.endLine);
    const table = sorted[ti];
    // (a line without an action word's character says nothing: jumped over up to the next table)
    const skip = lines.skip(k);
    if (skip > k) {
      k = table ? Math.min(skip, table.span.startLine) : skip;
      if (k > doc.span.endLine) break;
    }
    if (table && table.span.startLine === k) {
      const list = fromTable(ctx, table, prev, personnel);
      found.push(map(list, (l) => l.records));
      prev = list.value.state;
      k = table.span.endLine;
      continue;
    }
    if (k <= covered) continue;
    const text = src.lines.get(k - 1)!;
    const acts = headerLineActions(text);
    if (acts.length !== 1) {
      if (personnel && (text.includes('任命') || text.includes('免去') || text.includes('聘任') || text.includes('提名')))
        found.push(fromSentence(ctx, k, text));
      continue;
    }
    // A header line directly above a table belongs to the table (handled there).
    let next = k + 1;
    while (next <= doc.span.endLine && src.lines.get(next - 1)!.trim() === '') next++;
    if (tableStarts.has(next)) continue;
    const list = fromLines(ctx, k, acts[0]!, tableStarts);
    found.push(map(list, (l) => l.records));
    k = list.value.last;
    prev = null;
  }
  return map(combine(found), (lists) => numbered(doc, lists));
}

/** The document's records in one list, with their ids (`<document id>-p<n>`) in text order. */
function numbered(doc: Document, lists: Appointment[][]): Appointment[] {
  const out: Appointment[] = [];
  for (const list of lists) append(out, list);
  for (let i = 0; i < out.length; i++) out[i]!.id = `${doc.id}-p${i + 1}`;
  return out;
}
