/** gongbao as a library. */
export { parseIssue, type ParseOptions } from './parse.js';
export { InputError } from './read/errors.js';
export type { Anomaly, Severity } from './model/anomaly.js';
export type { Issue, Document, TocEntry, Section, Citation, DocNumber, Masthead, Attachment } from './model/issue.js';
export type { Appointment, Position, Period, Roster, RosterMember } from './model/people.js';
export { CATALOGUE, type Code, type Rule } from './check/catalogue.js';
