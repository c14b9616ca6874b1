/**
 * Order within a sequence, for the checks of several floors (TOC vs body, dates, sluice
 * sections vs the summary table): which items keep the order and which stand out of it.
 */

/**
 * Indices (into `values`) of a longest non-decreasing subsequence, O(n log n). Checks of
 * order flag what lies outside it: the fewest items whose move restores the order.
 * Ties: among subsequences of the same length, the one whose items end earliest at each
 * length wins (patience sorting keeps the first index reaching the smallest tail); equal
 * values extend a run. With distinct values it is a longest strictly increasing one.
 */
export function longestNonDecreasing(values: readonly (number | string)[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! <= v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  let k = tails.length ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    keep.add(k);
    k = prev[k]!;
  }
  return keep;
}
