/**
 * CSV of logical tables: `tables/<table-id>.csv`, one per table, and `tables.csv`, the
 * index. Used by `gongbao export` and by `gongbao extract tables --format csv`.
 *
 * A table's CSV holds its data rows (group label rows and repeated header rows are
 * structure, not data): `line` (source line of the row), `group` (only when the table has
 * group rows) and then the table's columns, typed values as numbers, filled merged cells
 * with the value they were filled with. Extra cells of a ragged row follow as `extra_N`.
 */
import type { Issue } from '../../model/issue.js';
import type { ColumnType, Table } from '../../model/table.js';
import { csvFile, type CsvFile, type CsvOptions, type CsvValue, type Field, type TableSpec } from '../../write/csv.js';
import type { ExportFile } from '../../write/export.js';

export const TABLES_INDEX_CSV: TableSpec = {
  name: 'tables',
  path: 'tables.csv',
  title: 'Tables',
  description: 'One row per logical table (pipe-table fragments merged across page breaks); each table is in tables/<id>.csv',
  primaryKey: 'id',
  fields: [
    { name: 'id', type: 'string', description: 'Table id: <document id>-t<n>, or t<n> outside documents', constraints: { required: true, unique: true } },
    { name: 'document_id', type: 'string', description: 'The document the table belongs to' },
    { name: 'attachment_index', type: 'integer', description: 'Index (0-based) into the document’s attachments of the attachment the table sits in' },
    { name: 'caption', type: 'string', description: 'Caption: 表 N label below, else the title line above' },
    { name: 'title', type: 'string', description: 'Title written as the first row of the table' },
    { name: 'rows', type: 'integer', description: 'Data rows', constraints: { required: true } },
    { name: 'columns', type: 'integer', description: 'Columns', constraints: { required: true } },
    { name: 'fragments', type: 'integer', description: 'Pipe-table fragments merged into the table', constraints: { required: true } },
    { name: 'lines', type: 'string', description: 'First and last line of the table, e.g. 412-491', constraints: { required: true } },
    { name: 'fragment_lines', type: 'string', description: 'Line ranges of the fragments, space-separated' },
    { name: 'start_line', type: 'integer', description: 'First line of the table', constraints: { required: true } },
    { name: 'end_line', type: 'integer', description: 'Last line of the table', constraints: { required: true } },
    { name: 'file', type: 'string', description: 'Path of the table’s CSV in the export folder', constraints: { required: true } },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

/** A file name from a table id: characters that are unsafe in paths become _. */
export function tableFileName(id: string): string {
  let out = '';
  for (const ch of id) out += '\\/:*?"<>|'.includes(ch) || ch.charCodeAt(0) < 32 || ch === ' ' ? '_' : ch;
  return `${out}.csv`;
}

const FIELD_TYPE: Record<ColumnType, Field['type']> = { integer: 'integer', number: 'number', percentage: 'number', date: 'date', text: 'string' };

/** Table Schema and rows of one table's CSV. */
export function tableCsvSpec(t: Table, n: number, dir = 'tables/'): { spec: TableSpec; rows: CsvValue[][] } {
  const data = t.rows.filter((r) => r.kind === 'data');
  const hasGroups = t.rows.some((r) => r.kind === 'group');
  // a loop, not Math.max(...rows): a spread of 200 000 rows overflowed the stack
  let extra = 0;
  for (const r of data) extra = Math.max(extra, r.cells.length - t.columns.length);
  const fields: Field[] = [{ name: 'line', type: 'integer', description: 'Source line of the row', constraints: { required: true, unique: true } }];
  if (hasGroups) fields.push({ name: 'group', type: 'string', description: 'Label of the group row the row stands under' });
  const taken = new Set(fields.map((f) => f.name));
  const colNames = t.columns.map((c) => {
    let name = c.name;
    for (let k = 2; taken.has(name); k++) name = `${c.name} (${k})`;
    taken.add(name);
    return name;
  });
  t.columns.forEach((c, j) => {
    const filled = data.some((r) => r.cells[j]?.filled);
    fields.push({
      name: colNames[j]!,
      type: FIELD_TYPE[c.type],
      description:
        `Column “${c.nameRaw.replace(/\n/g, ' / ') || c.name}”` +
        (c.type === 'percentage' ? ', the percent shown (12.5% → 12.5)' : '') +
        (filled ? '; empty cells under a merged cell are filled from above' : ''),
    });
  });
  for (let k = 1; k <= extra; k++) fields.push({ name: `extra_${k}`, type: 'string', description: 'Cell beyond the header of a ragged row' });
  const rows = data.map((r) => {
    const out: CsvValue[] = [r.line];
    if (hasGroups) out.push(r.group ?? null);
    for (let j = 0; j < t.columns.length; j++) out.push(r.cells[j]?.value ?? null);
    for (let k = 0; k < extra; k++) out.push(r.cells[t.columns.length + k]?.text ?? null);
    return out;
  });
  const label = t.caption?.text ?? t.title?.text ?? t.id;
  return {
    spec: {
      name: `table-${String(n).padStart(3, '0')}`,
      path: `${dir}${tableFileName(t.id)}`,
      title: label,
      description: `Table ${t.id}${t.documentId ? ` of document ${t.documentId}` : ''}, lines ${t.span.startLine}-${t.span.endLine}, ${t.fragments.length} fragment(s)`,
      primaryKey: 'line',
      fields,
    },
    rows,
  };
}

/** Rows of tables.csv. */
export function tableIndexRows(tables: readonly Table[], dir = 'tables/'): CsvValue[][] {
  return tables.map((t) => [
    t.id,
    t.documentId,
    t.attachmentIndex,
    t.caption?.text ?? null,
    t.title?.text ?? null,
    t.rows.filter((r) => r.kind === 'data').length,
    t.columns.length,
    t.fragments.length,
    `${t.span.startLine}-${t.span.endLine}`,
    t.fragments.map((f) => `${f.startLine}-${f.endLine}`).join(' '),
    t.span.startLine,
    t.span.endLine,
    `${dir}${tableFileName(t.id)}`,
  ]);
}

/** tables.csv and tables/<id>.csv for every table (paths under `dir`). */
export async function tableFiles(tables: readonly Table[], opts: CsvOptions, dir = 'tables/'): Promise<CsvFile[]> {
  const files: CsvFile[] = [await csvFile({ ...TABLES_INDEX_CSV, fields: TABLES_INDEX_CSV.fields }, tableIndexRows(tables, dir), opts)];
  for (let i = 0; i < tables.length; i++) {
    const { spec, rows } = tableCsvSpec(tables[i]!, i + 1, dir);
    files.push(await csvFile(spec, rows, opts));
  }
  return files;
}

/** Export producer: tables.csv plus tables/<table-id>.csv. */
export async function tablesExport(issue: Issue, opts: CsvOptions): Promise<ExportFile[]> {
  return tableFiles(issue.tables, opts);
}
