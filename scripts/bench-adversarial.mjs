// Pathological inputs (cmark's pathological tests, applied to gazettes): for each, the CPU
// time parseIssue (and JSON.stringify of its result) takes divided by the time it takes for
// normal text of the same size (the sample, cut or repeated to that size). A ratio above 5
// means something is worse than linear. Each case runs in a child process of its own, its
// runs interleaved with those of the normal text, a full collection before each (medians of
// 5); in one shared process the heap left by earlier cases moved the figures by ±50%. Then the peak memory of the CLI on a 64 MB input, and the --max-bytes refusal.
//
//   npm run build && npm run bench:adversarial            # all cases
//   node scripts/bench-adversarial.mjs --quick            # smaller sizes, no 64 MB run
//   node scripts/bench-adversarial.mjs --json             # machine-readable figures
//   node scripts/bench-adversarial.mjs --memory-only      # only the 64 MB memory run
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

/** Normal gazette text of (about) n UTF-8 bytes: the sample cut at a line or repeated. */
function normalText(bytes) {
  const unit = Buffer.from(sample, 'utf8');
  const parts = [];
  let left = bytes;
  while (left > 0) {
    if (left >= unit.length) { parts.push(unit); left -= unit.length; continue; }
    let cut = unit.lastIndexOf(0x0a, left);
    if (cut <= 0) cut = left;
    parts.push(unit.subarray(0, cut + 1));
    left = 0;
  }
  return Buffer.concat(parts);
}

const rep = (s, n) => s.repeat(n);
const row = (cells, fill = ' ') => '|' + Array.from({ length: cells }, () => fill).join('|') + '|';
const oneLine = sample.replace(/\n+/g, ' ');
const CASES = [
  ['1 MB on one line (the sample, newlines removed)', () => rep(oneLine, Math.ceil((1 << 20) / Buffer.byteLength(oneLine))).slice(0, 400_000)],
  ['100 000 | on one line', () => rep('|', 100_000)],
  ['100 000 lines of |', () => rep('|\n', 100_000)],
  ['100 000 【 without 】', () => rep('【', 100_000)],
  ['100 000 【 lines without 】', () => rep('【\n', 100_000)],
  ['100 000 〔 without 〕', () => rep('〔', 100_000)],
  ['100 000 《 without 》', () => rep('《', 100_000)],
  ['100 000 ( without ) on one line', () => rep('(', 100_000)],
  ['50 000 lines of (一)', () => rep('(一)\n', 50_000)],
  ['50 000 lines of （二〇二三年四月十日）', () => rep('（二〇二三年四月十日）\n', 50_000)],
  ['50 000 document headers (title, date, 文号)', () => rep('关于某事的通知\n(2023 年 4 月 10 日)\n府办〔2023〕10号\n', 50_000)],
  ['20 000 【category】 headers', () => rep('【区政府文件】\n', 20_000)],
  ['目录 with 20 000 entries, then their documents', () => '目 录\n【区政府文件】\n' + Array.from({ length: 20_000 }, (_, i) => `${i + 1}. 关于第${i}号事项的通知…… (${i + 1})\n`).join('') + '【区政府文件】\n' + Array.from({ length: 20_000 }, (_, i) => `关于第${i}号事项的通知\n(2023 年 4 月 10 日)\n正文。\n`).join('')],
  ['100 000 附件 lines', () => rep('附件：1. 标题\n附件 1\n', 50_000)],
  ['100 000 《title》 citations', () => rep('根据《关于某事的通知》和府办〔2023〕10号，', 10_000) + '\n'],
  ['a table of 10 000 columns', () => [row(10_000, ' h '), row(10_000, '---'), ...Array.from({ length: 20 }, () => row(10_000, ' 1 '))].join('\n') + '\n'],
  ['200 000 empty table rows', () => ['| a | b | c |', '|---|---|---|', ...Array.from({ length: 200_000 }, () => '| | | |')].join('\n') + '\n'],
  ['200 000 table rows, page-split every 3 rows', () => ['| a | b | c |', '|---|---|---|', ...Array.from({ length: 66_000 }, (_, i) => `| ${i} | x | y |\n\n| | | |\n|---|---|---|`)].join('\n') + '\n'],
  ['100 000 \\| escapes in a cell', () => '| a | b |\n|---|---|\n| ' + rep('\\|', 100_000) + ' | x |\n'],
  ['100 000 <p> in cells', () => '| a | b |\n|---|---|\n' + rep('| <p>x<p>y | $\\geq 1\\%$ |\n', 50_000)],
  ['100 000 JZD stakes', () => '| 序号 | 桩号 | Y(m) | X(m) |\n|---|---|---|---|\n' + Array.from({ length: 100_000 }, (_, i) => `| ${i + 1} | JZD${i + 1} | -1${i}.5 | 5${i}.25 |`).join('\n') + '\n'],
  ['50 000 roster lines', () => rep('组  长：张三（区委常委、副区长）\n成  员：李四、王五、赵六\n', 25_000)],
  ['1 000 000 spaces and tabs', () => rep(' \t', 500_000) + 'x\n'],
  ['200 000 lines of U+FFFD', () => rep('\ufffd\n', 200_000)],
  ['sample ×8 run together', () => rep(sample, 8)],
];

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

