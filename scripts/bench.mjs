// npm run bench: times whole processes, alternating between the tools so that machine
// load hits them alike, and prints medians and the ratios gongbao / peer.
//   gongbao parse SAMPLE            (the built CLI)
//   pandoc -f gfm -t json SAMPLE    (Debian package pandoc; skipped with a note if missing)
//   node scripts/bench-remark.mjs   (unified + remark-parse + remark-gfm)
// Usage: npm run bench [-- --runs N] [-- FILE]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { existsSync, statSync } from 'node:fs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 21;
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? 'samples/changning-2023-02.txt';
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
