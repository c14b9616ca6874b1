/**
 * The working record of the sluice steps: one sluice as joined (its summary row and/or
 * boundary section), then filled in by the checks (geometry, check results, anomaly codes)
 * before it becomes a `Sluice` record. Steps run one way: read → join → check → records.
 */
import type { SluiceChecks } from '../../model/sluice.js';
import type { GeometryResult, Pt } from './geometry.js';
import type { PointDraft, SectionDraft, SummaryDraft } from './read.js';

/** One sluice being checked: its summary row and/or section, and what the checks found. */
export interface SluiceDraft {
  summary: SummaryDraft | null;
  section: SectionDraft | null;
  /** How the two were joined: same key, or same key once the kind (泵闸/水闸 …) is dropped. */
  joinedBy: 'name' | 'base' | null;
  /** The join group: the document whose summary rows and sections were matched together. */
  group: string | null;
  geometry: GeometryResult | null;
  checks: SluiceChecks;
  codes: Set<string>;
}

/** Check results before any check ran: ok where a check can only fail, skipped where it needs data. */
export function newChecks(): SluiceChecks {
  return {
    join: 'ok',
    name: 'ok',
    order: 'ok',
    stakes: 'ok',
    duplicates: 'ok',
    outliers: 'ok',
    shorelineSum: 'skipped',
    areaSum: 'skipped',
    area: 'skipped',
    boundaryLength: 'skipped',
    selfIntersections: 'skipped',
  };
}

/** A fresh draft of a joined pair (either side may be missing). */
export function newDraft(
  group: string | null,
  summary: SummaryDraft | null,
  section: SectionDraft | null,
  joinedBy: SluiceDraft['joinedBy'],
): SluiceDraft {
  return { summary, section, joinedBy, group, geometry: null, checks: newChecks(), codes: new Set() };
}

/** The name of a sluice: its summary row's, else its section heading's. */
export const sluiceName = (d: SluiceDraft): string => d.summary?.name ?? d.section?.name ?? '';

/** Stakes with coordinates, as geometry points (序号 or position when 序号 is missing). */
export function pointsOf(t: SectionDraft): { pts: Pt[]; drafts: PointDraft[] } {
  const pts: Pt[] = [];
  const drafts: PointDraft[] = [];
  t.points.forEach((p, i) => {
    if (p.y === null || p.x === null) return;
    pts.push({ seq: p.seq ?? i + 1, y: p.y, x: p.x, bank: p.bank });
    drafts.push(p);
  });
  return { pts, drafts };
}
