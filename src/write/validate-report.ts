import type { Anomaly, Severity } from '../model/anomaly.js';
import { STDIN_LABEL, STDIN_NAME } from '../read/errors.js';
import type { FailOn, RuleLevel } from '../check/policy.js';
import { countBySeverity, fails } from '../check/policy.js';

/** One checked file: its anomalies (after rule levels and baseline), or why it could not be read. */
export interface FileResult {
  /** The path as given on the command line; `-` for standard input. */
  file: string;
  anomalies: Anomaly[];
  /** Set when the file could not be read: the message, and no anomalies. */
  error?: string;
  /** Titles of the documents, by id, for headings in the text report. */
  titles?: Record<string, string>;
  /** Anomalies hidden because the baseline knows them. */
  baselined?: number;
}

/** Everything `gongbao validate` found, for every output format. */
export interface ValidationReport {
  version: string;
  failOn: FailOn;
  /** Rule levels that differ from the catalogue (from --rule and the config file). */
  rules: Record<string, RuleLevel>;
  files: FileResult[];
}

export type Counts = Record<Severity, number> & { total: number; files: number; unreadable: number; baselined: number };

export function reportCounts(r: ValidationReport): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, total: 0, files: r.files.length, unreadable: 0, baselined: 0 };
  for (const f of r.files) {
    if (f.error !== undefined) c.unreadable++;
    c.baselined += f.baselined ?? 0;
    const s = countBySeverity(f.anomalies);
    c.error += s.error;
    c.warning += s.warning;
    c.info += s.info;
  }
  c.total = c.error + c.warning + c.info;
  return c;
}

/** Exit status of one file: 2 unreadable, 1 an anomaly at or above failOn, else 0. */
export function fileStatus(f: FileResult, failOn: FailOn): 0 | 1 | 2 {
  if (f.error !== undefined) return 2;
  return f.anomalies.some((a) => fails(a.severity, failOn)) ? 1 : 0;
}

/** The worst status of all files. */
export function reportStatus(r: ValidationReport): 0 | 1 | 2 {
  let s: 0 | 1 | 2 = 0;
  for (const f of r.files) s = Math.max(s, fileStatus(f, r.failOn)) as 0 | 1 | 2;
  return s;
}

/** The json format: the anomaly list of every file plus counts. Also read back by --baseline. */
export function jsonReport(r: ValidationReport): string {
  const counts = reportCounts(r);
  const out = {
    tool: 'gongbao',
    version: r.version,
    failOn: r.failOn,
    rules: r.rules,
    exitCode: reportStatus(r),
    counts,
    files: r.files.map((f) => ({
      file: f.file,
      ...(f.error !== undefined ? { error: f.error } : {}),
      counts: countBySeverity(f.anomalies),
      ...(f.baselined ? { baselined: f.baselined } : {}),
      anomalies: f.anomalies,
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** A display name for a path in reports: forward slashes; `<stdin>` for `-`. */
export function displayPath(file: string): string {
  return file === STDIN_NAME ? STDIN_LABEL : file.replace(/\\/g, '/');
}
