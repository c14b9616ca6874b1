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
