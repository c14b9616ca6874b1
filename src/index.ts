/**
 * gongbao as a library:
 *   parseIssue(text | bytes, options) → Issue
 *   validateIssue(text | bytes | Issue, options) → the anomalies that count, with a status
 *   exportIssue(text | bytes, dir, options) → writes the export folder
 */
export { parseIssue, parseSource, type ParseOptions, type ParsedSource } from './parse.js';
export type { Encoding } from './read/decode.js';
export type { SourceLines } from './read/lines.js';
export { Lines } from './read/lines.js';
export type { Block, TableBlock, BlockRow, BlockCell } from './read/reading.js';
export type { Result } from './model/result.js';
export { exportIssue, validateIssue, type ExportIssueOptions, type ValidateIssueOptions, type Validation } from './api.js';
export type { FailOn, RuleLevel } from './check/policy.js';
export { InputError } from './read/errors.js';
export { OutputError } from './write/errors.js';
export type { Anomaly, Severity } from './model/anomaly.js';
export type { Issue, Source, Span, Document, TocEntry, Section, Citation, DocNumber, Masthead, Attachment, Matter } from './model/issue.js';
export type { Table, TableColumn, ColumnType, TableRow, TableCell, TableFragment } from './model/table.js';
export { extractTables } from './features/tables/index.js';
export { scanTables, splitRow, type Fragment, type RawCell, type RawRow } from './features/tables/scan.js';
export type { Appointment, Position, Period, Roster, RosterMember } from './model/people.js';
export type { Sluice, SluicePoint } from './model/sluice.js';
export { CATALOGUE, type Code, type Rule } from './model/catalogue.js';
