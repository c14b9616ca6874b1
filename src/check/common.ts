import type { Document, Masthead, Section, TocEntry } from '../model/issue.js';
import type { SourceLines } from '../read/lines.js';
import type { Structure } from '../core/structure.js';

/** What the checks read: the lines and the skeleton (also as the structure reader gave it). */
export interface CheckInput {
  lines: readonly string[];
  masthead: Masthead;
  toc: readonly TocEntry[];
  sections: readonly Section[];
  documents: readonly Document[];
  src: SourceLines;
  structure: Structure;
}

/**
 * The id of the document each line belongs to (undefined outside documents), in one
 * pass over the documents' spans.
 */
export function documentOfLine(documents: readonly Document[], lineCount: number): (string | undefined)[] {
  const out = new Array<string | undefined>(lineCount + 1);
  for (const d of documents) {
    const to = Math.min(d.span.endLine, lineCount);
    for (let ln = d.span.startLine; ln <= to; ln++) out[ln] = d.id;
  }
  return out;
}

/**
 * Indices (into `values`) of a longest non-decreasing subsequence, O(n log n). Checks of
 * order flag what lies outside it: the fewest items whose move restores the order.
 */
export function longestNonDecreasing(values: readonly (number | string)[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! <= v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  let k = tails.length ? tails[tails.length - 1]! : -1;
  while (k >= 0) { keep.add(k); k = prev[k]!; }
  return keep;
}
