import { isTrimmedSpace, toHalfWidth, parseChineseNumber } from '../read/text.js';
import type { Lines } from '../model/lines.js';

/**
 * Line-level patterns of a gazette issue. Each is anchored and bounded, so matching a
 * line costs time linear in its length.
 */

/**
 * Whether a line is longer than `max` once its indentation and trailing spaces are left out:
 * a line pdftotext -layout right-aligns, or one whose markup a reader blanked, is as long as
 * its text. (The untrimmed length is tested first: most lines are short or long either way.)
 */
export function longerThan(line: string, max: number): boolean {
  return line.length > max && line.trim().length > max;
}

/** A category header such as 【区政府文件】 alone on its line. */
export function categoryHeader(line: string): string | null {
  // Cheap reject first: called on every line, and trim() copies the line.
  if (line.indexOf('【') < 0) return null;
  const t = line.trim();
  if (t.length < 3 || t.length > 40 || t[0] !== '【' || t[t.length - 1] !== '】') return null;
  const inner = t.slice(1, -1).trim();
  if (inner.length === 0 || inner.includes('【') || inner.includes('】')) return null;
  return inner.replace(/\s+/g, '');
}

const CN_NUM = '〇零一二三四五六七八九十';

function num(s: string): number | null {
  const h = toHalfWidth(s).replace(/\s+/g, '');
  if (/^\d+$/.test(h)) return Number(h);
  return parseChineseNumber(h);
}

/** Valid calendar date → ISO, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_LINE = new RegExp(
  `^\\s*[(（]\\s*([\\d０-９${CN_NUM}]{4})\\s*年\\s*([\\d０-９${CN_NUM}]{1,3})\\s*月\\s*([\\d０-９${CN_NUM}]{1,3})\\s*日\\s*[)）]\\s*$`,
);

export interface DateLine {
  raw: string;
  /** ISO date, or null when the date does not exist (e.g. 2 月 30 日). */
  iso: string | null;
  year: number;
  month: number;
  day: number;
}

/** A document date line: (2023 年 4 月 10 日), full- or half-width brackets, Arabic or Chinese numerals. */
export function dateLine(line: string): DateLine | null {
  if (longerThan(line, 40)) return null;
  const m = DATE_LINE.exec(line);
  if (!m) return null;
  const y = num(m[1]!);
  const mo = num(m[2]!);
  const d = num(m[3]!);
  if (y === null || mo === null || d === null) return null;
  return { raw: line.trim(), iso: isoDate(y, mo, d), year: y, month: mo, day: d };
}

export interface DocNumberMatch {
  raw: string;
  issuer: string;
  year: number;
  serial: number;
  normalized: string;
  /** 0-based index of raw in the searched string. */
  index: number;
}

const OPEN = '〔(（[【［';
const CLOSE = '〕)）]】］';
/** From an opening bracket: year, closing bracket, serial, 号 (sticky: tried only at brackets). */
const DOCNUM_TAIL = new RegExp(
  `[${OPEN.replace('[', '\\[')}]\\s*([12１２][0-9０-９]{3})\\s*[${CLOSE.replace(']', '\\]')}]\\s*([0-9０-９]{1,5})\\s*号`,
  'y',
);
const isIssuerChar = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
const OPEN_ANY = new RegExp(`[${OPEN.replace('[', '\\[')}]`, 'g');
/** Words that end running text before an issuer (根据国发〔…〕 → issuer 国发). */
const LEAD_IN = /^.*(?:根据|按照|依据|依照|参照|印发|转发|关于|的|和|及|与|即|见|经|了|以)/;

/** The 文号 of `s` whose issuer is read from s[start, q) (lead-in words dropped) and that ends at `end`: one object, made once. */
function makeDocNumber(s: string, start: number, q: number, end: number, yearRaw: string, serialRaw: string): DocNumberMatch {
  let issuer = s.slice(start, q);
  const lead = LEAD_IN.exec(issuer);
  if (lead && lead[0].length < issuer.length) issuer = issuer.slice(lead[0].length);
  const year = Number(toHalfWidth(yearRaw));
  const serial = Number(toHalfWidth(serialRaw));
  const index = q - issuer.length;
  return { issuer, year, serial, normalized: `${issuer}〔${year}〕${serial}号`, raw: s.slice(index, end), index };
}

/**
 * Every 文号 in a string (citations). Linear: only the positions of opening brackets are
 * tried, and the issuer is read backwards from there (at most 10 Han characters).
 */
