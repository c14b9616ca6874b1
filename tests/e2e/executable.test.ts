import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tree } from '../helpers/tree.js';

const EXE = resolve('dist/gongbao');
const SAMPLE = 'samples/changning-2023-02.txt';

describe('single executable (npm run package)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/package.mjs'], { stdio: 'inherit' });
  });

  it('is a file of its own that runs without node_modules or dist/', () => {
    expect(statSync(EXE).mode & 0o111).toBeTruthy();
    const v = spawnSync(EXE, ['--version'], { encoding: 'utf8', cwd: tmpdir() });
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('parses the sample exactly as node bin/gongbao does', () => {
    const exe = spawnSync(EXE, ['parse', SAMPLE], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const node = spawnSync(process.execPath, ['bin/gongbao', 'parse', SAMPLE], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(exe.status).toBe(0);
    expect(exe.stderr).toBe('');
    expect(exe.stdout).toBe(node.stdout);
    expect(JSON.parse(exe.stdout).documents).toHaveLength(22);
  });

  it('exports a batch with --jobs 2 (eval worker inside the executable) identical to node', () => {
    const a = join(mkdtempSync(join(tmpdir(), 'gb-exe-')), 'out');
    const b = join(mkdtempSync(join(tmpdir(), 'gb-node-')), 'out');
    const shelf = mkdtempSync(join(tmpdir(), 'gb-shelf-'));
    const text = readFileSync(SAMPLE, 'utf8');
    writeFileSync(join(shelf, 'a.txt'), text);
    writeFileSync(join(shelf, 'b.txt'), text.replace('2023 年第 2 期', '2023 年第 3 期'));
    writeFileSync(join(shelf, 'c.txt'), text);
    // 2! : three issues are too little work for two workers unless forced
    const args = (out: string) => ['export', shelf, '--out', out, '--jobs', '2!', '--quiet'];
    const exe = spawnSync(EXE, args(a), { encoding: 'utf8' });
    const node = spawnSync(process.execPath, ['bin/gongbao', ...args(b)], { encoding: 'utf8' });
    expect(exe.status).toBe(node.status);
    expect(exe.stderr).toBe(node.stderr);
    const ta = tree(a);
    const tb = tree(b);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    expect([...new Set([...ta.keys()].map((k) => k.split('/')[0]))]).toEqual(['2023-02', '2023-02-2', '2023-03']);
    for (const [k, v] of ta) expect(v.equals(tb.get(k)!), k).toBe(true);
  });

  it("is built with V8's code cache of its JavaScript (useCodeCache, issue 15)", () => {
    const config = JSON.parse(readFileSync('dist/sea/sea-config.json', 'utf8')) as { useCodeCache?: boolean };
    expect(config.useCodeCache).toBe(true);
  });

  it('runs its CLI through a code cache in the temporary folder, written by the first parse (issue 15)', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gb-exe-cache-'));
    const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    const first = spawnSync(EXE, ['parse', SAMPLE], { encoding: 'utf8', maxBuffer: 1 << 28, env });
    expect(first.status, first.stderr).toBe(0);
    const dir = join(tmp, `gongbao-v8-cache-${process.getuid ? process.getuid() : 'u'}`);
    const caches = readdirSync(dir);
    // named after the executable: its size is in the name
    expect(caches).toEqual([expect.stringMatching(new RegExp(`-${statSync(EXE).size}-\\d+\\.bin$`))]);
    expect(statSync(join(dir, caches[0]!)).size).toBeGreaterThan(500_000);
    const second = spawnSync(EXE, ['parse', SAMPLE], { encoding: 'utf8', maxBuffer: 1 << 28, env });
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(dir)).toEqual(caches);
  });

  it('reports unreadable input with exit 2', () => {
    const r = spawnSync(EXE, ['parse', 'no/such/file.txt'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/file\.txt/);
  });
});
