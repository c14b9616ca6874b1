/** core/sequence.ts: the longest ordered subsequence shared by the order checks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longestNonDecreasing } from '../src/core/sequence.js';
import { fcParams } from './fuzz-helpers.js';

/** The strictly increasing variant the sluice order check used to have (kept as the reference). */
function strictlyIncreasing(keys: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(keys.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]!]! < keys[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

const sorted = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);

describe('longestNonDecreasing', () => {
  it('keeps the longest ordered run and flags the fewest items', () => {
    expect(sorted(longestNonDecreasing([]))).toEqual([]);
    expect(sorted(longestNonDecreasing([1, 2, 3]))).toEqual([0, 1, 2]);
    expect(sorted(longestNonDecreasing([2, 1, 3]))).toEqual([1, 2]);
    expect(sorted(longestNonDecreasing([1, 5, 2, 3, 4]))).toEqual([0, 2, 3, 4]);
    expect(sorted(longestNonDecreasing(['2023-01', '2023-03', '2023-02']))).toEqual([0, 2]);
  });

  it('equal values extend a run (dates of the same day, repeated TOC ordinals)', () => {
    expect(sorted(longestNonDecreasing([1, 1, 1]))).toEqual([0, 1, 2]);
    expect(sorted(strictlyIncreasing([1, 1, 1]))).toEqual([2]);
  });

  it('on distinct values: the same indices as the strictly increasing version, ties broken alike', () => {
    // The sluice order check (keys: lines of summary rows, all distinct) moved from its own
    // strictly increasing copy to this function; with no equal values every comparison is the same.
    expect(sorted(longestNonDecreasing([3, 1, 2, 0]))).toEqual(sorted(strictlyIncreasing([3, 1, 2, 0])));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), (keys) => {
        expect(sorted(longestNonDecreasing(keys))).toEqual(sorted(strictlyIncreasing(keys)));
      }),
      fcParams(500),
    );
  });
});
