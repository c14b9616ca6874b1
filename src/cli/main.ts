import { say } from './say.js';
import { Command, CommanderError } from 'commander';
import { InputError } from '../read/errors.js';
import { OutputError } from '../write/errors.js';
import { registerParse } from './parse-cmd.js';
import { registerExport } from './export-cmd.js';
import { registerSchema } from './schema-cmd.js';
import { registerExtract } from './extract.js';
import { registerPlot } from './plot-cmd.js';
import { registerValidate } from './validate-cmd.js';
import { registerRules } from './rules-cmd.js';
import { VERSION } from '../version.js';

/**
 * The gongbao command line. Each subcommand lives in its own module and registers itself
 * here. Data goes to stdout, messages to stderr; exit codes are those of the README.
 */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('gongbao')
    .description('Turn the raw text of a government gazette issue (公报) into validated, structured data.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      `
Examples:
  gongbao export samples/changning-2023-02.txt --out out --force
  gongbao parse samples/changning-2023-02.txt --pretty | jq '.documents[].title'
  gongbao export archive/ --out shelf --jobs 4
  cat issue.txt | gongbao parse - -o issue.json
  gongbao validate issue.txt --format sarif -o gongbao.sarif
  gongbao extract appointments samples/changning-2023-02.txt --format csv
  gongbao plot sluices samples/changning-2023-02.txt --out plots
  gongbao rules
  gongbao schema document
  gongbao validate issues/ --format sarif -o gongbao.sarif   # CI: exit 1 on errors

Exit codes (several inputs: the worst wins):
  0    success
  1    anomalies at or above --fail-on (validate: error by default)
  2    usage error, unreadable input or refused overwrite
  3    output could not be written
  70   internal error (a bug in gongbao: please report it with the message)
  129  stopped by SIGHUP, as for 130
  130  interrupted (Ctrl-C); files already written are complete
  143  stopped by SIGTERM (timeout, CI cancellation), as for 130`,
    );
  program.exitOverride();
  registerParse(program);
  registerExport(program);
  registerExtract(program);
  registerSchema(program);
  registerPlot(program);
  registerValidate(program);
  registerRules(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    process.exitCode = 0;
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof InputError) {
      say(`gongbao: ${err.message}\n`);
      return 2;
    }
    if (err instanceof OutputError) {
      say(`gongbao: ${err.message}\n`);
      return err.exitCode;
    }
    say(`gongbao: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 70;
  }
}
