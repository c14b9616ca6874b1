/**
 * Sluice outputs: sluices.csv (summary figures, computed geometry and check results),
 * sluice-points.csv (one row per stake), sluices.local.geojson (the sluices' polygons) and
 * sluice-points.local.geojson (the stakes), in plane coordinates as printed, [Y, X] =
 * [east, north]; sluices.geojson and sluice-points.geojson (WGS84, only with a proj4
 * definition of the local system) and one SVG plot per sluice. Polygons and points are two
 * files so that each holds one geometry type (a Shapefile or GeoPackage layer takes one).
 * Used by `export`, `extract` and `plot`.
 */
import type { Issue } from '../../model/issue.js';
import type { Sluice } from '../../model/sluice.js';
import { later, type ExportOptions, type FeatureFile } from '../../model/export.js';
import { SLUICES_CSV, SLUICE_POINTS_CSV } from './csv.js';
import { sluiceRings, type Pos } from './rings.js';
import { geoJsonCrs } from '../../core/crs.js';

/** The local system's name in the crs member of sluices.local.geojson (what GIS tools show). */
const CRS_NAME = 'Shanghai city-construction plane (上海城建坐标系)';

/** The local system as named in sluices.local.geojson. */
export const LOCAL_CRS = {
  name: 'Shanghai city-construction plane coordinates (上海城建坐标系), as printed in the gazette',
  units: 'metre',
  axisOrder: ['Y (east)', 'X (north)'],
  note:
    'Not WGS84: coordinates are the plane coordinates of the source, [Y, X] = [east, north], used by prior arrangement ' +
    '(RFC 7946 §4); the crs member names the system for GIS tools (a local engineering system, or the proj4 definition given with --crs). ' +
    'There is no official public transformation to WGS84; see sluices.geojson (written with --crs) for an approximate one.',
};

function sluiceProperties(s: Sluice): Record<string, unknown> {
  return {
    kind: 'sluice',
    index: s.index,
    name: s.name,
    grade: s.grade,
    leftShorelineLength: s.banks.left.shorelineLength,
    leftLandArea: s.banks.left.landArea,
    rightShorelineLength: s.banks.right.shorelineLength,
    rightLandArea: s.banks.right.landArea,
    totalShorelineLength: s.totalShorelineLength,
    boundaryLength: s.boundaryLength,
    waterArea: s.waterArea,
    totalArea: s.totalArea,
    note: s.note,
    documentId: s.documentId,
    line: s.line,
    sectionNumber: s.section?.number ?? null,
    sectionName: s.section?.name ?? null,
    boundary: s.geometry.boundary,
    computedArea: s.geometry.area,
    computedPerimeter: s.geometry.perimeter,
    areaRatio: s.geometry.areaRatio,
    perimeterRatio: s.geometry.perimeterRatio,
    selfIntersections: s.geometry.selfIntersections,
    excludedStakes: s.geometry.excludedSeqs,
    checks: s.checks,
    anomalies: s.anomalies,
  };
}

/**
 * What a GeoJSON file of sluices holds: the sluices (polygons) or the stakes (points). Two
 * files, one geometry type each, so that GIS tools that keep one geometry type per layer
 * (a Shapefile, a GeoPackage layer) convert them as they are.
 */
export type GeoLayer = 'polygons' | 'points';

/** A GeoJSON FeatureCollection of the sluices (polygons) or of their stakes (points); `tx` maps [Y, X]. */
export function sluiceGeoJson(issue: Issue, tx: (p: Pos) => Pos, extra: Record<string, unknown>, layer: GeoLayer): Record<string, unknown> {
  const features: unknown[] = [];
  if (layer === 'polygons')
    for (const s of issue.sluices) {
      const rings = sluiceRings(issue, s).map((r) => [r.map(tx)]);
      const geometry =
        rings.length === 0
          ? null
          : rings.length === 1
            ? { type: 'Polygon', coordinates: rings[0] }
            : { type: 'MultiPolygon', coordinates: rings };
      features.push({ type: 'Feature', geometry, properties: sluiceProperties(s) });
    }
  else
    for (const { sluiceRef: _ref, ...p } of issue.points) {
      // The position in issue.sluices means nothing outside issue.json: the stake names its sluice.
      features.push({
        type: 'Feature',
        geometry: p.y === null || p.x === null ? null : { type: 'Point', coordinates: tx([p.y, p.x]) },
        properties: { kind: 'stake', ...p },
      });
    }
  return { type: 'FeatureCollection', ...extra, features };
}

