/** Parcels through the built CLI: extract parcels|parcel-points, the export's parcel files. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gongbaoIn } from './helpers/cli.js';
import { parseCsv } from './helpers/csv.js';
import { SAMPLE_PATH } from './helpers/sample.js';

const GRANT = fileURLToPath(new URL('./fixtures/parcels/grant-hectares.txt', import.meta.url));
const TWO = fileURLToPath(new URL('./fixtures/parcels/two-parcels-mu.txt', import.meta.url));

describe('gongbao extract parcels|parcel-points', () => {
  it('parcels as JSON and CSV', async () => {
    const r = await gongbaoIn(['extract', 'parcels', TWO]);
    expect(r.code).toBe(0);
    const recs = JSON.parse(r.stdout);
    expect(recs.map((p: { name: string; statedArea: { unit: string } }) => [p.name, p.statedArea.unit])).toEqual([
      ['地块一界址点坐标表', '亩'],
      ['地块二界址点坐标表', '平方米'],
    ]);
    const csv = parseCsv((await gongbaoIn(['extract', 'parcels', TWO, '--format', 'csv'])).stdout);
    const head = csv[0]!;
    const col = (name: string): string[] => csv.slice(1).map((row) => row[head.indexOf(name)]!);
    expect(col('computed_area')).toEqual(['5281.76', '2950']);
    expect(col('stated_area')).toEqual(['5280', '2950']);
    expect(col('crs')).toEqual(['2000国家大地坐标系', '2000国家大地坐标系']);
    expect(col('check_area')).toEqual(['ok', 'ok']);
  });

  it('parcel points as NDJSON, with arc roles', async () => {
    const r = await gongbaoIn(['extract', 'parcel-points', GRANT, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const pts = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(pts.map((p: { name: string; arc: string | null }) => [p.name, p.arc])).toEqual([
      ['J1', null],
      ['J2', null],
      ['J3', 'start'],
      ['J4', 'middle'],
      ['J5', 'end'],
      ['J6', null],
      ['J1', null],
    ]);
  });

  it('the sample has none', async () => {
    const r = await gongbaoIn(['extract', 'parcels', SAMPLE_PATH]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

describe('gongbao export with parcels', () => {
  it('writes parcels.csv, parcel-points.csv, parcels.local.geojson and parcel-points.local.geojson, the CSVs described in datapackage.json', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gongbao-parcels-')), 'out');
    const r = await gongbaoIn(['export', GRANT, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('parcels 1 · parcelPoints 7');
    for (const f of ['parcels.csv', 'parcel-points.csv', 'parcels.local.geojson', 'parcel-points.local.geojson'])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(existsSync(join(out, 'sluices.csv'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.resources.map((x: { path: string }) => x.path)).toEqual(expect.arrayContaining(['parcels.csv', 'parcel-points.csv']));
    const gj = JSON.parse(readFileSync(join(out, 'parcels.local.geojson'), 'utf8'));
    expect(gj.features[0].geometry.type).toBe('Polygon');
    expect(gj.features[0].properties.crs).toBe('某市独立坐标系统');
  });
});
