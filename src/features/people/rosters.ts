/**
 * Rosters: the members of a leading group, joint conference or committee that a document
 * sets up or adjusts. The body's name comes from the title (关于建立 X 的通知 → X); the
 * members from role lines (`组 长：张 三 副区长`, `召集人：…`), from the lines and tables
 * under a role label (`成 员（按姓氏笔画为序）：`), and from sentences that name an office
 * director (`办公室主任由某局局长某某兼任`). A line with a position and no name (or the
 * reverse) is kept with the missing field null and reported.
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { Document } from '../../model/issue.js';
import type { Roster, RosterMember } from '../../model/people.js';
import type { Table } from '../../model/table.js';
import type { SourceLines } from '../../read/lines.js';
import { LineFinder, type Lines } from '../../model/lines.js';
import { anomaly } from '../../model/catalogue.js';
import { isTableRow } from '../../core/patterns.js';
import { removeCjkSpaces } from '../../read/text.js';
import { compact, entryOf, isSentence, mostlyPosts, nameColumn, own, roleColumn, stripListMarker } from './common.js';
import { compactName, isName, splitName, titleSuffixLength } from './names.js';
import { stripMarkup } from './positions.js';
import { BODY_VERBS, BODY_WORDS, ROLE_SET } from './vocab.js';
import { append, type Result } from '../../model/result.js';

const MAX_ROLE = 8;

/** Roles that lead a body: a list with one of them is a roster even when no body name is found. */
const LEADERS = new Set(['组长', '第一组长', '召集人', '总召集人', '第一召集人', '总指挥', '指挥长', '主任', '主任委员']);

/** The body a title sets up or adjusts: 关于建立 X 的通知 → X (组成人员 / 成员 dropped). */
export function bodyFromTitle(title: string): string | null {
  const t = compact(title);
  const at = t.lastIndexOf('关于');
  if (at < 0) return null;
  let i = at + 2;
  const verb = BODY_VERBS.find((v) => t.startsWith(v, i));
  if (!verb) return null;
  i += verb.length;
  let end = t.lastIndexOf('的');
  if (end <= i) end = t.length;
  let body = t.slice(i, end);
  for (const suffix of ['及其办公室组成人员', '及办公室组成人员', '组成人员', '成员名单', '组成单位', '成员单位', '成员', '人员']) {
    if (body.endsWith(suffix)) {
      body = body.slice(0, -suffix.length);
      break;
    }
  }
  if (!BODY_WORDS.some((w) => body.endsWith(w))) return null;
  return body;
}

/** The body a sentence sets up: 同意建立 X（以下简称…）/ 同意调整 X，… → X. */
function bodyFromSentence(text: string): string | null {
  if (text.indexOf('同意') < 0 && text.indexOf('决定') < 0) return null;
  const t = compact(text);
  for (const lead of ['同意', '决定']) {
    let at = t.indexOf(lead);
    if (at < 0) continue;
    at += lead.length;
    const verb = BODY_VERBS.find((v) => t.startsWith(v, at));
    if (!verb) continue;
    const start = at + verb.length;
    let end = start;
    while (end < t.length && !'，,。；(（'.includes(t[end]!)) end++;
    const body = t.slice(start, end);
    if (BODY_WORDS.some((w) => body.endsWith(w))) return body;
  }
  return null;
}

interface RoleLabel {
  role: string;
  note: string | null;
  /** Text after the label, trimmed. */
  rest: string;
  restColumn: number;
}

