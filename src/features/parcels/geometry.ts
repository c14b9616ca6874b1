/**
 * Geometry of a parcel from its points in table order (metres; y east, x north).
 *
 * Rings: the points in order are the boundary, closed from the last back to the first. A
 * point that repeats the coordinates of its ring's first point closes that ring (tables
 * often repeat J1 as their last row); points after it start the next ring.
 *
 * Arcs: three consecutive points of a ring marked start, middle and end (圆曲线起点 / 中点
 * / 终点; the end may be the ring's first point again, written as the closing row) are a
 * circular arc through the three. The ring's area is the shoelace area of the polygon
 * through every point (the chords start–middle and middle–end) plus, for each arc, the two
 * circular segments between those chords and the arc (signed: an arc bending inwards takes
 * area away); its perimeter runs along the arcs.
 */
import type { ArcRole } from '../../model/parcel.js';
import {
  arcLength,
  circleThrough,
  densifyArc,
  perimeter,
  selfIntersections,
  signedSegmentArea,
  signedShoelace,
  type Circle,
  type XY,
} from '../../core/geometry.js';

/** A point of the geometry: its index among the parcel's points, position and arc data. */
export interface GPoint extends XY {
  index: number;
  arc: ArcRole | null;
  radius: number | null;
}

export interface ArcResult {
  /** Start, middle and end, as indexes among the parcel's points. */
  points: [number, number, number];
  circle: Circle;
  statedRadius: number | null;
  length: number;
  /** Area between the chords and the arc: positive when the arc bends outwards from the ring. */
  segmentArea: number;
}

export interface RingResult {
  /** Indexes among the parcel's points, in boundary order. */
  points: number[];
  area: number;
  perimeter: number;
  crossings: Array<[number, number]>;
  arcs: ArcResult[];
}

/** An arc that could not be drawn: where, and why. */
export interface ArcProblem {
  /** The point (index among the parcel's points) the problem is reported at. */
  at: number;
  reason: string;
}

export interface ParcelGeometryResult {
  rings: RingResult[];
  /** Indexes of rows that close a ring (repeat its first point): part of no ring's list. */
  closing: number[];
  /** Points of rings of fewer than 3 points, left out. */
  leftOut: number[];
  problems: ArcProblem[];
  area: number | null;
  perimeter: number | null;
}

const same = (a: XY, b: XY): boolean => a.y === b.y && a.x === b.x;
const ROLE_TEXT: Record<ArcRole, string> = { start: '起点', middle: '中点', end: '终点' };

/** Rings of the points: runs up to a point that repeats the run's first point. */
export function splitRings(pts: readonly GPoint[]): { runs: GPoint[][]; closers: Array<GPoint | null> } {
  const runs: GPoint[][] = [];
  const closers: Array<GPoint | null> = [];
  let run: GPoint[] = [];
  for (const p of pts) {
    if (run.length >= 2 && same(p, run[0]!)) {
      runs.push(run);
      closers.push(p);
      run = [];
      continue;
    }
    run.push(p);
  }
  if (run.length > 0) {
    runs.push(run);
    closers.push(null);
  }
  return { runs, closers };
}

