/**
 * Work counters: the steps (items compared, lines or characters visited) of the passes
 * whose cost could grow faster than the input — one list compared with another, a rescan
 * per finding. tests/linear.test.ts parses the sample 1×, 10× and 50× over and fails when
 * a count grows faster than the input, which no timing could show reliably.
 *
 * Off unless a test turns it on; a pass tallies once per loop, not per step, so the cost
 * when off is one test of a boolean.
 */
export const work: { on: boolean; counts: Map<string, number> } = { on: false, counts: new Map() };

/** Adds `steps` to the count of `pass` (when counting is on). */
export function tally(pass: string, steps: number): void {
  if (work.on) work.counts.set(pass, (work.counts.get(pass) ?? 0) + steps);
}

/** Runs `f` with counting on; returns the counts by pass. */
export function countWork(f: () => void): Map<string, number> {
  const saved = work.on;
  work.on = true;
  work.counts = new Map();
  try {
    f();
    return work.counts;
  } finally {
    work.on = saved;
  }
}
