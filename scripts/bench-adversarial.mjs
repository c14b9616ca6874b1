// Pathological inputs (cmark's pathological tests, applied to gazettes): for each, the CPU
// time parseIssue (and JSON.stringify of its result) takes divided by the time it takes for
// normal text of the same size (the sample, cut or repeated to that size). A ratio above 5
// means something is worse than linear. Each case runs in a child process of its own, its
// runs interleaved with those of the normal text, a full collection before each (medians of
// 5); in one shared process the heap left by earlier cases moved the figures by ±50%. Then
// the peak memory of the CLI (parse and export) on a 64 MB input, and the --max-bytes refusal.
//
//   npm run build && npm run bench:adversarial            # all cases
//   node scripts/bench-adversarial.mjs --quick            # smaller sizes, no 64 MB run
//   node scripts/bench-adversarial.mjs --json             # machine-readable figures
//   node scripts/bench-adversarial.mjs --memory-only      # only the 64 MB memory run
//   node scripts/bench-adversarial.mjs --only hardening   # only issue 16's inputs (--only NAME: those whose name holds NAME)
//   node scripts/bench-adversarial.mjs --only memory      # only issue 16's memory cases (bench-memory-cases.mjs)
//
// Exit code 1 when a ratio exceeds 5 or the memory ceiling is broken. A benchmark, not a
// test: timing is never asserted in `npm test`.
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { parseIssue } = await import(join(root, 'dist/index.js'));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const asJson = args.includes('--json');
const LIMIT = 5;

const sample = readFileSync(join(root, 'samples/changning-2023-02.txt'), 'utf8');
const { adversarialCases } = await import('./adversarial-cases.mjs');

/** Normal gazette text of (about) n UTF-8 bytes: the sample cut at a line or repeated. */
function normalText(bytes) {
  const unit = Buffer.from(sample, 'utf8');
  const parts = [];
  let left = bytes;
  while (left > 0) {
    if (left >= unit.length) {
      parts.push(unit);
      left -= unit.length;
      continue;
    }
    let cut = unit.lastIndexOf(0x0a, left);
    if (cut <= 0) cut = left;
    parts.push(unit.subarray(0, cut + 1));
    left = 0;
  }
  return Buffer.concat(parts);
}

const CASES = adversarialCases(sample);

/** CPU time of one parseIssue + JSON.stringify, after a full collection (same heap state for every run). */
function timeOnce(buf) {
  globalThis.gc();
  // CPU time of this process, not wall time: the figures hold on a busy machine too.
  const c0 = process.cpuUsage();
  try {
    const issue = parseIssue(buf);
    JSON.stringify(issue);
  } catch (err) {
    if (err?.name !== 'InputError') throw err;
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One case, in a child process of its own (`--case i`): its heap and JIT state are not the other cases'. */
function measureCase(i) {
  const [, make] = CASES[i];
  let text = make();
  if (quick && text.length > 200_000) text = text.slice(0, 200_000);
  const buf = Buffer.from(text, 'utf8');
  const normal = normalText(buf.length);
  const runs = buf.length > 4_000_000 ? 3 : 5;
  timeOnce(normal); // warm up
  timeOnce(buf);
  // interleaved, so that a slower moment of the machine weighs on both sides alike
  const tn = [];
  const ta = [];
  for (let r = 0; r < runs; r++) {
    tn.push(timeOnce(normal));
    ta.push(timeOnce(buf));
  }
  return { bytes: buf.length, ms: median(ta), normalMs: median(tn) };
}

const caseArg = args.indexOf('--case');
if (caseArg >= 0) {
  process.stdout.write(JSON.stringify(measureCase(Number(args[caseArg + 1]))));
  process.exit(0);
}

// The inputs of issue 16 (scripts/adversarial-hardening.mjs): time and peak RSS of the CLI on
// each, against "no crash, ≤ 2 minutes, ≤ 6 × input + 100 MB". `--only NAME` runs only those
// whose name holds NAME (`--only hardening`: all of them), nothing else.
const { runHardening } = await import('./adversarial-hardening.mjs');
const gongbaoCli = [process.execPath, join(root, 'bin/gongbao')];
// The memory cases of item 4 (bench-memory-cases.mjs) are chosen the same way (`--only memory`: all of them).
const onlyArg = args.indexOf('--only');
if (onlyArg >= 0) {
  const only = args[onlyArg + 1] ?? 'hardening';
  const rs = only === 'memory' ? [] : await runHardening(sample, gongbaoCli, { only, asJson });
  const { benchMemoryCases } = await import('./bench-memory-cases.mjs');
  const caseDir = mkdtempSync(join(tmpdir(), 'gongbao-memory-'));
  let ms = [];
  try {
    if (only !== 'hardening') ms = await benchMemoryCases(root, caseDir, { quick, print: !asJson, only: only === 'memory' ? null : only });
  } finally {
    rmSync(caseDir, { recursive: true, force: true });
  }
  if (asJson) console.log(JSON.stringify({ hardening: rs, memoryCases: ms }, null, 2));
  const all = [...rs, ...ms];
  process.exit(all.length > 0 && all.every((r) => r.ok) ? 0 : 1);
}

const results = [];
let worst = { name: '', ratio: 0 };
const memoryOnly = args.includes('--memory-only');
for (const [i, [name]] of (memoryOnly ? [] : CASES).entries()) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(import.meta.url), '--case', String(i), ...(quick ? ['--quick'] : [])],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`case “${name}” failed (exit ${child.status}):\n${child.stderr}`);
  const { bytes, ms: ta, normalMs: tn } = JSON.parse(child.stdout);
  // Below ~20 ms, timer noise and GC dominate; compare against at least 20 ms.
  const ratio = ta / Math.max(tn, 20);
  results.push({ name, bytes, ms: +ta.toFixed(1), normalMs: +tn.toFixed(1), ratio: +ratio.toFixed(2) });
  if (ratio > worst.ratio) worst = { name, ratio };
  if (!asJson)
    console.log(
      `${ratio > LIMIT ? '✗' : '✓'} ${ratio.toFixed(2).padStart(6)}×  ${String(Math.round(ta)).padStart(6)} ms vs ${String(Math.round(tn)).padStart(5)} ms  ${(bytes / 1e6).toFixed(2).padStart(6)} MB  ${name}`,
    );
}

