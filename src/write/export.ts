import type { Issue } from '../model/issue.js';
import { assertConforms } from '../model/conform.js';
import { dataPackage } from './datapackage.js';
import { documentsMarkdown } from './markdown.js';
import { reportFiles } from './report.js';
import { csvFile, type CsvOptions, type CsvValue, type TableSpec } from './csv.js';
import { tablesExport } from '../features/tables/export.js';
import { peopleFiles } from '../features/people/export.js';
import { jsonChunks } from './json-stream.js';
import { pieces } from './pieces.js';

export { fileText, pieces } from './pieces.js';
import { sluiceFiles } from '../features/sluices/export.js';

/** One file of an export folder, relative to the folder. */
export interface ExportFile {
  path: string;
  /**
   * The file's text or bytes; or pieces of text (see `pieces`), made as the file is written,
   * so a large issue's issue.json, report.html and documents are never all in memory at once.
   */
  data: string | Uint8Array | Iterable<string>;
  /** For CSV files: the Table Schema that datapackage.json gives it. */
  resource?: TableSpec;
}

export interface ExportOptions extends CsvOptions {
  /** ISO timestamp recorded in datapackage.json; none by default, so output is deterministic. */
  stamp?: string;
  /** proj4 definition of the local plane system of sluice coordinates; adds sluices.geojson (WGS84). */
  crs?: string;
  /** The decoded lines of the issue's text: the Markdown documents and the HTML report show it. */
  lines?: readonly string[];
}

/** A producer turns the issue into some of the export's files. */
export type Producer = (issue: Issue, opts: ExportOptions) => Promise<ExportFile[]>;

const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';

/** Pretty JSON (2 spaces, a final newline) in pieces: the text of `json(v)`. */
const jsonPieces = (v: unknown): Iterable<string> =>
  pieces(function* () {
    yield* jsonChunks(v, true);
    yield '\n';
  });

export const DOCUMENTS: TableSpec = {
  name: 'documents',
  path: 'documents.csv',
  title: 'Documents',
  description: 'One row per document of the issue, in order',
  primaryKey: 'id',
  fields: [
    { name: 'id', type: 'string', description: 'Stable id: 机关代字-年份-序号 from the 文号, else category-TOC index', constraints: { required: true, unique: true } },
    { name: 'ordinal', type: 'integer', description: 'Position in the issue, 1-based', constraints: { required: true } },
    { name: 'category', type: 'string', description: 'Section category (【…】)' },
    { name: 'kind', type: 'string', description: 'Document type from the end of the title: 通知, 请示, 答复 …' },
    { name: 'title', type: 'string', description: 'Title, lines joined, wrap spaces removed', constraints: { required: true } },
    { name: 'date', type: 'date', description: 'Document date (ISO)' },
    { name: 'doc_number', type: 'string', description: 'Normalised 文号, 机关代字〔年份〕序号号' },
    { name: 'doc_number_raw', type: 'string', description: '文号 as written' },
    { name: 'issuer', type: 'string', description: '机关代字 of the 文号' },
    { name: 'year', type: 'integer', description: 'Year of the 文号' },
    { name: 'serial', type: 'integer', description: 'Serial number of the 文号' },
    { name: 'recipients', type: 'string', description: 'Recipients line (主送)' },
    { name: 'attachments', type: 'integer', description: 'Number of attachments declared or found' },
    { name: 'start_line', type: 'integer', description: 'First line of the document', constraints: { required: true } },
    { name: 'end_line', type: 'integer', description: 'Last line of the document', constraints: { required: true } },
    { name: 'title_line', type: 'integer', description: 'Line of the title' },
    { name: 'toc_index', type: 'integer', description: 'Number of the matching table-of-contents entry' },
    { name: 'toc_page', type: 'integer', description: 'Page given by the table of contents' },
    { name: 'interprets', type: 'string', description: 'For a policy interpretation: id of the interpreted document' },
  ],
  foreignKeys: [{ fields: 'interprets', reference: { resource: 'documents', fields: 'id' } }],
};

