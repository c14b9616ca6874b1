/**
 * Sluice names: section headings `(n) 名称` and the tolerant key that joins a summary row
 * to its section. Two names name the same sluice when they are equal after dropping
 * spaces, punctuation and brackets (the match key), or — failing that — when they are
 * equal once the kind of structure at the end (泵闸, 水闸, 涵闸, 闸 …) is also dropped.
 */
import { matchKey, parseChineseNumber, removeCjkSpaces, squash, toHalfWidth } from '../../read/text.js';

/** Kinds of structure a sluice name ends with, longest first. */
export const SLUICE_KINDS = ['排涝泵闸', '节制闸', '分水闸', '泵闸', '水闸', '涵闸', '船闸', '泵站', '闸站', '涵洞', '闸'] as const;

/** The strict key: spacing, punctuation and brackets ignored. */
export function nameKey(name: string): string {
  return matchKey(name);
}

/** The loose key: the strict key without the kind of structure at the end. */
export function baseKey(name: string): string {
  const k = nameKey(name);
  for (const kind of SLUICE_KINDS) if (k.length > kind.length && k.endsWith(kind)) return k.slice(0, k.length - kind.length);
  return k;
}

/** The cleaned display form of a name: spaces between CJK characters removed, runs squashed. */
export function cleanName(name: string): string {
  return removeCjkSpaces(squash(name));
}

export interface Heading {
  number: number | null;
  name: string;
}

const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);

/**
 * Reads a section heading: `(n) 名称`, `（n）名称`, `(一) 名称`, `n. 名称`, `n、名称`, or a
 * bare short name. Returns null for lines that are not a heading (table rows, sentences,
 * 附件 lines).
 */
export function readHeading(line: string): Heading | null {
  const t = squash(toHalfWidth(line));
  if (t === '' || t.includes('|') || t.length > 40 || /[。；;，,：:]$/.test(t)) return null;
  let i = 0;
  let number: number | null = null;
  if (OPEN.has(t[0]!)) {
    let j = 1;
    while (j < t.length && !CLOSE.has(t[j]!)) j++;
    if (j >= t.length) return null;
    number = parseChineseNumber(t.slice(1, j).trim());
    if (number === null || !Number.isSafeInteger(number)) return null;
    i = j + 1;
  } else {
    let j = 0;
    while (j < t.length && t.charCodeAt(j) >= 48 && t.charCodeAt(j) <= 57) j++;
    if (j > 0 && j <= 9 && (t[j] === '.' || t[j] === '、')) {
      number = Number(t.slice(0, j));
      i = j + 1;
    }
  }
  const name = cleanName(t.slice(i));
  if (name === '' || name.startsWith('附件') || /^\d/.test(name)) return null;
  return { number, name };
}

/** A stake as messages and plots name it: its 桩号, else its 序号, else its line. */
export const stakeLabel = (p: { stake: string; seq: number | null; line: number }): string =>
  p.stake !== '' ? p.stake : p.seq !== null ? `序号 ${p.seq}` : `line ${p.line}`;
