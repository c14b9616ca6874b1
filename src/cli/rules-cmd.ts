import { Option, type Command } from 'commander';
import { writeStdout } from './options.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('print the anomaly catalogue: every code with its severity, group, description and hint')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  gongbao rules
  gongbao rules --format json | jq -r '.[] | select(.severity == "error") | .code'
  gongbao rules --format markdown > RULES.md`,
    )
    .action(async (opts: { format: 'text' | 'json' | 'markdown' }) => {
      const { rulesText, rulesJson, rulesMarkdown } = await import('../write/rules.js');
      await writeStdout(opts.format === 'json' ? rulesJson() : opts.format === 'markdown' ? rulesMarkdown() : rulesText());
    });
}
