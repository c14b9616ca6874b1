import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseIssue } from '../src/parse.js';
import { decode } from '../src/read/decode.js';
import { InputError } from '../src/read/errors.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE, SAMPLE_BYTES } from './helpers/sample.js';
import { gongbaoIn } from './helpers/cli.js';
import { LONG } from './fuzz-helpers.js';

/** A small seeded generator (LCG), so the flips are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const damagedCodes = (bytes: Uint8Array) => parseIssue(bytes, { name: 'x.txt' }).anomalies.filter((a) => a.code === 'INPUT_DAMAGED_BYTES');

describe('damaged text is text', () => {
  it('at least 99 % of 20 seeded single-byte changes of the sample give partial results, not a refusal (300 in test:long)', () => {
    const rnd = lcg(20230410);
    let partial = 0;
    const refused: string[] = [];
    const N = 20;
    for (let k = 0; k < N; k++) {
      const b = Buffer.from(SAMPLE_BYTES);
      b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      try {
        const issue = parseIssue(b, { name: 'x.txt' });
        if (issue.documents.length > 0) partial++;
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        refused.push(err.message);
      }
    }
    expect(refused).toEqual([]);
    expect(partial).toBeGreaterThanOrEqual(Math.ceil(N * 0.99));
  });

  it('an invalid UTF-8 byte becomes U+FFFD with an error naming line, column and byte offset; the rest is read as usual', async () => {
    const char = SAMPLE.indexOf('的', SAMPLE.length >> 1);
    const at = Buffer.byteLength(SAMPLE.slice(0, char));
    const b = Buffer.from(SAMPLE_BYTES);
    b[at] = 0xff; // the first byte of 的 (e7 9a 84)
    const issue = parseIssue(b, { name: 'x.txt' });
    const before = SAMPLE.slice(0, char);
    const line = before.split('\n').length;
    const column = char - before.lastIndexOf('\n');
    const d = issue.anomalies.filter((a) => a.code === 'INPUT_DAMAGED_BYTES');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'error', line, column });
    expect(d[0]!.message).toContain(`at byte offset ${at}`);
    expect(d[0]!.message).toContain('(0xff 0x9a 0x84)'); // its first byte changed, the two after it stranded
    expect(issue.documents.length).toBe(parseIssue(SAMPLE_BYTES).documents.length);
  });

  it('a NUL byte in text is damage, not a binary file; many NUL bytes are', async () => {
    const b = Buffer.from('第一行\n第二\u0000行\n' + '正文。'.repeat(40));
    const d = decode(b, 'n.txt');
    expect(d.text).toBe('第一行\n第二\ufffd行\n' + '正文。'.repeat(40));
    expect(d.damage).toEqual([{ offset: b.indexOf(0), length: 1, bytes: [0], chars: 1, line: 2, column: 3 }]);
    expect(() => decode(Buffer.from('a\u0000b\u0000c\u0000d\u0000'.repeat(20)), 'bin')).toThrow(/bin:1: not a text file: NUL bytes/);
    // In a tiny input one NUL byte is more than 1 %: not text.
    expect(() => decode(Buffer.from([0x41, 0, 0x42]), 'tiny')).toThrow(/not a text file/);
  });

  it('the hint for UTF-16 without a BOM names the byte order', async () => {
    const text = 'abc def ghi\n'.repeat(10);
    expect(() => decode(Buffer.from(text, 'utf16le'), 'le')).toThrow(/--encoding utf-16le/);
    expect(() => decode(Buffer.from(text, 'utf16le').swap16(), 'be')).toThrow(/--encoding utf-16be/);
  });

  it('--encoding utf-8 on damaged bytes reads them as U+FFFD instead of refusing', async () => {
    const d = decode(Buffer.from([0x61, 0xff, 0xfe, 0x41, 0x0a]), null, 'utf-8');
    expect(d.text).toBe('a\ufffd\ufffdA\n');
    // Two invalid bytes side by side: one damaged place, two U+FFFD.
    expect(d.damage).toEqual([{ offset: 1, length: 2, bytes: [0xff, 0xfe], chars: 2, line: 1, column: 2 }]);
  });

  it('UTF-8 damage positions follow WHATWG (one U+FFFD per maximal invalid subpart), matching the decoded text', async () => {
    const rnd = lcg(7);
    for (let k = 0; k < 200; k++) {
      const b = Buffer.from('上海 abc\n长宁\r\n区政府\r公报\n');
      for (let j = 0; j < 3; j++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      let d;
      try {
        d = decode(b, null, 'utf-8');
      } catch (err) {
        expect(err).toBeInstanceOf(InputError); // a control-character majority, say
        continue;
      }
      const lines = d.text.replace(/\r\n?/g, '\n').split('\n');
      for (const p of d.damage) expect(lines[p.line - 1]![p.column - 1]).toBe('\ufffd');
      for (const p of d.damage) for (let c = 0; c < p.chars; c++) expect(lines[p.line - 1]![p.column - 1 + c]).toBe('\ufffd');
      expect(d.damage.reduce((n, p) => n + p.chars, 0)).toBe((d.text.match(/\ufffd/g) ?? []).length);
    }
  });

  it('GB18030 cut inside its last character, forced or detected, is read with the place named in GB18030 bytes', async () => {
    const gb = iconv.encode('上海市长宁区人民政府\n关于某事的通知\n', 'gb18030');
    const cut = gb.subarray(0, gb.length - 2); // 知 cut after its first byte ('\n' gone too)
    for (const forced of ['gb18030' as const, undefined]) {
      const d = decode(cut, 'g.txt', forced);
      expect(d.encoding).toBe('gb18030');
      expect(d.text).toBe('上海市长宁区人民政府\n关于某事的通\ufffd');
      expect(d.damage).toEqual([{ offset: cut.length - 1, length: 1, bytes: [cut[cut.length - 1]!], chars: 1, line: 2, column: 7 }]);
    }
  });

  it('a damaged byte inside GB18030 text is found on its line', async () => {
    const gb = Buffer.from(iconv.encode('上海市长宁区人民政府\n关于某事的通知\n第三行文字\n', 'gb18030'));
    const at = gb.indexOf(0x0a) + 5; // inside 某 (the third character of line 2)
    gb[at] = 0xff;
    const d = decode(gb, 'g.txt');
    expect(d.encoding).toBe('gb18030');
    expect(d.fallback).toBe(true);
    // The byte after the damaged one pairs with the next, and so on to the line's end, where
    // a lead byte meets LF: a second damaged place (what the GB18030 decoder itself does).
    expect(d.text.split('\n')[1]).toBe(new TextDecoder('gb18030').decode(gb).split('\n')[1]);
    expect(d.damage.map((p) => [p.offset, p.line, p.column])).toEqual([
      [at, 2, 3],
      [gb.indexOf(0x0a, at) - 1, 2, 8],
    ]);
    expect(d.text.split('\n')[2]).toBe('第三行文字');
  });

  it('a lone surrogate in UTF-16 is one damaged place', async () => {
    const body = Buffer.from('上海\n长宁', 'utf16le');
    body.writeUInt16LE(0xd800, 2); // 海 → a lone high surrogate
    const d = decode(Buffer.concat([Buffer.from([0xff, 0xfe]), body]), 'u16.txt');
    expect(d.text).toBe('上\ufffd\n长宁');
    expect(d.damage).toEqual([{ offset: 4, length: 2, bytes: [0x00, 0xd8], chars: 1, line: 1, column: 2 }]);
  });

  it('the sample with a few damaged bytes: one anomaly per place, U+FFFD from the input itself still INPUT_REPLACEMENT_CHARACTER', async () => {
    const b = Buffer.from(SAMPLE_BYTES);
    const nl = b.indexOf(0x0a, 5000) + 1;
    b[nl] = 0x80;
    b[nl + 3000] = 0x00;
    const extra = Buffer.concat([Buffer.from('\ufffd\n'), b]);
    const d = damagedCodes(extra);
    expect(d).toHaveLength(2);
    const issue = parseIssue(extra);
    expect(issue.anomalies.filter((a) => a.code === 'INPUT_REPLACEMENT_CHARACTER').map((a) => a.line)).toEqual([1]);
  });

  it('more garbage than text is still refused', async () => {
    const rnd = lcg(3);
    const junk = Buffer.from(Array.from({ length: 20000 }, () => 0x80 + Math.floor(rnd() * 0x80)));
    for (let i = 0; i < junk.length; i += 7) junk[i] = 0x41;
    for (let i = 3; i < junk.length; i += 11) junk[i] = 0xff;
    expect(() => decode(junk, 'junk.bin')).toThrow(/junk\.bin:1: cannot be decoded: more than \d+ damaged places/);
  });

  it('the CLI: validate exits 1 naming the damaged place, parse writes the issue (exit 0), --fail-on error exits 1', async () => {
    const d = mkdtempSync(join(tmpdir(), 'gongbao-damaged-'));
    const b = Buffer.from(SAMPLE_BYTES);
    const at = b.indexOf(0x0a, 20000) + 1;
    b[at] = 0xfe;
    const file = join(d, 'flip.txt');
    writeFileSync(file, b);
    const v = await gongbaoIn(['validate', file]);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain('INPUT_DAMAGED_BYTES');
    const p = await gongbaoIn(['parse', file]);
    expect(p.code).toBe(0);
    expect(JSON.parse(p.stdout).documents.length).toBeGreaterThan(0);
    expect((await gongbaoIn(['parse', file, '--fail-on', 'error'])).code).toBe(1);
  });
});
