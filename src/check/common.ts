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
  /** The lines joined by \n, made once on first use and shared by the checks that scan it whole. */
  text(): string;
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
