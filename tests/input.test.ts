import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readdirSync, existsSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseIssue } from '../src/parse.js';
import { InputError } from '../src/read/errors.js';
import { decode } from '../src/read/decode.js';
import { SAMPLE, SAMPLE_BYTES } from './helpers/sample.js';
import { gongbao, gongbaoIn } from './helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'gongbao-'));
/** The issue without what depends on the byte form of the input. */
const content = (i: ReturnType<typeof parseIssue>) => ({
  ...i,
  source: null,
  anomalies: i.anomalies.filter((a) => a.code !== 'INPUT_ENCODING_FALLBACK'),
});

describe('encodings', () => {
  it('valid UTF-8 decodes to the text Buffer decodes, whichever path it takes (real texts, BOMs inside, astral, Latin-1, ASCII)', () => {
    const texts = [
      SAMPLE,
      readFileSync('tests/fixtures/real/gwy-2019-jan-feb.txt', 'utf8'),
      readFileSync('tests/fixtures/real/pkulaw-baotou-2022-43.txt', 'utf8'),
      '公报\ufeff第1期\n😀 𠀀 end',
      'café résumé\nnaïve',
      'plain ASCII\nonly',
      'é then 公 late',
    ];
    for (const t of texts) expect(decode(Buffer.from(t, 'utf8'), null).text).toBe(t);
  });

  const reference = content(parseIssue(SAMPLE_BYTES, { name: 'x' }));
  const variants: [string, Uint8Array, string][] = [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SAMPLE_BYTES]), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SAMPLE, 'utf16le').swap16()]), 'utf-16be'],
    ['GB18030', iconv.encode(SAMPLE, 'gb18030'), 'gb18030'],
    ['CRLF', Buffer.from(SAMPLE.replace(/\n/g, '\r\n')), 'utf-8'],
    ['CR', Buffer.from(SAMPLE.replace(/\n/g, '\r')), 'utf-8'],
  ];
  for (const [name, bytes, enc] of variants) {
    it(`${name} gives the same issue as UTF-8`, async () => {
      // one parse for both (each was parsed twice)
      const issue = parseIssue(bytes, { name: 'x' });
      expect(content(issue)).toEqual(reference);
      expect(issue.source.encoding).toBe(enc);
    });
  }
  it('reports the GB18030 fallback as info', async () => {
    const i = parseIssue(iconv.encode(SAMPLE, 'gbk'));
    expect(i.anomalies.find((a) => a.code === 'INPUT_ENCODING_FALLBACK')?.severity).toBe('info');
  });
  it('--encoding forces a decoding', async () => {
    const bytes = iconv.encode(SAMPLE, 'gb18030');
    expect(decode(bytes, null, 'gb18030').text).toBe(SAMPLE);
    // Forced UTF-8 on bytes that are not: damaged places, read as U+FFFD, not a refusal.
    expect(decode(Buffer.from([0xff, 0xfe, 0x41]), null, 'utf-8').text).toBe('\ufffd\ufffdA');
  });
});

describe('bad input', () => {
  it('binary input (NUL bytes) is refused with file and line', async () => {
    expect(() => parseIssue(Buffer.from('abc\ndef\u0000ghi\u0000'.repeat(10)), { name: 'f.bin' })).toThrow(/f\.bin:2: not a text file/);
  });
  it('mostly control characters is refused', async () => {
    expect(() => parseIssue(Buffer.from('\u0001\u0002\u0003\u0004abc\u0005\u0006'), { name: 'c' })).toThrow(/control characters/);
  });
  it('empty and whitespace-only input is refused', async () => {
    expect(() => parseIssue(new Uint8Array(0), { name: 'e' })).toThrow(/e: the input is empty/);
    expect(() => parseIssue(Buffer.from('  \n\n '), { name: 'e' })).toThrow(/empty/);
  });
  it('undecodable bytes are read as U+FFFD with an error naming line, column and byte offset', async () => {
    // 0xff is neither UTF-8 nor GB18030.
    const issue = parseIssue(Buffer.from([0x61, 0x0a, 0x62, 0xff, 0x63]), { name: 'u' });
    expect(issue.anomalies.find((a) => a.code === 'INPUT_DAMAGED_BYTES')).toMatchObject({ line: 2, column: 2, severity: 'error' });
    expect(issue.anomalies.find((a) => a.code === 'INPUT_DAMAGED_BYTES')!.message).toContain('(0xff) at byte offset 3');
  });
  it('more undecodable bytes than text are refused naming the line', async () => {
    const junk = Buffer.from('a\n' + 'b'.repeat(40)).toString('latin1') + '\xff\x80'.repeat(40);
    expect(() => parseIssue(Buffer.from(junk, 'latin1'), { name: 'u' })).toThrow(/u:2: cannot be decoded/);
  });
  it('a text without any structure still parses', async () => {
    const i = parseIssue('只是一段文字。\n第二行。\n');
    expect(i.documents).toHaveLength(1);
    expect(i.anomalies.map((a) => a.code)).toEqual(expect.arrayContaining(['TOC_NOT_FOUND', 'MASTHEAD_NOT_FOUND']));
  });
});

