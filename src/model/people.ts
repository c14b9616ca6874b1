import { z } from 'zod';
import { Line } from './line.js';

/**
 * People: appointments and removals (人事任免) and the member lists (rosters) of leading
 * groups, joint conferences and committees. Every record keeps the document it comes from
 * and its 1-based source line.
 */

const YearMonth = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .describe('Year and month, YYYY-MM');

export const Position = z
  .object({
    text: z.string().describe('The post as written, without qualifiers and without a trailing 职务'),
    organization: z
      .string()
      .nullable()
      .describe(
        'The organisation: the text before the post title (parentheses that belong to its name kept); null when the text is only a title',
      ),
    title: z
      .string()
      .nullable()
      .describe('The post title, a known post word at the end of the text (局长, 副主任 …); null when none is known'),
  })
  .describe('One post of an appointment or removal');
export type Position = z.infer<typeof Position>;

export const Period = z
  .object({
    from: YearMonth,
    to: YearMonth,
    raw: z.string().describe('The period as written in the list title, e.g. 二〇二四年一月~三月'),
  })
  .describe('The months an appointment list covers');
export type Period = z.infer<typeof Period>;

export const Appointment = z
  .object({
    id: z.string().describe('Stable id: `${documentId}-p${n}` (n counts the records of the document)'),
    action: z.enum(['appoint', 'remove']).describe('appoint (任命) or remove (免去), from the header of the list'),
    name: z.string().nullable().describe('The name with spaces removed (张 三 → 张三); null when the line holds none'),
    nameRaw: z.string().nullable().describe('The name as written'),
    positions: z.array(Position).describe('Posts, in the order written: one line can hold several, joined by 、'),
    qualifiers: z
      .array(z.string())
      .describe('Parenthesised notes qualifying the appointment (试用期满, 兼, 六级管理岗位 …), verbatim, split on , and ，'),
    period: Period.nullable().describe('The period of the list, from its title; null when the title names none'),
    documentId: z.string(),
    line: Line,
  })
  .describe('One appointment (任命) or removal (免去) of a person');
export type Appointment = z.infer<typeof Appointment>;

export const RosterMember = z
  .object({
    order: z.number().int().min(1).describe('Position in the roster, 1-based, in the order of the text'),
    role: z.string().describe('Role in the body: 组长, 副组长, 召集人, 成员, 办公室主任 …'),
    name: z.string().nullable().describe('The name with spaces removed; null when the line holds none'),
    nameRaw: z.string().nullable().describe('The name as written'),
    position: z.string().nullable().describe('The member’s post as written (several posts joined by 、 kept together); null when none'),
    source: z
      .enum(['table', 'line', 'sentence'])
      .describe('Where the member is listed: a table row, a plain line, or a sentence (办公室主任由…兼任)'),
    line: Line,
    group: z
      .string()
      .optional()
      .describe(
        'The sub-heading of the member list the member stands under (（一）市政府委员 → 市政府委员); absent when the list has none',
      ),
  })
  .describe('One member of a roster');
export type RosterMember = z.infer<typeof RosterMember>;

export const Roster = z
  .object({
    id: z.string().describe('Stable id: `${documentId}-r${n}` (n counts the rosters of the document)'),
    body: z.string().describe('Name of the group, conference or committee, from the document title'),
    documentId: z.string(),
    line: Line.describe('Line the body name is read from (the title), or the first member line'),
    note: z.string().nullable().describe('A note on the list, e.g. 按姓氏笔画为序'),
    source: z.enum(['table', 'line', 'sentence', 'mixed']).describe('Where the members are listed: all in one kind of place, or mixed'),
    members: z.array(RosterMember),
  })
  .describe('The member list of a leading group, joint conference or committee');
export type Roster = z.infer<typeof Roster>;
