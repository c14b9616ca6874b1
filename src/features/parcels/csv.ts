/**
 * parcels.csv (one row per parcel: heading, coordinate system, stated and computed area,
 * check results) and parcel-points.csv (one row per boundary point), each described once
 * as a list of columns.
 */
import type { Column, CsvTable } from '../../model/export.js';
import type { Parcel, ParcelPoint } from '../../model/parcel.js';
import { PARCEL_CHECK_TEXT } from '../../model/parcel-checks.js';

const CHECK_FIELDS: Array<[keyof Parcel['checks'], string]> = [
  ['numbering', 'check_numbering'],
  ['duplicates', 'check_duplicates'],
  ['arcs', 'check_arcs'],
  ['area', 'check_area'],
  ['selfIntersections', 'check_self_intersections'],
];

export const PARCELS_CSV: CsvTable<Parcel> = {
  name: 'parcels',
  path: 'parcels.csv',
  title: 'Parcels',
  description:
    'One row per parcel: a table of boundary points (界址点) other than a sluice stake table, with its heading, coordinate system, stated area, computed geometry (arcs as true arcs) and check results',
  primaryKey: 'id',
  columns: [
    {
      name: 'id',
      type: 'string',
      description: 'Parcel id: document id (or issue) / p and its place in the document',
      constraints: { required: true, unique: true },
      value: (p) => p.id,
    },
    { name: 'name', type: 'string', description: 'The heading or caption above the table', value: (p) => p.name || null },
    { name: 'document_id', type: 'string', description: 'The document of the table', value: (p) => p.documentId },
    {
      name: 'line',
      type: 'integer',
      description: 'Line of the heading (of the table when there is none)',
      constraints: { required: true },
      value: (p) => p.line,
    },
    {
      name: 'start_line',
      type: 'integer',
      description: 'First line of the table',
      constraints: { required: true },
      value: (p) => p.startLine,
    },
    { name: 'end_line', type: 'integer', description: 'Last line of the table', constraints: { required: true }, value: (p) => p.endLine },
    { name: 'crs', type: 'string', description: 'The coordinate system the text names (注：坐标系统为…)', value: (p) => p.crs?.name },
    { name: 'crs_line', type: 'integer', description: 'Line that names the coordinate system', value: (p) => p.crs?.line },
    {
      name: 'points',
      type: 'integer',
      description: 'Rows of points in the table',
      constraints: { required: true },
      value: (p) => p.pointCount,
    },
    {
      name: 'rings',
      type: 'integer',
      description: 'Number of closed rings',
      constraints: { required: true },
      value: (p) => p.geometry.rings.length,
    },
    {
      name: 'arcs',
      type: 'integer',
      description: 'Number of circular arcs (圆曲线) in the boundary',
      constraints: { required: true },
      value: (p) => p.geometry.arcs.length,
    },
    { name: 'stated_area', type: 'number', description: 'Area the text states for the parcel, in m²', value: (p) => p.statedArea?.value },
    {
      name: 'stated_area_raw',
      type: 'string',
      description: 'The area statement as written (e.g. 总用地面积为12.345公顷)',
      value: (p) => p.statedArea?.raw,
    },
    { name: 'stated_area_unit', type: 'string', description: 'Unit written: 公顷, 平方米 or 亩', value: (p) => p.statedArea?.unit },
    { name: 'stated_area_line', type: 'integer', description: 'Line of the area statement', value: (p) => p.statedArea?.line },
    {
      name: 'computed_area',
      type: 'number',
      description: 'Area enclosed by the points, arcs as true arcs (m²)',
      value: (p) => p.geometry.area,
    },
    { name: 'computed_perimeter', type: 'number', description: 'Perimeter, along the arcs (m)', value: (p) => p.geometry.perimeter },
    { name: 'area_ratio', type: 'number', description: 'computed_area ÷ stated_area', value: (p) => p.geometry.areaRatio },
    {
      name: 'self_intersections',
      type: 'integer',
      description: 'Crossing edge pairs of the polygon',
      constraints: { required: true },
      value: (p) => p.geometry.selfIntersections,
    },
    ...CHECK_FIELDS.map(([key, name]): Column<Parcel> => ({
      name,
      type: 'string',
      description: `ok / fail / skipped: ${PARCEL_CHECK_TEXT[key]}`,
      constraints: { required: true },
      value: (p) => p.checks[key],
    })),
    {
      name: 'anomalies',
      type: 'string',
      description: 'Codes of the anomalies about this parcel, joined with ";"',
      value: (p) => p.anomalies.join(';') || null,
    },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

export const PARCEL_POINTS_CSV: CsvTable<ParcelPoint> = {
  name: 'parcel-points',
  path: 'parcel-points.csv',
  title: 'Parcel boundary points',
  description: 'One row per boundary point (界址点) of a parcel, plane coordinates in metres as printed (X north, Y east)',
  primaryKey: 'line',
  columns: [
    { name: 'parcel', type: 'string', description: 'Id of the parcel', constraints: { required: true }, value: (p) => p.parcel },
    {
      name: 'seq',
      type: 'integer',
      description: 'Row of the point in its table, from 1',
      constraints: { required: true },
      value: (p) => p.seq,
    },
    { name: 'name', type: 'string', description: 'Point name as written (J1, JZD1 …)', value: (p) => p.name },
    { name: 'number', type: 'integer', description: 'Number in the point name', value: (p) => p.number },
    { name: 'x', type: 'number', description: 'X (north), m', value: (p) => p.x },
    { name: 'y', type: 'number', description: 'Y (east), m', value: (p) => p.y },
    { name: 'arc', type: 'string', description: 'start, middle or end of a circular arc (圆曲线起点 / 中点 / 终点)', value: (p) => p.arc },
    { name: 'radius', type: 'number', description: 'Radius stated in the note (m)', value: (p) => p.radius },
    { name: 'note', type: 'string', description: '备注 as written', value: (p) => p.note },
    { name: 'document_id', type: 'string', description: 'The document of the table', value: (p) => p.documentId },
    {
      name: 'line',
      type: 'integer',
      description: 'Line of the point row',
      constraints: { required: true, unique: true },
      value: (p) => p.line,
    },
  ],
  foreignKeys: [
    { fields: 'parcel', reference: { resource: 'parcels', fields: 'id' } },
    { fields: 'document_id', reference: { resource: 'documents', fields: 'id' } },
  ],
};
