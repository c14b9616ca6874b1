/**
 * Two-column tables of `pdftotext -layout` (a name and a post, a term and its meaning): each
 * row one line, a short first cell at the left edge and the second cell starting at the same
 * character column R in every row. pdftotext's grid counts one column per character, so R is
 * counted in characters. The gap may be a single space (`王 芳 某区司法局副局长`, a narrow
 * first column): then only a header line above the rows makes it a table — its second cell
 * centred over the column, standing at least twice as far right as R (`姓名      任命职务`).
 * Lines of a list written the same way with no header (`李明华 区委办公室副主任`) stay text.
 *
 * Rows run on over a page break (the header repeated after it is skipped); an empty header
 * row (none printed) gives a header of empty cells, as the plain text's `| | |` does.
 */
import type { BlockCell, BlockRow, TableBlock } from './reading.js';

/** The longest first cell, in characters. */
const FIRST = 8;
const SENTENCE = /[。；：:;！？]/;

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** A line cut in two: first cell at the left edge, the second from character column `at`. */
interface Two {
  left: string;
  right: string;
  at: number;
  gap: number;
}

/** Line `s` as two cells: a short first cell from column 0, a gap, the rest; or null. */
export function twoCells(s: string): Two | null {
  if (blank(s) || s[0] === ' ' || s.trimStart().startsWith('|') || SENTENCE.test(s)) return null;
  // The gap: the last run of spaces within the first FIRST + 1 characters that leaves text on both sides.
  let best: Two | null = null;
  for (let i = 1; i < s.length && i <= FIRST + 1; i++) {
    if (s[i] !== ' ' || s[i - 1] === ' ') continue;
    let j = i;
    while (j < s.length && s[j] === ' ') j++;
    if (j >= s.length) break;
    const right = s.slice(j).trimEnd();
    const left = s.slice(0, i);
    if (/^[\d.、．（(一二三四五六七八九十]/.test(left) || right.length <= left.length) continue;
    best = { left, right, at: j, gap: j - i };
  }
  return best;
}

/** Where the table stands: its block, its lines (0-based), the header lines skipped. */
export interface TwoTable {
  block: TableBlock;
  rowLines: number[];
  skipped: number[];
}

/**
 * The two-column table whose first row stands at line `i` (0-based), or null. Its header is
 * line i - 1 when that is a centred header (its lines are then the header's and the rows').
 */
export function twoColumnTableAt(
  lines: readonly string[],
  offsets: readonly number[],
  removed: Uint8Array,
  i: number,
  furniture: (k: number) => boolean,
): TwoTable | null {
  const first = twoCells(lines[i]!);
  if (!first) return null;
  const R = first.at;
  const above = i > 0 && removed[i - 1] === 0 ? twoCells(lines[i - 1]!) : null;
  const header = above && above.at >= 2 * R + 4 ? i - 1 : -1;
  const rows: number[] = [];
  const skipped: number[] = [];
  for (let k = i; k < lines.length;) {
    const t = removed[k] === 0 ? twoCells(lines[k]!) : null;
    if (t && t.at === R && (t.gap >= 2 || header >= 0)) {
      rows.push(k++);
      continue;
    }
    // A page break: furniture and blank lines, the header again (skipped), then more rows.
    let j = k;
    let page = false;
    while (j < lines.length && (blank(lines[j]) || furniture(j))) {
      if (furniture(j)) page = true;
      j++;
    }
    if (!page || rows.length === 0) break;
    if (header >= 0 && key(lines[j]) === key(lines[header])) skipped.push(j++);
    const next = removed[j] === 0 ? twoCells(lines[j] ?? '') : null;
    if (!next || next.at !== R) break;
    k = j;
  }
  if (rows.length < 3) return null;
  const cellsOf = (k: number): BlockCell[] => {
    const t = twoCells(lines[k]!)!;
    return [
      { text: t.left.trim(), line: k + 1, column: 1, offset: offsets[k]! },
      { text: t.right, line: k + 1, column: t.at + 1, offset: offsets[k]! + t.at },
    ];
  };
  const head: BlockRow =
    header >= 0
      ? { line: header + 1, cells: cellsOf(header) }
      : { line: i + 1, cells: [0, 1].map(() => ({ text: '', line: i + 1, column: 1, offset: offsets[i]! })) };
  const body = rows.map((k) => ({ line: k + 1, cells: cellsOf(k) }));
  const start = header >= 0 ? header : i;
  const end = Math.max(...rows, ...skipped);
  return {
    block: { kind: 'table', form: 'columns', startLine: start + 1, endLine: end + 1, header: head, rows: body },
    rowLines: header >= 0 ? [header, ...rows] : rows,
    skipped,
  };
}

const key = (s: string | undefined): string => (s ?? '').replace(/\s+/g, '');
