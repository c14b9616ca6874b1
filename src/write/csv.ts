/** CSV through csv-stringify (loaded only when a CSV is written). */
export interface CsvOptions {
  /** Prefix a UTF-8 BOM so Excel opens Chinese text correctly. */
  bom?: boolean;
  /** Neutralise text cells that start with = + - @ (never numbers) against formula injection. */
  excelSafe?: boolean;
}

export type CsvValue = string | number | boolean | null | undefined;

function safeCell(v: CsvValue): CsvValue {
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(v)) return `'${v}`;
  return v;
}

export async function toCsv(columns: readonly string[], rows: readonly CsvValue[][], opts: CsvOptions = {}): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const body = opts.excelSafe ? rows.map((r) => r.map(safeCell)) : rows;
  const csv = stringify([columns as string[], ...(body as CsvValue[][])], {
    cast: { boolean: (b) => (b ? 'true' : 'false') },
    record_delimiter: 'unix',
  });
  return (opts.bom ? '\ufeff' : '') + csv;
}

/** A Table Schema field (Frictionless): the column of a CSV file. */
export interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  description: string;
  constraints?: { required?: boolean; unique?: boolean };
}

export interface ForeignKey {
  fields: string | string[];
  reference: { resource: string; fields: string | string[] };
}

/** What a CSV file of the export holds: datapackage.json describes it from this. */
export interface TableSpec {
  /** Resource name in datapackage.json (lowercase, -, _ and .). */
  name: string;
  path: string;
  title: string;
  description: string;
  fields: Field[];
  primaryKey?: string | string[];
  foreignKeys?: ForeignKey[];
}

/** A CSV export file with its Table Schema. */
export interface CsvFile {
  path: string;
  data: string;
  resource: TableSpec;
}

/** Writes rows (in the order of spec.fields) as CSV and keeps the spec for the data package. */
export async function csvFile(spec: TableSpec, rows: readonly CsvValue[][], opts: CsvOptions = {}): Promise<CsvFile> {
  return { path: spec.path, data: await toCsv(spec.fields.map((f) => f.name), rows, opts), resource: spec };
}
