// Output safety: a full disk, a directory in the way, an interrupt (SIGINT) — no partial
// or temporary file is left, and gongbao says which files were written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gongbao, gongbaoIn, signalWhen } from './helpers/cli.js';
import { BIN } from './helpers/sample.js';
import { tree } from './helpers/tree.js';
import { sampleExport } from './helpers/sample-export.js';
import { LONG } from './fuzz-helpers.js';

const SAMPLE = 'samples/changning-2023-02.txt';
let tmp: string;
let reference: Map<string, Buffer>;

const tmpFiles = (t: Map<string, Buffer>): string[] =>
  [...t.keys()].filter((k) => /\.tmp$/.test(k) || /(^|\/)\.[^/]*\.\d+\.\d+\.tmp$/.test(k));
/** The files the failure message lists as written. */
function listed(stderr: string, marker: RegExp): string[] {
  const m = marker.exec(stderr);
  if (!m || /none|no file written/.test(m[1]!)) return [];
  return m[1]!
    .split(', ')
    .map((s) => s.trim())
    .filter(Boolean);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'gongbao-out-'));
  // in this process (the same code as the bundle, without starting Node), shared by the files
  // of this worker that compare an export with the sample's
  reference = (await sampleExport()).files;
  expect(reference.size).toBeGreaterThan(5);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a write error half-way through an export (full disk, GONGBAO_TEST_ENOSPC_AFTER)', () => {
  const issueJsonSize = () => reference.get('issue.json')!.length;
  const moments = [
    ['at the first byte', () => 0],
    ['inside the first file', () => 1000],
    ['after the first file', () => issueJsonSize() + 5000],
    ['late in the export', () => [...reference.values()].reduce((a, b) => a + b.length, 0) - 2000],
  ] as const;
  // npm run test:long fails the disk at four moments; the everyday suite at two (early, late)
  for (const [label, after] of LONG ? moments : [moments[1], moments[3]]) {
    it(`${label}: exit 3, no partial or temporary file, the files written are named and complete`, () => {
      const out = join(tmp, `enospc-${after()}`);
      const r = gongbao(['export', SAMPLE, '--out', out], { env: { GONGBAO_TEST_ENOSPC_AFTER: String(after()) } });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/no space left on device/);
      const t = tree(out);
      expect(tmpFiles(t)).toEqual([]);
      const names = listed(r.stderr, /written before the failure: (.*)/);
      expect([...t.keys()].sort()).toEqual(names.slice().sort());
      for (const [k, v] of t) expect(v.equals(reference.get(k)!), k).toBe(true);
      expect(t.size).toBeLessThan(reference.size);
    });
  }
  it('parse -o on a full disk leaves no output and no temporary file', () => {
    const dir = join(tmp, 'parse-enospc');
    mkdirSync(dir);
    const r = gongbao(['parse', SAMPLE, '-o', join(dir, 'issue.json')], { env: { GONGBAO_TEST_ENOSPC_AFTER: '4096' } });
    expect(r.code).toBe(3);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a directory where a file must go', () => {
  it('exit 3, the error names the file, earlier files complete, no temporary file', async () => {
    const out = join(tmp, 'blocked');
    mkdirSync(join(out, 'documents.csv'), { recursive: true });
    const r = await gongbaoIn(['export', SAMPLE, '--out', out, '--force']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/documents\.csv: cannot write/);
    const t = tree(out);
    expect(tmpFiles(t)).toEqual([]);
    const names = listed(r.stderr, /written before the failure: (.*)/);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(t.get(n)?.equals(reference.get(n)!), n).toBe(true);
    expect(statSync(join(out, 'documents.csv')).isDirectory()).toBe(true);
  });
});

