/**
 * Plane geometry of a sluice's stakes (metres, [east, north]).
 *
 * The boundary model, decided from the data: the stakes of a management range are numbered
 * around the fenced area, so the stakes in order, closed from the last back to the first,
 * are the boundary polygon (a `ring`). The bank labels show this: the numbering runs along
 * one bank, crosses to the other and comes back (左岸 … 右岸 … 左岸). A range can consist of
 * separate parcels: where the sequence jumps far away (a step longer than JUMP_STEPS times
 * the median step) and later jumps back, each run between jumps is a ring of its own; a run
 * of fewer than 3 stakes between jumps is an isolated point, left out of the polygon and
 * reported. The split is kept only when it brings the area closer to the stated total area
 * (or, with no stated area, when the jumps are also far beyond the sluice's spread). Only when the closed ring crosses itself and the stakes
 * are exactly two bank runs (all 左岸, then all 右岸) whose left-then-reversed-right polygon
 * does not cross itself, the stakes are read as two bank `lines` in the same direction.
 */
import type { Bank, SluiceGeometry, SluiceRing } from '../../model/sluice.js';
import { perimeter, segmentsIntersect, selfIntersections, shoelace } from '../../core/geometry.js';
import { mapPacked } from '../../model/packed.js';

export interface Pt {
  seq: number;
  y: number;
  x: number;
  bank: Bank | null;
}

/** A step longer than this many typical spreads is a jump to another parcel (or a stray point). */
export const JUMP_SPREADS = 5;
/** A step longer than this many median steps may be a jump (see splitAtJumps). */
export const JUMP_STEPS = 10;
/** A stake farther than this many typical spreads from the median point is an outlier. */
export const OUTLIER_SPREADS = 10;
/** Spreads below this (m) are raised to it, so tiny ranges don't make every stake an outlier. */
export const MIN_SPREAD = 1;

const round2 = (v: number): number => Math.round(v * 100) / 100;
const dist = (a: Pt, b: Pt): number => Math.hypot(a.y - b.y, a.x - b.x);

// The plane geometry itself is shared with the parcels (src/core/geometry.ts).
export { perimeter, segmentsIntersect, selfIntersections, shoelace };

