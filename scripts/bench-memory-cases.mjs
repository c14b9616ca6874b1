// The memory cases of issue 16 item 4, for `npm run bench:adversarial`: each runs the built
// CLI on an input made here and reports its time and peak RSS against the README's budget
// (6 × the input + 100 MB; for a batch, 6 × the inputs run at once + 100 MB). Peak RSS is
// the child's high-water mark (VmHWM, threads included), polled every 20 ms; a child that
// passes twice its budget is killed (so a runaway case cannot take the machine down) and
// reported as such. A case also fails past 2 minutes.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MB = 1 << 20;
/** The issue's bar on time: 2 minutes a case. */
const LIMIT_S = 120;

/** The cases: name, files to make (name → text), the CLI arguments, the inputs the budget counts. */
function cases(dir, root, quick) {
  const k = quick ? 0.1 : 1;
  const n = (x) => +(x * k).toFixed(1);
  const sample = readFileSync(join(root, 'samples/changning-2023-02.txt'), 'utf8');
  const ofSize = (bytes) => {
    let t = '';
    while (Buffer.byteLength(t) < bytes) t += sample;
    return t;
  };
  const two = ofSize(12.8e6 * k);
  return [
    {
      name: `\`yes | head -c ${n(200)}M | gongbao parse -\``,
      files: { 'yes.txt': () => Buffer.alloc(Math.round(200 * k * MB), 'y\n') },
      args: (d) => ['parse', '-', '-o', join(d, 'yes.json')],
      stdin: 'yes.txt',
      inputs: ['yes.txt'],
    },
    {
      name: `a ${n(1)} MB table of ${n(1)} M cells, export`,
      files: { 'cells.txt': () => '| a | b | c |\n| --- | --- | --- |\n' + '|'.repeat(Math.round(1e6 * k)) + '\n' },
      args: (d) => ['export', join(d, 'cells.txt'), '--out', join(d, 'cells-out'), '-q'],
      inputs: ['cells.txt'],
    },
    {
      name: `a ${n(50)} MB single line, parse`,
      files: { 'line.txt': () => '正文内容'.repeat(Math.round((50e6 * k) / 12)) + '\n' },
      args: (d) => ['parse', join(d, 'line.txt'), '-o', join(d, 'line.json')],
      inputs: ['line.txt'],
    },
    {
      name: `two ${n(12.8)} MB issues, export --jobs 2`,
      files: { 'two/a.txt': () => two, 'two/b.txt': () => two.replace(/第\s*2\s*期/, '第 5 期') },
      args: (d) => ['export', join(d, 'two'), '--out', join(d, 'two-out'), '--jobs', '2!', '-q'],
      inputs: ['two/a.txt', 'two/b.txt'],
    },
    {
      name: `one ${n(12.8)} MB issue, export (for the line above)`,
      files: {},
      args: (d) => ['export', join(d, 'two', 'a.txt'), '--out', join(d, 'one-out'), '-q'],
      inputs: ['two/a.txt'],
    },
  ];
}

/** Peak resident memory of a process so far, in MB (Linux), or null. */
function hwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function runOne(root, dir, c, budgetMb) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [join(root, 'bin/gongbao'), ...c.args(dir)], {
      stdio: [c.stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'],
    });
    if (c.stdin) {
      child.stdin.on('error', () => {});
      child.stdin.end(readFileSync(join(dir, c.stdin)));
    }
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    let killed = false;
    const poll = setInterval(() => {
      peak = Math.max(peak, hwm(child.pid) ?? 0);
      if (peak > 2 * budgetMb && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ seconds: (Date.now() - t0) / 1000, peakRssMb: Math.round(peak), exit: code, killed, stderr: stderr.slice(0, 300) });
    });
  });
}

/** Runs every case; prints a line each (or returns the figures for --json). */
export async function benchMemoryCases(root, dir, { quick = false, print = true, only = null } = {}) {
  const results = [];
  const all = cases(dir, root, quick);
  for (const [i, c] of all.entries()) {
    // `only`: the cases whose name holds it (and the files a later one of them reads)
    const wants = (d) => !only || d.name.toLowerCase().includes(only.toLowerCase());
    const wanted = wants(c);
    const later = all.slice(i + 1).filter(wants);
    for (const [name, make] of Object.entries(c.files)) {
      if (!wanted && !later.some((d) => d.inputs.includes(name))) continue;
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), make());
    }
    if (!wanted) continue;
    let bytes = 0;
    for (const f of c.inputs) bytes += statSync(join(dir, f)).size;
    const budgetMb = Math.round((6 * bytes) / MB + 100);
    const r = await runOne(root, dir, c, budgetMb);
    // the issue's bar: within the budget, and (like the hardening cases) within 2 minutes
    const ok = !r.killed && r.exit !== null && r.exit <= 1 && r.peakRssMb <= budgetMb && r.seconds <= LIMIT_S;
    results.push({ name: c.name, inputMb: +(bytes / MB).toFixed(1), budgetMb, ...r, ok });
    if (print)
      console.log(
        `${ok ? '✓' : '✗'} ${c.name}: ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb} MB (budget ${budgetMb} MB${r.seconds > LIMIT_S ? `; past ${LIMIT_S} s` : ''})${r.killed ? ', killed at twice the budget' : `, exit ${r.exit}`}${!ok && r.stderr ? `\n    ${r.stderr.trim().split('\n')[0]}` : ''}`,
      );
  }
  return results;
}
