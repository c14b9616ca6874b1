/**
 * Sluice outputs: sluices.csv (summary figures, computed geometry and check results),
 * sluice-points.csv (one row per stake), sluices.local.geojson (plane coordinates as
 * printed, [Y, X] = [east, north]), sluices.geojson (WGS84, only with a proj4 definition of
 * the local system) and one SVG plot per sluice. Used by `export`, `extract` and `plot`.
 */
import type { Issue } from '../../model/issue.js';
import type { Sluice } from '../../model/sluice.js';
import { SLUICE_CHECK_TEXT } from '../../model/sluice-checks.js';
import { csvFile, type CsvOptions, type CsvValue, type TableSpec } from '../../write/csv.js';
import type { ExportFile } from '../../write/export.js';
import { pieces } from '../../write/pieces.js';
import { sluiceRings, type Pos } from './rings.js';

const CHECK_FIELDS: Array<[keyof Sluice['checks'], string]> = [
  ['join', 'check_join'],
  ['name', 'check_name'],
  ['order', 'check_order'],
  ['stakes', 'check_stakes'],
  ['duplicates', 'check_duplicates'],
  ['outliers', 'check_outliers'],
  ['shorelineSum', 'check_shoreline_sum'],
  ['areaSum', 'check_area_sum'],
  ['area', 'check_area'],
  ['boundaryLength', 'check_boundary_length'],
  ['selfIntersections', 'check_self_intersections'],
];

/** The description of each check_* column: the model's text of its check. */
const CHECK_TEXT: Record<string, string> = Object.fromEntries(CHECK_FIELDS.map(([key, name]) => [name, SLUICE_CHECK_TEXT[key]]));

