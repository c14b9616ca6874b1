import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportFile } from '../model/export.js';
import { beginGroup, endGroup, Interrupted, syncFolders, writeFileAtomic } from './atomic.js';
import { OutputError } from './errors.js';

/** Refuses an output folder that is a file, or not empty without `force` (exit 2). */
export function checkOutDir(dir: string, force = false): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new OutputError(`${dir}: exists and is not a folder`, 2);
  if (!force && readdirSync(dir).length > 0) throw new OutputError(`${dir}: folder is not empty; use --force to write into it`, 2);
}

/**
 * Writes export files into dir, each through a temporary file renamed into place; on
 * failure the error says which files were written before it. Returns the paths written.
 * Between two files it yields to the event loop, so that an interrupt (SIGINT, SIGTERM,
 * SIGHUP) is handled within a file's time, not after the whole folder (thousands of
 * fsynced files can take half a minute); the files are one group: a signal removes those of
 * an unfinished folder, so a folder is all of its files or none (a stop request from
 * another thread, `watchStop`, leaves the group open for `abandonUnfinished`).
 * Files are not synced one by one: the folders are, once, after the last rename
 * (docs/reliability.md says what a crash can leave).
 */
export async function writeFiles(dir: string, files: readonly ExportFile[]): Promise<string[]> {
  const written: string[] = [];
  const folders = new Set<string>();
  beginGroup();
  try {
    for (const f of files) {
      // a turn before each file but the first: never between the last file and endGroup,
      // where a signal would remove a folder already complete
      if (written.length > 0) await new Promise((resolve) => setImmediate(resolve));
      const path = join(dir, f.path);
      writeFileAtomic(path, f.data, true, false, folders);
      written.push(f.path);
    }
    syncFolders(folders);
    endGroup();
  } catch (err) {
    if (err instanceof Interrupted) throw err;
    endGroup();
    if (err instanceof OutputError) {
      throw new OutputError(`${err.message}\n  written before the failure: ${written.length ? written.join(', ') : 'none'}`, err.exitCode);
    }
    throw err;
  }
  return written.map((p) => join(dir, p));
}
