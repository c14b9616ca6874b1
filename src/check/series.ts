import type { Anomaly } from '../model/anomaly.js';
import type { Document } from '../model/issue.js';
import { anomaly } from '../model/catalogue.js';
import type { CheckInput } from './common.js';
import type { Lines } from '../model/lines.js';

/**
 * The documents against each other: date lines in another form than the issue's
 * usual one, a 文号 of a series dated before the one printed before it, and a dense
 * series of 文号 that skips numbers. Each groups or sorts the documents once (n log n).
 */

interface DateForm {
  line: number;
  raw: string;
}

/** The form a date is written in, by aspect; null where the date says nothing of it. */
function aspects(raw: string, bracketed: boolean): Record<string, string | null> {
  const chinese = /[〇零○Ｏ◯一二三四五六七八九十]/.test(raw);
  const fullDigits = /[０-９]/.test(raw);
  const nums = raw.match(/[0-9０-９]+(?=\s*[月日])/g) ?? [];
  const padded = nums.some((n) => n.length === 2 && (n[0] === '0' || n[0] === '０'));
  const single = nums.some((n) => n.length === 1);
  return {
    numerals: chinese ? 'Chinese numerals' : fullDigits ? 'full-width digits' : 'Arabic numerals',
    padding: chinese ? null : padded ? 'zero-padded month or day' : single ? 'no zero-padding' : null,
    spaces: /\s[年月日]|[年月日]\s+\S/.test(raw.trim().replace(/^[(（]\s*|\s*[)）]$/g, '')) ? 'spaces around 年 月 日' : 'no spaces',
    brackets: bracketed ? (/^\s*（/.test(raw) ? 'full-width brackets' : /^\s*\(/.test(raw) ? 'half-width brackets' : 'no brackets') : null,
  };
}

/** One anomaly per aspect and minority form of a population of dates (date lines, or 成文日期). */
function formChecks(
  what: string,
  dates: readonly DateForm[],
  bracketed: boolean,
  lines: Lines,
  docOf: (ln: number) => string | undefined,
): Anomaly[] {
  const out: Anomaly[] = [];
  if (dates.length < 3) return out;
  // aspect → form → the lines written so, and the first date written so (the example shown)
  const by = new Map<string, Map<string, { lines: number[]; example: string }>>();
  for (const d of dates)
    for (const [aspect, form] of Object.entries(aspects(d.raw, bracketed))) {
      if (form === null) continue;
      const forms = by.get(aspect) ?? new Map<string, { lines: number[]; example: string }>();
      by.set(aspect, forms);
      const f = forms.get(form) ?? { lines: [], example: d.raw.trim() };
      f.lines.push(d.line);
      forms.set(form, f);
    }
  for (const forms of by.values()) {
    const ranked = [...forms.entries()].sort((a, b) => b[1].lines.length - a[1].lines.length);
    const [normForm, norm] = ranked[0]!;
    // No norm where the two most frequent forms are as common as each other.
    if (ranked.length < 2 || ranked[1]![1].lines.length === norm.lines.length) continue;
    for (const [form, { lines: ls, example }] of ranked.slice(1)) {
      const n = ls.length;
      const shown = ls.slice(0, 12).join(', ') + (n > 12 ? ` … ${n - 12} more` : '');
      out.push(
        anomaly('DATE_FORM_INCONSISTENT', {
          message: `${n} ${what}${n > 1 ? 's' : ''} ${n > 1 ? 'are' : 'is'} written with ${form} as «${example}» where ${norm.lines.length} use ${normForm} as «${norm.example}»: line${n > 1 ? 's' : ''} ${shown}`,
          line: ls[0]!,
          column: Math.max(1, (lines.get(ls[0]! - 1) ?? '').search(/\S/) + 1),
          endLine: ls[n - 1]!,
          evidence: lines.get(ls[0]! - 1) ?? '',
          // The document of the first line: where a reader meets the finding first.
          ...(docOf(ls[0]!) !== undefined ? { documentId: docOf(ls[0]!)! } : {}),
        }),
      );
    }
  }
  return out;
}

/** Date lines (under the title) and 成文日期 (落款) each against the usual form of their kind in the issue. */
export function checkDateForms(input: CheckInput): Anomaly[] {
  const dateLines: DateForm[] = [];
  const signatures: DateForm[] = [];
  for (const d of input.documents) {
    if (d.dateSource === 'dateLine' && d.dateLine !== null && d.dateRaw !== null) dateLines.push({ line: d.dateLine, raw: d.dateRaw });
    if (d.signature) signatures.push({ line: d.signature.line, raw: d.signature.dateRaw });
  }
  const byLine = new Map<number, string>();
  for (const d of input.documents) {
    if (d.dateLine !== null) byLine.set(d.dateLine, d.id);
    if (d.signature) byLine.set(d.signature.line, d.id);
  }
  const docOf = (ln: number): string | undefined => byLine.get(ln);
  return [
    ...formChecks('date line', dateLines, true, input.lines, docOf),
    ...formChecks('成文日期', signatures, false, input.lines, docOf),
  ];
}

/** The documents with a 文号 and a date, by series (issuer and year), each sorted by serial. */
function series(documents: readonly Document[]): Document[][] {
  const by = new Map<string, Document[]>();
  for (const d of documents) {
    const dn = d.docNumber;
    if (!dn || dn.year === null) continue;
    const key = `${dn.issuer}\u0000${dn.year}`;
    const list = by.get(key) ?? [];
    by.set(key, list);
    list.push(d);
  }
  return [...by.values()].map((l) => l.sort((a, b) => a.docNumber!.serial - b.docNumber!.serial));
}

const dateLineOf = (d: Document): number => d.dateLine ?? d.signature?.line ?? d.docNumber!.line;

/** A 文号 dated before the 文号 printed before it in its series (compared with the nearest lower serial). */
export function checkSeriesDates(input: CheckInput): Anomaly[] {
  const out: Anomaly[] = [];
  for (const list of series(input.documents)) {
    let prev: Document | undefined;
    for (const d of list) {
      if (d.date === null) continue;
      if (prev && d.docNumber!.serial > prev.docNumber!.serial && d.date < prev.date!) {
        const ln = dateLineOf(d);
        out.push(
          anomaly('DOCNUMBER_DATE_ORDER', {
            message: `${d.docNumber!.normalized} is dated ${d.date}, before ${prev.docNumber!.normalized} (line ${prev.docNumber!.line}), dated ${prev.date}`,
            line: ln,
            column: Math.max(1, (input.lines.get(ln - 1) ?? '').search(/\S/) + 1),
            evidence: input.lines.get(ln - 1) ?? '',
            documentId: d.id,
          }),
        );
      }
      if (!prev || d.docNumber!.serial !== prev.docNumber!.serial) prev = d;
    }
  }
  return out;
}

/** Fewest numbers a series must print, and the largest share of its range it may miss, to count as dense. */
const DENSE_MIN = 5;
const DENSE_MISSING = 0.2;

/**
 * A dense series of 文号 that skips numbers. An issue prints a selection of what its
 * issuers sent out, so a gap means something only in a series printed nearly whole: at
 * least DENSE_MIN numbers, and at most DENSE_MISSING of the range from its lowest to its
 * highest number missing. One anomaly per series, at the first number after a gap.
 */
export function checkSeriesGaps(input: CheckInput): Anomaly[] {
  const out: Anomaly[] = [];
  for (const list of series(input.documents)) {
    const serials = [...new Set(list.map((d) => d.docNumber!.serial))];
    const range = serials[serials.length - 1]! - serials[0]! + 1;
    const missing: number[] = [];
    let after: Document | undefined;
    for (let k = 1; k < serials.length; k++) {
      if (serials[k]! - serials[k - 1]! === 1) continue;
      after ??= list.find((d) => d.docNumber!.serial === serials[k]);
      for (let s = serials[k - 1]! + 1; s < serials[k]! && missing.length <= range; s++) missing.push(s);
    }
    if (!after || serials.length < DENSE_MIN || missing.length > range * DENSE_MISSING) continue;
    const dn = after.docNumber!;
    const name = (s: number): string => `${dn.issuer}〔${dn.year}〕${s}号`;
    out.push(
      anomaly('DOCNUMBER_SERIES_GAP', {
        message: `the issue prints ${serials.length} numbers of the series ${name(serials[0]!)}…${name(serials[serials.length - 1]!)} but not ${missing.map(name).join(', ')}`,
        line: dn.line,
        column: dn.column,
        evidence: input.lines.get(dn.line - 1) ?? '',
        documentId: after.id,
      }),
    );
  }
  return out;
}
