import { matchKey } from '../read/text.js';
import { append } from '../model/result.js';
import {
  bareDateLine,
  categoryHeader,
  dateLine,
  endsSentence,
  isPageNumber,
  isTableRow,
  longerThan,
  orderNumberLine,
  ownDocNumberLine,
  type DateLine,
  type DocNumberLine,
} from './patterns.js';
import type { Lines } from '../model/lines.js';

/**
 * The parts of a Chinese official document (公文, GB/T 9704) that any gazette, database
 * export or single typeset document prints, with or without a TOC or section headers:
 * 版头 (issuer's mark, 文号, 签发人), 标题 (possibly wrapped), 主送, 落款 (issuers and
 * 成文日期), 附注, and the furniture database and web exports put before the title.
 * Every function here looks at a bounded number of lines around the one it is given.
 */

/** Document types recognised from the end of a title, longest first. */
export const KINDS = [
  '实施意见',
  '实施方案',
  '实施办法',
  '实施细则',
  '工作要点',
  '任免事项',
  '通知',
  '请示',
  '答复',
  '批复',
  '决定',
  '决议',
  '意见',
  '办法',
  '规定',
  '方案',
  '公告',
  '通告',
  '报告',
  '命令',
  '通报',
  '条例',
  '细则',
  '规则',
  '纪要',
  '函',
  '令',
];
export const INTERPRETATION = /^\s*\S{0,4}解读\s*[:：]\s*《/;
/** Last characters of the kinds: a cheap reject before a line is looked at as a title end. */
const KIND_LAST = new Set(KINDS.map((k) => k[k.length - 1]!));
/** At most this many lines in a title, and this long each. */
export const MAX_TITLE_LINES = 4;
const MAX_HEAD_LINE = 100;

export function kindOf(title: string): string | null {
  if (INTERPRETATION.test(title)) return '解读';
  const t = title.replace(/[\s》」”"]+$/, '');
  for (const k of KINDS) if (t.endsWith(k)) return k === '任免事项' ? '任免' : k;
  return null;
}

/** A line that counts as blank when reading the layout: empty, or a page number (—1—, - 2 -). */
export function isBlankish(line: string): boolean {
  return line.trim() === '' || isPageNumber(line) || RULE.test(line);
}
/** A rule printed across the page (the red line under a 版头): ━━━, ———, ★. */
const RULE = /^[\s\u3000]*[─━—―\-=＝_★☆*＊·]{3,}[\s\u3000]*$/;

/** Numbered body headings and items: 一、 （一） 1. 第一条 …, never a title. */
const NUMBERED =
  /^(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百\d０-９]+\s*[)）]|[\d０-９]+\s*[.．、]|第[一二三四五六七八九十百\d]+[条章节])/;
/** A 附注 under the 落款: one short line in brackets, such as （此件公开发布）. */
const NOTE = /^[(（][^()（）]{2,38}[)）]$/;
/** Punctuation a title line never holds. */
const NOT_IN_TITLE = /[。；;：:！!？?，,]/;

/** A note line (附注): （此件公开发布）, （本文有删减）. */
export function isNote(line: string): boolean {
  return NOTE.test(line.trim());
}

/** Export furniture before a title: citation code, source link, metadata `key：value`, a bare URL. */
const META_BRACKET = /^【([^】]{1,12})】\s*(\S.*)$/;
const META_KEYS = new Set([
  '原文链接',
  '原文地址',
  '来源',
  '信息来源',
  '链接',
  '网址',
  'URL',
  'url',
  '发布部门',
  '发文机关',
  '发文字号',
  '发布日期',
  '公布日期',
  '成文日期',
  '实施日期',
  '施行日期',
  '时效性',
  '效力级别',
  '法规类别',
  '主题分类',
  '索引号',
  '主题词',
  '标题',
  '文号',
  '发布机构',
  '公文种类',
  '体裁分类',
  // the 政府信息公开 pages of government sites
  '发文机构',
  '发文日期',
  '发布时间',
  '有效性',
  '是否有效',
  '内容概述',
  '信息分类',
  '组配分类',
  '公开方式',
  '公开范围',
  '公开时限',
  '生成日期',
  '所属机构',
  '关键词',
  '失效时间',
]);
/**
 * `key：value` with a short key (spaces inside it allowed: 标　　题：), or the key alone, its value
 * on the lines below, as a web page's metadata list prints it (`• 发文字号:` / `某政发〔2024〕7号`).
 */
