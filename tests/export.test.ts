import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { Issue } from '../src/model/issue.js';
import { Anomaly } from '../src/model/anomaly.js';
import { gongbao, gongbaoIn } from './helpers/cli.js';
import { parseCsv } from './helpers/csv.js';
import { tree } from './helpers/tree.js';
import { sampleExport } from './helpers/sample-export.js';

const exportSample = (...extra: string[]): string => {
  const out = join(mkdtempSync(join(tmpdir(), 'gb-export-')), 'out');
  const r = gongbao(['export', 'samples/changning-2023-02.txt', '--out', out, '-q', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return out;
};
/** The same export in this process (the code the bundle holds, without starting Node). */
const exportSampleIn = async (...extra: string[]): Promise<string> => {
  const out = join(mkdtempSync(join(tmpdir(), 'gb-export-')), 'out');
  const r = await gongbaoIn(['export', 'samples/changning-2023-02.txt', '--out', out, '-q', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return out;
};

describe('the export folder of the sample', () => {
  const a = exportSample();
  const files = tree(a);
  const issue = Issue.parse(JSON.parse(readFileSync(join(a, 'issue.json'), 'utf8')));

  it('holds every file the README lists', () => {
    for (const f of [
      'issue.json',
      'anomalies.json',
      'datapackage.json',
      'report.html',
      'documents.csv',
      'toc.csv',
      'citations.csv',
      'tables.csv',
      'appointments.csv',
      'rosters.csv',
      'sluices.csv',
      'sluice-points.csv',
      'sluices.local.geojson',
      'sluice-points.local.geojson',
    ]) {
      expect(files.has(f), f).toBe(true);
    }
    const docs = [...files.keys()].filter((k) => k.startsWith('docs/'));
    expect(docs).toHaveLength(issue.documents.length);
    const tables = [...files.keys()].filter((k) => k.startsWith('tables/'));
    expect(tables.sort()).toEqual(issue.tables.map((t) => `tables/${t.id}.csv`).sort());
    const plots = [...files.keys()].filter((k) => k.startsWith('plots/') && k.endsWith('.svg'));
    expect(plots).toHaveLength(issue.sluices.length);
    expect([...files.keys()].some((k) => k.endsWith('.tmp'))).toBe(false);
  });

  it('validates: issue.json and anomalies.json against their schemas, GeoJSON, SVG, CSV shape', () => {
    expect(issue.documents).toHaveLength(22);
    expect(() => z.array(Anomaly).parse(JSON.parse(files.get('anomalies.json')!.toString()))).not.toThrow();
    expect(JSON.parse(files.get('anomalies.json')!.toString())).toEqual(issue.anomalies);
    // one geometry type per file: polygons in sluices.local.geojson, points in sluice-points.local.geojson
    const geo = JSON.parse(files.get('sluices.local.geojson')!.toString());
    expect(geo.type).toBe('FeatureCollection');
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    const stakes = JSON.parse(files.get('sluice-points.local.geojson')!.toString());
    expect(stakes.features.map((f: { geometry: { type: string } }) => f.geometry.type)).toEqual(issue.points.map(() => 'Point'));
    for (const [k, v] of files) {
      if (k.endsWith('.svg')) expect(v.toString().trimStart().startsWith('<')).toBe(true);
      if (k.endsWith('.csv')) {
        const rows = parseCsv(v.toString());
        expect(rows.length, k).toBeGreaterThan(0);
        for (const r of rows) expect(r.length, k).toBe(rows[0]!.length);
      }
    }
  });

  it('is byte-identical on a second run (here in this process, the first one started Node)', async () => {
    // the in-process export made once in this worker (helpers/sample-export.ts)
    const b = (await sampleExport()).files;
    expect([...b.keys()]).toEqual([...files.keys()]);
    for (const [k, v] of files) expect(v.equals(b.get(k)!), k).toBe(true);
  });

  it('--excel-safe neutralises formula-looking text, never numbers; --bom prefixes a BOM', async () => {
    const c = tree(await exportSampleIn('--excel-safe', '--bom'));
    const points = c.get('sluice-points.csv')!;
    expect(points[0]).toBe(0xef);
    const rows = parseCsv(points.toString('utf8'));
    const y = rows[0]!.indexOf('y');
    expect(rows[1]![y]).toMatch(/^-\d/); // negative coordinates stay numbers
    for (const [k, v] of c) {
      if (!k.endsWith('.csv')) continue;
      for (const row of parseCsv(v.toString('utf8')).slice(1)) {
        for (const cell of row) if (/^[=+@]/.test(cell)) throw new Error(`${k}: unneutralised ${cell}`);
      }
    }
  });
});

describe('toc.csv of two issues run together', () => {
  it('gives each entry the first line of its own table of contents (toc_line)', async () => {
    const { parseSource } = await import('../src/parse.js');
    const { buildExport, fileText } = await import('../src/write/export.js');
    const one = readFileSync('samples/changning-2023-02.txt', 'utf8');
    const { issue, lines } = parseSource(one + one);
    const files = await buildExport(issue, { lines });
    const [head, ...rows] = parseCsv(fileText(files.find((f) => f.path === 'toc.csv')!.data));
    const at = head!.indexOf('toc_line');
    expect(at).toBe(head!.length - 1);
    const n = one.replace(/\n$/, '').split('\n').length;
    // the first issue's 22 entries under the 目录 at its top, the second's under the one after line n
    const firstToc = issue.toc[0]!.tocLine!;
    expect(rows.map((r) => Number(r[at])).filter((l) => l === firstToc)).toHaveLength(22);
    expect(rows.map((r) => Number(r[at])).filter((l) => l === firstToc + n)).toHaveLength(22);
    // one issue alone: every entry has the line of the one 目录
    const single = await buildExport(parseSource(one).issue, { lines: parseSource(one).lines });
    const [h1, ...r1] = parseCsv(fileText(single.find((f) => f.path === 'toc.csv')!.data));
    expect(h1).toContain('toc_line');
    expect(r1.map((r) => r[h1!.indexOf('toc_line')])).toEqual(Array(22).fill(String(firstToc)));
  });
});
