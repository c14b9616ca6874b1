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

/** A temporary folder for the files of an unprivileged run (mode 0o777, readable by any user). */
export function sharedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}

/** Capabilities that let root read any file: dropped from the bounding and inheritable sets. */
const DROP_CAPS = '-dac_override,-dac_read_search';

/**
 * Runs a Node script as a process for which a file of mode 0o000 is unreadable: as the
 * current user, or, when running as root, as root without CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH (util-linux `setpriv`), so the repository stays readable wherever it is
 * cloned. tests/helpers/drop-privileges.mjs checks the capabilities are gone and exits 99 if
 * not. Never skips.
 */
export function runUnprivileged(script: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const node = [process.execPath, DROP, script, ...args];
  const [cmd, ...argv] = isRoot ? ['setpriv', `--inh-caps=${DROP_CAPS}`, `--bounding-set=${DROP_CAPS}`, '--', ...node] : node;
  const r = spawnSync(cmd!, argv, {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error; // setpriv missing: fail, never skip
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The built CLI (`bin/gongbao args...`) run by `runUnprivileged`. */
export function gongbaoUnprivileged(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  return runUnprivileged(BIN, args, opts);
}
