// Work, not time: how many lines the stages read on a text of tiny ASCII lines (`yes`).
// Kept as an array, every stage reads every line; sliced, the stages that look only at
// lines holding CJK text, a pipe, a tab, a space or markup jump over them (Lines.nextWith).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forceLineMode, Lines } from '../src/read/lines.js';
import { parseIssue } from '../src/parse.js';

afterEach(() => {
  forceLineMode(undefined);
  vi.restoreAllMocks();
});

/** Lines read (Lines.get) by a parse of `text`, its lines kept (true) or sliced (false). */
function linesRead(text: string, keep: boolean): number {
  forceLineMode(keep);
  const get = vi.spyOn(Lines.prototype, 'get');
  parseIssue(text);
  const n = get.mock.calls.length;
  get.mockRestore();
  return n;
}

describe('a text of tiny ASCII lines', () => {
  it('sliced, the stages read its lines a few times in all, not once each', () => {
    const n = 20_000;
    const text = 'y\n'.repeat(n);
    const kept = linesRead(text, true);
    const sliced = linesRead(text, false);
    // measured: 14 reads a line kept, 7 sliced (the brackets check, the paragraph-break
    // finder and a few checks of punctuation still read every line; the table scanners, the
    // people and the structure reader find the lines they want by a native search of the
    // text in both modes)
    expect(kept).toBeGreaterThan(10 * n);
    expect(sliced).toBeLessThan(12 * n);
    expect(sliced).toBeLessThan(kept * 0.6);
  });
});
