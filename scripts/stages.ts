// CPU time of each stage of parseIssue on a file, first call (what one CLI run pays, code
// still cold) and warm (mean of N more calls). A profiling aid for developers:
//   npx esbuild scripts/stages.ts --bundle --platform=node --format=esm --outfile=/tmp/stages.mjs && node /tmp/stages.mjs [FILE] [N]
import { readFileSync } from 'node:fs';
import { splitLines } from '../src/read/lines.js';
import { readStructure } from '../src/core/structure.js';
import { checkStructure } from '../src/check/structure.js';
import { extractTables } from '../src/features/tables/index.js';
import { extractPeople } from '../src/features/people/index.js';
import { extractSluices, gridsFromTables } from '../src/features/sluices/index.js';
import { checkDamage } from '../src/check/damage.js';
import { decode } from '../src/read/decode.js';
import { parseIssue } from '../src/parse.js';
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
const st = stage('readStructure', () => readStructure(src));
stage('checkStructure', () => checkStructure({ lines: src.lines, masthead: st.masthead, toc: st.toc, sections: st.sections, documents: st.documents }));
const tables = stage('extractTables', () => extractTables(src, st.documents));
stage('extractPeople', () => extractPeople(src, st.documents, tables.value));
stage('extractSluices', () => extractSluices(gridsFromTables(tables.value), src.lines));
stage('checkDamage', () => checkDamage(src, st));
const issue = stage('parseIssue', () => parseIssue(bytes));
stage('schema check', () => firstViolation('issue', issue));
