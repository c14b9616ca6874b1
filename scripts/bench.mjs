// npm run bench: how fast gongbao is, as ratios measured side by side in one run (alternating
// runs, so that the load of the machine hits every tool alike; medians):
//   1. whole process on the sample: gongbao parse against pandoc -f gfm -t json (Debian
//      package pandoc; left out with a note if missing), unified + remark-parse + remark-gfm
//      (scripts/bench-remark.mjs), node -e 0 (what starting Node alone costs) and gongbao
//      --version (what starting gongbao costs, no input: the floor under a parse);
//   2. in one process, through the library (dist/index.js): MB/s of the first parse (cold)
//      and of later ones (warm), and how soon V8 settles (the mean parse of parses 2–10,
//      11–20, 21–30);
//   3. scaling: the sample run together 1×, 20× and 100× over (each copy with another
//      district and issue number): warm in-process and whole-process time against 1×, MB/s,
//      and the peak RSS of the process (/usr/bin/time, Debian package time), and the peak
//      RSS of a parse of 200× (64 MB);
//   4. what plain text pays for the input readers: reading the sample through the readers
//      against splitting it into lines, and the warm parse against the commit before the
//      readers landed (READERS_BEFORE, built from git history; left out without git);
//   5. a batch (benchBatch): gongbao export of varied copies, --jobs 1 vs --jobs 2;
//   and, with --schema-check, the schema check of outputs against the hand-written checker it
//   replaced (scripts/bench-schema-check.mjs).
// Usage: npm run bench [-- --runs N] [-- --copies N] [-- --no-batch] [-- --no-scaling]
//                      [-- --no-readers] [-- --schema-check] [-- FILE]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { benchSchemaCheck } from './bench-schema-check.mjs';

/** The commit before the input readers (src/read/readers.ts) landed: plain text only. */
export const READERS_BEFORE = 'ca7b7b9^';

const args = process.argv.slice(2);
const valued = ['--runs', '--copies'];
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const runs = opt('--runs', 21);
const copies = opt('--copies', 40);
const file = args.find((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1])) ?? 'samples/changning-2023-02.txt';
// Built only when missing (run `npm run build` after changing src/): a rebuild writes a new
// bundle, which throws the V8 code cache of the old one away.
if (!existsSync('dist/cli.cjs') || !existsSync('dist/index.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const MB = (bytes) => bytes / 1e6;
const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'gongbao-bench-'));

/**
 * Runs each tool `n` times, alternating (reversed every other round); wall time in ms and,
 * with /usr/bin/time, CPU time (user + system, 10 ms steps) in ms and peak RSS in MB of each
 * run. Throws when a tool fails.
 */
function alternate(tools, n) {
  const out = new Map(tools.map((t) => [t.name, { ms: [], cpu: [], rss: [] }]));
  for (let r = 0; r < n; r++) {
    for (const t of r % 2 ? [...tools].reverse() : tools) {
      const [cmd, argv] = hasTime ? ['/usr/bin/time', ['-f', 'gongbao-bench-rss %M %U %S', t.cmd, ...t.args]] : [t.cmd, t.args];
      const t0 = performance.now();
      const p = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, env: t.env ?? process.env });
      const ms = performance.now() - t0;
      if (p.status !== 0) throw new Error(`${t.name} failed: ${p.stderr}`);
      out.get(t.name).ms.push(ms);
      const rss = /gongbao-bench-rss (\d+) ([\d.]+) ([\d.]+)/.exec(String(p.stderr));
      if (rss) {
        out.get(t.name).rss.push(Number(rss[1]) / 1024);
        out.get(t.name).cpu.push((Number(rss[2]) + Number(rss[3])) * 1000);
      }
    }
  }
  return out;
}