export function findDocNumbers(s: string): DocNumberMatch[] {
  if (!s.includes('号')) return [];
  const out: DocNumberMatch[] = [];
  let searchFrom = 0;
  OPEN_ANY.lastIndex = 0;
  for (let o = OPEN_ANY.exec(s); o; o = OPEN_ANY.exec(s)) {
    const p = o.index;
    // Most brackets of running text open Han words (（一）, （以下简称…）): the year (or the
    // space before it) cannot follow, so the tail expression is not run there.
    const next = s.charCodeAt(p + 1);
    if (next >= 0x4e00 && next <= 0x9fff) continue;
    DOCNUM_TAIL.lastIndex = p;
    const m = DOCNUM_TAIL.exec(s);
    if (!m) continue;
    let q = p;
    while (q > searchFrom && (s[q - 1] === ' ' || s[q - 1] === '\u3000')) q--;
    let start = q;
    while (start > searchFrom && q - start < 10 && isIssuerChar(s.charCodeAt(start - 1))) start--;
    if (start === q) continue;
    const end = p + m[0].length;
    out.push(makeDocNumber(s, start, q, end, m[1]!, m[2]!));
    searchFrom = end;
    OPEN_ANY.lastIndex = end;
  }
  return out;
}

/** Characters a 文号 can end a line with, or begin the next with, when a line or page break cuts it. */
const CUT_END_MARKS = new Set([...'〔(（[【［〕)）]】］'].map((c) => c.charCodeAt(0)));
/** Can a cut 文号 end a line with this character: Han, a digit (either width), a bracket? */
function isCutEnd(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || CUT_END_MARKS.has(c);
}
/** Blank lines a break may leave inside a cut 文号 (a page break, or lines a reader joined elsewhere). */
export const MAX_CUT_GAP = 8;
const DOCNUM_CUT_HEAD = /^[\u4e00-\u9fff〔(（\[【［0-9０-９〕)）\]】］号]/;

/**
 * 文号 cut by a line or page break (…（某某公共发 / (2020) 32号), 沪某 / 办〔2021〕45号): the
 * end of line `ln` and the start of the next line that is not blank
 * (within MAX_CUT_GAP blank lines) are read together, and the 文号 that straddle the break are returned, with `index` in line
 * `ln` (where the 文号 begins) and `skip`, the offset in the next line's trimmed text up to
 * which it was read (what the next line finds before it is the rest of one of these).
 */
export function brokenDocNumbers(
  lines: Lines,
  ln: number,
  lastLine: number,
): { found: (DocNumberMatch & { endLine: number })[]; skip: number } {
  const none = { found: [], skip: 0 };
  // the last character, looked at in place (a regular expression ending in $ is tried at every position)
  const raw = lines.get(ln - 1)!;
  let e = raw.length - 1;
  while (e >= 0 && isTrimmedSpace(raw.charCodeAt(e))) e--;
  if (e < 0 || !isCutEnd(raw.charCodeAt(e))) return none;
  const line = e === raw.length - 1 ? raw : raw.slice(0, e + 1);
  let j = ln + 1;
  while (j <= lastLine && j - ln <= MAX_CUT_GAP && lines.get(j - 1)!.trim() === '') j++;
  if (j > lastLine || j - ln > MAX_CUT_GAP) return none;
  const next = lines.get(j - 1)!;
  // Most lines are followed by running text holding no 号 near its start: one native search
  // tells (the head below is a part of the next line).
  if (next.indexOf('号') < 0) return none;
  const lead = next.length - next.trimStart().length;
  const head = next.slice(lead, lead + 24);
  if (!DOCNUM_CUT_HEAD.test(head) || !head.includes('号')) return none;
  // A complete 文号 at the start of the next line (a title, then its 文号 on a line of its
  // own) is not cut: only an issuer of one character (沪水 / 务〔2021〕…) is read with the line before.
  const own = findDocNumbers(head)[0];
  if (own && own.index === 0 && own.issuer.length > 1) return none;
  const tail = line.slice(-14);
  const found: (DocNumberMatch & { endLine: number })[] = [];
  let skip = 0;
  for (const f of findDocNumbers(tail + head)) {
    if (f.index >= tail.length || f.index + f.raw.length <= tail.length) continue;
    found.push({ ...f, index: line.length - tail.length + f.index, endLine: j });
    skip = lead + f.index + f.raw.length - tail.length;
  }
  return { found, skip };
}

/** A line that holds only a 文号 (the document's own number under its date line). */
export function docNumberLine(line: string): DocNumberMatch | null {
  const t = line.trim();
  if (t.length === 0 || t.length > 40 || !t.endsWith('号')) return null;
  const found = findDocNumbers(t);
  if (found.length !== 1) return null;
  const f = found[0]!;
  if (f.index !== 0 || f.raw.length !== t.length) return null;
  // (f is this call's own: its index is set, no copy made)
  f.index = line.indexOf(t);
  return f;
}

/** The standard writing of a 文号: 〔〕 brackets, no spaces. */
export function isStandardDocNumber(raw: string): boolean {
  return /^[\u4e00-\u9fff]+〔\d{4}〕\d+号$/.test(raw);
}

