/**
 * bin/gongbao, the launcher (issue 15): it runs dist/cli.cjs with a V8 code cache kept in
 * the temporary folder. A cache is an optimisation only: a missing or unwritable temporary
 * folder must not change a run. A new cache removes those of earlier builds. Node's own
 * built-in modules a run needs are loaded before the launcher changes a V8 flag (their
 * embedded code cache is rejected after that, and they are compiled from source).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SAMPLE_PATH } from './helpers/sample.js';

const SMALL = 'tests/fixtures/real/gwy-2019-jan-feb.txt';

function run(args: string[], env: Record<string, string> = {}, preload?: string) {
  const argv = [...(preload ? ['-r', preload] : []), BIN, ...args];
  return spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...env } });
}

const cacheDir = (tmp: string): string => join(tmp, `gongbao-v8-cache-${process.getuid ? process.getuid() : 'u'}`);

describe('the bundle read into its CommonJS wrapper (wrappedSource)', () => {
  const require = createRequire(import.meta.url);
  const { wrappedSource } = require('../bin/code-cache.cjs') as { wrappedSource: (file: string) => string };
  const wrap = (text: string): string => `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  const file = (text: string | Buffer): string => {
    const f = join(mkdtempSync(join(tmpdir(), 'gb-wrap-')), 'bundle.cjs');
    writeFileSync(f, text);
    return f;
  };
  it('an ASCII bundle, empty, small and larger than one read (the built CLI too): its text, wrapped', () => {
    for (const text of ['', 'module.exports = 1;', `/*${'x'.repeat(3_000_000)}*/ exports.a = "\\u957f";`])
      expect(wrappedSource(file(text))).toBe(wrap(text));
    const cli = join(BIN, '..', '..', 'dist', 'cli.cjs');
    expect(wrappedSource(cli)).toBe(wrap(readFileSync(cli, 'utf8')));
  });
  it('a bundle that is not ASCII is read as UTF-8', () => {
    const text = 'exports.s = "长宁区 𠀋 é";';
    expect(wrappedSource(file(text))).toBe(wrap(text));
    expect(wrappedSource(file(Buffer.from(text, 'utf8')))).toBe(wrap(text));
  });
});

describe('the code cache in the temporary folder', () => {
  const expected = run(['parse', SMALL]);

  it('a missing temporary folder changes nothing of the run', () => {
    expect(expected.status, expected.stderr).toBe(0);
    const missing = join(mkdtempSync(join(tmpdir(), 'gb-launcher-')), 'no', 'such', 'folder');
    const p = run(['parse', SMALL], { TMPDIR: missing, TMP: missing, TEMP: missing });
    expect(p.status, p.stderr).toBe(0);
    expect(p.stdout).toBe(expected.stdout);
    expect(p.stderr).toBe('');
  });

  it('an unwritable temporary folder (a file, where a folder should be) changes nothing of the run', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gb-launcher-')), 'a-file');
    writeFileSync(file, 'not a folder');
    for (let i = 0; i < 2; i++) {
      const p = run(['parse', SMALL], { TMPDIR: file, TMP: file, TEMP: file });
      expect(p.status, p.stderr).toBe(0);
      expect(p.stdout).toBe(expected.stdout);
      expect(p.stderr).toBe('');
    }
  });

  it('is written by a parse, read by the next run, and a new one removes those of earlier builds', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gb-launcher-'));
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    expect(run(['parse', SMALL], env).stdout).toBe(expected.stdout);
    const [cache, ...more] = readdirSync(cacheDir(tmp));
    expect(more).toEqual([]);
    expect(cache).toMatch(/^[0-9a-f]{8}-v\d+\.\d+\.\d+-\w+-\d+-\d+-\d+\.bin$/);
    expect(readFileSync(join(cacheDir(tmp), cache!)).length).toBeGreaterThan(100_000);
    expect(run(['parse', SMALL], env).stdout).toBe(expected.stdout);
    expect(readdirSync(cacheDir(tmp))).toEqual([cache]);

    // caches of earlier builds of this bundle (same tag) and of older launchers (24 hex
    // digits) go when a cache is written; anything else stays
    const tag = cache!.slice(0, 8);
    const stale = [
      `${tag}-v20.0.0-x64-1-2-3.bin`,
      `${tag}-v20.0.0-x64-1-2-3.partial.bin`,
      `${'0a'.repeat(12)}.bin`,
      `${'1b'.repeat(12)}.partial.bin`,
    ];
    const kept = ['ffffffff-v20.0.0-x64-1-2-3.bin', 'notes.txt'];
    for (const name of [...stale, ...kept]) writeFileSync(join(cacheDir(tmp), name), 'x');
    writeFileSync(join(cacheDir(tmp), cache!), 'not a V8 cache'); // rejected: this run writes a new one
    const p = run(['parse', SMALL], env);
    expect(p.stdout).toBe(expected.stdout);
    expect(readdirSync(cacheDir(tmp)).sort()).toEqual([cache, ...kept].sort());
    expect(readFileSync(join(cacheDir(tmp), cache!)).length).toBeGreaterThan(100_000);
  });

  it('an export keeps a cache of its own: each of parse and export reads its own once both ran', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gb-launcher-'));
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    const out = (n: number): string => join(tmp, `out-${n}`);
    expect(run(['export', SMALL, '--out', out(1), '-q'], env).status).toBe(0);
    const [exp, ...more] = readdirSync(cacheDir(tmp));
    expect(more).toEqual([]);
    expect(exp).toMatch(/-\d+\.export\.bin$/);
    // a parse does not read the export's cache (its writers would go into the parse's own)
    expect(run(['parse', SMALL], env).stdout).toBe(expected.stdout);
    const both = readdirSync(cacheDir(tmp)).sort();
    expect(both).toEqual([exp!.replace('.export.bin', '.bin'), exp].sort());
    const sizes = (): number[] => both.map((f) => readFileSync(join(cacheDir(tmp), f)).length);
    const before = sizes();
    // from now on each reads its own and writes nothing: the files stay as they are
    expect(run(['parse', SMALL], env).stdout).toBe(expected.stdout);
    expect(run(['export', SMALL, '--out', out(2), '-q'], env).status).toBe(0);
    expect(run(['validate', SMALL, '--fail-on', 'never'], env).status).toBe(0);
    expect(readdirSync(cacheDir(tmp)).sort()).toEqual(both);
    expect(sizes()).toEqual(before);
    // the export's holds its writers too
    expect(before[both.indexOf(exp!)]!).toBeGreaterThan(before[1 - both.indexOf(exp!)]!);
  });
  it('a run that parses nothing leaves a partial cache, which the first parse replaces', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gb-launcher-'));
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    expect(run(['--version'], env).status).toBe(0);
    const [partial] = readdirSync(cacheDir(tmp));
    expect(partial).toMatch(/\.partial\.bin$/);
    expect(run(['parse', SMALL], env).stdout).toBe(expected.stdout);
    expect(readdirSync(cacheDir(tmp)).sort()).toEqual([partial!.replace('.partial.bin', '.bin'), partial].sort());
  });
});

describe("Node's built-in modules and the V8 flag", () => {
  /** The built-in modules loaded after the launcher's first v8.setFlagsFromString. */
  function loadedAfterFlag(args: string[]): { before: string[]; after: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'gb-launcher-'));
    const preload = join(dir, 'watch.cjs');
    const out = join(dir, 'list.json');
    writeFileSync(
      preload,
      `const v8 = require('v8'); const set = v8.setFlagsFromString; let at = -1;
       v8.setFlagsFromString = (f) => { if (at < 0) at = process.moduleLoadList.length; return set(f); };
       process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ at, list: process.moduleLoadList })));`,
    );
    const p = run(args, {}, preload);
    expect(p.status, p.stderr).toBe(0);
    const { at, list } = JSON.parse(readFileSync(out, 'utf8')) as { at: number; list: string[] };
    expect(at).toBeGreaterThan(0);
    return { before: list.slice(0, at), after: list.slice(at).filter((m) => m.startsWith('NativeModule ')) };
  }

  it('gongbao parse loads crypto and the stream of its stdout (a pipe here) before the flag is set', () => {
    const { before, after } = loadedAfterFlag(['parse', SAMPLE_PATH]);
    expect(before).toContain('NativeModule crypto');
    expect(before).toContain('NativeModule net');
    expect(after).toEqual([]);
  });

  it('gongbao --version does not load crypto at all', () => {
    const { before, after } = loadedAfterFlag(['--version']);
    expect([...before, ...after].filter((m) => /crypto/.test(m))).toEqual([]);
  });
});

describe('the V8 flags and the code cache', () => {
  /** What each vm.Script the launcher compiled was given and whether V8 took its cache. */
  function scripts(tmp: string): { cached: boolean; rejected: boolean | undefined }[] {
    const preload = join(tmp, 'watch.cjs');
    const out = join(tmp, 'scripts.json');
    writeFileSync(
      preload,
      `const vm = require('vm'); const seen = []; const Script = vm.Script;
       vm.Script = class extends Script {
         constructor(code, options) { super(code, options); seen.push({ cached: options?.cachedData !== undefined, rejected: this.cachedDataRejected }); }
       };
       process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(seen)));`,
    );
    const p = run(['parse', SMALL], { TMPDIR: tmp, TMP: tmp, TEMP: tmp }, preload);
    expect(p.status, p.stderr).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8')) as { cached: boolean; rejected: boolean | undefined }[];
  }

  it('the cache a parse writes (with the flags set) is accepted by the next run', () => {
    // V8 checks the flags a cache was made with: one made with other flags is rejected and
    // the bundle compiled from its source on every run
    const tmp = mkdtempSync(join(tmpdir(), 'gb-launcher-'));
    expect(scripts(tmp)).toEqual([{ cached: false, rejected: undefined }]);
    expect(scripts(tmp)).toEqual([{ cached: true, rejected: false }]);
  });

  it('the single executable (src/cli/bin.ts) sets the flags the launcher sets', () => {
    const flags = (file: string): string[] =>
      [...readFileSync(file, 'utf8').matchAll(/setFlagsFromString\('([^']+)'\)/g)].map((m) => m[1]!);
    expect(flags('bin/code-cache.cjs')).toContain('--baseline-batch-compilation-threshold=256');
    expect(flags('src/cli/bin.ts')).toEqual(flags('bin/code-cache.cjs'));
  });
});
