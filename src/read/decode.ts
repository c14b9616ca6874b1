import { isUtf8, transcode } from 'node:buffer';
import { InputError, displayName } from './errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** True when the bytes were not valid UTF-8 and GB18030 was guessed. */
  fallback: boolean;
  /**
   * The damaged places: bytes that are not valid in the encoding (or NUL bytes), each
   * decoded as one U+FFFD. In the order of the text; at most MAX_DAMAGE of them.
   */
  damage: Damage[];
  /** How many damaged places there are in all (more than `damage` holds when it was cut). */
  damaged: number;
}

/** One damaged place of the input, decoded as U+FFFD. */
export interface Damage {
  /** Offset of its first byte in the file (in the file's own encoding, BOM included). */
  offset: number;
  /** How many bytes are damaged there. */
  length: number;
  /** Its first bytes, at most 4. */
  bytes: number[];
  /** How many U+FFFD stand for them (one per invalid sequence), from `column` on. */
  chars: number;
  /** 1-based line and column (UTF-16 code units) of its U+FFFD in the decoded text. */
  line: number;
  column: number;
}

/** At most this many damaged places are listed one by one. */
export const MAX_DAMAGE = 1000;

/** Accepts common spellings of an encoding name (utf8, UTF-16LE, gbk, gb2312 …). */
export function parseEncoding(name: string): Encoding {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (n === 'utf8') return 'utf-8';
  if (n === 'utf16le' || n === 'utf16') return 'utf-16le';
  if (n === 'utf16be') return 'utf-16be';
  if (n === 'gb18030' || n === 'gbk' || n === 'gb2312' || n === 'cp936') return 'gb18030';
  throw new InputError(`unknown encoding "${name}" (use utf-8, utf-16le, utf-16be or gb18030)`);
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** A damaged place while decoding: its byte offset in the body and its index in the text. */
interface Place {
  offset: number;
  length: number;
  index: number;
}

/**
 * The places where UTF-8 decoding fails (WHATWG's decoder: each maximal invalid subpart is
 * one U+FFFD), and NUL bytes, with the index of their U+FFFD in the decoded text. Stops after
 * `cap` places.
 */
function utf8Places(bytes: Uint8Array, cap: number): Place[] {
  const out: Place[] = [];
  let i = 0;
  let index = 0;
  const n = bytes.length;
  while (i < n && out.length < cap) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0) out.push({ offset: i, length: 1, index });
      i++;
      index++;
      continue;
    }
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    }
    let k = 1;
    if (need > 0)
      for (; k <= need; k++) {
        const c = bytes[i + k];
        if (c === undefined || c < lower || c > upper) break;
        lower = 0x80;
        upper = 0xbf;
      }
    if (need > 0 && k > need) {
      i += need + 1;
      index += need === 3 ? 2 : 1;
    } else {
      out.push({ offset: i, length: k, index });
      i += k;
      index++;
    }
  }
  return out;
}

/** Lone surrogates, a last odd byte and NUL characters of UTF-16 text. */
function utf16Places(bytes: Uint8Array, le: boolean, cap: number): Place[] {
  const out: Place[] = [];
  const units = bytes.length >> 1;
  const unit = (u: number): number => (le ? bytes[2 * u]! | (bytes[2 * u + 1]! << 8) : (bytes[2 * u]! << 8) | bytes[2 * u + 1]!);
  for (let u = 0; u < units && out.length < cap; u++) {
    const c = unit(u);
    if (c === 0) out.push({ offset: 2 * u, length: 2, index: u });
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = u + 1 < units ? unit(u + 1) : -1;
      if (d >= 0xdc00 && d <= 0xdfff) u++;
      else out.push({ offset: 2 * u, length: 2, index: u });
    } else if (c >= 0xdc00 && c <= 0xdfff) out.push({ offset: 2 * u, length: 2, index: u });
  }
  if (bytes.length % 2 === 1 && out.length < cap) out.push({ offset: bytes.length - 1, length: 1, index: units });
  return out;
}