const META_KEY = /^(?:[•·*-]\s*)?([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z\s\u3000]{0,10}?)\s*[:：]\s*(.*)$/;
const URL_LINE = /^https?:\/\/\S+$/;

export interface MetaLine {
  key: string;
  value: string;
  /** The line of the value (the key's own line when both share it). */
  line: number;
}
/** The longest value a key printed alone can have on the lines below it. */
const MAX_META_VALUE = 100;
/** The keys of a document's own 文号 in export metadata. */
const NUMBER_KEYS = new Set(['发文字号', '文号']);

/** A line of database or web export furniture, as key and value; null for any other line. */
export function furniture(line: string): { key: string; value: string } | null {
  const t = line.trim();
  if (t.length === 0 || t.length > 300) return null;
  let m: RegExpExecArray | null;
  if (t[0] === '【' && (m = META_BRACKET.exec(t))) return { key: m[1]!.trim(), value: m[2]!.trim() };
  if ((m = META_KEY.exec(t))) {
    const key = m[1]!.replace(/[\s\u3000]+/g, '');
    if (META_KEYS.has(key)) return { key, value: m[2]!.trim() };
  }
  if (URL_LINE.test(t)) return { key: 'url', value: t };
  return null;
}

/** A line that can be part of a title: short, no sentence punctuation, not a heading, date, 文号 or note. */
export function titleLineOk(raw: string): boolean {
  const t = raw.trim();
  if (t.length === 0 || t.length > MAX_HEAD_LINE) return false;
  if (NOT_IN_TITLE.test(t) || endsSentence(t) || NUMBERED.test(t) || isTableRow(t) || categoryHeader(t) !== null) return false;
  if (t.startsWith('附件') || NOTE.test(t) || t.endsWith('文件')) return false;
  if (dateLine(t) || bareDateLine(t) || ownDocNumberLine(t) || orderNumberLine(t) || furniture(t)) return false;
  return true;
}

/** The kind a line ends in when it can be the last line of a title, else null. */
export function titleEndKind(line: string): string | null {
  let e = line.length;
  while (e > 0 && (line.charCodeAt(e - 1) === 0x20 || line.charCodeAt(e - 1) === 0x3000 || line.charCodeAt(e - 1) === 0x0d)) e--;
  if (e === 0 || !KIND_LAST.has(line[e - 1]!)) return null;
  if (!titleLineOk(line)) return null;
  const t = line.slice(0, e).trim();
  for (const k of KINDS) if (t.endsWith(k)) return k;
  return null;
}

/** A 主送 line: recipients ending in a colon, short, not a heading, 附件 or metadata. */
export function recipientsLine(raw: string): boolean {
  const t = raw.trim();
  if (t.length < 3 || t.length > 150 || !/[:：]$/.test(t)) return false;
  if (/^(?:[-*]\s*)?附\s*件/.test(t) || isTableRow(t) || NUMBERED.test(t) || /[。；;]/.test(t) || t.includes('如下')) return false;
  return furniture(t) === null;
}

/**
 * The first line that is not blank(ish) from `from` on, stepping by `step` (1 or -1) and
 * not past `bound`, within `maxBlank` blank lines; 0 if none. A page break (a blank run
 * holding page furniture an input reader blanked) counts as no blank line at all, up to
 * PAGE_BREAK_LINES long: a title or a head printed across two pages reads as one.
 */
function pastBlanks(lines: Lines, from: number, bound: number, step: 1 | -1, maxBlank: number): number {
  const limit = Math.max(maxBlank, lines.furniture === null ? 0 : PAGE_BREAK_LINES);
  let pageBreak = false;
  let blanks = 0;
  for (let k = from; step > 0 ? k <= bound : k >= bound; k += step) {
    if (!isBlankish(lines.get(k - 1)!)) return blanks <= maxBlank || pageBreak ? k : 0;
    if (lines.isFurniture(k - 1)) pageBreak = true;
    if (++blanks > limit) return 0;
  }
  return 0;
}
/** The blank lines and page furniture of a page break, at most. */
export const PAGE_BREAK_LINES = 12;

