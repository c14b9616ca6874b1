import { say } from './say.js';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError } from '../read/errors.js';
import { inputOptions, outputPath, writeStdout, type InputOpts } from './options.js';
import { jobsOptions, noteCapped, type Jobs } from './batch.js';
import { runAll } from './pool.js';
import type { Task } from './task.js';
import { expandInputs } from './inputs.js';
import { writeFileAtomic } from '../write/atomic.js';
import { applyRules, Baseline, FAIL_ON, isCode, parseRuleFlag, RULE_LEVELS, type FailOn, type RuleLevel } from '../check/policy.js';
import type { FileResult, ValidationReport } from '../write/validate-report.js';
import { VERSION } from '../version.js';

export const CONFIG_NAME = '.gongbaorc.json';
const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
type Format = (typeof FORMATS)[number];

interface ValidateOpts extends InputOpts {
  jobs: Jobs;
  followSymlinks?: boolean;
  format: Format;
  failOn?: FailOn;
  rule: string[];
  config?: string;
  baseline?: string;
  output?: string;
  force?: boolean;
  color?: boolean;
  quiet?: boolean;
}

/** What `.gongbaorc.json` may hold. */
export interface Config {
  failOn?: FailOn;
  rules?: Record<string, RuleLevel>;
}

/** Reads and checks a config file; InputError (exit 2) naming the file on any problem. */
export function readConfig(path: string): Config {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError(`${path}: cannot read config: ${(err as Error).message}`, path);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InputError(`${path}: the config must be a JSON object`, path);
  const cfg: Config = {};
  for (const [k, v] of Object.entries(data)) {
    if (k === '$schema' || k === '//' || k === 'comment') continue;
    if (k === 'failOn') {
      if (!(FAIL_ON as readonly unknown[]).includes(v)) throw new InputError(`${path}: failOn must be one of ${FAIL_ON.join(', ')}`, path);
      cfg.failOn = v as FailOn;
    } else if (k === 'rules') {
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new InputError(`${path}: rules must be an object of CODE: level`, path);
      cfg.rules = {};
      for (const [code, level] of Object.entries(v as Record<string, unknown>)) {
        if (!isCode(code)) throw new InputError(`${path}: unknown rule ${code} (gongbao rules lists them)`, path);
        if (!(RULE_LEVELS as readonly unknown[]).includes(level))
          throw new InputError(`${path}: rule ${code}: level must be one of ${RULE_LEVELS.join(', ')}`, path);
        cfg.rules[code] = level as RuleLevel;
      }
    } else throw new InputError(`${path}: unknown key ${k} (allowed: failOn, rules)`, path);
  }
  return cfg;
}

function readBaseline(path: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError(`${path}: cannot read baseline: ${(err as Error).message}`, path);
  }
  try {
    return Baseline.fromJson(data);
  } catch (err) {
    throw new InputError(`${path}: not a baseline: ${(err as Error).message}`, path);
  }
}

/** Colour for the text report: only on a terminal, never with NO_COLOR (chalk ignores it). */
export function useColor(
  opts: { color?: boolean; output?: string },
  env: NodeJS.ProcessEnv = process.env,
  tty = process.stdout.isTTY === true,
): boolean {
  if (opts.color === false || opts.output) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== '') return true;
  return tty && env.TERM !== 'dumb';
}

const HELP = `
Examples:
  gongbao validate samples/changning-2023-02.txt
  gongbao validate issues/*.txt --fail-on warning --rule NAME_VARIANT=info
  gongbao validate issue.txt --format sarif -o gongbao.sarif
  gongbao validate issue.txt --format json --fail-on never > baseline.json   # later: --baseline baseline.json
  gongbao validate issue.txt --format github                  # annotations in GitHub Actions

Exit codes: 0 nothing at or above --fail-on · 1 something is · 2 usage error or unreadable
input (the other files are still checked). Several files: the worst status wins.`;

export function registerValidate(program: Command): void {
  const cmd = program
    .command('validate')
    .description(
      'check issues for anomalies and report them for people or CI (text, json, sarif, github, junit); exit 1 when any reaches --fail-on',
    )
    .argument('<inputs...>', "gazette text files, directories or globs; '-' for stdin")
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('text'))
    .addOption(
      new Option(
        '--fail-on <level>',
        `exit 1 when an anomaly of this severity or worse remains (default: error, or failOn of ${CONFIG_NAME})`,
      ).choices([...FAIL_ON]),
    )
    .option(
      '--rule <CODE=level>',
      'set a rule to off, info, warning or error (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--config <file>', `rule levels and failOn as JSON (default: ${CONFIG_NAME} in the working directory, when present)`)
    .option('--baseline <file>', 'an earlier json report: report only anomalies not in it (matched by code, document and evidence)')
    .option('-o, --output <file>', "write the report to a file (atomically) instead of stdout ('-': stdout)", outputPath)
    .option('--force', 'overwrite the output file if it exists')
    .option('--no-color', 'no colour in the text report (also: NO_COLOR)')
    .option('-q, --quiet', 'no summary line on stderr (printed when the report goes to a file or is not text)')
    .addHelpText('after', HELP);
  jobsOptions(inputOptions(cmd)).action(async (inputs: string[], opts: ValidateOpts) => {
    const { rules, failOn, baseline } = settingsOf(opts);
    const { files, internal } = await validateFiles(inputs, opts, rules, baseline);
    const report: ValidationReport = { version: VERSION, failOn, rules: Object.fromEntries(rules), files };
    const out = await renderReport(report, opts);
    if (opts.output) writeFileAtomic(opts.output, out, opts.force);
    else await writeStdout(out);
    // The text report on stdout ends with the summary; otherwise (a file, or a format for
    // machines) a person at the terminal gets it on stderr.
    if (!textOnStdout(opts) && !opts.quiet) {
      const { summaryLine } = await import('../write/text-report.js');
      process.stderr.write(`${summaryLine(report)}${opts.output ? ` · report in ${opts.output}` : ''}\n`);
    }
    const { reportStatus } = await import('../write/validate-report.js');
    process.exitCode = Math.max(reportStatus(report), internal);
  });
}

