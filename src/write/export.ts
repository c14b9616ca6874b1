import type { Issue } from '../model/issue.js';
import { assertValid } from '../model/validate.js';
import { toCsv, type CsvOptions } from './csv.js';

/** One file of an export folder, relative to the folder. */
export interface ExportFile {
  path: string;
  data: string | Uint8Array;
}

export interface ExportOptions extends CsvOptions {}

/** A producer turns the issue into some of the export's files. */
export type Producer = (issue: Issue, opts: ExportOptions) => Promise<ExportFile[]>;

const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';

/** issue.json, anomalies.json, documents.csv, toc.csv, citations.csv. */
const core: Producer = async (issue, opts) => {
  const documents = await toCsv(
    ['id', 'ordinal', 'category', 'kind', 'title', 'date', 'doc_number', 'doc_number_raw', 'issuer', 'year', 'serial',
      'recipients', 'attachments', 'start_line', 'end_line', 'title_line', 'toc_index', 'toc_page', 'interprets'],
    issue.documents.map((d) => [
      d.id, d.ordinal, d.category, d.kind, d.title, d.date, d.docNumber?.normalized, d.docNumber?.raw, d.docNumber?.issuer,
      d.docNumber?.year, d.docNumber?.serial, d.recipients?.text, d.attachments.length, d.span.startLine, d.span.endLine,
      d.titleSpan.startLine, d.toc?.index, d.toc?.page, d.interprets,
    ]),
    opts,
  );
  const toc = await toCsv(
    ['line', 'category', 'index', 'title', 'page', 'document_id'],
    issue.toc.map((t) => [t.line, t.category, t.index, t.title, t.page, t.documentId]),
    opts,
  );
  const citations = await toCsv(
    ['document_id', 'kind', 'text', 'normalized', 'line', 'column', 'target_document_id'],
    issue.citations.map((c) => [c.documentId, c.kind, c.text, c.normalized, c.line, c.column, c.targetDocumentId]),
    opts,
  );
  return [
    { path: 'issue.json', data: json(issue) },
    { path: 'anomalies.json', data: json(issue.anomalies) },
    { path: 'documents.csv', data: documents },
    { path: 'toc.csv', data: toc },
    { path: 'citations.csv', data: citations },
  ];
};

/** Every producer of the export folder; extraction modules add theirs here. */
export const PRODUCERS: Producer[] = [core];

/** All files of the export of one issue, validated first, in a stable order. */
export async function buildExport(issue: Issue, opts: ExportOptions = {}): Promise<ExportFile[]> {
  assertValid('issue', issue);
  const valid = issue;
  const files: ExportFile[] = [];
  for (const p of PRODUCERS) files.push(...(await p(valid, opts)));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two producers wrote ${f.path}`);
    seen.add(f.path);
  }
  return files;
}
