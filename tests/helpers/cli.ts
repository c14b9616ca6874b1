import { spawn, spawnSync } from 'node:child_process';
import { BIN } from './sample.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (dist/, built by the global setup) as a user would. */
export function gongbao(args: string[], opts: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input,
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the CLI in this process (src/cli/main.ts, the same code the bundle holds) with stdout
 * and stderr captured, the working folder and environment set for the call and restored
 * after: what `gongbao()` checks, without starting Node (~0.2 s of CPU each). For logic
 * (options, reports, exit codes); what only a process shows (the bundle, stdin, signals,
 * exit on EPIPE) keeps `gongbao()`. Standard input cannot be given here.
 */
export async function gongbaoIn(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const { main } = await import('../../src/cli/main.js');
  const out: string[] = [];
  const err: string[] = [];
  const capture =
    (sink: string[]) =>
    (chunk: string | Uint8Array, enc?: unknown, cb?: unknown): boolean => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof enc === 'function' ? enc : cb;
      if (typeof done === 'function') (done as () => void)();
      return true;
    };
  const saved = { out: process.stdout.write, err: process.stderr.write, cwd: process.cwd(), env: process.env, exitCode: process.exitCode };
  process.stdout.write = capture(out) as typeof process.stdout.write;
  process.stderr.write = capture(err) as typeof process.stderr.write;
  process.env = { ...process.env, NO_COLOR: '1', ...opts.env };
  for (const [k, v] of Object.entries(process.env)) if (v === undefined) delete process.env[k];
  let code: number;
  try {
    if (opts.cwd) process.chdir(opts.cwd);
    code = await main(args);
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.chdir(saved.cwd);
    process.env = saved.env;
    process.exitCode = saved.exitCode;
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/**
 * Runs the CLI as a process and sends it `signal` once `ready(pid)` holds (polled every few
 * ms); resolves with how it ended and what it wrote on stderr. `env`: more environment.
 */
export function signalWhen(
  args: string[],
  ready: (pid: number) => boolean,
  signal: NodeJS.Signals = 'SIGINT',
  env: Record<string, string> = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let sent = false;
    const poll = setInterval(() => {
      if (!sent && child.pid !== undefined && ready(child.pid)) {
        sent = true;
        child.kill(signal);
      }
    }, 2);
    child.on('close', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, stderr });
    });
  });
}
