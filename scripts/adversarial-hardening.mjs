// The inputs of issue 16 (hardening: items 1–3 and 5–9; item 4's memory cases are listed
// beside them in bench-adversarial.mjs) as cases of `npm run bench:adversarial`: each runs
// the CLI as a user would, under GNU time (/usr/bin/time: wall time and peak RSS, also of a
// process stopped by a signal), and is checked against the issue's bar: no crash (exit 70 or
// a signal nobody sent), at most 2 minutes, at most 6 × the input + 100 MB, and what the case
// itself must show (an exit code, no temporary file, a file that must be there).
//
//   node scripts/bench-adversarial.mjs --only hardening     # every case below
//   node scripts/bench-adversarial.mjs --only "byte flip"   # the cases whose name holds it
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const LIMIT_S = 120;
const MB = 1 << 20;

/** Every file under a folder (recursively), with temporary files (`.…tmp`). */
const filesIn = (d) =>
  existsSync(d)
    ? readdirSync(d, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];
const tmpLeft = (d) => filesIn(d).filter((f) => /\.tmp$/.test(f));

/**
 * The cases: name, the issue's item, and `setup(dir, ctx)` → { argv (bash -c when `shell`),
 * inputBytes (for the memory bar), check(result, dir) → '' when as it must be, else why not,
 * kill?: {signal, when(dir)} }.
 */