/** The text report printed on stdout: it names unreadable files and ends with the summary itself. */
const textOnStdout = (opts: ValidateOpts): boolean => opts.format === 'text' && !opts.output;

/** Rule levels, fail-on level and baseline: the config file, then --fail-on and --rule on top of it. */
function settingsOf(opts: ValidateOpts): { rules: Map<string, RuleLevel>; failOn: FailOn; baseline: Baseline | null } {
  const configPath = opts.config ?? (existsSync(resolve(CONFIG_NAME)) ? CONFIG_NAME : undefined);
  const config: Config = configPath ? readConfig(configPath) : {};
  const rules = new Map<string, RuleLevel>(Object.entries(config.rules ?? {}));
  for (const flag of opts.rule) {
    try {
      const [code, level] = parseRuleFlag(flag);
      rules.set(code, level);
    } catch (err) {
      throw new InputError((err as Error).message);
    }
  }
  const failOn: FailOn = opts.failOn ?? config.failOn ?? 'error';
  const baseline = opts.baseline ? readBaseline(opts.baseline) : null;
  return { rules, failOn, baseline };
}

/**
 * Every input checked, one result per file (unreadable ones with their error), in the
 * order of the arguments.
 */
async function validateFiles(
  inputs: string[],
  opts: ValidateOpts,
  rules: Map<string, RuleLevel>,
  baseline: Baseline | null,
): Promise<{ files: FileResult[]; internal: number }> {
  const { files, problems } = expandInputs(inputs, { followSymlinks: opts.followSymlinks });
  noteCapped(files.length, opts.quiet);
  let internal = 0;
  const results: FileResult[] = [];
  // An unreadable file is named once: by the text report on stdout, else on stderr.
  const unreadable = (message: string): void => {
    if (!textOnStdout(opts)) say(`gongbao: ${message}\n`);
  };
  for (const p of problems) {
    unreadable(`${p.path}: ${p.message}`);
    results.push({ file: p.path, anomalies: [], error: p.message });
  }
  // Files are parsed in parallel (--jobs); rules and the baseline apply here, in order.
  const tasks: Task[] = files.map((file) => ({
    kind: 'validate',
    file,
    input: { encoding: opts.encoding, from: opts.from, maxBytes: opts.maxBytes },
  }));
  await runAll(tasks, opts.jobs, (r) => {
    if (!r.ok) {
      // An internal error in one file is reported with its name (always, on stderr); the others are still checked.
      if (r.exitCode !== 2) {
        internal = Math.max(internal, r.exitCode);
        say(`gongbao: ${r.error}\n`);
      } else unreadable(r.error!);
      results.push({ file: r.file, anomalies: [], error: r.error });
      return;
    }
    let anomalies = applyRules(r.anomalies!, rules);
    let baselined = 0;
    if (baseline) {
      const kept = baseline.filter(anomalies);
      baselined = anomalies.length - kept.length;
      anomalies = kept;
    }
    results.push({ file: r.file, anomalies, titles: r.titles!, ...(baselined ? { baselined } : {}) });
  });
  return { files: sortByArgument(results, inputs), internal };
}

/**
 * Results in the order of the arguments, unreadable ones included (a file found in a
 * directory or glob sorts with the argument that named it).
 */
function sortByArgument(results: FileResult[], inputs: string[]): FileResult[] {
  const argIndex = (path: string): number => {
    const exact = inputs.indexOf(path);
    if (exact >= 0) return exact;
    const under = inputs.findIndex((arg) => path.startsWith(arg.endsWith('/') ? arg : `${arg}/`));
    return under >= 0 ? under : inputs.length;
  };
  return results.sort((a, b) => argIndex(a.file) - argIndex(b.file));
}

/** The report in the format asked for; each writer is loaded only when used. */
async function renderReport(report: ValidationReport, opts: ValidateOpts): Promise<string> {
  switch (opts.format) {
    case 'json':
      return (await import('../write/validate-report.js')).jsonReport(report);
    case 'sarif':
      return (await import('../write/sarif.js')).sarifReport(report);
    case 'github':
      return (await import('../write/github.js')).githubReport(report);
    case 'junit':
      return (await import('../write/junit.js')).junitReport(report);
    default:
      return (await import('../write/text-report.js')).textReport(report, { color: useColor(opts) });
  }
}
