/** Input that is not text is named in the error (exit 2), never parsed as text. */
import { describe, expect, it } from 'vitest';
import { binaryFormat, decode } from '../src/read/decode.js';
import { InputError } from '../src/read/errors.js';
import { parseIssue } from '../src/parse.js';
import { gongbao } from './helpers/cli.js';
import { SAMPLE_BYTES } from './helpers/sample.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** A small uncompressed PDF: all ASCII, no NUL byte — it used to be parsed as an issue. */
const PDF = bytes(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n',
  'BT /F1 12 Tf (上海市长宁区人民政府公报) Tj ET\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
/** The start of a .docx: a zip local file header naming word/document.xml. */
const DOCX = bytes(
  'PK',
  [3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 0x21, 0],
  '[Content_Types].xml',
  [0, 0, 0, 0],
  'PK',
  [3, 4, 20, 0],
  'word/document.xml',
  [0, 0, 0],
);
const XLSX = bytes('PK', [3, 4, 20, 0, 6, 0], 'xl/workbook.xml', [0, 0]);
const ODT = bytes('PK', [3, 4, 10, 0, 0, 0], 'mimetypeapplication/vnd.oasis.opendocument.text', [0, 0]);
const ZIP = bytes('PK', [3, 4, 10, 0, 0, 0], 'notes.txt', [0, 0]);
const PNG = bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF', [0]);
const DOC = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const GZIP = bytes([0x1f, 0x8b, 8, 0, 0, 0]);

describe('binaryFormat names formats by their signature', () => {
  it.each([
    ['PDF', PDF, /is a PDF; convert it to text first, e\.g\. pdftotext -layout FILE\.pdf/],
    ['docx', DOCX, /is a Word document \(\.docx\) \(a zip container\)/],
    ['xlsx', XLSX, /is an Excel workbook \(\.xlsx\)/],
    ['odt', ODT, /is an OpenDocument text \(\.odt\)/],
    ['zip', ZIP, /is a zip archive/],
    ['png', PNG, /is a PNG image/],
    ['jpeg', JPEG, /is a JPEG image/],
    ['doc', DOC, /old Office document/],
    ['gzip', GZIP, /gzip-compressed/],
  ])('%s', (_, b, want) => {
    expect(binaryFormat(b)).toMatch(want);
  });

  it('text is not binary, even text that talks about %PDF- or starts with PK', () => {
    expect(binaryFormat(SAMPLE_BYTES)).toBeNull();
    expect(binaryFormat(bytes('PK 比赛结果\n'))).toBeNull();
    expect(binaryFormat(bytes('see the %PDF-1.7 spec\n'))).toBeNull();
  });
});

describe('decode and parseIssue refuse binary input with the format named', () => {
  it('a small uncompressed PDF is an InputError, not an issue', () => {
    expect(() => parseIssue(PDF, { name: 'issue.pdf' })).toThrow(InputError);
    expect(() => decode(PDF, 'issue.pdf')).toThrow('issue.pdf: is a PDF; convert it to text first, e.g. pdftotext -layout issue.pdf');
  });

  it('a .docx names the container, not a NUL byte or UTF-16', () => {
    let msg = '';
    try {
      decode(DOCX, 'issue.docx');
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/^issue\.docx: is a Word document \(\.docx\)/);
    expect(msg).not.toMatch(/NUL|UTF-16/);
  });

  it('a UTF-16 file with a BOM is still text', () => {
    const t = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('PK 上海\n', 'utf16le')]);
    expect(decode(t, 'x.txt').text).toBe('PK 上海\n');
  });
});

describe('the CLI', () => {
  it('exits 2 on a PDF with the advice on stderr', () => {
    const r = gongbao(['parse', '-'], { input: Buffer.from(PDF) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a PDF; convert it to text first, e.g. pdftotext -layout');
    expect(r.stdout).toBe('');
  });

  it('exits 2 on a docx', () => {
    const r = gongbao(['validate', '-'], { input: Buffer.from(DOCX) });
    expect(r.code).toBe(2);
    // the text report on stdout names the problem (once: not on stderr as well)
    expect(r.stdout).toContain('Word document (.docx)');
    expect(r.stderr).toBe('');
    const j = gongbao(['validate', '-', '--format', 'json'], { input: Buffer.from(DOCX) });
    expect(j.code).toBe(2);
    expect(j.stderr).toContain('Word document (.docx)');
  });
});