/** The sample n times over, each copy with its own district name and issue number. */
function concatenated(text, n) {
  const names = '东南西北中上下前后左右甲乙丙丁戊己庚辛壬癸春夏秋冬金木水火土'.split('');
  const parts = [];
  for (let i = 0; i < n; i++) {
    const district = i === 0 ? '长宁' : names[i % names.length] + names[Math.floor(i / names.length) % names.length];
    parts.push(text.replaceAll('长宁', district).replace(/第\s*(\d+)\s*期/, `第 ${i + 1} 期`));
  }
  return parts.join('\n');
}

/** node scripts/bench-inprocess.mjs in a fresh process; its JSON. */
function inProcess(extra, files) {
  const p = spawnSync(process.execPath, ['scripts/bench-inprocess.mjs', ...extra, ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (p.status !== 0) throw new Error(`bench-inprocess failed: ${p.stderr}`);
  return JSON.parse(p.stdout);
}

function header() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg().map((x) => x.toFixed(1));
  console.log(
    `${new Date().toISOString().slice(0, 16)}Z · ${cpu} · ${cpus().length} cores · Node ${process.version} · load average ${load.join(' ')}`,
  );
}

/** gongbao parse and node -e 0 of `tools` again, run with NODE_EXTRA_CA_CERTS unset. */
function withoutExtraCerts(tools) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return tools
    .filter((t) => t.name === 'gongbao parse' || t.name === 'node -e 0' || t.name === 'gongbao --version')
    .map((t) => ({ ...t, name: `${t.name}, no EXTRA_CA`, env }));
}

/** 1. The whole process on the sample, against the peers and Node's own start. */
function benchProcess() {
  const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
  const tools = [
    { name: 'gongbao parse', cmd: process.execPath, args: ['bin/gongbao', 'parse', file] },
    ...(hasPandoc ? [{ name: 'pandoc -f gfm -t json', cmd: 'pandoc', args: ['-f', 'gfm', '-t', 'json', file] }] : []),
    { name: 'remark-parse + remark-gfm', cmd: process.execPath, args: ['scripts/bench-remark.mjs', file] },
    { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] },
    // gongbao's own start: Node, the launcher, the CLI bundle and its code cache, no input
    { name: 'gongbao --version', cmd: process.execPath, args: ['bin/gongbao', '--version'] },
  ];
  // Node 20 reads every certificate of NODE_EXTRA_CA_CERTS (and its own ~140 root
  // certificates) as it starts, before any JavaScript runs: ~90 ms of CPU on this machine,
  // where the environment sets it. Measured without it too, to tell Node's start from gongbao's.
  if (process.env.NODE_EXTRA_CA_CERTS) tools.push(...withoutExtraCerts(tools));
  for (const t of tools) spawnSync(t.cmd, t.args, { stdio: 'ignore', env: t.env ?? process.env }); // the file cache, the V8 code cache
  const times = alternate(tools, runs);
  const size = statSync(file).size;
  console.log(`\n1. whole process: ${file} (${(size / 1024).toFixed(0)} KiB), ${runs} alternating runs, medians`);
  console.log(
    `  ${''.padEnd(32)} ${'wall'.padStart(8)}     ${'gongbao/this'.padStart(12)}  ${hasTime ? `${'CPU'.padStart(8)}     gongbao/this` : ''}`,
  );
  const g = median(times.get('gongbao parse').ms);
  const gc = hasTime ? median(times.get('gongbao parse').cpu) : NaN;
  for (const t of tools) {
    const m = median(times.get(t.name).ms);
    const c = hasTime ? median(times.get(t.name).cpu) : NaN;
    const cpu = hasTime ? `${c.toFixed(0).padStart(8)} ms  ${(gc / c).toFixed(2).padStart(12)}` : '';
    console.log(`  ${t.name.padEnd(32)} ${m.toFixed(1).padStart(8)} ms  ${(g / m).toFixed(2).padStart(12)}  ${cpu}`);
  }
  const n0 = median(times.get('node -e 0').ms);
  console.log(`  gongbao parse: ${(MB(size) / (g / 1000)).toFixed(2)} MB/s; node -e 0 takes ${(n0 / g).toFixed(2)} of its wall time`);
  // No parse can take less than gongbao's start: how far the rest of a parse is from the
  // target of issue 15 (0.6 of pandoc) shows against it.
  const v = median(times.get('gongbao --version').ms);
  const floor = hasPandoc ? `, ${(v / median(times.get('pandoc -f gfm -t json').ms)).toFixed(2)} of pandoc` : '';
  console.log(
    `  start-up floor: gongbao --version takes ${(v / g).toFixed(2)} of a parse's wall time${floor}; the parse itself ${(g - v).toFixed(0)} ms`,
  );
  if (!hasPandoc) console.log('  (pandoc not installed: apt-get install -y pandoc to include it)');
  if (process.env.NODE_EXTRA_CA_CERTS) {
    console.log('  ("no EXTRA_CA": the same, with NODE_EXTRA_CA_CERTS, which Node reads as it starts, unset)');
    if (hasPandoc) {
      const r = (name, key) => median(times.get(`${name}, no EXTRA_CA`)[key]) / median(times.get('pandoc -f gfm -t json')[key]);
      for (const name of ['gongbao parse', 'gongbao --version'])
        console.log(
          `  ${name} without NODE_EXTRA_CA_CERTS / pandoc: ${r(name, 'ms').toFixed(2)} wall${hasTime ? `, ${r(name, 'cpu').toFixed(2)} CPU` : ''}`,
        );
    }
  }
}

