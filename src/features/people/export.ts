/**
 * Flat tables of the people records: appointments.csv (one row per position, grouped by
 * the record id) and rosters.csv (one row per member). Used by `gongbao export` and by
 * `gongbao extract appointments|rosters --format csv`.
 */
import type { Issue } from '../../model/issue.js';
import { csvFile, type CsvOptions, type CsvValue, type TableSpec } from '../../write/csv.js';
import type { ExportFile } from '../../write/export.js';

export const APPOINTMENTS_CSV: TableSpec = {
  name: 'appointments',
  path: 'appointments.csv',
  title: 'Appointments and removals',
  description: 'One row per position of an appointment (任命) or removal (免去); rows of one record share its id',
  primaryKey: ['id', 'position_index'],
  fields: [
    { name: 'id', type: 'string', description: 'Record id (one person in one list)', constraints: { required: true } },
    { name: 'action', type: 'string', description: 'appoint (任命) or remove (免去)', constraints: { required: true } },
    { name: 'name', type: 'string', description: 'Name, spaces removed; empty when the line holds none' },
    { name: 'name_raw', type: 'string', description: 'Name as written' },
    { name: 'position_index', type: 'integer', description: 'Position of the post in the record, 1-based (0 when the record has no post)', constraints: { required: true } },
    { name: 'position', type: 'string', description: 'The post, without qualifiers and trailing 职务' },
    { name: 'organization', type: 'string', description: 'Organisation part of the post' },
    { name: 'title', type: 'string', description: 'Post title (局长, 副主任 …); empty when not a known title' },
    { name: 'qualifiers', type: 'string', description: 'Qualifiers of the record (试用期满, 兼 …), joined with "; "' },
    { name: 'period_from', type: 'string', description: 'First month the list covers, YYYY-MM' },
    { name: 'period_to', type: 'string', description: 'Last month the list covers, YYYY-MM' },
    { name: 'period_raw', type: 'string', description: 'The period as written in the list title' },
    { name: 'document_id', type: 'string', description: 'The document of the list', constraints: { required: true } },
    { name: 'line', type: 'integer', description: 'Line of the entry', constraints: { required: true } },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

export const ROSTERS_CSV: TableSpec = {
  name: 'rosters',
  path: 'rosters.csv',
  title: 'Rosters',
  description: 'One row per member of a leading group, joint conference or committee',
  primaryKey: ['roster_id', 'order'],
  fields: [
    { name: 'roster_id', type: 'string', description: 'Roster id', constraints: { required: true } },
    { name: 'body', type: 'string', description: 'Name of the group, conference or committee', constraints: { required: true } },
    { name: 'document_id', type: 'string', description: 'The document of the roster', constraints: { required: true } },
    { name: 'note', type: 'string', description: 'Note on the list, e.g. 按姓氏笔画为序' },
    { name: 'order', type: 'integer', description: 'Position of the member in the roster, 1-based', constraints: { required: true } },
    { name: 'role', type: 'string', description: '组长, 副组长, 召集人, 成员, 办公室主任 …', constraints: { required: true } },
    { name: 'name', type: 'string', description: 'Name, spaces removed; empty when the line holds none' },
    { name: 'name_raw', type: 'string', description: 'Name as written' },
    { name: 'position', type: 'string', description: 'The member’s post as written' },
    { name: 'source', type: 'string', description: 'table, line or sentence', constraints: { required: true } },
    { name: 'line', type: 'integer', description: 'Line of the member', constraints: { required: true } },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

export function appointmentRows(issue: Issue): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const a of issue.appointments) {
    const common = (i: number, p: { text: string; organization: string | null; title: string | null } | null): CsvValue[] => [
      a.id, a.action, a.name, a.nameRaw, i, p?.text, p?.organization, p?.title, a.qualifiers.join('; '),
      a.period?.from, a.period?.to, a.period?.raw, a.documentId, a.line,
    ];
    if (a.positions.length === 0) rows.push(common(0, null));
    a.positions.forEach((p, i) => rows.push(common(i + 1, p)));
  }
  return rows;
}

export function rosterRows(issue: Issue): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const r of issue.rosters) {
    for (const m of r.members) rows.push([r.id, r.body, r.documentId, r.note, m.order, m.role, m.name, m.nameRaw, m.position, m.source, m.line]);
  }
  return rows;
}

/** The export's appointments.csv and rosters.csv. */
export async function peopleFiles(issue: Issue, opts: CsvOptions): Promise<ExportFile[]> {
  return [await csvFile(APPOINTMENTS_CSV, appointmentRows(issue), opts), await csvFile(ROSTERS_CSV, rosterRows(issue), opts)];
}
