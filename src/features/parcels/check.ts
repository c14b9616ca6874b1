/**
 * Checks of a parcel: point numbering, repeated points, arcs (complete, radius as stated),
 * self-intersections, the computed area against the stated one, a named coordinate system.
 * Tolerances are the sluices' (src/core/geometry.ts): area 1 % and 1 m², lengths (the
 * radius) 1 % and 0.5 m.
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { ParcelChecks } from '../../model/parcel.js';
import { anomaly, type Code } from '../../model/catalogue.js';
import { AREA_TOLERANCE, LENGTH_TOLERANCE, beyond } from '../../core/geometry.js';
import { parcelGeometry, type GPoint, type ParcelGeometryResult } from './geometry.js';
import type { ParcelDraft, ParcelPointDraft } from './read.js';
import type { Lines } from '../../model/lines.js';

/** A parcel with what the checks found. */
export interface CheckedParcel {
  draft: ParcelDraft;
  geometry: ParcelGeometryResult;
  checks: ParcelChecks;
  codes: Set<string>;
}

const CHECK_OF: Partial<Record<Code, keyof ParcelChecks>> = {
  PARCEL_NUMBERING_GAP: 'numbering',
  PARCEL_POINT_DUPLICATE: 'duplicates',
  PARCEL_ARC_INCOMPLETE: 'arcs',
  PARCEL_ARC_RADIUS_MISMATCH: 'arcs',
  PARCEL_AREA_MISMATCH: 'area',
  PARCEL_SELF_INTERSECTION: 'selfIntersections',
};

const fmt = (v: number, decimals = 2): string => v.toFixed(decimals);
const label = (p: ParcelPointDraft): string => p.name || `row ${p.seq}`;

/** One parcel's checks: the parcel, its geometry and what they found so far. */
interface ParcelCheck {
  d: ParcelDraft;
  lines: Lines;
  /** The parcel's name in messages. */
  name: string;
  doc: { documentId?: string };
  parcel: CheckedParcel;
  g: ParcelGeometryResult;
  /** Indexes of the rows that close a ring. */
  closing: Set<number>;
  out: Anomaly[];
}

/** An anomaly of the parcel: its code is kept, the check it belongs to fails. */
function raise(c: ParcelCheck, code: Code, input: { message: string; line: number; column?: number; evidence: string }): void {
  c.parcel.codes.add(code);
  const key = CHECK_OF[code];
  if (key) c.parcel.checks[key] = 'fail';
  c.out.push(anomaly(code, { ...input, ...c.doc }));
}

/** An anomaly reported at one point of the parcel. */
function raiseAt(c: ParcelCheck, code: Code, p: ParcelPointDraft, message: string): void {
  raise(c, code, { message, line: p.line, column: p.column, evidence: p.evidence });
}

/** Checks one parcel: its geometry, check results and codes, and the anomalies. */
export function checkParcel(d: ParcelDraft, lines: Lines): { parcel: CheckedParcel; anomalies: Anomaly[] } {
  const pts: GPoint[] = [];
  d.points.forEach((p, i) => {
    if (p.y !== null && p.x !== null) pts.push({ index: i, y: p.y, x: p.x, arc: p.arc, radius: p.radius });
  });
  const g = parcelGeometry(pts);
  const parcel: CheckedParcel = {
    draft: d,
    geometry: g,
    checks: { numbering: 'skipped', duplicates: 'ok', arcs: 'skipped', area: 'skipped', selfIntersections: 'skipped' },
    codes: new Set(),
  };
  const c: ParcelCheck = {
    d,
    lines,
    name: d.name || d.id,
    doc: d.documentId ? { documentId: d.documentId } : {},
    parcel,
    g,
    closing: new Set(g.closing),
    out: [],
  };
  checkNumbering(c);
  checkRepeats(c);
  if (g.rings.length === 0) {
    raise(c, 'PARCEL_TOO_FEW_POINTS', {
      message: `${c.name}: ${pts.length} point(s) with coordinates (3 or more needed for a polygon)`,
      line: d.line,
      evidence: d.evidence,
    });
  }
  checkArcs(c);
  checkCrossings(c);
  checkArea(c);
  if (!d.crs) {
    raise(c, 'PARCEL_CRS_MISSING', {
      message: `${c.name}: no coordinate system is named for the table of boundary points (such as 注：坐标系统为…)`,
      line: d.startLine,
      evidence: lines.get(d.startLine - 1) ?? '',
    });
  }
  return { parcel, anomalies: c.out };
}

/** Numbering: each number one more than the one before; a ring may start again at 1. */
function checkNumbering(c: ParcelCheck): void {
  const { d, closing } = c;
  const numbered = d.points.filter((p, i) => !closing.has(i) && p.number !== null);
  if (numbered.length < 2 || numbered.length * 2 < d.points.length) return;
  c.parcel.checks.numbering = 'ok';
  const ringStarts = new Set(c.g.rings.map((r) => r.points[0]!));
  let prev: ParcelPointDraft | null = null;
  d.points.forEach((p, i) => {
    if (closing.has(i) || p.number === null) return;
    if (prev && prev.number !== null && p.number !== prev.number + 1 && !(ringStarts.has(i) && p.number === 1)) {
      raiseAt(
        c,
        'PARCEL_NUMBERING_GAP',
        p,
        `${c.name}: point ${label(p)} follows ${label(prev)} (${p.number < prev.number + 1 ? 'goes back' : `${p.number - prev.number - 1} number(s) missing`})`,
      );
    }
    prev = p;
  });
}