/** The geometry of one ring: its arcs found from the roles, then area and perimeter. */
function ringGeometry(run: readonly GPoint[], closer: GPoint | null, problems: ArcProblem[]): RingResult {
  const n = run.length;
  // The role at position i of the ring; position n is the ring's first point reached again.
  const role = (i: number): ArcRole | null => (i === n ? (closer?.arc ?? run[0]!.arc) : (run[i]?.arc ?? null));
  const at = (i: number): GPoint => run[i % n]!;
  const used = new Set<number>();
  const arcs: ArcResult[] = [];
  const segments: number[] = [];
  let lengthAdjust = 0;
  for (let i = 0; i < n; i++) {
    if (role(i) !== 'start') continue;
    if (role(i + 1) !== 'middle' || i + 2 > n || role(i + 2) !== 'end') {
      problems.push({ at: run[i]!.index, reason: 'an arc start (起点) not followed by its middle (中点) and end (终点) point' });
      if (role(i + 1) === 'middle') used.add(i + 1); // the same broken arc: reported once
      continue;
    }
    const [s, m, e] = [at(i), at(i + 1), at(i + 2)];
    const c = circleThrough(s, m, e);
    if (!c) {
      problems.push({ at: m.index, reason: 'the start, middle and end point of an arc lie on one line' });
      used
        .add(i)
        .add(i + 1)
        .add((i + 2) % n);
      continue;
    }
    used
      .add(i)
      .add(i + 1)
      .add((i + 2) % n);
    const seg = signedSegmentArea(c, s, m, e) + signedSegmentArea(c, m, e, s);
    segments.push(seg);
    const length = arcLength(c, s, m, e) + arcLength(c, m, e, s);
    lengthAdjust += length - Math.hypot(s.y - m.y, s.x - m.x) - Math.hypot(m.y - e.y, m.x - e.x);
    const stated = s.radius ?? m.radius ?? e.radius;
    arcs.push({ points: [s.index, m.index, e.index], circle: c, statedRadius: stated, length, segmentArea: seg });
  }
  for (let i = 0; i < n; i++) {
    const r = role(i);
    if (r && r !== 'start' && !used.has(i))
      problems.push({ at: run[i]!.index, reason: `an arc ${ROLE_TEXT[r]} without the arc start (起点) before it` });
  }
  if (closer?.arc === 'end' && !used.has(0) && role(0) !== 'end')
    problems.push({ at: closer.index, reason: `an arc ${ROLE_TEXT.end} without the arc start (起点) before it` });
  const chord = signedShoelace(run);
  const signed = chord + segments.reduce((a, b) => a + b, 0);
  const orientation = signed < 0 ? -1 : 1;
  for (const a of arcs) a.segmentArea *= orientation;
  return {
    points: run.map((p) => p.index),
    area: n >= 3 ? Math.abs(signed) : 0,
    perimeter: perimeter(run) + lengthAdjust,
    crossings: selfIntersections(run),
    arcs,
  };
}

/** The geometry of a parcel from its points with coordinates, in table order. */
export function parcelGeometry(pts: readonly GPoint[]): ParcelGeometryResult {
  const { runs, closers } = splitRings(pts);
  const rings: RingResult[] = [];
  const leftOut: number[] = [];
  const problems: ArcProblem[] = [];
  runs.forEach((run, k) => {
    if (run.length < 3) {
      leftOut.push(...run.map((p) => p.index));
      return;
    }
    rings.push(ringGeometry(run, closers[k]!, problems));
  });
  const closing = closers.filter((c): c is GPoint => c !== null).map((c) => c.index);
  if (rings.length === 0) return { rings, closing, leftOut, problems, area: null, perimeter: null };
  return {
    rings,
    closing,
    leftOut,
    problems,
    area: rings.reduce((a, r) => a + r.area, 0),
    perimeter: rings.reduce((a, r) => a + r.perimeter, 0),
  };
}

/**
 * The ring as a closed polyline for drawing (GeoJSON has no arcs): the points in order,
 * each arc replaced by points along it every 5° at most, the first point repeated last.
 */
export function densifyRing(ring: readonly XY[], arcs: ReadonlyArray<{ at: number; circle: Circle }>): XY[] {
  const n = ring.length;
  const from = new Map(arcs.map((a) => [a.at, a.circle]));
  const out: XY[] = [];
  for (let i = 0; i < n; i++) {
    out.push(ring[i]!);
    const c = from.get(i);
    if (!c) continue;
    const [s, m, e] = [ring[i]!, ring[(i + 1) % n]!, ring[(i + 2) % n]!];
    out.push(...densifyArc(c, s, m, e), m, ...densifyArc(c, m, e, s));
    i++; // the middle point is placed; the end point comes next
  }
  out.push(out[0]!);
  return out;
}
