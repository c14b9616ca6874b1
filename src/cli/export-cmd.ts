import type { Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inputOptions, loadIssue, type InputOpts } from './options.js';
import { buildExport } from '../write/export.js';
import { writeFileAtomic } from '../write/atomic.js';
import { OutputError } from '../write/errors.js';
import type { Issue } from '../model/issue.js';

interface ExportOpts extends InputOpts {
  out: string;
  force?: boolean;
  quiet?: boolean;
  bom?: boolean;
  excelSafe?: boolean;
  stamp?: string | boolean;
}

/** One line per kind of record and the anomaly counts: what `export` prints on stderr. */
export function summary(issue: Issue, dir: string, files: number): string {
  const by = { error: 0, warning: 0, info: 0 };
  for (const a of issue.anomalies) by[a.severity]++;
  const m = issue.masthead;
  const title = [m.title, m.year && m.issue ? `${m.year} 年第 ${m.issue} 期` : null].filter(Boolean).join(' ');
  return [
    `${issue.source.name ?? '<stdin>'}${title ? ` — ${title}` : ''}`,
    `  documents ${issue.documents.length} · sections ${issue.sections.length} · toc entries ${issue.toc.length} · citations ${issue.citations.length}`,
    `  anomalies ${issue.anomalies.length}: ${by.error} error, ${by.warning} warning, ${by.info} info`,
    `  wrote ${files} files to ${dir}`,
  ].join('\n') + '\n';
}

export function registerExport(program: Command): void {
  const cmd = program
    .command('export')
    .description('write an export folder: issue.json, CSV files per kind of record, anomalies')
    .argument('<file>', "gazette text file, or '-' for stdin")
    .requiredOption('--out <dir>', 'output folder (must be empty or new, unless --force)')
    .option('--force', 'write into a non-empty folder, replacing files of the same name')
    .option('--bom', 'start CSV files with a UTF-8 BOM (for Excel)')
    .option('--excel-safe', "prefix text cells starting with = + - @ with ' (never numbers)")
    .option('--stamp [iso]', 'record a creation time in datapackage.json (default now); without it the output is byte-identical for the same input')
    .option('-q, --quiet', 'print no summary')
    .addHelpText('after', `
Examples:
  gongbao export samples/changning-2023-02.txt --out out
  gongbao export issue.txt --out export/2023-02 --bom --force`);
  inputOptions(cmd).action(async (file: string, opts: ExportOpts) => {
    const dir = opts.out;
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory()) throw new OutputError(`${dir}: exists and is not a folder`, 2);
      if (!opts.force && readdirSync(dir).length > 0) throw new OutputError(`${dir}: folder is not empty; use --force to write into it`, 2);
    }
    const issue = loadIssue(file, opts);
    const stamp = opts.stamp === true ? new Date().toISOString() : opts.stamp || undefined;
    const files = await buildExport(issue, { bom: opts.bom, excelSafe: opts.excelSafe, stamp });
    const written: string[] = [];
    try {
      for (const f of files) {
        writeFileAtomic(join(dir, f.path), f.data, true);
        written.push(f.path);
      }
    } catch (err) {
      if (err instanceof OutputError) {
        throw new OutputError(`${err.message}\n  written before the failure: ${written.length ? written.join(', ') : 'none'}`, err.exitCode);
      }
      throw err;
    }
    if (!opts.quiet) process.stderr.write(summary(issue, dir, files.length));
  });
}
