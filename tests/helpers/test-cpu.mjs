// npm run test:cpu [-- vitest arguments]: runs `npm test` (or the files named) with the CPU
// time of every file and test recorded (vitest.cpu.config.ts), then prints the files by CPU
// time, each with its costliest tests: own = the test worker (all threads), kids = the CLI
// processes it started. Linux only (/proc/self/stat).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const out = join(tmpdir(), `gongbao-test-cpu-${process.pid}.ndjson`);
const args = process.argv.slice(2);
const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.cpu.config.ts', ...args], {
  stdio: 'inherit',
  env: { ...process.env, GONGBAO_TEST_CPU: out },
});
if (!existsSync(out)) process.exit(run.status ?? 1);
const rows = readFileSync(out, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
rmSync(out);
const name = (f) => relative(process.cwd(), f);
const files = rows.filter((r) => r.test === undefined).sort((a, b) => b.self + b.kids - (a.self + a.kids));
const s = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(9);
let own = 0;
let kids = 0;
console.log(`\nCPU time by test file (own = the test worker, kids = the processes it started)`);
for (const f of files) {
  own += f.self;
  kids += f.kids;
  console.log(`${s(f.self + f.kids)}  own${s(f.self)}  kids${s(f.kids)}  ${name(f.file)}`);
  const tests = rows.filter((r) => r.test !== undefined && r.file === f.file).sort((a, b) => b.self + b.kids - (a.self + a.kids));
  for (const t of tests.slice(0, 3)) if (t.self + t.kids >= 300) console.log(`${' '.repeat(13)}${s(t.self + t.kids)}  ${t.test}`);
}
console.log(`${s(own + kids)}  own${s(own)}  kids${s(kids)}  in all ${files.length} files`);
process.exit(run.status ?? 1);