export const TOC: TableSpec = {
  name: 'toc',
  path: 'toc.csv',
  title: 'Table of contents',
  description: 'One row per entry of the table of contents (目录)',
  primaryKey: 'line',
  fields: [
    { name: 'line', type: 'integer', description: 'Line of the entry', constraints: { required: true, unique: true } },
    { name: 'category', type: 'string', description: 'Category the entry is listed under' },
    { name: 'index', type: 'integer', description: 'Entry number; empty for a lone "-" entry' },
    { name: 'title', type: 'string', description: 'Title as listed', constraints: { required: true } },
    { name: 'page', type: 'integer', description: 'Page number' },
    { name: 'document_id', type: 'string', description: 'The document the entry matches' },
    { name: 'toc_line', type: 'integer', description: 'First line of the table of contents the entry is listed in; only when the text holds more than one (issues run together)' },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

export const CITATIONS: TableSpec = {
  name: 'citations',
  path: 'citations.csv',
  title: 'Citations',
  description: 'Every 文号 and 《title》 cited in the text of a document',
  fields: [
    { name: 'document_id', type: 'string', description: 'The citing document' },
    { name: 'kind', type: 'string', description: 'docNumber (a 文号) or title (a 《title》)', constraints: { required: true } },
    { name: 'text', type: 'string', description: 'The cited text', constraints: { required: true } },
    { name: 'normalized', type: 'string', description: 'Normalised 文号 (kind docNumber)' },
    { name: 'line', type: 'integer', description: 'Line of the citation', constraints: { required: true } },
    { name: 'column', type: 'integer', description: 'Column (UTF-16 code units, 1-based)', constraints: { required: true } },
    { name: 'target_document_id', type: 'string', description: 'The document of this issue it refers to' },
  ],
  foreignKeys: [
    { fields: 'document_id', reference: { resource: 'documents', fields: 'id' } },
    { fields: 'target_document_id', reference: { resource: 'documents', fields: 'id' } },
  ],
};

/** Rows of documents.csv, toc.csv and citations.csv, in the order of their fields. */
export const documentRows = (issue: Issue): CsvValue[][] =>
  issue.documents.map((d) => [
    d.id, d.ordinal, d.category, d.kind, d.title, d.date, d.docNumber?.normalized, d.docNumber?.raw, d.docNumber?.issuer,
    d.docNumber?.year, d.docNumber?.serial, d.recipients?.text, d.attachments.length, d.span.startLine, d.span.endLine,
    d.titleSpan.startLine, d.toc?.index, d.toc?.page, d.interprets,
  ]);
export const tocRows = (issue: Issue): CsvValue[][] => issue.toc.map((t) => [t.line, t.category, t.index, t.title, t.page, t.documentId, t.tocLine]);
export const citationRows = (issue: Issue): CsvValue[][] =>
  issue.citations.map((c) => [c.documentId, c.kind, c.text, c.normalized, c.line, c.column, c.targetDocumentId]);

/** issue.json, anomalies.json, documents.csv, toc.csv, citations.csv. */
const core: Producer = async (issue, opts) => [
  { path: 'issue.json', data: jsonPieces(issue) },
  { path: 'anomalies.json', data: jsonPieces(issue.anomalies) },
  await csvFile(DOCUMENTS, documentRows(issue), opts),
  await csvFile(TOC, tocRows(issue), opts),
  await csvFile(CITATIONS, citationRows(issue), opts),
];

/** docs/NN-<slug>.md: each document as Markdown (needs the text's lines). */
const markdown: Producer = async (issue, opts) => (opts.lines ? documentsMarkdown(issue, opts.lines) : []);

/** Every producer of the export folder; extraction modules add theirs here. */
export const PRODUCERS: Producer[] = [core, peopleFiles, tablesExport, sluiceFiles, markdown, (issue, opts) => reportFiles(issue, opts.lines)];

/** All files of the export of one issue, validated first, in a stable order. */
export async function buildExport(issue: Issue, opts: ExportOptions = {}): Promise<ExportFile[]> {
  assertConforms('issue', issue);
  const valid = issue;
  const files: ExportFile[] = [];
  for (const p of PRODUCERS) files.push(...(await p(valid, opts)));
  files.push(dataPackage(valid, files, opts.stamp));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two producers wrote ${f.path}`);
    seen.add(f.path);
  }
  return files;
}
