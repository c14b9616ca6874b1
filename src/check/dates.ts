import type { Anomaly } from '../model/anomaly.js';
import type { Document } from '../model/issue.js';
import { anomaly } from '../model/catalogue.js';
import type { CheckInput } from './common.js';
import { longestNonDecreasing } from '../core/sequence.js';

/**
 * Document numbers and dates: duplicate 文号 (same issuer, year and serial), 文号 year vs
 * the document date, dates after the issue's publication date, and date order within a
 * section where the section is not ordered by 文号 serial. Only document date lines count:
 * dates in the body text are never checked.
 */
export function checkNumbersAndDates(input: CheckInput): Anomaly[] {
  const ev = (ln: number): string => input.lines.get(ln - 1) ?? '';
  return [...numberChecks(input.documents, ev), ...publicationChecks(input, ev), ...dateOrderChecks(input, ev)];
}

/** Duplicate 文号 (same issuer, year and serial) and a 文号 year other than the document date's. */
function numberChecks(documents: readonly Document[], ev: (ln: number) => string): Anomaly[] {
  const out: Anomaly[] = [];
  const seen = new Map<string, Document>();
  for (const d of documents) {
    const dn = d.docNumber;
    if (!dn) continue;
    const key = `${dn.issuer}\u0000${dn.year}\u0000${dn.serial}`;
    const first = seen.get(key);
    if (first) {
      out.push(
        anomaly('DOCNUMBER_DUPLICATE', {
          message: `文号 ${dn.normalized} is also the 文号 of «${first.title}» (line ${first.docNumber!.line})`,
          line: dn.line,
          column: dn.column,
          evidence: ev(dn.line),
          documentId: d.id,
        }),
      );
    } else seen.set(key, d);
    if (d.date === null || d.dateLine === null || dn.year === null || Number(d.date.slice(0, 4)) === dn.year) continue;
    out.push(
      anomaly('DOCNUMBER_YEAR_MISMATCH', {
        message: `文号 ${dn.raw} has the year ${dn.year} but the document is dated ${d.dateRaw} (line ${d.dateLine})`,
        line: dn.line,
        column: dn.column,
        evidence: ev(dn.line),
        documentId: d.id,
      }),
    );
  }
  return out;
}

/** Document dates after the issue's publication date. */
function publicationChecks({ documents, masthead }: CheckInput, ev: (ln: number) => string): Anomaly[] {
  const published = masthead.publicationDate;
  const out: Anomaly[] = [];
  if (!published) return out;
  for (const d of documents) {
    if (d.date === null || d.dateLine === null || d.date <= published) continue;
    out.push(
      anomaly('DATE_AFTER_PUBLICATION', {
        message: `the document is dated ${d.date}, after the issue's publication date ${published}`,
        line: d.dateLine,
        column: Math.max(1, ev(d.dateLine).search(/\S/) + 1),
        evidence: ev(d.dateLine),
        documentId: d.id,
      }),
    );
  }
  return out;
}

/** Date order within a section that is mostly in date order and not ordered by 文号 serial. */
function dateOrderChecks({ documents, sections }: CheckInput, ev: (ln: number) => string): Anomaly[] {
  const out: Anomaly[] = [];
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const s of sections) {
    const docs = s.documentIds.map((id) => byId.get(id)).filter((d): d is Document => d !== undefined);
    if (orderedBySerial(docs)) continue;
    const dated = docs.filter((d) => d.date !== null && d.dateLine !== null);
    if (dated.length < 3) continue;
    const keep = longestNonDecreasing(dated.map((d) => d.date!));
    // Only a section that is mostly in date order is ordered by date.
    if (keep.size < Math.ceil(dated.length * 0.6)) continue;
    let lastKept: Document | undefined;
    dated.forEach((d, i) => {
      if (keep.has(i)) {
        lastKept = d;
        return;
      }
      const before = lastKept;
      out.push(
        anomaly('DATE_ORDER', {
          message: `dated ${d.date}, out of the date order of section 【${s.category}】${before ? ` (the document before it in order is dated ${before.date})` : ''}`,
          line: d.dateLine!,
          column: Math.max(1, ev(d.dateLine!).search(/\S/) + 1),
          evidence: ev(d.dateLine!),
          documentId: d.id,
        }),
      );
    });
  }
  return out;
}

/** Documents with a 文号 in the section are in serial order (per issuer and year). */
function orderedBySerial(docs: readonly Document[]): boolean {
  const numbered = docs.filter((d) => d.docNumber !== null);
  if (numbered.length < 2) return false;
  const last = new Map<string, number>();
  for (const d of numbered) {
    const key = `${d.docNumber!.issuer}\u0000${d.docNumber!.year}`;
    const prev = last.get(key);
    if (prev !== undefined && d.docNumber!.serial < prev) return false;
    last.set(key, d.docNumber!.serial);
  }
  return true;
}
