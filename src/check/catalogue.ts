import type { Anomaly, Severity } from '../model/anomaly.js';

/**
 * The anomaly catalogue: every code gongbao can report, with its default severity, a
 * one-line description and a hint for the fix. Stages never invent codes: they call
 * `anomaly()` below, which takes severity and hint from here. `gongbao rules` prints this
 * table and the README renders it (a test keeps the two in sync).
 */
export interface Rule {
  severity: Severity;
  /** Which class of check: input, structure, tables, people, names, sluices. */
  group: 'input' | 'structure' | 'tables' | 'people' | 'names' | 'sluices';
  description: string;
  hint: string;
}

export const CATALOGUE = {
  // input
  INPUT_ENCODING_FALLBACK: {
    severity: 'info',
    group: 'input',
    description: 'The file was not valid UTF-8 and was decoded as GB18030',
    hint: 'Save the file as UTF-8 so every tool reads it the same way',
  },
  INPUT_REPLACEMENT_CHARACTER: {
    severity: 'warning',
    group: 'input',
    description: 'A line holds U+FFFD, a character lost in an earlier conversion',
    hint: 'Restore the character from the printed issue',
  },
  // structure
  TOC_NOT_FOUND: {
    severity: 'info',
    group: 'structure',
    description: 'The issue has no table of contents (目录)',
    hint: 'Nothing to fix if the printed issue has none; documents are found from their headers',
  },
  MASTHEAD_NOT_FOUND: {
    severity: 'warning',
    group: 'structure',
    description: 'No colophon (title, 年第N期, publication date) was found',
    hint: 'Check that the colophon at the end of the issue survived the conversion',
  },
  MASTHEAD_FIELD_MISSING: {
    severity: 'info',
    group: 'structure',
    description: 'The colophon lacks a field (issue number, publication date, publisher …)',
    hint: 'Check the colophon against the printed issue',
  },
  SECTION_NOT_FOUND: {
    severity: 'warning',
    group: 'structure',
    description: 'A category of the table of contents has no section header (【…】) in the body',
    hint: 'Restore the missing 【…】 header line in the body',
  },
  DOCUMENT_WITHOUT_TITLE: {
    severity: 'warning',
    group: 'structure',
    description: 'A date line stands without a title line above it',
    hint: 'Restore the title lines of the document',
  },
  DOCNUMBER_NONSTANDARD: {
    severity: 'warning',
    group: 'structure',
    description: 'A 文号 is written with non-standard brackets or spaces (standard: 机关代字〔年份〕序号号)',
    hint: 'Write the 文号 with 〔〕 and no spaces, e.g. 府办〔2023〕10号',
  },
  DATE_INVALID: {
    severity: 'error',
    group: 'structure',
    description: 'A document date does not exist in the calendar',
    hint: 'Correct the date line against the printed document',
  },
  ATTACHMENT_NOT_FOUND: {
    severity: 'warning',
    group: 'structure',
    description: 'An attachment is declared (附件：…) but never begins in the document',
    hint: 'Restore the attachment or correct the 附件 list',
  },
  ATTACHMENT_UNDECLARED: {
    severity: 'warning',
    group: 'structure',
    description: 'An attachment begins (附件 N) without being declared in a 附件 list',
    hint: 'Add the attachment to the 附件 list or remove the stray header',
  },
  TOC_ENTRY_UNMATCHED: {
    severity: 'error',
    group: 'structure',
    description: 'A table-of-contents entry has no document in the body',
    hint: 'Restore the missing document or remove the entry from the table of contents',
  },
  DOCUMENT_NOT_IN_TOC: {
    severity: 'warning',
    group: 'structure',
    description: 'A document in the body has no entry in the table of contents',
    hint: 'Add the document to the table of contents',
  },
  // tables
  TABLE_RAGGED_ROW: {
    severity: 'warning',
    group: 'tables',
    description: 'A table row has more or fewer cells than its header (GFM renderers silently pad or cut it)',
    hint: 'Add or remove the | so the row has one cell per column; gongbao kept every cell',
  },
  TABLE_CONTINUATION_MISMATCH: {
    severity: 'warning',
    group: 'tables',
    description: 'A table fragment after a page break does not match the table it continues (column count or kind of data)',
    hint: 'Restore the lost column(s) of the continuation, or separate the two tables with their captions',
  },
  TABLE_CELL_TYPE: {
    severity: 'warning',
    group: 'tables',
    description: 'A cell does not fit the type of its column (e.g. text in a column of numbers)',
    hint: 'Check the cell against the printed table; a note or unit belongs in the header or a footnote',
  },
  TABLE_ROW_SHIFTED: {
    severity: 'warning',
    group: 'tables',
    description: 'The text of a table row seems to have slid one column left or right',
    hint: 'Move the cells of the row back under their columns',
  },
  TABLE_MERGED: {
    severity: 'info',
    group: 'tables',
    description: 'A table fragment after a page break was merged into the table it continues',
    hint: 'Nothing to fix; the fragments are listed in the table’s `fragments`',
  },
  TABLE_ROW_JOINED: {
    severity: 'info',
    group: 'tables',
    description: 'A row cut by a page break (empty key cells, only the rest of the text) was joined to the row it finishes',
    hint: 'Nothing to fix; the joined text is listed in the cell’s `joined`',
  },
  TABLE_CELLS_FILLED: {
    severity: 'info',
    group: 'tables',
    description: 'Empty cells under a merged cell of a grouping column were filled from the cell above',
    hint: 'Nothing to fix; filled cells carry `filled: true` and their original empty text',
  },
  TABLE_ARTEFACT_CLEANED: {
    severity: 'info',
    group: 'tables',
    description: 'A table cell held HTML, LaTeX or ** markers from the conversion; turned into plain text',
    hint: 'Nothing to fix in gongbao’s output; write the cell as plain text at the source to silence this',
  },
} as const satisfies Record<string, Rule>;

export type Code = keyof typeof CATALOGUE;

export interface AnomalyInput {
  message: string;
  line: number;
  column?: number;
  endLine?: number;
  documentId?: string;
  evidence: string;
}

/** Builds an anomaly of a catalogued code: severity and hint come from the catalogue. */
export function anomaly(code: Code, input: AnomalyInput): Anomaly {
  const rule: Rule = CATALOGUE[code];
  const out: Anomaly = {
    code,
    severity: rule.severity,
    message: input.message,
    line: input.line,
    column: input.column ?? 1,
    evidence: input.evidence,
    hint: rule.hint,
  };
  if (input.endLine !== undefined && input.endLine !== input.line) out.endLine = input.endLine;
  if (input.documentId !== undefined) out.documentId = input.documentId;
  return out;
}