export function hardeningCases(sample) {
  const sampleBytes = Buffer.from(sample, 'utf8');
  const lines = sample.split('\n');
  const exitIn = (codes) => (r) => (codes.includes(r.code) ? '' : `exit ${r.code ?? r.signal}, expected ${codes.join(' or ')}`);
  return [
    {
      name: 'a 10 MB table of 10 rows of 1 000 000 | (item 1): parse',
      item: 1,
      setup: (dir, gb) => {
        const f = join(dir, 'pipes.txt');
        writeFileSync(f, '| a | b | c |\n|---|---|---|\n' + ('|'.repeat(1_000_000) + '\n').repeat(10));
        return { argv: [...gb, 'parse', f, '-o', join(dir, 'out.json')], inputBytes: 10 * 1_000_001, check: exitIn([0, 1]) };
      },
    },
    {
      name: 'duplicate ids: a section titled like an id, a repeated 文号 (item 2): export',
      item: 2,
      setup: (dir, gb) => {
        const f = join(dir, 'ids.txt');
        const doc = '关于某事的通知\n(2023 年 4 月 10 日)\n长府〔2023〕1号\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
        writeFileSync(f, `【长府-2023-1】\n\n${doc}\n【区政府文件】\n\n${doc}\n${doc}`);
        const out = join(dir, 'out');
        return {
          argv: [...gb, 'export', f, '--out', out],
          inputBytes: 1000,
          check: (r) =>
            exitIn([0, 1])(r) ||
            (filesIn(join(out, 'tables')).length === 3 ? '' : `tables/: ${filesIn(join(out, 'tables')).length} files, expected 3`),
        };
      },
    },
    {
      name: '--max-bytes 10MB on /dev/zero (item 3): refused while reading',
      item: 3,
      setup: (dir, gb) => ({ argv: [...gb, 'parse', '/dev/zero', '--max-bytes', '10MB'], inputBytes: 10 * MB, check: exitIn([2]) }),
    },
    {
      name: '--max-bytes 1000 on <(yes) (item 3): refused while reading',
      item: 3,
      setup: (dir, gb) => ({
        shell: `${gb.map((a) => `'${a}'`).join(' ')} parse <(yes) --max-bytes 1000`,
        inputBytes: 1000,
        check: exitIn([2]),
      }),
    },
    {
      name: 'prose before the 目录 and after the colophon (item 5): export keeps it in docs/matter.md',
      item: 5,
      setup: (dir, gb) => {
        const f = join(dir, 'matter.txt');
        writeFileSync(f, `本期导读\n\n${sample}\n本刊声明：转载请注明出处。\n`);
        const out = join(dir, 'out');
        return {
          argv: [...gb, 'export', f, '--out', out],
          inputBytes: sampleBytes.length,
          check: (r) => {
            if (r.code !== 0 && r.code !== 1) return `exit ${r.code}`;
            const md = existsSync(join(out, 'docs/matter.md')) ? readFileSync(join(out, 'docs/matter.md'), 'utf8') : '';
            return md.includes('本期导读') && md.includes('本刊声明') ? '' : 'docs/matter.md lacks the prose';
          },
        };
      },
    },
    ...[
      ['one byte of the sample set to 0xff', () => Object.assign(Buffer.from(sampleBytes), { [sampleBytes.length >> 1]: 0xff }), []],
      [
        'one byte set to 0xff, read with --encoding utf-8 (the hint)',
        () => Object.assign(Buffer.from(sampleBytes), { [sampleBytes.length >> 1]: 0xff }),
        ['--encoding', 'utf-8'],
      ],
      [
        'GB18030 cut inside its last character, --encoding gb18030',
        () => {
          const b = iconv.encode(sample.trimEnd() + '码', 'gb18030');
          return b.subarray(0, b.length - 1);
        },
        ['--encoding', 'gb18030'],
      ],
      [
        'UTF-16LE with one lone surrogate',
        () => {
          const b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
          b.writeUInt16LE(0xd800, 400);
          return b;
        },
        [],
      ],
      ['UTF-16BE without a BOM', () => Buffer.from(sample, 'utf16le').swap16(), ['--encoding', 'utf-16be']],
    ].map(([what, make, extra]) => ({
      name: `damaged bytes: ${what} (item 6): parse gives the documents`,
      item: 6,
      setup: (dir, gb) => {
        const f = join(dir, 'damaged.txt');
        const bytes = make();
        writeFileSync(f, bytes);
        const out = join(dir, 'out.json');
        return {
          argv: [...gb, 'parse', f, ...extra, '-o', out],
          inputBytes: bytes.length,
          check: (r) => exitIn([0, 1])(r) || (JSON.parse(readFileSync(out, 'utf8')).documents.length === 22 ? '' : 'not all 22 documents'),
        };
      },
    })),
    {
      name: 'SIGTERM during the export of 40 issues run together (item 7): stops, no temporary file',
      item: 7,
      setup: (dir, gb) => {
        const f = join(dir, 'forty.txt');
        writeFileSync(f, sample.repeat(40));
        const out = join(dir, 'out');
        return {
          argv: [...gb, 'export', f, '--out', out],
          inputBytes: 40 * sampleBytes.length,
          kill: { signal: 'SIGTERM', when: () => filesIn(out).length > 0 },
          check: (r) => exitIn([143])(r) || (tmpLeft(out).length ? `left ${tmpLeft(out).join(', ')}` : ''),
        };
      },
    },
    {
      name: 'SIGTERM during the parse of a 32 MB issue (signals, synchronous parse): stops at once',
      item: 7,
      setup: (dir, gb) => {
        const f = join(dir, 'big.txt');
        writeFileSync(f, sample.repeat(100));
        const out = join(dir, 'out');
        const t0 = Date.now();
        return {
          argv: [...gb, 'export', f, '--out', out],
          inputBytes: 100 * sampleBytes.length,
          kill: { signal: 'SIGTERM', when: () => Date.now() - t0 > 3000 },
          check: (r) =>
            r.signal === 'SIGTERM' || r.code === 143 ? (filesIn(out).length ? 'files left' : '') : `exit ${r.code ?? r.signal}`,
        };
      },
    },
    {
      name: 'a title holding ESC ] 0 ; … BEL ESC [ 2 J (item 8): validate prints it escaped',
      item: 8,
      setup: (dir, gb) => {
        const f = join(dir, 'esc.txt');
        writeFileSync(f, '关于\x1b]0;pwned\x07\x1b[2J某事的通知\n(2023 年 4 月 10 日)\n某府〔2023〕1号\n正文。\n');
        return {
          argv: [...gb, 'validate', f, '--fail-on', 'never'],
          inputBytes: 100,
          stdout: true,
          check: (r) => exitIn([0])(r) || (/[\x1b\x07]/.test(r.stdout + r.stderr) ? 'raw control characters printed' : ''),
        };
      },
    },
    {
      name: 'a title holding U+202E, --excel-safe with ＝＋－＠ (item 9): export',
      item: 9,
      setup: (dir, gb) => {
        const f = join(dir, 'bidi.txt');
        writeFileSync(f, '关于‮gnp.exe的通知\n(2023 年 4 月 10 日)\n某府〔2023〕1号\n\n| 项目 | 说明 |\n|---|---|\n| 1 | ＝SUM(A1) |\n');
        const out = join(dir, 'out');
        return {
          argv: [...gb, 'export', f, '--out', out, '--excel-safe'],
          inputBytes: 200,
          check: (r) => {
            if (r.code !== 0 && r.code !== 1) return `exit ${r.code}`;
            const names = filesIn(out);
            if (names.some((n) => /[\u202a-\u202e\u2066-\u2069]/.test(n))) return 'a file name holds a bidi control';
            const t = filesIn(join(out, 'tables'))
              .map((n) => readFileSync(join(out, 'tables', n), 'utf8'))
              .join('');
            return t.includes("'＝SUM") ? '' : '＝ not neutralised';
          },
        };
      },
    },
    {
      name: 'a folder 800 levels deep, a FIFO and a symlink out beside it (item 9): validate',
      item: 9,
      setup: (dir, gb) => {
        const root = join(dir, 'in');
        let p = root;
        for (let i = 0; i < 800; i++) p = join(p, 'd');
        mkdirSync(p, { recursive: true });
        writeFileSync(join(p, 'a.txt'), '关于某事的通知\n正文。\n');
        execFileSync('mkfifo', [join(root, 'fifo.txt')]);
        symlinkSync('/etc/hostname', join(root, 'out.txt'));
        return {
          argv: [...gb, 'validate', root],
          inputBytes: 100,
          check: (r) =>
            exitIn([2])(r) ||
            (/fifo\.txt: (?:error: )?skipped: a FIFO/.test(r.stdout + r.stderr) && /2 files could not be read/.test(r.stdout + r.stderr)
              ? ''
              : `summary: ${(r.stdout + r.stderr).slice(-200)}`),
        };
      },
    },
    {
      name: 'U+2028 in every line of the sample (item 9): lines 1:1 with the file',
      item: 9,
      setup: (dir, gb) => {
        const f = join(dir, 'ls.txt');
        writeFileSync(f, lines.map((l) => (l ? l + '\u2028' : l)).join('\n'));
        const out = join(dir, 'out.json');
        return {
          argv: [...gb, 'parse', f, '-o', out],
          inputBytes: sampleBytes.length + 3 * lines.length,
          check: (r) =>
            exitIn([0, 1])(r) ||
            (JSON.parse(readFileSync(out, 'utf8')).source.lines === (sample.endsWith('\n') ? lines.length - 1 : lines.length)
              ? ''
              : 'line count differs'),
        };
      },
    },
  ];
}