/** A pipe-table row (starts with |). */
export function isTableRow(line: string): boolean {
  // Most lines begin with a bar or with a character that is no white space: no trimmed
  // copy is made for them (this runs on every line, in several checks).
  const c = line.charCodeAt(0);
  if (c === 0x7c || c === 0xff5c) return true;
  if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff)) return false;
  const t = line.trimStart();
  return t.startsWith('|') || t.startsWith('｜');
}

/** A line ending a sentence or clause: it is body text, not a title. */
export function endsSentence(line: string): boolean {
  const t = line.trimEnd();
  const last = t[t.length - 1];
  return last !== undefined && '。！？；!?;：:，,'.includes(last);
}

/** Chinese-numeral zeros as typed: 〇, the circle ○ and Ｏ/O stand for 〇 in years. */
function normalizeZeros(s: string): string {
  return s.replace(/[○Ｏ◯]/g, '〇');
}

const BARE_DATE = new RegExp(
  `^\\s*([\\d０-９${CN_NUM}○Ｏ◯]{4})\\s*年\\s*([\\d０-９${CN_NUM}]{1,3})\\s*月\\s*([\\d０-９${CN_NUM}]{1,3})\\s*日\\s*$`,
);

/**
 * A 成文日期 on a line of its own, without brackets, as a 落款 prints it: 2019年1月12日,
 * 二〇〇四年十二月十七日 (〇, ○ or 零 for zero).
 */
export function bareDateLine(line: string): DateLine | null {
  if (!line.includes('日') || longerThan(line, 40)) return null;
  const m = BARE_DATE.exec(line);
  if (!m) return null;
  const y = num(normalizeZeros(m[1]!));
  const mo = num(m[2]!);
  const d = num(m[3]!);
  if (y === null || mo === null || d === null || y < 1000) return null;
  return { raw: line.trim(), iso: isoDate(y, mo, d), year: y, month: mo, day: d };
}

/** 签发人：… beside a 文号 (reports to higher levels), with what follows. */
const SIGNER = /[\s\u3000]*签\s*发\s*人\s*[:：]\s*(\S.*?)\s*$/;
/** A 文号 on a line of its own wrapped in brackets: （皖政办秘〔2021〕82号）. */
const WRAPPED = /^[(（\[［]\s*(.+?)\s*[)）\]］]$/;

export interface DocNumberLine extends DocNumberMatch {
  /** The 签发人 printed beside the 文号, or null. */
  signer: string | null;
}

/**
 * The document's own 文号 line, in any of its common forms: 国发〔2019〕5号, with ( ), [ ]
 * or （ ） for 〔〕 and spaces, wrapped in brackets on a line of its own, with 签发人：… beside it.
 */
export function ownDocNumberLine(line: string): DocNumberLine | null {
  if (!line.includes('号') || longerThan(line, 80)) return null;
  let t = line;
  let signer: string | null = null;
  if (t.includes('签')) {
    const s = SIGNER.exec(t);
    if (s) {
      signer = s[1]!;
      t = t.slice(0, s.index);
    }
  }
  const plain = docNumberLine(t);
  if (plain) return withSigner(plain, plain.index, signer);
  const w = WRAPPED.exec(t.trim());
  if (!w) return null;
  const inner = docNumberLine(w[1]!);
  if (!inner) return null;
  return withSigner(inner, line.indexOf(inner.raw), signer);
}

/** A 文号 line: the 文号 at `index` with its 签发人 (properties in the order of DocNumberMatch, then signer). */
function withSigner(f: DocNumberMatch, index: number, signer: string | null): DocNumberLine {
  return { issuer: f.issuer, year: f.year, serial: f.serial, normalized: f.normalized, raw: f.raw, index, signer };
}

const ORDER_NUMBER = new RegExp(`^\\s*第\\s*([0-9０-９${CN_NUM}百千]{1,8})\\s*号\\s*$`);

/** The number line of an order (令), numbered without a year: 第709号, 第 12 号, 第三号. */
export function orderNumberLine(line: string): { raw: string; serial: number; index: number } | null {
  if (!line.includes('第') || longerThan(line, 24)) return null;
  const m = ORDER_NUMBER.exec(line);
  if (!m) return null;
  const serial = num(m[1]!);
  if (serial === null) return null;
  const raw = line.trim();
  return { raw, serial, index: line.indexOf(raw) };
}

const PAGE_NUMBER = /^\s*[-—－–―─]{1,3}\s*[0-9０-９]{1,4}\s*[-—－–―─]{1,3}\s*$/;

/** A page number such as —1— or - 2 -: page furniture, not text. */
export function isPageNumber(line: string): boolean {
  return line.length <= 16 && PAGE_NUMBER.test(line);
}
