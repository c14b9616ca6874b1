// CPU time of each step of an export of one issue, warm (mean of N exports after a first):
// the parse, each producer of the export folder (src/write/export.ts), making each file's
// text, and writing the files. A profiling aid for developers:
//   npx esbuild scripts/export-stages.ts --bundle --platform=node --format=esm --outfile=/tmp/export-stages.mjs && node /tmp/export-stages.mjs [FILE] [N] [OUTDIR]
import { readFileSync, rmSync } from 'node:fs';
import { parseSource } from '../src/parse.js';
import { assertConforms } from '../src/model/conform.js';
import { PRODUCERS, buildExport, type ExportFile } from '../src/write/export.js';
import { writeFiles } from '../src/write/folder.js';

const file = process.argv[2] ?? 'samples/changning-2023-02.txt';
const n = Number(process.argv[3] ?? 10);
const out = process.argv[4] ?? '/tmp/gongbao-export-stages';
const bytes = readFileSync(file);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const times = new Map<string, number>();
const add = (k: string, ms: number): void => void times.set(k, (times.get(k) ?? 0) + ms);
const kindOf = (path: string): string => (path.startsWith('docs/') ? 'docs/*.md' : path.replace(/\/.*$/, '/*'));

async function once(k: number): Promise<void> {
  let t = cpu();
  const { issue, lines, fileLines } = parseSource(bytes, { name: file });
  add('parse', cpu() - t);
  const opts = { lines, ...(fileLines ? { fileLines } : {}) };
  t = cpu();
  assertConforms('issue', issue);
  add('assertConforms', cpu() - t);
  const all: ExportFile[] = [];
  for (const [i, p] of PRODUCERS.entries()) {
    t = cpu();
    const files = await p(issue, opts);
    add(`producer ${i}`, cpu() - t);
    for (const f of files) {
      t = cpu();
      const text = typeof f.data === 'string' || f.data instanceof Uint8Array ? f.data : [...f.data].join('');
      add(`text ${kindOf(f.path)}`, cpu() - t);
      all.push({ path: f.path, data: text });
    }
  }
  t = cpu();
  const files = await buildExport(issue, opts);
  add('buildExport (again, lazy)', cpu() - t);
  rmSync(`${out}-${k}`, { recursive: true, force: true });
  t = cpu();
  await writeFiles(`${out}-${k}`, all);
  add(`write ${all.length} files (text made)`, cpu() - t);
  rmSync(`${out}-${k}`, { recursive: true, force: true });
  void files;
}

await once(0);
times.clear();
for (let k = 0; k < n; k++) await once(k);
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1])) console.log(`${k.padEnd(40)} ${(v / n).toFixed(1).padStart(7)} ms`);
