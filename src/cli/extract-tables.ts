/**
 * `gongbao extract tables FILE [--format json|ndjson|csv] [--table ID] [--out DIR]`
 *
 * - json / ndjson: every logical table (one a line for ndjson); `--table ID` only that one.
 * - csv: one table, chosen with `--table ID`; or, with `--out DIR`, every table as
 *   DIR/<table-id>.csv plus the index DIR/tables.csv (a plain folder, no zip).
 */
import { say } from './say.js';
import { CommanderError, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../model/issue.js';
import type { Table } from '../model/table.js';
import { csvFile, csvText } from '../write/csv.js';
import { writeFileAtomic } from '../write/atomic.js';
import { OutputError } from '../write/errors.js';
import { tableCsv, tableFiles } from '../features/tables/csv.js';
import { writeStdout } from './options.js';

/** Options of one `gongbao extract KIND` command, and a run that replaces its default output. */
export interface KindCommand {
  configure(cmd: Command): void;
  /** True when it wrote the output itself. */
  run(issue: Issue, opts: Record<string, unknown>): Promise<boolean>;
}

interface TablesOpts {
  format: 'json' | 'ndjson' | 'csv';
  table?: string;
  out?: string;
  output?: string;
  force?: boolean;
  pretty?: boolean;
  bom?: boolean;
  excelSafe?: boolean;
}

function usage(message: string): never {
  say(`gongbao: ${message}\n`);
  throw new CommanderError(2, 'gongbao.usage', message);
}

function pick(issue: Issue, id: string): Table {
  const t = issue.tables.find((x) => x.id === id);
  if (!t) {
    const ids = issue.tables.map((x) => x.id);
    usage(`no table ${id}; the issue has ${ids.length ? ids.join(', ') : 'no tables'}`);
  }
  return t;
}

async function emit(out: string, opts: TablesOpts): Promise<void> {
  if (opts.output) writeFileAtomic(opts.output, out, opts.force);
  else await writeStdout(out);
}

/** `--table ID` and `--out DIR` of `gongbao extract tables`. */
export const tablesCommand: KindCommand = {
  configure(cmd: Command) {
    cmd
      .option('--table <id>', 'only this table (ids are listed by --format csv --out, or in the JSON)')
      .option('--out <dir>', 'CSV: write every table as <dir>/<id>.csv and the index <dir>/tables.csv')
      .addHelpText(
        'after',
        `
Examples:
  gongbao extract tables issue.txt --format ndjson | jq -r '.id + "  " + (.caption.text // "")'
  gongbao extract tables issue.txt --format csv --bom --table "$(gongbao extract tables issue.txt --format ndjson | head -1 | jq -r .id)" > t1.csv
  gongbao extract tables issue.txt --format csv --out tables/`,
      );
  },
  async run(issue, raw) {
    const opts = raw as unknown as TablesOpts;
    if (opts.out && opts.format !== 'csv') usage('--out DIR writes CSV files; use it with --format csv');
    if (opts.format === 'csv') {
      const csvOpts = { bom: opts.bom, excelSafe: opts.excelSafe };
      if (opts.table) {
        const t = pick(issue, opts.table);
        const { table, records } = tableCsv(t, 1);
        await emit(await csvText(table, records, csvOpts), opts);
        return true;
      }
      if (opts.out) {
        const files = await Promise.all(tableFiles(issue.tables, '').map((f) => csvFile(f, csvOpts)));
        // refuse before writing anything, so a refused run leaves no half-replaced folder
        if (!opts.force) {
          const clash = files.map((f) => join(opts.out!, f.path)).find((p) => existsSync(p));
          if (clash) throw new OutputError(`${clash}: exists; use --force to overwrite`, 2);
        }
        for (const f of files) writeFileAtomic(join(opts.out, f.path), f.data, opts.force);
        return true;
      }
      usage('--format csv writes one table: choose it with --table ID, or write them all with --out DIR');
    }
    const records = opts.table ? [pick(issue, opts.table)] : issue.tables;
    const out =
      opts.format === 'ndjson'
        ? records.map((r) => JSON.stringify(r) + '\n').join('')
        : JSON.stringify(opts.table ? records[0] : records, null, opts.pretty ? 2 : undefined) + '\n';
    await emit(out, opts);
    return true;
  },
};
