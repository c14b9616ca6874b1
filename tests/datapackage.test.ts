import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { parseIssue } from '../src/parse.js';
import { buildExport, fileText } from '../src/write/export.js';
import { SAMPLE, SAMPLE_PATH } from './helpers/sample.js';
import { parseCsv } from './helpers/csv.js';

const fixture = (n: string) => JSON.parse(readFileSync(new URL(`./fixtures/frictionless/${n}.json`, import.meta.url), 'utf8'));
// ajv's CommonJS default exports, loaded the way Node resolves them.
const require = createRequire(import.meta.url);
const Ajv4 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const ajv = new Ajv4({ strict: false, allErrors: true });
addFormats(ajv);
const validatePackage = ajv.compile(fixture('data-package'));
const validateTabular = ajv.compile(fixture('tabular-data-resource'));
const validateTableSchema = ajv.compile(fixture('table-schema'));

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; unique?: boolean };
}
interface Resource {
  name: string;
  path: string;
  profile: string;
  schema?: {
    fields: Field[];
    primaryKey?: string | string[];
    foreignKeys?: { fields: string | string[]; reference: { resource: string; fields: string | string[] } }[];
  };
}

const TYPE_OK: Record<string, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^-?\d+$/.test(v),
  number: (v) => /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v),
  boolean: (v) => v === 'true' || v === 'false',
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
};

describe('datapackage.json', async () => {
  const files = await buildExport(parseIssue(SAMPLE, { name: SAMPLE_PATH }));
  const byPath = new Map(files.map((f) => [f.path, fileText(f.data)]));
  const pkg = JSON.parse(byPath.get('datapackage.json')!);
  const tabular: Resource[] = pkg.resources.filter((r: Resource) => r.profile === 'tabular-data-resource');
  const tables = new Map(tabular.map((r) => [r.name, parseCsv(byPath.get(r.path)!)]));

  it('validates against the Data Package profile, every resource against its profile', () => {
    expect(validatePackage(pkg), JSON.stringify(validatePackage.errors)).toBe(true);
    for (const r of tabular) {
      expect(validateTabular(r), `${r.name}: ${JSON.stringify(validateTabular.errors)}`).toBe(true);
      expect(validateTableSchema(r.schema), `${r.name}: ${JSON.stringify(validateTableSchema.errors)}`).toBe(true);
    }
    expect(pkg.name).toBe('gazette-2023-02');
    expect(pkg.created).toBeUndefined();
  });

  it('describes every CSV file of the export', () => {
    const csvs = files
      .filter((f) => f.path.endsWith('.csv'))
      .map((f) => f.path)
      .sort();
    expect(tabular.map((r) => r.path).sort()).toEqual(csvs);
    for (const r of tabular) expect(byPath.has(r.path), r.path).toBe(true);
  });

  it('every CSV conforms to its Table Schema: header, types, required, unique, keys', () => {
    for (const r of tabular) {
      const rows = tables.get(r.name)!;
      const fields = r.schema!.fields;
      expect(rows[0], r.name).toEqual(fields.map((f) => f.name));
      const body = rows.slice(1);
      fields.forEach((f, c) => {
        const seen = new Set<string>();
        for (const [i, row] of body.entries()) {
          const v = row[c]!;
          expect(row.length, `${r.name} row ${i + 2}`).toBe(fields.length);
          if (v === '') {
            expect(f.constraints?.required, `${r.name}.${f.name} row ${i + 2} is required`).not.toBe(true);
            continue;
          }
          expect(TYPE_OK[f.type]!(v), `${r.name}.${f.name} row ${i + 2}: ${v} is not ${f.type}`).toBe(true);
          if (f.constraints?.unique) {
            expect(seen.has(v), `${r.name}.${f.name}: ${v} twice`).toBe(false);
            seen.add(v);
          }
        }
      });
      const pk = r.schema!.primaryKey;
      if (pk) {
        const cols = (Array.isArray(pk) ? pk : [pk]).map((k) => fields.findIndex((f) => f.name === k));
        const keys = body.map((row) => cols.map((c) => row[c]).join('\u0000'));
        expect(new Set(keys).size, `${r.name} primary key`).toBe(keys.length);
      }
      for (const fk of r.schema!.foreignKeys ?? []) {
        const from = (Array.isArray(fk.fields) ? fk.fields : [fk.fields]).map((k) => fields.findIndex((f) => f.name === k));
        const target = fk.reference.resource === '' ? r : tabular.find((x) => x.name === fk.reference.resource)!;
        expect(target, `${r.name} references ${fk.reference.resource}`).toBeDefined();
        const tFields = target.schema!.fields;
        const to = (Array.isArray(fk.reference.fields) ? fk.reference.fields : [fk.reference.fields]).map((k) =>
          tFields.findIndex((f) => f.name === k),
        );
        const targetKeys = new Set(
          tables
            .get(target.name)!
            .slice(1)
            .map((row) => to.map((c) => row[c]).join('\u0000')),
        );
        for (const row of body) {
          const vals = from.map((c) => row[c]!);
          if (vals.every((v) => v === '')) continue;
          expect(targetKeys.has(vals.join('\u0000')), `${r.name}.${fk.fields} → ${target.name}: ${vals}`).toBe(true);
        }
      }
    }
  });

  it('records a creation time only when stamped', async () => {
    const stamped = await buildExport(parseIssue(SAMPLE), { stamp: '2026-01-02T03:04:05.000Z' });
    const p = JSON.parse(stamped.find((f) => f.path === 'datapackage.json')!.data as string);
    expect(p.created).toBe('2026-01-02T03:04:05.000Z');
    expect(validatePackage(p)).toBe(true);
  });
});
