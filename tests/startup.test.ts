/**
 * What a `gongbao parse` process loads (issue 15): the launcher is a CommonJS script (no ES
 * module loader), and Node's built-in modules that only some commands use (child_process,
 * which commander requires at the top, and worker_threads for --jobs) load on first use.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { BIN, SAMPLE_PATH } from './helpers/sample.js';
// @ts-expect-error a build script, plain JavaScript
import { asciiOnly } from '../scripts/bundle.mjs';

/** The internal modules the process loaded, from process.moduleLoadList at exit. */
function loaded(args: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'gb-startup-'));
  const preload = join(dir, 'list.cjs');
  const out = join(dir, 'list.json');
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));`,
  );
  const p = spawnSync(process.execPath, ['-r', preload, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(p.status, p.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as string[];
}

it('gongbao parse loads neither the ES module loader nor child_process nor worker_threads', () => {
  const list = loaded(['parse', SAMPLE_PATH]);
  expect(list).toContain('NativeModule fs');
  expect(list.filter((m) => /^NativeModule (child_process|worker_threads|internal\/modules\/esm\/translators)$/.test(m))).toEqual([]);
});

it('--jobs 2! still loads worker_threads when it needs it', () => {
  const list = loaded(['parse', SAMPLE_PATH, 'tests/fixtures/real/gwy-2019-jan-feb.txt', '--jobs', '2!']);
  expect(list).toContain('NativeModule worker_threads');
});

it('--jobs 2 shares a batch that holds work for two workers (four issues to export): worker_threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gb-startup-batch-'));
  const text = readFileSync(SAMPLE_PATH, 'utf8');
  for (let i = 3; i <= 6; i++) writeFileSync(join(dir, `${i}.txt`), text.replace(/第\s*2\s*期/, `第 ${i} 期`));
  const list = loaded(['export', dir, '--out', join(dir, 'out'), '--jobs', '2', '-q']);
  // --jobs 2 is lowered to the number of cores: one core, no worker
  expect(list.includes('NativeModule worker_threads')).toBe(availableParallelism() >= 2);
});

it('--jobs 2 does the work of a batch too small to share (two issues to parse) in the main thread: no worker_threads', () => {
  const list = loaded(['parse', SAMPLE_PATH, 'tests/fixtures/real/gwy-2019-jan-feb.txt', '--jobs', '2']);
  expect(list).toContain('NativeModule fs');
  expect(list).not.toContain('NativeModule worker_threads');
});

it('gongbao validate does not load node:tty when its output is no terminal (chalk detects no colours)', () => {
  // The text report decides colour itself (useColor) and gives chalk its level; chalk's own
  // detection (tty.isatty, which loads node:tty and net) is left out of the bundle.
  const list = loaded(['validate', SAMPLE_PATH, '--fail-on', 'never']);
  expect(list).toContain('NativeModule internal/fs/utils');
  expect(list.filter((m) => /^NativeModule (tty|internal\/tty)$/.test(m))).toEqual([]);
});

it('the CLI bundle is ASCII, so that Node reads it as a one-byte string without decoding it character by character', () => {
  const code = readFileSync(join(dirname(BIN), '..', 'dist', 'cli.cjs'), 'latin1');
  expect(code.length).toBeGreaterThan(100_000);
  expect(/[^\x00-\x7f]/.exec(code)).toBeNull();
});

it('asciiOnly writes non-ASCII characters as escapes that mean the same in strings, templates and regular expressions', () => {
  const ascii = (src: string): string => asciiOnly(src) as string;
  const run = (src: string): unknown => new Function(`return ${src}`)();
  const cases: [string, string[]][] = [
    [String.raw`/[○Ｏ◯]/g`, ['○', 'Ｏ', '◯', 'O', '〇']],
    [String.raw`/^[\u4e00-\u9fff]+〔\d{4}〕\d+号$/`, ['长府〔2023〕10号', '长府(2023)10号']],
    [String.raw`/[一-九]/`, ['五', '十', 'a']],
    [String.raw`/\（甲\）/`, ['（甲）', '(甲)']], // identity escapes of non-ASCII characters
    [String.raw`/\\（/`, ['\\（', '（']], // an escaped backslash, then the character
    [String.raw`/😀|[𠀀-𠀂]/u`, ['😀', '𠀁', '\ud83d']],
    [String.raw`/😀/`, ['😀', '\ud83d\ude00x']],
  ];
  for (const [src, inputs] of cases) {
    const escaped = ascii(src);
    expect(/[^\x00-\x7f]/.test(escaped), escaped).toBe(false);
    const [a, b] = [run(src) as RegExp, run(escaped) as RegExp];
    expect(b.flags).toBe(a.flags);
    for (const input of inputs) expect(b.test(input), `${escaped} on ${input}`).toBe(a.test(input));
  }
  for (const src of ['"号〔〕"', String.raw`'\（'`, '`甲${1 + 1}乙`', '"😀"', String.raw`"\\号"`]) expect(run(ascii(src))).toBe(run(src));
  // (in the source text: \（ loses its backslash; \\（ keeps both)
  expect(ascii(String.raw`/\（/`)).toBe(String.raw`/\uff08/`);
  expect(ascii(String.raw`/\\（/`)).toBe(String.raw`/\\\uff08/`);
});
