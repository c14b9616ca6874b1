import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync, type Dirent } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { OutputError } from './errors.js';

let counter = 0;

/** Thrown by a write that a stop request (a signal, see `watchStop`) came before. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** A flag another thread sets to stop the writes of this one (a worker of --jobs). */
let stopFlag: Int32Array | null = null;

/**
 * Writes in this thread stop, with Interrupted, before the next file and between the pieces
 * of a large one, once `flag[0]` is not 0: the main thread of a batch sets it on a signal, so
 * a worker's writes stop within a piece's time even while its event loop is busy.
 */
export function watchStop(flag: Int32Array): void {
  stopFlag = flag;
}

function checkStop(): void {
  if (stopFlag !== null && Atomics.load(stopFlag, 0) !== 0) throw new Interrupted();
}

/** Every file this process has written (renamed into place), in order: for the interrupt message. */
export const writtenFiles: string[] = [];

/** Temporary files being written now (at most one: writes are synchronous). */
const pending = new Set<string>();

/** The files of a group being written (an issue's export folder), or null outside one. */
let group: string[] | null = null;

/** Starts a group of files that is kept whole or not at all when a signal stops the process. */
export function beginGroup(): void {
  group = [];
}

/** The group is complete: its files stay whatever happens next. */
export function endGroup(): void {
  group = null;
}

/** No temporary file is open and no group has files yet: a signal would leave nothing to remove. */
export function nothingToClean(): boolean {
  return pending.size === 0 && (group === null || group.length === 0);
}

/**
 * On a signal, before exiting: removes the temporary file of a write that did not finish and
 * the files of an unfinished group (an export folder is all of its files or none), and
 * takes them off `writtenFiles`.
 */
export function abandonUnfinished(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
  if (group) {
    const gone = new Set(group);
    for (const f of group) rmSync(f, { force: true });
    for (let i = writtenFiles.length - 1; i >= 0; i--) if (gone.has(writtenFiles[i]!)) writtenFiles.splice(i, 1);
    group = null;
  }
}

/**
 * Removes the temporary files that thread `thread` of this process left in `dir` and the
 * folders under it: a worker of --jobs ended while it wrote could not remove its own. Their
 * names say whose they are (`beginWrite`: `.NAME.PID.THREAD.N.tmp`).
 */
export function removeTempFiles(dir: string, thread: number): void {
  const mine = new RegExp(`^\\..+\\.${process.pid}\\.${thread}\\.\\d+\\.tmp$`);
  const walk = (d: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return; // gone, or never made
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (mine.test(e.name)) rmSync(join(d, e.name), { force: true });
    }
  };
  walk(dir);
}

/**
 * Test hook: GONGBAO_TEST_ENOSPC_AFTER=n makes writes fail with ENOSPC ("no space left on
 * device") once this process has written n bytes, half-way through a file — a full disk.
 */
