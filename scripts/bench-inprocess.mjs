// Part of `npm run bench`: parse time inside one process, through the library (dist/index.js,
// or the module given by --lib). Prints one line of JSON, times in ms of wall time:
//   cold: the first parseIssue of the first file (code not compiled yet, as a fresh process)
//   warm: per file, the median of --runs parses after --warm parses of that file, and at
//     least --warm-bytes (default 8 MB) parsed: V8 settles after some 20 parses of the sample
//   settle: the mean of parses 2–10, 11–20 and 21–30 of the first file (the first is `cold`):
//     how soon V8 settles for a library user (fewer parses when --warm-bytes ends it sooner)
//   readText / splitLines (with --stages MODULE, a bundle exporting both): what reading plain
//     text costs through the readers (src/read/readers.ts: sniffing the form, the text
//     reader) against splitting it into lines alone, on the first file
// Usage: node scripts/bench-inprocess.mjs [--lib FILE] [--runs N] [--warm N] [--stages MODULE] FILE...
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const lib = await import(pathToFileURL(resolve(opt('--lib', 'dist/index.js'))).href);
const runs = Number(opt('--runs', 15));
const warmRuns = Number(opt('--warm', 10));
const warmBytes = Number(opt('--warm-bytes', 8e6));
const files = args.filter(
  (a, i) => !a.startsWith('--') && !['--lib', '--runs', '--warm', '--warm-bytes', '--stages'].includes(args[i - 1]),
);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const time = (f) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

/** The settle windows as slices of the warm-up parses (the first of them is parse 2). */
const SETTLE = [
  [0, 9],
  [9, 19],
  [19, 29],
];
const out = { cold: 0, warm: {}, settle: [] };
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
files.forEach((file, k) => {
  const bytes = readFileSync(file);
  if (k === 0) out.cold = time(() => lib.parseIssue(bytes));
  const warmN = Math.max(warmRuns, Math.ceil(warmBytes / bytes.length));
  const early = [];
  for (let i = 0; i < warmN; i++) early.push(time(() => lib.parseIssue(bytes)));
  if (k === 0) for (const [from, to] of SETTLE) if (early.length >= to) out.settle.push(mean(early.slice(from, to)));
  const ts = [];
  for (let i = 0; i < runs; i++) ts.push(time(() => lib.parseIssue(bytes)));
  out.warm[file] = median(ts);
});
if (args.includes('--stages')) {
  const text = readFileSync(files[0], 'utf8');
  const { readText, splitLines } = await import(pathToFileURL(resolve(opt('--stages'))).href);
  {
    const rt = [];
    const sl = [];
    for (let i = 0; i < runs + warmRuns; i++) {
      rt.push(time(() => readText(text)));
      sl.push(time(() => splitLines(text)));
    }
    out.readText = median(rt.slice(warmRuns));
    out.splitLines = median(sl.slice(warmRuns));
  }
}
console.log(JSON.stringify(out));
