import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from './sample.js';
import type { Run } from './cli.js';

const DROP = fileURLToPath(new URL('./drop-privileges.mjs', import.meta.url));

/** True when the tests run as root (as in CI), where a file of mode 0o000 is still readable. */
export const isRoot = process.getuid?.() === 0;

/**
 * A temporary folder the unprivileged user of `runUnprivileged` can enter, list and write
 * (mode 0o777: as root, that user is nobody). Files written in it get 0o644 from the umask.
 */
export function sharedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}

/**
 * Runs a Node script as a user for whom a file of mode 0o000 is unreadable: the current user,
 * or nobody when running as root (tests/helpers/drop-privileges.mjs drops the privileges
 * before loading the script, and exits 99 if it cannot). Never skips.
 */
export function runUnprivileged(script: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [DROP, script, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The built CLI (`bin/gongbao args...`) run by `runUnprivileged`. */
export function gongbaoUnprivileged(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  return runUnprivileged(BIN, args, opts);
}
