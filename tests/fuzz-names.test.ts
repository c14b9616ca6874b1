// File names made from text cannot escape the output folder or collide; inputs given as
// directories follow no symlink out of them unless asked, and unreadable entries are named
// and skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep, basename } from 'node:path';
import { safeName, uniqueNames } from '../src/core/filenames.js';
import { expandInputs } from '../src/cli/inputs.js';
import { gongbao } from './helpers/cli.js';
import { runUnprivileged, sharedTempDir } from './helpers/unprivileged.js';
import { buildSync } from 'esbuild';
import { fcParams } from './fuzz-helpers.js';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Everything a safe name must be, as assertions. */
function expectSafe(name: string, maxBytes = 100): void {
  expect(name.length).toBeGreaterThan(0);
  expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f<>:"|?*]/);
  expect(name).not.toMatch(/^\.+$/);
  expect(name).not.toMatch(/[. ]$/);
  expect(RESERVED.test(name)).toBe(false);
  expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(maxBytes);
  // What the file system stores is the same name (no lone surrogate turned into U+FFFD).
  expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name);
  const dir = resolve('/out/dir');
  const p = resolve(dir, name);
  expect(p.startsWith(dir + sep)).toBe(true);
  expect(basename(p)).toBe(name);
}

describe('safeName', () => {
  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'untitled'],
    ['.', 'untitled'],
    ['a/b\\c', 'a-b-c'],
    ['关于\u0000印发的通知', '关于-印发的通知'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['LPT1', '_LPT1'],
    ['com9.tar.gz', '_com9.tar.gz'],
    ['NUL', '_NUL'],
    ['', 'untitled'],
    ['   ', 'untitled'],
    ['title. ', 'title'],
    ['长府办〔2023〕10号', '长府办〔2023〕10号'],
    ['《长宁区节水型社会达标建设工作方案》', '《长宁区节水型社会达标建设工作方案》'],
  ])('%j → %j', (raw, want) => {
    expect(safeName(raw)).toBe(want);
    expectSafe(safeName(raw));
  });
  it('a 300-character title is cut to the byte bound at a character boundary', () => {
    const title = '上海市长宁区人民政府办公室关于印发'.repeat(18).slice(0, 300);
    expect(title).toHaveLength(300);
    const n = safeName(title);
    expectSafe(n);
    expect(Buffer.byteLength(n)).toBeGreaterThan(90);
    // a cut name says so: it ends with … (file names cut mid-word read as whole words)
    expect(n.endsWith('…')).toBe(true);
    expect(title.startsWith(n.slice(0, -1))).toBe(true);
    expect(Buffer.byteLength(safeName(title, 40))).toBeLessThanOrEqual(40);
    // Astral characters are never split.
    expect(safeName('𠀀'.repeat(100), 10)).toBe('𠀀…');
  });
  it('any string gives a safe name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 8, max: 255 }), (s, max) =>
        expectSafe(safeName(s, max), max),
      ),
      fcParams(2000),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('.', '/', '\\', '..', 'con', 'CON', 'lpt1', ' ', '\u0000', '\ud800', '\udc00', 'a', '长', '〔', '》', '~', '-'),
          { maxLength: 30 },
        ),
        (parts) => expectSafe(safeName(parts.join(''))),
      ),
      fcParams(2000),
    );
  });
});

describe('uniqueNames', () => {
  it('identical titles (also differing only in case) get -2, -3 …', () => {
    expect(uniqueNames(['通知', '通知', '通知', 'Plan', 'PLAN', 'plan-2'])).toEqual([
      '通知',
      '通知-2',
      '通知-3',
      'Plan',
      'PLAN-2',
      'plan-2-2',
    ]);
  });
  it('titles that clean to the same name, and long identical titles, stay unique within the bound', () => {
    const long = '关于印发'.repeat(100);
    const names = uniqueNames([long, long, long, '../x', '/x', 'x', 'CON', 'con', '', '.'], 30);
    for (const n of names) expectSafe(n, 30);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
  it('any list of titles gives distinct safe names (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('a', 'A', '..', 'con', '通知', '')), { maxLength: 40 }),
        fc.integer({ min: 12, max: 120 }),
        (titles, max) => {
          const names = uniqueNames(titles, max);
          expect(names).toHaveLength(titles.length);
          for (const n of names) expectSafe(n, max);
          expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        },
      ),
      fcParams(500),
    );
  });
});

