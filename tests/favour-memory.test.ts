/**
 * How the CLI asks V8 to hold its heap small on large inputs (src/cli/io.ts): nothing up to
 * LARGE_INPUT, a young generation that does not grow and an old generation grown by 1.2×
 * above it (SMALL_HEAP_FLAGS), --optimize-for-size from HUGE_INPUT on. The peak RSS each
 * keeps within the budget is measured by `npm run bench:adversarial`.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { HUGE_INPUT, LARGE_INPUT, SMALL_HEAP_FLAGS, heapFlagsFor } from '../src/cli/io.js';
import { probe } from './helpers/probe.js';
import { SAMPLE_PATH } from './helpers/sample.js';

it('keeps V8’s defaults up to 4 MiB, a small heap above, --optimize-for-size from 128 MiB', () => {
  expect([LARGE_INPUT, HUGE_INPUT]).toEqual([4 << 20, 128 << 20]);
  expect(SMALL_HEAP_FLAGS).toEqual(['--semi-space-growth-factor=1', '--heap-growing-percent=20']);
  expect(heapFlagsFor(320_000)).toEqual([]);
  expect(heapFlagsFor(LARGE_INPUT)).toEqual([]);
  expect(heapFlagsFor(LARGE_INPUT + 1)).toEqual(SMALL_HEAP_FLAGS);
  expect(heapFlagsFor(HUGE_INPUT - 1)).toEqual(SMALL_HEAP_FLAGS);
  expect(heapFlagsFor(HUGE_INPUT)).toEqual(['--optimize-for-size']);
});

it('readInput of a large file sets them: the young generation then stays at its first size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gb-favour-'));
  try {
    const large = join(dir, 'large.txt');
    writeFileSync(large, '');
    truncateSync(large, LARGE_INPUT + 1); // sparse: no disk used
    // After reading `file`, objects that survive (as a parse's do) are made; the young
    // generation's size is read from V8 (V8 doubles it as long as much survives).
    const youngAfter = (file: string): number =>
      probe(
        `import { readInput } from './io.mjs';
import { getHeapSpaceStatistics } from 'node:v8';
readInput(${JSON.stringify(file)});
const kept = [];
for (let i = 0; i < 400_000; i++) kept.push({ i, s: 'x' + i });
const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(JSON.stringify(young.space_size));`,
        [],
        { 'io.mjs': resolve('src/cli/io.ts') },
      ) as number;
    const small = youngAfter(SAMPLE_PATH);
    const held = youngAfter(large);
    expect(small).toBeGreaterThanOrEqual(8 << 20);
    expect(held).toBeLessThanOrEqual(2 << 20);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
