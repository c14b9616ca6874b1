/**
 * People: appointments and removals (人事任免) and rosters of leading groups, joint
 * conferences and committees, from every document of an issue. Reads the logical tables
 * (src/features/tables) and the lines; plain string code, no zod (hot path).
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { Document } from '../../model/issue.js';
import type { Appointment, Roster } from '../../model/people.js';
import { append, type Result } from '../../model/result.js';
import type { Table } from '../../model/table.js';
import type { SourceLines } from '../../read/lines.js';
import { actionLines, extractAppointments } from './appointments.js';
import { extractRosters, rosterLines } from './rosters.js';

export interface People {
  appointments: Appointment[];
  rosters: Roster[];
}

export function extractPeople(src: SourceLines, documents: readonly Document[], tables: readonly Table[]): Result<People> {
  const anomalies: Anomaly[] = [];
  const appointments: Appointment[] = [];
  const rosters: Roster[] = [];
  const byDoc = new Map<string, Table[]>();
  for (const t of tables) {
    if (t.documentId === null) continue;
    let list = byDoc.get(t.documentId);
    if (!list) byDoc.set(t.documentId, (list = []));
    list.push(t);
  }
  // One finder of the lines each walk reads, for every document in turn: the text is searched once.
  const actions = actionLines(src);
  const listed = rosterLines(src);
  for (const doc of documents) {
    const docTables = byDoc.get(doc.id) ?? [];
    const found = extractAppointments(src, doc, docTables, actions);
    append(appointments, found.value);
    append(anomalies, found.anomalies);
    const read = extractRosters(src, doc, docTables, listed);
    append(rosters, read.value);
    append(anomalies, read.anomalies);
  }
  return { value: { appointments, rosters }, anomalies };
}

export { extractAppointments, isPersonnelDocument } from './appointments.js';
export { extractRosters, bodyFromTitle, bodyHeading, roleLabel, phrasePerson } from './rosters.js';
export { splitName, isName, compactName } from './names.js';
export { parsePositions, peelTrailing, splitTitle } from './positions.js';
export { parsePeriod } from './period.js';
