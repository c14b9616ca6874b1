import { describe, expect, it, beforeAll } from 'vitest';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { gongbao, gongbaoIn } from './helpers/cli.js';
import { gongbaoUnprivileged, sharedTempDir } from './helpers/unprivileged.js';
import { miniIssue, type MiniDoc } from './helpers/mini.js';
import { SAMPLE_PATH } from './helpers/sample.js';
import { CATALOGUE } from '../src/model/catalogue.js';
import { escapeData, escapeProperty } from '../src/write/github.js';
import { pathToUri } from '../src/write/sarif.js';
import { termSafe } from '../src/write/terminal.js';
import { caretLines, textReport } from '../src/write/text-report.js';
import { junitReport } from '../src/write/junit.js';
import { displayWidth } from '../src/read/text.js';
import { useColor } from '../src/cli/validate-cmd.js';
import { Baseline, parseRuleFlag } from '../src/check/policy.js';
import { ValidationReport } from '../src/model/validation-report.js';

const require = createRequire(import.meta.url);
const Ajv4 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const sarifSchema = JSON.parse(readFileSync(new URL('./fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
// The schema's language pattern is not valid with the u flag: compile patterns without it.
const ajv = new Ajv4({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

const RULES = Object.keys(CATALOGUE).length;
const doc = (title: string, over: Partial<MiniDoc> = {}): MiniDoc => ({ title, ...over });

/**
 * A made-up issue with one error (a date after publication) and one warning (a repeated
 * phrase). The late document has a 文号 of its own series, so no series is out of date order.
 */
const BAD = miniIssue({
  docs: [
    doc('某某区人民政府关于开展甲项工作的通知', { number: '某府办〔2023〕1号', date: '2023 年 8 月 1 日' }),
    doc('某某区人民政府关于开展乙项工作的通知', {
      number: '某府〔2023〕2号',
      body: ['各街道办事处,新城镇政府:各街道办事处,新城镇政府:', '特此通知。'],
    }),
  ],
});
const CLEAN = miniIssue({ docs: [doc('某某区人民政府关于开展甲项工作的通知', { number: '某府〔2023〕1号' })] });
/** Only a warning. */
const WARN = miniIssue({
  docs: [
    doc('某某区人民政府关于开展乙项工作的通知', { number: '某府〔2023〕2号', body: ['各街道办事处,新城镇政府:各街道办事处,新城镇政府:'] }),
  ],
});

let dir: string;
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongbao-validate-'));
  file('bad.txt', BAD);
  file('clean.txt', CLEAN);
  file('warn.txt', WARN);
});

// In this process (gongbaoIn) unless the test feeds standard input; the sample's runs below
// and tests/first-hour.test.ts start the built CLI as a user does.
const run = async (args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) =>
  opts.input !== undefined
    ? gongbao(['validate', ...args], { cwd: opts.cwd ?? dir, ...opts })
    : gongbaoIn(['validate', ...args], { cwd: opts.cwd ?? dir, ...(opts.env ? { env: opts.env } : {}) });

describe('validate: exit codes', () => {
  it('0 when nothing reaches --fail-on (default error)', async () => {
    expect((await run(['clean.txt'])).code).toBe(0);
    expect((await run(['warn.txt'])).code).toBe(0);
  });
  it('1 when something does', async () => {
    expect((await run(['bad.txt'])).code).toBe(1);
    expect((await run(['warn.txt', '--fail-on', 'warning'])).code).toBe(1);
    expect((await run(['bad.txt', '--fail-on', 'never'])).code).toBe(0);
  });
  it('2 on a usage error', async () => {
    expect((await run(['clean.txt', '--format', 'xml'])).code).toBe(2);
    expect((await run(['clean.txt', '--fail-on', 'sometimes'])).code).toBe(2);
    const r = await run(['clean.txt', '--rule', 'NO_SUCH_RULE=off']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule NO_SUCH_RULE');
    expect((await run(['clean.txt', '--rule', 'TEXT_REPEATED=loud'])).code).toBe(2);
  });
  it('2 on unreadable input, naming it, while the other files are still checked (worst wins)', async () => {
    const r = await run(['missing.txt', 'bad.txt', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.txt: cannot read');
    const report = JSON.parse(r.stdout);
    expect(
      report.files.map((f: { file: string; error?: string; anomalies: unknown[] }) => [
        f.file,
        f.error !== undefined,
        f.anomalies.length > 0,
      ]),
    ).toEqual([
      ['missing.txt', true, false],
      ['bad.txt', false, true],
    ]);
    expect(report.exitCode).toBe(2);
  });
  it('several files: the worst status wins', async () => {
    expect((await run(['clean.txt', 'warn.txt'])).code).toBe(0);
    expect((await run(['clean.txt', 'bad.txt', 'warn.txt'])).code).toBe(1);
    expect((await run(['clean.txt', 'warn.txt', '--fail-on', 'warning'])).code).toBe(1);
  });
  it('reads standard input', async () => {
    const r = await run(['-', '--format', 'json'], { input: BAD });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].file).toBe('-');
  });
});

describe('validate: text format', () => {
  it('groups by document, starts each anomaly with file:line:column, shows a caret, ends with counts', async () => {
    const r = await run(['bad.txt']);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('bad.txt:') && l.includes('TEXT_REPEATED'));
    expect(lines[at]).toMatch(/^bad\.txt:\d+:14: warning: «各街道办事处,新城镇政府:» is written twice in a row \[TEXT_REPEATED\]$/);
    expect(lines[at + 1]).toMatch(/^ +\d+ │ 各街道办事处,新城镇政府:各街道办事处,新城镇政府:$/);
    // The caret stands under the second 各: 6 CJK (12) + ',' + 5 CJK (10) + ':' = 24 columns.
    expect(lines[at + 2]).toBe(`${' '.repeat(6)} │ ${' '.repeat(24)}^`);
    expect(lines[at + 3]).toContain('= hint: Delete the duplicated text');
    expect(r.stdout).toContain('── bad.txt · 某府-2023-2 某某区人民政府关于开展乙项工作的通知');
    expect(r.stdout).toMatch(
      /bad\.txt:\d+:1: error: the document is dated 2023-08-01, after the issue's publication date 2023-07-25 \[DATE_AFTER_PUBLICATION\]/,
    );
    expect(lines.filter(Boolean).pop()).toBe('✖ 2 anomalies: 1 error, 1 warning, 0 info · 1 file checked');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('says so when there is nothing', async () => {
    expect((await run(['clean.txt'])).stdout).toBe('✔ no anomalies · 1 file checked\n');
  });

  it('colour only on a terminal and never with NO_COLOR', async () => {
    expect(useColor({}, {}, true)).toBe(true);
    expect(useColor({}, {}, false)).toBe(false);
    expect(useColor({}, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor({}, { NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(useColor({ color: false }, {}, true)).toBe(false);
    expect(useColor({ output: 'r.txt' }, {}, true)).toBe(false);
    expect(useColor({}, { FORCE_COLOR: '1' }, false)).toBe(true);
    // Through the CLI: FORCE_COLOR stands in for a terminal.
    const env = { NO_COLOR: '', FORCE_COLOR: '1' };
    expect((await run(['bad.txt'], { env })).stdout).toMatch(/\x1b\[/);
    expect((await run(['bad.txt'], { env: { ...env, NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
  });

  it('cuts long evidence around the spot and keeps the caret under it (CJK = 2 columns)', async () => {
    const long = '甲'.repeat(100) + '乙' + '丙'.repeat(100);
    const { text, caret } = caretLines(long, 101, 40);
    expect(text.startsWith('…') && text.endsWith('…')).toBe(true);
    expect(displayWidth(text.slice(0, text.indexOf('乙')))).toBe(caret!.length - 1);
    expect(displayWidth(text)).toBeLessThanOrEqual(44);
    expect(caretLines('ab甲c', 4)).toEqual({ text: 'ab甲c', caret: '    ^' });
    expect(caretLines('短', 9)).toEqual({ text: '短', caret: null });
  });

  it('shows a line with control or bidi characters escaped, each as one character, and a clean line as it is', () => {
    // The escaped form of each character, as the report showed it before lines without
    // control characters took the direct path: the two must agree on every line.
    const perChar = (evidence: string, column: number, width: number): { text: string; caret: string | null } => {
      const raw = Array.from(evidence.replace(/\t/g, ' '));
      const chars = raw.map((ch) => termSafe(ch));
      let idx = -1;
      for (let i = 0, units = 0; i < raw.length; i++) {
        if (units === column - 1) {
          idx = i;
          break;
        }
        units += raw[i]!.length;
      }
      if (idx < 0 && column - 1 === evidence.length) idx = chars.length;
      let start = 0;
      let end = chars.length;
      if (displayWidth(chars.join('')) > width) {
        const anchor = idx < 0 ? 0 : idx;
        let w = 0;
        start = anchor;
        while (start > 0 && w < width * 0.35) w += displayWidth(chars[--start]!);
        end = anchor;
        w = displayWidth(chars.slice(start, anchor).join(''));
        while (end < chars.length && w < width) w += displayWidth(chars[end++]!);
      }
      const pre = start > 0 ? '…' : '';
      const text = pre + chars.slice(start, end).join('') + (end < chars.length ? '…' : '');
      return { text, caret: idx < 0 ? null : ' '.repeat(displayWidth(pre + chars.slice(start, idx).join(''))) + '^' };
    };
    const lines = [
      '长府办〔2023〕10号\t附件：“加强物业管理 共建美好家园”',
      'a\u001b]0;title\u0007b甲乙\u202e丙',
      '𠀀𠀁甲\t乙' + '丙'.repeat(80) + '\u0085丁' + 'x'.repeat(50),
      '甲'.repeat(120),
      '',
    ];
    for (const line of lines)
      for (const column of [1, 2, 5, 30, 90, line.length, line.length + 1, line.length + 5])
        for (const width of [10, 40, 100]) expect(caretLines(line, column, width)).toEqual(perChar(line, column, width));
    expect(caretLines('a\u001bb', 3).text).toBe('a\\x1bb');
  });

  it('reports the sample', async () => {
    const r = gongbao(['validate', SAMPLE_PATH, '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${SAMPLE_PATH}:142:24: warning: «各街道办事处,新泾镇政府:» is written twice in a row [TEXT_REPEATED]`);
    expect(r.stdout).toContain(
      `${SAMPLE_PATH}:799:18: warning: «新径镇» (1×) differs by one character from «新泾镇» (21×) in this issue [NAME_VARIANT]`,
    );
  });
});

describe('validate: json format', () => {
  it('lists the anomalies of each file with counts', async () => {
    const r = await run(['bad.txt', 'clean.txt', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.tool).toBe('gongbao');
    expect(report.failOn).toBe('error');
    expect(report.counts).toMatchObject({ error: 1, warning: 1, info: 0, total: 2, files: 2, unreadable: 0 });
    expect(report.files[0].counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(report.files[0].anomalies.map((a: { code: string }) => a.code).sort()).toEqual(['DATE_AFTER_PUBLICATION', 'TEXT_REPEATED']);
    expect(report.files[1].anomalies).toEqual([]);
    expect(report.exitCode).toBe(1);
    expect(r.code).toBe(1);
    expect(() => ValidationReport.parse(report)).not.toThrow();
  });

  it('matches the validation-report schema with unreadable files, rules and a baseline too', async () => {
    await run(['bad.txt', '--format', 'json', '-o', 'schema-base.json', '--force']);
    const r = await run(['bad.txt', 'missing.txt', '--format', 'json', '--rule', 'TEXT_REPEATED=info', '--baseline', 'schema-base.json']);
    const report = JSON.parse(r.stdout);
    expect(report.counts.baselined).toBe(2);
    expect(ValidationReport.safeParse(report).success).toBe(true);
    expect(ValidationReport.safeParse({ ...report, exitCode: 3 }).success).toBe(false);
  });
});

describe('validate: sarif format', () => {
  it('is valid SARIF 2.1.0 (vendored OASIS schema) with rules, regions and fingerprints', async () => {
    const r = await run(['bad.txt', 'missing.txt', '--format', 'sarif']);
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout);
    const ok = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run0 = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run0.columnKind).toBe('utf16CodeUnits');
    expect(run0.tool.driver.rules).toHaveLength(RULES);
    const rep = run0.results.find((x: { ruleId: string }) => x.ruleId === 'TEXT_REPEATED');
    expect(run0.tool.driver.rules[rep.ruleIndex].id).toBe('TEXT_REPEATED');
    expect(rep.level).toBe('warning');
    expect(rep.locations[0].physicalLocation.artifactLocation.uri).toBe('bad.txt');
    expect(rep.locations[0].physicalLocation.region).toMatchObject({
      startColumn: 14,
      snippet: { text: '各街道办事处,新城镇政府:各街道办事处,新城镇政府:' },
    });
    expect(rep.locations[0].logicalLocations[0].name).toBe('某府-2023-2');
    expect(Object.values(rep.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(run0.invocations[0].executionSuccessful).toBe(false);
    expect(run0.invocations[0].toolExecutionNotifications[0].message.text).toContain('cannot read');
  });

  it('the sample gives valid SARIF too, with info as note and --rule levels in the rules', async () => {
    const r = await gongbaoIn([
      'validate',
      SAMPLE_PATH,
      '--format',
      'sarif',
      '--rule',
      'NAME_VARIANT=error',
      '--rule',
      'TEXT_REPEATED=off',
    ]);
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log)).toBe(true);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.find((x: { id: string }) => x.id === 'NAME_VARIANT').defaultConfiguration.level).toBe('error');
    expect(rules.find((x: { id: string }) => x.id === 'TEXT_REPEATED').defaultConfiguration.enabled).toBe(false);
    const results = log.runs[0].results;
    expect(results.some((x: { ruleId: string }) => x.ruleId === 'TEXT_REPEATED')).toBe(false);
    expect(results.filter((x: { ruleId: string }) => x.ruleId === 'NAME_VARIANT').map((x: { level: string }) => x.level)).toEqual([
      'error',
      'error',
    ]);
    expect(new Set(results.map((x: { level: string }) => x.level))).toEqual(new Set(['error', 'warning', 'note']));
  });
});

describe('validate: SARIF artifact URIs', () => {
  it('relative paths stay relative (code scanning resolves them against the checkout), others become file URIs', async () => {
    expect(pathToUri('gazette/2023 第2期.txt')).toBe('gazette/2023%20%E7%AC%AC2%E6%9C%9F.txt');
    expect(pathToUri('gazette\\a.txt')).toBe('gazette/a.txt');
    expect(pathToUri('/srv/gazette/a.txt')).toBe('file:///srv/gazette/a.txt');
    expect(pathToUri('C:\\gazette\\a.txt')).toBe('file:///C:/gazette/a.txt');
    expect(pathToUri('-')).toBe('-');
  });
});

describe('validate: github format', () => {
  it('prints one workflow command per anomaly', async () => {
    const r = await run(['bad.txt', '--format', 'github']);
    const lines = r.stdout.trim().split('\n');
    expect(lines.find((l) => l.includes('TEXT_REPEATED'))).toMatch(
      /^::warning file=bad\.txt,line=\d+,col=14,title=TEXT_REPEATED::«各街道办事处,新城镇政府:» is written twice in a row \(某府-2023-2\)\. Delete the duplicated text$/,
    );
    expect(lines.find((l) => l.includes('DATE_AFTER_PUBLICATION'))).toMatch(
      /^::error file=bad\.txt,line=\d+,col=1,title=DATE_AFTER_PUBLICATION::/,
    );
    expect(lines.pop()).toBe('gongbao: 2 anomalies (1 error, 1 warning, 0 info) in 1 file');
  });
  it('escapes data and properties as GitHub requires', async () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
    const odd = file('a,b:c.txt', BAD);
    expect(odd).toContain('a,b:c.txt');
    expect((await run(['a,b:c.txt', '--format', 'github'])).stdout).toContain('file=a%2Cb%3Ac.txt,');
  });
});

describe('validate: junit format', () => {
  it('has one test case per rule; failures at or above --fail-on, the rest in system-out', async () => {
    const r = await run(['bad.txt', '--format', 'junit']);
    const $ = load(r.stdout, { xml: true });
    expect($('testsuites').attr('tests')).toBe(String(RULES));
    const suite = $('testsuite');
    expect(suite.attr('name')).toBe('bad.txt');
    expect(suite.find('testcase')).toHaveLength(RULES);
    expect(suite.attr('failures')).toBe('1');
    const failed = $('testcase[name="DATE_AFTER_PUBLICATION"] failure');
    expect(failed.attr('type')).toBe('DATE_AFTER_PUBLICATION');
    expect(failed.text()).toMatch(/^bad\.txt:\d+:1: error: the document is dated 2023-08-01/);
    expect($('testcase[name="TEXT_REPEATED"] failure')).toHaveLength(0);
    expect($('testcase[name="TEXT_REPEATED"] system-out').text()).toContain('«各街道办事处,新城镇政府:»');
    expect($('testcase[name="TEXT_REPEATED"]').attr('classname')).toBe('gongbao.structure');
  });
  it('--fail-on warning makes warnings failures; off rules are skipped; unreadable files error', async () => {
    const r = await run(['bad.txt', 'missing.txt', '--format', 'junit', '--fail-on', 'warning', '--rule', 'NAME_VARIANT=off']);
    const $ = load(r.stdout, { xml: true });
    expect($('testsuite').first().attr('failures')).toBe('2');
    expect($('testcase[name="NAME_VARIANT"] skipped')).toHaveLength(1);
    expect($('testsuites').attr('errors')).toBe('1');
    expect($('testsuite').last().find('error').attr('message')).toContain('cannot read');
  });
});

describe('validate: --rule', () => {
  it('turns a rule off or changes its severity, and the exit code follows', async () => {
    const off = JSON.parse((await run(['bad.txt', '--format', 'json', '--rule', 'DATE_AFTER_PUBLICATION=off'])).stdout);
    expect(off.files[0].anomalies.map((a: { code: string }) => a.code)).toEqual(['TEXT_REPEATED']);
    expect((await run(['bad.txt', '--rule', 'DATE_AFTER_PUBLICATION=off'])).code).toBe(0);
    expect((await run(['warn.txt', '--rule', 'TEXT_REPEATED=error'])).code).toBe(1);
    const info = JSON.parse((await run(['warn.txt', '--format', 'json', '--rule', 'TEXT_REPEATED=info'])).stdout);
    expect(info.files[0].anomalies[0].severity).toBe('info');
    expect(info.rules).toEqual({ TEXT_REPEATED: 'info' });
    expect(parseRuleFlag('NAME_VARIANT=off')).toEqual(['NAME_VARIANT', 'off']);
    expect(() => parseRuleFlag('NAME_VARIANT')).toThrow(/level must be one of/);
  });
});

describe('validate: config file', () => {
  it('.gongbaorc.json in the working directory sets rule levels and failOn', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gongbao-rc-'));
    writeFileSync(join(cwd, 'warn.txt'), WARN);
    expect((await gongbaoIn(['validate', 'warn.txt'], { cwd })).code).toBe(0);
    writeFileSync(join(cwd, '.gongbaorc.json'), JSON.stringify({ failOn: 'warning' }));
    expect((await gongbaoIn(['validate', 'warn.txt'], { cwd })).code).toBe(1);
    // Flags win over the file.
    expect((await gongbaoIn(['validate', 'warn.txt', '--fail-on', 'error'], { cwd })).code).toBe(0);
    writeFileSync(join(cwd, '.gongbaorc.json'), JSON.stringify({ failOn: 'warning', rules: { TEXT_REPEATED: 'off' } }));
    expect((await gongbaoIn(['validate', 'warn.txt'], { cwd })).code).toBe(0);
    expect((await gongbaoIn(['validate', 'warn.txt', '--rule', 'TEXT_REPEATED=warning'], { cwd })).code).toBe(1);
  });

  it('--config names another file; a bad config is a usage error naming the file', async () => {
    const cfg = file('strict.json', JSON.stringify({ rules: { TEXT_REPEATED: 'error' } }));
    expect((await run(['warn.txt', '--config', cfg])).code).toBe(1);
    const bad = file('bad-rc.json', JSON.stringify({ rules: { NOPE: 'off' } }));
    const r = await run(['warn.txt', '--config', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-rc.json: unknown rule NOPE');
    const typo = file('typo-rc.json', JSON.stringify({ failon: 'warning' }));
    expect((await run(['warn.txt', '--config', typo])).stderr).toContain('unknown key failon');
    const broken = file('broken-rc.json', '{ "failOn": ');
    expect((await run(['warn.txt', '--config', broken])).code).toBe(2);
    expect((await run(['warn.txt', '--config', 'no-such-rc.json'])).code).toBe(2);
  });
});

describe('validate: --baseline', () => {
  it('reports only anomalies not in an earlier json report, matched by code, document and evidence', async () => {
    const base = await run(['bad.txt', '--format', 'json', '-o', 'base.json', '--force']);
    expect(base.code).toBe(1);
    // Later: lines added at the top (every line moves) and a new irregularity in a new document.
    const edited = BAD.replace('目 录', '\n\n目 录').replace(
      '某某区人民政府公报',
      '某某区人民政府关于开展丙项工作的通知\n\n(2023 年 5 月 1 日)\n\n某府〔2023〕3号\n\n各单位：\n\n**特此通知。**\n\n某某区人民政府公报',
    );
    file('bad-edited.txt', edited);
    const r = await run(['bad-edited.txt', '--format', 'json', '--baseline', 'base.json']);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].anomalies.map((a: { code: string }) => a.code)).toEqual(['DOCUMENT_NOT_IN_TOC', 'STRAY_MARKUP']);
    expect(report.files[0].baselined).toBe(2);
    expect(report.counts.baselined).toBe(2);
    // The old error is known: only warnings remain, so the run passes.
    expect(r.code).toBe(0);
    expect((await run(['bad-edited.txt', '--baseline', 'base.json'])).stdout).toContain('2 known from the baseline not shown');
  });

  it('a fixed anomaly simply disappears; an anomaly known once hides one occurrence only', async () => {
    const b = new Baseline([{ code: 'X', evidence: 'e', documentId: 'd' }]);
    const a = { code: 'X', severity: 'warning' as const, message: '', line: 1, column: 1, evidence: 'e', hint: '', documentId: 'd' };
    expect(b.filter([a, { ...a, line: 9 }])).toEqual([{ ...a, line: 9 }]);
    expect(b.filter([{ ...a, documentId: 'other' }])).toHaveLength(1);
    expect(b.filter([{ ...a, evidence: 'changed' }])).toHaveLength(1);
    expect(Baseline.fromJson({ anomalies: [a] }).size).toBe(1);
    expect(Baseline.fromJson([a, a]).size).toBe(2);
    expect(() => Baseline.fromJson({ hello: 1 })).toThrow();
  });

  it('an unreadable baseline is a usage error', async () => {
    file('not-a-report.json', '{"hello": 1}');
    expect((await run(['bad.txt', '--baseline', 'not-a-report.json'])).code).toBe(2);
    expect((await run(['bad.txt', '--baseline', 'missing.json'])).code).toBe(2);
  });
});

describe('validate: an anomaly over a range of lines names its last line', () => {
  const anomaly = (line: number, endLine?: number) => ({
    code: 'PUNCTUATION_HALF_WIDTH',
    severity: 'info' as const,
    message: 'half-width punctuation',
    line,
    column: 3,
    evidence: '',
    hint: 'h',
    ...(endLine === undefined ? {} : { endLine }),
  });
  const report = (list: ReturnType<typeof anomaly>[]): ValidationReport => ({
    tool: 'gongbao',
    version: '0',
    failOn: 'info',
    rules: {},
    exitCode: 1,
    counts: { error: 0, warning: 0, info: list.length, total: list.length, files: 1, unreadable: 0, baselined: 0 },
    files: [{ file: 'a.txt', counts: { error: 0, warning: 0, info: list.length }, anomalies: list }],
  });
  it('text: a line "= through line N" under the place, none for one line', () => {
    const out = textReport(report([anomaly(132, 134), anomaly(140, 140), anomaly(150)]), { color: false }).split('\n');
    const at = out.findIndex((l) => l.startsWith('a.txt:132:3:'));
    expect(out[at + 1]).toBe(`${' '.repeat(7)}= through line 134`);
    expect(out[at + 2]).toMatch(/^ += hint: h$/);
    expect(out.filter((l) => l.includes('through line'))).toHaveLength(1);
  });
  it('JUnit: the failure line ends with [through line N]', () => {
    const xml = junitReport(report([anomaly(132, 134), anomaly(150)]));
    expect(xml).toContain('a.txt:132:3: info: half-width punctuation [through line 134]');
    expect(xml).toMatch(/a\.txt:150:3: info: half-width punctuation\n|a\.txt:150:3: info: half-width punctuation</);
  });
});

describe('validate: output file', () => {
  it('-o writes the report atomically and refuses to overwrite without --force', async () => {
    expect((await run(['bad.txt', '--format', 'sarif', '-o', 'out.sarif'])).code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    const again = await run(['bad.txt', '--format', 'sarif', '-o', 'out.sarif']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists');
  });

  it('an unreadable input file among others (permissions) is named', async () => {
    // Root reads a file of mode 0o000: the CLI then runs without the capabilities that let it (tests/helpers/unprivileged.ts).
    const cwd = sharedTempDir('gongbao-locked-');
    try {
      writeFileSync(join(cwd, 'clean.txt'), CLEAN, { mode: 0o644 });
      writeFileSync(join(cwd, 'locked.txt'), CLEAN);
      chmodSync(join(cwd, 'locked.txt'), 0o000);
      const r = gongbaoUnprivileged(['validate', 'locked.txt', 'clean.txt'], { cwd });
      expect(r.code).toBe(2);
      // the text report on stdout names it (once: not on stderr as well)
      expect(r.stdout).toMatch(/locked\.txt.*(permission denied|EACCES)/i);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/✖ 1 file could not be read · 1 file checked, no anomalies/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('rules', () => {
  it('prints the catalogue as text, json and markdown', async () => {
    const text = gongbao(['rules']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^CODE +SEVERITY +GROUP +DESCRIPTION$/);
    expect(text.stdout).toMatch(/^NAME_VARIANT +warning +names +A rare spelling/m);
    const json = JSON.parse((await gongbaoIn(['rules', '--format', 'json'])).stdout);
    expect(json).toHaveLength(RULES);
    expect(json.find((r: { code: string }) => r.code === 'TEXT_REPEATED')).toEqual({ code: 'TEXT_REPEATED', ...CATALOGUE.TEXT_REPEATED });
    const md = (await gongbaoIn(['rules', '--format', 'markdown'])).stdout;
    expect(md.split('\n')[0]).toBe('| Code | Severity | Group | Description | Hint |');
    expect(md.trim().split('\n')).toHaveLength(RULES + 2);
  });
});
