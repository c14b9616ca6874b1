// CPU time of each stage of parseIssue on a file, first call (what one CLI run pays, code
// still cold) and warm (mean of N more calls). A profiling aid for developers:
//   npx esbuild scripts/stages.ts --bundle --platform=node --format=esm --outfile=/tmp/stages.mjs && node /tmp/stages.mjs [FILE] [N]
import { readFileSync } from 'node:fs';
import { splitLines } from '../src/read/lines.js';
import { readStructure } from '../src/core/structure.js';
import { CHECKS, checkInput } from '../src/check/index.js';
import { FEATURES } from '../src/features/index.js';
import { decode } from '../src/read/decode.js';
import { parseIssue, runOrder } from '../src/parse.js';
import type { Context } from '../src/core/feature.js';
import { firstViolation } from '../src/model/conform.js';

const file = process.argv[2] ?? 'samples/changning-2023-02.txt';
const n = Number(process.argv[3] ?? 10);
const bytes = readFileSync(file);
const ms = (u: NodeJS.CpuUsage): string => ((u.user + u.system) / 1000).toFixed(1);
function stage<T>(name: string, f: () => T): T {
  const a0 = process.cpuUsage();
  const out = f();
  const first = process.cpuUsage(a0);
  const a = process.cpuUsage();
  for (let i = 0; i < n; i++) f();
  const d = process.cpuUsage(a);
  console.log(`${name.padEnd(16)} first ${ms(first).padStart(7)} ms   warm ${((d.user + d.system) / 1000 / n).toFixed(1).padStart(7)} ms`);
  return out;
}
const text = stage('decode', () => decode(bytes, null).text);
const src = stage('splitLines', () => splitLines(text));
const st = stage('readStructure', () => readStructure(src)).value;
// each feature (src/features/index.ts), in the order the parse runs them
const ctx: Context = { src, structure: st, records: {} };
for (const f of runOrder(FEATURES)) Object.assign(ctx.records, stage(f.name, () => f.extract(ctx)).value);
const input = checkInput(src, st, ctx.records);
for (const check of CHECKS) stage(`check ${check.name}`, () => check.run(input));
const issue = stage('parseIssue', () => parseIssue(bytes));
stage('schema check', () => firstViolation('issue', issue));