/**
 * Repeated names (within a ring: a second ring may number its points again from 1) and
 * coordinates (anywhere in the parcel); a closing row is no repeat.
 */
function checkRepeats(c: ParcelCheck): void {
  const { d, closing } = c;
  const ringOf = new Map<number, number>();
  c.g.rings.forEach((r, k) => r.points.forEach((i) => ringOf.set(i, k)));
  const names = new Map<string, ParcelPointDraft>();
  const coords = new Map<string, ParcelPointDraft>();
  d.points.forEach((p, i) => {
    if (closing.has(i)) return;
    const name0 = p.name.replace(/\s+/g, '').toUpperCase();
    const key = name0 ? `${ringOf.get(i) ?? -1}:${name0}` : '';
    const firstName = key ? names.get(key) : undefined;
    if (firstName) {
      raiseAt(c, 'PARCEL_POINT_DUPLICATE', p, `${c.name}: point ${label(p)} appears twice (also line ${firstName.line})`);
      return;
    }
    if (key) names.set(key, p);
    if (p.y === null || p.x === null) return;
    const ck = `${p.y},${p.x}`;
    const firstAt = coords.get(ck);
    if (firstAt) {
      raiseAt(
        c,
        'PARCEL_POINT_DUPLICATE',
        p,
        `${c.name}: point ${label(p)} has the same coordinates as ${label(firstAt)} (line ${firstAt.line}): X ${p.x}, Y ${p.y}`,
      );
    } else coords.set(ck, p);
  });
}

/** Arcs: complete, and the stated radius that of the circle through the three points. */
function checkArcs(c: ParcelCheck): void {
  const { d, name } = c;
  if (d.points.some((p) => p.arc !== null)) c.parcel.checks.arcs = 'ok';
  for (const pr of c.g.problems) {
    const p = d.points[pr.at]!;
    raiseAt(c, 'PARCEL_ARC_INCOMPLETE', p, `${name}: point ${label(p)}: ${pr.reason}`);
  }
  for (const r of c.g.rings) {
    for (const a of r.arcs) {
      if (a.statedRadius === null || !beyond(a.circle.radius, a.statedRadius, LENGTH_TOLERANCE)) continue;
      const [s, m, e] = a.points.map((i) => d.points[i]!) as [ParcelPointDraft, ParcelPointDraft, ParcelPointDraft];
      const at = [s, m, e].find((p) => p.radius !== null) ?? m;
      raiseAt(
        c,
        'PARCEL_ARC_RADIUS_MISMATCH',
        at,
        `${name}: the arc ${label(s)}–${label(m)}–${label(e)} states a radius of ${a.statedRadius} m, but the circle through its three points has a radius of ${fmt(a.circle.radius, 3)} m (tolerance 1 % and 0.5 m)`,
      );
    }
  }
}

/** Self-intersections of the polygon through the points in order (the first three told). */
function checkCrossings(c: ParcelCheck): void {
  const { d, g } = c;
  if (g.rings.length === 0) return;
  const crossings = g.rings.reduce((a, r) => a + r.crossings.length, 0);
  if (crossings === 0) {
    c.parcel.checks.selfIntersections = 'ok';
    return;
  }
  const edges = g.rings
    .flatMap((r) =>
      r.crossings.map(([i, j]) => [r.points[i]!, r.points[(i + 1) % r.points.length]!, r.points[j]!, r.points[(j + 1) % r.points.length]!]),
    )
    .slice(0, 3);
  const first = edges
    .map((q) => `${label(d.points[q[0]!]!)}–${label(d.points[q[1]!]!)} × ${label(d.points[q[2]!]!)}–${label(d.points[q[3]!]!)}`)
    .join(', ');
  // where the editor looks: the point that starts the first crossing edge
  const at = edges.length ? d.points[edges[0]![0]!] : undefined;
  raise(c, 'PARCEL_SELF_INTERSECTION', {
    message: `${c.name}: the polygon through the points in order crosses itself ${crossings} time(s); edges ${first}${crossings > 3 ? ' …' : ''} (table at line ${d.line})`,
    line: at?.line ?? d.line,
    column: at?.column ?? 1,
    evidence: at?.evidence ?? d.evidence,
  });
}

/** The area the points enclose against the area the text states. */
function checkArea(c: ParcelCheck): void {
  const { g } = c;
  const stated = c.d.statedArea;
  if (!stated || g.area === null) return;
  if (!beyond(g.area, stated.value, AREA_TOLERANCE)) {
    c.parcel.checks.area = 'ok';
    return;
  }
  const arcs = g.rings.reduce((a, r) => a + r.arcs.length, 0);
  raise(c, 'PARCEL_AREA_MISMATCH', {
    message: `${c.name}: the boundary points enclose ${fmt(g.area)} m²${arcs ? ` (${arcs} arc(s) as true arcs)` : ''}, but the text states ${stated.raw} = ${fmt(stated.value)} m² (ratio ${(g.area / stated.value).toFixed(3)}; tolerance 1 % and 1 m²)`,
    line: stated.line,
    evidence: c.lines.get(stated.line - 1) ?? stated.raw,
  });
}
