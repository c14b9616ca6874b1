/**
 * Sluices: the summary table (one row per sluice: banks, lengths, areas) and the boundary
 * sections (`(n) 名称` + a table of stakes with Y/X) of any document, joined by name and
 * checked. Steps:
 *
 * 1. Read (read.ts): tables whose header has a name column and shoreline/area columns are
 *    summary tables; tables with a stake column and Y and X columns are stake tables, each
 *    owned by the heading line above it. Column meaning comes from header text only.
 * 2. Join, per document: a summary row and a section with the same name key (spacing,
 *    punctuation, brackets ignored) first; then, for those left, the same key once the kind
 *    of structure at the end (泵闸 / 水闸 / 涵闸 / 闸 …) is dropped; last, a heading that
 *    starts with the row's name and goes on (`北河泵闸界址点坐标表`). One-to-one, never by position.
 * 3. Check (check.ts) and build the records.
 */
import type { Result } from '../../model/result.js';
import type { Sluice, SluicePoint, BankMeasures } from '../../model/sluice.js';
import { checkSluices, newChecks, sluiceName, type SluiceDraft } from './check.js';
import type { Grid } from './grid.js';
import { baseKey, nameKey } from './names.js';
import { readSluiceTables, type Figure, type SectionDraft, type SummaryDraft } from './read.js';

export { gridsFromTables, gridsFromFragments, type Grid } from './grid.js';

export interface SluiceData {
  sluices: Sluice[];
  points: SluicePoint[];
}

/** Above this many (row, section) pairs left over, the prefix pass of the join is skipped. */
const MAX_PREFIX_PAIRS = 100_000;

/** Joins summary rows and sections of each document by tolerant name match. */
export function joinSluices(summary: readonly SummaryDraft[], sections: readonly SectionDraft[]): SluiceDraft[] {
  const draft = (group: string | null, s: SummaryDraft | null, t: SectionDraft | null, joinedBy: SluiceDraft['joinedBy']): SluiceDraft => ({
    summary: s, section: t, joinedBy, group, geometry: null, checks: newChecks(), codes: new Set(),
  });
  const out: SluiceDraft[] = [];
  // Group by document, keeping the order of first appearance (linear: maps, no scans).
  const byDoc = new Map<string | null, { rows: SummaryDraft[]; secs: SectionDraft[] }>();
  const group = (id: string | null) => {
    let g = byDoc.get(id);
    if (!g) byDoc.set(id, (g = { rows: [], secs: [] }));
    return g;
  };
  for (const s of summary) group(s.documentId).rows.push(s);
  // Sections in a document without a summary table belong with the summary table of the
  // document before them that has no sections (the structure reader may have split a
  // document and its attachments).
  const docsWithRows = new Set(summary.map((s) => s.documentId));
  const docsWithSecs = new Set(sections.map((t) => t.documentId));
  let lastRowsOnly: string | null | undefined;
  let lastLine = 0;
  const events = [...summary.map((s) => ({ line: s.line, doc: s.documentId, row: true })), ...sections.map((t) => ({ line: t.line, doc: t.documentId, row: false }))]
    .sort((a, b) => a.line - b.line);
  const home = new Map<string | null, string | null>();
  for (const e of events) {
    if (e.line < lastLine) continue;
    lastLine = e.line;
    if (e.row && !docsWithSecs.has(e.doc)) lastRowsOnly = e.doc;
    if (!e.row && !docsWithRows.has(e.doc) && lastRowsOnly !== undefined && !home.has(e.doc)) home.set(e.doc, lastRowsOnly);
  }
  for (const t of sections) group(home.has(t.documentId) ? home.get(t.documentId)! : t.documentId).secs.push(t);
  for (const [doc, { rows, secs }] of byDoc) {
    const match = new Map<SummaryDraft, { t: SectionDraft; by: 'name' | 'base' }>();
    const taken = new Set<SectionDraft>();
    for (const [by, key] of [['name', nameKey], ['base', baseKey]] as const) {
      // Sections by key, in text order; each row takes the first one not yet taken.
      const index = new Map<string, SectionDraft[]>();
      for (const t of secs) {
        if (taken.has(t) || t.name === '') continue;
        const k = key(t.name);
        const list = index.get(k);
        if (list) list.push(t);
        else index.set(k, [t]);
      }
      for (const s of rows) {
        if (match.has(s)) continue;
        const list = index.get(key(s.name));
        const t = list?.shift();
        if (t) {
          match.set(s, { t, by });
          taken.add(t);
        }
      }
    }
    // Last: a heading that starts with the row's name and goes on (名称 + 界址点坐标表 …).
    // Pairwise, so only for a bounded number of leftovers.
    const leftRows = rows.filter((s) => !match.has(s));
    const leftSecs = secs.filter((t) => !taken.has(t) && t.name !== '').map((t) => ({ t, k: nameKey(t.name) }));
    if (leftRows.length * leftSecs.length <= MAX_PREFIX_PAIRS) {
      for (const s of leftRows) {
        const k = nameKey(s.name);
        if (k.length < 2) continue;
        const hit = leftSecs.find((x) => !taken.has(x.t) && x.k.startsWith(k));
        if (hit) {
          match.set(s, { t: hit.t, by: 'name' });
          taken.add(hit.t);
        }
      }
    }
    for (const s of rows) {
      const m = match.get(s);
      out.push(draft(doc, s, m?.t ?? null, m?.by ?? null));
    }
    for (const t of secs) if (!taken.has(t)) out.push(draft(doc, null, t, null));
  }
  return out;
}

const value = (f: Figure | null): number | null => (f ? f.value : null);
const bank = (b: { shorelineLength: Figure | null; landArea: Figure | null }): BankMeasures => ({
  shorelineLength: value(b.shorelineLength),
  landArea: value(b.landArea),
});

function toRecord(d: SluiceDraft): Sluice {
  const s = d.summary;
  const t = d.section;
  const g = d.geometry?.geometry ?? { boundary: 'none' as const, rings: [], excludedSeqs: [], area: null, perimeter: null, selfIntersections: 0 };
  const ratio = (a: number | null, b: number | null): number | null => (a !== null && b ? Math.round((a / b) * 10000) / 10000 : null);
  return {
    index: s?.index ?? null,
    name: sluiceName(d),
    grade: s?.grade ?? null,
    banks: s ? { left: bank(s.banks.left), right: bank(s.banks.right) } : { left: { shorelineLength: null, landArea: null }, right: { shorelineLength: null, landArea: null } },
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
      areaRatio: ratio(g.area, value(s?.totalArea ?? null)),
      perimeterRatio: ratio(g.perimeter, value(s?.boundaryLength ?? null)),
    },
    checks: d.checks,
    anomalies: [...d.codes].sort(),
  };
}

/** Sluice records and stake records of an issue from its tables (as grids). */
export function extractSluices(grids: readonly Grid[], lines: readonly string[]): Result<SluiceData> {
  const read = readSluiceTables(grids, lines);
  if (read.summary.length === 0 && read.sections.length === 0) return { value: { sluices: [], points: [] }, anomalies: read.anomalies };
  const drafts = joinSluices(read.summary, read.sections);
  const anomalies = [...read.anomalies, ...checkSluices(drafts, read.totals, lines)];
  const sluices = drafts.map(toRecord);
  const points: SluicePoint[] = [];
  for (const d of drafts) {
    const t = d.section;
    if (!t) continue;
    for (const p of t.points) {
      points.push({
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
      });
    }
  }
  points.sort((a, b) => a.line - b.line);
  return { value: { sluices, points }, anomalies };
}
