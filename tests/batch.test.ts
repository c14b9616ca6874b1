// Batch export with worker threads (src/cli/pool.ts, worker.ts): each worker parses and
// writes its own issues; the main thread names the folders in input order and collects
// summaries. The results must not depend on --jobs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongbao, gongbaoIn, signalWhen } from './helpers/cli.js';
import { miniIssue } from './helpers/mini.js';
import { LONG } from './fuzz-helpers.js';
import { SAMPLE, sampleNumbered } from './helpers/sample.js';
import { tree } from './helpers/tree.js';
import { sampleExport } from './helpers/sample-export.js';
import { ALONE_BYTES, Turns } from '../src/cli/pool.js';

let dir: string;
let shelf: string;
/** A made-up issue of the given number (folder 2023-NN): a few documents, exported in a moment. */
const small = (n: number): string =>
  miniIssue({ docs: [{ title: '关于某事的通知', number: '某府〔2023〕1号' }, { title: '关于另一事的通知' }] }).replace(
    /第\s*2\s*期/,
    `第 ${n} 期`,
  );
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongbao-batch-'));
  shelf = join(dir, 'shelf');
  mkdirSync(shelf);
  // Issues 3 and 4, the 2023-02 masthead twice (folders 2023-02 and 2023-02-2, in input
  // order), and a file that is not text between them. npm run test:long makes every issue a
  // copy of the sample; the everyday suite only b.txt, the others small made-up issues: the
  // order, the names and the sameness across --jobs are proved the same way.
  const issue = (n: number): string => (LONG ? sampleNumbered(n) : small(n));
  writeFileSync(join(shelf, 'a.txt'), issue(3));
  writeFileSync(join(shelf, 'b.txt'), SAMPLE);
  writeFileSync(join(shelf, 'c.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(shelf, 'd.txt'), issue(4));
  writeFileSync(join(shelf, 'e.txt'), LONG ? SAMPLE : small(2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a batch export in worker threads', () => {
  it('writes byte for byte the same folders, messages and exit code with --jobs 1 and --jobs 2', () => {
    const run = (jobs: string) => {
      const out = join(dir, `out-${jobs.replace('!', '')}`);
      const r = gongbao(['export', shelf, '--out', out, '--jobs', jobs, '-v']);
      return { r, t: tree(out) };
    };
    const one = run('1');
    const two = run('2!');
    expect(one.r.code).toBe(2); // the file that is not text
    expect(two.r.code).toBe(one.r.code);
    expect(two.r.stderr).toBe(one.r.stderr.replaceAll('out-1', 'out-2'));
    const folders = [...new Set([...one.t.keys()].map((k) => k.split('/')[0]))];
    expect(folders).toEqual(['2023-02', '2023-02-2', '2023-03', '2023-04']);
    // a.txt is issue 3, b.txt the first 2023-02, e.txt the second: input order, not finishing order
    expect(one.r.stderr).toContain(`${join(shelf, 'b.txt')} → ${join(dir, 'out-1', '2023-02')} `);
    expect(one.r.stderr).toContain(`${join(shelf, 'e.txt')} → ${join(dir, 'out-1', '2023-02-2')} `);
    expect([...two.t.keys()]).toEqual([...one.t.keys()]);
    for (const [k, v] of one.t) expect(two.t.get(k)!.equals(v), k).toBe(true);
    expect([...one.t.keys()].some((k) => k.endsWith('.tmp'))).toBe(false);
  }, 120_000);

  it('a folder in the way stops the batch with exit 3 and names the file, from a worker too', () => {
    const out = join(dir, 'blocked');
    mkdirSync(join(out, '2023-03', 'documents.csv'), { recursive: true });
    const r = gongbao(['export', shelf, '--out', out, '--jobs', '2!', '--force', '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/2023-03\/documents\.csv: cannot write/);
    expect([...tree(out).keys()].some((k) => k.endsWith('.tmp'))).toBe(false);
  }, 120_000);

  it('--jobs above the number of cores is lowered with a note; n! forces it; --quiet silences the note', async () => {
    // The note is about the option, not the issues: three small ones are enough.
    const few = join(dir, 'few');
    mkdirSync(few);
    for (const n of [3, 4, 5]) writeFileSync(join(few, `i${n}.txt`), small(n));
    // In this process (the note is the options' logic; the files then run one after another):
    // the tests above start the CLI with --jobs.
    const over = await gongbaoIn(['validate', few, '--jobs', '9999', '--fail-on', 'never']);
    expect(over.code).toBe(0);
    expect(over.stderr).toMatch(/--jobs 9999 lowered to \d+, the number of cores \(--jobs 9999! forces it\)/);
    const forced = await gongbaoIn(['validate', join(few, 'i3.txt'), join(few, 'i4.txt'), '--jobs', '3!', '--fail-on', 'never']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).not.toMatch(/lowered/);
    const quiet = await gongbaoIn(['validate', few, '--jobs', '9999', '--fail-on', 'never', '-q']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toMatch(/lowered/);
  }, 120_000);
});

describe('a signal during a batch export in worker threads', () => {
  for (const [signal, code, words] of [
    ['SIGTERM', 143, 'stopped by SIGTERM'],
    ['SIGINT', 130, 'interrupted'],
  ] as const) {
    it(`${signal}: exit ${code}, no temporary file, every folder whole or absent, what stays is counted`, async () => {
      const many = join(dir, `many-${signal}`);
      mkdirSync(many);
      // the workers must still be busy when the signal comes: copies of the sample, eight in
      // npm run test:long, four in the everyday suite (the signal comes at the first file)
      for (let i = 1; i <= (LONG ? 8 : 4); i++) writeFileSync(join(many, `i${i}.txt`), sampleNumbered(i + 10));
      const out = join(dir, `sig-${signal}`);
      // Once the first file of the first issue is there: the workers are writing.
      const result = await signalWhen(['export', many, '--out', out, '--jobs', '2!'], () => tree(out).size > 0, signal);
      const stderr = result.stderr;
      if (result.code === 0) return; // finished before the signal came (a very fast machine)
      expect(result.code, stderr).toBe(code);
      const left = tree(out);
      expect([...left.keys()].filter((k) => k.endsWith('.tmp'))).toEqual([]);
      expect(stderr).toContain(`gongbao: ${words}`);
      const m = /; (\d+) files? written before|no file written/.exec(stderr);
      expect(m, stderr).not.toBeNull();
      expect(Number(m![1] ?? 0)).toBe(left.size);
      // Each issue's folder holds all of its files (as many as a whole export of the sample,
      // of which they are copies) or is absent.
      const ref = (await sampleExport()).files;
      const byFolder = new Map<string, number>();
      for (const k of left.keys()) byFolder.set(k.split('/')[0]!, (byFolder.get(k.split('/')[0]!) ?? 0) + 1);
      for (const [folder, n] of byFolder) expect(n, folder).toBe(ref.size);
    }, 120_000);
  }
});

describe('the workers load their code through a V8 code cache', () => {
  it('the first batch writes it, a later one reads it; the output is the same', () => {
    const two = join(dir, 'cache-in');
    mkdirSync(two);
    for (const n of [5, 6]) writeFileSync(join(two, `i${n}.txt`), small(n));
    // a temporary folder of its own: the cache of the CLI and of the workers start empty
    const tmp = join(dir, 'cache-tmp');
    mkdirSync(tmp);
    const env = { TMPDIR: tmp };
    const run = (out: string) => gongbao(['export', two, '--out', join(dir, out), '--jobs', '2!', '--quiet'], { env });
    const caches = (): Map<string, number> => {
      const found = new Map<string, number>();
      for (const d of readdirSync(tmp).filter((x) => x.startsWith('gongbao-v8-cache-')))
        for (const f of readdirSync(join(tmp, d)).filter((x) => /^worker-.*\.bin$/.test(x)))
          found.set(f, statSync(join(tmp, d, f)).mtimeMs);
      return found;
    };
    expect(run('cache-1').code).toBe(0);
    const first = caches();
    expect(first.size).toBe(1);
    const [name] = [...first.keys()];
    expect(name).toMatch(/\.export\.bin$/); // an export batch's own
    expect(run('cache-2').code).toBe(0);
    expect(caches()).toEqual(first); // read, not written again
    expect(tree(join(dir, 'cache-2'))).toEqual(tree(join(dir, 'cache-1')));
    // a validate batch's workers write a cache of their own beside it, and leave the export's
    const check = () => gongbao(['validate', two, '--jobs', '2!', '--quiet', '--fail-on', 'never'], { env });
    expect(check().code).toBe(0);
    const both = caches();
    const other = name!.replace('.export.bin', '.bin');
    expect([...both.keys()].sort()).toEqual([name, other].sort());
    expect(both.get(name!)).toBe(first.get(name!));
    expect(check().code).toBe(0);
    expect(caches()).toEqual(both);
    // A cache of an earlier build of the same file (its path's tag, another identity) and one
    // named as before the tag are removed when a new cache is written; nothing else is (the
    // validate batch's cache of this build stays).
    const folder = join(
      tmp,
      readdirSync(tmp).find((x) => x.startsWith('gongbao-v8-cache-'))!,
    );
    const tag = /^worker-[0-9a-f]{8}-/.exec(name!)![0];
    for (const stale of [`${tag}v0.0.0-x64-1-2-3.bin`, 'worker-0123456789abcdef01234567.bin', 'keep-me.bin'])
      writeFileSync(join(folder, stale), 'stale');
    unlinkSync(join(folder, name!));
    expect(run('cache-3').code).toBe(0);
    expect(
      readdirSync(folder)
        .filter((x) => x.startsWith('worker-') || x === 'keep-me.bin')
        .sort(),
    ).toEqual(['keep-me.bin', name!, other].sort());
  }, 60_000);
});

describe('a worker too busy to answer a signal', () => {
  it('is ended, and the main thread removes the temporary files it left in the folders being written', async () => {
    // GONGBAO_TEST_HANG_IN_WORKER (src/write/atomic.ts): each worker hangs for good once its
    // first temporary file is open, so the signal always finds them so, and the workers never
    // answer the stop request: the main thread ends them after its wait (0.6 s).
    const two = join(dir, 'hang');
    mkdirSync(two);
    for (const n of [3, 4]) writeFileSync(join(two, `i${n}.txt`), small(n));
    const out = join(dir, 'hang-out');
    const temps = (): string[] => [...tree(out).keys()].filter((k) => k.endsWith('.tmp'));
    const result = await signalWhen(['export', two, '--out', out, '--jobs', '2!'], () => temps().length === 2, 'SIGTERM', {
      GONGBAO_TEST_HANG_IN_WORKER: '1',
    });
    expect(result.code, result.stderr).toBe(143);
    expect(result.stderr).toContain('gongbao: stopped by SIGTERM; no file written');
    expect(temps()).toEqual([]);
  }, 60_000);
});

describe('--jobs: a large issue is worked on alone (memory: each worker holds its whole parse)', () => {
  const big = ALONE_BYTES;
  const small = 300_000;
  it('small issues run side by side; a large one waits for the others, and nothing starts beside it', () => {
    const t = new Turns([small, small, big, small, big, big]);
    expect([t.start(0), t.start(1)]).toEqual([true, true]);
    expect(t.start(2)).toBe(false); // two small ones still run
    t.end(0);
    expect(t.start(2)).toBe(false);
    t.end(1);
    expect(t.start(2)).toBe(true);
    expect(t.start(3)).toBe(false); // nothing beside a large one
    t.end(2);
    expect(t.start(3)).toBe(true);
    expect(t.start(4)).toBe(false);
    t.end(3);
    expect(t.start(4)).toBe(true);
    expect(t.start(5)).toBe(false);
    t.end(4);
    expect(t.start(5)).toBe(true);
  });
  it('just under the size, issues run side by side', () => {
    const t = new Turns([big - 1, big - 1]);
    expect([t.start(0), t.start(1)]).toEqual([true, true]);
  });
});
