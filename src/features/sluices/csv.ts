/**
 * sluices.csv (summary figures, computed geometry and check results) and sluice-points.csv
 * (one row per stake), each described once as a list of columns.
 */
import type { Column, CsvTable } from '../../model/export.js';
import type { Sluice, SluicePoint } from '../../model/sluice.js';
import { SLUICE_CHECK_TEXT } from '../../model/sluice-checks.js';

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

export const SLUICES_CSV: CsvTable<Sluice> = {
  name: 'sluices',
  path: 'sluices.csv',
  title: 'Sluices',
  description: 'One row per sluice: the summary table (划定情况表) joined with its boundary section, computed geometry and check results',
  primaryKey: 'line',
  columns: [
    { name: 'index', type: 'integer', description: '序号 in the summary table', value: (s) => s.index },
    {
      name: 'name',
      type: 'string',
      description: 'Name in the summary table (the section heading when there is no row)',
      constraints: { required: true },
      value: (s) => s.name,
    },
    { name: 'grade', type: 'string', description: '等级, e.g. 区管', value: (s) => s.grade },
    { name: 'left_shoreline_length', type: 'number', description: '左岸 岸线长度 (m)', value: (s) => s.banks.left.shorelineLength },
    { name: 'left_land_area', type: 'number', description: '左岸 陆域面积 (m²)', value: (s) => s.banks.left.landArea },
    { name: 'right_shoreline_length', type: 'number', description: '右岸 岸线长度 (m)', value: (s) => s.banks.right.shorelineLength },
    { name: 'right_land_area', type: 'number', description: '右岸 陆域面积 (m²)', value: (s) => s.banks.right.landArea },
    { name: 'total_shoreline_length', type: 'number', description: '岸线总长度 (m)', value: (s) => s.totalShorelineLength },
    { name: 'boundary_length', type: 'number', description: '界址线长 (m)', value: (s) => s.boundaryLength },
    { name: 'water_area', type: 'number', description: '水域面积 (m²)', value: (s) => s.waterArea },
    { name: 'total_area', type: 'number', description: '总面积 (m²)', value: (s) => s.totalArea },
    { name: 'note', type: 'string', description: '备注', value: (s) => s.note },
    { name: 'document_id', type: 'string', description: 'The document of the summary table', value: (s) => s.documentId },
    {
      name: 'line',
      type: 'integer',
      description: 'Line of the summary row (of the section heading when there is no row)',
      constraints: { required: true, unique: true },
      value: (s) => s.line,
    },
    { name: 'section_number', type: 'integer', description: 'n of the (n) 名称 section heading', value: (s) => s.section?.number },
    { name: 'section_name', type: 'string', description: 'Name in the section heading', value: (s) => s.section?.name },
    { name: 'section_line', type: 'integer', description: 'Line of the section heading', value: (s) => s.section?.line },
    {
      name: 'points',
      type: 'integer',
      description: 'Number of stakes in the section',
      constraints: { required: true },
      value: (s) => s.pointCount,
    },
    {
      name: 'boundary',
      type: 'string',
      description: 'ring (stakes in order, closed), lines (two bank lines) or none',
      constraints: { required: true },
      value: (s) => s.geometry.boundary,
    },
    {
      name: 'rings',
      type: 'integer',
      description: 'Number of separate rings (parcels)',
      constraints: { required: true },
      value: (s) => s.geometry.rings.length,
    },
    {
      name: 'excluded_stakes',
      type: 'string',
      description: '序号 of isolated stakes left out of the polygon, joined with ";"',
      value: (s) => s.geometry.excludedSeqs.join(';') || null,
    },
    {
      name: 'computed_area',
      type: 'number',
      description: 'Shoelace area of the polygon(s) through the stakes (m²)',
      value: (s) => s.geometry.area,
    },
    { name: 'computed_perimeter', type: 'number', description: 'Perimeter of the polygon(s) (m)', value: (s) => s.geometry.perimeter },
    { name: 'area_ratio', type: 'number', description: 'computed_area ÷ total_area', value: (s) => s.geometry.areaRatio },
    {
      name: 'perimeter_ratio',
      type: 'number',
      description: 'computed_perimeter ÷ boundary_length',
      value: (s) => s.geometry.perimeterRatio,
    },
    {
      name: 'self_intersections',
      type: 'integer',
      description: 'Crossing edge pairs of the polygon',
      constraints: { required: true },
      value: (s) => s.geometry.selfIntersections,
    },
    ...CHECK_FIELDS.map(([key, name]): Column<Sluice> => ({
      name,
      type: 'string',
      description: `ok / fail / skipped: ${CHECK_TEXT[name]}`,
      constraints: { required: true },
      value: (s) => s.checks[key],
    })),
    {
      name: 'anomalies',
      type: 'string',
      description: 'Codes of the anomalies about this sluice, joined with ";"',
      value: (s) => s.anomalies.join(';') || null,
    },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};

export const SLUICE_POINTS_CSV: CsvTable<SluicePoint> = {
  name: 'sluice-points',
  path: 'sluice-points.csv',
  title: 'Sluice boundary stakes',
  description: 'One row per boundary stake (界址点), plane coordinates in metres as printed (X north, Y east)',
  primaryKey: 'line',
  columns: [
    {
      name: 'sluice',
      type: 'string',
      description: 'Name of the sluice (as in the summary table when joined)',
      constraints: { required: true },
      value: (p) => p.sluice,
    },
    { name: 'sluice_index', type: 'integer', description: '序号 of the sluice in the summary table', value: (p) => p.sluiceIndex },
    { name: 'section', type: 'integer', description: 'n of the (n) 名称 section heading', value: (p) => p.section },
    {
      name: 'section_name',
      type: 'string',
      description: 'Name in the section heading',
      constraints: { required: true },
      value: (p) => p.sectionName,
    },
    { name: 'seq', type: 'integer', description: '序号 of the stake', value: (p) => p.seq },
    { name: 'bank', type: 'string', description: 'left (左岸) or right (右岸)', value: (p) => p.bank },
    { name: 'bank_raw', type: 'string', description: '岸别 as written', value: (p) => p.bankRaw },
    { name: 'stake', type: 'string', description: '桩号 as written (JZD1 …)', constraints: { required: true }, value: (p) => p.stake },
    { name: 'stake_number', type: 'integer', description: 'Number in the stake name', value: (p) => p.stakeNumber },
    { name: 'y', type: 'number', description: 'Y (east), m', value: (p) => p.y },
    { name: 'x', type: 'number', description: 'X (north), m', value: (p) => p.x },
    { name: 'note', type: 'string', description: '备注', value: (p) => p.note },
    { name: 'document_id', type: 'string', description: 'The document of the section', value: (p) => p.documentId },
    {
      name: 'line',
      type: 'integer',
      description: 'Line of the stake row',
      constraints: { required: true, unique: true },
      value: (p) => p.line,
    },
  ],
  foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'id' } }],
};
