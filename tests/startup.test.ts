/**
 * What a `gongbao parse` process loads (issue 15): the launcher is a CommonJS script (no ES
 * module loader), and Node's built-in modules that only some commands use (child_process,
 * which commander requires at the top, and worker_threads for --jobs) load on first use.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BIN, SAMPLE_PATH } from './helpers/sample.js';

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

it('--jobs 2 still loads worker_threads when it needs it', () => {
  const list = loaded(['parse', SAMPLE_PATH, 'tests/fixtures/real/gwy-2019-jan-feb.txt', '--jobs', '2']);
  expect(list).toContain('NativeModule worker_threads');
});

it('gongbao validate does not load node:tty when its output is no terminal (chalk detects no colours)', () => {
  // The text report decides colour itself (useColor) and gives chalk its level; chalk's own
  // detection (tty.isatty, which loads node:tty and net) is left out of the bundle.
  const list = loaded(['validate', SAMPLE_PATH, '--fail-on', 'never']);
  expect(list).toContain('NativeModule internal/fs/utils');
  expect(list.filter((m) => /^NativeModule (tty|internal\/tty)$/.test(m))).toEqual([]);
});