// Memory: the CLI on a 64 MB input — `parse` and `export`, the main job — peak RSS from
// the child's own resource usage.
let memory = null;
const dir = mkdtempSync(join(tmpdir(), 'gongbao-bench-'));
try {
  const size = quick ? 8 << 20 : 64 << 20;
  const big = join(dir, 'big.txt');
  writeFileSync(big, normalText(size));
  const wrapper = join(dir, 'rss.mjs');
  writeFileSync(
    wrapper,
    `import { writeSync } from 'node:fs';
process.on('exit', () => writeSync(2, '\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));
await import(${JSON.stringify(existsSync(join(root, 'dist/cli.cjs')) ? join(root, 'dist/cli.cjs') : join(root, 'dist/cli.js'))});\n`,
  );
  const limitMb = (6 * size) / (1 << 20) + 100;
  // The ceiling (6 × the input + 100 MB) is the issue's, for a 64 MB input; the --quick run's
  // 8 MB input is mostly Node's own baseline, so there it is only shown.
  memory = { inputMb: size / (1 << 20), limitMb: quick ? null : limitMb, commands: [] };
  for (const args of [
    ['parse', big, '-o', join(dir, 'out.json')],
    ['export', big, '--out', join(dir, 'out'), '-q'],
  ]) {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [wrapper, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const m = /MAXRSS (\d+)/.exec(r.stderr);
    const rssMb = m ? Number(m[1]) / 1024 : NaN;
    const run = { command: args[0], peakRssMb: Math.round(rssMb), seconds: (Date.now() - t0) / 1000, exit: r.status };
    memory.commands.push(run);
    const within = quick || rssMb <= limitMb;
    if (!asJson)
      console.log(
        `${within && r.status === 0 ? '✓' : '✗'} gongbao ${args[0]}: peak RSS ${run.peakRssMb} MB for a ${size >> 20} MB input (${quick ? 'the 6× + 100 MB ceiling is for the 64 MB run' : `limit 6× + 100 MB = ${limitMb} MB`}), ${run.seconds.toFixed(1)} s, exit ${r.status}${r.status ? `\n${r.stderr.slice(0, 500)}` : ''}`,
      );
  }

  // --max-bytes: refused before reading, with a clear message.
  const refused = spawnSync(process.execPath, [join(root, 'bin/gongbao'), 'parse', big, '--max-bytes', '1000000'], { encoding: 'utf8' });
  memory.refusal = { exit: refused.status, message: refused.stderr.trim() };
  if (!asJson) console.log(`${refused.status === 2 ? '✓' : '✗'} --max-bytes 1000000: exit ${refused.status}: ${refused.stderr.trim()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (!asJson) console.log('\nissue 16 inputs (time, peak RSS, limit 6 × input + 100 MB):');
const hardening = memoryOnly ? [] : await runHardening(sample, gongbaoCli, { asJson });

// The memory cases of issue 16 item 4, each with its time and peak RSS (bench-memory-cases.mjs).
const { benchMemoryCases } = await import('./bench-memory-cases.mjs');
const caseDir = mkdtempSync(join(tmpdir(), 'gongbao-memory-'));
let memoryCases = [];
try {
  if (!asJson) console.log('\nmemory cases of issue 16 (the CLI, whole process):');
  memoryCases = await benchMemoryCases(root, caseDir, { quick, print: !asJson });
} finally {
  rmSync(caseDir, { recursive: true, force: true });
}

if (asJson) console.log(JSON.stringify({ limit: LIMIT, worst, cases: results, memory, hardening, memoryCases }, null, 2));
else if (!memoryOnly) console.log(`\nslowest pathological case: ${worst.ratio.toFixed(2)}× (${worst.name}); limit ${LIMIT}×`);
const failed =
  worst.ratio > LIMIT ||
  hardening.some((r) => !r.ok) ||
  (memory &&
    (memory.commands.some((c) => (memory.limitMb !== null && c.peakRssMb > memory.limitMb) || c.exit !== 0) ||
      memory.refusal?.exit !== 2)) ||
  (!quick && memoryCases.some((c) => !c.ok));
process.exitCode = failed ? 1 : 0;
