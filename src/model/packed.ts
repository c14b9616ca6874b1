/**
 * Arrays of one shape in every tier of V8. `Array.prototype.map` run by the builtin makes a
 * packed array, but once the function calling it is optimised, TurboFan inlines `map` and
 * makes a holey one: another hidden class. Code already optimised over the packed arrays then
 * deoptimises ("wrong map") at its first holey one and is compiled again, polymorphic. Arrays
 * that other hot code indexes (a table's rows, cells and column flags, a sluice's rings and
 * stakes) are made here instead, by `push`, which keeps an array packed wherever it runs
 * (tests/packed.test.ts).
 */

/** `xs.map(f)`, packed whichever tier runs it. */
export function mapPacked<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!, i));
  return out;
}

/** An array of n times v, packed (`new Array(n).fill(v)` makes a holey one). */
export function packed<T>(n: number, v: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(v);
  return out;
}
