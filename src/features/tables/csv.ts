/**
 * CSV of logical tables: `tables/<table-id>.csv`, one per table, and `tables.csv`, the
 * index. Used by `gongbao export` and by `gongbao extract tables --format csv`.
 *
 * A table's CSV holds its data rows (group label rows and repeated header rows are
 * structure, not data): `line` (source line of the row), `group` (only when the table has
 * group rows) and then the table's columns, typed values as numbers, filled merged cells
 * with the value they were filled with. Extra cells of a ragged row follow as `extra_N`.
 */
import type { ColumnType, TableRow, Table } from '../../model/table.js';
import type { Column, CsvExport, CsvTable, FieldType } from '../../model/export.js';
import { safeName, uniqueNames } from '../../core/filenames.js';

/** Data rows of a table (group label rows and repeated header rows are structure, not data). */
function dataRows(t: Table): number {
  let n = 0;
  for (const r of t.rows) if (r.kind === 'data') n++;
  return n;
}

/** tables.csv: one row per logical table; `dir` is where the tables' own files go. */
export const tablesIndexCsv = (dir = 'tables/', names?: ReadonlyMap<string, string>): CsvTable<Table> => ({
  name: 'tables',
  path: 'tables.csv',
  title: 'Tables',
  description: 'One row per logical table (pipe-table fragments merged across page breaks); each table is in tables/<id>.csv',
  primaryKey: 'id',
  columns: [
    {
      name: 'id',
      type: 'string',
      description: 'Table id: <document id>-t<n>, or t<n> outside documents',
      constraints: { required: true, unique: true },
      value: (t) => t.id,
    },
    { name: 'document_id', type: 'string', description: 'The document the table belongs to', value: (t) => t.documentId },
    {
      name: 'attachment_index',
      type: 'integer',
      description: 'Index (0-based) into the document’s attachments of the attachment the table sits in',
      value: (t) => t.attachmentIndex,
    },
    {
      name: 'caption',
      type: 'string',
      description: 'Caption: 表 N label below, else the title line above',
      value: (t) => t.caption?.text ?? null,
    },
    { name: 'title', type: 'string', description: 'Title written as the first row of the table', value: (t) => t.title?.text ?? null },
    { name: 'rows', type: 'integer', description: 'Data rows', constraints: { required: true }, value: (t) => dataRows(t) },
    { name: 'columns', type: 'integer', description: 'Columns', constraints: { required: true }, value: (t) => t.columns.length },
    {
      name: 'fragments',
      type: 'integer',
      description: 'Pipe-table fragments merged into the table',
      constraints: { required: true },
      value: (t) => t.fragments.length,
    },
    {
      name: 'lines',
      type: 'string',
      description: 'First and last line of the table, e.g. 412-491',
      constraints: { required: true },
      value: (t) => `${t.span.startLine}-${t.span.endLine}`,
    },
    {
      name: 'fragment_lines',
      type: 'string',
      description: 'Line ranges of the fragments, space-separated',
      value: (t) => t.fragments.map((f) => `${f.startLine}-${f.endLine}`).join(' '),
    },
    {
      name: 'start_line',
      type: 'integer',
      description: 'First line of the table',
      constraints: { required: true },
      value: (t) => t.span.startLine,
    },
    {
      name: 'end_line',
      type: 'integer',
      description: 'Last line of the table',
      constraints: { required: true },
      value: (t) => t.span.endLine,
    },
    {
      name: 'file',
      type: 'string',
      description: 'Path of the table’s CSV in the export folder',
      constraints: { required: true },
      value: (t) => `${dir}${names?.get(t.id) ?? tableFileName(t.id)}`,
    },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
});

/** tables.csv with the tables' files under tables/. */
export const TABLES_INDEX_CSV = tablesIndexCsv();

/**
 * A file name from a table id, through the sanitiser every derived file name goes through
 * (core/filenames.ts: no separators, control or bidi characters, reserved names).
 */
export function tableFileName(id: string): string {
  return `${safeName(id, 120)}.csv`;
}

/** The file names of the tables (by id), unique in their folder even where two ids sanitise alike. */
function tableFileNames(tables: readonly Table[]): Map<string, string> {
  const names = uniqueNames(
    tables.map((t) => t.id),
    120,
  );
  return new Map(tables.map((t, i) => [t.id, `${names[i]}.csv`]));
}

const FIELD_TYPE: Record<ColumnType, FieldType> = {
  integer: 'integer',
  number: 'number',
  percentage: 'number',
  date: 'date',
  text: 'string',
};

/** The columns of one table's CSV: line, group (when the table has group rows), its columns, extra cells. */
function tableColumns(t: Table, data: readonly TableRow[]): Column<TableRow>[] {
  const hasGroups = t.rows.some((r) => r.kind === 'group');
  // a loop, not Math.max(...rows): a spread of 200 000 rows overflowed the stack
  let extra = 0;
  for (const r of data) extra = Math.max(extra, r.cells.length - t.columns.length);
  const columns: Column<TableRow>[] = [
    {
      name: 'line',
      type: 'integer',
      description: 'Source line of the row',
      // a key only where every row has a line of its own (an HTML table is written on one line)
      constraints: distinctLines(data) ? { required: true, unique: true } : { required: true },
      value: (r) => r.line,
    },
  ];
  if (hasGroups)
    columns.push({
      name: 'group',
      type: 'string',
      description: 'Label of the group row the row stands under',
      value: (r) => r.group ?? null,
    });
  const taken = new Set(columns.map((f) => f.name));
  t.columns.forEach((c, j) => {
    let name = c.name;
    for (let k = 2; taken.has(name); k++) name = `${c.name} (${k})`;
    taken.add(name);
    const filled = data.some((r) => r.cells[j]?.filled);
    columns.push({
      name,
      type: FIELD_TYPE[c.type],
      description:
        `Column “${c.nameRaw.replace(/\n/g, ' / ') || c.name}”` +
        (c.type === 'percentage' ? ', the percent shown (12.5% → 12.5)' : '') +
        (filled ? '; empty cells under a merged cell are filled from above' : ''),
      value: (r) => r.cells[j]?.value ?? null,
    });
  });
  const width = t.columns.length;
  for (let k = 1; k <= extra; k++) {
    columns.push({
      name: `extra_${k}`,
      type: 'string',
      description: 'Cell beyond the header of a ragged row',
      value: (r) => r.cells[width + k - 1]?.text ?? null,
    });
  }
  return columns;
}

/** Every row on a line of its own: `line` can key the table's CSV. */
function distinctLines(rows: readonly TableRow[]): boolean {
  const lines = new Set<number>();
  for (const r of rows) lines.add(r.line);
  return lines.size === rows.length;
}

/** One table's CSV (the n-th table of the issue, 1-based), with its data rows; its file under `dir`. */
export function tableCsv(t: Table, n: number, dir = 'tables/', file = tableFileName(t.id)): CsvExport<TableRow> {
  const data = t.rows.filter((r) => r.kind === 'data');
  const label = t.caption?.text ?? t.title?.text ?? t.id;
  const table: CsvTable<TableRow> = {
    name: `table-${String(n).padStart(3, '0')}`,
    path: `${dir}${file}`,
    title: label,
    description: `Table ${t.id}${t.documentId ? ` of document ${t.documentId}` : ''}, lines ${t.span.startLine}-${t.span.endLine}, ${t.fragments.length} fragment(s)`,
    ...(distinctLines(data) ? { primaryKey: 'line' } : {}),
    columns: tableColumns(t, data),
  };
  return { table, records: data };
}

/** tables.csv and tables/<id>.csv for every table (paths under `dir`). */
export function tableFiles(tables: readonly Table[], dir = 'tables/'): CsvExport[] {
  const names = tableFileNames(tables);
  const files: CsvExport[] = [{ table: tablesIndexCsv(dir, names), records: tables }];
  for (let i = 0; i < tables.length; i++) files.push(tableCsv(tables[i]!, i + 1, dir, names.get(tables[i]!.id)));
  return files;
}