describe('SIGINT during an export', () => {
  let big: string;
  beforeAll(() => {
    // A long issue, so that parsing it takes a while after the first one is written.
    big = join(tmp, 'big.txt');
    writeFileSync(big, readFileSync(SAMPLE, 'utf8').repeat(LONG ? 6 : 3));
  });

  it('at any moment of a single export: exit 130, no temporary file, the files present are whole and counted', async () => {
    // npm run test:long tries six moments as fractions of a whole run on this machine now
    // (its load varies), measured on a spawned export. The everyday suite makes the reference
    // export in this process and interrupts at one moment taken from the work itself: once
    // the first file of the export is there (a moment in time can fall before Node has
    // started on a loaded machine; this one always falls inside the writing).
    const started = Date.now();
    const whole = LONG
      ? gongbao(['export', big, '--out', join(tmp, 'big-ref'), '-q'])
      : await gongbaoIn(['export', big, '--out', join(tmp, 'big-ref'), '-q']);
    expect(whole.code).toBe(0);
    const span = Date.now() - started;
    const all = tree(join(tmp, 'big-ref'));
    let interrupted = 0;
    const moments = (LONG ? [0.2, 0.35, 0.5, 0.65, 0.8, 0.9] : []).map((f) => Math.round(f * span));
    for (const delay of [...moments, 'first file' as const]) {
      const out = join(tmp, `int-${delay}`.replace(' ', '-'));
      const t0 = Date.now();
      const ready = (): boolean => (delay === 'first file' ? existsSync(out) && tree(out).size > 0 : Date.now() - t0 > Number(delay));
      const r = await signalWhen(['export', big, '--out', out, '--jobs', '1', '-q'], ready);
      const t = tree(out);
      expect(tmpFiles(t)).toEqual([]);
      if (r.code === 0) continue; // finished before the signal
      if (r.code === null && r.signal === 'SIGINT') {
        // Before any file is written (Node starting, or the synchronous parse): nothing to
        // clean, so the signal's default action stops the process at once.
        expect(t.size).toBe(0);
        continue;
      }
      expect(r.code).toBe(130);
      interrupted++;
      const m = /interrupted; (?:(\d+) files? written before|no file written)/.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      expect(Number(m![1] ?? 0)).toBe(t.size);
      // An interrupt never lands between a file's writes: all of its files or none.
      expect([0, all.size]).toContain(t.size);
      for (const [k, v] of t) expect(v.equals(all.get(k)!), k).toBe(true);
    }
    expect(interrupted).toBeGreaterThan(0);
  }, 180_000);

  it('between two issues of a batch: exit 130, the first folder complete and named, no temporary file', async () => {
    const out = join(tmp, 'int-batch');
    // The sample first, then a second issue: interrupt once the sample's files are there. The
    // second is parsed whole before the signal is handled (parsing is synchronous), so the
    // everyday suite takes a copy of the sample, npm run test:long the long issue.
    const second = join(tmp, 'second.txt');
    writeFileSync(second, LONG ? readFileSync(big) : readFileSync(SAMPLE));
    const r = await signalWhen(
      ['export', SAMPLE, second, '--out', out, '--jobs', '1', '-q'],
      // every file of the sample there and renamed into place: a temporary file still being
      // written does not count (interrupted then, the unfinished folder is removed whole)
      () => {
        if (!existsSync(join(out, '2023-02', 'issue.json'))) return false;
        const t = tree(join(out, '2023-02'));
        return t.size - tmpFiles(t).length >= reference.size;
      },
    );
    expect(r.code).toBe(130);
    const t = tree(out);
    expect(tmpFiles(t)).toEqual([]);
    // The message gives the count and the first 20 names.
    const count = Number(/interrupted; (\d+) files? written before/.exec(r.stderr)?.[1]);
    expect(count).toBe(t.size);
    const names = listed(r.stderr, /interrupted; \d+ files? written before: (.*)/)
      .filter((p) => !p.startsWith('…'))
      .map((p) => relative(out, p));
    expect(names.length).toBe(Math.min(20, count));
    for (const n of names) expect(t.has(n), n).toBe(true);
    // The long second issue was not exported: the interrupt came before it was read whole.
    expect([...t.keys()].every((k) => k.startsWith('2023-02/'))).toBe(true);
    // Whatever was written is whole: the first issue's folder equals the reference export.
    for (const [k, v] of reference) expect(t.get(join('2023-02', k))?.equals(v), k).toBe(true);
  }, 180_000);
});

describe('--max-bytes', () => {
  it('refuses a file or stdin above the limit, exit 2, with the limit in the message', async () => {
    const f = await gongbaoIn(['parse', SAMPLE, '--max-bytes', '1000']);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/exceeds --max-bytes 1000/);
    expect(f.stdout).toBe('');
    const s = gongbao(['parse', '-', '--max-bytes', '1000'], { input: readFileSync(SAMPLE) });
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/exceeds --max-bytes 1000/);
    expect(s.stdout).toBe('');
  });
});

describe('a reader that stops early (`| head`)', () => {
  // EPIPE on stdout: the data path ignored it, but help text crashed with an unhandled
  // 'error' event (a stack trace on stderr and exit 1 from `gongbao parse --help | head -1`).
  it.each([['parse --help'], ['rules'], ['schema issue'], [`parse ${SAMPLE} --pretty`], [`extract documents ${SAMPLE} --format csv`]])(
    'gongbao %s | head -c 10: exit 0, nothing on stderr',
    (args) => {
      const sh = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" ${args} | head -c 10 > /dev/null`], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(sh.stderr).toBe('');
      expect(sh.status).toBe(0);
    },
  );
});

describe('-o - is standard output', () => {
  // as '-' is standard input; it once wrote a file named "-" in the current folder
  it.each([
    [['parse', SAMPLE, '-o', '-'], /^\{"schemaVersion":1,/],
    [['validate', SAMPLE, '-o', '-', '--format', 'json', '--fail-on', 'never'], /^\{\n {2}"tool": "gongbao"/],
    [['extract', 'documents', SAMPLE, '--format', 'csv', '-o', '-'], /^id,ordinal,category,/],
  ])('gongbao %j', async (args, start) => {
    // in this process: standard output is what `main` writes to process.stdout
    const cwd = mkdtempSync(join(tmpdir(), 'gongbao-dash-'));
    try {
      const r = await gongbaoIn(
        args.map((a) => (a === SAMPLE ? join(process.cwd(), SAMPLE) : a)),
        { cwd },
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(start);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
