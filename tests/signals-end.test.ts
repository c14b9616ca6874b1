// Issue 16: "a signal after the work is done changes nothing". A run that had finished was
// killed by a signal that came in its last moment: Node's natural exit closes its signal
// watchers before the process is gone, so the signal took its default action (the CI run
// of 2026-11-30 lost a finished export that way). The CLI now ends by process.exit once its
// output is flushed. Here every run is sent SIGINT again and again from the moment its
// output arrives — after the work, or at its very end — until it is gone.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN } from './helpers/sample.js';

function hammered(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let out = 0;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.length;
      timer ??= setInterval(() => child.kill('SIGINT'), 0.5);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, out, stderr });
    });
  });
}

describe('a signal at the end of a run', () => {
  it('never kills a finished run: exit 0 with the whole output, or 130 said on stderr', async () => {
    const whole = (await hammered(['schema', 'document'])).out;
    const codes: Array<number | null> = [];
    for (let i = 0; i < 12; i++) {
      const r = await hammered(['schema', 'document']);
      expect(r.signal, 'killed by the signal after its output').toBe(null);
      if (r.code === 0) expect(r.out).toBe(whole);
      else {
        expect(r.code).toBe(130);
        expect(r.stderr).toMatch(/^gongbao: interrupted/);
      }
      codes.push(r.code);
    }
    // the signals came after the work was done at least once: the case this test is about
    expect(codes).toContain(0);
  }, 60_000);
});