/** 2. and 3. In one process (cold, warm) and scaling with the size of the input. */
function benchScaling(text) {
  const sizes = [1, 20, 100];
  const files = sizes.map((n) => {
    const f = join(work, `x${n}.txt`);
    writeFileSync(f, n === 1 ? text : concatenated(text, n));
    return f;
  });
  const bytes = files.map((f) => statSync(f).size);
  // in one process: cold = the first parse of a fresh process; warm = later parses
  const colds = [];
  const settles = [];
  const warm = new Map(files.map((f) => [f, []]));
  const procs = Math.max(3, Math.round(runs / 4));
  for (let r = 0; r < procs; r++) {
    const res = inProcess(['--runs', '5', '--warm', '3', '--warm-bytes', '1e7'], files.slice(0, 2));
    colds.push(res.cold);
    settles.push(res.settle);
    for (const f of files.slice(0, 2)) warm.get(f).push(res.warm[f]);
  }
  const big = inProcess(['--runs', '3', '--warm', '1'], [files[2]]);
  warm.get(files[2]).push(big.warm[files[2]]);
  const cold = median(colds);
  const w = files.map((f) => median(warm.get(f)));
  console.log(`\n2. in one process (library, dist/index.js), ${procs} processes: median wall time of parseIssue`);
  console.log(`  cold (first parse)   ${cold.toFixed(1).padStart(8)} ms   ${(MB(bytes[0]) / (cold / 1000)).toFixed(1)} MB/s`);
  console.log(`  warm                 ${w[0].toFixed(1).padStart(8)} ms   ${(MB(bytes[0]) / (w[0] / 1000)).toFixed(1)} MB/s`);
  // how soon V8 settles for a library user: the mean parse of each window, median of the processes
  const windows = ['2–10', '11–20', '21–30'];
  console.log(
    `  settling             ${windows.map((w, i) => `parses ${w} ${median(settles.map((x) => x[i])).toFixed(1)} ms`).join(', ')}`,
  );
  // whole process on the concatenated inputs
  const tools = files.map((f, i) => ({ name: `${sizes[i]}×`, cmd: process.execPath, args: ['bin/gongbao', 'parse', f] }));
  const proc = new Map([...alternate(tools.slice(0, 2), Math.max(3, Math.round(runs / 4))), ...alternate([tools[2]], 3)]);
  console.log(`\n3. scaling: the sample run together n× over; time against 1× (≤ n× is linear)`);
  console.log(
    `  ${'n'.padEnd(5)} ${'MB'.padStart(6)}   ${'warm in-process'.padStart(26)}   ${'whole gongbao parse'.padStart(30)}   peak RSS (CPU time against 1×)`,
  );
  files.forEach((f, i) => {
    const p = proc.get(`${sizes[i]}×`);
    const pm = median(p.ms);
    const rss = p.rss.length ? `${median(p.rss).toFixed(0)} MB (CPU ${(median(p.cpu) / median(proc.get('1×').cpu)).toFixed(1)}×)` : 'n/a';
    console.log(
      `  ${`${sizes[i]}×`.padEnd(5)} ${MB(bytes[i]).toFixed(1).padStart(6)}   ${w[i].toFixed(0).padStart(7)} ms ${`${(w[i] / w[0]).toFixed(1)}×`.padStart(6)} ${(MB(bytes[i]) / (w[i] / 1000)).toFixed(1).padStart(5)} MB/s` +
        `   ${pm.toFixed(0).padStart(7)} ms ${`${(pm / median(proc.get('1×').ms)).toFixed(1)}×`.padStart(6)} ${(MB(bytes[i]) / (pm / 1000)).toFixed(1).padStart(5)} MB/s   ${rss}`,
    );
  });
  if (hasTime) {
    const f = join(work, 'x200.txt');
    writeFileSync(f, concatenated(text, 200));
    const r = alternate([{ name: '200×', cmd: process.execPath, args: ['bin/gongbao', 'parse', f] }], 1).get('200×');
    console.log(
      `  200× (${MB(statSync(f).size).toFixed(1)} MB): gongbao parse ${(r.ms[0] / 1000).toFixed(1)} s, peak RSS ${r.rss[0].toFixed(0)} MB`,
    );
    rmSync(f);
  } else console.log('  (peak RSS needs /usr/bin/time: apt-get install -y time)');
}

