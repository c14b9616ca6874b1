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
