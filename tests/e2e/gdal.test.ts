/**
 * The GeoJSON files in GDAL (ogrinfo, ogr2ogr from Debian's gdal-bin; .ci/run installs it):
 * each file holds one geometry type, so each converts to an ESRI Shapefile, which takes one
 * geometry type per layer. A missing GDAL is a failure, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'gb-gdal-'));
const sample = join(root, 'sample');
const parcels = join(root, 'parcels');
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
