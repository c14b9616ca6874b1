/**
 * What an export is made of, as data: files, and CSV tables described once as a list of
 * columns. Features describe their files with these types; the writers (src/write/) turn
 * them into bytes. Nothing here renders or touches the file system.
 */
import type { Lines } from './lines.js';

/** A cell of a CSV file: numbers stay numbers; null and undefined are empty. */
export type CsvValue = string | number | boolean | null | undefined;

/** Types of a Table Schema field (Frictionless). */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** A Table Schema field (Frictionless): the column of a CSV file, as datapackage.json gives it. */
export interface Field {
  name: string;
  type: FieldType;
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

/**
 * One column of a CSV file, described once: its header, its Table Schema field and how a
 * record gives its cell.
 */
export interface Column<R> extends Field {
  value(record: R): CsvValue;
}

/**
 * A CSV file described once: the header, the rows, the Table Schema (datapackage.json) and
 * the documentation's column tables all come from `columns`. `rows` gives one record per
 * row of the file (a record may be a row object made from a larger record).
 */
export interface CsvTable<R = any> extends Omit<TableSpec, 'fields'> {
  columns: readonly Column<R>[];
}

/** The Table Schema of a CSV table: its columns without their value functions. */
export function tableSpec(table: CsvTable): TableSpec {
  const { columns, ...rest } = table;
  return { ...rest, fields: columns.map(({ value: _value, ...field }) => field) };
}

/** The rows of a CSV table, in the order of its columns. */
export function csvRows<R>(table: CsvTable<R>, records: Iterable<R>): CsvValue[][] {
  const rows: CsvValue[][] = [];
  const cols = table.columns;
  for (const r of records) {
    const row = new Array<CsvValue>(cols.length);
    for (let i = 0; i < cols.length; i++) row[i] = cols[i]!.value(r);
    rows.push(row);
  }
  return rows;
}

/** One file of an export folder, relative to the folder. */
export interface ExportFile {
  path: string;
  /**
   * The file's text or bytes; or pieces of text, made as the file is written, so a large
   * issue's issue.json, report.html and documents are never all in memory at once.
   */
  data: string | Uint8Array | Iterable<string>;
  /** For CSV files: the Table Schema that datapackage.json gives it. */
  resource?: TableSpec;
}

/** A CSV file that a feature asks for: the writer renders it (src/write/csv.ts). */
export interface CsvExport<R = any> {
  table: CsvTable<R>;
  /** Path of the file when it is not `table.path` (one file per logical table). */
  path?: string;
  records: Iterable<R>;
}

/** A file a feature contributes to the export: ready data, or a CSV table to render. */
export type FeatureFile = ExportFile | CsvExport;

export const isCsvExport = (f: FeatureFile): f is CsvExport => 'table' in f;

export interface CsvOptions {
  /** Prefix a UTF-8 BOM so Excel opens Chinese text correctly. */
  bom?: boolean;
  /** Neutralise text cells that start with = + - @ (never numbers) against formula injection. */
  excelSafe?: boolean;
}

export interface ExportOptions extends CsvOptions {
  /** ISO timestamp recorded in datapackage.json; none by default, so output is deterministic. */
  stamp?: string;
  /** proj4 definition of the local plane system of sluice coordinates; adds sluices.geojson and sluice-points.geojson (WGS84). */
  crs?: string;
  /** The decoded lines of the text: the Markdown documents and the HTML report show it. */
  lines?: Lines;
  /** The lines as in the file, when the reader changed some (ParsedSource.fileLines): the report's view of each document's source. */
  fileLines?: Lines;
}

/** File text made when the file is written, not before (one plot among thousands). */
export function later(make: () => string): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      yield make();
    },
  };
}
