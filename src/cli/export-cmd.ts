import { say } from './say.js';
import type { Command } from 'commander';
import { join } from 'node:path';
import { inputOptions, type InputOpts } from './options.js';
import { batchOptions, fileSummary, resolveInputs, Totals, type BatchOpts } from './batch.js';
import { runAll } from './pool.js';
import { Progress } from './progress.js';
import type { Task } from './task.js';
import { checkOutDir } from '../write/folder.js';
import { OutputError } from '../write/errors.js';
import { InputError } from '../read/errors.js';

interface ExportOpts extends InputOpts, BatchOpts {
  out: string;
  force?: boolean;
  bom?: boolean;
  excelSafe?: boolean;
  stamp?: string | boolean;
  crs?: string;
}

/** Folder names of a batch, each issue's name made unique in the order asked (`2023-02`, `2023-02-2` …). */
function uniqueFolders(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    let folder = name;
    for (let k = 2; used.has(folder); k++) folder = `${name}-${k}`;
    used.add(folder);
    return folder;
  };
}

export function registerExport(program: Command): void {
  const cmd = program
    .command('export')
    .description('write an export folder: issue.json, CSV files per kind of record, datapackage.json, anomalies')
    .argument('<inputs...>', "gazette text files, directories or globs; '-' for stdin")
    .requiredOption('--out <dir>', 'output folder (must be empty or new, unless --force); one subfolder per issue when several are given')
    .option('--force', 'write into a non-empty folder, replacing files of the same name')
    .option('--bom', 'start CSV files with a UTF-8 BOM (for Excel)')
    .option('--excel-safe', "prefix text cells starting with = + - @ with ' (never numbers)")
    .option(
      '--stamp [iso]',
      'record a creation time in datapackage.json (default now); without it the output is byte-identical for the same input',
    )
    .option(
      '--crs <proj4>',
      'proj4 definition of the local plane system of sluice coordinates; adds sluices.geojson and sluice-points.geojson in WGS84 (see README: Sluices)',
    )
    .addHelpText(
      'after',
      `
Examples:
  gongbao export samples/changning-2023-02.txt --out out
  gongbao export issue.txt --out export/2023-02 --bom --force
  gongbao export archive/ --out shelf --jobs 4          # one subfolder per issue: shelf/2023-02/ …
  gongbao export 'archive/**/*.txt' --out shelf --quiet`,
    );
  batchOptions(inputOptions(cmd)).action(async (inputs: string[], opts: ExportOpts) => {
    const dir = opts.out;
    checkOutDir(dir, opts.force);
    const { files, failed } = resolveInputs(inputs, opts);
    const single = inputs.length === 1 && files.length === 1 && files[0] === inputs[0];
    const stamp = opts.stamp === true ? new Date().toISOString() : opts.stamp || undefined;
    if (opts.crs) {
      const { crsProblem } = await import('../features/sluices/export.js');
      const problem = await crsProblem(opts.crs);
      if (problem) throw new InputError(`--crs: ${problem}`);
    }
    const tasks: Task[] = files.map((file) => ({
      kind: 'export',
      file,
      input: { encoding: opts.encoding, from: opts.from, maxBytes: opts.maxBytes },
      export: { bom: opts.bom, excelSafe: opts.excelSafe, stamp, ...(opts.crs ? { crs: opts.crs } : {}) },
      out: dir,
      single,
    }));
    const totals = new Totals();
    totals.skip(failed);
    const progress = new Progress(files.length, opts.quiet);
    let written = 0;
    await runAll(
      tasks,
      opts.jobs,
      async (r) => {
        totals.add(r, opts.failOn);
        progress.clear();
        if (!r.ok) {
          // The output could not be written (full disk, a folder in the way): the batch stops.
          if (r.output) throw new OutputError(r.error, r.exitCode as 2 | 3);
          say(`gongbao: ${r.error}\n`);
          return;
        }
        const paths = r.written!;
        written += paths.length;
        if (single && !opts.quiet) {
          // the file a person opens first: the report, when the export holds one
          const report = paths.includes(join(dir, 'report.html')) ? `; open ${join(dir, 'report.html')}` : '';
          say(fileSummary(r.file, r.stats) + `  wrote ${paths.length} files to ${dir}${report}\n`);
        } else if (opts.verbose) say(`${r.file} → ${join(dir, r.folder!)} (${r.stats.documents} documents, ${paths.length} files)\n`);
      },
      (done) => progress.update(done),
      uniqueFolders(),
    );
    progress.clear();
    if (!single && !opts.quiet)
      say(`  ${totals.line()}\n  wrote ${written} files to ${dir}${written ? ` (each issue's report.html in its folder)` : ''}\n`);
    process.exitCode = totals.status;
  });
}
