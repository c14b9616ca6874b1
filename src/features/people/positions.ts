/**
 * Positions of an appointment or removal: `A局副局长、B局局长职务` → two posts, each split
 * into organisation and title; trailing parenthesised notes (试用期满, 兼 …) become
 * qualifiers, parentheses inside an organisation's name (`(集团)`, alias lists) stay.
 * One pass over the text, no regular expressions on it.
 */
import type { Position } from '../../model/people.js';
import { removeCjkSpaces } from '../../read/text.js';
import { titleSuffixLength } from './names.js';
import { QUALIFIER_WORDS } from './vocab.js';

const OPEN = new Set(['(', '（', '[', '［', '【', '〔']);
const CLOSE = new Set([')', '）', ']', '］', '】', '〕']);
const PAREN_OPEN = new Set(['(', '（']);
const PAREN_CLOSE = new Set([')', '）']);
/** The brackets by character code: 1 opens, -1 closes (parsePositions reads codes, no one-character strings). */
const BRACKET_CODE = new Map<number, number>([
  ...[...OPEN].map((c) => [c.charCodeAt(0), 1] as const),
  ...[...CLOSE].map((c) => [c.charCodeAt(0), -1] as const),
]);

/** Markdown emphasis and stray table markup that a conversion leaves in cells. */
export function stripMarkup(s: string): string {
  if (s.indexOf('*') < 0 && s.indexOf('<') < 0 && s.indexOf('_') < 0) return s;
  return s.replace(/\*\*|__|<\/?(?:br|p|strong|b|em|span)\s*\/?>/gi, ' ');
}

export interface Trailing {
  /** The text without its trailing qualifier groups and 职务. */
  core: string;
  /** Qualifier groups' contents, outermost last, in reading order. */
  groups: string[];
}

function isQualifierText(s: string): boolean {
  for (const w of QUALIFIER_WORDS) if (s.indexOf(w) >= 0) return true;
  return false;
}

/** Index of the bracket opening the group that closes at `close`, or -1. */
function openingOf(s: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = s[i]!;
    if (CLOSE.has(c)) depth++;
    else if (OPEN.has(c)) {
      depth--;
      if (depth === 0) return PAREN_OPEN.has(c) ? i : -1;
    }
  }
  return -1;
}

/** Drops a trailing 职务 / 的职务 / 职. */
function dropDuty(s: string): string {
  let t = s.trimEnd();
  if (t.endsWith('职务')) t = t.slice(0, -2);
  else if (t.endsWith('职') && titleSuffixLength(t.slice(0, -1)) > 0) t = t.slice(0, -1);
  if (t.endsWith('的')) t = t.slice(0, -1);
  return t.trimEnd();
}

/**
 * Peels trailing qualifier groups and a trailing 职务 off one post. A trailing group is a
 * qualifier when a post title stands before it or its text is a qualifier's (试用期, 兼 …);
 * otherwise it belongs to the name and stays.
 */
export function peelTrailing(text: string): Trailing {
  let core = dropDuty(text);
  const groups: string[] = [];
  for (;;) {
    const last = core.length - 1;
    if (last < 0 || !PAREN_CLOSE.has(core[last]!)) break;
    const open = openingOf(core, last);
    if (open <= 0) break;
    const inner = core.slice(open + 1, last).trim();
    const before = dropDuty(core.slice(0, open));
    if (!(titleSuffixLength(before) > 0 || isQualifierText(inner))) break;
    groups.unshift(inner);
    core = before;
  }
  return { core, groups };
}

/** Splits qualifier texts on , and ，: `六级管理岗位,试用期一年` → two qualifiers. */
export function splitQualifiers(groups: readonly string[]): string[] {
  const out: string[] = [];
  for (const g of groups) {
    let cur = '';
    for (const ch of g) {
      if (ch === ',' || ch === '，') {
        if (cur.trim()) out.push(cur.trim());
        cur = '';
      } else cur += ch;
    }
    if (cur.trim()) out.push(cur.trim());
  }
  return out;
}

/** Organisation and title of one post: the longest known title at the end is the title. */
export function splitTitle(text: string): Position {
  const len = titleSuffixLength(text);
  if (len === 0) return { text, organization: text || null, title: null };
  const org = text.slice(0, text.length - len).trim();
  return { text, organization: org || null, title: text.slice(text.length - len) };
}

export interface ParsedPositions {
  positions: Position[];
  qualifiers: string[];
}

/**
 * All posts of a position cell or line. `、` at the top level splits only where the text
 * before it is a complete post (ends with a title, possibly followed by qualifiers or
 * 职务); a `、` inside brackets or inside an organisation's name (`某区甲、乙地区办公室`)
 * does not.
 */
export function parsePositions(raw: string): ParsedPositions {
  const text = removeCjkSpaces(stripMarkup(raw)).trim();
  const segments: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // (most characters are Han, U+4E00 up to the full-width forms: neither a bracket nor a separator)
    if (c >= 0x4e00 && c < 0xff00) continue;
    const bracket = BRACKET_CODE.get(c);
    if (bracket === 1) depth++;
    else if (bracket === -1) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === 0x3001 /* 、 */ || c === 0xff1b /* ； */ || c === 0x3b) /* ; */) {
      const seg = text.slice(start, i);
      if (c !== 0x3001 || titleSuffixLength(peelTrailing(seg).core) > 0) {
        segments.push(seg);
        start = i + 1;
      }
    }
  }
  segments.push(text.slice(start));
  const positions: Position[] = [];
  const groups: string[] = [];
  for (const seg of segments) {
    const t = peelTrailing(seg.trim());
    groups.push(...t.groups);
    if (t.core) positions.push(splitTitle(t.core));
  }
  return { positions, qualifiers: splitQualifiers(groups) };
}
