/**
 * Plane geometry shared by the record families with boundary points (sluices, parcels):
 * positions in metres as printed, `y` east and `x` north (Chinese surveying axes). Shoelace
 * area, perimeter, self-intersections, circles through three points and circular segments,
 * and the tolerance rule for a computed figure against a stated one. Nothing here knows a
 * table or a record.
 */

/** A plane position: y east, x north (m). */
export interface XY {
  y: number;
  x: number;
}

/** Relative and absolute tolerance for a computed area vs a stated area. */
export const AREA_TOLERANCE = { relative: 0.01, absolute: 1 };
/** Relative and absolute tolerance for a computed length vs a stated length (perimeter, radius). */
export const LENGTH_TOLERANCE = { relative: 0.01, absolute: 0.5 };

/** Whether a computed figure is beyond the tolerance of the stated one (both the absolute and the relative bound). */
export function beyond(computed: number, stated: number, tol: { relative: number; absolute: number }): boolean {
  const diff = Math.abs(computed - stated);
  return diff > tol.absolute && diff > tol.relative * Math.abs(stated);
}

const dist = (a: XY, b: XY): number => Math.hypot(a.y - b.y, a.x - b.x);

/** Signed shoelace area (m²) of the closed polygon through the points in order: positive when counter-clockwise in [y, x]. */
export function signedShoelace(pts: readonly XY[]): number {
  let s = 0;
  const n = pts.length;
  if (n < 3) return 0;
  // Relative to the first point, so large coordinates don't cost precision.
  const oy = pts[0]!.y;
  const ox = pts[0]!.x;
  for (let i = 0; i < n; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % n]!;
    s += (a.y - oy) * (b.x - ox) - (b.y - oy) * (a.x - ox);
  }
  return s / 2;
}

/** Shoelace area (absolute, m²) of the closed polygon through the points in order. */
export function shoelace(pts: readonly XY[]): number {
  return Math.abs(signedShoelace(pts));
}

/** Length of the closed polygon (closing edge included). */
export function perimeter(pts: readonly XY[]): number {
  let s = 0;
  const n = pts.length;
  if (n < 2) return 0;
  for (let i = 0; i < n; i++) s += dist(pts[i]!, pts[(i + 1) % n]!);
  return s;
}

function orient(a: XY, b: XY, c: XY): number {
  const v = (b.y - a.y) * (c.x - a.x) - (b.x - a.x) * (c.y - a.y);
  return Math.abs(v) < 1e-9 ? 0 : v > 0 ? 1 : -1;
}

function onSegment(a: XY, b: XY, p: XY): boolean {
  return Math.min(a.y, b.y) <= p.y && p.y <= Math.max(a.y, b.y) && Math.min(a.x, b.x) <= p.x && p.x <= Math.max(a.x, b.x);
}

/** Whether segments ab and cd touch or cross. */
export function segmentsIntersect(a: XY, b: XY, c: XY, d: XY): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(a, b, c)) return true;
  if (o2 === 0 && onSegment(a, b, d)) return true;
  if (o3 === 0 && onSegment(c, d, a)) return true;
  if (o4 === 0 && onSegment(c, d, b)) return true;
  return false;
}

/** The crossings of a closed polygon: pairs of non-adjacent edges that touch or cross. */
export function selfIntersections(pts: readonly XY[]): Array<[number, number]> {
  const n = pts.length;
  const out: Array<[number, number]> = [];
  if (n < 4) return out;
  // Sweep over x: only edges whose x ranges overlap can touch (all pairs were quadratic
  // for a long ring of points). Same pairs, in the same order (by i, then j).
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = pts[i]!.x;
    const b = pts[(i + 1) % n]!.x;
    lo[i] = Math.min(a, b);
    hi[i] = Math.max(a, b);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => lo[p]! - lo[q]! || p - q);
  for (let a = 0; a < n; a++) {
    const e = order[a]!;
    for (let b = a + 1; b < n && lo[order[b]!]! <= hi[e]!; b++) {
      const f = order[b]!;
      const i = Math.min(e, f);
      const j = Math.max(e, f);
      if (j - i < 2 || (i === 0 && j === n - 1)) continue; // adjacent edges
      if (segmentsIntersect(pts[i]!, pts[(i + 1) % n]!, pts[j]!, pts[(j + 1) % n]!)) out.push([i, j]);
    }
  }
  out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return out;
}