export const SLUICES_CSV: TableSpec = {
  name: 'sluices',
  path: 'sluices.csv',
  title: 'Sluices',
  description: 'One row per sluice: the summary table (划定情况表) joined with its boundary section, computed geometry and check results',
  primaryKey: 'line',
  fields: [
    { name: 'index', type: 'integer', description: '序号 in the summary table' },
    { name: 'name', type: 'string', description: 'Name in the summary table (the section heading when there is no row)', constraints: { required: true } },
    { name: 'grade', type: 'string', description: '等级, e.g. 区管' },
    { name: 'left_shoreline_length', type: 'number', description: '左岸 岸线长度 (m)' },
    { name: 'left_land_area', type: 'number', description: '左岸 陆域面积 (m²)' },
    { name: 'right_shoreline_length', type: 'number', description: '右岸 岸线长度 (m)' },
    { name: 'right_land_area', type: 'number', description: '右岸 陆域面积 (m²)' },
    { name: 'total_shoreline_length', type: 'number', description: '岸线总长度 (m)' },
    { name: 'boundary_length', type: 'number', description: '界址线长 (m)' },
    { name: 'water_area', type: 'number', description: '水域面积 (m²)' },
    { name: 'total_area', type: 'number', description: '总面积 (m²)' },
    { name: 'note', type: 'string', description: '备注' },
    { name: 'document_id', type: 'string', description: 'The document of the summary table' },
    { name: 'line', type: 'integer', description: 'Line of the summary row (of the section heading when there is no row)', constraints: { required: true, unique: true } },
    { name: 'section_number', type: 'integer', description: 'n of the (n) 名称 section heading' },
    { name: 'section_name', type: 'string', description: 'Name in the section heading' },
    { name: 'section_line', type: 'integer', description: 'Line of the section heading' },
    { name: 'points', type: 'integer', description: 'Number of stakes in the section', constraints: { required: true } },
    { name: 'boundary', type: 'string', description: 'ring (stakes in order, closed), lines (two bank lines) or none', constraints: { required: true } },
    { name: 'rings', type: 'integer', description: 'Number of separate rings (parcels)', constraints: { required: true } },
    { name: 'excluded_stakes', type: 'string', description: '序号 of isolated stakes left out of the polygon, joined with ";"' },
    { name: 'computed_area', type: 'number', description: 'Shoelace area of the polygon(s) through the stakes (m²)' },
    { name: 'computed_perimeter', type: 'number', description: 'Perimeter of the polygon(s) (m)' },
    { name: 'area_ratio', type: 'number', description: 'computed_area ÷ total_area' },
    { name: 'perimeter_ratio', type: 'number', description: 'computed_perimeter ÷ boundary_length' },
    { name: 'self_intersections', type: 'integer', description: 'Crossing edge pairs of the polygon', constraints: { required: true } },
    ...CHECK_FIELDS.map(([, name]) => ({ name, type: 'string' as const, description: `ok / fail / skipped: ${CHECK_TEXT[name]}`, constraints: { required: true } })),
    { name: 'anomalies', type: 'string', description: 'Codes of the anomalies about this sluice, joined with ";"' },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

export const SLUICE_POINTS_CSV: TableSpec = {
  name: 'sluice-points',
  path: 'sluice-points.csv',
  title: 'Sluice boundary stakes',
  description: 'One row per boundary stake (界址点), plane coordinates in metres as printed (X north, Y east)',
  primaryKey: 'line',
  fields: [
    { name: 'sluice', type: 'string', description: 'Name of the sluice (as in the summary table when joined)', constraints: { required: true } },
    { name: 'sluice_index', type: 'integer', description: '序号 of the sluice in the summary table' },
    { name: 'section', type: 'integer', description: 'n of the (n) 名称 section heading' },
    { name: 'section_name', type: 'string', description: 'Name in the section heading', constraints: { required: true } },
    { name: 'seq', type: 'integer', description: '序号 of the stake' },
    { name: 'bank', type: 'string', description: 'left (左岸) or right (右岸)' },
    { name: 'bank_raw', type: 'string', description: '岸别 as written' },
    { name: 'stake', type: 'string', description: '桩号 as written (JZD1 …)', constraints: { required: true } },
    { name: 'stake_number', type: 'integer', description: 'Number in the stake name' },
    { name: 'y', type: 'number', description: 'Y (east), m' },
    { name: 'x', type: 'number', description: 'X (north), m' },
    { name: 'note', type: 'string', description: '备注' },
    { name: 'document_id', type: 'string', description: 'The document of the section' },
    { name: 'line', type: 'integer', description: 'Line of the stake row', constraints: { required: true, unique: true } },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

export function sluiceRows(issue: Issue): CsvValue[][] {
  return issue.sluices.map((s) => [
    s.index, s.name, s.grade,
    s.banks.left.shorelineLength, s.banks.left.landArea, s.banks.right.shorelineLength, s.banks.right.landArea,
    s.totalShorelineLength, s.boundaryLength, s.waterArea, s.totalArea, s.note, s.documentId, s.line,
    s.section?.number, s.section?.name, s.section?.line, s.pointCount,
    s.geometry.boundary, s.geometry.rings.length, s.geometry.excludedSeqs.join(';') || null,
    s.geometry.area, s.geometry.perimeter, s.geometry.areaRatio, s.geometry.perimeterRatio, s.geometry.selfIntersections,
    ...CHECK_FIELDS.map(([k]) => s.checks[k]),
    s.anomalies.join(';') || null,
  ]);
}

export function pointRows(issue: Issue): CsvValue[][] {
  return issue.points.map((p) => [
    p.sluice, p.sluiceIndex, p.section, p.sectionName, p.seq, p.bank, p.bankRaw, p.stake, p.stakeNumber, p.y, p.x, p.note, p.documentId, p.line,
  ]);
}

/** The local system as named in sluices.local.geojson. */
export const LOCAL_CRS = {
  name: 'Shanghai city-construction plane coordinates (上海城建坐标系), as printed in the gazette',
  units: 'metre',
  axisOrder: ['Y (east)', 'X (north)'],
  note:
    'Not WGS84: coordinates are the plane coordinates of the source, [Y, X] = [east, north], used by prior arrangement ' +
    '(RFC 7946 §4). There is no official public transformation to WGS84; see sluices.geojson (written with --crs) for an approximate one.',
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

/** A GeoJSON FeatureCollection of the sluices (polygons) and stakes (points); `tx` maps [Y, X]. */
export function sluiceGeoJson(issue: Issue, tx: (p: Pos) => Pos, extra: Record<string, unknown>): Record<string, unknown> {
  const features: unknown[] = [];
  for (const s of issue.sluices) {
    const rings = sluiceRings(issue, s).map((r) => [r.map(tx)]);
    const geometry = rings.length === 0 ? null : rings.length === 1 ? { type: 'Polygon', coordinates: rings[0] } : { type: 'MultiPolygon', coordinates: rings };
    features.push({ type: 'Feature', geometry, properties: sluiceProperties(s) });
  }
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

export function localGeoJson(issue: Issue): string {
  return JSON.stringify(sluiceGeoJson(issue, (p) => p, { coordinateSystem: LOCAL_CRS }), null, 1) + '\n';
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
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90) return `the definition does not give a position for (0, 0): ${crs}`;
    return null;
  } catch (err) {
    return `not a usable proj4 definition (${(err as Error).message || String(err)}): ${crs}`;
  }
}

/** WGS84 GeoJSON through a proj4 definition of the local system (proj4 loaded only here). */
export async function wgs84GeoJson(issue: Issue, crs: string): Promise<string> {
  const proj4 = await loadProj4();
  const converter = proj4(crs, 'EPSG:4326');
  const r7 = (v: number): number => Math.round(v * 1e7) / 1e7;
  const tx = (p: Pos): Pos => {
    const [lon, lat] = converter.forward([p[0], p[1]]) as [number, number];
    return [r7(lon), r7(lat)];
  };
  return JSON.stringify(sluiceGeoJson(issue, tx, {
    transformation: { from: LOCAL_CRS.name, proj4: crs, note: 'Approximate: transformed with the proj4 definition given by the user (--crs)' },
  }), null, 1) + '\n';
}

export interface SluiceExportOptions extends CsvOptions {
  /** proj4 definition of the local plane system; when given, sluices.geojson (WGS84) is written. */
  crs?: string;
}

/** The sluice files of the export folder (nothing when the issue has no sluices). */
export async function sluiceFiles(issue: Issue, opts: SluiceExportOptions): Promise<ExportFile[]> {
  if (issue.sluices.length === 0) return [];
  const files: ExportFile[] = [
    await csvFile(SLUICES_CSV, sluiceRows(issue), opts),
    await csvFile(SLUICE_POINTS_CSV, pointRows(issue), opts),
    { path: 'sluices.local.geojson', data: localGeoJson(issue) },
  ];
  if (opts.crs) files.push({ path: 'sluices.geojson', data: await wgs84GeoJson(issue, opts.crs) });
  // each plot is drawn when its file is written (thousands of sluices: never all at once)
  const { plotFile, plotSluice } = await import('./plot.js');
  issue.sluices.forEach((s, i) => files.push({ path: `plots/${plotFile(issue, i)}`, data: pieces(() => [plotSluice(issue, s)]) }));
  return files;
}
