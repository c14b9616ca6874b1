// Tests that run the CLI use the bundled dist/, so build it once before any test.
// Every temporary file or folder of the run (the tests', and those of the CLI processes they
// start: TMPDIR is inherited) goes into one folder, removed when the run ends: a run used to
// leave some 70 folders (50 MB) in /tmp, tests that make a folder not all removing it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-test-run-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
