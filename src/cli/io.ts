import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { InputError, STDIN_LABEL, STDIN_NAME } from '../read/errors.js';

/**
 * Above this size V8 is asked to favour memory over speed (--optimize-for-size: a smaller,
 * more often collected heap). Peak RSS for a 64 MB issue drops by about a fifth
 * (npm run bench:adversarial measures it); the export of a 16 MB issue peaked at 408 MB
 * without it, 210 MB with it, in about the same time.
 */
const LARGE_INPUT = 4 * 1024 * 1024;
function favourMemory(size: number): void {
  if (size > LARGE_INPUT) setFlagsFromString('--optimize-for-size');
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
