import type { Command } from 'commander';
import { Option } from 'commander';
import { inputOptions, kindRequired, loadIssue, outputPath, writeStdout, type InputOpts } from './options.js';
import type { ExtractKind } from '../core/feature.js';
import { ANOMALIES_CSV, CITATIONS_CSV, DOCUMENTS_CSV, TOC_CSV } from '../core/csv.js';
import { FEATURES } from '../features/index.js';
import { csvText } from '../write/csv.js';
import { writeFileAtomic } from '../write/atomic.js';
import { tablesCommand, type KindCommand } from './extract-tables.js';

/** Every kind `gongbao extract` prints: the structure's, each feature's (src/features/index.ts), the anomalies. */
export const KINDS: readonly ExtractKind[] = [
  { name: 'documents', description: 'documents with title, date, 文号, span', records: (issue) => issue.documents, csv: DOCUMENTS_CSV },
  {
    name: 'toc',
    description: 'table-of-contents entries with category, number, page and matching document',
    records: (issue) => issue.toc,
    csv: TOC_CSV,
  },
  { name: 'citations', description: '文号 and 《titles》 cited in the text', records: (issue) => issue.citations, csv: CITATIONS_CSV },
  ...FEATURES.flatMap((f) => f.kinds),
  { name: 'anomalies', description: 'every anomaly with code, severity, line', records: (issue) => issue.anomalies, csv: ANOMALIES_CSV },
];

/** Options and runs of kinds that print more than their records (one table, a folder of tables). */
const SPECIAL: Record<string, KindCommand> = { tables: tablesCommand };

interface ExtractOpts extends InputOpts {
  format: 'json' | 'ndjson' | 'csv';
  output?: string;
  force?: boolean;
  pretty?: boolean;
  bom?: boolean;
  excelSafe?: boolean;
}

export function registerExtract(program: Command): void {
  const extract = program
    .command('extract')
    .description('print one kind of record as JSON, NDJSON or CSV')
    .addHelpText(
      'after',
      `
Examples:
  gongbao extract documents samples/changning-2023-02.txt --format csv
  gongbao extract citations issue.txt --format ndjson | jq -r .text
  gongbao extract appointments samples/changning-2023-02.txt --format csv --bom > appointments.csv
  gongbao extract tables samples/changning-2023-02.txt --format csv --out tables/
  gongbao extract points samples/changning-2023-02.txt --format ndjson | jq -c '[.stake, .y, .x]'`,
    );
  kindRequired(extract);
  for (const kind of KINDS) {
    const cmd = extract
      .command(kind.name)
      .description(kind.description)
      .argument('<file>', "gazette text file, or '-' for stdin")
      .addOption(new Option('--format <format>', 'output format').choices(['json', 'ndjson', 'csv']).default('json'))
      .option('-o, --output <file>', "write to a file instead of stdout ('-': stdout)", outputPath)
      .option('--force', 'overwrite the output file')
      .option('--pretty', 'indent JSON')
      .option('--bom', 'CSV: start with a UTF-8 BOM (Excel)')
      .option('--excel-safe', "CSV: prefix text cells starting with = + - @ with '");
    const special = SPECIAL[kind.name];
    special?.configure(cmd);
    inputOptions(cmd).action(async (file: string, opts: ExtractOpts) => {
      const issue = loadIssue(file, opts);
      if (special && (await special.run(issue, opts as unknown as Record<string, unknown>))) return;
      let out: string;
      if (opts.format === 'csv') {
        if (!kind.csv) throw new Error(`${kind.name} has no CSV form`);
        out = await csvText(kind.csv, kind.csvRecords?.(issue) ?? kind.records(issue), { bom: opts.bom, excelSafe: opts.excelSafe });
      } else if (opts.format === 'ndjson') {
        out = kind
          .records(issue)
          .map((r) => JSON.stringify(r) + '\n')
          .join('');
      } else {
        out = JSON.stringify(kind.records(issue), null, opts.pretty ? 2 : undefined) + '\n';
      }
      if (opts.output) writeFileAtomic(opts.output, out, opts.force);
      else await writeStdout(out);
    });
  }
}
