/**
 * The last step: checked drafts become `Sluice` and `SluicePoint` records. Stakes are
 * listed in text order; each names its sluice by position in the sluice list
 * (`sluiceRef`), and each ring of a sluice lists its stakes by position in the stake list
 * (`pointRefs`), so writers never find them again by line or recompute the geometry.
 */
import type { Sluice, SluicePoint, BankMeasures } from '../../model/sluice.js';
import type { SluiceDraft } from './draft.js';
import { pointsOf, sluiceName } from './draft.js';
import type { Figure, PointDraft } from './read.js';
import { mapPacked } from '../../model/packed.js';

export interface SluiceData {
  sluices: Sluice[];
  points: SluicePoint[];
}

const value = (f: Figure | null): number | null => (f ? f.value : null);
const bank = (b: { shorelineLength: Figure | null; landArea: Figure | null }): BankMeasures => ({
  shorelineLength: value(b.shorelineLength),
  landArea: value(b.landArea),
});

/** The rings of a draft's geometry, each with its stakes as indexes into the stake records. */
function ringsOf(d: SluiceDraft, at: ReadonlyMap<PointDraft, number>): Sluice['geometry']['rings'] {
  if (!d.geometry || !d.section) return [];
  // The geometry's indexes are into the stakes with coordinates, in table order.
  const usable = pointsOf(d.section).drafts;
  const runs = d.geometry.rings;
  return mapPacked(d.geometry.geometry.rings, (r, k) => ({ ...r, pointRefs: mapPacked(runs[k]!, (i) => at.get(usable[i]!)!) }));
}

function toRecord(d: SluiceDraft, at: ReadonlyMap<PointDraft, number>): Sluice {
  const s = d.summary;
  const t = d.section;
  const g = d.geometry?.geometry ?? {
    boundary: 'none' as const,
    rings: [],
    excludedSeqs: [],
    area: null,
    perimeter: null,
    selfIntersections: 0,
  };
  const ratio = (a: number | null, b: number | null): number | null => (a !== null && b ? Math.round((a / b) * 10000) / 10000 : null);
  return {
    index: s?.index ?? null,
    name: sluiceName(d),
    grade: s?.grade ?? null,
    banks: s
      ? { left: bank(s.banks.left), right: bank(s.banks.right) }
      : { left: { shorelineLength: null, landArea: null }, right: { shorelineLength: null, landArea: null } },
    totalShorelineLength: value(s?.totalShorelineLength ?? null),
    boundaryLength: value(s?.boundaryLength ?? null),
    waterArea: value(s?.waterArea ?? null),
    totalArea: value(s?.totalArea ?? null),
    note: s?.note ?? null,
    line: s?.line ?? t!.line,
    summaryLine: s?.line ?? null,
    documentId: s?.documentId ?? t?.documentId ?? null,
    section: t ? { number: t.number, name: t.name, nameRaw: t.nameRaw, line: t.line, startLine: t.startLine, endLine: t.endLine } : null,
    pointCount: t?.points.length ?? 0,
    geometry: {
      ...g,
      rings: ringsOf(d, at),
      areaRatio: ratio(g.area, value(s?.totalArea ?? null)),
      perimeterRatio: ratio(g.perimeter, value(s?.boundaryLength ?? null)),
    },
    checks: d.checks,
    anomalies: [...d.codes].sort(),
  };
}

function pointRecord(d: SluiceDraft, p: PointDraft, sluiceRef: number): SluicePoint {
  const t = d.section!;
  return {
    sluice: sluiceName(d),
    sluiceIndex: d.summary?.index ?? null,
    section: t.number,
    sectionName: t.name,
    seq: p.seq,
    bank: p.bank,
    bankRaw: p.bankRaw,
    stake: p.stake,
    stakeNumber: p.stakeNumber,
    y: p.y,
    x: p.x,
    note: p.note,
    line: p.line,
    documentId: t.documentId,
    sluiceRef,
  };
}

/** Sluice records in draft order and stake records in text order, linked by position. */
export function toRecords(drafts: readonly SluiceDraft[]): SluiceData {
  const stakes: Array<{ p: PointDraft; ref: number }> = [];
  drafts.forEach((d, ref) => {
    for (const p of d.section?.points ?? []) stakes.push({ p, ref });
  });
  stakes.sort((a, b) => a.p.line - b.p.line);
  const at = new Map<PointDraft, number>();
  const points = stakes.map(({ p, ref }, i) => {
    at.set(p, i);
    return pointRecord(drafts[ref]!, p, ref);
  });
  return { sluices: drafts.map((d) => toRecord(d, at)), points };
}