/**
 * The places where GB18030 decoding fails, found line by line (LF is never part of a
 * multi-byte character): a line that does not decode is searched for the byte where the
 * decoder gives up (a binary search over its prefixes). NUL bytes are added afterwards.
 */
function gbPlaces(bytes: Uint8Array, cap: number): Place[] {
  const out: Place[] = [];
  const fatal = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder('gb18030', { ignoreBOM: true });
  // A call without `stream` starts the next call afresh (and throws on a cut character).
  const reset = (): void => {
    try {
      fatal.decode();
    } catch {
      /* the pending bytes of a cut character: not what was asked */
    }
  };
  /** Does decoding fail inside `seg` (stream: a character cut at its end does not count)? */
  const fails = (seg: Uint8Array, stream: boolean): boolean => {
    try {
      fatal.decode(seg, { stream });
    } catch {
      if (stream) reset();
      return true;
    }
    if (stream) reset();
    return false;
  };
  const lengthOf = (seg: Uint8Array): number => {
    const s = lenient.decode(seg, { stream: true });
    lenient.decode();
    return s.length;
  };
  let start = 0;
  let index = 0;
  const n = bytes.length;
  while (start < n && out.length < cap) {
    let end = bytes.indexOf(0x0a, start);
    end = end < 0 ? n : end + 1;
    const seg = bytes.subarray(start, end);
    if (fails(seg, false)) {
      let from = 0;
      while (from < seg.length && out.length < cap && fails(seg.subarray(from), false)) {
        // The shortest prefix after `from` whose decoding fails: its last byte is where the decoder gave up.
        let lo = from + 1;
        let hi = seg.length;
        if (!fails(seg.subarray(from, hi), true)) {
          // Only the end fails: a character cut short at the end of the input.
          let at = seg.length - 1;
          while (at > from && seg.length - at < 4 && bytes[start + at]! < 0x81) at--;
          out.push({ offset: start + at, length: seg.length - at, index: index + lengthOf(seg.subarray(0, at)) });
          break;
        }
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (fails(seg.subarray(from, mid), true)) hi = mid;
          else lo = mid + 1;
        }
        const at = lo - 1;
        // An ASCII byte after a lead byte is read again by the decoder: the damage is the lead byte before it.
        const ascii = seg[at]! < 0x80 && at > from;
        const bad = ascii ? at - 1 : at;
        out.push({ offset: start + bad, length: 1, index: index + lengthOf(seg.subarray(0, bad)) });
        from = ascii ? at : at + 1;
      }
    }
    index += lengthOf(seg);
    start = end;
  }
  return out;
}

/** The NUL bytes of UTF-8 or GB18030 text (always one byte, one character) as places. */
function nulPlaces(bytes: Uint8Array, text: string, cap: number): Place[] {
  const out: Place[] = [];
  let b = bytes.indexOf(0);
  let t = text.indexOf('\u0000');
  while (b >= 0 && t >= 0 && out.length < cap) {
    out.push({ offset: b, length: 1, index: t });
    b = bytes.indexOf(0, b + 1);
    t = text.indexOf('\u0000', t + 1);
  }
  return out;
}

/**
 * Line and column (as splitLines counts them: LF, CRLF and CR each end a line) of sorted
 * places; places next to each other (bytes and characters) are merged into one.
 */
function positions(text: string, places: readonly Place[], base: number, body: Uint8Array): Damage[] {
  const out: Damage[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  let prev: Place | null = null;
  for (const p of places) {
    const last = out[out.length - 1];
    if (last && prev && p.offset === prev.offset + prev.length && p.index === prev.index + 1) {
      last.length += p.length;
      last.chars++;
      if (last.bytes.length < 4) last.bytes = Array.from(body.subarray(last.offset - base, last.offset - base + Math.min(last.length, 4)));
      prev = p;
      continue;
    }
    for (; i < p.index; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
        line++;
        lineStart = i + 1;
      }
    }
    out.push({
      offset: base + p.offset,
      length: p.length,
      bytes: Array.from(body.subarray(p.offset, p.offset + Math.min(p.length, 4))),
      line,
      column: p.index - lineStart + 1,
      chars: 1,
    });
    prev = p;
  }
  return out;
}

