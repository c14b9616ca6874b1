// A look inside V8 from a test: a small ES module run by a child Node with V8 flags the test
// runner's own process has not (`--allow-natives-syntax`, `--expose-gc` …).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Runs `code` as an ES module in a child `node` with `flags`; what it prints, parsed as JSON.
 * `modules` (a file name → a source entry point) are bundled beside it by esbuild, so the code
 * imports them as `./name`.
 */
export function probe(code: string, flags: string[], modules: Record<string, string> = {}): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-probe-'));
  try {
    for (const [name, entry] of Object.entries(modules))
      buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, name), logLevel: 'warning' });
    const file = join(dir, 'probe.mjs');
    writeFileSync(file, code);
    return JSON.parse(execFileSync(process.execPath, [...flags, file], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
