import type { Anomaly } from './anomaly.js';

/**
 * What every stage returns: its value plus the anomalies it noticed (mammoth.js's
 * `Result {value, messages}`). Nothing throws on irregular input.
 */
export interface Result<T> {
  value: T;
  anomalies: Anomaly[];
}
