/**
 * Personal names in lists: `张 三`, `李小四 区某局副局长`, `欧阳 娜 区…`. A name is 2–4
 * Han characters once spaces are removed (a compound surname counts as two); it never
 * takes the start of the position that follows it.
 */
import { isHan } from '../../read/text.js';
import {
  COMPOUND_SURNAME_SET,
  ORG_SUFFIXES,
  POSITION_STARTS,
  POST_TITLE_SET,
  POST_TITLE_LAST,
  MAX_TITLE_LENGTH,
  QUALIFIER_WORDS,
  ROLE_SET,
} from './vocab.js';

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0';

/** Removes every kind of space (张 三 → 张三). */
const SPACES = /[ \t\u3000\u00a0]/;

export function compactName(raw: string): string {
  if (!SPACES.test(raw)) return raw;
  let out = '';
  for (const ch of raw) if (!isSpace(ch)) out += ch;
  return out;
}

function allHan(s: string): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!isHan(ch) || ch === '\u3007') return false;
  return true;
}

/** Length of the longest known post title at the end of `s` (0 when none). */
export function titleSuffixLength(s: string): number {
  const max = Math.min(MAX_TITLE_LENGTH, s.length);
  // (no slice of every length when the last character ends no title, as for most texts)
  if (max < 2 || !POST_TITLE_LAST.has(s.charCodeAt(s.length - 1))) return 0;
  for (let len = max; len >= 2; len--) if (POST_TITLE_SET.has(s.slice(s.length - len))) return len;
  return 0;
}

/**
 * True when `s` (spaces removed) can be a personal name: 2–4 Han characters, a 4-character
 * name only with a compound surname or as written, and not a post title or a role.
 */
export function isName(s: string): boolean {
  if (s.length < 2 || s.length > 8) return false;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // count code points, not surrogate halves
  }
  if (n < 2 || n > 4 || !allHan(s)) return false;
  if (ROLE_SET.has(s) || titleSuffixLength(s) > 0) return false;
  for (const suffix of ORG_SUFFIXES) if (s.endsWith(suffix)) return false;
  return true;
}

/** True when `s` starts like a position (区…, 市…, 街道…), so a name cannot reach into it. */
export function startsPosition(s: string): boolean {
  for (const p of POSITION_STARTS) if (s.startsWith(p)) return true;
  return false;
}

export interface NameSplit {
  /** The name, spaces removed; null when the text starts with no name. */
  name: string | null;
  /** The name as written (with its spaces). */
  nameRaw: string | null;
  /** The text after the name (the position), trimmed; '' when none. */
  rest: string;
  /** 0-based index of `rest` in the input. */
  restIndex: number;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isSpace(s[i])) i++;
    if (i >= s.length) break;
    const start = i;
    while (i < s.length && !isSpace(s[i])) i++;
    out.push({ text: s.slice(start, i), start, end: i });
  }
  return out;
}

function split(s: string, nameEnd: number, nameStart: number, name: string): NameSplit {
  let r = nameEnd;
  while (r < s.length && isSpace(s[r])) r++;
  return { name, nameRaw: s.slice(nameStart, nameEnd), rest: s.slice(r).trim(), restIndex: r };
}

/** 王某某（市纪委）, 李 某（某行某支行）: a name, then in brackets the body its holder comes from. */
const NAME_THEN_BODY = /^\s*([\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,3})[ \u3000]*[（(]([^（()）]{2,40})[）)]\s*$/;

/**
 * A roster line that is a name and the body its holder represents in brackets (the members of
 * a leading group listed by the bodies they come from): the body is the rest. Not when the
 * brackets hold a qualifier (（兼）, （试用期一年）) or the text before them is no name.
 */
function nameThenBody(line: string): NameSplit | null {
  if (line.indexOf('（') < 0 && line.indexOf('(') < 0) return null;
  const m = NAME_THEN_BODY.exec(line);
  if (m === null) return null;
  const name = m[1]!.replace(/[ \u3000]/g, '');
  const inner = m[2]!.trim();
  if (!isName(name) || QUALIFIER_WORDS.some((w) => inner.includes(w))) return null;
  const start = line.indexOf(m[1]!);
  return { name, nameRaw: m[1]!, rest: inner, restIndex: line.indexOf(inner, start + m[1]!.length) };
}

/**
 * Splits a list line into a leading name and the rest (the position). Spaces decide:
 * `张 三 某街道…` → 张三; `司马光 区…` → 司马光; `欧阳 娜娜 区…` → 欧阳娜娜. Without a space
 * between name and position only a one-character given name glued to the position
 * (`张 三区某办…`) is split, where the rest starts like a position. A line that is only a
 * position (`某街道办事处副主任`) gives name null; a line that is only a name gives rest ''.
 */
export function splitName(line: string): NameSplit {
  const body = nameThenBody(line);
  if (body !== null) return body;
  const toks = tokens(line);
  const none: NameSplit = { name: null, nameRaw: null, rest: line.trim(), restIndex: toks[0]?.start ?? 0 };
  if (toks.length === 0) return { ...none, rest: '' };
  const t0 = toks[0]!;
  const t1 = toks[1];
  if (!allHan(t0.text)) return none;
  const n0 = t0.text.length;
  // Every character apart: 王 小 明 区… (a converter spacing each character).
  const t2 = toks[2];
  if (n0 === 1 && t1 && t1.text.length === 1 && allHan(t1.text) && t2 && t2.text.length === 1 && allHan(t2.text)) {
    const name = t0.text + t1.text + t2.text;
    if (isName(name)) return split(line, t2.end, t0.start, name);
  }
  // Surname and given name written apart: 张 三, 欧阳 娜娜.
  if ((n0 === 1 || (n0 === 2 && COMPOUND_SURNAME_SET.has(t0.text))) && t1 && allHan(t1.text)) {
    const maxGiven = 2;
    if (t1.text.length <= maxGiven) {
      const name = t0.text + t1.text;
      if (isName(name)) return split(line, t1.end, t0.start, name);
    }
    // Given name glued to the position: 张 三区某办… → 张三 + 区某办…
    for (let g = 1; g <= maxGiven && g < t1.text.length - 1; g++) {
      const restStart = t1.text.slice(g);
      if (startsPosition(restStart) || (restStart.length >= 2 && titleSuffixLength(restStart) === restStart.length)) {
        const name = t0.text + t1.text.slice(0, g);
        if (isName(name)) return split(line, t1.start + g, t0.start, name);
      }
    }
  }
  // A whole token as the name: 李小四 区…, 司马光 区…, or a name alone on the line.
  if (isName(t0.text) && (toks.length > 1 || n0 <= 4)) return split(line, t0.end, t0.start, t0.text);
  return none;
}
