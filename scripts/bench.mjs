// npm run bench: times whole processes, alternating between the tools so that machine
// load hits them alike, and prints medians and the ratios gongbao / peer.
//   gongbao parse SAMPLE            (the built CLI)
//   pandoc -f gfm -t json SAMPLE    (Debian package pandoc; skipped with a note if missing)
//   node scripts/bench-remark.mjs   (unified + remark-parse + remark-gfm)
//   and a batch: gongbao export of 100 varied copies of the sample, --jobs 1 vs --jobs 2
// Usage: npm run bench [-- --runs N] [-- --copies N] [-- --no-batch] [-- FILE]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 21;
const copiesAt = args.indexOf('--copies');
const copies = copiesAt >= 0 ? Number(args[copiesAt + 1]) : 100;
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs' && args[i - 1] !== '--copies') ?? 'samples/changning-2023-02.txt';
if (!existsSync('dist/cli.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
const tools = [
  { name: 'gongbao parse', cmd: process.execPath, args: ['bin/gongbao', 'parse', file] },
  ...(hasPandoc ? [{ name: 'pandoc -f gfm -t json', cmd: 'pandoc', args: ['-f', 'gfm', '-t', 'json', file] }] : []),
  { name: 'remark-parse + remark-gfm', cmd: process.execPath, args: ['scripts/bench-remark.mjs', file] },
];
const times = new Map(tools.map((t) => [t.name, []]));
for (const t of tools) spawnSync(t.cmd, t.args, { stdio: 'ignore' }); // warm the file cache
for (let r = 0; r < runs; r++) {
  for (const t of r % 2 ? [...tools].reverse() : tools) {
    const t0 = performance.now();
    const p = spawnSync(t.cmd, t.args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    const ms = performance.now() - t0;
    if (p.status !== 0) throw new Error(`${t.name} failed: ${p.stderr}`);
    times.get(t.name).push(ms);
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const size = statSync(file).size;
console.log(`file: ${file} (${(size / 1024).toFixed(0)} KiB), ${runs} alternating runs, whole process, median wall time`);
const g = median(times.get('gongbao parse'));
for (const t of tools) {
  const m = median(times.get(t.name));
  const ratio = t.name === 'gongbao parse' ? '' : `   gongbao/peer = ${(g / m).toFixed(2)}`;
  console.log(`  ${t.name.padEnd(28)} ${m.toFixed(1).padStart(7)} ms${ratio}`);
}
if (!hasPandoc) console.log('  (pandoc not installed: apt-get install -y pandoc to include it)');

if (!args.includes('--no-batch')) {
  // Batch: copies of the sample with another district name and issue number each, so that
  // every file is parsed anew and every issue gets its own folder.
  const shelf = mkdtempSync(join(tmpdir(), 'gongbao-bench-'));
  const text = readFileSync(file, 'utf8');
  const names = '东南西北中上下前后左右甲乙丙丁戊己庚辛壬癸春夏秋冬金木水火土'.split('');
  let bytes = 0;
  for (let i = 0; i < copies; i++) {
    const district = names[i % names.length] + names[Math.floor(i / names.length) % names.length];
    const t = text.replaceAll('长宁', district).replace(/第\s*(\d+)\s*期/, `第 ${i + 1} 期`);
    writeFileSync(join(shelf, `issue-${String(i).padStart(3, '0')}.txt`), t);
    bytes += Buffer.byteLength(t);
  }
  const result = {};
  for (const jobs of [1, 2]) {
    const out = join(shelf, `out-${jobs}`);
    const t0 = performance.now();
    const p = spawnSync(process.execPath, ['bin/gongbao', 'export', shelf, '--out', out, '--jobs', String(jobs), '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const s = (performance.now() - t0) / 1000;
    if (p.status !== 0) throw new Error(`batch export failed: ${p.stderr}`);
    result[jobs] = s;
    rmSync(out, { recursive: true, force: true });
  }
  const mb = bytes / 1e6;
  console.log(`batch: gongbao export of ${copies} varied copies (${mb.toFixed(1)} MB), whole process`);
  for (const jobs of [1, 2]) console.log(`  --jobs ${jobs}  ${result[jobs].toFixed(2).padStart(7)} s   ${(mb / result[jobs]).toFixed(2)} MB/s`);
  console.log(`  speed-up --jobs 2 / --jobs 1 = ${(result[1] / result[2]).toFixed(2)}×`);
  rmSync(shelf, { recursive: true, force: true });
}