/** Reads `组 长：…`, `成 员（按姓氏笔画为序）：`, `召集人:…`. */
export function roleLabel(line: string): RoleLabel | null {
  // Cheap check first (every line of a document comes here): a colon near the start.
  const head = line.slice(0, 40);
  if (head.indexOf('：') < 0 && head.indexOf(':') < 0) return null;
  const s = stripMarkup(line);
  // a list item's bullet (- 组长：…, as a converter writes an HTML list) is no part of the label
  const bullet = /^\s*[-•*]\s+/.exec(s);
  let colon = -1;
  for (let i = bullet === null ? 0 : bullet[0].length; i < s.length && i < 30; i++) {
    if (s[i] === '：' || s[i] === ':') {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  let label = compact(s.slice(bullet === null ? 0 : bullet[0].length, colon));
  let note: string | null = null;
  const open = label.search(/[(（]/);
  if (open > 0) {
    const close = label.search(/[)）]/);
    note = label.slice(open + 1, close > open ? close : label.length) || null;
    label = label.slice(0, open);
  }
  if (label.length > MAX_ROLE || !ROLE_SET.has(label)) return null;
  let restStart = colon + 1;
  while (restStart < s.length && (s[restStart] === ' ' || s[restStart] === '\u3000' || s[restStart] === '\t')) restStart++;
  let rest = s.slice(restStart).trim();
  // 成员：（按姓氏笔画为序）
  const n = noteLine(rest);
  if (n !== null) {
    note = note ?? n;
    rest = '';
  }
  return { role: label, note, rest, restColumn: restStart + 1 };
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0x3000) return false;
  }
  return true;
}

/** A line that is only a note on the order of the list: （按姓氏笔画为序）. */
function noteLine(text: string): string | null {
  const t = compact(text);
  if (t.length < 3 || !/^[(（].*[)）]$/.test(t)) return null;
  const inner = t.slice(1, -1);
  return inner.includes('序') || inner.includes('排列') ? inner : null;
}

interface Ctx {
  src: SourceLines;
  doc: Document;
  anomalies: Anomaly[];
  members: RosterMember[];
  /** The sub-heading the members now listed stand under. */
  group?: string;
  /** Sentences about a post that name no one (办公室主任由区卫健委主要负责同志兼任). */
  notes: string[];
}

/** A numbered sub-heading of a member list naming a group, not a person: （一）市政府委员, 二、部门成员. */
const GROUP_MARK = /^\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*/;

