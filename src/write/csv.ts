/** CSV through csv-stringify (loaded only when a CSV is written). */
import {
  csvRows,
  isCsvExport,
  tableSpec,
  type CsvExport,
  type CsvOptions,
  type CsvTable,
  type CsvValue,
  type ExportFile,
  type FeatureFile,
  later,
} from '../model/export.js';

export type { CsvOptions, CsvValue } from '../model/export.js';

/** Text a spreadsheet would read as a formula: = + - @ (also full-width ＝＋－＠, which Excel takes for them), tab, CR. */
function safeCell(v: CsvValue): CsvValue {
  if (typeof v === 'string' && /^[=+\-@\t\r＝＋－＠]/.test(v)) return `'${v}`;
  return v;
}

type CsvRender = (columns: readonly string[], rows: readonly CsvValue[][], opts?: CsvOptions) => string;

/** The CSV writer, csv-stringify loaded on first use. */
async function csvRender(): Promise<CsvRender> {
  const { stringify } = await import('csv-stringify/sync');
  return (columns, rows, opts = {}) => {
    const body = opts.excelSafe ? rows.map((r) => r.map(safeCell)) : rows;
    const csv = stringify([columns as string[], ...(body as CsvValue[][])], {
      cast: { boolean: (b) => (b ? 'true' : 'false') },
      record_delimiter: 'unix',
    });
    return (opts.bom ? '\ufeff' : '') + csv;
  };
}

export async function toCsv(columns: readonly string[], rows: readonly CsvValue[][], opts: CsvOptions = {}): Promise<string> {
  return (await csvRender())(columns, rows, opts);
}

/** A CSV table's text through `render`, made synchronously (csv-stringify already loaded). */
function tableText<R>(render: CsvRender, table: CsvTable<R>, records: Iterable<R>, opts: CsvOptions): string {
  return render(
    table.columns.map((c) => c.name),
    csvRows(table, records),
    opts,
  );
}

/** A CSV table's text: its header and one row per record. */
export async function csvText<R>(table: CsvTable<R>, records: Iterable<R>, opts: CsvOptions = {}): Promise<string> {
  return tableText(await csvRender(), table, records, opts);
}

/**
 * The export file of a CSV a feature asks for, with the Table Schema datapackage.json gives
 * it. Its text is made when the file is written (`later`), so the CSVs of a large issue are
 * never all in memory at once, beside the issue they come from; records given as a
 * one-pass iterable (a generator) are collected first, so the file can be read again.
 */
export async function csvFile(f: CsvExport, opts: CsvOptions = {}): Promise<ExportFile> {
  const render = await csvRender();
  const records = Array.isArray(f.records) ? f.records : [...f.records];
  return { path: f.path ?? f.table.path, data: later(() => tableText(render, f.table, records, opts)), resource: tableSpec(f.table) };
}

/** Every file a feature contributes, its CSV tables rendered. */
export async function renderFiles(files: readonly FeatureFile[], opts: CsvOptions = {}): Promise<ExportFile[]> {
  const out: ExportFile[] = [];
  for (const f of files) out.push(isCsvExport(f) ? await csvFile(f, opts) : f);
  return out;
}
