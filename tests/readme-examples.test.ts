import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LONG } from './fuzz-helpers.js';

/**
 * Every example of the README runs as written. The convention (stated in the README):
 * - every line that starts with `gongbao ` inside a ```sh block is an example; it runs in
 *   bash (pipes to jq, head, grep as written, with pipefail: the exit status is gongbao's
 *   unless a later stage fails) with `gongbao` meaning `node bin/gongbao`, in a temporary
 *   folder holding samples/changning-2023-02.txt (and tests/fixtures/real/); the examples of one block run in order in
 *   the same folder (a later one may read what an earlier one wrote);
 * - it must exit 0, or N when the line ends with `# exits N`;
 * - the file or folder it names with `--out`, `-o` or `>` must exist and not be empty;
 * - a ```text block right after a ```sh block is the output of the block's last example:
 *   its stdout, or its stderr when it prints nothing on stdout (summaries); a line `…`
 *   stands for any number of lines.
 * Other lines of sh blocks (npm ci, npm link …) are not run here.
 * `npm test` runs one block per command (see `everyday`); `npm run test:long` runs them all.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SAMPLE = 'samples/changning-2023-02.txt';
const hasJq = spawnSync('jq', ['--version']).status === 0;

interface Block {
  lang: string;
  body: string;
  start: number;
  end: number;
}

const blocks: Block[] = [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1]!,
  body: m[2]!,
  start: m.index!,
  end: m.index! + m[0].length,
}));

interface Example {
  command: string;
  exit: number;
}

function examples(block: Block): Example[] {
  return block.body
    .split('\n')
    .filter((l) => l.startsWith('gongbao '))
    .map((command) => ({ command, exit: Number(/#\s*exits (\d+)\s*$/.exec(command)?.[1] ?? 0) }));
}

/** The text block right after a block (nothing but blank lines between them), if any. */
function outputOf(i: number): string | null {
  const next = blocks[i + 1];
  if (!next || next.lang !== 'text' || README.slice(blocks[i]!.end, next.start).trim() !== '') return null;
  return next.body;
}

