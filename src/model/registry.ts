import { z } from 'zod';
import { Anomaly } from './anomaly.js';
import { Issue, Document, TocEntry, Section, Citation, Masthead, DocNumber, Attachment } from './issue.js';
import { Table } from './table.js';
import { Appointment, Roster, RosterMember, Position } from './people.js';
import { Sluice, SluicePoint } from './sluice.js';
import { ValidationReport } from './validation-report.js';

/**
 * Every record type that gongbao outputs, by the name `gongbao schema NAME` takes and
 * under which schemas/NAME.schema.json is generated. Extraction modules add theirs.
 */
export const SCHEMAS: Record<string, z.ZodType> = {
  issue: Issue,
  document: Document,
  'toc-entry': TocEntry,
  section: Section,
  citation: Citation,
  masthead: Masthead,
  'doc-number': DocNumber,
  attachment: Attachment,
  anomaly: Anomaly,
  table: Table,
  appointment: Appointment,
  'appointment-position': Position,
  roster: Roster,
  'roster-member': RosterMember,
  sluice: Sluice,
  'sluice-point': SluicePoint,
  'validation-report': ValidationReport,
};

/** JSON Schema (draft 2020-12) of a registered record type. */
export function jsonSchema(name: string): Record<string, unknown> {
  const schema = SCHEMAS[name];
  if (!schema) throw new Error(`unknown schema ${name}`);
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', reused: 'ref' }) as Record<string, unknown>;
  return { $id: `https://gongbao.dev/schemas/${name}.schema.json`, title: name, ...out };
}
