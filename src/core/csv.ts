/**
 * The CSV files of the structure: documents.csv, toc.csv and citations.csv, each
 * described once as a list of columns (header, Table Schema field and cell).
 */
import type { Anomaly } from '../model/anomaly.js';
import type { CsvTable } from '../model/export.js';
import type { Citation, Document, TocEntry } from '../model/issue.js';

export const DOCUMENTS_CSV: CsvTable<Document> = {
  name: 'documents',
  path: 'documents.csv',
  title: 'Documents',
  description: 'One row per document of the issue, in order',
  primaryKey: 'id',
  columns: [
    {
      name: 'id',
      type: 'string',
      description: 'Stable id: 机关代字-年份-序号 from the 文号, else category-TOC index',
      constraints: { required: true, unique: true },
      value: (d) => d.id,
    },
    {
      name: 'ordinal',
      type: 'integer',
      description: 'Position in the issue, 1-based',
      constraints: { required: true },
      value: (d) => d.ordinal,
    },
    { name: 'category', type: 'string', description: 'Section category (【…】)', value: (d) => d.category },
    { name: 'kind', type: 'string', description: 'Document type from the end of the title: 通知, 请示, 答复 …', value: (d) => d.kind },
    {
      name: 'title',
      type: 'string',
      description: 'Title, lines joined, wrap spaces removed',
      constraints: { required: true },
      value: (d) => d.title,
    },
    { name: 'date', type: 'date', description: 'Document date (ISO)', value: (d) => d.date },
    { name: 'doc_number', type: 'string', description: 'Normalised 文号, 机关代字〔年份〕序号号', value: (d) => d.docNumber?.normalized },
    { name: 'doc_number_raw', type: 'string', description: '文号 as written', value: (d) => d.docNumber?.raw },
    { name: 'issuer', type: 'string', description: '机关代字 of the 文号', value: (d) => d.docNumber?.issuer },
    { name: 'year', type: 'integer', description: 'Year of the 文号', value: (d) => d.docNumber?.year },
    { name: 'serial', type: 'integer', description: 'Serial number of the 文号', value: (d) => d.docNumber?.serial },
    { name: 'recipients', type: 'string', description: 'Recipients line (主送)', value: (d) => d.recipients?.text },
    { name: 'attachments', type: 'integer', description: 'Number of attachments declared or found', value: (d) => d.attachments.length },
    {
      name: 'start_line',
      type: 'integer',
      description: 'First line of the document',
      constraints: { required: true },
      value: (d) => d.span.startLine,
    },
    {
      name: 'end_line',
      type: 'integer',
      description: 'Last line of the document',
      constraints: { required: true },
      value: (d) => d.span.endLine,
    },
    { name: 'title_line', type: 'integer', description: 'Line of the title', value: (d) => d.titleSpan.startLine },
    { name: 'toc_index', type: 'integer', description: 'Number of the matching table-of-contents entry', value: (d) => d.toc?.index },
    { name: 'toc_page', type: 'integer', description: 'Page given by the table of contents', value: (d) => d.toc?.page },
    {
      name: 'interprets',
      type: 'string',
      description: 'For a policy interpretation: id of the interpreted document',
      value: (d) => d.interprets,
    },
  ],
  foreignKeys: [{ fields: 'interprets', reference: { resource: 'documents', fields: 'id' } }],
};

export const TOC_CSV: CsvTable<TocEntry> = {
  name: 'toc',
  path: 'toc.csv',
  title: 'Table of contents',
  description: 'One row per entry of the table of contents (目录)',
  primaryKey: 'line',
  columns: [
    {
      name: 'line',
      type: 'integer',
      description: 'Line of the entry',
      constraints: { required: true, unique: true },
      value: (t) => t.line,
    },
    { name: 'category', type: 'string', description: 'Category the entry is listed under', value: (t) => t.category },
    { name: 'index', type: 'integer', description: 'Entry number; empty for a lone "-" entry', value: (t) => t.index },
    { name: 'title', type: 'string', description: 'Title as listed', constraints: { required: true }, value: (t) => t.title },
    { name: 'page', type: 'integer', description: 'Page number', value: (t) => t.page },
    { name: 'document_id', type: 'string', description: 'The document the entry matches', value: (t) => t.documentId },
    {
      name: 'toc_line',
      type: 'integer',
      description:
        'First line (目录) of the table of contents the entry is listed in; several when the text holds more than one (issues run together)',
      value: (t) => t.tocLine,
    },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

export const CITATIONS_CSV: CsvTable<Citation> = {
  name: 'citations',
  path: 'citations.csv',
  title: 'Citations',
  description: 'Every 文号 and 《title》 cited in the text of a document',
  columns: [
    { name: 'document_id', type: 'string', description: 'The citing document', value: (c) => c.documentId },
    {
      name: 'kind',
      type: 'string',
      description: 'docNumber (a 文号) or title (a 《title》)',
      constraints: { required: true },
      value: (c) => c.kind,
    },
    { name: 'text', type: 'string', description: 'The cited text', constraints: { required: true }, value: (c) => c.text },
    { name: 'normalized', type: 'string', description: 'Normalised 文号 (kind docNumber)', value: (c) => c.normalized },
    { name: 'line', type: 'integer', description: 'Line of the citation', constraints: { required: true }, value: (c) => c.line },
    {
      name: 'column',
      type: 'integer',
      description: 'Column (UTF-16 code units, 1-based)',
      constraints: { required: true },
      value: (c) => c.column,
    },
    {
      name: 'target_document_id',
      type: 'string',
      description: 'The document of this issue it refers to',
      value: (c) => c.targetDocumentId,
    },
  ],
  foreignKeys: [
    { fields: 'document_id', reference: { resource: 'documents', fields: 'id' } },
    { fields: 'target_document_id', reference: { resource: 'documents', fields: 'id' } },
  ],
};

/** The anomalies as `gongbao extract anomalies --format csv` prints them. */
export const ANOMALIES_CSV: CsvTable<Anomaly> = {
  name: 'anomalies',
  path: 'anomalies.csv',
  title: 'Anomalies',
  description: 'One row per anomaly, in line order',
  columns: [
    {
      name: 'code',
      type: 'string',
      description: 'Stable code from the catalogue (docs/anomalies.md)',
      constraints: { required: true },
      value: (a) => a.code,
    },
    { name: 'severity', type: 'string', description: 'error, warning or info', constraints: { required: true }, value: (a) => a.severity },
    { name: 'line', type: 'integer', description: 'Line (1-based)', constraints: { required: true }, value: (a) => a.line },
    {
      name: 'column',
      type: 'integer',
      description: 'Column (UTF-16 code units, 1-based)',
      constraints: { required: true },
      value: (a) => a.column,
    },
    { name: 'document_id', type: 'string', description: 'The document the line is in', value: (a) => a.documentId },
    { name: 'message', type: 'string', description: 'What is wrong', constraints: { required: true }, value: (a) => a.message },
    { name: 'evidence', type: 'string', description: 'The text in question', value: (a) => a.evidence },
  ],
};