/** 4. What plain text pays for the input readers. */
async function benchReaders() {
  // the reading stage of the current code: through the readers vs splitting lines alone
  const probe = join(work, 'stages.mjs');
  await bundle(
    `export { readText } from ${JSON.stringify(resolve('src/read/readers.ts'))};\nexport { splitLines } from ${JSON.stringify(resolve('src/read/lines.ts'))};\n`,
    probe,
  );
  const st = [];
  for (let r = 0; r < 3; r++) st.push(inProcess(['--stages', probe, '--runs', '15', '--warm', '10'], [file]));
  const rt = median(st.map((s) => s.readText));
  const sl = median(st.map((s) => s.splitLines));
  console.log(`\n4. plain text and the input readers (${file})`);
  console.log(
    `  read through the readers ${rt.toFixed(2)} ms, split into lines alone ${sl.toFixed(2)} ms: ${(rt - sl).toFixed(2)} ms more`,
  );
  // the whole parse, now and before the readers landed
  const old = join(work, 'before-readers');
  mkdirSync(old);
  const git = spawnSync('sh', ['-c', `git archive ${READERS_BEFORE} src schemas | tar -x -C ${JSON.stringify(old)}`]);
  if (git.status !== 0) {
    console.log(`  (no git history at hand: the comparison with ${READERS_BEFORE} is left out)`);
    return;
  }
  const oldLib = join(old, 'lib.mjs');
  await bundle(`export { parseIssue } from ${JSON.stringify(join(old, 'src/index.ts'))};\n`, oldLib);
  const now = [];
  const before = [];
  for (let r = 0; r < Math.max(3, Math.round(runs / 4)); r++) {
    for (const [lib, into] of r % 2
      ? [
          [oldLib, before],
          ['dist/index.js', now],
        ]
      : [
          ['dist/index.js', now],
          [oldLib, before],
        ])
      into.push(inProcess(['--lib', lib, '--runs', '9', '--warm', '10'], [file]).warm[file]);
  }
  const a = median(now);
  const b = median(before);
  console.log(
    `  warm parse now ${a.toFixed(1)} ms, at ${READERS_BEFORE} (plain text only) ${b.toFixed(1)} ms: now/before = ${(a / b).toFixed(2)}`,
  );
}