const results = [];
let worst = { name: '', ratio: 0 };
const memoryOnly = args.includes('--memory-only');
for (const [i, [name]] of (memoryOnly ? [] : CASES).entries()) {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--case', String(i), ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`case “${name}” failed (exit ${child.status}):\n${child.stderr}`);
  const { bytes, ms: ta, normalMs: tn } = JSON.parse(child.stdout);
  // Below ~20 ms, timer noise and GC dominate; compare against at least 20 ms.
  const ratio = ta / Math.max(tn, 20);
  results.push({ name, bytes, ms: +ta.toFixed(1), normalMs: +tn.toFixed(1), ratio: +ratio.toFixed(2) });
  if (ratio > worst.ratio) worst = { name, ratio };
  if (!asJson) console.log(`${ratio > LIMIT ? '✗' : '✓'} ${ratio.toFixed(2).padStart(6)}×  ${String(Math.round(ta)).padStart(6)} ms vs ${String(Math.round(tn)).padStart(5)} ms  ${(bytes / 1e6).toFixed(2).padStart(6)} MB  ${name}`);
}

// Memory: the CLI on a 64 MB input, peak RSS from the child's own resource usage.
let memory = null;
const dir = mkdtempSync(join(tmpdir(), 'gongbao-bench-'));
try {
  const size = quick ? 8 << 20 : 64 << 20;
  const big = join(dir, 'big.txt');
  writeFileSync(big, normalText(size));
  const wrapper = join(dir, 'rss.mjs');
  writeFileSync(wrapper, `import { writeSync } from 'node:fs';
process.on('exit', () => writeSync(2, '\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));
await import(${JSON.stringify(existsSync(join(root, 'dist/cli.cjs')) ? join(root, 'dist/cli.cjs') : join(root, 'dist/cli.js'))});\n`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [wrapper, 'parse', big, '-o', join(dir, 'out.json')], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /MAXRSS (\d+)/.exec(r.stderr);
  const rssMb = m ? Number(m[1]) / 1024 : NaN;
  const limitMb = (6 * size) / (1 << 20) + 100;
  // The ceiling (6 × the input + 100 MB) is the issue's, for a 64 MB input; the --quick run's
  // 8 MB input is mostly Node's own baseline, so there it is only shown.
  memory = { inputMb: size / (1 << 20), peakRssMb: Math.round(rssMb), limitMb: quick ? null : limitMb, seconds: (Date.now() - t0) / 1000, exit: r.status };
  const within = quick || rssMb <= limitMb;
  if (!asJson) console.log(`${within && r.status === 0 ? '✓' : '✗'} peak RSS ${Math.round(rssMb)} MB for a ${size >> 20} MB input (${quick ? 'the 6× + 100 MB ceiling is for the 64 MB run' : `limit 6× + 100 MB = ${limitMb} MB`}), ${memory.seconds.toFixed(1)} s, exit ${r.status}${r.status ? `\n${r.stderr.slice(0, 500)}` : ''}`);

  // --max-bytes: refused before reading, with a clear message.
  const refused = spawnSync(process.execPath, [join(root, 'bin/gongbao'), 'parse', big, '--max-bytes', '1000000'], { encoding: 'utf8' });
  memory.refusal = { exit: refused.status, message: refused.stderr.trim() };
  if (!asJson) console.log(`${refused.status === 2 ? '✓' : '✗'} --max-bytes 1000000: exit ${refused.status}: ${refused.stderr.trim()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (asJson) console.log(JSON.stringify({ limit: LIMIT, worst, cases: results, memory }, null, 2));
else if (!memoryOnly) console.log(`\nslowest pathological case: ${worst.ratio.toFixed(2)}× (${worst.name}); limit ${LIMIT}×`);
const failed = worst.ratio > LIMIT || (memory && ((memory.limitMb !== null && memory.peakRssMb > memory.limitMb) || memory.exit !== 0 || memory.refusal?.exit !== 2));
process.exitCode = failed ? 1 : 0;
