import { say } from './say.js';
import type { Command } from 'commander';
import { join } from 'node:path';
import { inputOptions, kindRequired, loadIssue, type InputOpts } from './options.js';
import { writeFileAtomic } from '../write/atomic.js';

interface PlotOpts extends InputOpts {
  out: string;
  force?: boolean;
  quiet?: boolean;
}

/** `gongbao plot sluices FILE --out DIR`: one SVG map per sluice. */
export function registerPlot(program: Command): void {
  const plot = kindRequired(program.command('plot').description('draw maps of extracted geometry as SVG'));
  const cmd = plot
    .command('sluices')
    .description('one SVG per sluice: to scale, scale bar, north arrow, stake labels, stakes named in anomalies marked')
    .argument('<file>', "gazette text file, or '-' for stdin")
    .requiredOption('--out <dir>', 'output folder for sluice-NN.svg')
    .option('--force', 'overwrite existing SVG files')
    .option('-q, --quiet', 'print no summary')
    .addHelpText(
      'after',
      `
Examples:
  gongbao plot sluices samples/changning-2023-02.txt --out plots
  rsvg-convert plots/sluice-01.svg -o sluice-01.png`,
    );
  inputOptions(cmd).action(async (file: string, opts: PlotOpts) => {
    const issue = loadIssue(file, opts);
    const { plotSluices } = await import('../features/sluices/plot.js');
    const plots = plotSluices(issue);
    for (const p of plots) writeFileAtomic(join(opts.out, p.file), p.svg, opts.force);
    if (!opts.quiet) {
      say(
        plots.length
          ? plots
              .map(
                (p) =>
                  `  ${join(opts.out, p.file)}  ${p.sluice.name}${p.sluice.anomalies.length ? `  (${p.sluice.anomalies.length} anomaly code${p.sluice.anomalies.length === 1 ? '' : 's'})` : ''}`,
              )
              .join('\n') + '\n'
          : 'gongbao: no sluices in this issue; nothing plotted\n',
      );
    }
  });
}
