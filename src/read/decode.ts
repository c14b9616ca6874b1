import { isUtf8 } from 'node:buffer';
import { InputError, STDIN_LABEL } from './errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** True when the bytes were not valid UTF-8 and GB18030 was guessed. */
  fallback: boolean;
}

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

/** Offset of the first byte where strict UTF-8 decoding fails. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    if (i + need >= n) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The bytes from `at` to the end are the start of one UTF-8 character, cut short. */
function incompleteAtEnd(bytes: Uint8Array, at: number): boolean {
  const b = bytes[at]!;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (need === 0 || at + need < bytes.length) return false;
  for (let k = at + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return false;
  return true;
}

/** The control characters counted below (not tab, LF, FF, CR). */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

function decodeWith(encoding: Encoding, bytes: Uint8Array): string | null {
  // UTF-8: simdutf's validation and Buffer's decoder are many times faster than a fatal TextDecoder.
  if (encoding === 'utf-8') {
    if (!isUtf8(bytes)) return null;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes to text: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8, and
 * GB18030 when the bytes are not valid UTF-8. `forced` skips detection. Binary input
 * (NUL bytes, mostly control characters), undecodable and empty input raise InputError.
 */
export function decode(bytes: Uint8Array, file: string | null, forced?: Encoding): Decoded {
  const label = file ?? STDIN_LABEL;
  let encoding: Encoding;
  let bom = false;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    bom = true;
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    bom = true;
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    bom = true;
    body = bytes.subarray(2);
  } else encoding = 'utf-8';
  if (forced && forced !== encoding) {
    encoding = forced;
    bom = false;
    body = bytes;
  }

  if (body.length === 0) throw new InputError(`${label}: the input is empty`, file);
  if (!bom) {
    const kind = binaryFormat(bytes, file ?? undefined);
    if (kind) throw new InputError(`${label}: ${kind}`, file);
  }
  if (!encoding.startsWith('utf-16')) {
    const nul = body.indexOf(0);
    if (nul >= 0) {
      const hint = nul % 2 === 1 || body[nul + 1] === 0 ? ' (UTF-16 without a BOM? try --encoding utf-16le)' : '';
      throw new InputError(
        `${label}:${lineAtByte(body, nul)}: not a text file: NUL byte at offset ${nul + (bytes.length - body.length)}${hint}`,
        file,
        lineAtByte(body, nul),
      );
    }
  }

  let text: string | null = null;
  let fallback = false;
  if (forced || encoding !== 'utf-8') {
    text = decodeWith(encoding, body);
    if (text === null) throw new InputError(`${label}: cannot be decoded as ${encoding}`, file);
  } else {
    text = decodeWith('utf-8', body);
    const bad = text === null ? firstInvalidUtf8(body) : -1;
    if (text === null && bad >= 0 && incompleteAtEnd(body, bad)) {
      // Valid UTF-8 cut inside its last character (a truncated file): keep the text; the
      // lost character becomes U+FFFD (reported as INPUT_REPLACEMENT_CHARACTER).
      text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    }
    if (text === null) {
      text = decodeWith('gb18030', body);
      if (text === null) {
        const line = lineAtByte(body, bad < 0 ? 0 : bad);
        throw new InputError(
          `${label}:${line}: cannot be decoded: not valid UTF-8 (byte 0x${(body[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad}) nor GB18030; use --encoding to force one`,
          file,
          line,
        );
      }
      encoding = 'gb18030';
      fallback = true;
    }
  }
  if (text.includes('\u0000')) throw new InputError(`${label}: not a text file: NUL characters after decoding as ${encoding}`, file);
  if (text.trim().length === 0) throw new InputError(`${label}: the input is empty (only whitespace)`, file);
  // Mostly control characters: not text.
  let control = 0;
  let sampled = 0;
  // Text without any such character (nearly all) skips the count: one native scan instead
  // of a JavaScript loop over 64 Ki characters.
  if (CONTROL.test(text))
    for (let i = 0; i < text.length && sampled < 65536; i++, sampled++) {
      const c = text.charCodeAt(i);
      if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
    }
  if (control > sampled * 0.1)
    throw new InputError(`${label}: not a text file: ${Math.round((100 * control) / sampled)}% control characters`, file);
  return { text, encoding, bom, fallback };
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
