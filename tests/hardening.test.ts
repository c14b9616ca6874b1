import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIssue, parseSource } from '../src/parse.js';
import { buildExport } from '../src/write/export.js';
import { safeName, uniqueNames } from '../src/core/filenames.js';
import { runTask } from '../src/cli/task.js';
import { gongbao, gongbaoIn, signalWhen } from './helpers/cli.js';
import { BIN } from './helpers/sample.js';
import { sampleExport } from './helpers/sample-export.js';
import { LONG } from './fuzz-helpers.js';
import * as textReportModule from '../src/write/text-report.js';
import { execFileSync, spawnSync } from 'node:child_process';

const tmp = () => mkdtempSync(join(tmpdir(), 'gongbao-hardening-'));
const DUP = 'tests/fixtures/hardening/duplicate-ids.txt';

describe('document ids are unique, suffixed ones too', () => {
  // A repeated 文号 gives 长府-2023-1 and 长府-2023-1-2; a section titled 【长府-2023-1】
  // gives its second document 长府-2023-1-2 as well, unless every id made is registered.
  it('parse: no two documents or tables share an id', async () => {
    const issue = parseIssue(readFileSync(DUP), { name: DUP });
    const ids = issue.documents.map((d) => d.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(ids.slice(0, 3)).toEqual(['长府-2023-1', '长府-2023-1-2', '长府-2023-1-1']);
    expect(new Set(issue.tables.map((t) => t.id)).size).toBe(4);
  });
  it('export: every table gets its own file (it used to crash: two producers wrote tables/…-2-t1.csv)', async () => {
    const files = await buildExport(parseIssue(readFileSync(DUP), { name: DUP }));
    const tables = files.map((f) => f.path).filter((p) => p.startsWith('tables/'));
    expect(tables).toHaveLength(4);
    expect(new Set(tables).size).toBe(4);
    const r = await gongbaoIn(['export', DUP, '--out', join(tmp(), 'out')]);
    expect(r.code).toBe(0);
  });
  it('extract tables --out writes one file per table, none overwritten', async () => {
    const dir = join(tmp(), 't');
    const r = await gongbaoIn(['extract', 'tables', DUP, '--format', 'csv', '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f !== 'tables.csv')).toHaveLength(4);
  });
});

describe('an internal error in one file of a batch', () => {
  it('names the file', async () => {
    const file = join(tmp(), 'x.txt');
    writeFileSync(file, '关于某事的通知\n正文。\n');
    const broken = {
      get bom(): boolean {
        throw new Error('boom');
      },
    };
    const r = await runTask({
      kind: 'export',
      file,
      input: { maxBytes: 1 << 20 },
      export: broken as never,
      out: join(tmp(), 'o'),
      single: true,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.exitCode).toBe(70);
      expect(r.error.startsWith(`${file}: internal error: Error: boom`)).toBe(true);
    }
  });
});

describe('derived file names', () => {
  it('bidi controls are removed from every derived file name', async () => {
    expect(safeName('关于\u202egnp.exe的通知')).toBe('关于gnp.exe的通知');
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ])
      expect(safeName(`a${c}b`)).toBe('ab');
    expect(uniqueNames(['a\u202eb', 'ab'])).toEqual(['ab', 'ab-2']);
  });
  it('a title with U+202E gives a docs/ file name without it; table files go through the same sanitiser', async () => {
    const text =
      '关于\u202egnp.exe的通知\n(2023 年 4 月 10 日)\n长府〔2023〕7号\n各街道：\n正文。\n\n| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n';
    const { issue, lines } = parseSource(text);
    issue.tables[0]!.id = 'CON/\u202eab'; // an id as unsafe as can be
    const files = await buildExport(issue, { lines });
    const paths = files.map((f) => f.path);
    expect(paths.some((p) => /[\u202a-\u202e\u2066-\u2069]/.test(p))).toBe(false);
    expect(paths.filter((p) => p.startsWith('docs/'))).toEqual([expect.stringMatching(/^docs\/(\d+-)?关于gnp\.exe的通知\.md$/)]);
    expect(paths).toContain('tables/CON-ab.csv');
  });
});

describe('--max-bytes holds for every source', () => {
  it('a device (/dev/zero) is refused once the limit is passed, exit 2', async () => {
    const r = gongbao(['parse', '/dev/zero', '--max-bytes', '100000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero: input exceeds --max-bytes 100000');
  });
  it('a pipe named as a file (<(yes)) and stdin are counted while read', async () => {
    const fifo = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" parse --max-bytes 1000 <(yes)`], { encoding: 'utf8' });
    expect(fifo.status).toBe(2);
    expect(fifo.stderr).toMatch(/\/dev\/fd\/\d+: input exceeds --max-bytes 1000/);
    const r = gongbao(['parse', '-', '--max-bytes', '1000'], { input: 'y\n'.repeat(5000) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>: input exceeds --max-bytes 1000');
  });
  it('a regular file under the limit is read whole, as before', async () => {
    const dir = tmp();
    const f = join(dir, 'a.txt');
    writeFileSync(f, '关于某事的通知\n正文。\n');
    expect((await gongbaoIn(['parse', f, '--max-bytes', String(Buffer.byteLength('关于某事的通知\n正文。\n'))])).code).toBe(0);
    expect((await gongbaoIn(['parse', f, '--max-bytes', '10'])).code).toBe(2);
  });
});

describe('batches', () => {
  it('a FIFO in an input folder is named and skipped, and skipped inputs count as files in the summary', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), '关于某事的通知\n正文。\n');
    execFileSync('mkfifo', [join(dir, 'b.txt')]);
    const r = await gongbaoIn(['export', dir, '--out', join(tmp(), 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'b.txt')}: skipped: a FIFO`);
    expect(r.stderr).toContain('2 files (1 failed)');
  });
});

describe('terminal safety: control characters from the input are shown escaped', () => {
  const EVIL = '\u001b]0;owned\u0007\u001b[2J';
  const text = `关于${EVIL}某事的通知\n(2023 年 4 月 10 日)\n长府〔2023〕7号\n各街道：\n正文\u001b[31m。\n`;
  const noControls = (s: string) => expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(s)).toBe(false);
  it('validate: the text report (titles, evidence, messages) and the github format', async () => {
    const dir = tmp();
    const f = join(dir, 'evil.txt');
    writeFileSync(f, text);
    for (const format of ['text', 'github']) {
      const r = await gongbaoIn(['validate', f, '--format', format, '--fail-on', 'never']);
      noControls(r.stdout);
      noControls(r.stderr);
      if (format === 'text') expect(r.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J');
    }
  });
  it('the caret stays under its character when the evidence holds escaped controls', async () => {
    const { caretLines } = textReportModule;
    const { text: shown, caret } = caretLines('a\u001bb', 3);
    expect(shown).toBe('a\\x1bb');
    expect(caret).toBe(' '.repeat(5) + '^');
  });
  it('file names in messages and summaries', async () => {
    const dir = tmp();
    const f = join(dir, `a${EVIL}\u202e.txt`);
    writeFileSync(f, text);
    const r = await gongbaoIn(['export', f, '--out', join(tmp(), 'o')]);
    expect(r.code).toBe(0);
    noControls(r.stderr);
    expect(r.stderr).toContain('\\x1b]0;owned\\x07');
    const missing = await gongbaoIn(['parse', join(dir, `missing${EVIL}.txt`)]);
    expect(missing.code).toBe(2);
    noControls(missing.stderr);
    expect(missing.stderr).toContain('missing\\x1b]0;owned\\x07\\x1b[2J.txt');
  });
});

describe('signals during an export', () => {
  /** All files under a folder, recursively. */
  const files = (dir: string): string[] => {
    try {
      return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
    } catch {
      return [];
    }
  };
  for (const [signal, code, words] of [
    ['SIGTERM', 143, 'stopped by SIGTERM'],
    ['SIGHUP', 129, 'stopped by SIGHUP'],
    ['SIGINT', 130, 'interrupted'],
  ] as const) {
    it(`${signal} while the files are written: exit ${code}, no temporary file, no half folder, what was written is named`, async () => {
      const dir = tmp();
      const big = join(dir, 'big.txt');
      writeFileSync(big, readFileSync('samples/changning-2023-02.txt', 'utf8').repeat(4));
      const out = join(dir, 'out');
      // As soon as the first file of the first issue is there: the write phase.
      const result = await signalWhen(
        ['export', 'samples/changning-2023-02.txt', big, '--jobs', '1', '--out', out],
        () => files(out).length > 0,
        signal,
      );
      const stderr = result.stderr;
      if (result.code === 0) return; // finished before the signal came (a very fast machine)
      expect(result.code).toBe(code);
      const left = files(out);
      expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(stderr).toContain(`gongbao: ${words}`);
      const m = /; (\d+) files? written before|no file written/.exec(stderr);
      expect(m, stderr).not.toBeNull();
      expect(Number(m![1] ?? 0)).toBe(left.length);
      // The first issue's folder is whole or absent; the second was never written.
      expect([0, (await sampleExport()).files.size]).toContain(left.length);
    });
  }
});

describe('--excel-safe', () => {
  it('neutralises full-width ＝＋－＠ like their ASCII forms; numbers and other text stay', async () => {
    const { toCsv } = await import('../src/write/csv.js');
    const csv = await toCsv(['a'], [['＝1+1'], ['＋x'], ['－y'], ['＠z'], ['=A1'], ['甲'], [5]], { excelSafe: true });
    expect(csv.trim().split(/\r?\n/).slice(1)).toEqual(["'＝1+1", "'＋x", "'－y", "'＠z", "'=A1", '甲', '5']);
  });
});

describe('--jobs', () => {
  it('is capped at the number of cores unless forced with n!', async () => {
    const { parseJobs } = await import('../src/cli/batch.js');
    expect(parseJobs('30', 2)).toEqual({ n: 2, forced: false });
    expect(parseJobs('1', 2)).toEqual({ n: 1, forced: false });
    expect(parseJobs('30!', 2)).toEqual({ n: 30, forced: true });
    expect(parseJobs('2!', 8)).toEqual({ n: 2, forced: true });
    expect(() => parseJobs('0', 2)).toThrow(/not a positive integer/);
    expect(() => parseJobs('x!', 2)).toThrow(/not a positive integer/);
  });

  it('gets no more workers than the input holds work for, unless forced (workersFor)', async () => {
    const { workersFor, WORKER_BYTES } = await import('../src/cli/pool.js');
    const input = { encoding: undefined } as never;
    const exp = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ kind: 'export', file: `${i}.txt`, input, export: {}, out: 'o', single: false }) as const);
    const val = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'validate', file: `${i}.txt`, input }) as const);
    const sample = 312 << 10; // a sample-sized issue
    const sizes = (n: number, each = sample) => Array<number>(n).fill(each);
    const jobs = (n: number, forced = false) => ({ n, forced });
    // export: 2 copies of the sample are one worker's work (the main thread's), 4 are two
    expect(workersFor(exp(2), jobs(2), sizes(2))).toBe(1);
    expect(workersFor(exp(4), jobs(2), sizes(4))).toBe(2);
    expect(workersFor(exp(40), jobs(8), sizes(40))).toBe(8);
    expect(workersFor(exp(40), jobs(64), sizes(40))).toBe(Math.floor((40 * sample) / WORKER_BYTES.export));
    // validate: 16 copies are not enough for two, 40 are; two large issues are
    expect(workersFor(val(16), jobs(2), sizes(16))).toBe(1);
    expect(workersFor(val(40), jobs(2), sizes(40))).toBe(2);
    expect(workersFor(val(2), jobs(2), sizes(2, 6 << 20))).toBe(2);
    // never more than the tasks or jobs; standard input (size 0) is no work to share
    expect(workersFor(val(3), jobs(8), sizes(3, 50 << 20))).toBe(3);
    expect(workersFor(val(1), jobs(8), sizes(1, 50 << 20))).toBe(1);
    expect(workersFor(val(4), jobs(2), sizes(4, 0))).toBe(1);
    expect(workersFor(val(4), jobs(1), sizes(4, 50 << 20))).toBe(1);
    // n! forces n workers, one a task at most
    expect(workersFor(exp(2), jobs(2, true), sizes(2, 10))).toBe(2);
    expect(workersFor(val(3), jobs(8, true), sizes(3, 10))).toBe(3);
    expect(workersFor(val(1), jobs(8, true), sizes(1, 10))).toBe(1);
  });
});

describe('JSON in pieces', () => {
  it('a large value nested in an element is written piece by piece, the same text as JSON.stringify', async () => {
    const { jsonChunks } = await import('../src/write/json-stream.js');
    const cells = Array.from({ length: 20000 }, (_, i) => (i % 3 === 0 ? `c${i}` : i % 3 === 1 ? i : null));
    const value = {
      schemaVersion: 1,
      source: { name: 'x', when: new Date(0), skip: undefined },
      tables: [
        { id: 't1', rows: [{ cells, f: () => 1 }, { cells: [] }], empty: {} },
        { id: 't2', rows: [] },
      ],
      anomalies: [undefined, 'a'],
    };
    for (const pretty of [false, true]) {
      const pieces = [...jsonChunks(value, pretty)];
      const text = pieces.join('');
      expect(text).toBe(JSON.stringify(value, null, pretty ? 2 : undefined));
      // The table's 20 000 cells are not one piece.
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(text.length / 10);
    }
  });
});

describe('evidence excerpts', () => {
  it('a long line is cut: from its start when the column is near it, around the column when far', async () => {
    const { excerpt, EXCERPT_MAX } = await import('../src/read/text.js');
    expect(excerpt('短行', 1)).toBe('短行');
    const long = 'a'.repeat(5000) + 'X' + 'b'.repeat(5000);
    const near = excerpt(long, 10);
    expect(near.startsWith('aaa')).toBe(true);
    expect(near.length).toBe(EXCERPT_MAX + 1);
    const far = excerpt(long, 5001);
    expect(far.startsWith('…')).toBe(true);
    expect(far).toContain('X');
    expect(far.length).toBeLessThanOrEqual(EXCERPT_MAX + 2);
  });
  // npm run test:long: a 3 MB line; the everyday suite 300 kB, three hundred times the excerpt
  it(`damaged bytes on a ${LONG ? '3 MB' : '300 kB'} line: the evidence is an excerpt, not the line`, async () => {
    const n = LONG ? 500_000 : 50_000;
    const b = Buffer.from('正文'.repeat(n) + '\n', 'utf8');
    b[3 * n] = 0xff;
    const issue = parseIssue(b);
    const d = issue.anomalies.find((a) => a.code === 'INPUT_DAMAGED_BYTES')!;
    expect(d.evidence.length).toBeLessThan(1100);
    expect(d.evidence).toContain('\ufffd');
  });
});
