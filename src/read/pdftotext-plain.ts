/**
 * Plain `pdftotext` (no `-layout`) writes a table's cells as lines of their own, in an order
 * that depends on how far apart the cells stand on the page. Two of its habits would give
 * false records if the core read the lines as they are:
 *
 * - **A table header repeated at a page break** (Chromium and Word repeat `<thead>` on every
 *   page a table runs over): the first lines of a page, each short, the same lines (in the
 *   same order) as lines of the page before. They are blanked as page furniture and
 *   reported once, with their count.
 * - **A two-column table written column after column**: a run of short cells (names), a
 *   blank line, then a run of exactly as many longer cells (their posts). The reader puts
 *   each cell of the second run back after its row's first cell, on the first run's line
 *   (one space between, as `-layout` writes the row), and blanks the second run (joined
 *   above, `removed` 3).
 *
 * Both run only on text whose tables lost their layout (layoutLost in reader-pdftotext.ts).
 */
import { displayWidth } from './text.js';
import { removeFurniture, type FurnitureTarget } from './furniture.js';

/** `removed` mark of a line whose text was joined into a line above. */
const JOINED = 3;
/** Longest cell of a repeated header line, and of a first-column cell, in display columns. */
const HEADER_CELL = 16;
const FIRST_CELL = 8;
/** Sentence punctuation: a line holding it is prose, not a cell. */
const SENTENCE = /[。，；：:;,！？]/;
/** A number (a row's 序号, a coordinate): a cell, never a header. */
const NUMBER = /^[-+]?[\d.,]+$/;

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';
const key = (s: string): string => s.replace(/\s+/g, '');

/** The non-blank, not removed lines from `i` up to the next blank line. */
function runFrom(lines: readonly string[], removed: Uint8Array, i: number): number[] {
  const out: number[] = [];
  for (let k = i; k < lines.length && !blank(lines[k]) && removed[k] === 0; k++) out.push(k);
  return out;
}

/**
 * Table headers repeated at the top of a page: the first two or more non-blank lines after
 * a page's furniture, each short, no sentence and no number, that stand in the same order among the
 * lines of the previous page. `pageStarts` are the lines (0-based) where pages begin.
 */
export function removeRepeatedHeaders(p: FurnitureTarget, pageStarts: readonly number[], evidenceAt: (i: number) => string): void {
  const { lines, removed } = p;
  const found: number[] = [];
  for (let g = 1; g < pageStarts.length; g++) {
    const prev = pageStarts[g - 1]!;
    let top = pageStarts[g]!;
    while (top < lines.length && blank(lines[top])) top++;
    const seen = new Map<string, number>();
    for (let k = prev; k < pageStarts[g]!; k++) if (!blank(lines[k]) && !seen.has(key(lines[k]!))) seen.set(key(lines[k]!), k);
    const at: number[] = [];
    let last = -1;
    for (let k = top; k < lines.length && !blank(lines[k]); k++) {
      const s = lines[k]!.trim();
      const before = seen.get(key(s));
      if (before === undefined || before <= last || displayWidth(s) > HEADER_CELL || SENTENCE.test(s) || NUMBER.test(s)) break;
      at.push(k);
      last = before;
    }
    if (at.length >= 2) found.push(...at);
  }
  if (found.length > 0)
    removeFurniture(p, found, `table header repeated at page breaks removed from the text: ${found.length} lines`, evidenceAt(found[0]!));
}

/**
 * Two-column tables written column after column: a run of lines ending in three or more
 * short cells without punctuation, blank lines, then a run of exactly as many cells, each
 * longer; each second-run cell is joined onto the first-run line of its row.
 */
export function pairColumns(lines: string[], removed: Uint8Array): void {
  let prev: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (blank(lines[i])) continue;
    const run = runFrom(lines, removed, i);
    if (run.length === 0) {
      prev = [];
      continue;
    }
    let s = prev.length;
    while (s > 0 && short(lines[prev[s - 1]!]!)) s--;
    const a = prev.slice(s);
    if (a.length >= 3 && run.length === a.length && !run.some((k) => short(lines[k]!))) {
      a.forEach((k, x) => {
        lines[k] = `${lines[k]!.trimEnd()} ${lines[run[x]!]!.trim()}`;
        lines[run[x]!] = '';
        removed[run[x]!] = JOINED;
      });
      prev = [];
    } else prev = run;
    i = run[run.length - 1]!;
  }
}

/** A cell of a first column: a few characters, no punctuation. */
function short(s: string): boolean {
  const t = s.trim();
  return t !== '' && displayWidth(t) <= FIRST_CELL && !SENTENCE.test(t);
}
