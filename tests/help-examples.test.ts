import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { buildProgram } from '../src/cli/main.js';
import { LONG } from './fuzz-helpers.js';

/**
 * Every example in every `--help` runs as written (issue 17: `extract --help` showed a
 * command that exits 2). Each example line holding `gongbao ` runs in bash with pipefail,
 * `gongbao` meaning this tree's bin/gongbao, in a fresh folder where the names the help
 * uses exist: samples/changning-2023-02.txt, issue.txt (the sample), old.txt (the sample in
 * GBK), archive/ and issues/ (folders holding it). It must exit 0 — validate 0 or 1 (1:
 * the sample has an error, which is what validate is for) — with no usage error, and the
 * file or folder it names with -o, --out or > must exist and not be empty.
 * `npm run test:long` runs every example; the everyday `npm test` the first example of each
 * command whose examples were once wrong (extract, extract tables, validate), the others
 * being mostly the README's, which tests/readme-examples.test.ts runs.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = join(ROOT, 'samples/changning-2023-02.txt');
const hasJq = spawnSync('jq', ['--version']).status === 0;

/** The help text of a command, as `gongbao … --help` prints it (addHelpText included). */
function helpOf(cmd: Command): string {
  let text = '';
  cmd.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  cmd.outputHelp();
  return text;
}

function allCommands(cmd: Command, path: string[] = []): Array<{ path: string[]; cmd: Command }> {
  return [{ path, cmd }, ...cmd.commands.flatMap((c) => allCommands(c, [...path, c.name()]))];
}

/** Example lines: the indented lines after `Examples:` up to the next blank line. */
function examplesOf(help: string): string[] {
  const out: string[] = [];
  for (const block of help.split(/^Examples:\n/m).slice(1)) {
    for (const line of block.split('\n')) {
      if (!/^ {2}\S/.test(line)) break;
      if (/(^|\|\s*)gongbao /.test(line.trim())) out.push(line.trim());
    }
  }
  return out;
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-help-'));
  mkdirSync(join(dir, 'samples'));
  copyFileSync(SAMPLE, join(dir, 'samples/changning-2023-02.txt'));
  copyFileSync(SAMPLE, join(dir, 'issue.txt'));
  for (const d of ['archive', 'issues']) {
    mkdirSync(join(dir, d));
    copyFileSync(SAMPLE, join(dir, d, 'changning-2023-02.txt'));
  }
  const gbk = spawnSync('iconv', ['-c', '-f', 'utf-8', '-t', 'gbk', SAMPLE]);
  writeFileSync(join(dir, 'old.txt'), gbk.stdout);
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

function written(command: string): string[] {
  const c = command.replace(/#.*$/, '');
  return [...c.matchAll(/(?:--out|-o)\s+(\S+)|>\s*(\S+)/g)].map((m) => (m[1] ?? m[2])!).filter((p) => p !== '-' && p !== '/dev/null');
}

const nonEmpty = (path: string): boolean =>
  existsSync(path) && (statSync(path).isDirectory() ? readdirSync(path).length > 0 : statSync(path).size > 0);

const helps = allCommands(buildProgram()).map(({ path, cmd }) => ({
  name: ['gongbao', ...path].join(' '),
  examples: examplesOf(helpOf(cmd)),
}));
const examples = [...new Set(helps.flatMap((h) => h.examples))];
const EVERYDAY = new Set(['gongbao extract', 'gongbao extract tables', 'gongbao validate']);
// npm test: the first example of each of those commands; npm run test:long: every example
const run_ = LONG ? examples : [...new Set(helps.filter((h) => EVERYDAY.has(h.name)).flatMap((h) => h.examples.slice(0, 1)))];

describe('--help examples', () => {
  it('are found: every command with options has some, and the main help lists every command', () => {
    const names = helps.filter((h) => h.examples.length > 0).map((h) => h.name);
    for (const n of ['gongbao', 'gongbao parse', 'gongbao export', 'gongbao extract', 'gongbao extract tables', 'gongbao plot sluices']) {
      expect(names).toContain(n);
    }
    for (const n of ['gongbao validate', 'gongbao rules', 'gongbao schema']) expect(names).toContain(n);
    expect(examples.length).toBeGreaterThan(25);
    expect(examplesOf('x\nExamples:\n  gongbao a\n  cat f | gongbao b\n  rsvg-convert x\n\nmore:\n  gongbao c\n')).toEqual([
      'gongbao a',
      'cat f | gongbao b',
    ]);
  });

  for (const command of run_) {
    it.skipIf(/\|\s*jq\b/.test(command) && !hasJq)(command, () => {
      const dir = folder();
      try {
        const r = run(command, dir);
        const allowed = /^gongbao validate /.test(command) ? [0, 1] : [0];
        expect(allowed, `${command}\n${r.stderr}`).toContain(r.code);
        expect(r.stderr).not.toMatch(/error: |unknown |run with --help|exists; use --force/);
        for (const p of written(command)) expect(nonEmpty(join(dir, p)), `${command} writes ${p}`).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
