import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import type { CheckInput } from './common.js';
import { longestNonDecreasing } from '../core/sequence.js';
import { diffChars, formatDiff } from './diff.js';
import { toHalfWidth } from '../read/text.js';

/** Title wording for comparison: half-width, no whitespace, one kind of quotation mark. */
export function titleWording(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/[“”„‟"]/g, '"')
    .replace(/[‘’‚‛']/g, "'");
}

/** The length of the common beginning of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * The index in `raw` of character `k` of `titleWording(raw)` (which drops whitespace and
 * maps every other character to one): where a difference found in the wording stands.
 */
function rawIndex(raw: string, k: number): number {
  let seen = 0;
  for (let i = 0; i < raw.length; i++) {
    if (/\s/.test(raw[i]!)) continue;
    if (seen === k) return i;
    seen++;
  }
  return raw.length;
}

/**
 * The table of contents against the body: entries in the order of the documents, page
 * numbers that never go back, and the same title wording. (Entries without a document and
 * documents without an entry are reported by the structure reader.)
 */
export function checkToc(input: CheckInput): Anomaly[] {
  const { lines, toc, documents } = input;
  const out: Anomaly[] = [];
  if (toc.length === 0) return out;
  const docById = new Map(documents.map((d) => [d.id, d]));

  // Page order, in the order of the entries (each table of contents of issues run together on its own).
  let prevPage: { page: number; line: number } | null = null;
  let tocLine = toc[0]!.tocLine;
  for (const e of toc) {
    if (e.tocLine !== tocLine) {
      tocLine = e.tocLine;
      prevPage = null;
    }
    if (e.page === null) continue;
    if (prevPage && e.page < prevPage.page) {
      out.push(
        anomaly('TOC_PAGE_ORDER', {
          message: `page (${e.page}) is lower than page (${prevPage.page}) of the entry before it (line ${prevPage.line})`,
          line: e.line,
          column: Math.max(1, lines.get(e.line - 1)!.lastIndexOf(String(e.page)) + 1),
          evidence: lines.get(e.line - 1)!,
        }),
      );
    }
    prevPage = { page: e.page, line: e.line };
  }

  // Order: entries whose documents are not in body order.
  const matched = toc.filter((e) => e.documentId !== null && docById.has(e.documentId));
  const ordinals = matched.map((e) => docById.get(e.documentId!)!.ordinal);
  const keep = longestNonDecreasing(ordinals);
  matched.forEach((e, i) => {
    if (keep.has(i)) return;
    const d = docById.get(e.documentId!)!;
    out.push(
      anomaly('TOC_ORDER_MISMATCH', {
        message: `entry «${e.title}» is out of order: its document is number ${d.ordinal} in the body (line ${d.titleSpan.startLine})`,
        line: e.line,
        evidence: lines.get(e.line - 1)!,
        documentId: d.id,
      }),
    );
  });

  // Wording.
  for (const e of matched) {
    const d = docById.get(e.documentId!)!;
    if (d.title === '') continue;
    const a = titleWording(e.title);
    const b = titleWording(d.title);
    if (a === b) continue;
    const parts = diffChars(a, b);
    out.push(
      anomaly('TOC_TITLE_MISMATCH', {
        message: `the table of contents words the title differently from the body (line ${d.titleSpan.startLine}): ${formatDiff(parts)}`,
        line: e.line,
        column: Math.max(1, lines.get(e.line - 1)!.indexOf(e.titleRaw) + 1) + rawIndex(e.titleRaw, commonPrefix(a, b)),
        evidence: lines.get(e.line - 1)!,
        documentId: d.id,
      }),
    );
  }
  return out;
}
