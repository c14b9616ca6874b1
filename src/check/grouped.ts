import type { Anomaly } from '../model/anomaly.js';
import { anomaly, type Code } from '../model/catalogue.js';
import type { Lines } from '../model/lines.js';

/** One place a rule found, before the places of one document (or run) are reported together. */
export interface Hit {
  line: number;
  column: number;
  /** What was found there, shown in the message: `,` / `（` / `特此通知。` */
  text: string;
  documentId: string | undefined;
}

/** `line 12 (,), line 40 (;)` — at most `max` places, then `… N more`. */
export function listPlaces(hits: readonly Hit[], max = 12): string {
  const shown = hits.slice(0, max).map((h) => `line ${h.line} (${h.text})`);
  if (hits.length > max) shown.push(`… ${hits.length - max} more`);
  return shown.join(', ');
}

/**
 * One anomaly per document for the hits of a rule (in line order): a repeated kind is said
 * once with its count and lines, never once a line. `what(n)` words the finding for n places.
 */
export function perDocument(code: Code, hits: readonly Hit[], lines: Lines, what: (n: number) => string): Anomaly[] {
  const out: Anomaly[] = [];
  let i = 0;
  while (i < hits.length) {
    let j = i + 1;
    while (j < hits.length && hits[j]!.documentId === hits[i]!.documentId) j++;
    out.push(group(code, hits.slice(i, j), lines, what));
    i = j;
  }
  return out;
}

/** The anomaly for one group of hits: at the first, `endLine` at the last, the places listed. */
export function group(code: Code, g: readonly Hit[], lines: Lines, what: (n: number) => string): Anomaly {
  const first = g[0]!;
  const last = g[g.length - 1]!;
  return anomaly(code, {
    message: `${what(g.length)}: ${listPlaces(g)}`,
    line: first.line,
    column: first.column,
    endLine: last.line,
    evidence: lines.get(first.line - 1) ?? '',
    ...(first.documentId !== undefined ? { documentId: first.documentId } : {}),
  });
}
