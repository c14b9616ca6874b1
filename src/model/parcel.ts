import { z } from 'zod';
import { Line } from './line.js';
import { CheckStatus } from './sluice.js';
import { PARCEL_CHECK_TEXT, type ParcelCheckName } from './parcel-checks.js';

/**
 * Parcels: the land a table of boundary points (界址点坐标表: point name, X and Y in either
 * order, a note column) encloses, in any document, other than the stake tables of sluices
 * (a sluice is one kind of parcel, read by the sluice feature). One record per table, one
 * per point. Coordinates are plane coordinates in metres as printed (X north, Y east), in
 * the coordinate system the table's note names; arcs (圆曲线起点 / 中点 / 终点) are true
 * circular arcs through their three points.
 */

const Metres = z.number().nullable();

export const ArcRole = z
  .enum(['start', 'middle', 'end'])
  .describe('The point starts (圆曲线起点), lies in the middle of (中点) or ends (终点) a circular arc of the boundary');
export type ArcRole = z.infer<typeof ArcRole>;

export const ParcelCrs = z
  .object({
    name: z.string().describe('The coordinate system as the text names it, e.g. 某市独立坐标系统'),
    note: z.string().describe('The line that names it, as written'),
    line: Line,
  })
  .describe('The coordinate system the text names for the table (a local plane: no reprojection is invented)');
export type ParcelCrs = z.infer<typeof ParcelCrs>;

export const StatedArea = z
  .object({
    value: z.number().describe('The stated area in m²'),
    raw: z.string().describe('The statement as written, e.g. 总用地面积为12.345公顷'),
    unit: z.enum(['公顷', '平方米', '亩']).describe('The unit written: 公顷 = 10 000 m², 亩 = 10 000/15 m², 平方米 (also m², ㎡)'),
    line: Line,
  })
  .describe('An area the text states for the parcel, near its table or heading');
export type StatedArea = z.infer<typeof StatedArea>;

export const ParcelArc = z
  .object({
    pointRefs: z
      .tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(0)])
      .describe('Start, middle and end point as 0-based indexes into issue.parcelPoints'),
    radius: z.number().describe('Radius of the circle through the three points (m), rounded to 0.001'),
    statedRadius: Metres.describe('The radius the note states (半径30米), if any'),
    length: z.number().describe('Length of the arc from start to end (m), rounded to 0.01'),
    segmentArea: z
      .number()
      .describe('Area between the arc and the chords start–middle–end (m²), rounded to 0.01; negative when the arc bends inwards'),
  })
  .describe('A circular arc of the boundary through three points');
export type ParcelArc = z.infer<typeof ParcelArc>;

export const ParcelRing = z
  .object({
    pointRefs: z
      .array(z.number().int().min(0))
      .describe(
        'The points of the ring in boundary order, as 0-based indexes into issue.parcelPoints; closed from the last back to the first',
      ),
    area: z.number().describe('Area in m² (polygon through the points, arcs as true arcs), rounded to 0.01'),
    perimeter: z.number().describe('Perimeter in m (arcs along the arc, closing edge included), rounded to 0.01'),
    selfIntersections: z.number().int().min(0).describe('Pairs of non-adjacent edges (chords) that cross'),
  })
  .describe('One closed ring: the points in table order up to a point that repeats the first (or the last row)');
export type ParcelRing = z.infer<typeof ParcelRing>;

export const ParcelGeometry = z
  .object({
    rings: z.array(ParcelRing),
    arcs: z.array(ParcelArc),
    area: Metres.describe('Sum of the ring areas (m²); null without a ring of 3 or more points'),
    perimeter: Metres.describe('Sum of the ring perimeters (m)'),
    selfIntersections: z.number().int().min(0),
    areaRatio: z.number().nullable().describe('Computed area ÷ stated area'),
  })
  .describe('Geometry computed from the points');
export type ParcelGeometry = z.infer<typeof ParcelGeometry>;

const checkStatus = (name: ParcelCheckName) => CheckStatus.describe(PARCEL_CHECK_TEXT[name]);

export const ParcelChecks = z
  .object({
    numbering: checkStatus('numbering'),
    duplicates: checkStatus('duplicates'),
    arcs: checkStatus('arcs'),
    area: checkStatus('area'),
    selfIntersections: checkStatus('selfIntersections'),
  })
  .describe('Results of the checks for this parcel (the anomalies say more)');
export type ParcelChecks = z.infer<typeof ParcelChecks>;

export const Parcel = z
  .object({
    id: z
      .string()
      .describe('Unique id: the document id (or "issue") and the parcel’s place among the document’s parcels, e.g. 某府函-2024-2/p1'),
    documentId: z.string().nullable(),
    name: z.string().describe('The heading or caption above the table (附件 labels and 表n： left out); empty when there is none'),
    line: Line.describe('Line of the heading, or of the table when there is none'),
    startLine: Line.describe('First line of the table'),
    endLine: Line.describe('Last line of the table (continuations included)'),
    crs: ParcelCrs.nullable(),
    pointCount: z.number().int().min(0).describe('Rows of points in the table'),
    statedArea: StatedArea.nullable(),
    geometry: ParcelGeometry,
    checks: ParcelChecks,
    anomalies: z.array(z.string()).describe('Codes of the anomalies raised about this parcel'),
  })
  .describe('One parcel: a table of boundary points with its heading, coordinate system, stated area and computed geometry');
export type Parcel = z.infer<typeof Parcel>;

export const ParcelPoint = z
  .object({
    parcelRef: z.number().int().min(0).describe('The parcel of this point: its 0-based index in issue.parcels'),
    parcel: z.string().describe('Id of the parcel'),
    seq: z.number().int().min(1).describe('Row of the point in its table, from 1'),
    name: z.string().describe('Point name as written (J1, JZD1 …); the 序号 when the table has no name column'),
    number: z.number().int().nullable().describe('The number in the point name (J12 → 12)'),
    x: Metres.describe('X (north) in metres, as printed'),
    y: Metres.describe('Y (east) in metres, as printed'),
    arc: ArcRole.nullable(),
    radius: Metres.describe('Radius stated in the note (半径30米), m'),
    note: z.string().nullable().describe('备注 / 说明 as written'),
    line: Line,
    column: z.number().int().min(1).describe('Column of the point name cell (UTF-16 code units, 1-based)'),
    documentId: z.string().nullable(),
  })
  .describe('One boundary point (界址点) of a parcel');
export type ParcelPoint = z.infer<typeof ParcelPoint>;
