import type { Command } from 'commander';
import { inputOptions, loadIssue, writeStdout, type InputOpts } from './options.js';
import { assertValid } from '../model/validate.js';
import { writeFileAtomic } from '../write/atomic.js';

interface ParseOpts extends InputOpts {
  pretty?: boolean;
  output?: string;
  force?: boolean;
}

export function registerParse(program: Command): void {
  const cmd = program
    .command('parse')
    .description('parse an issue and print it as one JSON object (the Issue schema)')
    .argument('<file>', "gazette text file, or '-' for stdin")
    .option('--pretty', 'indent the JSON')
    .option('-o, --output <file>', 'write to a file instead of stdout (atomically)')
    .option('--force', 'overwrite the output file if it exists')
    .addHelpText('after', `
Examples:
  gongbao parse samples/changning-2023-02.txt --pretty | jq '.documents[] | {id, title, date}'
  gongbao parse issue.txt -o issue.json
  iconv -f gbk -t utf-8 old.txt | gongbao parse - | jq '.masthead'`);
  inputOptions(cmd).action(async (file: string, opts: ParseOpts) => {
    const issue = loadIssue(file, opts);
    assertValid('issue', issue);
    const json = JSON.stringify(issue, null, opts.pretty ? 2 : undefined) + '\n';
    if (opts.output) writeFileAtomic(opts.output, json, opts.force);
    else await writeStdout(json);
  });
}
