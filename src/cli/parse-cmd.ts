import { say } from './say.js';
import type { Command } from 'commander';
import { inputOptions, outputPath, writeStdout, type InputOpts } from './options.js';
import { batchOptions, resolveInputs, Totals, type BatchOpts } from './batch.js';
import { runAll } from './pool.js';
import { Progress } from './progress.js';
import type { Task } from './task.js';
import { writeFileAtomicYielding } from '../write/atomic.js';

interface ParseOpts extends InputOpts, BatchOpts {
  pretty?: boolean;
  output?: string;
  force?: boolean;
}

export function registerParse(program: Command): void {
  const cmd = program
    .command('parse')
    .description('parse issues and print each as one JSON object (the Issue schema); several inputs give NDJSON, one issue a line')
    .argument('<inputs...>', "gazette text files, directories or globs; '-' for stdin")
    .option('--pretty', 'indent the JSON (one input only)')
    .option('-o, --output <file>', "write to a file instead of stdout (atomically; '-': stdout)", outputPath)
    .option('--force', 'overwrite the output file if it exists')
    .addHelpText(
      'after',
      `
Examples:
  gongbao parse samples/changning-2023-02.txt --pretty | jq '.documents[] | {id, title, date}'
  gongbao parse issue.txt -o issue.json
  iconv -f gbk -t utf-8 old.txt | gongbao parse - | jq '.masthead'
  gongbao parse archive/ --jobs 4 | jq -c '{file: .source.name, documents: (.documents | length)}'`,
    );
  batchOptions(inputOptions(cmd)).action(async (inputs: string[], opts: ParseOpts) => {
    const { files, failed } = resolveInputs(inputs, opts);
    const single = inputs.length === 1 && files.length === 1 && files[0] === inputs[0];
    const tasks: Task[] = files.map((file) => ({
      kind: 'parse',
      file,
      input: { encoding: opts.encoding, from: opts.from, maxBytes: opts.maxBytes },
      pretty: single && opts.pretty === true,
    }));
    const totals = new Totals();
    totals.skip(failed);
    const chunks: Iterable<string>[] = [];
    const progress = new Progress(files.length, opts.quiet || !opts.output);
    await runAll(
      tasks,
      opts.jobs,
      async (r) => {
        totals.add(r, opts.failOn);
        if (!r.ok) {
          progress.clear();
          say(`gongbao: ${r.error}\n`);
          return;
        }
        // The JSON comes in pieces of 32 768 characters: never one string (and buffer) of a huge issue.
        if (opts.output) chunks.push(r.json!, ['\n']);
        else {
          for (const piece of r.json!) await writeStdout(piece);
          await writeStdout('\n');
        }
        if (opts.verbose) say(`${r.file}: ${r.stats.documents} documents\n`);
      },
      (done) => progress.update(done),
    );
    progress.clear();
    if (opts.output && chunks.length)
      await writeFileAtomicYielding(
        opts.output,
        (function* () {
          for (const c of chunks) yield* c;
        })(),
        opts.force,
      );
    if (!single && !opts.quiet) say(`  ${totals.line()}\n`);
    process.exitCode = totals.status;
  });
}
