import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from './catalogue.js';
import { documentOfLine, inTable, type CheckInput } from './common.js';
import { isHan } from '../read/text.js';

/** Shortest repeated unit, in Han characters, that counts as duplicated text. */
const MIN_HAN = 4;
/** Window of the rolling hash; a unit is at least this long. */
const WINDOW = 4;
/** Longest unit looked for inside a line. */
const MAX_UNIT = 400;

function hanCount(s: string): number {
  let n = 0;
  for (const ch of s) if (isHan(ch)) n++;
  return n;
}

/**
 * A unit repeated back to back inside a string ("甲乙丙丁：甲乙丙丁："): returns the index
 * of the second copy and the unit, or null. One pass with a rolling hash of WINDOW
 * characters, keeping only the last position of each hash; a candidate is verified by
 * comparing the two copies, and a verified one ends the search. Linear in practice.
 */
export function findTandem(s: string): { index: number; unit: string } | null {
  const n = s.length;
  if (n < 2 * WINDOW) return null;
  const last = new Map<number, number>();
  const B = 1_000_003;
  const M = 2_147_483_647;
  let pow = 1;
  for (let k = 1; k < WINDOW; k++) pow = (pow * B) % M;
  let h = 0;
  for (let k = 0; k < WINDOW; k++) h = (h * B + s.charCodeAt(k)) % M;
  for (let i = 0; ; i++) {
    const j = last.get(h);
    if (j !== undefined) {
      const p = i - j;
      if (p >= WINDOW && p <= MAX_UNIT && i + p <= n && s.startsWith(s.slice(j, i), i)) {
        const unit = s.slice(j, i);
        if (hanCount(unit) >= MIN_HAN && new Set(unit).size > 2) return { index: i, unit };
      }
    }
    last.set(h, i);
    if (i + WINDOW >= n) break;
    h = (h - ((s.charCodeAt(i) * pow) % M) + M) % M;
    h = (h * B + s.charCodeAt(i + WINDOW)) % M;
  }
  return null;
}

/**
 * Text repeated back to back outside tables: a line identical to the line before it
 * (blank lines between them allowed), or a phrase written twice in a row within a line.
 */
export function checkRepeats(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const out: Anomaly[] = [];
  const docOf = documentOfLine(input.documents, lines.length);
  let prev: { text: string; line: number } | null = null;
  for (let ln = 1; ln <= lines.length; ln++) {
    const line = lines[ln - 1]!;
    const t = line.trim();
    if (t === '') continue;
    if (inTable(line)) { prev = null; continue; }
    const documentId = docOf[ln];
    if (prev && prev.text === t && hanCount(t) >= MIN_HAN) {
      out.push(anomaly('TEXT_REPEATED', {
        message: `the line repeats line ${prev.line}`,
        line: ln, column: line.indexOf(t) + 1, evidence: line,
        ...(documentId !== undefined ? { documentId } : {}),
      }));
    } else {
      const r = hanCount(t) >= 2 * MIN_HAN ? findTandem(line) : null;
      if (r) {
        out.push(anomaly('TEXT_REPEATED', {
          message: `«${r.unit}» is written twice in a row`,
          line: ln, column: r.index + 1, evidence: line,
          ...(documentId !== undefined ? { documentId } : {}),
        }));
      }
    }
    prev = { text: t, line: ln };
  }
  return out;
}
