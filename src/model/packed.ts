/**
 * Arrays of one shape in every tier of V8. `Array.prototype.map` run by the builtin makes a
 * packed array, but once the function calling it is optimised, TurboFan inlines `map` and
 * makes a holey one: another hidden class. Code already optimised over the packed arrays then
 * deoptimises ("wrong map") at its first holey one and is compiled again, polymorphic. Arrays
 * that other hot code indexes (a table's rows, cells and column flags, a sluice's rings and
 * stakes) are made here instead; tests/packed.test.ts checks their shape and size.
 */

/**
 * `xs.map(f)`, packed whichever tier runs it: a copy of `xs` (`slice` keeps a packed array
 * packed in every tier, and exactly as long) with each element replaced. Not `push` onto `[]`:
 * a grown array holds 17 slots at least (a 64 MB issue's parse peaked ~20 MB higher), nor
 * `Array.from({ length })`, which TurboFan does not inline (~20× slower than map).
 */
export function mapPacked<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out = xs.slice() as unknown[] as U[];
  for (let i = 0; i < out.length; i++) out[i] = f(xs[i]!, i);
  return out;
}

/** An array of n times v, packed (`new Array(n).fill(v)` makes a holey one). */
export function packed<T>(n: number, v: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(v);
  return out;
}
