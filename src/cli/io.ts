import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { InputError, STDIN_LABEL, STDIN_NAME } from '../read/errors.js';

/**
 * Above LARGE_INPUT V8 is told to keep its heap small, so that the peak RSS stays within the
 * memory budget (6 × the input + 100 MB, docs/reliability.md): the young generation keeps
 * its first size (1 MB a semi-space; V8 doubles it up to 16 MB, ~40 MB more RSS) and the old
 * generation grows to 1.2× its live size after a full collection (V8 picks 1.1–4× by how
 * fast it collects).
 * Without them a parse of 6 MB peaks at 136 MB (budget 137 MB), of 64 MB at 480 MB. V8 reads
 * both as the heap grows, so setting them after start-up takes effect.
 *
 * `--optimize-for-size`, which did this before, also compacts the heap and shrinks the young
 * generation at every full collection, with a growth of 1.1×: more work for the same memory
 * (CPU time, paired runs: 6 MB parse 0.87×, 64 MB 0.74×, 16 MB export 0.94× with these flags;
 * peak RSS 95 against 100–107 MB, 337–340 against 322–337 MB, 148–151 against 173–187 MB).
 * It is kept from HUGE_INPUT on, where its compaction holds the peak lower (200 MB of
 * `yes` piped in: 1 254 MB against 1 345 MB; budget 1 300 MB).
 */
export const LARGE_INPUT = 4 * 1024 * 1024;
export const HUGE_INPUT = 128 * 1024 * 1024;
export const SMALL_HEAP_FLAGS: readonly string[] = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'];
/** The V8 flags an input of `size` bytes gets (they stay set for the rest of the process). */
export function heapFlagsFor(size: number): readonly string[] {
  return size >= HUGE_INPUT ? ['--optimize-for-size'] : size > LARGE_INPUT ? SMALL_HEAP_FLAGS : [];
}
function favourMemory(size: number): void {
  for (const flag of heapFlagsFor(size)) setFlagsFromString(flag);
}

/** Default ceiling for one input, refused before it is read whole. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export interface RawInput {
  /** The path as given; '-' (STDIN_NAME) for stdin. */
  name: string | null;
  bytes: Uint8Array;
}

/**
 * Reads a file, or stdin for '-', refusing directories and inputs above maxBytes. The bytes
 * are counted while reading, whatever the source: a pipe, a FIFO or a device (/dev/zero)
 * has no size to check beforehand, and a regular file may grow while it is read.
 */
export function readInput(path: string, maxBytes = DEFAULT_MAX_BYTES): RawInput {
  if (path === '-') {
    let size = -1;
    try {
      const st = fstatSync(0);
      if (st.isFile()) size = st.size;
    } catch {
      /* not stat-able */
    }
    if (size > maxBytes) throw new InputError(`${STDIN_LABEL}: input of ${size} bytes exceeds --max-bytes ${maxBytes}`);
    const bytes = readAll(0, STDIN_LABEL, null, maxBytes, size);
    favourMemory(bytes.length);
    return { name: STDIN_NAME, bytes };
  }
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`, path);
  }
  if (st.isDirectory()) throw new InputError(`${path}: is a directory`, path);
  if (st.isFile() && st.size > maxBytes)
    throw new InputError(`${path}: ${st.size} bytes exceeds --max-bytes ${maxBytes}; refusing to read it`, path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new InputError(`${path}: cannot read: ${(err as Error).message}`, path);
  }
  try {
    const bytes = readAll(fd, path, path, maxBytes, st.isFile() ? st.size : -1);
    favourMemory(bytes.length);
    return { name: path, bytes };
  } finally {
    closeSync(fd);
  }
}

/**
 * Every byte of a file descriptor, refused (InputError, exit 2) as soon as more than
 * maxBytes have come: the limit holds for pipes and devices too.
 */
function readAll(fd: number, label: string, file: string | null, maxBytes: number, size: number): Buffer {
  // A regular file is read into one buffer of its size (plus a byte to notice growth).
  if (size >= 0) {
    const buf = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      const n = readRetry(fd, buf, total, buf.length - total, label, file);
      if (n === 0) return buf.subarray(0, total);
      total += n;
      if (total > maxBytes) throw new InputError(`${label}: input exceeds --max-bytes ${maxBytes}; refusing to read it`, file);
      if (total === buf.length) break; // grew while being read: go on in chunks
    }
    const rest = readAll(fd, label, file, maxBytes - total, -1);
    return Buffer.concat([buf, rest]);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    const n = readRetry(fd, buf, 0, buf.length, label, file);
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new InputError(`${label}: input exceeds --max-bytes ${maxBytes}; refusing to read it`, file);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** readSync that waits (without spinning) while a non-blocking source has nothing yet. */
function readRetry(fd: number, buf: Buffer, offset: number, length: number, label: string, file: string | null): number {
  for (;;) {
    try {
      return readSync(fd, buf, offset, length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking stdin with no data yet: sleep 10 ms instead of busy-spinning.
        Atomics.wait(PAUSE, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') return 0;
      throw new InputError(`${label}: cannot read: ${(err as Error).message}`, file);
    }
  }
}
