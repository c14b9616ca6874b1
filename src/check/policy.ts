import type { Anomaly, Severity } from '../model/anomaly.js';
import { CATALOGUE, type Code } from '../model/catalogue.js';
import { append } from '../model/result.js';

/**
 * What a CI job decides about anomalies: per-rule severities (or off), the level that
 * fails the run, and a baseline of anomalies already known. Pure functions over plain
 * data; the CLI reads them from flags and `.gongbaorc.json`.
 */
export type RuleLevel = Severity | 'off';
export type FailOn = Severity | 'never';

export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export function isCode(code: string): code is Code {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, code);
}

/** Parses `CODE=level`; throws an Error with a message for the user when it is not valid. */
export function parseRuleFlag(flag: string): [Code, RuleLevel] {
  const eq = flag.indexOf('=');
  const code = (eq < 0 ? flag : flag.slice(0, eq)).trim();
  const level = eq < 0 ? '' : flag.slice(eq + 1).trim();
  if (!isCode(code)) throw new Error(`--rule ${flag}: unknown rule ${code || '(empty)'} (gongbao rules lists them)`);
  if (!(RULE_LEVELS as readonly string[]).includes(level))
    throw new Error(`--rule ${flag}: level must be one of ${RULE_LEVELS.join(', ')}`);
  return [code, level as RuleLevel];
}

/** Anomalies with the severities of `rules` applied; rules set to `off` drop theirs. */
export function applyRules(anomalies: readonly Anomaly[], rules: ReadonlyMap<string, RuleLevel>): Anomaly[] {
  if (rules.size === 0) return [...anomalies];
  const out: Anomaly[] = [];
  for (const a of anomalies) {
    const level = rules.get(a.code);
    if (level === 'off') continue;
    out.push(level === undefined || level === a.severity ? a : { ...a, severity: level });
  }
  return out;
}

/** The effective level of a rule: its override, else its catalogue severity. */
export function ruleLevel(code: Code, rules: ReadonlyMap<string, RuleLevel>): RuleLevel {
  return rules.get(code) ?? CATALOGUE[code].severity;
}

/** At or above the fail-on level. */
export function fails(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}

export function countBySeverity(anomalies: readonly Anomaly[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const a of anomalies) c[a.severity]++;
  return c;
}

/**
 * Counts by severity as every summary writes them: `1 error, 30 warnings, 40 info`
 * (info is a mass noun). `paint` colours each part (the text report on a terminal).
 */
export function severityCounts(n: Record<Severity, number>, paint: Partial<Record<Severity, (s: string) => string>> = {}): string {
  const id = (s: string): string => s;
  return [
    (paint.error ?? id)(`${n.error} ${n.error === 1 ? 'error' : 'errors'}`),
    (paint.warning ?? id)(`${n.warning} ${n.warning === 1 ? 'warning' : 'warnings'}`),
    (paint.info ?? id)(`${n.info} info`),
  ].join(', ');
}

/**
 * The identity of an anomaly across edits of the file: code, document and evidence (the
 * source text), not the line, so that text added or removed elsewhere does not make a
 * known anomaly look new. Whitespace at the ends of the evidence does not count.
 */
export function baselineKey(a: Pick<Anomaly, 'code' | 'evidence'> & { documentId?: string | null }): string {
  return `${a.code}\u0000${a.documentId ?? ''}\u0000${a.evidence.trim()}`;
}

/** A multiset of baseline keys: an anomaly known twice hides two current ones. */
export class Baseline {
  private readonly counts = new Map<string, number>();

  constructor(anomalies: Iterable<Pick<Anomaly, 'code' | 'evidence'> & { documentId?: string | null }>) {
    for (const a of anomalies) {
      const k = baselineKey(a);
      this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    }
  }

  get size(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  /** The anomalies not in the baseline (each baseline entry absorbs one match). */
  filter(anomalies: readonly Anomaly[]): Anomaly[] {
    const left = new Map(this.counts);
    return anomalies.filter((a) => {
      const k = baselineKey(a);
      const n = left.get(k) ?? 0;
      if (n === 0) return true;
      left.set(k, n - 1);
      return false;
    });
  }

  /**
   * Reads a baseline from an earlier report: gongbao's json report (`files[].anomalies`),
   * an Issue (`anomalies`) or a bare array of anomalies. Throws an Error when the data is
   * none of these.
   */
  static fromJson(data: unknown): Baseline {
    const list: unknown[] = [];
    const take = (xs: unknown): void => {
      if (!Array.isArray(xs)) throw new Error('no anomaly list found');
      append(list, xs);
    };
    if (Array.isArray(data)) take(data);
    else if (data && typeof data === 'object' && Array.isArray((data as { files?: unknown }).files)) {
      for (const f of (data as { files: unknown[] }).files) {
        if (f && typeof f === 'object' && Array.isArray((f as { anomalies?: unknown }).anomalies))
          take((f as { anomalies: unknown }).anomalies);
      }
    } else if (data && typeof data === 'object' && 'anomalies' in data) take((data as { anomalies: unknown }).anomalies);
    else throw new Error('not a gongbao json report (expected files[].anomalies)');
    const entries = list.map((x, i) => {
      const a = x as { code?: unknown; evidence?: unknown; documentId?: unknown };
      if (typeof a?.code !== 'string' || typeof a.evidence !== 'string') throw new Error(`anomaly ${i + 1} lacks code or evidence`);
      return { code: a.code, evidence: a.evidence, documentId: typeof a.documentId === 'string' ? a.documentId : null };
    });
    return new Baseline(entries);
  }
}
