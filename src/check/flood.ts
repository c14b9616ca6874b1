/**
 * Floods of one anomaly. Damaged or machine-made text can repeat one irregularity on
 * thousands of lines (every line holds U+FFFD, a page-split table of 50 000 fragments,
 * HTML in every cell of a column). Listing each one makes a report nobody reads, and an
 * output many times the size of the input. A run of at least FLOOD anomalies of one code
 * in one document, each within GAP lines of the one before it, becomes its first anomaly,
 * with the run's last line as `endLine` and the count in the message. Every line of the
 * run stays covered by the range; a shorter run is left as it is.
 */
import type { Anomaly } from '../model/anomaly.js';

export const FLOOD = 100;
const GAP = 8;

/** `sorted` must be in line order; returns a new list in the same order. */
export function collapseFloods(sorted: readonly Anomaly[]): Anomaly[] {
  if (sorted.length < FLOOD) return sorted.slice();
  // Runs per code and document, found in one pass: the open run of each code and document.
  type Run = { first: number; last: number; lastLine: number; count: number };
  const open = new Map<string, Map<string | undefined, Run>>();
  const replace = new Map<number, Anomaly>();
  const drop = new Uint8Array(sorted.length);
  const close = (run: Run): void => {
    if (run.count < FLOOD) return;
    // members are marked when the run closes; the first one stands for them all
    const a = sorted[run.first]!;
    let n = 0;
    for (let i = run.first + 1; i <= run.last; i++) {
      if (drop[i] === 0 && sorted[i]!.code === a.code && sorted[i]!.documentId === a.documentId) {
        drop[i] = 1;
        n++;
      }
    }
    replace.set(run.first, {
      ...a,
      message: `${a.message} (and ${n} more like it on the lines up to ${run.lastLine}: a run of ${n + 1}, reported once)`,
      endLine: run.lastLine,
    });
  };
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    let runs = open.get(a.code);
    if (!runs) open.set(a.code, (runs = new Map()));
    const run = runs.get(a.documentId);
    const end = a.endLine ?? a.line;
    if (run && a.line - run.lastLine <= GAP) {
      run.last = i;
      run.lastLine = Math.max(run.lastLine, end);
      run.count++;
      continue;
    }
    if (run) close(run);
    runs.set(a.documentId, { first: i, last: i, lastLine: end, count: 1 });
  }
  for (const runs of open.values()) for (const run of runs.values()) close(run);
  if (replace.size === 0) return sorted.slice();
  const out: Anomaly[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (drop[i] !== 0) continue;
    out.push(replace.get(i) ?? sorted[i]!);
  }
  return out;
}