describe('CLI input and output', () => {
  it('exit 2 and a one-line message for binary, empty, missing and undecodable files; no output left', async () => {
    const d = tmp();
    writeFileSync(join(d, 'bin.dat'), Buffer.from([0, 1, 2, 3, 0, 0]));
    writeFileSync(join(d, 'empty.txt'), '');
    writeFileSync(join(d, 'bad.txt'), Buffer.from('a\xff\x80 '.repeat(30), 'latin1'));
    for (const f of ['bin.dat', 'empty.txt', 'missing.txt', 'bad.txt']) {
      const out = join(d, `out-${f}`);
      const r = await gongbaoIn(['export', join(d, f), '--out', out]);
      expect(r.code, f).toBe(2);
      expect(r.stderr.trim().split('\n'), f).toHaveLength(1);
      expect(r.stderr, f).toContain(f);
      expect(existsSync(out), f).toBe(false);
      const p = await gongbaoIn(['parse', join(d, f), '-o', join(d, `p-${f}.json`)]);
      expect(p.code).toBe(2);
      expect(existsSync(join(d, `p-${f}.json`))).toBe(false);
    }
  });
  it('reads stdin with -', async () => {
    const r = gongbao(['parse', '-'], { input: SAMPLE_BYTES });
    expect(r.code).toBe(0);
    const issue = JSON.parse(r.stdout);
    expect(issue.documents).toHaveLength(22);
    expect(issue.source.name).toBe('-');
  });
  it('refuses inputs above --max-bytes before reading them', async () => {
    const r = await gongbaoIn(['parse', 'samples/changning-2023-02.txt', '--max-bytes', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exceeds --max-bytes 1000/);
  });
  it('a usage error exits 2', async () => {
    expect((await gongbaoIn(['parse'])).code).toBe(2);
    expect((await gongbaoIn(['frobnicate'])).code).toBe(2);
    expect((await gongbaoIn(['export', 'samples/changning-2023-02.txt'])).code).toBe(2);
  });
  it('--help lists each example once and every exit code with its meaning', async () => {
    const help = (await gongbaoIn(['--help'])).stdout;
    const examples = help
      .slice(help.indexOf('Examples:'), help.indexOf('Exit codes'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('gongbao '));
    expect(examples.length).toBeGreaterThan(5);
    expect(new Set(examples).size).toBe(examples.length);
    const codes = [...help.slice(help.indexOf('Exit codes')).matchAll(/^ {2}(\d+) +\S/gm)].map((m) => Number(m[1]));
    expect(codes).toEqual([0, 1, 2, 3, 70, 129, 130, 143]);
    expect(help).toMatch(/^ {2}70 +internal error/m);
  });
  it('--help and --version exit 0', async () => {
    expect((await gongbaoIn(['--help'])).code).toBe(0);
    const v = await gongbaoIn(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});

describe('export', () => {
  it('writes the export folder and a summary', async () => {
    const out = join(tmp(), 'out');
    const r = await gongbaoIn(['export', 'samples/changning-2023-02.txt', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/documents 22/);
    const files = readdirSync(out);
    for (const f of ['issue.json', 'documents.csv', 'toc.csv', 'citations.csv', 'anomalies.json']) expect(files).toContain(f);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    const docs = readFileSync(join(out, 'documents.csv'), 'utf8').trim().split('\n');
    expect(docs).toHaveLength(23);
    expect(docs[0]).toMatch(/^id,ordinal,category,kind,title,date,doc_number/);
    expect(docs[1]).toContain(
      '长府-2023-13,1,区政府文件,答复,上海市长宁区人民政府对市政协十四届一次会议第 0564 号提案的答复,2023-04-10,长府〔2023〕13号',
    );
  });
  it('refuses a non-empty folder without --force, and writes into it with --force', async () => {
    const out = tmp();
    mkdirSync(join(out, 'keep'));
    writeFileSync(join(out, 'documents.csv'), 'precious');
    const r = await gongbaoIn(['export', 'samples/changning-2023-02.txt', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not empty; use --force/);
    expect(readFileSync(join(out, 'documents.csv'), 'utf8')).toBe('precious');
    const f = await gongbaoIn(['export', 'samples/changning-2023-02.txt', '--out', out, '--force', '--quiet']);
    expect(f.code).toBe(0);
    expect(f.stderr).toBe('');
    expect(readFileSync(join(out, 'documents.csv'), 'utf8')).toMatch(/^id,/);
  });
  it('parse -o refuses to overwrite without --force', async () => {
    const d = tmp();
    writeFileSync(join(d, 'x.json'), 'old');
    expect((await gongbaoIn(['parse', 'samples/changning-2023-02.txt', '-o', join(d, 'x.json')])).code).toBe(2);
    expect(readFileSync(join(d, 'x.json'), 'utf8')).toBe('old');
    expect((await gongbaoIn(['parse', 'samples/changning-2023-02.txt', '-o', join(d, 'x.json'), '--force'])).code).toBe(0);
  });
  it('--bom starts CSVs with a BOM', async () => {
    const out = join(tmp(), 'o');
    expect((await gongbaoIn(['export', 'samples/changning-2023-02.txt', '--out', out, '--bom', '-q'])).code).toBe(0);
    expect(readFileSync(join(out, 'toc.csv'))[0]).toBe(0xef);
  });
});
