/**
 * The GeoJSON files in GDAL (ogrinfo, ogr2ogr from Debian's gdal-bin; .ci/run installs it):
 * each file holds one geometry type, so each converts to an ESRI Shapefile, which takes one
 * geometry type per layer. A missing GDAL is a failure, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'gb-gdal-'));
const sample = join(root, 'sample');
const parcels = join(root, 'parcels');
const plain = join(root, 'plain');
const CRS = '+proj=tmerc +lat_0=31.23545148 +lon_0=121.46716061 +k=1 +x_0=0 +y_0=0 +ellps=krass +units=m +no_defs';

function run(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

/** Converts a GeoJSON file to a Shapefile; returns ogrinfo's summary of the result. */
function toShapefile(file: string): string {
  const shp = join(mkdtempSync(join(root, 'shp-')), 'layer.shp');
  const r = run('ogr2ogr', ['-f', 'ESRI Shapefile', shp, file]);
  expect(r.status, `ogr2ogr ${file}: ${r.stderr}`).toBe(0);
  const info = run('ogrinfo', ['-so', '-al', shp]);
  expect(info.status, info.stderr).toBe(0);
  return info.stdout;
}

describe('GeoJSON files in GDAL', () => {
  beforeAll(() => {
    expect(run('ogr2ogr', ['--version']).status, 'ogr2ogr is missing: apt-get install -y gdal-bin').toBe(0);
    const a = run(process.execPath, ['bin/gongbao', 'export', 'samples/changning-2023-02.txt', '--out', sample, '-q', '--crs', CRS]);
    expect(a.status, a.stderr).toBe(0);
    const b = run(process.execPath, ['bin/gongbao', 'export', 'tests/fixtures/parcels/grant-hectares.txt', '--out', parcels, '-q']);
    expect(b.status, b.stderr).toBe(0);
    const c = run(process.execPath, ['bin/gongbao', 'export', 'samples/changning-2023-02.txt', '--out', plain, '-q']);
    expect(c.status, c.stderr).toBe(0);
  });

  it('every GeoJSON file of the export converts to a Shapefile of one geometry type, every feature kept', () => {
    const cases: Array<[string, string, number]> = [
      [join(sample, 'sluices.local.geojson'), 'Polygon', 10],
      [join(sample, 'sluice-points.local.geojson'), 'Point', 143],
      [join(sample, 'sluices.geojson'), 'Polygon', 10],
      [join(sample, 'sluice-points.geojson'), 'Point', 143],
      [join(parcels, 'parcels.local.geojson'), 'Polygon', 1],
      [join(parcels, 'parcel-points.local.geojson'), 'Point', 7],
    ];
    for (const [file, type, count] of cases) {
      const info = toShapefile(file);
      expect(info, file).toContain(`Geometry: ${type}`);
      expect(info, file).toContain(`Feature Count: ${count}`);
    }
  });

  it('the local-plane files name their system: ogrinfo reports it (not WGS 84) with the extent in metres as printed; a Shapefile gets it in its .prj, a GeoPackage keeps it', () => {
    const cases: Array<[string, string, string]> = [
      [
        join(plain, 'sluices.local.geojson'),
        'Shanghai city-construction plane',
        'Extent: (-12003.628000, -4079.044000) - (-9147.768000, 594.625000)',
      ],
      [
        join(plain, 'sluice-points.local.geojson'),
        'Shanghai city-construction plane',
        'Extent: (-12003.628000, -4079.044000) - (-9147.768000, 594.625000)',
      ],
      [join(parcels, 'parcels.local.geojson'), '某市独立坐标系统', 'Extent: (48320.000000, 32150.000000) - (48420.000000, 32240.000000)'],
      [
        join(parcels, 'parcel-points.local.geojson'),
        '某市独立坐标系统',
        'Extent: (48320.000000, 32150.000000) - (48420.000000, 32240.000000)',
      ],
    ];
    for (const [file, name, extent] of cases) {
      const info = run('ogrinfo', ['-so', '-al', file]);
      expect(info.status, info.stderr).toBe(0);
      expect(info.stdout, file).toContain(extent);
      expect(info.stdout, file).toContain(`ENGCRS["${name}`);
      expect(info.stdout, file).not.toMatch(/WGS 84|EPSG",4326/);
      const dir = mkdtempSync(join(root, 'prj-'));
      expect(run('ogr2ogr', ['-f', 'ESRI Shapefile', join(dir, 'layer.shp'), file]).status).toBe(0);
      expect(readFileSync(join(dir, 'layer.prj'), 'utf8')).toMatch(new RegExp(`^LOCAL_CS\\["${name}`));
      const gpkg = join(dir, 'layer.gpkg');
      expect(run('ogr2ogr', ['-f', 'GPKG', gpkg, file, '-nln', 'layer']).status).toBe(0);
      const g = run('ogrinfo', ['-so', gpkg, 'layer']);
      expect(g.stdout, gpkg).toContain(`ENGCRS["${name}`);
      expect(g.stdout, gpkg).toContain(extent);
    }
  });

  it('with --crs the local files carry the definition: GDAL reprojects them onto the WGS 84 files gongbao writes', () => {
    const info = run('ogrinfo', ['-so', '-al', join(sample, 'sluice-points.local.geojson')]);
    expect(info.stdout).toContain('METHOD["Transverse Mercator"');
    expect(info.stdout).toContain('Krassovsky');
    for (const name of ['sluices', 'sluice-points']) {
      const out = join(mkdtempSync(join(root, 'wgs-')), 'w.geojson');
      const r = run('ogr2ogr', ['-t_srs', 'EPSG:4326', '-f', 'GeoJSON', out, join(sample, `${name}.local.geojson`)]);
      expect(r.status, r.stderr).toBe(0);
      const coords = (file: string): number[] =>
        JSON.stringify(JSON.parse(readFileSync(file, 'utf8')).features.map((f: { geometry: unknown }) => f.geometry))
          .match(/-?\d+\.\d+/g)!
          .map(Number);
      const [a, b] = [coords(out), coords(join(sample, `${name}.geojson`))];
      expect(a.length).toBe(b.length);
      expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))).toBeLessThan(1e-6);
    }
    // the WGS 84 files stay RFC 7946: no crs member, GDAL reads them as WGS 84
    expect(readFileSync(join(sample, 'sluices.geojson'), 'utf8')).not.toContain('"crs"');
    expect(run('ogrinfo', ['-so', '-al', join(sample, 'sluices.geojson')]).stdout).toContain('WGS 84');
  });

  it('(why: a file of polygons and points together is refused by the Shapefile driver)', () => {
    const mixed = join(root, 'mixed.geojson');
    writeFileSync(
      mixed,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } },
        ],
      }),
    );
    const r = run('ogr2ogr', ['-f', 'ESRI Shapefile', join(mkdtempSync(join(root, 'shp-')), 'm.shp'), mixed]);
    expect(r.status).not.toBe(0);
  });
});
