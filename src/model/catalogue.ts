import type { Anomaly, Severity } from './anomaly.js';

/**
 * The anomaly catalogue: every code gongbao can report, with its default severity, a
 * one-line description and a hint for the fix. Stages never invent codes: they call
 * `anomaly()` below, which takes severity and hint from here. `gongbao rules` prints this
 * table and the README renders it (a test keeps the two in sync).
 */
export interface Rule {
  severity: Severity;
  /** Which class of check: input, structure, tables, people, names, sluices, parcels. */
  group: 'input' | 'structure' | 'tables' | 'people' | 'names' | 'sluices' | 'parcels';
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
  INPUT_DAMAGED_BYTES: {
    severity: 'error',
    group: 'input',
    description:
      'Bytes that are not valid in the encoding (or a NUL byte) were decoded as U+FFFD; the message gives their offset in the file',
    hint: 'Restore the file from its source, or read it with the right --encoding; the rest of the text was read as usual',
  },
  INPUT_REPLACEMENT_CHARACTER: {
    severity: 'warning',
    group: 'input',
    description: 'A line holds U+FFFD, a character lost in an earlier conversion',
    hint: 'Restore the character from the printed issue',
  },
  INPUT_LINE_SEPARATOR: {
    severity: 'info',
    group: 'input',
    description:
      'A line holds U+2028 or U+2029 (Unicode line and paragraph separators), read as a space: editors and grep do not break a line there, so line numbers stay those of the file',
    hint: 'Replace the separator with a line break or a space in the source text',
  },
  INPUT_HTML_SPACE: {
    severity: 'info',
    group: 'input',
    description:
      'The text holds HTML space references a converter left undecoded (&nbsp; or &nbsp without its semicolon, &ensp;, &emsp;, &#12288; …), read as spaces of the same width so that lines and columns stay those of the file',
    hint: 'Nothing to fix in gongbao’s output; decode the references at the source (or convert the page again) to silence this',
  },
  INPUT_INLINE_MARKUP: {
    severity: 'info',
    group: 'input',
    description:
      'Converter Markdown holds inline markup around the text (HTML tags such as <span style=…> and <br />, pandoc’s [text]{style=…} spans, a hard break’s trailing backslash), as pandoc keeps it from a web page: read as spaces of the same width, so that lines and columns stay those of the file',
    hint: 'Nothing to fix in gongbao’s output; convert the page to plain text (pandoc -t plain) to silence this',
  },
  // readers: page furniture and figures a converter left in the text (src/read/reader-*.ts)
  INPUT_PAGE_FURNITURE: {
    severity: 'info',
    group: 'input',
    description:
      'Running heads or page numbers repeated at every page of converter output were removed from the text (reported once, with their count)',
    hint: 'Nothing to do; remove them from the text to silence this',
  },
  INPUT_TABLE_LAYOUT_LOST: {
    severity: 'warning',
    group: 'input',
    description:
      'pdftotext output without its column layout (no -layout): table cells stand one per line, so tables are not read as tables (reported once, at the first such run)',
    hint: 'Convert the PDF again with pdftotext -layout',
  },
  INPUT_IMAGE_REFERENCE: {
    severity: 'info',
    group: 'input',
    description: 'An image reference (![](…)) stands for a figure of the printed issue that the text does not hold',
    hint: 'Check the figure in the printed issue; transcribe it if it holds data',
  },
  // damage: signs the text was cut, run together or mangled on its way (src/check/damage.ts)
  INPUT_TRUNCATED: {
    severity: 'error',
    group: 'input',
    description: 'The text ends inside a table row, or mid-sentence with no colophon after it: it was cut short',
    hint: 'Convert or copy the issue again; the end of the text is missing',
  },
  TOC_REPEATED: {
    severity: 'error',
    group: 'input',
    description: 'A second table of contents (目录 with entries) begins inside the body: two issues run together',
    hint: 'Split the file into one file per issue',
  },
  MASTHEAD_REPEATED: {
    severity: 'error',
    group: 'input',
    description: 'A colophon (公报 title and 年第N期) stands inside the text, not at its end: two issues run together',
    hint: 'Split the file into one file per issue',
  },
  TABLE_DELIMITER_MISSING: {
    severity: 'warning',
    group: 'tables',
    description:
      'Rows of a pipe table without the |---| delimiter row under the header: read as a table from the rows alone, its header guessed',
    hint: 'Add the delimiter row (| --- | --- |) under the header row',
  },
  TABLE_FULLWIDTH_PIPES: {
    severity: 'warning',
    group: 'tables',
    description: 'Table rows separate their cells with full-width ｜ instead of |: they are not read as a table',
    hint: 'Replace ｜ with | in the table rows',
  },
  TABLE_TAB_SEPARATED: {
    severity: 'warning',
    group: 'tables',
    description: 'Consecutive lines separate cells with tabs: a table that lost its pipes',
    hint: 'Write the table as a pipe table (| a | b |) with a delimiter row',
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
  TITLE_REPEATED: {
    severity: 'info',
    group: 'structure',
    description:
      "A document's title is printed twice above its body (as legal-database and web exports print it); the copy is kept as source metadata",
    hint: 'Nothing to fix: the repeated line is export furniture, not text',
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
  TOC_ORDER_MISMATCH: {
    severity: 'warning',
    group: 'structure',
    description: 'The table of contents lists a document at another position than the body',
    hint: 'Put the entries of the table of contents in the order of the documents in the body',
  },
  TOC_PAGE_ORDER: {
    severity: 'warning',
    group: 'structure',
    description: 'A page number in the table of contents is lower than the one before it',
    hint: 'Correct the page number against the printed issue',
  },
  TOC_TITLE_MISMATCH: {
    severity: 'warning',
    group: 'structure',
    description: 'A table-of-contents entry words a title differently from the document in the body',
    hint: 'Make the two titles agree; the message shows the difference ([-removed-] {+added+})',
  },
  DOCNUMBER_DUPLICATE: {
    severity: 'error',
    group: 'structure',
    description: 'Two documents carry the same 文号 (same issuer, year and serial)',
    hint: 'Check both 文号 against the printed documents; one of them is wrong',
  },
  DOCNUMBER_YEAR_MISMATCH: {
    severity: 'warning',
    group: 'structure',
    description: 'The year of a 文号 differs from the year of the document date',
    hint: 'Check the 文号 and the date line against the printed document',
  },
  DATE_AFTER_PUBLICATION: {
    severity: 'error',
    group: 'structure',
    description: 'A document is dated after the publication date of the issue',
    hint: 'Correct the date line (or the publication date in the colophon)',
  },
  DATE_ORDER: {
    severity: 'warning',
    group: 'structure',
    description: 'A document breaks the date order of its section (a section not ordered by 文号 serial)',
    hint: 'Check the date line, or move the document to its place in the section',
  },
  TEXT_REPEATED: {
    severity: 'warning',
    group: 'structure',
    description: 'A phrase or line is repeated back to back, as a faulty conversion duplicates text',
    hint: 'Delete the duplicated text',
  },
  NUMBERING_GAP: {
    severity: 'warning',
    group: 'structure',
    description: 'Numbered items (一、 （一） 1. (1) 第一条) skip a number within a document',
    hint: 'Restore the missing item or correct the numbering',
  },
  NUMBERING_REPEAT: {
    severity: 'warning',
    group: 'structure',
    description: 'A numbered item repeats or goes back to an earlier number within a document',
    hint: 'Correct the numbering against the printed document',
  },
  STRAY_MARKUP: {
    severity: 'warning',
    group: 'structure',
    description: 'Conversion markup (** bold marks, HTML tags, LaTeX, # headings) stands in the text outside tables',
    hint: 'Remove the markup, or write the character it stands for (e.g. ≥ for \\geq)',
  },
  ENGLISH_WORD: {
    severity: 'warning',
    group: 'structure',
    description:
      'An English function word (and, or, of, the …) stands between Chinese characters, as a faulty conversion or translation leaves it',
    hint: 'Write the Chinese word it replaced (and → 和, or → 或, of → 的 …)',
  },
  NAME_VARIANT: {
    severity: 'warning',
    group: 'names',
    description: 'A rare spelling differs by one character from a name that is frequent in the same issue',
    hint: 'Check the rare spelling against the printed issue; it is usually a typo of the frequent one',
  },
  // consistency within the issue (issue 18, helper `consistency`): src/check/punctuation.ts, series.ts, attachments.ts, numbering.ts
  PUNCTUATION_HALF_WIDTH: {
    severity: 'info',
    group: 'structure',
    description:
      'Half-width punctuation (, ; : ( ) ? !) inside Chinese text where the issue writes that mark full-width (one anomaly per run of lines, listing them)',
    hint: 'Write the full-width mark (，；：（）？！) as the rest of the issue does',
  },
  DATE_FORM_INCONSISTENT: {
    severity: 'info',
    group: 'structure',
    description:
      "Date lines (under the title, or the 落款's 成文日期) written in another form than most of the issue's: Chinese or Arabic numerals, zero-padding, spaces, bracket width (one anomaly per form, listing the lines)",
    hint: 'Write the dates in the form most of the issue uses (the message names it)',
  },
  DOCNUMBER_DATE_ORDER: {
    severity: 'warning',
    group: 'structure',
    description:
      'A 文号 of a series (same issuer and year) is dated before the 文号 printed before it in the series (X〔2023〕26号 dated before X〔2023〕25号)',
    hint: 'Check the date and the 文号 of both documents against the printed documents; one of them is usually mistyped',
  },
  DOCNUMBER_SERIES_GAP: {
    severity: 'info',
    group: 'structure',
    description:
      'A series of 文号 printed in the issue (same issuer and year) is dense — at least 5 numbers, at most one in five of its range missing — but skips numbers',
    hint: 'Nothing to fix if the missing documents were not meant for publication; otherwise add them to the issue',
  },
  ATTACHMENT_TITLE_MISMATCH: {
    severity: 'warning',
    group: 'structure',
    description:
      'An attachment is declared (附件：…) with another title than its heading where it begins (beyond spaces, bracket width, dashes and a heading wrapped over lines)',
    hint: 'Make the declared title and the heading agree; the message shows the difference ([-declared-] {+heading+})',
  },
  NUMBERING_STYLE_MIXED: {
    severity: 'warning',
    group: 'structure',
    description:
      'A numbered list switches marker style mid-list (一、二、（三） or 1. 2、): an item carries on the count of another style (one anomaly per document, listing the items)',
    hint: 'Number every item of the list with the same marker style',
  },
  BRACKET_UNCLOSED: {
    severity: 'warning',
    group: 'structure',
    description: 'A bracket or quotation mark （ 【 《 “ 〔 「 is opened and never closed in its paragraph (one anomaly per document)',
    hint: 'Add the closing mark where the bracketed text ends, or delete the stray opening one',
  },
  PERIOD_DOUBLED: {
    severity: 'warning',
    group: 'structure',
    description: '。 stands both before and after a parenthetical (。（…）。): the sentence is ended twice',
    hint: 'Keep one 。: after the parenthetical if it belongs to the sentence, else before it and none after',
  },
  CLOSING_FORMULA_RUN_IN: {
    severity: 'warning',
    group: 'structure',
    description:
      'A closing formula (特此通知。 特此批复。 此复。 …) ends a paragraph of other text instead of standing as a paragraph of its own',
    hint: 'Start a new paragraph for the closing formula',
  },
  // editor's catalogue, group `names` helper: cited 文号, look-alike names, traditional characters, reprints
  DOCNUMBER_CITED_NONSTANDARD: {
    severity: 'warning',
    group: 'structure',
    description:
      'A 文号 cited in the text is written with non-standard brackets or spaces (standard: 机关代字〔年份〕序号号); a 文号 cut by a line or page break is read across it',
    hint: 'Write the cited 文号 with 〔〕 and no spaces, e.g. 沪府办〔2023〕6号',
  },
  NAME_LOOKALIKE: {
    severity: 'warning',
    group: 'names',
    description:
      'A name written a few times differs from a name written far more often by one look-alike character (城/域, 己/已, 末/未 …, from a table of similar-looking characters)',
    hint: 'Check the rare spelling against the printed issue; it is usually a typo of the frequent one',
  },
  NAME_CHARACTER_DROPPED: {
    severity: 'warning',
    group: 'names',
    description: 'A name written a few times is a name written far more often with one character left out or added (交通港口 / 交通和港口)',
    hint: 'Write the name the same way throughout the issue, as it is officially named',
  },
  TRADITIONAL_CHARACTER: {
    severity: 'warning',
    group: 'structure',
    description:
      'A traditional-only character (OpenCC table) stands in an issue written in simplified characters; reported once per document with the characters and lines',
    hint: 'Write the simplified character (the message gives it); check names against the printed issue',
  },
  DOCUMENT_REPRINTED: {
    severity: 'info',
    group: 'structure',
    description:
      'The same text is printed twice under two documents (an attachment reprinted as a document of its own); the message names both places and the differences between the copies',
    hint: 'Nothing to fix if the reprint is intended; the differences between the copies are often typos in one of them',
  },
  // tables
  TABLE_TOO_LARGE: {
    severity: 'warning',
    group: 'tables',
    description:
      'Pipe rows past the limits of a table (10 000 cells in a row, 1 000 000 in a table): not read as a table, their lines kept as text',
    hint: 'Check the conversion: no printed table is that large; a table of that size belongs in a data file of its own',
  },
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
  // sluices
  SLUICE_VALUE_INVALID: {
    severity: 'error',
    group: 'sluices',
    description: 'A figure of the sluice summary or a stake coordinate is not a number',
    hint: 'Correct the cell against the printed table',
  },
  SLUICE_BANK_UNKNOWN: {
    severity: 'warning',
    group: 'sluices',
    description: 'A 岸别 cell is neither 左岸 nor 右岸, or a summary row gives one bank twice',
    hint: 'Write 左岸 or 右岸 in the 岸别 cell',
  },
  SLUICE_SECTION_HEADING_MISSING: {
    severity: 'warning',
    group: 'sluices',
    description: 'A table of boundary stakes has no (n) 名称 heading, so its sluice is unknown',
    hint: 'Restore the heading line above the stake table',
  },
  SLUICE_SECTION_MISSING: {
    severity: 'error',
    group: 'sluices',
    description: 'A sluice of the summary table has no boundary section with its stakes',
    hint: 'Restore the missing (n) 名称 section and its stake table, or correct the name',
  },
  SLUICE_SECTION_UNLISTED: {
    severity: 'warning',
    group: 'sluices',
    description: 'A boundary section names a sluice that the summary table does not list',
    hint: 'Add the sluice to the summary table, or correct the section heading',
  },
  SLUICE_NAME_MISMATCH: {
    severity: 'warning',
    group: 'sluices',
    description: 'A sluice is named differently in the summary table and in its section heading (e.g. 泵闸 vs 水闸)',
    hint: 'Use the same name in both places; check which kind of structure is right',
  },
  SLUICE_ORDER_MISMATCH: {
    severity: 'warning',
    group: 'sluices',
    description: 'A boundary section stands at another place (or number) than its row in the summary table',
    hint: 'Order and number the sections as the rows of the summary table',
  },
  SLUICE_SEQ_GAP: {
    severity: 'warning',
    group: 'sluices',
    description: 'The 序号 of the stakes of a sluice do not run 1, 2, 3 … without a gap',
    hint: 'Check the stake table for a missing or extra row',
  },
  SLUICE_STAKE_NUMBER_MISMATCH: {
    severity: 'warning',
    group: 'sluices',
    description: 'A stake number (JZDn) differs from the 序号 of its row',
    hint: 'Check the 桩号 against the printed table',
  },
  SLUICE_STAKE_DUPLICATE: {
    severity: 'error',
    group: 'sluices',
    description: 'The same stake (桩号) appears twice in one sluice',
    hint: 'Remove the repeated row or correct its 桩号',
  },
  SLUICE_DUPLICATE_POINT: {
    severity: 'warning',
    group: 'sluices',
    description: 'Two stakes of one sluice have the same coordinates',
    hint: 'Check both coordinate pairs against the survey; one is probably copied',
  },
  SLUICE_SHARED_POINT: {
    severity: 'error',
    group: 'sluices',
    description: 'A stake has exactly the coordinates of a stake of another sluice',
    hint: 'Check the coordinates against the survey; a row was probably copied from the other sluice',
  },
  SLUICE_POINT_OUTLIER: {
    severity: 'warning',
    group: 'sluices',
    description: 'A stake lies far from the rest of its sluice (more than 10 times the typical distance from the median point)',
    hint: 'Check the coordinates of the stake against the survey',
  },
  SLUICE_MULTIPART: {
    severity: 'info',
    group: 'sluices',
    description: 'The stakes of a sluice form several separate rings (parcels); geometry sums them',
    hint: 'Nothing to fix if the range really has separate parcels; otherwise check the coordinates',
  },
  SLUICE_TOO_FEW_POINTS: {
    severity: 'warning',
    group: 'sluices',
    description: 'A sluice has fewer than 3 stakes with coordinates, so it has no polygon',
    hint: 'Restore the missing stake rows',
  },
  SLUICE_SHORELINE_SUM: {
    severity: 'error',
    group: 'sluices',
    description: 'Left and right shoreline lengths do not add up to the total shoreline length (beyond rounding)',
    hint: 'Check the three figures against the printed table',
  },
  SLUICE_AREA_SUM: {
    severity: 'error',
    group: 'sluices',
    description: 'The land areas of both banks plus the water area do not add up to the total area (beyond rounding)',
    hint: 'Check the four figures against the printed table',
  },
  SLUICE_AREA_MISMATCH: {
    severity: 'warning',
    group: 'sluices',
    description: 'The area of the polygon through the stakes differs from the stated total area by more than 1 % (and 1 m²)',
    hint: 'Check the stake coordinates and the stated 总面积',
  },
  SLUICE_LENGTH_MISMATCH: {
    severity: 'warning',
    group: 'sluices',
    description:
      'The perimeter of the polygon through the stakes differs from the stated boundary line length by more than 1 % (and 0.5 m)',
    hint: 'Check the stake coordinates and the stated 界址线长',
  },
  SLUICE_SELF_INTERSECTION: {
    severity: 'warning',
    group: 'sluices',
    description: 'The polygon through the stakes in order crosses itself',
    hint: 'Check the order and coordinates of the stakes where the edges cross',
  },
  SLUICE_TOTAL_SUM: {
    severity: 'error',
    group: 'sluices',
    description: 'A figure of the totals row (合计) of the sluice summary differs from the sum of the rows (beyond rounding)',
    hint: 'Check the totals row and the rows against the printed table',
  },
  // parcels: tables of boundary points other than sluices (src/features/parcels/)
  PARCEL_VALUE_INVALID: {
    severity: 'warning',
    group: 'parcels',
    description: 'A coordinate of a boundary point (界址点) of a parcel is not a number',
    hint: 'Correct the cell against the printed table',
  },
  PARCEL_TOO_FEW_POINTS: {
    severity: 'warning',
    group: 'parcels',
    description: 'A table of boundary points has fewer than 3 points with coordinates, so the parcel has no polygon',
    hint: 'Restore the missing rows or coordinates from the printed table',
  },
  PARCEL_NUMBERING_GAP: {
    severity: 'warning',
    group: 'parcels',
    description: 'The numbers of the boundary points of a parcel (J1, J2 …) skip or go back',
    hint: 'Restore the missing point, or correct its number, against the printed table',
  },
  PARCEL_POINT_DUPLICATE: {
    severity: 'warning',
    group: 'parcels',
    description:
      'A boundary point name or coordinate pair appears twice in a parcel (other than a last row that repeats the first to close the ring)',
    hint: 'Check the repeated row against the printed table',
  },
  PARCEL_ARC_INCOMPLETE: {
    severity: 'warning',
    group: 'parcels',
    description:
      'An arc of a parcel boundary (圆曲线起点 / 中点 / 终点) lacks one of its three points, or its three points lie on a line; the boundary is drawn straight there',
    hint: 'Check the notes of the arc points against the printed table',
  },
  PARCEL_ARC_RADIUS_MISMATCH: {
    severity: 'warning',
    group: 'parcels',
    description:
      'The radius stated for an arc (半径30米) differs from the circle through its start, middle and end point by more than 1 % (and 0.5 m)',
    hint: 'Check the radius and the coordinates of the three arc points',
  },
  PARCEL_AREA_MISMATCH: {
    severity: 'warning',
    group: 'parcels',
    description:
      'The area of a parcel computed from its boundary points (arcs as true arcs) differs from the area the text states by more than 1 % (and 1 m²)',
    hint: 'Check the coordinates, the order of the points and the stated area (and its unit: 公顷, 平方米, 亩)',
  },
  PARCEL_SELF_INTERSECTION: {
    severity: 'warning',
    group: 'parcels',
    description: 'The polygon through the boundary points of a parcel in order crosses itself',
    hint: 'Check the order and coordinates of the points where the edges cross',
  },
  PARCEL_CRS_MISSING: {
    severity: 'info',
    group: 'parcels',
    description: 'No coordinate system is named for a table of boundary points (注：坐标系统为…)',
    hint: 'Name the coordinate system in a note under the table, as the printed document should',
  },
  // people
  PERSON_NAME_MISSING: {
    severity: 'warning',
    group: 'people',
    description: 'An appointment or roster line holds a position but no name',
    hint: 'Restore the name from the printed issue',
  },
  PERSON_POSITION_MISSING: {
    severity: 'warning',
    group: 'people',
    description: 'An appointment or roster line holds a name but no position',
    hint: 'Restore the position from the printed issue',
  },
  PERSON_NAME_INVALID: {
    severity: 'warning',
    group: 'people',
    description: 'The name cell of a people list is not a name of 2–4 Chinese characters',
    hint: 'Check the name against the printed issue (a position or a note may have slid into the name column)',
  },
  PERSON_ACTION_UNKNOWN: {
    severity: 'warning',
    group: 'people',
    description: 'A list of people in a personnel document has no 任命 / 免去 header, so its action is unknown; its lines give no records',
    hint: 'Restore the list header (任命职务 / 免去职务) above the list',
  },
  PERSON_TITLE_UNKNOWN: {
    severity: 'info',
    group: 'people',
    description: 'A position ends with no known post title, so it is not split into organisation and title',
    hint: 'Nothing to fix if the post is unusual; the whole text is kept as the organisation',
  },
  // repair: text repaired on the way out, said once per document (src/check/repairs.ts, src/core/prose.ts)
  PARAGRAPH_JOINED: {
    severity: 'info',
    group: 'input',
    description:
      'Paragraphs broken mid-sentence where the printed page broke (a line ending without terminal punctuation, blank lines or page furniture, a line continuing the sentence) were joined again in the Markdown export and marked in the report; reported once per document, with the lines',
    hint: 'Nothing to fix in gongbao’s output; join the two lines at the source to silence this',
  },
  WRAP_SPACES_REMOVED: {
    severity: 'info',
    group: 'input',
    description:
      'Spaces between two Chinese characters, left by line wraps (or by spacing out a short name or label: 姓 名, 王 峰), were removed from the clean text (titles, table cells, the Markdown export; the title’s and the cell’s raw text and the source keep them); reported once per document, with the count and the lines',
    hint: 'Nothing to fix in gongbao’s output; remove the spaces at the source to silence this',
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
