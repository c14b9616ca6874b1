// Issue 16: a signal during the (synchronous) parse of a large file. Before anything is
// written there is nothing to clean, so the signal takes its default action and stops the
// process at once — it used to wait until the parse had finished (seconds to minutes). In
// `npm run test:long`: it parses a 32 MB issue. Nothing is timed: the proof that the signal
// was not deferred is that the process died *by* it (a deferred handler exits 128 + n itself).
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, SAMPLE } from '../helpers/sample.js';

let dir = '';
let big = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongbao-sigparse-'));
  big = join(dir, 'big.txt');
  writeFileSync(big, SAMPLE.repeat(100)); // 32 MB
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** CPU seconds the process has used (/proc/PID/stat: utime + stime, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return -1;
  }
}

/** Every file left under a folder (recursively), temporary files included. */
const leftIn = (d: string): string[] =>
  existsSync(d)
    ? readdirSync(d, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];

describe('a signal while a large file is parsed', () => {
  for (const [signal, args] of [
    ['SIGTERM', ['export', 'IN', '--out', 'OUT']],
    ['SIGINT', ['parse', 'IN', '-o', 'OUT/issue.json']],
    ['SIGHUP', ['validate', 'IN']],
  ] as const) {
    it(`${signal} during \`gongbao ${args[0]}\`: the process stops by the signal, nothing is left behind`, async () => {
      const out = join(dir, `out-${signal}`);
      const argv = args.map((a) => (a === 'IN' ? big : a.replace('OUT', out)));
      const child = spawn(process.execPath, [BIN, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, sig) => resolve({ code, signal: sig })),
      );
      // well into the parse: start-up costs well under a second of CPU, the parse many
      while (child.exitCode === null && cpuSeconds(child.pid!) < 2.5) await new Promise((r) => setTimeout(r, 50));
      expect(child.exitCode, `the parse finished before the signal: ${stderr}`).toBe(null);
      child.kill(signal);
      const r = await ended;
      // died by the signal (the shell shows 128 + n: 143, 130, 129), not by a handler run after the parse
      expect(r).toEqual({ code: null, signal });
      expect(leftIn(out)).toEqual([]);
      expect(leftIn(dir).filter((f) => f !== 'big.txt')).toEqual([]);
    });
  }
});

describe('a signal while `parse -o` writes a large issue', () => {
  it('SIGTERM during the write: handled at once (exit 143), the temporary file removed, no output file, said on stderr', async () => {
    const out = join(dir, 'out-write');
    const child = spawn(process.execPath, [BIN, 'parse', big, '-o', join(out, 'issue.json')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    // the temporary file appears once the parse is done and the JSON is being written
    while (child.exitCode === null && !leftIn(out).some((f) => f.endsWith('.tmp'))) await new Promise((r) => setTimeout(r, 20));
    expect(child.exitCode, `the write finished before the signal: ${stderr}`).toBe(null);
    child.kill('SIGTERM');
    const r = await ended;
    // the handler ran (128 + 15) before the write had finished: nothing was renamed into place
    expect(r).toEqual({ code: 143, signal: null });
    expect(stderr).toBe('gongbao: stopped by SIGTERM; no file written\n');
    expect(leftIn(out)).toEqual([]);
  });
});
