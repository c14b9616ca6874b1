import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { toHalfWidth } from '../read/text.js';
import type { CheckInput } from './common.js';
import { diffChars, formatDiff } from './diff.js';
import type { Lines } from '../model/lines.js';

/**
 * The title an attachment is declared with (附件：1. …) against its heading where it
 * begins. What is not a difference: spaces, bracket and quotation-mark width, the kind of
 * dash (2023-2025 / 2023—2025), a placeholder the heading of a template carries (XXXXX),
 * and a heading wrapped over lines (某某工作评价标准 / (试行)).
 */
const PLACEHOLDER = /[XxＸｘ×]{3,}/g;

/** The title as compared: half-width, no spaces, one dash, one quotation mark, no placeholder. */
export function titleKey(s: string): string {
  return toHalfWidth(s)
    .replace(PLACEHOLDER, '')
    .replace(/\s+/g, '')
    .replace(/[-–—―~～−]+/g, '-')
    .replace(/[“”"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[〔［【]/g, '[')
    .replace(/[〕］】]/g, ']')
    .replace(/[《〈]/g, '<')
    .replace(/[》〉]/g, '>');
}

/** Does the heading, read on over up to `extra` more non-blank lines after line `from`, say `want`? */
function headingWraps(lines: Lines, from: number, want: string, extra = 3): boolean {
  let acc = '';
  let taken = 0;
  for (let ln = from; ln <= lines.length && taken <= extra && ln < from + 12; ln++) {
    const t = lines.get(ln - 1)!.trim();
    if (t === '') continue;
    if (t.startsWith('|')) return false;
    acc += t;
    taken++;
    const k = titleKey(acc);
    if (k === want) return true;
    if (!want.startsWith(k)) return false;
  }
  return false;
}

export function checkAttachmentTitles(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const out: Anomaly[] = [];
  for (const d of input.documents)
    for (const a of d.attachments) {
      if (a.declaredTitle === null || a.title === null || a.startLine === null || a.declaredLine === null) continue;
      const want = titleKey(a.declaredTitle);
      if (want === '' || titleKey(a.title) === want) continue;
      let head = a.startLine + 1;
      while (head <= lines.length && lines.get(head - 1)!.trim() === '') head++;
      if (headingWraps(lines, head, want)) continue;
      out.push(
        anomaly('ATTACHMENT_TITLE_MISMATCH', {
          message: `附件${a.index ?? ''} is declared (line ${a.declaredLine}) with another title than its heading: ${formatDiff(diffChars(a.declaredTitle, a.title), 8)}`,
          line: head <= lines.length ? head : a.startLine,
          column: Math.max(1, (lines.get(head - 1) ?? '').search(/\S/) + 1),
          evidence: lines.get(head - 1) ?? '',
          documentId: d.id,
        }),
      );
    }
  return out;
}