/** A circle: centre and radius (m). */
export interface Circle {
  centre: XY;
  radius: number;
}

/** The circle through three points, or null when they are (nearly) on one line. */
export function circleThrough(a: XY, b: XY, c: XY): Circle | null {
  // Relative to a, so large coordinates don't cost precision.
  const by = b.y - a.y;
  const bx = b.x - a.x;
  const cy = c.y - a.y;
  const cx = c.x - a.x;
  const d = 2 * (by * cx - bx * cy);
  const scale = Math.max(Math.hypot(by, bx), Math.hypot(cy, cx));
  if (scale === 0 || Math.abs(d) <= 1e-9 * scale * scale) return null;
  const b2 = by * by + bx * bx;
  const c2 = cy * cy + cx * cx;
  const uy = (cx * b2 - bx * c2) / d;
  const ux = (by * c2 - cy * b2) / d;
  return { centre: { y: a.y + uy, x: a.x + ux }, radius: Math.hypot(uy, ux) };
}

const TAU = 2 * Math.PI;
const angleOf = (c: XY, p: XY): number => Math.atan2(p.x - c.x, p.y - c.y);
const ccw = (from: number, to: number): number => (((to - from) % TAU) + TAU) % TAU;

/**
 * The arc from p to q on circle c that does not pass through `away` (a third point of the
 * circle): its start angle and its signed sweep (positive counter-clockwise in [y, x]).
 */
function arcFromTo(c: Circle, p: XY, q: XY, away: XY): { start: number; sweep: number } {
  const start = angleOf(c.centre, p);
  const toQ = ccw(start, angleOf(c.centre, q));
  const toAway = ccw(start, angleOf(c.centre, away));
  // Counter-clockwise from p reaches q before `away`: that way; else clockwise.
  return toAway > toQ ? { start, sweep: toQ } : { start, sweep: toQ - TAU };
}

/**
 * The signed area (m², counter-clockwise positive) between the chord q → p and the arc
 * p → q of circle c that avoids `away`: what the arc adds to (or takes from) a polygon that
 * has the chord p → q as an edge. Signed like `signedShoelace`, so the area of a ring with
 * arcs is |shoelace + the sum of these|.
 */
export function signedSegmentArea(c: Circle, p: XY, q: XY, away: XY): number {
  const { sweep } = arcFromTo(c, p, q, away);
  const theta = Math.abs(sweep);
  const segment = (c.radius * c.radius * (theta - Math.sin(theta))) / 2;
  // The loop arc p → q, chord q → p turns the way the arc turns around the centre:
  // counter-clockwise (sweep > 0) adds area, clockwise takes it away.
  return sweep > 0 ? segment : -segment;
}

/** The length of the arc p → q of circle c that avoids `away`. */
export function arcLength(c: Circle, p: XY, q: XY, away: XY): number {
  return Math.abs(arcFromTo(c, p, q, away).sweep) * c.radius;
}

/**
 * Points strictly between p and q along the arc of circle c that avoids `away`, one every
 * `step` degrees at most (for drawing an arc as a polyline: GeoJSON has no arcs).
 */
export function densifyArc(c: Circle, p: XY, q: XY, away: XY, stepDegrees = 5): XY[] {
  const { start, sweep } = arcFromTo(c, p, q, away);
  const n = Math.max(1, Math.ceil(Math.abs(sweep) / ((stepDegrees * Math.PI) / 180)));
  const out: XY[] = [];
  for (let k = 1; k < n; k++) {
    const a = start + (sweep * k) / n;
    out.push({ y: c.centre.y + c.radius * Math.cos(a), x: c.centre.x + c.radius * Math.sin(a) });
  }
  return out;
}