function median(values: readonly number[]): number {
  // a typed array sorts numbers in place without calling a comparator for each pair
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Spread {
  /** Coordinate-wise median point. */
  centre: { y: number; x: number };
  /** Median distance of the stakes from the centre (at least MIN_SPREAD). */
  spread: number;
  /** Distance of each stake from the centre. */
  distances: number[];
}

/** The robust centre and spread of a set of stakes. */
export function spreadOf(pts: readonly Pt[]): Spread {
  const centre = { y: median(mapPacked(pts, (p) => p.y)), x: median(mapPacked(pts, (p) => p.x)) };
  const distances = mapPacked(pts, (p) => Math.hypot(p.y - centre.y, p.x - centre.x));
  return { centre, spread: Math.max(MIN_SPREAD, median(distances)), distances };
}

/** Stakes farther than OUTLIER_SPREADS spreads from the median point (`s`: their spread, when the caller has it). */
export function outliers(pts: readonly Pt[], s?: Spread): Array<{ index: number; distance: number; spread: number }> {
  if (pts.length < 4) return [];
  s ??= spreadOf(pts);
  const out: Array<{ index: number; distance: number; spread: number }> = [];
  s.distances.forEach((d, i) => {
    if (d > OUTLIER_SPREADS * s.spread) out.push({ index: i, distance: d, spread: s.spread });
  });
  return out;
}

/**
 * Splits the cyclic stake sequence at jumps: steps longer than JUMP_STEPS times the median
 * step, and — when `strict` — also longer than JUMP_SPREADS times the typical spread. With
 * fewer than two jumps the sequence is one run. Returns runs of indices into `pts`, in
 * sequence order.
 */
export function splitAtJumps(pts: readonly Pt[], strict = true): number[][] {
  const n = pts.length;
  if (n < 4) return [mapPacked(pts, (_, i) => i)];
  const { spread } = spreadOf(pts);
  const steps = mapPacked(pts, (p, i) => dist(p, pts[(i + 1) % n]!));
  const typical = median(steps);
  const jumps: number[] = []; // step i goes from i to i+1 (mod n)
  for (let i = 0; i < n; i++) {
    if (steps[i]! > JUMP_STEPS * typical && (!strict || steps[i]! > JUMP_SPREADS * spread)) jumps.push(i);
  }
  if (jumps.length < 2) return [mapPacked(pts, (_, i) => i)];
  const runs: number[][] = [];
  for (let k = 0; k < jumps.length; k++) {
    const from = (jumps[k]! + 1) % n;
    const to = jumps[(k + 1) % jumps.length]!;
    const run: number[] = [];
    for (let i = from; ; i = (i + 1) % n) {
      run.push(i);
      if (i === to) break;
    }
    runs.push(run);
  }
  // In sequence order: the run holding the first stake first.
  const sorted = mapPacked(runs, (r) => [...r].sort((a, b) => a - b));
  return sorted.sort((a, b) => a[0]! - b[0]!);
}

/** Rings (runs of 3+ stakes) and isolated stakes of a split, and the total area of the rings. */
function partsOf(pts: readonly Pt[], runs: number[][]): { rings: number[][]; excluded: number[]; area: number } {
  const rings: number[][] = [];
  const excluded: number[] = [];
  for (const run of runs) {
    if (run.length < 3) excluded.push(...run);
    else rings.push(run);
  }
  return { rings, excluded, area: rings.reduce((a, r) => a + shoelace(mapPacked(r, (i) => pts[i]!)), 0) };
}

function ringOf(pts: readonly Pt[], crossings: number): Omit<SluiceRing, 'pointRefs'> {
  return {
    fromSeq: pts[0]!.seq,
    toSeq: pts[pts.length - 1]!.seq,
    points: pts.length,
    area: round2(shoelace(pts)),
    perimeter: round2(perimeter(pts)),
    selfIntersections: crossings,
  };
}

/** Two bank runs of a ring (indices into pts): all 左岸 then all 右岸 (or the reverse), each of 2+ stakes. */
function twoBankRuns(pts: readonly Pt[], ring: readonly number[]): [number[], number[]] | null {
  if (ring.some((i) => pts[i]!.bank === null)) return null;
  let switches = 0;
  for (let k = 1; k < ring.length; k++) if (pts[ring[k]!]!.bank !== pts[ring[k - 1]!]!.bank) switches++;
  if (switches !== 1) return null;
  const bank0 = pts[ring[0]!]!.bank;
  const first = ring.filter((i) => pts[i]!.bank === bank0);
  const second = ring.filter((i) => pts[i]!.bank !== bank0);
  if (first.length < 2 || second.length < 2) return null;
  return [first, second];
}

export interface GeometryResult {
  /** The geometry of the record, without the ratios to the stated figures and without the rings' pointRefs. */
  geometry: Omit<SluiceGeometry, 'areaRatio' | 'perimeterRatio' | 'rings'> & { rings: Array<Omit<SluiceRing, 'pointRefs'>> };
  /**
   * Each ring of `geometry.rings` as indices into the input, in boundary order (closed from
   * the last back to the first); for `lines`, the first bank in order, then the other reversed.
   */
  rings: number[][];
  /** Indices (into the input) of stakes left out as isolated. */
  excluded: number[];
  /** Crossing edges, as pairs of stake 序号 that start them. */
  crossings: Array<{ a: [number, number]; b: [number, number] }>;
}

/**
 * Geometry of a sluice from its stakes in order (stakes without coordinates left out by the
 * caller). Splitting into parcels: with a stated total area, the reading (one ring, or rings
 * split at long jumps) whose area is closer to it wins; without one, only jumps that are
 * also far beyond the sluice's spread split the sequence.
 */
export function computeGeometry(pts: readonly Pt[], statedArea: number | null = null): GeometryResult {
  const empty: GeometryResult = {
    geometry: { boundary: 'none', rings: [], excludedSeqs: [], area: null, perimeter: null, selfIntersections: 0 },
    rings: [],
    excluded: [],
    crossings: [],
  };
  if (pts.length < 3) return empty;
  const polygon = (ring: readonly number[]): Pt[] => mapPacked(ring, (i) => pts[i]!);
  let parts = partsOf(pts, splitAtJumps(pts, statedArea === null));
  if (statedArea !== null && parts.rings.length > 0) {
    const whole = partsOf(pts, [mapPacked(pts, (_, i) => i)]);
    const dw = Math.abs(whole.area - statedArea);
    const ds = Math.abs(parts.area - statedArea);
    const crossings = (p: { rings: number[][] }): number => p.rings.reduce((a, r) => a + selfIntersections(polygon(r)).length, 0);
    // Equally close (within 0.01 m²): the reading whose polygons do not cross themselves.
    if (dw < ds - 0.01 || (Math.abs(dw - ds) <= 0.01 && crossings(whole) <= crossings(parts))) parts = whole;
  }
  const { excluded } = parts;
  const rings = parts.rings.slice();
  if (rings.length === 0) return { ...empty, excluded };
  let boundary: 'ring' | 'lines' = 'ring';
  const polygons = mapPacked(rings, polygon);
  let inter = mapPacked(polygons, selfIntersections);
  if (rings.length === 1 && inter[0]!.length > 0) {
    const banks = twoBankRuns(pts, rings[0]!);
    if (banks) {
      const alt = [...banks[0], ...[...banks[1]].reverse()];
      const altInter = selfIntersections(polygon(alt));
      if (altInter.length === 0) {
        boundary = 'lines';
        rings[0] = alt;
        polygons[0] = polygon(alt);
        inter = [altInter];
      }
    }
  }
  const crossings: GeometryResult['crossings'] = [];
  polygons.forEach((poly, k) => {
    const n = poly.length;
    for (const [i, j] of inter[k]!) {
      crossings.push({ a: [poly[i]!.seq, poly[(i + 1) % n]!.seq], b: [poly[j]!.seq, poly[(j + 1) % n]!.seq] });
    }
  });
  const records = mapPacked(polygons, (p, i) => ringOf(p, inter[i]!.length));
  return {
    geometry: {
      boundary,
      rings: records,
      excludedSeqs: mapPacked(excluded, (i) => pts[i]!.seq),
      area: round2(polygons.reduce((s, p) => s + shoelace(p), 0)),
      perimeter: round2(polygons.reduce((s, p) => s + perimeter(p), 0)),
      selfIntersections: records.reduce((s, r) => s + r.selfIntersections, 0),
    },
    rings,
    excluded,
    crossings,
  };
}