export function groupHeading(text: string): string | null {
  const m = GROUP_MARK.exec(text);
  if (!m) return null;
  const rest = stripMarkup(text.slice(m[0].length))
    .trim()
    .replace(/[:：]$/, '');
  if (rest.length < 2 || rest.length > 16 || /[\s\u3000、，,。；;：:（(]/.test(rest)) return null;
  if (splitName(rest).name !== null) return null;
  return rest;
}

function addMember(
  ctx: Ctx,
  role: string,
  nameRawIn: string,
  positionIn: string,
  source: RosterMember['source'],
  line: number,
  column: number,
): void {
  const nameRaw = stripMarkup(nameRawIn).trim();
  const position = removeCjkSpaces(stripMarkup(positionIn)).trim();
  const evidence = ctx.src.lines.get(line - 1) ?? '';
  const documentId = ctx.doc.id;
  let name: string | null = null;
  if (nameRaw === '') {
    ctx.anomalies.push(
      anomaly('PERSON_NAME_MISSING', {
        message: `roster ${role} with a position (${position}) but no name`,
        line,
        column,
        documentId,
        evidence,
      }),
    );
  } else if (isName(compactName(nameRaw))) {
    name = compactName(nameRaw);
  } else {
    ctx.anomalies.push(
      anomaly('PERSON_NAME_INVALID', {
        message: `“${nameRaw}” is not a name of 2–4 Chinese characters`,
        line,
        column,
        documentId,
        evidence,
      }),
    );
  }
  let pos: string | null = position || null;
  if (pos === null && name !== null && source === 'sentence') {
    // 办公室主任由张某同志兼任: the post is the one the roster lists for that name.
    pos = ctx.members.find((m) => m.name === name && m.position !== null)?.position ?? null;
  }
  if (pos === null) {
    ctx.anomalies.push(
      anomaly('PERSON_POSITION_MISSING', {
        message: `roster ${role} ${name ?? nameRaw} has no position`,
        line,
        column,
        documentId,
        evidence,
      }),
    );
  }
  const member: RosterMember = { order: ctx.members.length + 1, role, name, nameRaw: nameRaw || null, position: pos, source, line };
  if (ctx.group !== undefined) member.group = ctx.group;
  ctx.members.push(member);
}

function fromTable(ctx: Ctx, table: Table, role: string): string {
  const nameCol = nameColumn(table);
  if (nameCol < 0) return role;
  const roleCol = roleColumn(table);
  const postCols = table.columns.map((_, i) => i).filter((i) => i !== nameCol && i !== roleCol);
  if (!mostlyPosts(table, postCols)) return role;
  let current = role;
  for (const row of table.rows) {
    if (row.kind === 'header') continue;
    const filled = row.cells.map((c) => own(c).text).filter((t) => t !== '');
    if (filled.length === 0) continue;
    if (filled.length === 1) {
      const r = compact(filled[0]!).replace(/[:：]$/, '');
      if (ROLE_SET.has(r)) {
        current = r;
        continue;
      }
    }
    if (roleCol >= 0) {
      const r = compact(own(row.cells[roleCol]).text).replace(/[:：]$/, '');
      if (ROLE_SET.has(r)) current = r;
    }
    const nameCell = row.cells[nameCol];
    const position = row.cells
      .filter((_, i) => i !== nameCol && i !== roleCol)
      .map((c) => own(c).text)
      .filter((t) => t !== '')
      .join(' ');
    const nameRaw = own(nameCell).raw;
    const column = nameRaw ? nameCell!.column : (row.cells.find((c, i) => i !== nameCol && own(c).text)?.column ?? 1);
    addMember(ctx, current, nameRaw, position, 'table', row.line, column);
  }
  return current;
}

/** Name and post from the phrase of a sentence: 区某局局长王某 → 王某 + 区某局局长; 张某同志 → 张某. */
export function phrasePerson(phraseIn: string): { nameRaw: string; position: string } {
  let p = compact(phraseIn);
  if (p.endsWith('同志')) p = p.slice(0, -2);
  if (isName(p)) return { nameRaw: p, position: '' };
  for (const len of [3, 2, 4]) {
    if (p.length <= len) continue;
    const name = p.slice(p.length - len);
    const pos = p.slice(0, p.length - len);
    if (isName(name) && titleSuffixLength(pos) > 0) return { nameRaw: name, position: pos };
  }
  return { nameRaw: '', position: p };
}

/** Members named in a sentence: `办公室主任由…兼任` / `秘书长由…担任`. */
function fromSentence(ctx: Ctx, text: string, line: number, listed: boolean): void {
  let from = 0;
  for (;;) {
    const at = text.indexOf('由', from);
    if (at < 0) return;
    from = at + 1;
    const before = compact(text.slice(Math.max(0, at - 16), at)).replace(/[:：]$/, '');
    let role: string | null = null;
    for (let len = Math.min(MAX_ROLE, before.length); len >= 2; len--) {
      const r = before.slice(before.length - len);
      if (ROLE_SET.has(r)) {
        role = r;
        break;
      }
    }
    if (!role) continue;
    let end = at + 1;
    while (end < text.length && !'，,。；;'.includes(text[end]!)) end++;
    const clause = text.slice(at + 1, end);
    const verb = Math.max(...HOLDER_VERBS.map((v) => clause.lastIndexOf(v)));
    if (verb <= 0) continue;
    const { nameRaw, position } = phrasePerson(clause.slice(0, verb));
    // who holds the post, named by the post alone: a note on the roster, not a member
    // (a labelled line of the list, 组 长：由区长担任, stays a member without a name)
    if (nameRaw === '' && !listed) ctx.notes.push(compact(`${role}由${clause}`));
    else addMember(ctx, role, nameRaw, position, 'sentence', line, at + 2);
  }
}

const HEADING_SUFFIXES = ['组成人员名单', '成员名单', '人员名单', '组成人员', '名单', '组成', '成员'];

/** A heading that starts the member list of a body: 二、领导小组办公室组成人员 → 领导小组办公室. */
const HEADING_LAST = new Set([...BODY_WORDS, ...HEADING_SUFFIXES].map((w) => w[w.length - 1]!));

/** The same as character codes, and what bodyHeading drops at the end of a line. */
const HEADING_LAST_CODE = new Set([...HEADING_LAST].map((c) => c.charCodeAt(0)));
const HEADING_TRAIL_CODE = new Set([...' \t\u3000:：*'].map((c) => c.charCodeAt(0)));

/**
 * Whether line `k` (1-based) passes bodyHeading's first test (at most 60 code units, its last
 * character but spaces, colons and stars ends a body word or suffix), read in the text itself:
 * no string is made for the other lines.
 */
function mayBeHeading(lines: Lines, k: number): boolean {
  const start = lines.starts[k - 1]!;
  let e = lines.starts[k]! - 2; // the line's last character
  if (e - start >= 60) return false;
  const text = lines.text;
  while (e >= start && HEADING_TRAIL_CODE.has(text.charCodeAt(e))) e--;
  return e >= start && HEADING_LAST_CODE.has(text.charCodeAt(e));
}

/**
 * Outside a list of members, a line says something about a roster only with a colon (a role
 * label), 由, 兼任 or 担任 (a sentence naming a post's holder) or, while the body is not known,
 * 同意 or 决定 (同意建立 X, 决定成立 X): the other lines are jumped over.
 */
/** The verbs of a sentence naming a post's holder: 办公室主任由…兼任, 王某担任秘书长. */
const HOLDER_VERBS = ['兼任', '担任'];
/** The words of such a sentence: 由, or a verb. */
const HOLDER_WORDS = ['由', ...HOLDER_VERBS];
const ROSTER_NEEDLES = ['：', ':', ...HOLDER_WORDS];
const ROSTER_OR_BODY_NEEDLES = [...ROSTER_NEEDLES, '同意', '决定'];

/** The lines the roster walks read: one pair of finders for every document of a parse, in order. */
export interface RosterLines {
  /** Lines that may hold a label or a sentence (the body known). */
  labels: LineFinder;
  /** The same, and lines that may name the body (同意建立 X). */
  labelsOrBody: LineFinder;
}

export function rosterLines(src: SourceLines): RosterLines {
  return { labels: new LineFinder(src.lines, ROSTER_NEEDLES), labelsOrBody: new LineFinder(src.lines, ROSTER_OR_BODY_NEEDLES) };
}

export function bodyHeading(line: string): string | null {
  if (line.length > 60) return null;
  // Cheap check first (every line comes here): the last character must end a body word or suffix.
  let e = line.length - 1;
  while (e >= 0 && ' \t\u3000:：*'.includes(line[e]!)) e--;
  if (e < 0 || !HEADING_LAST.has(line[e]!)) return null;
  let t = compact(stripListMarker(stripMarkup(line))).replace(/[:：]$/, '');
  if (t.length === 0 || t.length > 40 || isSentence(t) || t.includes('关于') || t.includes('由')) return null;
  const verb = BODY_VERBS.find((v) => t.startsWith(v));
  if (verb) t = t.slice(verb.length); // （一）成立领导小组
  for (const suffix of HEADING_SUFFIXES) {
    if (t.length > suffix.length && t.endsWith(suffix)) {
      t = t.slice(0, -suffix.length);
      break;
    }
  }
  return BODY_WORDS.some((w) => t.endsWith(w)) ? t : null;
}

/** A heading's body in full: 领导小组办公室 under 某区某某领导小组 → 某区某某领导小组办公室. */
function resolveHeading(heading: string, titleBody: string | null): string {
  if (titleBody === null || heading === titleBody || heading.length >= titleBody.length) return heading;
  for (const w of [...BODY_WORDS].sort((a, b) => b.length - a.length)) {
    if (titleBody.endsWith(w) && heading.startsWith(w)) return titleBody + heading.slice(w.length);
  }
  return heading.startsWith('办公室') ? titleBody + heading : heading;
}

interface Segment {
  from: number;
  to: number;
  body: string | null;
  bodyLine: number | null;
}

/**
 * The rosters of one document: one per body whose members it lists. A heading
 * (`二、领导小组办公室组成人员`) starts the list of another body of the same document.
 */
export function extractRosters(
  src: SourceLines,
  doc: Document,
  tables: readonly Table[],
  lines: RosterLines = rosterLines(src),
): Result<Roster[]> {
  const titleBody = bodyFromTitle(doc.title);
  const sorted = [...tables].sort((a, b) => a.span.startLine - b.span.startLine);
  const segments: Segment[] = [
    { from: doc.titleSpan.endLine + 1, to: doc.span.endLine, body: titleBody, bodyLine: titleBody ? doc.titleSpan.startLine : null },
  ];
  let ti = 0;
  for (let k = doc.titleSpan.endLine + 1; k <= doc.span.endLine; k++) {
    // (a heading names a body in CJK: ASCII lines are jumped over)
    if ((k = src.lines.skipAscii(k)) > doc.span.endLine) break;
    if (!mayBeHeading(src.lines, k)) continue;
    while (ti < sorted.length && sorted[ti]!.span.endLine < k) ti++;
    if (sorted[ti] && sorted[ti]!.span.startLine <= k) continue;
    const h = bodyHeading(src.lines.get(k - 1)!);
    if (h === null) continue;
    segments[segments.length - 1]!.to = k - 1;
    segments.push({ from: k + 1, to: doc.span.endLine, body: resolveHeading(h, titleBody), bodyLine: k });
  }
  const out: Roster[] = [];
  const anomalies: Anomaly[] = [];
  for (const seg of segments) {
    const r = rosterOf(src, doc, sorted, seg, lines);
    append(anomalies, r.anomalies);
    if (r.value) out.push({ ...r.value, id: `${doc.id}-r${out.length + 1}` });
  }
  return { value: out, anomalies };
}

/** What the lines of a segment said about its roster, besides the members (in the Ctx). */
interface SegmentReading {
  body: string | null;
  bodyLine: number | null;
  note: string | null;
  /** Lines that may be sentences about a post (they hold 由), read once the listed members are known. */
  pending: number[];
  /** Of those, the ones after a role label (组长：由区长担任). */
  labelled: Set<number>;
}

/** The roster of one segment of a document, with the anomalies of its members; null when it lists no one. */
function rosterOf(src: SourceLines, doc: Document, sorted: readonly Table[], seg: Segment, lines: RosterLines): Result<Roster | null> {
  const ctx: Ctx = { src, doc, anomalies: [], members: [], notes: [] };
  const r = readSegment(ctx, sorted, seg, lines);
  let { body, note } = r;
  // No roster, no anomalies about its members: lines that only looked like a list are not reported.
  if (ctx.members.length === 0) return { value: null, anomalies: [] };
  if (body === null) {
    if (ctx.members.some((m) => LEADERS.has(m.role))) body = doc.title;
    else return { value: null, anomalies: [] };
  }
  // Sentences naming an office director etc., once the listed members are known.
  for (const k of r.pending) {
    const text = src.lines.get(k - 1)!;
    if (text.includes('由')) fromSentence(ctx, text, k, r.labelled.has(k));
    fromHolder(ctx, text, k);
  }
  if (ctx.notes.length) note = [note, ...ctx.notes].filter((x) => x !== null).join('；');
  const members = [...ctx.members].sort((a, b) => a.line - b.line || a.order - b.order);
  members.forEach((m, i) => (m.order = i + 1));
  const kinds = new Set(members.map((m) => m.source));
  const roster: Roster = {
    id: '',
    body,
    documentId: doc.id,
    line: r.bodyLine ?? members[0]!.line,
    note,
    source: kinds.size === 1 ? members[0]!.source : 'mixed',
    members,
  };
  return { value: roster, anomalies: ctx.anomalies };
}

/** Reads the lines and tables of a segment: members into the Ctx; the body, note and sentences left to read. */
function readSegment(ctx: Ctx, sorted: readonly Table[], seg: Segment, lines: RosterLines): SegmentReading {
  const src = ctx.src;
  let body = seg.body;
  let bodyLine = seg.bodyLine;
  let note: string | null = null;
  let inBlock = false;
  let role = '成员';
  let ti = 0;
  const pending: number[] = [];
  const labelled = new Set<number>();
  for (let k = seg.from; k <= seg.to; k++) {
    while (ti < sorted.length && sorted[ti]!.span.startLine < k) ti++;
    const table = sorted[ti];
    // Outside a block of members, a line without a label's colon, 由 or (the body not known)
    // 同 / 决 says nothing (ROSTER_CHAR): jumped over up to the next table.
    const skip = inBlock ? k : (body === null ? lines.labelsOrBody : lines.labels).skip(k);
    if (skip > k) {
      k = table ? Math.min(skip, table.span.startLine) : skip;
      if (k > seg.to) break;
    }
    if (table && table.span.startLine === k) {
      if (inBlock || body !== null) {
        const before = ctx.members.length;
        role = fromTable(ctx, table, role);
        if (ctx.members.length > before) inBlock = true;
      }
      k = table.span.endLine;
      continue;
    }
    const text = src.lines.get(k - 1)!;
    if (text.length === 0 || isBlank(text) || isTableRow(text)) continue;
    const label = roleLabel(text);
    if (label) {
      inBlock = true;
      role = label.role;
      if (label.note) note = note ?? label.note;
      if (label.rest.startsWith('由')) {
        pending.push(k); // 组长：由区长担任 — a sentence
        labelled.add(k);
      } else if (label.rest) {
        if (!addNames(ctx, role, label.rest, k, label.restColumn)) {
          const e = entryOf(label.rest);
          if (e) addMember(ctx, role, e.nameRaw, e.position, 'line', k, label.restColumn + e.column - 1);
          else if (body !== null && !isSentence(label.rest)) addMember(ctx, role, '', label.rest, 'line', k, label.restColumn);
        }
      }
      continue;
    }
    if (inBlock) {
      const n = noteLine(text);
      if (n !== null) {
        note = note ?? n;
        continue;
      }
      const g = groupHeading(text);
      if (g !== null) {
        ctx.group = g;
        continue;
      }
      if (addNames(ctx, role, text, k, 1)) continue;
      const e = entryOf(text);
      if (e) {
        addMember(ctx, role, e.nameRaw, e.position, 'line', k, e.column);
        continue;
      }
      inBlock = false;
    }
    if (body === null) {
      const b = bodyFromSentence(text);
      if (b) {
        body = b;
        bodyLine = k;
      }
    }
    // Only a line with 由, 兼任 or 担任 can name a post's holder in a sentence (rosterOf): the
    // others are not kept, so a document of millions of lines costs no array of them.
    if (HOLDER_WORDS.some((w) => text.includes(w))) pending.push(k);
  }
  return { body, bodyLine, note, pending, labelled };
}

/**
 * Members named before their post in a sentence: 胡某同志兼任办公室主任, 区甲局局长王某担任
 * 秘书长 (the 由 form, 办公室主任由…兼任, is fromSentence's). The post after the verb must be a
 * role, the words before it back to the clause's start a name (with 同志, or after a post).
 */
function fromHolder(ctx: Ctx, text: string, line: number): void {
  for (const verb of HOLDER_VERBS) {
    for (let at = text.indexOf(verb); at >= 0; at = text.indexOf(verb, at + verb.length)) {
      let end = at + verb.length;
      while (end < text.length && !'，,。；;、'.includes(text[end]!)) end++;
      const role = compact(text.slice(at + verb.length, end));
      if (!ROLE_SET.has(role)) continue;
      let start = at;
      while (start > 0 && !'，,。；;：:'.includes(text[start - 1]!)) start--;
      if (text[start] === '由') start++; // 由王某同志兼任办公室主任
      const { nameRaw, position } = phrasePerson(text.slice(start, at));
      if (nameRaw !== '') addMember(ctx, role, nameRaw, position, 'sentence', line, start + 1);
    }
  }
}

/** Names only, joined by 、 or ，(成员：张三、李四): one member each, without a position. */
function addNames(ctx: Ctx, role: string, text: string, line: number, column: number): boolean {
  const t = stripMarkup(text)
    .trim()
    .replace(/[。；;]$/, '');
  if (t.indexOf('、') < 0 && t.indexOf('，') < 0 && t.indexOf(',') < 0) return false;
  const parts = t.split(/[、，,]/);
  if (parts.length < 2 || !parts.every((p) => isName(compactName(p.trim())))) return false;
  let offset = 0;
  for (const p of parts) {
    const at = text.indexOf(p.trim(), offset);
    addMember(ctx, role, p.trim(), '', 'line', line, column + Math.max(0, at));
    offset = at + p.length;
  }
  return true;
}
