import type { Command } from 'commander';
import { Option } from 'commander';
import { inputOptions, loadIssue, outputPath, writeStdout, type InputOpts } from './options.js';
import type { Issue } from '../model/issue.js';
import { toCsv, type CsvValue } from '../write/csv.js';
import { writeFileAtomic } from '../write/atomic.js';
import { tablesKind } from './extract-tables.js';
import { APPOINTMENTS_CSV, ROSTERS_CSV, appointmentRows, rosterRows } from '../features/people/export.js';
import { CITATIONS, DOCUMENTS, TOC, citationRows, documentRows, tocRows } from '../write/export.js';
import { SLUICES_CSV, SLUICE_POINTS_CSV, pointRows, sluiceRows } from '../features/sluices/export.js';

/**
 * A kind of record that `gongbao extract KIND FILE` prints. Extraction modules register
 * theirs in KINDS. `records` gives the JSON/NDJSON records; `csv` the flat table.
 */
export interface ExtractKind {
  name: string;
  description: string;
  records(issue: Issue): unknown[];
  csv(issue: Issue): { columns: string[]; rows: CsvValue[][] };
  /** Extra options of this kind, and a run that replaces the default output (e.g. one table). */
  configure?(cmd: Command): void;
  run?(issue: Issue, opts: Record<string, unknown>): Promise<boolean>;
}

export const KINDS: ExtractKind[] = [
  {
    name: 'documents',
    description: 'documents with title, date, 文号, span',
    records: (issue) => issue.documents,
    csv: (issue) => ({ columns: DOCUMENTS.fields.map((f) => f.name), rows: documentRows(issue) }),
  },
  {
    name: 'toc',
    description: 'table-of-contents entries with category, number, page and matching document',
    records: (issue) => issue.toc,
    csv: (issue) => ({ columns: TOC.fields.map((f) => f.name), rows: tocRows(issue) }),
  },
  {
    name: 'citations',
    description: '文号 and 《titles》 cited in the text',
    records: (issue) => issue.citations,
    csv: (issue) => ({ columns: CITATIONS.fields.map((f) => f.name), rows: citationRows(issue) }),
  },
  {
    name: 'appointments',
    description: 'appointments and removals (人事任免): name, posts, qualifiers, period',
    records: (issue) => issue.appointments,
    csv: (issue) => ({ columns: APPOINTMENTS_CSV.fields.map((f) => f.name), rows: appointmentRows(issue) }),
  },
  {
    name: 'rosters',
    description: 'members of leading groups, joint conferences and committees',
    records: (issue) => issue.rosters,
    csv: (issue) => ({ columns: ROSTERS_CSV.fields.map((f) => f.name), rows: rosterRows(issue) }),
  },
  {
    name: 'sluices',
    description: 'sluices: summary figures per bank, boundary section, computed area/perimeter, check results',
    records: (issue) => issue.sluices,
    csv: (issue) => ({ columns: SLUICES_CSV.fields.map((f) => f.name), rows: sluiceRows(issue) }),
  },
  {
    name: 'points',
    description: 'boundary stakes (界址点) of the sluices with Y/X plane coordinates',
    records: (issue) => issue.points,
    csv: (issue) => ({ columns: SLUICE_POINTS_CSV.fields.map((f) => f.name), rows: pointRows(issue) }),
  },
  {
    name: 'anomalies',
    description: 'every anomaly with code, severity, line',
    records: (issue) => issue.anomalies,
    csv: (issue) => ({
      columns: ['code', 'severity', 'line', 'column', 'document_id', 'message', 'evidence'],
      rows: issue.anomalies.map((a) => [a.code, a.severity, a.line, a.column, a.documentId, a.message, a.evidence]),
    }),
  },
  tablesKind,
];

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
    .addHelpText('after', `
Examples:
  gongbao extract documents samples/changning-2023-02.txt --format csv
  gongbao extract citations issue.txt --format ndjson | jq -r .text
  gongbao extract appointments samples/changning-2023-02.txt --format csv --bom > appointments.csv
  gongbao extract tables samples/changning-2023-02.txt --out tables/
  gongbao extract points samples/changning-2023-02.txt --format ndjson | jq -c '[.stake, .y, .x]'`);
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
    kind.configure?.(cmd);
    inputOptions(cmd).action(async (file: string, opts: ExtractOpts) => {
      const issue = loadIssue(file, opts);
      if (kind.run && (await kind.run(issue, opts as unknown as Record<string, unknown>))) return;
      let out: string;
      if (opts.format === 'csv') {
        const { columns, rows } = kind.csv(issue);
        out = await toCsv(columns, rows, { bom: opts.bom, excelSafe: opts.excelSafe });
      } else if (opts.format === 'ndjson') {
        out = kind.records(issue).map((r) => JSON.stringify(r) + '\n').join('');
      } else {
        out = JSON.stringify(kind.records(issue), null, opts.pretty ? 2 : undefined) + '\n';
      }
      if (opts.output) writeFileAtomic(opts.output, out, opts.force);
      else await writeStdout(out);
    });
  }
}