/** A module of source text, bundled for Node (packages from this project's node_modules). */
function bundle(contents, outfile) {
  return build({
    stdin: { contents, resolveDir: resolve('.'), loader: 'ts' },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    nodePaths: [resolve('node_modules')],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
}

/**
 * Batch: `gongbao export` of `n` copies of the sample, each with another district name and
 * issue number (every file parsed anew, every issue its own folder), with --jobs 1 and
 * --jobs 2, runs interleaved; prints the medians as issues per second, the speed-up, and
 * the CPU time per issue of each (user + system, of the process and its threads).
 */
function benchBatch(text, n = copies, rounds = 3) {
  const shelf = mkdtempSync(join(tmpdir(), 'gongbao-bench-'));
  const inputs = join(shelf, 'in');
  mkdirSync(inputs);
  const names = '东南西北中上下前后左右甲乙丙丁戊己庚辛壬癸春夏秋冬金木水火土'.split('');
  for (let i = 0; i < n; i++) {
    const district = names[i % names.length] + names[Math.floor(i / names.length) % names.length];
    const t = text.replaceAll('长宁', district).replace(/第\s*(\d+)\s*期/, `第 ${i + 1} 期`);
    writeFileSync(join(inputs, `issue-${String(i).padStart(3, '0')}.txt`), t);
  }
  const wall = { 1: [], 2: [] };
  const cpu = { 1: [], 2: [] };
  for (let r = 0; r < rounds; r++) {
    for (const jobs of r % 2 ? [2, 1] : [1, 2]) {
      const out = join(shelf, `out-${jobs}`);
      const t0 = performance.now();
      // /usr/bin/time -f: the child's CPU time, threads included (spawnSync gives only wall time)
      const cmd = [process.execPath, 'bin/gongbao', 'export', inputs, '--out', out, '--jobs', `${jobs}!`, '--quiet'];
      const timed = existsSync('/usr/bin/time');
      const p = spawnSync(timed ? '/usr/bin/time' : cmd[0], timed ? ['-f', '%U %S', ...cmd] : cmd.slice(1), {
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      });
      wall[jobs].push((performance.now() - t0) / 1000);
      if (p.status !== 0) throw new Error(`batch export failed: ${p.stderr}`);
      if (timed) {
        const [u, sys] = p.stderr.trim().split('\n').pop().split(' ').map(Number);
        cpu[jobs].push(u + sys);
      }
      rmSync(out, { recursive: true, force: true });
    }
  }
  console.log(
    `\n5. batch: gongbao export of ${n} varied copies of ${file}, ${rounds} interleaved runs each, median wall time of the whole process`,
  );
  for (const jobs of [1, 2]) {
    const w = median(wall[jobs]);
    console.log(
      `  --jobs ${jobs}  ${w.toFixed(2).padStart(7)} s   ${(n / w).toFixed(1).padStart(5)} issues/s${cpu[jobs].length ? `   CPU ${((median(cpu[jobs]) / n) * 1000).toFixed(0)} ms an issue` : ''}`,
    );
  }
  console.log(`  speed-up --jobs 2 / --jobs 1 = ${(median(wall[1]) / median(wall[2])).toFixed(2)}×`);
  rmSync(shelf, { recursive: true, force: true });
}

try {
  const text = readFileSync(file, 'utf8');
  header();
  benchProcess();
  if (!args.includes('--no-scaling')) benchScaling(text);
  if (!args.includes('--no-readers')) await benchReaders();
  if (!args.includes('--no-batch')) benchBatch(text);
  if (args.includes('--schema-check')) await benchSchemaCheck(file, runs);
  console.log(
    `\nload average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
