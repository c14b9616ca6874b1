/**
 * An input of at most this many bytes gives JSON made as one string (one JSON.stringify: a
 * third of the time of the pieces, the same text); a larger one, in pieces (`jsonChunks`).
 */
export const WHOLE_JSON_BYTES = 2 << 20;

/** The JSON of a record of an input of `bytes` bytes: one string for a small input, pieces for a large one. */
export function* jsonOf(value: unknown, pretty: boolean, bytes: number): Generator<string> {
  if (bytes <= WHOLE_JSON_BYTES) yield JSON.stringify(value, null, pretty ? 2 : undefined);
  else yield* jsonChunks(value, pretty);
}

/**
 * JSON of a large object in pieces: the same text as `JSON.stringify(value, null, indent)`
 * (indent 0 or 2), but never one string of the whole output. Top-level arrays of objects
 * (documents, tables, anomalies …) are written one element at a time, so writing the
 * Issue of a 64 MB input does not need a second copy of it as one string (plus its bytes).
 */
export function* jsonChunks(value: unknown, pretty = false): Generator<string> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value, null, pretty ? 2 : undefined);
    return;
  }
  if (Array.isArray(value)) {
    yield* arrayChunks(value, pretty, '');
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield pretty ? '{\n' : '{';
  let first = true;
  for (const [k, v] of entries) {
    if (!first) yield pretty ? ',\n' : ',';
    first = false;
    yield pretty ? `  ${JSON.stringify(k)}: ` : `${JSON.stringify(k)}:`;
    yield* valueChunks(v, pretty, '  ');
  }
  yield pretty ? '\n}' : '}';
}

function* arrayChunks(arr: readonly unknown[], pretty: boolean, indent: string): Generator<string> {
  if (arr.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indent}  `;
  yield pretty ? `[\n${inner}` : '[';
  for (let i = 0; i < arr.length; i++) {
    if (i > 0) yield pretty ? `,\n${inner}` : ',';
    const v = arr[i];
    // JSON.stringify writes undefined, functions and symbols inside arrays as null.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
    else yield* valueChunks(v, pretty, inner);
  }
  yield pretty ? `\n${indent}]` : ']';
}

/** Values with more nodes than this are written piece by piece, not as one string. */
const SMALL_NODES = 4096;

/** Has the value at most SMALL_NODES nodes (a bounded walk: it stops as soon as it has seen more)? */
function isSmall(v: unknown): boolean {
  let budget = SMALL_NODES;
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (--budget < 0) return false;
    if (x === null || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      if (x.length > budget) return false;
      for (const y of x) stack.push(y);
    } else {
      const vals = Object.values(x);
      if (vals.length > budget) return false;
      for (const y of vals) stack.push(y);
    }
    if (stack.length > budget) return false;
  }
  return true;
}

/**
 * One value at depth `indent`: small ones through JSON.stringify, large ones (a table of a
 * million cells) element by element, so that no single string approaches V8's limit (~512 MB).
 */
function* valueChunks(v: unknown, pretty: boolean, indent: string): Generator<string> {
  if (v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function' || isSmall(v)) {
    yield indentNested(JSON.stringify(v, null, pretty ? 2 : undefined), pretty, indent);
    return;
  }
  if (Array.isArray(v)) {
    yield* arrayChunks(v, pretty, indent);
    return;
  }
  const entries = Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  const inner = `${indent}  `;
  yield pretty ? `{\n` : '{';
  let first = true;
  for (const [k, x] of entries) {
    if (!first) yield pretty ? ',\n' : ',';
    first = false;
    yield pretty ? `${inner}${JSON.stringify(k)}: ` : `${JSON.stringify(k)}:`;
    yield* valueChunks(x, pretty, inner);
  }
  yield pretty ? `\n${indent}}` : '}';
}

/** A pretty-printed value placed at depth `indent`: its inner lines shift right. */
function indentNested(s: string, pretty: boolean, indent: string): string {
  return pretty && s.includes('\n') ? s.replace(/\n/g, `\n${indent}`) : s;
}

/**
 * Characters in a piece of a file written piece by piece. A piece of Chinese text is a
 * two-byte string: 32 768 characters are 64 KB, under V8's large-object size (128 KB), so a
 * piece and its bytes live and die in the young generation. Pieces of 1 M characters (2 MB
 * strings, 3 MB buffers, each a large object) made the export of a 12.8 MB issue peak about
 * 14 MB higher and run 15 % slower (docs/reliability.md).
 */
export const PIECE_CHARS = 1 << 15;

/**
 * Groups small pieces into strings of about `size` characters (fewer writes). A piece of
 * `size` characters or more goes on as it is: joined with its neighbours it would be copied
 * whole into a new string (issue.json of a small issue is one JSON.stringify and a newline:
 * joining them copied the sample's 724 834 characters, 1.4 MB, once more).
 */
export function* batched(chunks: Iterable<string>, size = PIECE_CHARS): Generator<string> {
  let buf: string[] = [];
  let n = 0;
  for (const c of chunks) {
    if (c.length >= size) {
      if (buf.length) yield buf.join('');
      buf = [];
      n = 0;
      yield c;
      continue;
    }
    buf.push(c);
    n += c.length;
    if (n >= size) {
      yield buf.join('');
      buf = [];
      n = 0;
    }
  }
  if (buf.length) yield buf.join('');
}