/** Runs one case under GNU time; resolves to its figures and the verdict. */
function runCase(c, gb) {
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-harden-'));
  const s = c.setup(dir, gb);
  const timed = ['-f', 'GNUTIME %e %M', ...(s.shell ? ['bash', '-c', s.shell] : s.argv)];
  return new Promise((resolve) => {
    // a process group of its own: past the limit the whole group is stopped
    const child = spawn('/usr/bin/time', timed, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout.length < 1 << 20 ? (stdout += d) : null));
    child.stderr.on('data', (d) => (stderr += d));
    /** Sends a signal to the command under time (time's own child). */
    const signalCommand = (signal) => {
      try {
        const kids = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
          .trim()
          .split('\n');
        for (const k of kids) process.kill(Number(k), signal);
      } catch {}
    };
    let poll = null;
    if (s.kill) {
      poll = setInterval(() => {
        if (s.kill.when(dir)) {
          clearInterval(poll);
          poll = null;
          signalCommand(s.kill.signal);
        }
      }, 20);
    }
    // past the limit (and a margin) the command is stopped: the case has failed anyway
    const guard = setTimeout(
      () => {
        signalCommand('SIGKILL');
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      },
      (LIMIT_S + 10) * 1000,
    );
    child.on('close', () => {
      if (poll) clearInterval(poll);
      clearTimeout(guard);
      const m = /GNUTIME ([\d.]+) (\d+)/.exec(stderr);
      const sig = /Command terminated by signal (\d+)/.exec(stderr);
      const exit = /Command exited with non-zero status (\d+)/.exec(stderr);
      const code = sig ? null : exit ? Number(exit[1]) : 0;
      const signal = sig ? ({ 1: 'SIGHUP', 2: 'SIGINT', 9: 'SIGKILL', 15: 'SIGTERM' }[sig[1]] ?? `signal ${sig[1]}`) : null;
      // no figures from time: the guard stopped the whole group past the limit
      const seconds = m ? Number(m[1]) : LIMIT_S + 10;
      const rssMb = m ? Number(m[2]) / 1024 : NaN;
      const limitMb = (6 * s.inputBytes) / MB + 100;
      const r = { code, signal, stdout, stderr: stderr.replace(/.*GNUTIME.*\n?|Command (exited|terminated).*\n?/g, '') };
      const problems = [];
      if (!m) problems.push(`stopped after ${LIMIT_S + 10} s: over the limit, peak RSS not measured`);
      else if (signal === 'SIGKILL') problems.push(`stopped after ${seconds} s: over the limit`);
      else if (code === 70 || (signal && signal !== s.kill?.signal)) problems.push(`crashed (${code ?? signal})`);
      if (!(seconds <= LIMIT_S)) problems.push(`${seconds} s > ${LIMIT_S} s`);
      if (!(rssMb <= limitMb)) problems.push(`peak RSS ${rssMb.toFixed(0)} MB > ${limitMb.toFixed(0)} MB`);
      const own = s.check(r, dir);
      if (own) problems.push(own);
      rmSync(dir, { recursive: true, force: true });
      resolve({
        name: c.name,
        item: c.item,
        seconds,
        peakRssMb: Math.round(rssMb),
        limitMb: Math.round(limitMb),
        exit: code ?? signal,
        ok: problems.length === 0,
        problems,
      });
    });
  });
}

/** Runs the cases whose name holds `only` (all when null), one after the other; prints a line each. */
export async function runHardening(sample, gb, { only = null, asJson = false } = {}) {
  if (!existsSync('/usr/bin/time')) throw new Error('the hardening cases need GNU time (/usr/bin/time; apt-get install time)');
  const out = [];
  for (const c of hardeningCases(sample)) {
    if (only && only !== 'hardening' && !c.name.toLowerCase().includes(only.toLowerCase())) continue;
    const r = await runCase(c, gb);
    out.push(r);
    if (!asJson)
      console.log(
        `${r.ok ? '✓' : '✗'} ${r.seconds.toFixed(1).padStart(6)} s ${String(r.peakRssMb).padStart(5)} MB (≤ ${r.limitMb}) exit ${r.exit}  ${r.name}${r.ok ? '' : `\n    ${r.problems.join('; ')}`}`,
      );
  }
  return out;
}
