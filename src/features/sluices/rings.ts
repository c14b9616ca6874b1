/**
 * A sluice's stakes and polygon rings from the links its records carry (each stake's
 * `sluiceRef`, each ring's `pointRefs`): what the GeoJSON and the plots draw, exactly as
 * the checks computed it, with no second geometry pass and no search by line.
 */
import type { Issue } from '../../model/issue.js';
import type { Sluice, SluicePoint } from '../../model/sluice.js';

/** A position [Y, X] = [east, north] in metres. */
export type Pos = [number, number];

const stakesBySluice = new WeakMap<Issue, Map<Sluice, SluicePoint[]>>();

/** The stakes of each sluice of an issue, grouped once (one pass over the stakes). */
function stakesOf(issue: Issue): Map<Sluice, SluicePoint[]> {
  let index = stakesBySluice.get(issue);
  if (!index) {
    index = new Map(issue.sluices.map((s) => [s, []]));
    for (const p of issue.points) index.get(issue.sluices[p.sluiceRef]!)?.push(p);
    stakesBySluice.set(issue, index);
  }
  return index;
}

/** The position of a sluice in issue.sluices: itself, else the record with its line (a copy). */
function positionOf(issue: Issue, s: Sluice): number {
  const i = issue.sluices.indexOf(s);
  return i >= 0 ? i : issue.sluices.findIndex((x) => x.line === s.line);
}

/** The stakes of a sluice, in text order. */
export function sluicePoints(issue: Issue, s: Sluice): SluicePoint[] {
  const index = stakesOf(issue);
  return index.get(s) ?? index.get(issue.sluices[positionOf(issue, s)]!) ?? [];
}

/**
 * The polygon rings of a sluice as the checks computed them: closed (first position
 * repeated last) and counter-clockwise in [east, north] (RFC 7946 right-hand rule).
 */
export function sluiceRings(issue: Issue, s: Sluice): Pos[][] {
  const rings: Pos[][] = [];
  for (const r of s.geometry.rings) {
    const ring: Pos[] = [];
    for (const i of r.pointRefs) {
      const p = issue.points[i];
      if (p && p.y !== null && p.x !== null) ring.push([p.y, p.x]);
    }
    if (ring.length === 0) continue;
    let area = 0;
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      area += (a[0] - ring[0]![0]) * (b[1] - ring[0]![1]) - (b[0] - ring[0]![0]) * (a[1] - ring[0]![1]);
    }
    if (area < 0) ring.reverse();
    rings.push([...ring, ring[0]!]);
  }
  return rings;
}
