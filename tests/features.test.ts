// The Feature contract (src/core/feature.ts) and the list of features: everything that
// needs "every record family" derives from src/features/index.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECORD_KEYS, emptyRecords, type AnyFeature, type Context } from '../src/core/feature.js';
import { FEATURES } from '../src/features/index.js';
import { parseSource, runOrder } from '../src/parse.js';
import { splitLines } from '../src/read/lines.js';
import { readStructure } from '../src/core/structure.js';
import { KINDS } from '../src/cli/extract.js';
import { PRODUCERS } from '../src/write/export.js';
import { csvRows, isCsvExport, tableSpec } from '../src/model/export.js';
import { CHECKS } from '../src/check/index.js';
import { SAMPLE } from './helpers/sample.js';

const stub = (name: string, provides: string[], uses: string[]): AnyFeature => ({
  name,
  provides: provides as never,
  uses: uses as never,
  extract: () => ({ value: {}, anomalies: [] }),
  files: async () => [],
  kinds: [],
  schemas: async () => ({}),
});

describe('the list of features', () => {
  it('runs a feature after those whose records it uses, keeping the list order otherwise', () => {
    const a = stub('a', ['appointments'], ['tables']);
    const b = stub('b', ['tables'], []);
    const c = stub('c', ['sluices'], []);
    expect(runOrder([a, b, c]).map((f) => f.name)).toEqual(['b', 'a', 'c']);
    expect(runOrder([b, a, c]).map((f) => f.name)).toEqual(['b', 'a', 'c']);
  });

  it('refuses a feature that uses records no feature provides, naming it', () => {
    expect(() => runOrder([stub('a', ['appointments'], ['tables'])])).toThrow(/features a use records/);
  });

  it('gives every record list of the Issue to exactly one feature', () => {
    const provided = FEATURES.flatMap((f) => [...f.provides]).sort();
    expect(provided).toEqual([...RECORD_KEYS].sort());
    expect(Object.keys(emptyRecords())).toEqual([...RECORD_KEYS]);
  });

  it('keeps the record lists in the order of the Issue fields, whatever order the features run in', () => {
    const { issue } = parseSource(SAMPLE, { name: 'sample' });
    const keys = Object.keys(issue);
    const at = RECORD_KEYS.map((k) => keys.indexOf(k));
    expect(at.every((i, n) => i > 0 && (n === 0 || i === at[n - 1]! + 1))).toBe(true);
  });

  it('each feature returns exactly the records it provides, from what the features before it made', () => {
    const run = (text: string): Context['records'] => {
      const src = splitLines(text);
      const ctx: Context = { src, structure: readStructure(src).value, records: {} };
      for (const f of runOrder(FEATURES)) {
        for (const k of f.uses) expect(ctx.records[k], `${f.name} uses ${k}`).toBeDefined();
        const r = f.extract(ctx);
        expect(Object.keys(r.value).sort(), f.name).toEqual([...f.provides].sort());
        Object.assign(ctx.records, r.value);
      }
      return ctx.records;
    };
    // the sample has records of every family but parcels (its tables of boundary points are
    // all sluices'); a made-up 批复 has a parcel
    const sample = run(SAMPLE);
    const parcel = run(readFileSync(new URL('./fixtures/parcels/grant-hectares.txt', import.meta.url), 'utf8'));
    for (const k of RECORD_KEYS) {
      const from = k === 'parcels' || k === 'parcelPoints' ? parcel : sample;
      expect(from[k]!.length, k).toBeGreaterThan(0);
    }
    expect([sample.parcels, sample.parcelPoints]).toEqual([[], []]);
  });

  it('derives the export producers and the extract kinds from the list', () => {
    expect(PRODUCERS.length).toBe(FEATURES.length + 3); // the structure's files, each feature's, Markdown, the report
    const names = KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of FEATURES) for (const k of f.kinds) expect(names).toContain(k.name);
    expect(names).toEqual(expect.arrayContaining(['documents', 'toc', 'citations', 'anomalies']));
  });

  it('lists every cross-check once, by name', () => {
    const names = CHECKS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('CSV files described once as columns', () => {
  it('give the header, the Table Schema and one cell per column for every CSV of every feature', async () => {
    const { issue } = parseSource(SAMPLE, { name: 'sample' });
    let csvs = 0;
    for (const f of FEATURES) {
      for (const file of await f.files(issue, {})) {
        if (!isCsvExport(file)) continue;
        csvs++;
        const spec = tableSpec(file.table);
        expect(spec.fields.map((x) => x.name)).toEqual(file.table.columns.map((c) => c.name));
        expect(spec.fields.every((x) => !('value' in x) && x.description.length > 0)).toBe(true);
        for (const row of csvRows(file.table, file.records)) expect(row.length).toBe(spec.fields.length);
      }
    }
    expect(csvs).toBeGreaterThan(5);
  });

  it('every CSV kind of gongbao extract has columns with descriptions', () => {
    for (const k of KINDS) {
      if (!k.csv) continue;
      expect(k.csv.columns.length, k.name).toBeGreaterThan(0);
      for (const c of k.csv.columns) expect(c.description, `${k.name}.${c.name}`).not.toBe('');
    }
  });
});
