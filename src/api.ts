import { parseSource, type ParseOptions } from './parse.js';
import type { Issue } from './model/issue.js';
import type { Anomaly, Severity } from './model/anomaly.js';
import { applyRules, Baseline, countBySeverity, fails, parseRuleFlag, type FailOn, type RuleLevel } from './check/policy.js';
import { buildExport, type ExportOptions } from './write/export.js';
import { checkOutDir, writeFiles } from './write/folder.js';

export interface ExportIssueOptions extends ParseOptions, Omit<ExportOptions, 'lines'> {
  /** Write into a non-empty folder, replacing files of the same name. */
  force?: boolean;
}

/**
 * Parses an issue (text or bytes) and writes its export folder, as `gongbao export` does.
 * Refuses a non-empty folder without `force`; every file is written through a temporary
 * file renamed into place. Resolves to the issue and the paths written.
 */
export async function exportIssue(
  input: string | Uint8Array,
  dir: string,
  options: ExportIssueOptions = {},
): Promise<{ issue: Issue; files: string[] }> {
  checkOutDir(dir, options.force);
  const { issue, lines, fileLines } = parseSource(input, options);
  const files = await buildExport(issue, { ...options, lines, ...(fileLines ? { fileLines } : {}) });
  return { issue, files: await writeFiles(dir, files) };
}

export interface ValidateIssueOptions extends ParseOptions {
  /** Rule levels by code: off, info, warning or error (as `--rule` and `.gongbaorc.json`). */
  rules?: Record<string, RuleLevel>;
  /** The least severity that makes the status 1 (default error). */
  failOn?: FailOn;
  /** An earlier report (json report, Issue or anomaly list): its anomalies are not reported again. */
  baseline?: unknown;
}

export interface Validation {
  /** The anomalies that count, after rule levels and the baseline. */
  anomalies: Anomaly[];
  counts: Record<Severity, number>;
  /** 1 when an anomaly reaches failOn, else 0 — the exit status of `gongbao validate`. */
  status: 0 | 1;
}

/**
 * Checks an issue (text, bytes, or an Issue already parsed) the way `gongbao validate`
 * does: rule levels, baseline, fail-on. Throws InputError for unreadable input, and an
 * Error for an unknown rule code or level.
 */
export function validateIssue(input: string | Uint8Array | Issue, options: ValidateIssueOptions = {}): Validation {
  const issue = typeof input === 'string' || input instanceof Uint8Array ? parseSource(input, options).issue : input;
  const rules = new Map<string, RuleLevel>();
  for (const [code, level] of Object.entries(options.rules ?? {})) {
    const [c, l] = parseRuleFlag(`${code}=${level}`);
    rules.set(c, l);
  }
  let anomalies = applyRules(issue.anomalies, rules);
  if (options.baseline !== undefined) anomalies = Baseline.fromJson(options.baseline).filter(anomalies);
  const failOn = options.failOn ?? 'error';
  return { anomalies, counts: countBySeverity(anomalies), status: anomalies.some((a) => fails(a.severity, failOn)) ? 1 : 0 };
}
