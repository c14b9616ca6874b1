// What a new user met in the first hour (issue 17): usage errors that name what is wrong,
// -o pointing at a folder, validate's summaries, sizes with units, counts in plain English,
// file names cut where a word ends, one name for standard input.
import { Lines } from '../src/read/lines.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongbao, gongbaoIn } from './helpers/cli.js';
import { parseSize } from '../src/cli/options.js';
import { severityCounts } from '../src/check/policy.js';
import { safeName } from '../src/core/filenames.js';
import { summaryLine } from '../src/write/text-report.js';
import type { ValidationReport } from '../src/write/validate-report.js';
import type { Anomaly } from '../src/model/anomaly.js';
import { parseIssue } from '../src/parse.js';
import { STDIN_NAME, displayName } from '../src/read/errors.js';
import { jsonReport } from '../src/write/validate-report.js';
import { sarifReport } from '../src/write/sarif.js';
import { textReport } from '../src/write/text-report.js';
import { reportChunks } from '../src/write/report.js';
import { packageName } from '../src/write/datapackage.js';
import { folderName } from '../src/cli/task.js';

const SAMPLE = 'samples/changning-2023-02.txt';
// The sample's anomaly counts, as the summaries must print them (the catalogue grows; the
// counts themselves are asserted in checks-sample and the golden files).
const found = parseIssue(new Uint8Array(readFileSync(SAMPLE)), { name: SAMPLE }).anomalies;
const bySeverity = { error: 0, warning: 0, info: 0 };
for (const a of found) bySeverity[a.severity]++;
const COUNTS = severityCounts(bySeverity);
let tmp: string;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'gongbao-firsthour-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a missing KIND is named (gongbao extract FILE)', () => {
  it('extract and plot with a file where the kind goes: exit 2, the kinds listed', async () => {
    const r = await gongbaoIn(['extract', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing KIND before 'samples\/changning-2023-02\.txt'/);
    expect(r.stderr).toMatch(/documents, toc, citations,.*anomalies/);
    expect(r.stderr).not.toMatch(/unknown command/);
    const p = await gongbaoIn(['plot', SAMPLE, '--out', join(tmp, 'plots')]);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/missing KIND before .*one of: sluices/);
    expect(existsSync(join(tmp, 'plots'))).toBe(false);
  });
  it('an unknown kind is called a kind', async () => {
    const r = await gongbaoIn(['extract', 'appointment', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown KIND 'appointment'; one of: .*appointments/);
  });
});

