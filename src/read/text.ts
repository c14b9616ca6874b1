/** Small text helpers shared by every stage. All linear, no backtracking. */

/** Han ideographs (incl. ext. A and compatibility) and 〇, by code point. */
export function isHanCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x2ffff) ||
    c === 0x3007
  );
}

/** Han ideographs (incl. ext. A and compatibility) and 〇. */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  return isHanCode(ch.codePointAt(0)!);
}

/** CJK punctuation and full-width forms that sit tight against Han text, by code point. */
export function isCjkPunctCode(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f && c !== 0x3000) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x2026 ||
    c === 0x2014 ||
    c === 0x00b7
  );
}

/** CJK punctuation and full-width forms that sit tight against Han text (，。、“”《》（）…). */
export function isCjkPunct(ch: string | undefined): boolean {
  if (!ch) return false;
  return isCjkPunctCode(ch.codePointAt(0)!);
}

/** Han or CJK punctuation, by code point. */
export function isCjkCode(c: number): boolean {
  return isHanCode(c) || isCjkPunctCode(c);
}

/** Han or CJK punctuation: characters between which a space is not part of the text. */
export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

/** Full-width digits and ASCII letters/punctuation to half-width; ideographic space to space. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
export function toHalfWidth(s: string): string {
  FULL_WIDTH.lastIndex = 0;
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/**
 * Removes spaces that stand between two CJK characters (conversion artefacts where a
 * printed line wrapped); keeps spaces next to digits and Latin words. `keep(before, after,
 * index)` may veto the removal of the space run starting at `index` of `s`: `before` holds
 * the last (up to 16) characters of the output so far, `after` the (up to 16) characters
 * after the run — windows, so the whole stays linear in the length of `s`.
 */
export function removeCjkSpaces(s: string, keep?: (before: string, after: string, index: number) => boolean): string {
  const runs = new SpaceRuns(s);
  let i = runs.next(0);
  if (i < 0) return s;
  // The text is copied a stretch at a time, up to each space run removed: `from` is where the
  // text not yet copied starts. The output is a growing (rope) string: never index it, keep
  // its last 16 characters (`tail`) instead.
  let out = '';
  let tail = '';
  let from = 0;
  const n = s.length;
  while (i >= 0) {
    let j = i + 1;
    while (j < n && isSpaceRunCode(s.charCodeAt(j))) j++;
    // Runs are maximal: the character before one (when any) is not a space and is in the output.
    if (i > 0 && j < n && isCjkCode(s.charCodeAt(i - 1)) && isCjkCode(s.charCodeAt(j))) {
      const before = i - from >= 16 ? s.slice(i - 16, i) : (tail + s.slice(from, i)).slice(-16);
      if (!(keep && keep(before, s.slice(j, j + 16), i))) {
        out += s.slice(from, i);
        tail = before;
        from = j;
      }
    }
    i = j < n ? runs.next(j) : -1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** A character of the space runs removeCjkSpaces looks at: space, tab, ideographic space. */
function isSpaceRunCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000;
}

/**
 * The places of spaces, tabs and ideographic spaces in a text, by native searches: each
 * character's next place is kept until passed, so the text is searched once per character.
 */
class SpaceRuns {
  private readonly at = [-2, -2, -2];
  constructor(private readonly s: string) {}

  /** The first space, tab or ideographic space at or after `from` (rising from call to call), or -1. */
  next(from: number): number {
    let best = -1;
    for (let k = 0; k < 3; k++) {
      let p = this.at[k]!;
      if (p !== -1 && p < from) p = this.at[k] = this.s.indexOf(SPACE_RUN_CHARS[k]!, from);
      if (p >= 0 && (best < 0 || p < best)) best = p;
    }
    return best;
  }
}
const SPACE_RUN_CHARS = [' ', '\t', '\u3000'];

/** What String.prototype.trim removes (JavaScript's \s): white space and line terminators, as a char code. */
export function isTrimmedSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Collapses runs of whitespace to one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * What matchKey does with each UTF-16 code unit: 0 keeps it, 1 drops it (white space as `\s`
 * matches it, punctuation), 2 maps it to its half-width form (a full-width letter, digit or
 * sign whose half-width form is kept; one whose half-width form is dropped is dropped).
 */
const MATCH_DROPPED =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff' +
  '、，,。.．·•：:；;！!？?“”"‘’\'「」『』（）()〔〕［］[]【】<>〈〉《》—-–_~～…';
const MATCH_ACTION = new Uint8Array(0x10000);
for (let i = 0; i < MATCH_DROPPED.length; i++) MATCH_ACTION[MATCH_DROPPED.charCodeAt(i)] = 1;
for (let c = 0xff01; c <= 0xff5e; c++) MATCH_ACTION[c] = MATCH_ACTION[c - 0xfee0] === 1 ? 1 : 2;

/**
 * A key for loose comparison of titles and names: half-width, no whitespace and no
 * punctuation (so 、 vs space, （） vs (), 〈〉 vs 《》 all compare equal), lower case. One
 * pass over the code units by a table (what toHalfWidth and a replace of the punctuation
 * did in three passes): the runs of kept characters are copied as slices.
 */
export function matchKey(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const action = MATCH_ACTION[s.charCodeAt(i)];
    if (action === 0) continue;
    out += s.slice(from, i);
    if (action === 2) out += String.fromCharCode(s.charCodeAt(i) - 0xfee0);
    from = i + 1;
  }
  return (from === 0 ? s : out + s.slice(from)).toLowerCase();
}