/** The control characters counted below (not tab, LF, FF, CR). */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

/**
 * Above this share of damaged places (of the bytes) and this count, the input is not
 * damaged text but something else: refused.
 */
const GARBAGE_SHARE = 0.01;
const GARBAGE_MIN = 16;

function tooDamaged(count: number, size: number): boolean {
  return count > GARBAGE_MIN && count > size * GARBAGE_SHARE;
}

function lenientDecode(encoding: Encoding, bytes: Uint8Array): string {
  if (encoding === 'utf-8') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function strictDecode(encoding: Encoding, bytes: Uint8Array): string | null {
  // UTF-8: simdutf's validation and Buffer's decoder are many times faster than a fatal TextDecoder.
  if (encoding === 'utf-8') {
    if (!isUtf8(bytes)) return null;
    return validUtf8Text(bytes);
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Valid UTF-8 as text. Text with characters past U+00FF (CJK: always) goes through ICU's
 * converter to UTF-16 and a copy, 0.5 ms for the sample's 320 kB against 3 ms in V8's UTF-8
 * decoder; text without (ASCII, Latin-1) through Buffer's decoder, which then makes the
 * compact one-byte string, as it does when Node has no ICU (transcode throws).
 */
function validUtf8Text(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // (a lead byte of 0xC4 or more begins a character past U+00FF)
  let i = 0;
  while (i < bytes.length && bytes[i]! < 0xc4) i++;
  if (i === bytes.length) return buf.toString('utf8');
  try {
    return transcode(buf, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return buf.toString('utf8');
  }
}

/** Damaged places of the body in an encoding (NUL bytes included), up to cap. */
function placesIn(encoding: Encoding, body: Uint8Array, text: string, cap: number): Place[] {
  if (encoding === 'utf-8') return utf8Places(body, cap);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return utf16Places(body, encoding === 'utf-16le', cap);
  const bad = gbPlaces(body, cap);
  if (!text.includes('\u0000')) return bad;
  return [...bad, ...nulPlaces(body, text, cap)].sort((a, b) => a.index - b.index).slice(0, cap);
}

/** How many NUL bytes, and whether they sit at even or odd offsets (UTF-16 BE or LE without a BOM). */
function nulHint(body: Uint8Array): string {
  let even = 0;
  let odd = 0;
  for (let i = body.indexOf(0); i >= 0 && even + odd < 4096; i = body.indexOf(0, i + 1)) {
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (odd > 4 * even) return ' (UTF-16 without a BOM? try --encoding utf-16le)';
  if (even > 4 * odd) return ' (UTF-16 without a BOM? try --encoding utf-16be)';
  return '';
}

function countNul(body: Uint8Array, limit: number): number {
  let count = 0;
  for (let i = body.indexOf(0); i >= 0 && count <= limit; i = body.indexOf(0, i + 1)) count++;
  return count;
}

/**
 * Bytes to text: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8, and GB18030 when
 * the bytes are valid GB18030 but not UTF-8 (or far less damaged as GB18030). `forced` skips
 * detection. Damaged places (invalid sequences, lone surrogates, NUL bytes) become U+FFFD and
 * are listed in `damage`: damaged text is text. Only input that is not text at all — a
 * binary format, mostly NUL or control bytes, more garbage than text — and empty input
 * raise InputError.
 */
export function decode(bytes: Uint8Array, file: string | null, forced?: Encoding): Decoded {
  const label = displayName(file);
  const { encoding: found, bom, body } = byteOrderMark(bytes, forced);
  refuseNonText(bytes, body, found, bom, file, label);
  let text = strictDecode(found, body);
  let read: Lenient = { text: '', encoding: found, places: [], fallback: false };
  if (text === null || text.includes('\u0000')) {
    read = decodeDamaged(bytes, body, found, bom, text, file, label, forced);
    text = read.text.includes('\u0000') ? read.text.replace(/\u0000/g, '\ufffd') : read.text;
  }
  if (text.trim().length === 0) throw new InputError(`${label}: the input is empty (only whitespace)`, file);
  refuseControlText(text, file, label);
  const { places, encoding, fallback } = read;
  const damage = places.length > 0 ? positions(text, places, bytes.length - body.length, body) : [];
  return { text, encoding, bom, fallback, damage: damage.slice(0, MAX_DAMAGE), damaged: damage.length };
}

/** The encoding a byte order mark names (UTF-8 without one), unless `forced` says otherwise; the bytes after it. */
function byteOrderMark(bytes: Uint8Array, forced?: Encoding): { encoding: Encoding; bom: boolean; body: Uint8Array } {
  let found: { encoding: Encoding; bom: boolean; body: Uint8Array } = { encoding: 'utf-8', bom: false, body: bytes };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) found = { encoding: 'utf-8', bom: true, body: bytes.subarray(3) };
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) found = { encoding: 'utf-16le', bom: true, body: bytes.subarray(2) };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) found = { encoding: 'utf-16be', bom: true, body: bytes.subarray(2) };
  if (forced && forced !== found.encoding) return { encoding: forced, bom: false, body: bytes };
  return found;
}

/** Empty input, a binary format, or (outside UTF-16) more NUL bytes than damage explains: refused. */
function refuseNonText(bytes: Uint8Array, body: Uint8Array, encoding: Encoding, bom: boolean, file: string | null, label: string): void {
  if (body.length === 0) throw new InputError(`${label}: the input is empty`, file);
  if (!bom) {
    const kind = binaryFormat(bytes, file ?? undefined);
    if (kind) throw new InputError(`${label}: ${kind}`, file);
  }
  if (encoding.startsWith('utf-16')) return;
  // A few NUL bytes are damage; many are a binary file (or UTF-16 without a BOM).
  const limit = Math.floor(body.length * GARBAGE_SHARE);
  if (countNul(body, limit) <= limit) return;
  const nul = body.indexOf(0);
  throw new InputError(
    `${label}:${lineAtByte(body, nul)}: not a text file: NUL bytes, the first at offset ${nul + (bytes.length - body.length)}${nulHint(body)}`,
    file,
    lineAtByte(body, nul),
  );
}

/** Text decoded past its damaged places, in the encoding that reads it best. */
interface Lenient {
  text: string;
  encoding: Encoding;
  places: Place[];
  fallback: boolean;
}

/**
 * Bytes that do not decode strictly (or hold NUL bytes): decoded with U+FFFD for each damaged
 * place; undeclared UTF-8 may turn out to be GB18030 (read whole, or with fewer damaged
 * places). Too much damage is refused.
 */
function decodeDamaged(
  bytes: Uint8Array,
  body: Uint8Array,
  encoding: Encoding,
  bom: boolean,
  strict: string | null,
  file: string | null,
  label: string,
  forced?: Encoding,
): Lenient {
  const cap = Math.max(MAX_DAMAGE, Math.ceil(body.length * GARBAGE_SHARE) + 1);
  let read: Lenient = { text: strict ?? lenientDecode(encoding, body), encoding, places: [], fallback: false };
  read.places = placesIn(encoding, body, read.text, cap);
  if (!forced && encoding === 'utf-8' && !bom) read = tryGb18030(body, read);
  if (tooDamaged(read.places.length, body.length)) {
    const first = read.places[0]!;
    const line = lineAtByte(body, first.offset);
    throw new InputError(
      `${label}:${line}: cannot be decoded: more than ${read.places.length - 1} damaged places in ${body.length} bytes as ${read.encoding}${forced ? '' : ' (tried UTF-8 and GB18030)'}, the first at byte offset ${first.offset + (bytes.length - body.length)}; use --encoding to force one`,
      file,
      line,
    );
  }
  return read;
}

/** Not UTF-8: GB18030 when it reads the bytes whole, or with fewer damaged places. */
function tryGb18030(body: Uint8Array, utf8: Lenient): Lenient {
  const gb = strictDecode('gb18030', body);
  if (gb !== null && !gb.includes('\u0000')) return { text: gb, encoding: 'gb18030', places: [], fallback: true };
  const { places } = utf8;
  // One damaged place at the very end (a cut last character) or NUL bytes only: UTF-8 it stays.
  if (places.length <= 1 && places.every((p) => p.offset + p.length === body.length || body[p.offset] === 0)) return utf8;
  const gbText = gb ?? lenientDecode('gb18030', body);
  const gbPlaces = placesIn('gb18030', body, gbText, places.length);
  return gbPlaces.length < places.length ? { text: gbText, encoding: 'gb18030', places: gbPlaces, fallback: true } : utf8;
}

/** Mostly control characters: not text. */
function refuseControlText(text: string, file: string | null, label: string): void {
  // Text without any such character (nearly all) skips the count: one native scan instead
  // of a JavaScript loop over 64 Ki characters.
  if (!CONTROL.test(text)) return;
  let control = 0;
  let sampled = 0;
  for (let i = 0; i < text.length && sampled < 65536; i++, sampled++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  if (control > sampled * 0.1)
    throw new InputError(`${label}: not a text file: ${Math.round((100 * control) / sampled)}% control characters`, file);
}

const PDF_HINT = (file: string): string => `is a PDF; convert it to text first, e.g. pdftotext -layout ${file}`;

function startsWith(bytes: Uint8Array, ascii: string, at = 0): boolean {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Does the byte sequence `needle` (ASCII) occur in the first `limit` bytes? */
function holds(bytes: Uint8Array, needle: string, limit: number): boolean {
  const end = Math.min(bytes.length, limit) - needle.length;
  const first = needle.charCodeAt(0);
  for (let i = 0; i <= end; i++) if (bytes[i] === first && startsWith(bytes, needle, i)) return true;
  return false;
}

/**
 * Names the binary format of the bytes by their signature (magic number), with what to do
 * instead, or null for anything else. Such input is never read as text: a small
 * uncompressed PDF would otherwise be parsed as an issue, a .docx fail on a NUL byte.
 */
export function binaryFormat(bytes: Uint8Array, file = 'FILE'): string | null {
  const b0 = bytes[0];
  // %PDF- may follow a few bytes of junk (the format allows up to 1024).
  if (startsWith(bytes, '%PDF-') || (b0 !== undefined && holds(bytes, '%PDF-', 1024) && bytes.indexOf(0) >= 0)) {
    return PDF_HINT(file === 'FILE' ? 'FILE.pdf' : file);
  }
  if (startsWith(bytes, 'PK\x03\x04') || startsWith(bytes, 'PK\x05\x06')) {
    const kind = holds(bytes, 'word/', 65536)
      ? 'a Word document (.docx)'
      : holds(bytes, 'xl/', 65536)
        ? 'an Excel workbook (.xlsx)'
        : holds(bytes, 'opendocument.text', 1024)
          ? 'an OpenDocument text (.odt)'
          : holds(bytes, 'opendocument', 1024)
            ? 'an OpenDocument file'
            : holds(bytes, 'mimetypeapplication/epub', 1024)
              ? 'an EPUB book'
              : 'a zip archive';
    return `is ${kind} (a zip container), not text; convert it to text or Markdown first, e.g. pandoc -t gfm ${file}`;
  }
  if (startsWith(bytes, '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'))
    return 'is an old Office document (.doc/.xls, OLE2), not text; save it as text or .docx and convert it first';
  if (startsWith(bytes, '\x89PNG')) return 'is a PNG image, not text; run OCR on it first';
  if (startsWith(bytes, '\xff\xd8\xff')) return 'is a JPEG image, not text; run OCR on it first';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'is a GIF image, not text; run OCR on it first';
  if (startsWith(bytes, 'II*\x00') || startsWith(bytes, 'MM\x00*')) return 'is a TIFF image, not text; run OCR on it first';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'is a WebP image, not text; run OCR on it first';
  if (startsWith(bytes, '\x1f\x8b')) return 'is gzip-compressed; decompress it first (gunzip)';
  if (startsWith(bytes, '7z\xbc\xaf\x27\x1c')) return 'is a 7-Zip archive; extract it first';
  if (startsWith(bytes, 'Rar!\x1a\x07')) return 'is a RAR archive; extract it first';
  return null;
}