const enospcAfter = Number(process.env.GONGBAO_TEST_ENOSPC_AFTER ?? NaN);
let bytesWritten = 0;
function writeAll(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) {
    let len = buf.length - off;
    if (enospcAfter >= 0 && bytesWritten + len > enospcAfter) {
      len = Math.max(0, enospcAfter - bytesWritten);
      if (len === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    const n = writeSync(fd, buf, off, len);
    off += n;
    bytesWritten += n;
  }
}

/**
 * Test hook: GONGBAO_TEST_HANG_IN_WORKER=1 makes a worker thread of --jobs hang, for good,
 * once it has opened its first temporary file — a worker too busy to answer a stop request,
 * which the main thread must end and clean up after (src/cli/pool.ts `stopWorkers`).
 */
const hangInWorker = process.env.GONGBAO_TEST_HANG_IN_WORKER === '1' && threadId !== 0;
function hangForTest(): void {
  if (hangInWorker) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

/**
 * The bytes of text are encoded into one buffer of this thread, used again for every write,
 * instead of a new buffer for each piece (`Buffer.from`): 32 768-character pieces of the
 * sample encode about 7 times faster so (in an export, where making a piece costs more than
 * encoding it, that is about 1 % of the CPU time, and no new memory for the 3 MB an issue
 * writes). 128 KiB holds a whole piece (`PIECE_CHARS`, at most 3 bytes a UTF-16 unit);
 * longer text goes through in parts.
 */
const scratch = new Uint8Array(1 << 17);
const encoder = new TextEncoder();

/** Writes `text` as UTF-8 (a lone surrogate as U+FFFD, like Buffer.from). */
function writeText(fd: number, text: string): void {
  let rest = text;
  for (;;) {
    const { read, written } = encoder.encodeInto(rest, scratch);
    writeAll(fd, scratch.subarray(0, written));
    if (read === rest.length) return;
    rest = rest.slice(read);
  }
}

/** Text, bytes, or pieces written one by one: never one buffer of a huge output. */
function writeData(fd: number, data: string | Uint8Array | Iterable<string>): void {
  if (typeof data === 'string') writeText(fd, data);
  else if (data instanceof Uint8Array) writeAll(fd, data);
  else
    for (const piece of data) {
      checkStop();
      writeText(fd, piece);
    }
}

/**
 * Writes a file through a temporary file in the same folder, renamed into place, so a
 * reader never sees a half-written file. Refuses to replace an existing file unless
 * `force`. Throws OutputError (exit 3 for I/O failures, 2 for a refused overwrite).
 * With `sync` (the default) the file's data is on disk before the rename (fsync); an export
 * folder passes false and syncs its folders once at the end (`syncFolders`,
 * docs/reliability.md: an fsync per file cost more than all the rest of an export).
 * `made`: folders this caller made already (and adds to), not made again for each file.
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array | Iterable<string>,
  force = false,
  sync = true,
  made?: Set<string>,
): void {
  const w = beginWrite(path, force, made);
  if (w === null) return writeInPlace(path, data);
  try {
    writeData(w.fd!, data);
    commitWrite(path, w, sync);
  } catch (err) {
    failWrite(path, w, err);
  }
}

/**
 * `writeFileAtomic` for one large output written in the main thread (`parse -o` of a huge
 * issue: hundreds of MB of JSON made piece by piece): the event loop turns between pieces,
 * so a signal is handled within a piece's time — its handler removes the temporary file —
 * instead of after the whole write.
 */
export async function writeFileAtomicYielding(path: string, pieces: Iterable<string>, force = false): Promise<void> {
  const w = beginWrite(path, force);
  if (w === null) return writeInPlace(path, pieces);
  try {
    for (const piece of pieces) {
      checkStop();
      writeText(w.fd!, piece);
      await new Promise((resolve) => setImmediate(resolve));
    }
    commitWrite(path, w, true);
  } catch (err) {
    failWrite(path, w, err);
  }
}

interface OpenWrite {
  tmp: string;
  fd: number | null;
}

/** Checks the target and opens its temporary file; null for a device or a pipe, written in place. */
function beginWrite(path: string, force: boolean, made?: Set<string>): OpenWrite | null {
  checkStop();
  const existing = statOrNull(path);
  if (existing?.isDirectory()) throw new OutputError(`${path}: cannot write: a folder is where the file must go`);
  // A device or a pipe (-o /dev/stdout, /dev/null, a FIFO) is written to, never replaced by a
  // renamed file: as root, renaming over /dev/null would turn it into a plain file.
  if (existing && !existing.isFile()) return null;
  if (!force && existing) throw new OutputError(`${path}: exists; use --force to overwrite`, 2);
  const dir = dirname(path);
  if (!made?.has(dir))
    try {
      mkdirSync(dir, { recursive: true });
      made?.add(dir);
    } catch (err) {
      throw new OutputError(`${dir}: cannot create folder: ${(err as Error).message}`);
    }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${threadId}.${++counter}.tmp`);
  pending.add(tmp);
  try {
    const fd = openSync(tmp, 'wx');
    hangForTest();
    return { tmp, fd };
  } catch (err) {
    return failWrite(path, { tmp, fd: null }, err);
  }
}

/** The data is written: on disk (with `sync`), closed and renamed into place. */
function commitWrite(path: string, w: OpenWrite, sync: boolean): void {
  if (sync) fsyncSync(w.fd!);
  closeSync(w.fd!);
  w.fd = null;
  renameSync(w.tmp, path);
  pending.delete(w.tmp);
  writtenFiles.push(path);
  group?.push(path);
}

/** A write failed or was stopped: the temporary file goes; Interrupted passes, the rest is an OutputError. */
function failWrite(path: string, w: OpenWrite, err: unknown): never {
  if (w.fd !== null)
    try {
      closeSync(w.fd);
    } catch {
      /* already failing */
    }
  rmSync(w.tmp, { force: true });
  pending.delete(w.tmp);
  if (err instanceof Interrupted) throw err;
  throw new OutputError(`${path}: cannot write: ${(err as Error).message}`);
}

/**
 * Makes the entries of these folders durable (an fsync of each folder): after the files in
 * them were renamed into place. A file system that cannot sync a folder (EINVAL, EISDIR on
 * some systems) is let be.
 */
export function syncFolders(dirs: Iterable<string>): void {
  for (const dir of dirs) {
    let fd: number | null = null;
    try {
      fd = openSync(dir, 'r');
      fsyncSync(fd);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF')
        throw new OutputError(`${dir}: cannot sync folder: ${(err as Error).message}`);
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
}

function statOrNull(path: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Writes to an existing device or pipe as it is (no temporary file, no rename). */
function writeInPlace(path: string, data: string | Uint8Array | Iterable<string>): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'w');
    writeData(fd, data);
  } catch (err) {
    throw new OutputError(`${path}: cannot write: ${(err as Error).message}`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