/** Lines of `actual` match `expected`, where a line `…` matches any run of lines. */
function matches(actual: string[], expected: string[]): boolean {
  const memo = new Map<string, boolean>();
  const go = (a: number, e: number): boolean => {
    const key = `${a},${e}`;
    if (memo.has(key)) return memo.get(key)!;
    let r: boolean;
    if (e === expected.length) r = a === actual.length;
    else if (expected[e] === '…') r = go(a, e + 1) || (a < actual.length && go(a + 1, e));
    else r = a < actual.length && actual[a] === expected[e] && go(a + 1, e + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

const lines = (s: string): string[] => s.replace(/\n$/, '').split('\n');

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-readme-'));
  mkdirSync(join(dir, 'samples'));
  copyFileSync(join(ROOT, SAMPLE), join(dir, SAMPLE));
  // the real texts of other layouts, which the README's input section reads
  cpSync(join(ROOT, 'tests/fixtures/real'), join(dir, 'tests/fixtures/real'), { recursive: true });
  return dir;
}

function run(command: string, cwd: string) {
  const script = `gongbao() { node ${JSON.stringify(join(ROOT, 'bin/gongbao'))} "$@"; }\n${command}\n`;
  const r = spawnSync('bash', ['--noprofile', '--norc', '-o', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Paths an example says it writes. */
function written(command: string): string[] {
  const c = command.replace(/#.*$/, '');
  return [...c.matchAll(/(?:--out|-o)\s+(\S+)|>\s*(\S+)/g)].map((m) => (m[1] ?? m[2])!).filter((p) => p !== '-' && p !== '/dev/null');
}

function nonEmpty(path: string): boolean {
  if (!existsSync(path)) return false;
  const st = statSync(path);
  return st.isDirectory() ? readdirSync(path).length > 0 : st.size > 0;
}

const shBlocks = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.lang === 'sh' && examples(b).length > 0);

/** The commands of gongbao: each has an example in the README. */
const COMMANDS = ['parse', 'export', 'extract', 'plot', 'validate', 'rules', 'schema'];
/**
 * `npm test` runs, for each command, the first block that has an example of it (at least one
 * run of every command as the README writes it); `npm run test:long` runs every block.
 */
const everyday = shBlocks.filter(({ b }, k) =>
  COMMANDS.some(
    (cmd) =>
      examples(b).some((e) => e.command.startsWith(`gongbao ${cmd} `)) &&
      shBlocks.findIndex(({ b: x }) => examples(x).some((e) => e.command.startsWith(`gongbao ${cmd} `))) === k,
  ),
);

/** The folders in which a block's examples all ran and passed, by the block's index. */
const ranIn = new Map<number, string>();

describe('README examples', () => {
  it('are found, and every command of gongbao --help has one', () => {
    const all = shBlocks.flatMap(({ b }) => examples(b).map((e) => e.command));
    expect(all.length).toBeGreaterThan(15);
    for (const cmd of COMMANDS) {
      expect(
        all.some((c) => c.startsWith(`gongbao ${cmd} `)),
        cmd,
      ).toBe(true);
    }
    // every line of an sh block is a command, no prompt or output in it
    for (const b of blocks.filter((x) => x.lang === 'sh')) for (const l of b.body.split('\n')) expect(l.startsWith('$ '), l).toBe(false);
  });

  it('the README stays at most 300 lines (longer text goes to docs/)', () => {
    expect(README.replace(/\n$/, '').split('\n').length).toBeLessThanOrEqual(300);
  });

  it('matches: a … line stands for any run of lines', () => {
    expect(matches(['a', 'b', 'c'], ['a', '…', 'c'])).toBe(true);
    expect(matches(['a', 'c'], ['a', '…', 'c'])).toBe(true);
    expect(matches(['a', 'b', 'c'], ['a', 'c'])).toBe(false);
    expect(matches(['a', 'b'], ['a', '…', 'c'])).toBe(false);
  });

  for (const { b, i } of LONG ? shBlocks : everyday) {
    const list = examples(b);
    const expected = outputOf(i);
    const needsJq = list.some((e) => /\|\s*jq\b/.test(e.command));
    // jq is not part of gongbao; where it is missing those examples cannot run as written
    it.skipIf(needsJq && !hasJq)(
      list.map((e) => e.command.split(' ').slice(0, 3).join(' ')).join('; '),
      () => {
        const dir = folder();
        let last: ReturnType<typeof run> | null = null;
        for (const e of list) {
          last = run(e.command, dir);
          expect(last.code, `${e.command}\n${last.stderr}`).toBe(e.exit);
          for (const p of written(e.command)) expect(nonEmpty(join(dir, p)), `${e.command} writes ${p}`).toBe(true);
        }
        if (expected !== null) {
          const out = last!.stdout !== '' ? last!.stdout : last!.stderr;
          expect(matches(lines(out), lines(expected)), `output of ${list.at(-1)!.command}:\n${out}`).toBe(true);
        }
        ranIn.set(i, dir);
      },
      120_000,
    );
  }

  it('npm start runs the README’s first gongbao example, and the export holds every file the README lists', () => {
    const start = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start as string;
    expect(start.startsWith('node bin/gongbao ')).toBe(true);
    const first = examples(shBlocks[0]!.b)[0]!.command;
    expect(first).toBe(start.replace(/^node bin\/gongbao /, 'gongbao '));
    // The first block is that one example: the folder it ran in holds its export (one run
    // of Node fewer); otherwise, or when it did not run, the example runs here.
    let dir = examples(shBlocks[0]!.b).length === 1 ? ranIn.get(shBlocks[0]!.i) : undefined;
    if (dir === undefined) {
      dir = folder();
      expect(run(first, dir).code).toBe(0);
    }
    const tree = blocks.find((x) => x.lang === 'text' && x.body.startsWith('out/\n'))!;
    const entries = tree.body
      .split('\n')
      .slice(1)
      .filter(Boolean)
      // a line names one file, or several joined by ", ", then says what they hold
      .flatMap((l) => {
        const m = /[├└]── ((?:\S+, )*\S+)\s+(.*)$/.exec(l)!;
        return m[1]!.split(', ').map((path) => [m[0], path, m[2]] as const);
      });
    expect(entries.length).toBeGreaterThan(10);
    for (const [, path, what] of entries) {
      if (/only with --crs|only when the issue has parcels/.test(what!)) {
        expect(existsSync(join(dir, 'out', path!)), path).toBe(false);
        continue;
      }
      const m = /^(.*\/)?([^/]*)$/.exec(path!)!;
      if (/<|NN/.test(m[2]!)) {
        // a pattern: at least one file of the folder with that extension
        const ext = m[2]!.slice(m[2]!.lastIndexOf('.'));
        expect(
          readdirSync(join(dir, 'out', m[1]!)).some((f) => f.endsWith(ext)),
          path,
        ).toBe(true);
      } else expect(nonEmpty(join(dir, 'out', path!)), path).toBe(true);
    }
    const top = readdirSync(join(dir, 'out')).sort();
    const listed = new Set(entries.map((e) => e[1]!.split('/')[0]!));
    for (const f of top) expect(listed.has(f), `${f} is in the README's list`).toBe(true);
  }, 120_000);

  it('the library example runs as written against the built package', () => {
    const js = blocks.filter((b) => b.lang === 'js');
    expect(js.length).toBeGreaterThan(0);
    for (const b of js) {
      const dir = folder();
      // `import … from 'gongbao'` resolves to this package, as it does for a user who installed it
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(ROOT, join(dir, 'node_modules', 'gongbao'), 'dir');
      writeFileSync(join(dir, 'example.mjs'), b.body);
      const r = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^长府-2023-13 2023-04-10 /m);
      expect(nonEmpty(join(dir, 'out', 'issue.json'))).toBe(true);
    }
  }, 120_000);
});
