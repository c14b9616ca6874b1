// Arrays that hot code indexes keep one shape when V8 optimises the code that makes them
// (src/model/packed.ts). V8's own tiers are looked at through its natives syntax
// (`%HasHoleyElements`, `%HaveSameMap`), in a child process started with the flag.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mapPacked, packed } from '../src/model/packed.js';
import { probe } from './helpers/probe.js';

/** Runs an ES module with V8's natives syntax and `flags` (tests/helpers/probe.ts). */
const natives = (code: string, flags: string[] = [], modules: Record<string, string> = {}): unknown =>
  probe(code, ['--allow-natives-syntax', ...flags], modules);

describe('mapPacked and packed', () => {
  it('give what map and fill give', () => {
    const xs = ['a', 'bb', 'ccc'];
    expect(mapPacked(xs, (x, i) => `${i}:${x.length}`)).toEqual(xs.map((x, i) => `${i}:${x.length}`));
    expect(mapPacked([], () => 1)).toEqual([]);
    expect(packed(3, false)).toEqual([false, false, false]);
    expect(packed(0, 1)).toEqual([]);
  });

  it('make packed arrays of one hidden class in the interpreter and in optimised code, where map does not, and no larger', () => {
    const code = `import { mapPacked } from './packed.mjs';
const viaMap = (a) => a.map((x, j) => j < 3 && x > 1);
const viaHelper = (a) => mapPacked(a, (x, j) => j < 3 && x > 1);
const out = {};
for (const [name, f] of Object.entries({ viaMap, viaHelper })) {
  const a = [1, 2, 3, 4, 5];
  %PrepareFunctionForOptimization(f);
  const early = f(a);
  f(a);
  %OptimizeFunctionOnNextCall(f);
  const late = f(a);
  out[name] = { earlyHoley: %HasHoleyElements(early), lateHoley: %HasHoleyElements(late), sameMap: %HaveSameMap(early, late) };
}
// heap bytes per array of five, as each makes it (arrays grown by push hold 17 slots at least);
// measured in a call of its own, so that no frame keeps the arrays of the one before alive
function bytesPerArray(f) {
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  let keep = [];
  for (let i = 0; i < 100000; i++) keep.push(f([1, 2, 3, 4, 5]));
  globalThis.gc();
  const bytes = (process.memoryUsage().heapUsed - before) / keep.length;
  keep = null;
  return bytes;
}
const bytes = { viaMap: bytesPerArray(viaMap), viaHelper: bytesPerArray(viaHelper) };
console.log(JSON.stringify({ ...out, bytes }));
`;
    const r = natives(code, ['--expose-gc'], { 'packed.mjs': 'src/model/packed.ts' }) as Record<
      string,
      { earlyHoley: boolean; lateHoley: boolean; sameMap: boolean }
    > & {
      bytes: Record<string, number>;
    };
    expect(r.viaHelper).toEqual({ earlyHoley: false, lateHoley: false, sameMap: true });
    expect(r.bytes.viaHelper).toBeGreaterThan(40);
    expect(r.bytes.viaHelper!).toBeLessThanOrEqual(r.bytes.viaMap! * 1.1);
    // Why the helper exists: TurboFan's inlined map makes a holey array. When this fails, V8
    // no longer does, and src/model/packed.ts's mapPacked can become map again.
    expect(r.viaMap).toEqual({ earlyHoley: false, lateHoley: true, sameMap: false });
  });
});

describe('the arrays of a parse', () => {
  it('keep their hidden class once the code that makes them is optimised', () => {
    // A small interrupt budget and synchronous compiles: the parser is optimised within the
    // 30 parses, every time. With map, all 527 arrays of the sample's tables (rows, cells,
    // columns, fragments) and its sluices' rings turned holey. An empty array may still
    // change: V8 learns the kind of what a literal's arrays come to hold (notes, attachments).
    const lib = pathToFileURL(resolve('dist/index.js')).href;
    const sample = resolve('samples/changning-2023-02.txt');
    const code = `
import { readFileSync } from 'node:fs';
const { parseIssue } = await import(${JSON.stringify(lib)});
const bytes = readFileSync(${JSON.stringify(sample)});
const arrays = (v, path, out) => {
  if (Array.isArray(v)) {
    out.push([path, v]);
    v.forEach((x) => arrays(x, path + '[]', out));
  } else if (v && typeof v === 'object') for (const k of Object.keys(v)) arrays(v[k], path + '.' + k, out);
  return out;
};
const first = arrays(parseIssue(bytes), '', []);
let last = first;
for (let i = 0; i < 30; i++) last = arrays(parseIssue(bytes), '', []);
const changed = new Set();
for (let i = 0; i < last.length; i++) {
  const [path, a] = last[i];
  const b = first[i][1];
  if ((%HasHoleyElements(a) && !%HasHoleyElements(b)) || (a.length > 0 && !%HaveSameMap(a, b))) changed.add(path);
}
console.log(JSON.stringify({ arrays: last.length, paths: first.map(([p]) => p).join() === last.map(([p]) => p).join(), tables: last.filter(([p]) => p.startsWith('.tables')).length, changed: [...changed] }));
`;
    const r = natives(code, ['--interrupt-budget=10000', '--no-concurrent-recompilation']) as {
      arrays: number;
      paths: boolean;
      tables: number;
      changed: string[];
    };
    expect(r.paths).toBe(true);
    expect(r.tables).toBeGreaterThan(500);
    expect(r.changed).toEqual([]);
  }, 60_000);
});
