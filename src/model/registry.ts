import { z } from 'zod';
import { Anomaly } from './anomaly.js';
import { Issue, Document, TocEntry, Section, Citation, Masthead, DocNumber, Attachment } from './issue.js';
import { ValidationReport } from './validation-report.js';

/**
 * The record types of the issue's structure and of `gongbao validate`, by the name
 * `gongbao schema NAME` takes. Each feature adds its own (Feature.schemas); the whole list
 * is src/write/schemas.ts.
 */
export const CORE_SCHEMAS: Record<string, z.ZodType> = {
  issue: Issue,
  document: Document,
  'toc-entry': TocEntry,
  section: Section,
  citation: Citation,
  masthead: Masthead,
  'doc-number': DocNumber,
  attachment: Attachment,
  anomaly: Anomaly,
};

export const REPORT_SCHEMAS: Record<string, z.ZodType> = { 'validation-report': ValidationReport };

/** JSON Schema (draft 2020-12) of a record type. */
export function toJsonSchema(name: string, schema: z.ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', reused: 'ref' }) as Record<string, unknown>;
  return { $id: `https://gongbao.dev/schemas/${name}.schema.json`, title: name, ...out };
}
