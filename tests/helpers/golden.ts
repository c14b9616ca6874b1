/**
 * Golden files: expected output kept under tests/golden/, reviewed by eye and committed.
 *
 * A golden file is never written by accident. The rules:
 * - under CI (the CI environment variable set, as `.ci/run` does) nothing is ever written:
 *   a missing golden file fails, a different one fails, and so does UPDATE_GOLDEN;
 * - elsewhere a missing or different file fails too, unless the run asks for new files
 *   explicitly, e.g. after an intended change:
 *
 *       UPDATE_GOLDEN=1 npx vitest run tests/people-golden.test.ts
 *
 *   which (re)writes the golden files of that test; then review `git diff tests/golden`
 *   line by line before committing.
 *
 * `.json` files are compared as JSON values (layout may differ), others as exact text.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/** True when running under CI: the CI variable set to anything but "", "0" or "false". */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** Compares `text` with the golden file `file` (a path from the repository root), as the rules above say. */
export function expectGolden(file: string, text: string, env: NodeJS.ProcessEnv = process.env): void {
  const update = env.UPDATE_GOLDEN !== undefined && env.UPDATE_GOLDEN !== '';
  if (update && underCi(env)) throw new Error(`UPDATE_GOLDEN is set under CI: golden files are never written in CI (${file})`);
  if (update) {
    if (env.UPDATE_GOLDEN !== '1') throw new Error(`UPDATE_GOLDEN=${env.UPDATE_GOLDEN}: write golden files with UPDATE_GOLDEN=1`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  if (!existsSync(file)) {
    throw new Error(
      `golden file ${file} is missing: ${underCi(env) ? 'commit it (CI never writes golden files)' : 'run with UPDATE_GOLDEN=1 to write it, then review it'}`,
    );
  }
  const expected = readFileSync(file, 'utf8');
  if (file.endsWith('.json'))
    expect(JSON.parse(text), `${file} (UPDATE_GOLDEN=1 rewrites it after an intended change)`).toEqual(JSON.parse(expected));
  else expect(text, `${file} (UPDATE_GOLDEN=1 rewrites it after an intended change)`).toBe(expected);
}