/**
 * sluices.local.geojson (polygons) or sluice-points.local.geojson (points): coordinates as
 * printed, with the legacy `crs` member GDAL reads: the proj4 definition `crs` when given
 * (--crs), else the local plane as an engineering CRS, so no GIS takes them for WGS 84.
 */
export function localGeoJson(issue: Issue, layer: GeoLayer = 'polygons', crs?: string): string {
  return (
    JSON.stringify(
      sluiceGeoJson(issue, (p) => p, { crs: geoJsonCrs(CRS_NAME, crs), coordinateSystem: LOCAL_CRS }, layer),
      null,
      1,
    ) + '\n'
  );
}

type Proj4 = (from: string, to: string) => { forward(p: number[]): number[] };

async function loadProj4(): Promise<Proj4> {
  const mod = (await import('proj4')) as unknown as { default?: Proj4 } & Proj4;
  return mod.default ?? mod;
}

/** Why a proj4 definition cannot be used for the local system, or null when it can. */
export async function crsProblem(crs: string): Promise<string | null> {
  try {
    const proj4 = await loadProj4();
    const [lon, lat] = proj4(crs, 'EPSG:4326').forward([0, 0]) as [number, number];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90)
      return `the definition does not give a position for (0, 0): ${crs}`;
    return null;
  } catch (err) {
    return `not a usable proj4 definition (${(err as Error).message || String(err)}): ${crs}`;
  }
}

/** WGS84 GeoJSON through a proj4 definition of the local system (proj4 loaded by the caller, only for --crs). */
function wgs84GeoJson(proj4: Proj4, issue: Issue, crs: string, layer: GeoLayer): string {
  const converter = proj4(crs, 'EPSG:4326');
  const r7 = (v: number): number => Math.round(v * 1e7) / 1e7;
  const tx = (p: Pos): Pos => {
    const [lon, lat] = converter.forward([p[0], p[1]]) as [number, number];
    return [r7(lon), r7(lat)];
  };
  return (
    JSON.stringify(
      sluiceGeoJson(
        issue,
        tx,
        {
          transformation: {
            from: LOCAL_CRS.name,
            proj4: crs,
            note: 'Approximate: transformed with the proj4 definition given by the user (--crs)',
          },
        },
        layer,
      ),
      null,
      1,
    ) + '\n'
  );
}

/**
 * The sluice files of the export folder (nothing when the issue has no sluices); with
 * `opts.crs` (a proj4 definition of the local plane system) also sluices.geojson and
 * sluice-points.geojson (WGS84).
 */
export async function sluiceFiles(issue: Issue, opts: ExportOptions): Promise<FeatureFile[]> {
  if (issue.sluices.length === 0) return [];
  // The GeoJSON text, like the CSVs and the plots, is made when its file is written.
  const files: FeatureFile[] = [
    { table: SLUICES_CSV, records: issue.sluices },
    { table: SLUICE_POINTS_CSV, records: issue.points },
    { path: 'sluices.local.geojson', data: later(() => localGeoJson(issue, 'polygons', opts.crs)) },
    { path: 'sluice-points.local.geojson', data: later(() => localGeoJson(issue, 'points', opts.crs)) },
  ];
  const crs = opts.crs;
  if (crs) {
    const proj4 = await loadProj4();
    files.push(
      { path: 'sluices.geojson', data: later(() => wgs84GeoJson(proj4, issue, crs, 'polygons')) },
      { path: 'sluice-points.geojson', data: later(() => wgs84GeoJson(proj4, issue, crs, 'points')) },
    );
  }
  // each plot is drawn when its file is written (thousands of sluices: never all at once)
  const { plotFile, plotSluice } = await import('./plot.js');
  issue.sluices.forEach((s, i) => files.push({ path: `plots/${plotFile(issue, i)}`, data: later(() => plotSluice(issue, s)) }));
  return files;
}
