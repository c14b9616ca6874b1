import type { Issue } from '../model/issue.js';
import type { Anomaly } from '../model/anomaly.js';
import type { ExportOptions } from '../model/export.js';
import { join } from 'node:path';
import { InputError, displayName, STDIN_NAME } from '../read/errors.js';
import { OutputError } from '../write/errors.js';
import { Interrupted } from '../write/atomic.js';
import { loadSource, type InputOpts } from './options.js';
import { assertConforms } from '../model/conform.js';
import { safeName } from '../core/filenames.js';
import { batched, jsonOf } from '../write/json-stream.js';

/**
 * One file's work, run in the main thread or in a worker (it must be structured-cloneable).
 * An export writes its own folder: `out` itself (`single`), or the subfolder of `out` that
 * the batch gives its issue (`Place`).
 */
export type Task =
  | { kind: 'export'; file: string; input: InputOpts; export: ExportOptions; out: string; single: boolean }
  | { kind: 'parse'; file: string; input: InputOpts; pretty: boolean }
  | { kind: 'validate'; file: string; input: InputOpts };

export interface Stats {
  /** Gazette title and issue from the masthead, when present. */
  label: string | null;
  documents: number;
  /** Number of records of each kind (documents, toc, tables, appointments …). */
  records: Record<string, number>;
  anomalies: { error: number; warning: number; info: number };
}

export type TaskResult =
  | {
      ok: true;
      file: string;
      name: string;
      stats: Stats;
      /** export: the folder under --out (empty for a single issue) and the paths written. */
      folder?: string;
      written?: string[];
      /** parse: the JSON text, in pieces. */
      json?: Iterable<string>;
      /** validate: the anomalies, and the titles of the documents by id (for the report). */
      anomalies?: Anomaly[];
      titles?: Record<string, string>;
    }
  | {
      ok: false;
      file: string;
      error: string;
      exitCode: number;
      /** The output could not be written (exit 3, or 2 for a refused overwrite): the batch stops. */
      output?: boolean;
    };

/** Where an issue of a batch goes: its folder under --out, given its masthead's name (in input order). */
export type Place = (name: string) => Promise<string>;

/** Counts of an issue's records and anomalies, for summaries. */
export function statsOf(issue: Issue): Stats {
  const records: Record<string, number> = {};
  for (const [k, v] of Object.entries(issue)) if (Array.isArray(v) && k !== 'anomalies') records[k] = v.length;
  const anomalies = { error: 0, warning: 0, info: 0 };
  for (const a of issue.anomalies) anomalies[a.severity]++;
  const m = issue.masthead;
  const label = [m.title, m.year !== null && m.issue !== null ? `${m.year} 年第 ${m.issue} 期` : null].filter(Boolean).join(' ') || null;
  return { label, documents: issue.documents.length, records, anomalies };
}

/** The folder name of an issue in a batch export: year-issue from the masthead, else the file name. */
export function folderName(issue: Issue, file: string): string {
  const m = issue.masthead;
  if (m.year !== null && m.issue !== null) return `${m.year}-${String(m.issue).padStart(2, '0')}`;
  const base =
    file === STDIN_NAME
      ? 'stdin'
      : file
          .split(/[\\/]/)
          .pop()!
          .replace(/\.[^.]*$/, '');
  return safeName(base, 80);
}

/**
 * Runs one task; never throws for bad input (the result says what went wrong); throws
 * Interrupted when a stop request came while it wrote.
 */
export async function runTask(task: Task, place: Place = async (name) => name): Promise<TaskResult> {
  try {
    const { issue, lines, fileLines } = loadSource(task.file, task.input);
    const stats = statsOf(issue);
    const name = folderName(issue, task.file);
    if (task.kind === 'validate') {
      const titles: Record<string, string> = {};
      for (const d of issue.documents) titles[d.id] = d.title;
      return { ok: true, file: task.file, name, stats, anomalies: issue.anomalies, titles };
    }
    if (task.kind === 'parse') {
      assertConforms('issue', issue);
      // Lazy pieces of 32 768 characters, written as they are made (a worker materialises them); a small input's JSON is one string.
      return { ok: true, file: task.file, name, stats, json: batched(jsonOf(issue, task.pretty, issue.source.bytes)) };
    }
    const { buildExport } = await import('../write/export.js');
    const files = await buildExport(issue, { ...task.export, lines, ...(fileLines ? { fileLines } : {}) });
    const folder = task.single ? '' : await place(name);
    const { writeFiles } = await import('../write/folder.js');
    const written = await writeFiles(join(task.out, folder), files);
    return { ok: true, file: task.file, name, stats, folder, written };
  } catch (err) {
    if (err instanceof Interrupted) throw err;
    if (err instanceof InputError) return { ok: false, file: task.file, error: err.message, exitCode: 2 };
    if (err instanceof OutputError) return { ok: false, file: task.file, error: err.message, exitCode: err.exitCode, output: true };
    // A bug, not bad input: name the file, so one issue of a batch can be reported and the others finish.
    const label = displayName(task.file);
    return { ok: false, file: task.file, error: `${label}: internal error: ${(err as Error)?.stack ?? String(err)}`, exitCode: 70 };
  }
}
