/**
 * Page furniture that readers blank out of the text the core sees: running heads (the
 * gazette's name or issue line, repeated at every page) and page numbers. Lines stay 1:1
 * with the file: a furniture line becomes empty, marked 1 in `removed`, and each kind is
 * reported once (INPUT_PAGE_FURNITURE) with its count and range.
 */
import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';

/** What a reader blanks furniture in: its lines, their marks and its anomalies. */
export interface FurnitureTarget {
  lines: string[];
  removed: Uint8Array;
  anomalies: Anomaly[];
}

const ISSUE_LINE = /\d{4}\s*年\s*第\s*\d{1,3}\s*期/;

/** The key of a short line naming the gazette (公报, or a 年第N期 issue line), or null: a running head if it repeats. */
export function gazetteLineKey(line: string): string | null {
  const t = line.trim();
  if (t.length === 0 || t.length > 60 || !(t.includes('公报') || ISSUE_LINE.test(t))) return null;
  return t.replace(/\s+/g, ' ');
}

/** Line `i` (0-based) blanked as page furniture. */
export function blankFurniture(r: FurnitureTarget, i: number): void {
  r.lines[i] = '';
  r.removed[i] = 1;
}

/** Lines `at` (0-based, in order) blanked, and reported once with `message`. */
export function removeFurniture(r: FurnitureTarget, at: readonly number[], message: string, evidence: string): void {
  for (const i of at) blankFurniture(r, i);
  r.anomalies.push(anomaly('INPUT_PAGE_FURNITURE', { message, line: at[0]! + 1, endLine: at[at.length - 1]! + 1, evidence }));
}

/** Running heads: the same gazette line (by its key) at least three times. */
export function removeRunningHeads(
  r: FurnitureTarget,
  heads: ReadonlyMap<string, readonly number[]>,
  evidenceAt: (i: number) => string,
): void {
  for (const [key, at] of heads) {
    if (at.length >= 3) removeFurniture(r, at, `running head "${key}" removed from the text: ${at.length} times`, evidenceAt(at[0]!));
  }
}