describe('expandInputs (directories, globs, symlinks)', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gongbao-inputs-'));
    outside = join(root, 'outside');
    const dir = join(root, 'archive');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(dir, 'a.txt'), 'a');
    writeFileSync(join(dir, 'b.md'), 'b');
    writeFileSync(join(dir, 'c.pdf'), 'c');
    writeFileSync(join(dir, 'sub', 'd.txt'), 'd');
    writeFileSync(join(outside, 'secret.txt'), 's');
    symlinkSync(join(dir, 'a.txt'), join(dir, 'inner-link.txt'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'out-link.txt'));
    symlinkSync(outside, join(dir, 'out-dir'));
    symlinkSync(join(dir, 'missing.txt'), join(dir, 'broken.txt'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads the text files of a directory, sorted; follows no symlink out of it; names what it skipped', () => {
    const dir = join(root, 'archive');
    const r = expandInputs([dir]);
    expect(r.files.map((f) => f.slice(dir.length + 1))).toEqual(['a.txt', 'b.md', 'inner-link.txt', 'sub/d.txt']);
    const problems = Object.fromEntries(r.problems.map((p) => [basename(p.path), p.message]));
    expect(problems['out-link.txt']).toMatch(/out of the directory/);
    expect(problems['out-dir']).toMatch(/out of the directory/);
    expect(problems['broken.txt']).toMatch(/broken/);
    expect(r.files.some((f) => f.includes('secret'))).toBe(false);
  });
  it('--follow-symlinks follows them out', () => {
    const r = expandInputs([join(root, 'archive')], { followSymlinks: true });
    expect(r.files.filter((f) => f.includes('out-'))).toHaveLength(2);
    expect(r.problems.map((p) => basename(p.path))).toEqual(['broken.txt']);
  });
  it('globs match inside the tree only; a missing file is a problem, not a crash', () => {
    const r = expandInputs([join(root, 'archive', '**', '*.txt'), join(root, 'nope.txt')]);
    expect(r.files.map((f) => basename(f))).toEqual(['a.txt', 'inner-link.txt', 'd.txt']);
    expect(r.problems.map((p) => basename(p.path))).toEqual(expect.arrayContaining(['out-link.txt', 'broken.txt', 'nope.txt']));
  });
  it('an unreadable file is named and skipped (as root too: the walk then runs without the capabilities that read every file)', () => {
    // Root reads a file of mode 0o000, so expandInputs runs in a child process without
    // CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (tests/helpers/unprivileged.ts; it fails, never skips).
    const shared = sharedTempDir('gongbao-locked-');
    try {
      const dir = join(shared, 'archive');
      mkdirSync(dir, { mode: 0o755 });
      writeFileSync(join(dir, 'a.txt'), 'a', { mode: 0o644 });
      const f = join(dir, 'locked.txt');
      writeFileSync(f, 'x');
      chmodSync(f, 0o000);
      const script = join(shared, 'expand.mjs');
      buildSync({
        stdin: {
          contents: `import { expandInputs } from ${JSON.stringify(resolve('src/cli/inputs.ts'))};\nprocess.stdout.write(JSON.stringify(expandInputs(process.argv.slice(2))));`,
          resolveDir: process.cwd(),
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: script,
        logLevel: 'silent',
      });
      chmodSync(script, 0o644);
      const r = runUnprivileged(script, [dir]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { files: string[]; problems: { path: string; message: string }[] };
      expect(out.files).toEqual([join(dir, 'a.txt')]);
      expect(out.problems).toEqual([{ path: f, message: expect.stringMatching(/permission denied/) }]);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });
  it('the CLI parses the readable issues of a directory and names the skipped entries (exit 2)', () => {
    const dir = join(root, 'issues');
    mkdirSync(dir);
    writeFileSync(join(dir, '1.txt'), readFileSync('samples/changning-2023-02.txt'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, '2.txt'));
    writeFileSync(join(dir, '3.txt'), Buffer.from([0x00, 0x01, 0x02]));
    const r = gongbao(['parse', dir, '--jobs', '1', '-q']);
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).documents.length).toBe(22);
    expect(r.stderr).toMatch(/2\.txt: symbolic link out of the directory/);
    expect(r.stderr).toMatch(/3\.txt/);
  });
});

describe('uniqueNames stays linear', () => {
  it('10 000 identical titles get -2 … -10000', () => {
    const names = uniqueNames(Array.from({ length: 10_000 }, () => '关于印发的通知'));
    expect(names[0]).toBe('关于印发的通知');
    expect(names[9_999]).toBe('关于印发的通知-10000');
    expect(new Set(names).size).toBe(10_000);
  });
});
