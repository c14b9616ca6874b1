/**
 * The running text of a document as a reader of the printed issue sees it, repaired on the
 * way out (the Markdown export, report.html, and the checks that say what was repaired):
 *
 * - a paragraph broken mid-sentence where the printed page broke — a line ending without
 *   terminal punctuation, one or more blank lines (or page furniture a reader blanked), and
 *   a line continuing the sentence — is one paragraph again (`proseBreaks`);
 * - spaces a line wrap left between two Chinese characters are removed (`cleanProse`);
 *   spaces that mean something stay: next to digits and Latin words, inside “…” 《…》
 *   (a title or a quoted slogan may space its parts), after a leading 第N条, before a
 *   bracketed year (a 文号's spacing is a 文号 issue), and on the lines the people
 *   feature read as name + post (the space separates the two).
 *
 * Both are generic rules of the structure of Chinese official text; every pass is linear
 * in the lines of the document.
 */
import type { Document, Issue } from '../model/issue.js';
import { isCjk, isCjkCode, isHanCode } from '../read/text.js';
import type { Lines } from '../model/lines.js';

/** A line that begins a block of its own: a list or heading marker, an attachment, a caption, a note, a section. */
const MARKER =
  /^(?:[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十百零〇\d]+[条章节款]|附\s*[件表]|表\s*\d|注\s*[:：\d]|说明|【|\[\d|[-*•●·]\s)/;
/** A field label (`配合单位：`, `区政府办公室：`): the line begins a field or a paragraph of its own. */
const LABEL = /^[^\s，。：:,；;、]{1,10}[：:]/;
/** A date line under a title. */
const DATE = /^[(（]\s*[\d〇零一二三四五六七八九]{4}\s*年/;
/** Punctuation that ends a sentence: 。；！？!?; by code. */
const isStop = (c: number): boolean =>
  c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x3b;

/**
 * The last character of `t` is one a sentence may go on from (a Han character, a comma, an
 * opening bracket, a letter or digit): read by code (no one-character string).
 */
function openEnd(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  switch (c) {
    case 0xff0c: // ，
    case 0x3001: // 、
    case 0x201c: // “
    case 0x2018: // ‘
    case 0x300a: // 《
    case 0xff08: // （
    case 0x28: // (
    case 0x3008: // 〈
      return true;
    default:
      return isHanCode(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  }
}

/**
 * Whether a non-blank line ends mid-sentence: its last character lets the sentence go on,
 * the unfinished sentence is not a heading (no list or heading marker starts it), and the
 * line is running text — it holds a finished sentence, or is long, or holds a comma (a
 * heading or a field line is short and has none).
 */
export function endsMidSentence(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || !openEnd(t)) return false;
  // just past the last stop (each is one code unit): read back from the end
  let tailAt = t.length;
  while (tailAt > 0 && !isStop(t.charCodeAt(tailAt - 1))) tailAt--;
  const tail = t.slice(tailAt).trimStart();
  if (MARKER.test(tail)) return false;
  if (tailAt > 0) return true;
  return t.length >= 60 || (t.length >= 20 && /[，,]/.test(t));
}

/** Whether a line can continue a sentence begun above it: not indented, no marker, label or date line. */
export function continuesSentence(line: string): boolean {
  if (line.startsWith('\u3000') || line.startsWith('  ') || line.startsWith('\t')) return false;
  const t = line.trim();
  return t !== '' && !t.startsWith('|') && !MARKER.test(t) && !LABEL.test(t) && !DATE.test(t);
}

/** What bounds a document's running text: its tables, and the lines of people. */
export interface ProseBounds {
  /** Line spans of the document's tables (their lines are no running text). */
  tables: ReadonlyArray<{ span: { startLine: number; endLine: number } }>;
  /** Lines the people feature read a name and a post from: their spaces stay. */
  people?: ReadonlySet<number>;
}

/** The lines the people feature read a name and a post from. */
export function peopleLines(r: Partial<Pick<Issue, 'appointments' | 'rosters'>>): Set<number> {
  const out = new Set<number>();
  for (const a of r.appointments ?? []) out.add(a.line);
  for (const roster of r.rosters ?? []) for (const m of roster.members) out.add(m.line);
  return out;
}

/** Whether line `ln` of document `d` keeps its spaces as written: a line of people, or of the 落款 (issuers side by side). */
export function spacesKept(d: Document, b: ProseBounds): (ln: number) => boolean {
  const sig = d.signature;
  return (ln) => (b.people?.has(ln) ?? false) || (sig !== null && ln >= sig.startLine && ln <= sig.line);
}

/**
 * Calls `f(ln)` for each line `from..to` outside the given spans (tables), in order; each
 * span's lines are skipped at once (no set of their lines). `f` returns false to stop.
 * `next`, if given, names the next line worth calling `f` on from a line on (the lines
 * between are jumped over).
 */
export function eachLineOutside(
  spans: ReadonlyArray<{ span: { startLine: number; endLine: number } }>,
  from: number,
  to: number,
  f: (ln: number, afterSpan: boolean) => boolean | void,
  next?: (ln: number) => number,
): void {
  const sorted = spans.length < 2 ? spans : [...spans].sort((x, y) => x.span.startLine - y.span.startLine);
  let k = 0;
  let after = false; // whether a span's lines were skipped right before this line
  for (let ln = from; ln <= to; ln++) {
    if (next !== undefined && (ln = next(ln)) > to) return;
    while (k < sorted.length && sorted[k]!.span.endLine < ln) k++;
    if (k < sorted.length && sorted[k]!.span.startLine <= ln) {
      ln = sorted[k]!.span.endLine;
      after = true;
      continue;
    }
    if (f(ln, after) === false) return;
    after = false;
  }
}

/** The lines of a document that are fields (title, date, 文号, 主送, 落款, 附注, attachment headings); tables are skipped apart. */
function barriers(d: Document): Set<number> {
  const out = new Set<number>();
  const add = (ln: number | null | undefined): void => {
    if (ln) out.add(ln);
  };
  add(d.dateLine);
  add(d.docNumber?.line);
  add(d.recipients?.line);
  add(d.note?.line);
  if (d.signature) for (let ln = d.signature.startLine; ln <= d.signature.line; ln++) out.add(ln);
  for (const a of d.attachments) {
    add(a.startLine);
    add(a.declaredLine);
  }
  return out;
}

/**
 * The places where a paragraph of document `d` was broken mid-sentence: pairs [line that
 * ends mid-sentence, line that continues it], with only blank lines between them (blank in
 * the text, or blanked by the reader: page furniture, lines it joined). In line order.
 */
export function proseBreaks(lines: Lines, d: Document, b: ProseBounds): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stop = barriers(d);
  let prev = 0;
  let gap = false;
  // a table's lines stop a sentence like a field's (they are skipped whole)
  eachLineOutside(b.tables, d.titleSpan.endLine + 1, Math.min(d.span.endLine, lines.length), (ln, afterTable) => {
    if (afterTable) prev = 0;
    const s = lines.get(ln - 1)!;
    if (stop.has(ln)) {
      prev = 0;
      return;
    }
    if (s.trim() === '') {
      gap = true;
      return;
    }
    if (prev && gap && endsMidSentence(lines.get(prev - 1)!) && continuesSentence(s)) out.push([prev, ln]);
    prev = s.trimStart().startsWith('|') ? 0 : ln;
    gap = false;
  });
  return out;
}

/** Quotation marks and title brackets: a space inside them may be the text's own. */
const OPEN_QUOTE = new Set([0x201c, 0x300c, 0x300a, 0x3008, 0x300e]); // “ 「 《 〈 『
const CLOSE_QUOTE = new Set([0x201d, 0x300d, 0x300b, 0x3009, 0x300f]); // ” 」 》 〉 』
const LEADING_ARTICLE = /^\s*第[一二三四五六七八九十百零〇\d]+[条章节款]$/;
const BRACKETED_YEAR = /^[〔［[(（]\s*\d{4}/;
/** A space, tab or ideographic space: what a gap is a run of. */
const SPACE = /[ \t\u3000]/g;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000;

/** The code point that ends before index `i` of `s` (a surrogate pair whole). */
function codeBefore(s: string, i: number): number {
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? s.codePointAt(i - 2)! : c;
}

/**
 * Calls `f(start, end)` for each run of spaces of `s` standing between two CJK characters,
 * in order. A native search finds each run's first space (`test`: no match object), its
 * end and the characters around it are read by code: linear, no string made.
 */
function eachGap(s: string, f: (start: number, end: number) => void): void {
  SPACE.lastIndex = 0;
  while (SPACE.test(s)) {
    const start = SPACE.lastIndex - 1;
    let end = start + 1;
    while (end < s.length && isSpace(s.charCodeAt(end))) end++;
    // (f may search other text: the next search starts here whatever f did)
    if (start > 0 && end < s.length && isCjkCode(codeBefore(s, start)) && isCjkCode(s.codePointAt(end)!)) f(start, end);
    SPACE.lastIndex = end;
  }
}

/** A string this short is read by code for a space before a regular expression is asked (a call costs more). */
const SHORT = 24;

/** Whether a short string holds no space, tab or ideographic space. */
function noSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return false;
  return true;
}

/**
 * The number of space runs between two CJK characters in `s` (what `cleanProse` may
 * remove). A short string without a space (most table cells) is told so by code.
 */
export function cjkGaps(s: string): number {
  if (s.length <= SHORT && noSpace(s)) return 0;
  let n = 0;
  eachGap(s, () => n++);
  return n;
}

/**
 * A line of running text with the spaces a line wrap left between two Chinese characters
 * removed (see the module comment for the spaces kept); trimmed.
 */
export function cleanProse(line: string): string {
  const t = line.trim();
  let out = '';
  let copied = 0;
  // quote depth before each gap: counted on from where the last gap stopped
  let depth = 0;
  let scanned = 0;
  eachGap(t, (start, end) => {
    for (; scanned < start; scanned++) {
      const c = t.charCodeAt(scanned);
      if (OPEN_QUOTE.has(c)) depth++;
      else if (CLOSE_QUOTE.has(c) && depth > 0) depth--;
    }
    if (depth > 0) return;
    if (start <= 12 && LEADING_ARTICLE.test(t.slice(0, start))) return;
    if (BRACKETED_YEAR.test(t.slice(end, end + 8))) return;
    out += t.slice(copied, start);
    copied = end;
  });
  return copied === 0 ? t : out + t.slice(copied);
}

/** Two pieces of one sentence joined: nothing between CJK characters, else one space. */
export function joinSentence(a: string, b: string): string {
  const x = a.trimEnd();
  const y = b.trim();
  if (x === '' || y === '') return x + y;
  return isCjk(x[x.length - 1]) || isCjk(y[0]) ? x + y : `${x} ${y}`;
}
