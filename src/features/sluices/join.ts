/**
 * Joining, per document: a summary row and a section with the same name key (spacing,
 * punctuation, brackets ignored) first; then, for those left, the same key once the kind
 * of structure at the end (泵闸 / 水闸 / 涵闸 / 闸 …) is dropped; last, a heading that starts
 * with the row's name and goes on (`北河泵闸界址点坐标表`). One-to-one, never by position.
 */
import { newDraft, type SluiceDraft } from './draft.js';
import { baseKey, nameKey } from './names.js';
import type { SectionDraft, SummaryDraft } from './read.js';

/** Above this many (row, section) pairs left over, the prefix pass of the join is skipped. */
const MAX_PREFIX_PAIRS = 100_000;

interface Group {
  rows: SummaryDraft[];
  secs: SectionDraft[];
}

/**
 * Summary rows and sections by document, in the order of first appearance (linear: maps,
 * no scans). Sections in a document without a summary table belong with the summary table
 * of the document before them that has no sections (the structure reader may have split a
 * document and its attachments).
 */
function groupByDocument(summary: readonly SummaryDraft[], sections: readonly SectionDraft[]): Map<string | null, Group> {
  const byDoc = new Map<string | null, Group>();
  const group = (id: string | null): Group => {
    let g = byDoc.get(id);
    if (!g) byDoc.set(id, (g = { rows: [], secs: [] }));
    return g;
  };
  for (const s of summary) group(s.documentId).rows.push(s);
  const docsWithRows = new Set(summary.map((s) => s.documentId));
  const docsWithSecs = new Set(sections.map((t) => t.documentId));
  let lastRowsOnly: string | null | undefined;
  let lastLine = 0;
  const events = [
    ...summary.map((s) => ({ line: s.line, doc: s.documentId, row: true })),
    ...sections.map((t) => ({ line: t.line, doc: t.documentId, row: false })),
  ].sort((a, b) => a.line - b.line);
  const home = new Map<string | null, string | null>();
  for (const e of events) {
    if (e.line < lastLine) continue;
    lastLine = e.line;
    if (e.row && !docsWithSecs.has(e.doc)) lastRowsOnly = e.doc;
    if (!e.row && !docsWithRows.has(e.doc) && lastRowsOnly !== undefined && !home.has(e.doc)) home.set(e.doc, lastRowsOnly);
  }
  for (const t of sections) group(home.has(t.documentId) ? home.get(t.documentId)! : t.documentId).secs.push(t);
  return byDoc;
}

type Match = Map<SummaryDraft, { t: SectionDraft; by: 'name' | 'base' }>;

/** The matches of one group: by the strict key, then the loose key, then by prefix. */
function matchGroup({ rows, secs }: Group): { match: Match; taken: Set<SectionDraft> } {
  const match: Match = new Map();
  const taken = new Set<SectionDraft>();
  for (const [by, key] of [
    ['name', nameKey],
    ['base', baseKey],
  ] as const) {
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
      const t = index.get(key(s.name))?.shift();
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
  return { match, taken };
}

/** Joins summary rows and sections of each document by tolerant name match. */
export function joinSluices(summary: readonly SummaryDraft[], sections: readonly SectionDraft[]): SluiceDraft[] {
  const out: SluiceDraft[] = [];
  for (const [doc, g] of groupByDocument(summary, sections)) {
    const { match, taken } = matchGroup(g);
    for (const s of g.rows) {
      const m = match.get(s);
      out.push(newDraft(doc, s, m?.t ?? null, m?.by ?? null));
    }
    for (const t of g.secs) if (!taken.has(t)) out.push(newDraft(doc, null, t, null));
  }
  return out;
}
