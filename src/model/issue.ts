import { z } from 'zod';
import { Line } from './line.js';
import { Anomaly } from './anomaly.js';
import { Table } from './table.js';
import { Appointment, Roster } from './people.js';
import { Sluice, SluicePoint } from './sluice.js';
import { Parcel, ParcelPoint } from './parcel.js';

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('ISO 8601 calendar date');

export const Span = z.object({ startLine: Line, endLine: Line }).describe('Inclusive range of lines in the original file');
export type Span = z.infer<typeof Span>;

export const Source = z
  .object({
    name: z.string().nullable().describe("File name as given; '-' for standard input; null for text given to the library without a name"),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']),
    bom: z.boolean(),
    bytes: z.number().int().min(0),
    lines: z.number().int().min(0),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    reader: z
      .enum(['text', 'markdown', 'pdftotext'])
      .describe(
        'The input reader that read the text: text (plain converter text, pipe tables) or markdown (converter Markdown: # headings, HTML tables, page furniture) or pdftotext (poppler pdftotext output, with or without -layout: pages, column-aligned tables)',
      ),
  })
  .describe('Where the text came from and how it was decoded');
export type Source = z.infer<typeof Source>;

export const Masthead = z
  .object({
    title: z.string().nullable().describe('Gazette title, e.g. 上海市某区人民政府公报'),
    year: z.number().int().nullable(),
    issue: z.number().int().nullable().describe('Issue number within the year (第N期)'),
    totalIssue: z.number().int().nullable().describe('Running issue number (总第N期)'),
    publicationDate: IsoDate.nullable(),
    publisher: z.string().nullable().describe('主办'),
    website: z.string().nullable().describe('网址'),
    line: Line.nullable().describe('First line of the colophon'),
    endLine: Line.nullable().describe('Last line of the colophon'),
  })
  .describe('Masthead fields read from the colophon; each null when absent');
export type Masthead = z.infer<typeof Masthead>;

export const TocEntry = z
  .object({
    category: z.string().nullable().describe('The 【…】 category the entry is listed under'),
    index: z.number().int().nullable().describe('Entry number (1. / 1、), null for a lone "-" entry'),
    title: z.string(),
    titleRaw: z.string(),
    page: z.number().int().nullable(),
    line: Line,
    endLine: Line.optional(),
    documentId: z.string().nullable().describe('The body document this entry matches'),
    categoryLine: Line.optional().describe('Line of the 【category】 heading the entry is listed under in the table of contents'),
    tocLine: Line.optional().describe(
      'First line (目录) of the table of contents this entry is listed in (absent only for a TOC without a heading or category line); when the text holds more than one (issues run together), each is matched with the documents that follow it',
    ),
  })
  .describe('One entry of the table of contents');
export type TocEntry = z.infer<typeof TocEntry>;

export const DocNumber = z
  .object({
    raw: z.string().describe('As written, e.g. 某府(2023)25号'),
    normalized: z.string().describe('Standard form 机关代字〔年份〕序号号'),
    issuer: z.string().describe('机关代字'),
    year: z.number().int().nullable().describe('Year in the brackets; null for an order (令) numbered without a year (第N号)'),
    serial: z.number().int(),
    line: Line,
    column: z.number().int().min(1),
  })
  .describe("A 文号 (document number); for an order (令) the 第N号 under the order's name");
export type DocNumber = z.infer<typeof DocNumber>;

export const Attachment = z
  .object({
    index: z.number().int().nullable().describe('Attachment number (附件 N); null for a lone attachment'),
    declaredTitle: z.string().nullable().describe('Title as listed in the 附件 declaration'),
    declaredLine: Line.nullable(),
    title: z.string().nullable().describe('Title found where the attachment begins'),
    startLine: Line.nullable().describe(
      'Line where the attachment begins (附件 / 附件 N): after the span of its document when an attachment before it is printed as a document of its own',
    ),
    parent: z.number().int().nullable().describe('Index (in this list) of the attachment this one is nested in'),
  })
  .describe('A declared and/or found attachment of a document');
export type Attachment = z.infer<typeof Attachment>;

