import { z } from 'zod';
import { Line } from './line.js';

/**
 * Tables. A *fragment* is one pipe table as it stands in the text (header row, delimiter
 * row, body rows); PDF conversion cuts a printed table into one fragment per page. A
 * logical `Table` is what the reader of the printed issue sees: consecutive fragments
 * merged, header rows recognised, rows cut by a page break joined, merged cells filled
 * down, cells cleaned and typed. Every row and cell keeps its source line and column.
 */

export const ColumnType = z
  .enum(['integer', 'number', 'percentage', 'date', 'text'])
  .describe(
    'Type of a column, from its data cells: integer (JSON integer), number (JSON number, negative and decimal ' +
      'included), percentage (JSON number of the percent shown: "12.5%" → 12.5), date (ISO string YYYY-MM-DD), ' +
      'text (cleaned string)',
  );
export type ColumnType = z.infer<typeof ColumnType>;

export const TableColumn = z
  .object({
    name: z
      .string()
      .describe(
        'Cleaned column name, unique within the table: header rows joined ("城建坐标 Y(m)"); "列N" for an ' +
          'unnamed column; a repeated name gets " (2)", " (3)" …',
      ),
    nameRaw: z.string().describe('Header cell(s) as written, header rows joined with a newline; "" when none'),
    type: ColumnType,
  })
  .describe('One column of a logical table');
export type TableColumn = z.infer<typeof TableColumn>;

export const TableCell = z
  .object({
    text: z.string().describe('Cleaned text: HTML and LaTeX turned into text, ** removed, stray spaces between CJK removed'),
    raw: z.string().describe('The cell as written between the pipes, trimmed'),
    value: z
      .union([z.number(), z.string(), z.null()])
      .describe('Typed value by the column type; null for an empty cell or a not-applicable mark (/ — －)'),
    line: Line,
    column: z.number().int().min(1).describe('1-based UTF-16 column of the cell text in its line'),
    filled: z.boolean().optional().describe('true when the cell was empty in the text and filled from the cell above (a merged cell)'),
    original: z.string().optional().describe('For a filled cell: the original (empty) text'),
    joined: z
      .array(z.object({ raw: z.string(), line: Line, column: z.number().int().min(1) }))
      .optional()
      .describe('Text appended from a row cut by a page break, with where it stood'),
  })
  .describe('One cell of a logical table');
export type TableCell = z.infer<typeof TableCell>;

export const TableRow = z
  .object({
    line: Line,
    kind: z
      .enum(['data', 'group', 'header'])
      .describe('data; group: a label row with one filled cell heading the rows below; header: a header repeated mid-table'),
    group: z.string().nullable().optional().describe('Text of the group row this data row stands under'),
    cells: z.array(TableCell).describe('One cell per column (a ragged row keeps its extra cells)'),
  })
  .describe('One row of a logical table');
export type TableRow = z.infer<typeof TableRow>;

export const TableFragment = z
  .object({
    startLine: Line,
    endLine: Line,
    headerRows: z.number().int().min(0).describe('Rows of this fragment read as header (incl. a title row)'),
    continuation: z
      .enum(['first', 'repeatHeader', 'emptyHeader'])
      .describe('first fragment; or a continuation that repeats the header / starts with an empty header row'),
    columnOffset: z
      .number()
      .int()
      .min(0)
      .describe('Column of the logical table the fragment’s first column maps to (>0 when it lost leading columns)'),
  })
  .describe('One pipe table of the text that is part of a logical table');
export type TableFragment = z.infer<typeof TableFragment>;

const LineText = z.object({ text: z.string(), line: Line });

export const Table = z
  .object({
    id: z.string().describe('Stable id: `${documentId}-t${n}` (n counts tables in the document), or `t${n}` outside documents'),
    documentId: z.string().nullable(),
    attachmentIndex: z.number().int().nullable().describe('Index into the document’s attachments list of the attachment the table sits in'),
    caption: LineText.nullable().describe('Label below (表 1：…) or the title line above the table'),
    title: LineText.nullable().describe('A title written as the first row of the table (one cell spanning it)'),
    notes: z.array(LineText).describe('注 / 说明 lines right below the table, explaining marks such as * or [1]'),
    fragments: z.array(TableFragment).min(1),
    columns: z.array(TableColumn),
    rows: z.array(TableRow),
    span: z.object({ startLine: Line, endLine: Line }),
  })
  .describe('A logical table: one or more pipe-table fragments merged, with typed columns');
export type Table = z.infer<typeof Table>;
