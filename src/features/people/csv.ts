/**
 * Flat tables of the people records, each described once as a list of columns:
 * appointments.csv (one row per position, grouped by the record id) and rosters.csv (one
 * row per member). Used by `gongbao export` and `gongbao extract appointments|rosters`.
 */
import type { CsvTable } from '../../model/export.js';
import type { Issue } from '../../model/issue.js';
import type { Appointment, Position, Roster, RosterMember } from '../../model/people.js';

/** One row of appointments.csv: a record and one of its posts (i = 0 and no post when it has none). */
export interface AppointmentRow {
  a: Appointment;
  i: number;
  p: Position | null;
}

/** One row of rosters.csv: a roster and one of its members. */
export interface RosterRow {
  r: Roster;
  m: RosterMember;
}

export const APPOINTMENTS_CSV: CsvTable<AppointmentRow> = {
  name: 'appointments',
  path: 'appointments.csv',
  title: 'Appointments and removals',
  description: 'One row per position of an appointment (任命) or removal (免去); rows of one record share its id',
  primaryKey: ['id', 'position_index'],
  columns: [
    {
      name: 'id',
      type: 'string',
      description: 'Record id (one person in one list)',
      constraints: { required: true },
      value: (r) => r.a.id,
    },
    {
      name: 'action',
      type: 'string',
      description: 'appoint (任命) or remove (免去)',
      constraints: { required: true },
      value: (r) => r.a.action,
    },
    { name: 'name', type: 'string', description: 'Name, spaces removed; empty when the line holds none', value: (r) => r.a.name },
    { name: 'name_raw', type: 'string', description: 'Name as written', value: (r) => r.a.nameRaw },
    {
      name: 'position_index',
      type: 'integer',
      description: 'Position of the post in the record, 1-based (0 when the record has no post)',
      constraints: { required: true },
      value: (r) => r.i,
    },
    { name: 'position', type: 'string', description: 'The post, without qualifiers and trailing 职务', value: (r) => r.p?.text },
    { name: 'organization', type: 'string', description: 'Organisation part of the post', value: (r) => r.p?.organization },
    { name: 'title', type: 'string', description: 'Post title (局长, 副主任 …); empty when not a known title', value: (r) => r.p?.title },
    {
      name: 'qualifiers',
      type: 'string',
      description: 'Qualifiers of the record (试用期满, 兼 …), joined with "; "',
      value: (r) => r.a.qualifiers.join('; '),
    },
    { name: 'period_from', type: 'string', description: 'First month the list covers, YYYY-MM', value: (r) => r.a.period?.from },
    { name: 'period_to', type: 'string', description: 'Last month the list covers, YYYY-MM', value: (r) => r.a.period?.to },
    { name: 'period_raw', type: 'string', description: 'The period as written in the list title', value: (r) => r.a.period?.raw },
    {
      name: 'document_id',
      type: 'string',
      description: 'The document of the list',
      constraints: { required: true },
      value: (r) => r.a.documentId,
    },
    { name: 'line', type: 'integer', description: 'Line of the entry', constraints: { required: true }, value: (r) => r.a.line },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

export const ROSTERS_CSV: CsvTable<RosterRow> = {
  name: 'rosters',
  path: 'rosters.csv',
  title: 'Rosters',
  description: 'One row per member of a leading group, joint conference or committee',
  primaryKey: ['roster_id', 'order'],
  columns: [
    { name: 'roster_id', type: 'string', description: 'Roster id', constraints: { required: true }, value: (r) => r.r.id },
    {
      name: 'body',
      type: 'string',
      description: 'Name of the group, conference or committee',
      constraints: { required: true },
      value: (r) => r.r.body,
    },
    {
      name: 'document_id',
      type: 'string',
      description: 'The document of the roster',
      constraints: { required: true },
      value: (r) => r.r.documentId,
    },
    { name: 'note', type: 'string', description: 'Note on the list, e.g. 按姓氏笔画为序', value: (r) => r.r.note },
    {
      name: 'order',
      type: 'integer',
      description: 'Position of the member in the roster, 1-based',
      constraints: { required: true },
      value: (r) => r.m.order,
    },
    {
      name: 'role',
      type: 'string',
      description: '组长, 副组长, 召集人, 成员, 办公室主任 …',
      constraints: { required: true },
      value: (r) => r.m.role,
    },
    { name: 'name', type: 'string', description: 'Name, spaces removed; empty when the line holds none', value: (r) => r.m.name },
    { name: 'name_raw', type: 'string', description: 'Name as written', value: (r) => r.m.nameRaw },
    { name: 'position', type: 'string', description: 'The member’s post as written', value: (r) => r.m.position },
    { name: 'source', type: 'string', description: 'table, line or sentence', constraints: { required: true }, value: (r) => r.m.source },
    { name: 'line', type: 'integer', description: 'Line of the member', constraints: { required: true }, value: (r) => r.m.line },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

export function* appointmentRows(issue: Issue): Iterable<AppointmentRow> {
  for (const a of issue.appointments) {
    if (a.positions.length === 0) yield { a, i: 0, p: null };
    for (let i = 0; i < a.positions.length; i++) yield { a, i: i + 1, p: a.positions[i]! };
  }
}

export function* rosterRows(issue: Issue): Iterable<RosterRow> {
  for (const r of issue.rosters) for (const m of r.members) yield { r, m };
}
