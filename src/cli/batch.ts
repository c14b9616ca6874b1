import { say } from './say.js';
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { InputError } from '../read/errors.js';
import type { Severity } from '../model/anomaly.js';
import { severityCounts } from '../check/policy.js';
import { expandInputs } from './inputs.js';
import type { Stats, TaskResult } from './task.js';

/** What --jobs was lowered from, for the note `resolveInputs` prints (null when it was not). */
let cappedNote: string | null = null;

/**
 * --jobs: at most `n` workers; `forced` (written `n!`) runs exactly n, whatever the number of
 * cores and however little the batch holds (src/cli/pool.ts `workersFor`).
 */
export interface Jobs {
  n: number;
  forced: boolean;
}

/**
 * The --jobs value: a positive integer, capped at the number of cores (more workers than
 * cores only add memory — each holds an issue — and time); `n!` forces n.
 */
export function parseJobs(v: string, cores = availableParallelism()): Jobs {
  const forced = v.endsWith('!');
  const n = Number(forced ? v.slice(0, -1) : v);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`--jobs: not a positive integer: ${v}`);
  const most = Math.max(1, cores);
  cappedNote = !forced && n > most ? `gongbao: --jobs ${n} lowered to ${most}, the number of cores (--jobs ${n}! forces it)\n` : null;
  return { n: forced ? n : Math.min(n, most), forced };
}

/** Options every batch-capable command takes. */
export interface BatchOpts {
  jobs: Jobs;
  followSymlinks?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  failOn?: Severity | 'never';
}

/** --jobs and --follow-symlinks: how a command reads many inputs. */
export function jobsOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '-j, --jobs <n>',
        'files processed in parallel, each parsed and written by a worker thread; at most the number of cores (a larger n is lowered, with a note), and fewer for a batch too small to gain from them, unless written n! (--jobs 8!)',
      )
        .default({ n: availableParallelism(), forced: false } satisfies Jobs, 'number of cores')
        .argParser((v) => parseJobs(v)),
    )
    .option('--follow-symlinks', 'follow symbolic links that lead out of a directory given as input');
}

export function batchOptions(cmd: Command, defaultFailOn?: Severity | 'never'): Command {
  const failOn = new Option('--fail-on <level>', 'exit 1 when an anomaly of this severity or worse is found').choices([
    'error',
    'warning',
    'info',
    'never',
  ]);
  if (defaultFailOn) failOn.default(defaultFailOn);
  return jobsOptions(cmd)
    .addOption(failOn)
    .option('-q, --quiet', 'print no summary or progress')
    .option('-v, --verbose', 'print a line per file');
}

/** Says that --jobs was lowered, where it matters: when several files would have run in parallel. */
export function noteCapped(files: number, quiet?: boolean): void {
  if (cappedNote !== null && !quiet && files > 1) say(cappedNote);
  cappedNote = null;
}

/** Files named by the arguments; problems (unreadable, no match) are reported on stderr. */
export function resolveInputs(args: readonly string[], opts: BatchOpts): { files: string[]; failed: number } {
  const { files, problems } = expandInputs(args, { followSymlinks: opts.followSymlinks });
  noteCapped(files.length, opts.quiet);
  if (files.length === 0 && problems.length === 1) throw new InputError(`${problems[0]!.path}: ${problems[0]!.message}`, problems[0]!.path);
  for (const p of problems) say(`gongbao: ${p.path}: ${p.message}\n`);
  if (files.length === 0) throw new InputError('no input file to read');
  return { files, failed: problems.length };
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Exit status of one file's anomalies against --fail-on. */
export function failStatus(stats: Stats, failOn: Severity | 'never' | undefined): 0 | 1 {
  if (!failOn || failOn === 'never') return 0;
  const n = (Object.keys(stats.anomalies) as Severity[]).filter((s) => RANK[s] >= RANK[failOn]).reduce((a, s) => a + stats.anomalies[s], 0);
  return n > 0 ? 1 : 0;
}

/** Adds up the stats of a batch for the final summary. */
export class Totals {
  files = 0;
  failed = 0;
  documents = 0;
  records: Record<string, number> = {};
  anomalies = { error: 0, warning: 0, info: 0 };
  status = 0;

  add(r: TaskResult, failOn: Severity | 'never' | undefined): void {
    this.files++;
    if (!r.ok) {
      this.failed++;
      this.worst(r.exitCode);
      return;
    }
    this.documents += r.stats.documents;
    for (const [k, v] of Object.entries(r.stats.records)) this.records[k] = (this.records[k] ?? 0) + v;
    for (const s of ['error', 'warning', 'info'] as const) this.anomalies[s] += r.stats.anomalies[s];
    this.worst(failStatus(r.stats, failOn));
  }

  /** Inputs skipped before reading (unreadable, symlinks out of a folder, FIFOs): files, and failed. */
  skip(n: number): void {
    this.files += n;
    this.failed += n;
    if (n > 0) this.worst(2);
  }

  worst(code: number): void {
    this.status = Math.max(this.status, code);
  }

  line(): string {
    const recs = Object.entries(this.records)
      .filter(([k, v]) => k !== 'documents' && v > 0)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ');
    const a = this.anomalies;
    return [
      `${this.files} file${this.files === 1 ? '' : 's'}${this.failed ? ` (${this.failed} failed)` : ''} · documents ${this.documents}${recs ? ` · ${recs}` : ''}`,
      `anomalies ${a.error + a.warning + a.info}: ${severityCounts(a)}`,
    ].join('\n  ');
  }
}

/** One issue's summary: what `export FILE` prints. */
export function fileSummary(file: string, stats: Stats): string {
  const recs = Object.entries(stats.records)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${v}`)
    .join(' · ');
  const a = stats.anomalies;
  return `${file}${stats.label ? ` — ${stats.label}` : ''}\n  ${recs}\n  anomalies ${a.error + a.warning + a.info}: ${severityCounts(a)}\n`;
}
