import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { miniIssue } from './helpers/mini.js';

/**
 * docs/ci.md: the shell of its GitHub Actions step and GitLab CI script, run as the runners
 * run them (bash -eo pipefail) in a folder laid out like a gazette repository, on a clean
 * issue and on one with a date after publication (an error). The jobs call `gongbao`, which
 * `npm link` puts on the PATH; here it is a shim on the PATH that runs this tree's bin/gongbao.
 */
const DOC = readFileSync(new URL('../docs/ci.md', import.meta.url), 'utf8');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const blocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

const CLEAN = miniIssue({ docs: [{ title: '某某区人民政府关于开展甲项工作的通知', number: '某府〔2023〕1号' }] });
const BAD = miniIssue({ docs: [{ title: '某某区人民政府关于开展乙项工作的通知', number: '某府〔2023〕2号', date: '2023 年 9 月 1 日' }] });

const SHIM = mkdtempSync(join(tmpdir(), 'gongbao-ci-bin-'));
writeFileSync(
  join(SHIM, 'gongbao'),
  `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin/gongbao'))} "$@"\n`,
  { mode: 0o755 },
);

function repo(issues: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-ci-'));
  symlinkSync(join(ROOT, 'bin'), join(dir, 'bin'));
  mkdirSync(join(dir, 'gazette'));
  for (const [name, text] of Object.entries(issues)) writeFileSync(join(dir, 'gazette', name), text);
  return dir;
}

function bash(script: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${SHIM}:${process.env.PATH}`, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The GitLab job's script lines, without npm ci and npm link (the test runs the built tree through the shim). */
function gitlabScript(): string {
  const yaml = blocks.find((b) => b.includes('validate-gazette:'))!;
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l.trim() === 'script:');
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    const m = /^ {4}- (.*)$/.exec(l);
    if (!m) break;
    if (m[1] !== 'npm ci' && m[1] !== 'npm link') out.push(m[1]!);
  }
  return out.join('\n');
}

/** The shell of the GitHub step `gongbao validate`, and the command of the last step. */
function githubScript(): { run: string; last: string } {
  const yaml = blocks.find((b) => b.includes('runs-on:'))!;
  const lines = yaml.split('\n');
  const at = lines.findIndex((l) => l.includes('name: gongbao validate'));
  const runAt = lines.findIndex((l, i) => i > at && l.trim() === 'run: |');
  const body: string[] = [];
  for (const l of lines.slice(runAt + 1)) {
    if (!l.startsWith('          ')) break;
    body.push(l.slice(10));
  }
  const last = lines
    .filter((l) => l.trim().startsWith('run: exit'))
    .pop()!
    .trim()
    .slice('run: '.length);
  return { run: body.join('\n'), last };
}

beforeAll(() => {
  expect(blocks).toHaveLength(2);
});

describe('docs/ci.md', () => {
  it('GitLab: the job passes on clean text and writes the SARIF and JUnit reports', () => {
    const dir = repo({ 'a.txt': CLEAN });
    const r = bash(gitlabScript(), dir);
    // the reports written to files each leave their summary line in the job log
    expect(r.stderr).toBe(
      '✔ no anomalies · 1 file checked · report in gongbao.sarif\n✔ no anomalies · 1 file checked · report in gongbao-junit.xml\n',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'gongbao.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'gongbao-junit.xml'), 'utf8')).toContain('<testsuites name="gongbao validate"');
    expect(r.stdout).toContain('✔ no anomalies');
  });

  it('GitLab: the job fails on an error, after writing both reports and the log', () => {
    const dir = repo({ 'a.txt': CLEAN, 'b.txt': BAD });
    const r = bash(gitlabScript(), dir);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'gongbao.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('DATE_AFTER_PUBLICATION');
    expect(readFileSync(join(dir, 'gongbao-junit.xml'), 'utf8')).toContain('<failure message="1 × DATE_AFTER_PUBLICATION');
    expect(r.stdout).toMatch(/gazette\/b\.txt:\d+:1: error: the document is dated 2023-09-01/);
  });

  it('GitHub: the step records the status, prints annotations, and the last step fails on it', () => {
    const { run, last } = githubScript();
    for (const [issues, status] of [
      [{ 'a.txt': CLEAN }, '0'],
      [{ 'a.txt': CLEAN, 'b.txt': BAD }, '1'],
    ] as const) {
      const dir = repo(issues);
      const out = join(dir, 'github-output');
      writeFileSync(out, '');
      const r = bash(run, dir, { GITHUB_OUTPUT: out });
      expect(r.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(`status=${status}\n`);
      expect(existsSync(join(dir, 'gongbao.sarif'))).toBe(true);
      if (status === '1') expect(r.stdout).toMatch(/^::error file=gazette\/b\.txt,line=\d+,col=1,title=DATE_AFTER_PUBLICATION::/m);
      expect(bash(last.replace('${{ steps.validate.outputs.status }}', status), dir).code).toBe(Number(status));
    }
  });

  it('the .gongbaorc.json example is a valid config', () => {
    const json = /```json\n([\s\S]*?)```/.exec(DOC)![1]!;
    const dir = repo({ 'a.txt': CLEAN });
    writeFileSync(join(dir, '.gongbaorc.json'), json);
    expect(bash('gongbao validate gazette', dir).code).toBe(0);
  });
});