/** The next line at or after `from` that is not blank(ish), within `maxBlank` blank lines; 0 if none. */
export function nextLine(lines: Lines, from: number, to: number, maxBlank = 3): number {
  return pastBlanks(lines, from, to, 1, maxBlank);
}

/** The previous line at or before `from` that is not blank(ish), within `maxBlank` blank lines; 0 if none. */
export function prevLine(lines: Lines, from: number, floor: number, maxBlank = 2): number {
  return pastBlanks(lines, from, floor, -1, maxBlank);
}

/** What confirms a title as the start of a document: the line after it. */
export interface HeadNumber {
  line: number;
  dn: DocNumberLine | null;
  order: { raw: string; serial: number; index: number } | null;
}

export interface Head {
  titleStart: number;
  titleEnd: number;
  kind: string;
  number: HeadNumber | null;
  date: DateLine | null;
  dateLineNo: number | null;
  /** The 文号 stands above the title (a 版头 whose mark is lost). */
  numberAbove?: boolean;
  /** Confirmed by a passage note only (（…日…令第N号公布）): a regulation, published by an order or on its own. */
  published?: boolean;
}

/** The document's own 文号 among the export metadata right above line `start` (发文字号：…), with the line of its value. */
function metaNumber(lines: Lines, start: number, floor: number): { line: number; dn: DocNumberLine } | null {
  const j = prevLine(lines, start - 1, floor);
  if (j === 0 || furniture(lines.get(j - 1)!) === null) return null;
  for (const m of furnitureAbove(lines, start, floor, '', start).meta) {
    if (!NUMBER_KEYS.has(m.key)) continue;
    const dn = ownDocNumberLine(m.value);
    if (dn) return { line: m.line, dn: { ...dn, index: Math.max(0, lines.get(m.line - 1)!.indexOf(dn.raw)) } };
  }
  return null;
}

/**
 * A document start whose title ends on line `ln`: the next line is its 文号, an order's
 * 第N号, a date line, or (for a title with 关于, or a 令/公告/通告) a 主送 line. The title
 * is read upwards from `ln` (wrapped lines, blank lines between them) down to `floor`.
 */
export function headAt(lines: Lines, ln: number, floor: number, to: number): Head | null {
  const kind = titleEndKind(lines.get(ln - 1)!);
  if (kind === null) return null;
  const j = nextLine(lines, ln + 1, to);
  if (j === 0) return null;
  const next = lines.get(j - 1)!;
  let number: HeadNumber | null = null;
  let date: DateLine | null = null;
  let confirmed = false;
  let published = false;
  const dn = ownDocNumberLine(next);
  const order = dn === null && kind === '令' ? orderNumberLine(next) : null;
  if (dn || order) {
    number = { line: j, dn, order };
    confirmed = true;
  } else if ((date = dateLine(next) ?? bareDateLine(next))) confirmed = true;
  else if ((date = passageDate(next))) {
    confirmed = true;
    published = true;
  }
  const addressed = !confirmed && recipientsLine(next);
  const [start] = titleUp(lines, ln, floor);
  // A 文号 line right above the title: the 文号 of a 版头 whose mark is lost (which confirms
  // the title as a 主送 line does: a web page may print the body without one), or a list of
  // documents (title, 文号, title, 文号 …), which starts nothing.
  const p = prevLine(lines, start - 1, floor);
  const above = p !== 0 ? ownDocNumberLine(lines.get(p - 1)!) : null;
  // A web page's metadata right above the title, its 发文字号 among them: the document's own
  // 文号, which confirms the title whatever its wording (工作规则 has no 关于).
  const meta = !confirmed && !addressed && !above ? metaNumber(lines, start, floor) : null;
  // (a title names more than its kind, as below)
  if (
    meta &&
    lines
      .slice(start - 1, ln)
      .join('')
      .replace(/\s+/g, '').length >=
      kind.length + 4
  )
    return {
      titleStart: start,
      titleEnd: ln,
      kind,
      number: { line: meta.line, dn: meta.dn, order: null },
      date: null,
      dateLineNo: null,
    };
  if (!confirmed && !addressed && !above) return null;
  if (above && number) return null;
  if (number?.dn && listFollows(lines, j, to)) return null;
  const title = lines
    .slice(start - 1, ln)
    .join('')
    .replace(/\s+/g, '');
  // a title names more than its kind (a lone 通知 line is the end of a wrapped title or nothing)
  if (title.length < kind.length + 4) return null;
  if (!confirmed) confirmed = title.includes('关于') || kind === '令' || kind === '公告' || kind === '通告';
  if (!confirmed) return null;
  if (above)
    return {
      titleStart: start,
      titleEnd: ln,
      kind,
      number: { line: p, dn: above, order: null },
      date,
      dateLineNo: date ? j : null,
      numberAbove: true,
    };
  return { titleStart: start, titleEnd: ln, kind, number, date, dateLineNo: date ? j : null, published };
}

