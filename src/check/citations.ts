import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { isStandardDocNumber, MAX_CUT_GAP } from '../core/patterns.js';
import type { CheckInput } from './common.js';
import type { Lines } from '../model/lines.js';

/**
 * 文号 cited in the text (the structure's citations: 根据《…》（沪某办(2023)6号）) that are
 * not in the standard form 机关代字〔年份〕序号号: round, square or lenticular brackets for
 * 〔〕, full-width digits, spaces. One anomaly per citation (each is a place of its own),
 * at its line and column; a 文号 cut by a line or page break gives the line where it ends
 * as `endLine`. The document's own 文号 is checked by the structure (DOCNUMBER_NONSTANDARD).
 * Linear in the number of citations.
 */
export function checkCitedNumbers(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const out: Anomaly[] = [];
  for (const c of input.structure.citations) {
    if (c.kind !== 'docNumber' || c.normalized === null || isStandardDocNumber(c.text)) continue;
    const line = lines.get(c.line - 1) ?? '';
    const endLine = line.startsWith(c.text, c.column - 1) ? c.line : lineOfEnd(lines, c.line, c.text);
    const cut = endLine !== c.line ? ` (cut by a break: it ends on line ${endLine})` : '';
    out.push(
      anomaly('DOCNUMBER_CITED_NONSTANDARD', {
        message: `cited 文号 ${c.text} is not in the standard form ${c.normalized}${cut}`,
        line: c.line,
        column: c.column,
        endLine,
        evidence: line,
        ...(c.documentId !== null ? { documentId: c.documentId } : {}),
      }),
    );
  }
  return out;
}

/** The line, after `ln`, on which the rest of a 文号 cut at the end of line `ln` stands (blank lines between). */
function lineOfEnd(lines: Lines, ln: number, text: string): number {
  let j = ln + 1;
  while (j <= lines.length && j - ln <= MAX_CUT_GAP && lines.get(j - 1)!.trim() === '') j++;
  return j <= lines.length && lines.get(j - 1)!.includes(text.slice(-2)) ? j : ln;
}
