/**
 * Parcel outputs: parcels.csv, parcel-points.csv, parcels.local.geojson (polygons) and
 * parcel-points.local.geojson (points), in plane coordinates as printed, [Y, X] = [east,
 * north]; arcs drawn as points along them, since GeoJSON has no arcs; each feature names its
 * coordinate system in its properties.
 */
import type { Issue } from '../../model/issue.js';
import type { Parcel } from '../../model/parcel.js';
import { later, type ExportOptions, type FeatureFile } from '../../model/export.js';
import { circleThrough, type Circle, type XY } from '../../core/geometry.js';
import { PARCELS_CSV, PARCEL_POINTS_CSV } from './csv.js';
import { densifyRing } from './geometry.js';
import { geoJsonCrs } from '../../core/crs.js';

/** The local systems as parcels.local.geojson names them. */
export const PARCEL_CRS = {
  name: 'Local plane coordinates as printed in the gazette: each parcel names its system in its `crs` property',
  units: 'metre',
  axisOrder: ['Y (east)', 'X (north)'],
  note:
    'Not WGS84: coordinates are the plane coordinates of the source, [Y, X] = [east, north], used by prior arrangement ' +
    '(RFC 7946 §4); the crs member names the system for GIS tools as a local engineering system. Arcs of the boundary (圆曲线) ' +
    'are drawn as points along the arc every 5° at most.',
};

/** The system of the file's crs member: the one every parcel names, else local plane coordinates. */
function parcelsCrsName(issue: Issue): string {
  const names = new Set(issue.parcels.map((p) => p.crs?.name ?? null));
  const [only] = names;
  return names.size === 1 && only ? only : 'Local plane coordinates as printed in the gazette';
}

/** The rings of a parcel as closed [Y, X] polylines, arcs densified, counter-clockwise. */
export function parcelRings(issue: Issue, p: Parcel): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  for (const r of p.geometry.rings) {
    const pts: XY[] = [];
    for (const i of r.pointRefs) {
      const q = issue.parcelPoints[i];
      if (q && q.y !== null && q.x !== null) pts.push({ y: q.y, x: q.x });
    }
    if (pts.length < 3) continue;
    const arcs: Array<{ at: number; circle: Circle }> = [];
    for (const a of p.geometry.arcs) {
      const at = r.pointRefs.indexOf(a.pointRefs[0]);
      if (at < 0) continue;
      const [s, m, e] = a.pointRefs.map((i) => issue.parcelPoints[i]!) as [
        Issue['parcelPoints'][number],
        Issue['parcelPoints'][number],
        Issue['parcelPoints'][number],
      ];
      const c = circleThrough({ y: s.y!, x: s.x! }, { y: m.y!, x: m.x! }, { y: e.y!, x: e.x! });
      if (c) arcs.push({ at, circle: c });
    }
    const line = densifyRing(pts, arcs);
    let area = 0;
    for (let i = 0; i + 1 < line.length; i++)
      area += (line[i]!.y - line[0]!.y) * (line[i + 1]!.x - line[0]!.x) - (line[i + 1]!.y - line[0]!.y) * (line[i]!.x - line[0]!.x);
    const ring = line.map((q): [number, number] => [Math.round(q.y * 1000) / 1000, Math.round(q.x * 1000) / 1000]);
    out.push(area < 0 ? ring.reverse() : ring);
  }
  return out;
}

/**
 * parcels.local.geojson (the parcels' polygons) or parcel-points.local.geojson (their
 * points): one geometry type per file, so each converts to a Shapefile or GeoPackage layer.
 */
export function parcelGeoJson(issue: Issue, layer: 'polygons' | 'points' = 'polygons'): string {
  const features: unknown[] = [];
  if (layer === 'polygons')
    for (const p of issue.parcels) {
      const rings = parcelRings(issue, p).map((r) => [r]);
      const geometry =
        rings.length === 0
          ? null
          : rings.length === 1
            ? { type: 'Polygon', coordinates: rings[0] }
            : { type: 'MultiPolygon', coordinates: rings };
      features.push({
        type: 'Feature',
        geometry,
        properties: {
          kind: 'parcel',
          id: p.id,
          name: p.name,
          documentId: p.documentId,
          line: p.line,
          crs: p.crs?.name ?? null,
          statedArea: p.statedArea?.value ?? null,
          statedAreaRaw: p.statedArea?.raw ?? null,
          computedArea: p.geometry.area,
          computedPerimeter: p.geometry.perimeter,
          areaRatio: p.geometry.areaRatio,
          arcs: p.geometry.arcs.length,
          selfIntersections: p.geometry.selfIntersections,
          checks: p.checks,
          anomalies: p.anomalies,
        },
      });
    }
  else
    for (const { parcelRef, ...q } of issue.parcelPoints) {
      features.push({
        type: 'Feature',
        geometry: q.y === null || q.x === null ? null : { type: 'Point', coordinates: [q.y, q.x] },
        properties: { kind: 'point', ...q, crs: issue.parcels[parcelRef]?.crs?.name ?? null },
      });
    }
  const crs = geoJsonCrs(parcelsCrsName(issue));
  return JSON.stringify({ type: 'FeatureCollection', crs, coordinateSystem: PARCEL_CRS, features }, null, 1) + '\n';
}

/** The parcel files of the export folder (nothing when the issue has no parcels). */
export async function parcelFiles(issue: Issue, _opts: ExportOptions): Promise<FeatureFile[]> {
  if (issue.parcels.length === 0) return [];
  return [
    { table: PARCELS_CSV, records: issue.parcels },
    { table: PARCEL_POINTS_CSV, records: issue.parcelPoints },
    { path: 'parcels.local.geojson', data: later(() => parcelGeoJson(issue, 'polygons')) },
    { path: 'parcel-points.local.geojson', data: later(() => parcelGeoJson(issue, 'points')) },
  ];
}