/**
 * The first character of `matchKey(s)` as a char code when it is a CJK ideograph
 * (U+3400–U+9FFF, which neither the width nor the case changes), else -1 (an empty key, or
 * one that starts with anything else). Reads `s` only up to the first character the key
 * keeps: a cheap filter before making the whole key.
 */
export function matchKeyHan(s: string): number {
  let i = 0;
  while (i < s.length && MATCH_ACTION[s.charCodeAt(i)] === 1) i++;
  const c = s.charCodeAt(i);
  return c >= 0x3400 && c <= 0x9fff ? c : -1;
}

/** Display width of a string in a terminal: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 &&
        (c <= 0x115f ||
          (c >= 0x2e80 && c <= 0xa4cf) ||
          (c >= 0xac00 && c <= 0xd7a3) ||
          (c >= 0xf900 && c <= 0xfaff) ||
          (c >= 0xfe30 && c <= 0xfe4f) ||
          (c >= 0xff00 && c <= 0xff60) ||
          (c >= 0xffe0 && c <= 0xffe6) ||
          (c >= 0x20000 && c <= 0x3fffd))) ||
      c === 0x201c ||
      c === 0x201d
        ? 2
        : 1;
  }
  return w;
}

/** The value of a Chinese digit (〇 零 一 二 两 三 … 九), by its code; -1 for another character. */
function cnDigit(c: number): number {
  switch (c) {
    case 0x3007: // 〇
    case 0x96f6: // 零
      return 0;
    case 0x4e00: // 一
      return 1;
    case 0x4e8c: // 二
    case 0x4e24: // 两
      return 2;
    case 0x4e09: // 三
      return 3;
    case 0x56db: // 四
      return 4;
    case 0x4e94: // 五
      return 5;
    case 0x516d: // 六
      return 6;
    case 0x4e03: // 七
      return 7;
    case 0x516b: // 八
      return 8;
    case 0x4e5d: // 九
      return 9;
    default:
      return -1;
  }
}

/** The value of a Chinese unit (十 百 千 万), by its code; 0 for another character. */
function cnUnit(c: number): number {
  switch (c) {
    case 0x5341: // 十
      return 10;
    case 0x767e: // 百
      return 100;
    case 0x5343: // 千
      return 1000;
    case 0x4e07: // 万
      return 10000;
    default:
      return 0;
  }
}

/**
 * Parses Chinese numerals, both positional (二〇二三 → 2023) and with units
 * (二十三 → 23, 十二 → 12). Returns null when the string is not a numeral. (By code units:
 * every numeral is one; a character outside the BMP is none.)
 */
export function parseChineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  if (/^\d+$/.test(s)) return Number(s);
  let hasUnit = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (cnUnit(c) !== 0) hasUnit = true;
    else if (cnDigit(c) < 0) return null;
  }
  if (!hasUnit) {
    let n = 0;
    for (let i = 0; i < s.length; i++) n = n * 10 + cnDigit(s.charCodeAt(i));
    return n;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = cnDigit(c);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const u = cnUnit(c);
    if (u === 10000) {
      total += (section + digit) * u;
      section = 0;
    } else section += (digit === 0 ? 1 : digit) * u;
    digit = 0;
  }
  return total + section + digit;
}

/** Longest evidence kept whole; a longer line is cut to about this many characters. */
export const EXCERPT_MAX = 1000;

/**
 * A bounded excerpt of a line for an anomaly's evidence: the whole line when it is short;
 * else its start up to EXCERPT_MAX characters when the column lies there (so the column
 * still counts from the line's start), or EXCERPT_MAX characters around a far column, with
 * `…` where it was cut (a 50 MB line must not be copied into every anomaly about it).
 */
export function excerpt(line: string, column = 1): string {
  return excerptAt(line, column).text;
}

/** `excerpt`, and where the kept text starts in the line (a UTF-16 offset; 0 when uncut at the start). */
export function excerptAt(line: string, column = 1): { text: string; start: number } {
  if (line.length <= EXCERPT_MAX) return { text: line, start: 0 };
  const at = Math.min(Math.max(column - 1, 0), line.length);
  let start = at < EXCERPT_MAX - 40 ? 0 : Math.max(0, at - (EXCERPT_MAX >> 1));
  const end = Math.min(line.length, start + EXCERPT_MAX);
  start = Math.max(0, Math.min(start, end - EXCERPT_MAX));
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\udc00-\udfff]/.test(line[start]!)) start++;
  const stop = end < line.length && /[\ud800-\udbff]/.test(line[end - 1]!) ? end - 1 : end;
  return { text: `${start > 0 ? '…' : ''}${line.slice(start, stop)}${stop < line.length ? '…' : ''}`, start };
}

/** Lines for a message: `line 4`, `lines 4, 9, 12`, at most `max` of them (`… and 3 more`). */
export function lineList(lines: readonly number[], max = 10): string {
  const shown = lines.slice(0, max).join(', ');
  return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${lines.length > max ? ` and ${lines.length - max} more` : ''}`;
}