/** After a 文号 on line `j`, another title with its 文号: a list of documents. */
function listFollows(lines: Lines, j: number, to: number): boolean {
  const k = nextLine(lines, j + 1, to, 2);
  if (k === 0 || titleEndKind(lines.get(k - 1)!) === null) return false;
  const n = nextLine(lines, k + 1, to, 2);
  return n !== 0 && ownDocNumberLine(lines.get(n - 1)!) !== null;
}

const PASSAGE =
  /^[(（]\s*((?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日)[^()（）]*?(?:通过|公布|发布|施行|修订|修正|印发)/;

/**
 * The date of a passage note under the title of a regulation: （2019年3月2日中华人民共和国
 * 国务院令第709号公布　自2019年5月1日起施行） → 2019年3月2日.
 */
export function passageDate(line: string): DateLine | null {
  if (!line.includes('日') || longerThan(line, 200)) return null;
  const m = PASSAGE.exec(line.trim());
  return m ? bareDateLine(m[1]!) : null;
}

/**
 * The first line of a title ending on `end`: lines above that can be title lines, blank
 * lines between them allowed. A line with 关于 after the issuer is the title's first; above
 * a line beginning with 关于 only an issuer can stand. A line repeating the title is not part
 * of it (the second return value: that line, else 0).
 */
export function titleUp(lines: Lines, end: number, floor: number): [number, number] {
  let start = end;
  for (let count = 1; count < MAX_TITLE_LINES; count++) {
    const top = lines.get(start - 1)!.trim();
    // 关于 of the title itself, not of a title cited in 《》 (印发《关于…的意见》的通知)
    const at = top.includes('《') ? top.replace(/《[^》]*》?/g, (m) => '＿'.repeat(m.length)).indexOf('关于') : top.indexOf('关于');
    if (at > 0) break;
    const j = prevLine(lines, start - 1, floor);
    if (j === 0) break;
    const t = lines.get(j - 1)!;
    if (matchKey(t) === matchKey(lines.slice(start - 1, end).join(''))) return [start, j];
    if (!titleLineOk(t)) break;
    if (at === 0 && !isIssuerLine(t)) break;
    start = j;
  }
  const j = prevLine(lines, start - 1, floor);
  if (j !== 0 && matchKey(lines.get(j - 1)!) === matchKey(lines.slice(start - 1, end).join(''))) return [start, j];
  return [start, 0];
}

/** Endings of the names of issuing bodies. */
const ISSUER_END =
  /(?:政府|办公厅|办公室|委员会|人大常委会|国务院|院|厅|局|委|会|部|办|署|室|府|处|中心|集团|公司|小组|党组|分局|支队|大队|银行|法院|检察院)$/;
/** A signer of an order: post and name (总理　李克强). */
const SIGNER_LINE = /^(?:总理|主席|省长|市长|区长|县长|州长|旗长|主任|局长|部长)[\s\u3000]+[\u4e00-\u9fff·]{2,5}$/;

/** A line naming issuing bodies (or an order's signer): short, Han, ending like a body's name. */
export function isIssuerLine(raw: string): boolean {
  const t = raw.trim();
  if (t.length < 2 || t.length > 60 || NOT_IN_TITLE.test(t) || NUMBERED.test(t) || NOTE.test(t)) return false;
  if (SIGNER_LINE.test(t)) return true;
  return issuerNames(t).every((n) => n.length >= 2 && n.length <= 30 && ISSUER_END.test(n) && /^[\u4e00-\u9fff（）()]+$/.test(n));
}

/** The names on an issuer line: joint issuers share a line, separated by wide spaces or 、. */
export function issuerNames(t: string): string[] {
  if (SIGNER_LINE.test(t)) return [t.replace(/[\s\u3000]+/g, ' ')];
  // Wide spaces or 、 separate joint issuers (某省人民政府办公厅、某军区办公室); one space may
  // separate two (中共某市委办公室 某市人民政府办公室) or fall inside a name.
  const out: string[] = [];
  for (const w of t.trim().split(/\s{2,}|\u3000+|\s*、\s*/)) {
    const parts = w.split(/\s+/).filter((x) => x.length > 0);
    if (parts.length > 1 && parts.every((x) => x.length >= 2 && ISSUER_END.test(x))) append(out, parts);
    else if (w.trim() !== '') out.push(w.replace(/\s+/g, ''));
  }
  return out;
}

export interface Signature {
  issuers: string[];
  date: DateLine;
  line: number;
  startLine: number;
  note: { text: string; line: number } | null;
}

/**
 * The 落款 of a document whose body runs over lines [from, to]: the first 成文日期 on a line
 * of its own (Arabic or Chinese numerals), the issuer lines right above it, and the 附注
 * in brackets right under it. Null when no such date line stands there.
 */
export function readSignature(lines: Lines, from: number, to: number): Signature | null {
  for (let ln = from; ln <= to; ln++) {
    const line = lines.get(ln - 1)!;
    if (!line.includes('日') || longerThan(line, 40)) continue;
    const date = bareDateLine(line);
    if (!date) continue;
    const issuers: string[] = [];
    let startLine = ln;
    for (let k = ln - 1, n = 0; n < 3; n++) {
      const j = prevLine(lines, k, from);
      if (j === 0 || !isIssuerLine(lines.get(j - 1)!)) break;
      issuers.unshift(...issuerNames(lines.get(j - 1)!.trim()));
      startLine = j;
      k = j - 1;
    }
    const j = nextLine(lines, ln + 1, to, 2);
    const note = j !== 0 && isNote(lines.get(j - 1)!) ? { text: lines.get(j - 1)!.trim(), line: j } : null;
    return { issuers, date, line: ln, startLine, note };
  }
  return null;
}

/** A 版头 mark: XX人民政府文件, or 文件 after joint issuers; the names on the line. */
function markLine(raw: string): string[] | null {
  let t = raw.trim();
  // letter-spaced as printed large: 某 市 人 民 政 府 文 件
  if (t.length >= 5 && /^(?:\S[ \u3000])+\S$/.test(t)) t = t.replace(/[ \u3000]/g, '');
  if (t.length < 2 || t.length > 60 || !t.endsWith('文件') || NOT_IN_TITLE.test(t)) return null;
  const names = t.slice(0, -2).trim();
  if (names === '') return [];
  const list = issuerNames(names);
  return list.every((n) => /^[\u4e00-\u9fff（）()]+$/.test(n)) ? list : null;
}

export interface TypesetHead {
  startLine: number;
  issuers: string[];
  number: HeadNumber | null;
  signer: string | null;
  titleStart: number;
  titleEnd: number;
}

/**
 * The 版头 of a typeset document at line `ln` (its 文件 line): joint issuers on lines of
 * their own above it, then the 文号 (签发人 beside it), then the title. Null when line `ln`
 * is not such a mark or no title ending in a document kind follows.
 */
export function headerAt(lines: Lines, ln: number, floor: number, to: number): TypesetHead | null {
  const own = markLine(lines.get(ln - 1)!);
  if (own === null) return null;
  const issuers = [...own];
  let startLine = ln;
  for (let n = 0; n < 3; n++) {
    const j = prevLine(lines, startLine - 1, floor, 1);
    if (j === 0 || !isIssuerLine(lines.get(j - 1)!) || isSignatureAbove(lines, j, floor)) break;
    issuers.unshift(...issuerNames(lines.get(j - 1)!.trim()));
    startLine = j;
  }
  if (issuers.length === 0) return null;
  let k = nextLine(lines, ln + 1, to);
  if (k === 0) return null;
  let number: HeadNumber | null = null;
  let signer: string | null = null;
  const dn = ownDocNumberLine(lines.get(k - 1)!);
  if (dn) {
    number = { line: k, dn, order: null };
    signer = dn.signer;
    k = nextLine(lines, k + 1, to);
    const s = k !== 0 ? /^\s*签\s*发\s*人\s*[:：]\s*(\S.*?)\s*$/.exec(lines.get(k - 1)!) : null;
    if (s) {
      signer = s[1]!;
      k = nextLine(lines, k + 1, to);
    }
  }
  for (let titleStart = k, n = 0, length = 0; k !== 0 && n < MAX_TITLE_LINES; n++) {
    if (!titleLineOk(lines.get(k - 1)!)) return null;
    const kind = titleEndKind(lines.get(k - 1)!);
    length += lines.get(k - 1)!.trim().length;
    if (kind !== null && length >= kind.length + 4) return { startLine, issuers, number, signer, titleStart, titleEnd: k };
    k = nextLine(lines, k + 1, to, 2);
  }
  return null;
}

/** The line is an issuer of the 落款 above a date (not a mark's joint issuer). */
function isSignatureAbove(lines: Lines, j: number, floor: number): boolean {
  const p = prevLine(lines, j - 1, floor, 1);
  return p !== 0 && bareDateLine(lines.get(p - 1)!) !== null;
}

/**
 * Export furniture and a repeated title above a document's first line (`first`), down to
 * `floor`: the metadata lines with their keys, and the topmost line they reach (`first`
 * when there are none).
 */
export function furnitureAbove(
  lines: Lines,
  first: number,
  floor: number,
  titleKey: string,
  titleLine: number,
): { meta: MetaLine[]; top: number } {
  const meta: MetaLine[] = [];
  let top = first;
  for (let n = 0; n < 40; n++) {
    const j = prevLine(lines, top - 1, floor, 2);
    if (j === 0) break;
    const t = lines.get(j - 1)!.trim();
    const f = furniture(t);
    if (f) meta.unshift({ key: f.key, value: f.value, line: j });
    else if (j < titleLine && matchKey(t) === titleKey && titleKey.length >= 4) meta.unshift({ key: 'title', value: t, line: j });
    else {
      // the value of a key printed alone on the line above (a web page's metadata list)
      const k = t.length <= MAX_META_VALUE ? prevLine(lines, j - 1, floor, 2) : 0;
      const key = k === 0 ? null : furniture(lines.get(k - 1)!);
      if (key === null || key.value !== '') break;
      meta.unshift({ key: key.key, value: t, line: j });
      top = k;
      continue;
    }
    top = j;
  }
  return { meta, top };
}

/**
 * The issuers a title names before 关于 (发文机关 + 关于 + 事由 + 文种): 包头市人民政府办公室关于…
 * → [包头市人民政府办公室]; joint issuers separated by 、 or spaces. Empty when the title
 * does not begin with issuers.
 */
export function titleIssuers(title: string): string[] {
  const at = title.indexOf('关于');
  if (at < 2) return [];
  const names = title
    .slice(0, at)
    .split(/[、\s\u3000]+/)
    .filter((n) => n.length > 0);
  return names.every((n) => n.length >= 2 && n.length <= 30 && ISSUER_END.test(n) && /^[\u4e00-\u9fff（）()]+$/.test(n)) ? names : [];
}

const IMPRINT_LABEL = /^\s*(?:抄\s*送|印\s*发|分\s*送)\s*[:：]/;
const IMPRINT_DATE = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发\s*$/;

/** A line of the 版记 closing a typeset document: 抄送：…, or XX办公室　2022年4月15日印发. */
export function isImprint(line: string): boolean {
  return line.length <= 400 && (IMPRINT_LABEL.test(line) || IMPRINT_DATE.test(line));
}
