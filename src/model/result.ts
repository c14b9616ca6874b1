import type { Anomaly } from './anomaly.js';

/**
 * What every stage returns: its value plus the anomalies it noticed (mammoth.js's
 * `Result {value, messages}`). Nothing throws on irregular input.
 */
export interface Result<T> {
  value: T;
  anomalies: Anomaly[];
}

/**
 * Appends `items` to `target` in a loop. `target.push(...items)` passes every item as an
 * argument and overflows the stack past about 100 000 of them (a table with HTML in every
 * cell, a flood of anomalies).
 */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}

/** A value with the anomalies noticed on the way (none by default). */
export function ok<T>(value: T, anomalies: Anomaly[] = []): Result<T> {
  return { value, anomalies };
}

/** The value transformed; the anomalies kept. */
export function map<T, U>(r: Result<T>, f: (value: T) => U): Result<U> {
  return { value: f(r.value), anomalies: r.anomalies };
}

/** The next stage run on the value; the anomalies of both, in order. */
export function flatMap<T, U>(r: Result<T>, f: (value: T) => Result<U>): Result<U> {
  const next = f(r.value);
  return { value: next.value, anomalies: r.anomalies.length ? append(r.anomalies.slice(), next.anomalies) : next.anomalies };
}

/** Several results as one: their values in order, all their anomalies. */
export function combine<T>(results: readonly Result<T>[]): Result<T[]> {
  const value: T[] = [];
  const anomalies: Anomaly[] = [];
  for (const r of results) {
    value.push(r.value);
    append(anomalies, r.anomalies);
  }
  return { value, anomalies };
}
