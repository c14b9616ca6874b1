import { batched } from './json-stream.js';

/**
 * File text made piece by piece (in pieces of 32 768 characters, `PIECE_CHARS`) each time it is read, by
 * `make`: the writer never holds one string of a huge file. Iterable more than once.
 */
export function pieces(make: () => Iterable<string>): Iterable<string> {
  return { [Symbol.iterator]: () => batched(make())[Symbol.iterator]() };
}

/** A file's data as one string (tests, and the few readers that need it whole). */
export function fileText(data: string | Uint8Array | Iterable<string>): string {
  if (typeof data === 'string') return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  return [...data].join('');
}
