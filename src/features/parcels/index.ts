/**
 * Parcels: every table of boundary points (界址点: a point name, X and Y in either order, a
 * note column) in any document that is not a sluice stake table. Steps, each a module:
 *
 * 1. Read (read.ts): the points, the heading above the table, the coordinate system and
 *    the area the text states nearest the table; arc roles and radii from the notes.
 * 2. Geometry (geometry.ts): rings (a repeated first point closes one), arcs through three
 *    points, area and perimeter with the arcs as true arcs.
 * 3. Check (check.ts): numbering, repeats, arcs and radii, crossings, stated area, CRS.
 * 4. Records (here): parcels and points, linked by position (`parcelRef`, `pointRefs`).
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { Parcel, ParcelPoint } from '../../model/parcel.js';
import { append, flatMap, ok, type Result } from '../../model/result.js';
import type { Grid } from '../sluices/grid.js';
import { checkParcel, type CheckedParcel } from './check.js';
import { readParcels, type Span } from './read.js';
import type { Lines } from '../../model/lines.js';

export interface ParcelData {
  parcels: Parcel[];
  parcelPoints: ParcelPoint[];
}

const r2 = (v: number): number => Math.round(v * 100) / 100;
const r3 = (v: number): number => Math.round(v * 1000) / 1000;

function toRecords(checked: readonly CheckedParcel[]): ParcelData {
  const parcels: Parcel[] = [];
  const parcelPoints: ParcelPoint[] = [];
  checked.forEach((c, ref) => {
    const d = c.draft;
    const base = parcelPoints.length;
    for (const p of d.points) {
      parcelPoints.push({
        parcelRef: ref,
        parcel: d.id,
        seq: p.seq,
        name: p.name,
        number: p.number,
        x: p.x,
        y: p.y,
        arc: p.arc,
        radius: p.radius,
        note: p.note,
        line: p.line,
        column: p.column,
        documentId: d.documentId,
      });
    }
    const g = c.geometry;
    const area = g.area === null ? null : r2(g.area);
    parcels.push({
      id: d.id,
      documentId: d.documentId,
      name: d.name,
      line: d.line,
      startLine: d.startLine,
      endLine: d.endLine,
      crs: d.crs,
      pointCount: d.points.length,
      statedArea: d.statedArea,
      geometry: {
        rings: g.rings.map((r) => ({
          pointRefs: r.points.map((i) => base + i),
          area: r2(r.area),
          perimeter: r2(r.perimeter),
          selfIntersections: r.crossings.length,
        })),
        arcs: g.rings.flatMap((r) =>
          r.arcs.map((a) => ({
            pointRefs: a.points.map((i) => base + i) as [number, number, number],
            radius: r3(a.circle.radius),
            statedRadius: a.statedRadius,
            length: r2(a.length),
            segmentArea: r2(a.segmentArea),
          })),
        ),
        area,
        perimeter: g.perimeter === null ? null : r2(g.perimeter),
        selfIntersections: g.rings.reduce((a, r) => a + r.crossings.length, 0),
        areaRatio: area !== null && d.statedArea ? Math.round((area / d.statedArea.value) * 10000) / 10000 : null,
      },
      checks: c.checks,
      anomalies: [...c.codes].sort(),
    });
  });
  return { parcels, parcelPoints };
}

/** Parcel records and point records of an issue from its tables (as grids). */
export function extractParcels(grids: readonly Grid[], lines: Lines, spans: readonly Span[]): Result<ParcelData> {
  return flatMap(readParcels(grids, lines, spans), (drafts) => {
    const anomalies: Anomaly[] = [];
    const checked = drafts.map((d) => {
      const r = checkParcel(d, lines);
      append(anomalies, r.anomalies);
      return r.parcel;
    });
    return ok(toRecords(checked), anomalies);
  });
}
