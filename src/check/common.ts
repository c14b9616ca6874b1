import type { Document, Masthead, Section, TocEntry } from '../model/issue.js';
import type { SourceLines } from '../read/lines.js';
import type { Structure } from '../core/structure.js';
import type { Records } from '../core/feature.js';
import type { Lines } from '../model/lines.js';

/** What the checks read: the lines and the skeleton (also as the structure reader gave it). */
export interface CheckInput {
  lines: Lines;
  masthead: Masthead;
  toc: readonly TocEntry[];
  sections: readonly Section[];
  documents: readonly Document[];
  src: SourceLines;
  structure: Structure;
  /** The features' records (tables, people …): empty lists when a caller has none. */
  records: Partial<Records>;
  /** The lines joined by \n (the text itself: no copy), for the checks that scan it whole. */
  text(): string;
}

/** The id of the document each line belongs to (undefined outside documents). */
export interface DocumentOf {
  /** The id of the document holding line `ln` (1-based), if any. */
  get(ln: number): string | undefined;
}

/** Overlapping spans (not from the core): a table by line, the later document winning. */
function documentTable(documents: readonly Document[], lineCount: number): DocumentOf {
  const out = new Array<string | undefined>(lineCount + 1);
  for (const d of documents) {
    const to = Math.min(d.span.endLine, lineCount);
    for (let ln = d.span.startLine; ln <= to; ln++) out[ln] = d.id;
  }
  return { get: (ln) => out[ln] };
}

/**
 * The document of each line: a binary search over the documents' spans (in order without
 * overlap, as the core makes them), so no array as long as the text (100 M lines of `yes`).
 */
export function documentOfLine(documents: readonly Document[], lineCount: number): DocumentOf {
  const ordered = documents.every(
    (d, i) => d.span.startLine <= d.span.endLine && (i === 0 || d.span.startLine > documents[i - 1]!.span.endLine),
  );
  if (!ordered) return documentTable(documents, lineCount);
  return {
    get(ln) {
      if (!(ln >= 1 && ln <= lineCount)) return undefined;
      let lo = 0;
      let hi = documents.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const span = documents[mid]!.span;
        if (ln < span.startLine) hi = mid - 1;
        else if (ln > span.endLine) lo = mid + 1;
        else return documents[mid]!.id;
      }
      return undefined;
    },
  };
}
