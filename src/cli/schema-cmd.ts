import type { Command } from 'commander';
import { InputError } from '../read/errors.js';
import { writeStdout } from './options.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of a record type; without NAME, list the names')
    .argument('[name]', 'record type, e.g. issue, document, anomaly')
    .addHelpText(
      'after',
      `
Examples:
  gongbao schema              # list the record types
  gongbao schema document > document.schema.json`,
    )
    .action(async (name?: string) => {
      const { schemas, jsonSchema } = await import('../write/schemas.js');
      const names = Object.keys(await schemas());
      if (!name) return writeStdout(names.join('\n') + '\n');
      if (!names.includes(name)) throw new InputError(`unknown schema "${name}"; one of: ${names.join(', ')}`);
      return writeStdout(JSON.stringify(await jsonSchema(name), null, 2) + '\n');
    });
}