export const Document = z
  .object({
    id: z.string().describe('Stable id: from the normalised 文号, else category + TOC index'),
    ordinal: z.number().int().min(1).describe('Position in the issue, 1-based'),
    category: z.string().nullable(),
    kind: z.string().nullable().describe('Document type from the end of the title: 通知, 请示, 答复 …'),
    title: z.string().describe('Title lines joined, stray wrap spaces removed'),
    titleRaw: z.string().describe('Title as in the text, lines joined with newlines'),
    titleSpan: Span,
    date: IsoDate.nullable(),
    dateRaw: z.string().nullable(),
    dateLine: Line.nullable(),
    docNumber: DocNumber.nullable(),
    recipients: z.object({ text: z.string(), line: Line }).nullable().describe('主送 line'),
    attachments: z.array(Attachment),
    span: Span,
    toc: z
      .object({ index: z.number().int().nullable(), page: z.number().int().nullable(), line: Line })
      .nullable()
      .describe('The table-of-contents entry this document matches'),
    interprets: z.string().nullable().describe('For a policy interpretation: id of the document it interprets'),
    issuers: z
      .array(z.string())
      .describe(
        '发文机关: the issuers signing the 落款, else those of the 版头 mark (several for a joint document); empty when neither is printed',
      ),
    dateSource: z
      .enum(['dateLine', 'signature'])
      .nullable()
      .describe('Where `date` comes from: a date line under the title, or the 成文日期 of the 落款 (when no date line precedes the body)'),
    signature: z
      .object({
        issuers: z.array(z.string()).describe('Issuer lines above the date, in order'),
        date: IsoDate.nullable().describe('成文日期; null when it is not a date in the calendar'),
        dateRaw: z.string(),
        line: Line.describe('Line of the 成文日期'),
        startLine: Line.describe('First line of the 落款 (the first issuer, else the date)'),
      })
      .nullable()
      .describe('落款 after the body: issuer(s) and 成文日期 (Arabic or Chinese numerals)'),
    note: z.object({ text: z.string(), line: Line }).nullable().describe('附注 under the 落款, such as （此件公开发布）'),
    header: z
      .object({ issuers: z.array(z.string()), line: Line, signer: z.string().nullable().describe('签发人 beside the 文号') })
      .nullable()
      .describe("版头 of a typeset document: the issuing authority's mark (XX人民政府文件, joint issuers sharing one 文件)"),
    sourceMeta: z
      .array(z.object({ key: z.string(), value: z.string(), line: Line }))
      .describe(
        'Database and web export furniture before the title (citation code, source link, metadata, the title printed twice): kept, never taken as the title',
      ),
  })
  .describe('One document of the issue');
export type Document = z.infer<typeof Document>;

export const Section = z
  .object({
    category: z.string(),
    line: Line,
    span: Span,
    documentIds: z.array(z.string()),
  })
  .describe('A section of the body under a 【…】 category header');
export type Section = z.infer<typeof Section>;

export const Citation = z
  .object({
    documentId: z.string().nullable().describe('The document whose text cites'),
    kind: z.enum(['docNumber', 'title']),
    text: z.string().describe('The cited 文号 or the title inside 《》'),
    normalized: z.string().nullable().describe('Normalised 文号 (kind docNumber)'),
    line: Line,
    column: z.number().int().min(1),
    targetDocumentId: z.string().nullable().describe('A document of this issue the citation refers to'),
  })
  .describe('A 文号 or 《title》 cited in the text');
export type Citation = z.infer<typeof Citation>;

export const Matter = z
  .object({
    kind: z
      .enum(['front', 'back', 'between'])
      .describe(
        'front: before the table of contents and the first document; back: after the last document and the colophon; between: anywhere else (between a TOC and the body, between issues run together, before a section’s first document)',
      ),
    line: Line.describe('First line of the run (non-blank)'),
    endLine: Line.describe('Last line of the run (non-blank)'),
  })
  .describe(
    'Front, back or in-between matter: a run of lines that no other record holds (no document, TOC entry or heading, section heading, colophon or table), so that no text of the input is dropped. Like a document it gives its lines; its text is in matter.md and report.html',
  );
export type Matter = z.infer<typeof Matter>;

export const IssueCore = z.object({
  schemaVersion: z.literal(1),
  source: Source,
  masthead: Masthead,
  toc: z.array(TocEntry),
  sections: z.array(Section),
  documents: z.array(Document),
  citations: z.array(Citation),
  matter: z.array(Matter).describe('Lines no other record holds (text before the TOC, after the colophon, between issues), in text order'),
  tables: z.array(Table).describe('Logical tables: fragments merged across page breaks, cells cleaned and typed'),
  appointments: z.array(Appointment).describe('Appointments and removals (人事任免), one record per person and list'),
  rosters: z.array(Roster).describe('Member lists of leading groups, joint conferences and committees'),
  sluices: z.array(Sluice).describe('Sluices: summary rows joined with their boundary sections, with computed geometry and checks'),
  points: z.array(SluicePoint).describe('Boundary stakes (界址点) of the sluices, in text order'),
  parcels: z
    .array(Parcel)
    .describe(
      'Parcels: tables of boundary points (界址点) other than sluice stake tables, with coordinate system, stated area, geometry and checks',
    ),
  parcelPoints: z.array(ParcelPoint).describe('Boundary points (界址点) of the parcels, in text order'),
  anomalies: z.array(Anomaly),
});

export const Issue = IssueCore.describe('A parsed gazette issue');
export type Issue = z.infer<typeof Issue>;
