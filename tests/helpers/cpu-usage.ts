// The CPU time of each test file and each test, for `npm run test:cpu` (vitest.cpu.config.ts
// loads this file before every test file). Read from /proc/self/stat: the worker's own time
// (all its threads) and that of the child processes it waited for (the CLI runs it starts),
// in clock ticks of 10 ms. Wall time on a shared machine says little; this says what a file
// costs. Appends one JSON line per file and per test to $GONGBAO_TEST_CPU (a file).
import { appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

const OUT = process.env.GONGBAO_TEST_CPU ?? join(tmpdir(), 'gongbao-test-cpu.ndjson');

/** [own, children] CPU time of this process so far, in ms. */
function cpu(): [number, number] {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // the fields after the command's closing parenthesis: utime stime cutime cstime are 14–17
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [(Number(f[11]) + Number(f[12])) * 10, (Number(f[13]) + Number(f[14])) * 10];
}

// loaded before the test file: its imports count as its own
const atLoad = cpu();
let file = '?';
let atTest = atLoad;

beforeAll(({}, suite) => {
  file = suite.file?.filepath ?? file;
});
beforeEach(() => {
  atTest = cpu();
});
afterEach((ctx) => {
  const [self, kids] = cpu();
  const line = { file, test: ctx.task.fullName, self: self - atTest[0], kids: kids - atTest[1] };
  appendFileSync(OUT, JSON.stringify(line) + '\n');
});
afterAll(() => {
  const [self, kids] = cpu();
  appendFileSync(OUT, JSON.stringify({ file, self: self - atLoad[0], kids: kids - atLoad[1] }) + '\n');
});
