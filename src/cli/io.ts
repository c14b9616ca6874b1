import { fstatSync, readFileSync, readSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { InputError, STDIN_LABEL } from '../read/errors.js';

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
  /** Name for messages: the path as given, or null for stdin. */
  name: string | null;
  bytes: Uint8Array;
}

/** Reads a file, or stdin for '-', refusing directories and inputs above maxBytes. */
export function readInput(path: string, maxBytes = DEFAULT_MAX_BYTES): RawInput {
  if (path === '-') {
    let size = -1;
    try {
      size = fstatSync(0).size;
    } catch {
      /* not stat-able */
    }
    if (size > maxBytes) throw new InputError(`${STDIN_LABEL}: input of ${size} bytes exceeds --max-bytes ${maxBytes}`);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(1 << 16);
    for (;;) {
      let n: number;
      try {
        n = readSyncRetry(buf);
      } catch (err) {
        throw new InputError(`${STDIN_LABEL}: cannot read: ${(err as Error).message}`);
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new InputError(`${STDIN_LABEL}: input exceeds --max-bytes ${maxBytes}`);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    favourMemory(total);
    return { name: null, bytes: Buffer.concat(chunks) };
  }
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`, path);
  }
  if (st.isDirectory()) throw new InputError(`${path}: is a directory`, path);
  if (st.size > maxBytes) throw new InputError(`${path}: ${st.size} bytes exceeds --max-bytes ${maxBytes}; refusing to read it`, path);
  favourMemory(st.size);
  try {
    return { name: path, bytes: readFileSync(path) };
  } catch (err) {
    throw new InputError(`${path}: cannot read: ${(err as Error).message}`, path);
  }
}

function readSyncRetry(buf: Buffer): number {
  for (;;) {
    try {
      return readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') return 0;
      throw err;
    }
  }
}
