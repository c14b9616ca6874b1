import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { OutputError } from './errors.js';

let counter = 0;

/**
 * Writes a file through a temporary file in the same folder, renamed into place, so a
 * reader never sees a half-written file. Refuses to replace an existing file unless
 * `force`. Throws OutputError (exit 3 for I/O failures, 2 for a refused overwrite).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, force = false): void {
  if (!force && existsSync(path)) throw new OutputError(`${path}: exists; use --force to overwrite`, 2);
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new OutputError(`${dir}: cannot create folder: ${(err as Error).message}`);
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx');
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== null) try { closeSync(fd); } catch { /* already failing */ }
    rmSync(tmp, { force: true });
    throw new OutputError(`${path}: cannot write: ${(err as Error).message}`);
  }
}
