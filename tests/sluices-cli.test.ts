/** Sluices through the built CLI: extract sluices|points, export files, --crs, plot. */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongbaoIn } from './helpers/cli.js';
import { parseCsv } from './helpers/csv.js';
import { SAMPLE_PATH } from './helpers/sample.js';
import { sampleExport } from './helpers/sample-export.js';

/** The approximate local transverse Mercator definition the README gives. */
const CRS = '+proj=tmerc +lat_0=31.23545148 +lon_0=121.46716061 +k=1 +x_0=0 +y_0=0 +ellps=krass +units=m +no_defs';

describe('gongbao extract sluices|points', () => {
  it('sluices as JSON: ten records with geometry and checks', async () => {
    const r = await gongbaoIn(['extract', 'sluices', SAMPLE_PATH]);
    expect(r.code).toBe(0);
    const recs = JSON.parse(r.stdout);
    expect(recs).toHaveLength(10);
    expect(recs[3]).toMatchObject({
      index: 4,
      name: '通协河水闸',
      boundaryLength: 125,
      geometry: { boundary: 'ring', perimeter: 306.7 },
      checks: { boundaryLength: 'fail', area: 'ok' },
    });
  });

  it('sluices as CSV: every column, computed geometry and check results', async () => {
    const r = await gongbaoIn(['extract', 'sluices', SAMPLE_PATH, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual([
      'index',
      'name',
      'grade',
      'left_shoreline_length',
      'left_land_area',
      'right_shoreline_length',
      'right_land_area',
      'total_shoreline_length',
      'boundary_length',
      'water_area',
      'total_area',
      'note',
      'document_id',
      'line',
      'section_number',
      'section_name',
      'section_line',
      'points',
      'boundary',
      'rings',
      'excluded_stakes',
      'computed_area',
      'computed_perimeter',
      'area_ratio',
      'perimeter_ratio',
      'self_intersections',
      'check_join',
      'check_name',
      'check_order',
      'check_stakes',
      'check_duplicates',
      'check_outliers',
      'check_shoreline_sum',
      'check_area_sum',
      'check_area',
      'check_boundary_length',
      'check_self_intersections',
      'anomalies',
    ]);
    expect(rows).toHaveLength(11);
    expect(rows[5]).toEqual([
      '5',
      '朱家浜泵闸',
      '区管',
      '54.3',
      '218.5',
      '55.3',
      '56.5',
      '109.6',
      '173.3',
      '989.2',
      '1264.2',
      '',
      '长府办-2023-22',
      '2548',
      '5',
      '朱家浜泵闸',
      '2660',
      '15',
      'ring',
      '1',
      '15',
      '1264.24',
      '173.29',
      '1',
      '0.9999',
      '0',
      'ok',
      'ok',
      'ok',
      'ok',
      'fail',
      'fail',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'SLUICE_POINT_OUTLIER;SLUICE_SHARED_POINT',
    ]);
  });

  it('points as NDJSON: 143 stakes', async () => {
    const r = await gongbaoIn(['extract', 'points', SAMPLE_PATH, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const recs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(recs).toHaveLength(143);
    expect(recs[0]).toEqual({
      sluice: '北新泾泵闸',
      sluiceIndex: 1,
      section: 1,
      sectionName: '北新泾泵闸',
      seq: 1,
      bank: 'left',
      bankRaw: '左岸',
      stake: 'JZD1',
      stakeNumber: 1,
      y: -9214.837,
      x: -2030.163,
      note: null,
      line: 2564,
      documentId: '长府办-2023-22',
      sluiceRef: 0,
    });
  });
});

describe('gongbao export: sluice files', () => {
  it('without --crs: CSVs, local GeoJSON and plots, no WGS84 GeoJSON', async () => {
    // the export folder of the sample made once in this worker (helpers/sample-export.ts)
    const { dir } = await sampleExport();
    expect(existsSync(join(dir, 'sluices.geojson'))).toBe(false);
    expect(existsSync(join(dir, 'sluice-points.geojson'))).toBe(false);
    expect(readdirSync(join(dir, 'plots')).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `sluice-${String(i + 1).padStart(2, '0')}.svg`),
    );
    const points = parseCsv(readFileSync(join(dir, 'sluice-points.csv'), 'utf8'));
    expect(points).toHaveLength(144);
    expect(points[0]).toEqual([
      'sluice',
      'sluice_index',
      'section',
      'section_name',
      'seq',
      'bank',
      'bank_raw',
      'stake',
      'stake_number',
      'y',
      'x',
      'note',
      'document_id',
      'line',
    ]);
    const local = JSON.parse(readFileSync(join(dir, 'sluices.local.geojson'), 'utf8'));
    expect(local.type).toBe('FeatureCollection');
    expect(local.coordinateSystem.axisOrder).toEqual(['Y (east)', 'X (north)']);
    expect(local.features).toHaveLength(10);
    const stakes = JSON.parse(readFileSync(join(dir, 'sluice-points.local.geojson'), 'utf8'));
    expect(stakes.coordinateSystem).toEqual(local.coordinateSystem);
    expect(stakes.features).toHaveLength(143);
    expect(stakes.features.every((f: { geometry: { type: string } }) => f.geometry.type === 'Point')).toBe(true);
    const tongxie = local.features[3];
    expect(tongxie.geometry.type).toBe('MultiPolygon');
    expect(tongxie.properties).toMatchObject({ kind: 'sluice', name: '通协河水闸', computedArea: 2328.96 });
    // exterior rings closed and counter-clockwise in [east, north]
    for (const f of local.features.slice(0, 10)) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const [ring] of polys) {
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        let a = 0;
        for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
        expect(a).toBeGreaterThan(0);
      }
    }
    // 朱家浜's stray JZD15 is a point, but not part of its polygon
    const zhujia = local.features[4];
    expect(zhujia.geometry.coordinates[0]).toHaveLength(15);
    expect(stakes.features.find((f: { properties: { line: number } }) => f.properties.line === 2682).geometry.coordinates).toEqual([
      -12003.628, 531.479,
    ]);
    const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    expect(pkg.resources.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['sluices', 'sluice-points']));
  });

  it('with --crs: WGS84 GeoJSON in the west of the city centre; a bad definition is a usage error', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gb-sluice-')), 'out');
    const r = await gongbaoIn(['export', SAMPLE_PATH, '--out', dir, '--quiet', '--crs', CRS]);
    expect(r.code).toBe(0);
    const g = JSON.parse(readFileSync(join(dir, 'sluices.geojson'), 'utf8'));
    expect(g.transformation.proj4).toBe(CRS);
    expect(g.features).toHaveLength(10);
    const gp = JSON.parse(readFileSync(join(dir, 'sluice-points.geojson'), 'utf8'));
    expect(gp.transformation.proj4).toBe(CRS);
    expect(gp.features).toHaveLength(143);
    // RFC 7946 files: no crs member; the local files carry the definition given, for GIS tools
    expect(g).not.toHaveProperty('crs');
    expect(gp).not.toHaveProperty('crs');
    for (const f of ['sluices.local.geojson', 'sluice-points.local.geojson'])
      expect(JSON.parse(readFileSync(join(dir, f), 'utf8')).crs).toEqual({ type: 'name', properties: { name: CRS } });
    const [lon, lat] = g.features[0].geometry.coordinates[0][0];
    // 9.2 km west and 2.0 km south of the origin: about 121.370 E, 31.215 N
    expect(lon).toBeGreaterThan(121.36);
    expect(lon).toBeLessThan(121.38);
    expect(lat).toBeGreaterThan(31.2);
    expect(lat).toBeLessThan(31.23);
    const bad = await gongbaoIn(['export', SAMPLE_PATH, '--out', join(dir, 'x'), '--crs', '+proj=nonsense']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--crs: not a usable proj4 definition/);
  });
});

describe('gongbao plot sluices', () => {
  it('one SVG per sluice, to scale, with scale bar, north arrow, labels and anomalies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-plot-'));
    const r = await gongbaoIn(['plot', 'sluices', SAMPLE_PATH, '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(10);
    const svg = readFileSync(join(dir, 'sluice-05.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('5. 朱家浜泵闸');
    expect(svg).toContain('>N</text>');
    expect(svg).toMatch(/>\d+ m<\/text>/);
    expect(svg).toContain('JZD15: 1443.6 m NW of the other stakes, off the map');
    expect(svg).toContain('POINT_OUTLIER, SHARED_POINT');
    for (let i = 1; i <= 14; i++) expect(svg).toContain(`>JZD${i}</text>`);
    const again = await gongbaoIn(['plot', 'sluices', SAMPLE_PATH, '--out', dir]);
    expect(again.code).toBe(2);
  });
});