describe('-o naming a folder', () => {
  it.each([
    [['parse', SAMPLE]],
    [['parse', SAMPLE, '--force']],
    [['validate', SAMPLE, '--format', 'sarif', '--force']],
    [['extract', 'documents', SAMPLE, '--format', 'csv', '--force']],
  ])('gongbao %j -o DIR: exit 2, says it is a folder, writes nothing', async (args) => {
    const dir = join(tmp, `adir-${args.join('-').replace(/\W+/g, '')}`);
    mkdirSync(dir);
    const r = await gongbaoIn([...args, '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a folder; -o takes a file name/);
    expect(r.stderr).not.toMatch(/EISDIR|exists; use --force/);
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('validate: summaries', () => {
  it('an unreadable file: no tick, the error said once, exit 2', async () => {
    const empty = join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    const r = await gongbaoIn(['validate', empty]);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/✔/);
    expect(r.stdout.trim().split('\n').pop()).toBe('✖ 1 file could not be read · 0 files checked');
    const said = (r.stdout + r.stderr).split('the input is empty').length - 1;
    expect(said).toBe(1);
    // a report for machines: the error on stderr, once, and the summary line
    const j = await gongbaoIn(['validate', empty, '--format', 'json']);
    expect(j.code).toBe(2);
    expect(j.stderr.split('the input is empty').length - 1).toBe(1);
    expect(j.stderr).toMatch(/^✖ 1 file could not be read · 0 files checked$/m);
  });
  it('-o FILE prints the summary on stderr (not with -q)', async () => {
    const out = join(tmp, 'f.sarif');
    const r = await gongbaoIn(['validate', SAMPLE, '--format', 'sarif', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`✖ ${found.length} anomalies: ${COUNTS} · 1 file checked · report in ${out}\n`);
    const q = await gongbaoIn(['validate', SAMPLE, '--format', 'sarif', '-o', out, '--force', '-q']);
    expect(q.code).toBe(1);
    expect(q.stderr).toBe('');
  });
  it('the baseline step of the help and the README exits 0 (set -e scripts)', async () => {
    const r = await gongbaoIn(['validate', SAMPLE, '--format', 'json', '--fail-on', 'never', '-o', join(tmp, 'baseline.json')]);
    expect(r.code).toBe(0);
    const again = await gongbaoIn(['validate', SAMPLE, '--baseline', join(tmp, 'baseline.json')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`✔ no anomalies · 1 file checked · ${found.length} known from the baseline not shown\n`);
  });
  it('summaryLine: a tick only when every file was read and nothing found', async () => {
    const a = { code: 'X', severity: 'warning', message: '', line: 1, column: 1, evidence: '', hint: '' } as unknown as Anomaly;
    const rep = (files: ValidationReport['files']): ValidationReport => ({ version: '0', failOn: 'error', rules: {}, files });
    expect(summaryLine(rep([{ file: 'a', anomalies: [] }]))).toBe('✔ no anomalies · 1 file checked');
    expect(
      summaryLine(
        rep([
          { file: 'a', anomalies: [] },
          { file: 'b', anomalies: [], error: 'x' },
        ]),
      ),
    ).toBe('✖ 1 file could not be read · 1 file checked, no anomalies');
    expect(
      summaryLine(
        rep([
          { file: 'a', anomalies: [a] },
          { file: 'b', anomalies: [], error: 'x' },
        ]),
      ),
    ).toBe('✖ 1 anomaly: 0 errors, 1 warning, 0 info · 1 file checked · 1 file could not be read');
  });
});

describe('--max-bytes takes sizes as the README writes them', () => {
  it('parseSize: bytes, decimal and binary units', async () => {
    const p = parseSize('--max-bytes');
    expect(p('1000')).toBe(1000);
    expect(p('10MB')).toBe(10_000_000);
    expect(p('10 mb')).toBe(10_000_000);
    expect(p('256 MiB')).toBe(256 * 1024 * 1024);
    expect(p('1.5k')).toBe(1500);
    expect(p('2GiB')).toBe(2 * 1024 ** 3);
    for (const bad of ['', '0', '-5', '10XB', 'MB', '0.1']) expect(() => p(bad), bad).toThrow(/not a size/);
  });
  it('the CLI accepts 10MB and refuses 1KB with the limit in bytes', async () => {
    expect((await gongbaoIn(['validate', SAMPLE, '--max-bytes', '10MB', '--fail-on', 'never', '-q'])).code).toBe(0);
    const r = await gongbaoIn(['parse', SAMPLE, '--max-bytes', '1KB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exceeds --max-bytes 1000/);
    expect((await gongbaoIn(['parse', SAMPLE, '--max-bytes', 'lots'])).stderr).toMatch(/--max-bytes: not a size: lots/);
  });
});

describe('counts in plain English', () => {
  it('severityCounts pluralises errors and warnings (info is a mass noun)', async () => {
    expect(severityCounts({ error: 1, warning: 30, info: 40 })).toBe('1 error, 30 warnings, 40 info');
    expect(severityCounts({ error: 0, warning: 1, info: 1 })).toBe('0 errors, 1 warning, 1 info');
  });
  it('export says what validate says, and names report.html', async () => {
    const out = join(tmp, 'export');
    const r = await gongbaoIn(['export', SAMPLE, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`anomalies ${found.length}: ${COUNTS}`);
    expect(r.stderr).toContain(`open ${join(out, 'report.html')}`);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });
  it('plot: "1 anomaly code", "2 anomaly codes"', async () => {
    const r = await gongbaoIn(['plot', 'sluices', SAMPLE, '--out', join(tmp, 'plots2')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\(1 anomaly code\)/);
    expect(r.stderr).not.toMatch(/\(1 anomaly codes\)/);
  });
});

describe('file names cut where a word ends', () => {
  it('a long title is cut after a particle or separator, marked with …, within the byte bound', async () => {
    const title = '上海市长宁区人民政府对市政协十四届一次会议第 0564 号提案的答复';
    const n = safeName(title, 80);
    expect(Buffer.byteLength(n, 'utf8')).toBeLessThanOrEqual(80);
    expect(n.endsWith('…')).toBe(true);
    expect(n).toBe('上海市长宁区人民政府对市政协十四届一次会议第-0564…');
    // no break in the last third: cut at a character, still marked
    const plain = '长'.repeat(60);
    expect(safeName(plain, 30)).toBe('长'.repeat(9) + '…');
    // short names are untouched
    expect(safeName('关于某事的通知')).toBe('关于某事的通知');
  });
  it("the sample's long document titles end with … in docs/, never mid-word", async () => {
    const names = readdirSync(join(tmp, 'export', 'docs'));
    expect(names).toContain('01-上海市长宁区人民政府对市政协十四届一次会议第-0564-号提案的….md');
    for (const f of names) expect(Buffer.byteLength(f.replace(/\.md$/, ''), 'utf8')).toBeLessThanOrEqual(100);
  });
});

describe('standard input: <stdin> for people, - in machine fields', () => {
  const small = '关于印发《某办法》的通知\n\n长府办〔2023〕10号\n\n各部门：\n\n现印发给你们。\n\n某某人民政府\n2023年4月10日\n';
  const issue = parseIssue(small, { name: STDIN_NAME });
  const report: ValidationReport = {
    version: '0',
    failOn: 'error',
    rules: {},
    files: [
      {
        file: '-',
        anomalies: [{ code: 'TOC_NOT_FOUND', severity: 'info', message: 'm', line: 1, column: 1, evidence: 'e', hint: 'h' } as Anomaly],
      },
    ],
  };
  it('source.name, the validate json report and the SARIF artifact say -; the SARIF artifact is described as standard input', async () => {
    expect(issue.source.name).toBe('-');
    expect(JSON.parse(jsonReport(report)).files[0].file).toBe('-');
    const run = JSON.parse(sarifReport(report)).runs[0];
    expect(run.artifacts).toEqual([{ location: { uri: '-' }, description: { text: 'standard input (<stdin>)' } }]);
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('-');
  });
  it('the text report and report.html say <stdin>; the data package and the report title do not take - for a name', async () => {
    expect(textReport(report, { color: false })).toMatch(/^<stdin>/m);
    const html = [...reportChunks(issue, Lines.of(small.split('\n')))].join('');
    expect(html).toContain('<p>&lt;stdin&gt; · ');
    expect(html).not.toMatch(/<h1>-<\/h1>|>- ·/);
    expect(packageName(issue)).toBe('gazette');
    expect(displayName('-')).toBe('<stdin>');
    expect(displayName(null)).toBe('<stdin>');
    expect(displayName('a.txt')).toBe('a.txt');
  });
  it('a batch export names the folder of standard input stdin (a file-system name) when the masthead has no year and issue', async () => {
    expect(folderName(issue, '-')).toBe('stdin');
    expect(folderName(issue, 'dir/a.txt')).toBe('a');
  });
});

describe('standard input has one name in messages', () => {
  it('<stdin> in the error of an empty stdin, for parse and validate', async () => {
    const p = gongbao(['parse', '-'], { input: '' });
    expect(p.code).toBe(2);
    expect(p.stderr).toBe('gongbao: <stdin>: the input is empty\n');
    const v = gongbao(['validate', '-'], { input: '' });
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(/^<stdin>: error: the input is empty$/m);
  });
});
