/**
 * Cross-checks of sluice data: summary vs sections (join, names, order), stake numbering,
 * duplicate and outlying coordinates, the summary's arithmetic, and the polygon through the
 * stakes vs the stated area and boundary length. Each check returns its anomalies and marks
 * the sluices it concerns (check results, anomaly codes); tolerances are constants
 * documented here and in the README.
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { SluiceChecks } from '../../model/sluice.js';
import { append, ok, type Result } from '../../model/result.js';
import { anomaly, type Code } from '../../model/catalogue.js';
import { longestNonDecreasing } from '../../core/sequence.js';
import type { Figure, PointDraft, SummaryDraft, TotalsDraft } from './read.js';
import { computeGeometry, outliers, spreadOf } from './geometry.js';
import { AREA_TOLERANCE, LENGTH_TOLERANCE, beyond } from '../../core/geometry.js';
import { pointsOf, sluiceName, type SluiceDraft } from './draft.js';
import { stakeLabel } from './names.js';
import { tally } from '../../model/work.js';
import { Lines } from '../../model/lines.js';
import { isTrimmedSpace } from '../../read/text.js';

const NO_LINES = Lines.of([]);

// Polygon area vs stated total area, perimeter vs stated boundary line length: the
// tolerances shared with the parcels (src/core/geometry.ts).
export { AREA_TOLERANCE, LENGTH_TOLERANCE };

const CHECK_OF: Partial<Record<Code, keyof SluiceChecks>> = {
  SLUICE_SECTION_MISSING: 'join',
  SLUICE_SECTION_UNLISTED: 'join',
  SLUICE_NAME_MISMATCH: 'name',
  SLUICE_ORDER_MISMATCH: 'order',
  SLUICE_SEQ_GAP: 'stakes',
  SLUICE_STAKE_NUMBER_MISMATCH: 'stakes',
  SLUICE_STAKE_DUPLICATE: 'stakes',
  SLUICE_DUPLICATE_POINT: 'duplicates',
  SLUICE_SHARED_POINT: 'duplicates',
  SLUICE_POINT_OUTLIER: 'outliers',
  SLUICE_SHORELINE_SUM: 'shorelineSum',
  SLUICE_AREA_SUM: 'areaSum',
  SLUICE_AREA_MISMATCH: 'area',
  SLUICE_LENGTH_MISMATCH: 'boundaryLength',
  SLUICE_SELF_INTERSECTION: 'selfIntersections',
};

const docOf = (d: SluiceDraft): { documentId?: string } => {
  const id = d.summary?.documentId ?? d.section?.documentId ?? null;
  return id ? { documentId: id } : {};
};

/** The anomaly of a sluice; marks the sluice (its codes, the check that failed). */
function raise(
  d: SluiceDraft,
  code: Code,
  input: { message: string; line: number; column?: number; endLine?: number; evidence: string },
): Anomaly {
  d.codes.add(code);
  const key = CHECK_OF[code];
  if (key) d.checks[key] = 'fail';
  return anomaly(code, { ...input, ...docOf(d) });
}

const fmt = (v: number, decimals = 1): string => v.toFixed(decimals);

/** Does the line start with `|` after spaces (a table row)? Looked at in place, not trimmed into a new string. */
function startsWithPipe(l: string): boolean {
  let i = 0;
  while (i < l.length && isTrimmedSpace(l.charCodeAt(i))) i++;
  return l.charCodeAt(i) === 124;
}

/** Up to this many names, each is looked for in the whole text; more, by their first character. */
const FEW_NAMES = 16;

/**
 * How often each name occurs in the running text (lines outside tables and headings),
 * occurrences of one name not overlapping. Up to FEW_NAMES names, each is looked for in the
 * whole text by native searches, and only the lines of its hits are looked at; more, in one
 * pass over the lines by their first characters.
 */
export function countInText(lines: Lines, names: readonly string[], skip: ReadonlySet<number>): Map<string, number> {
  const counts = new Map<string, number>();
  const distinct = [...new Set(names)].filter((n) => n !== '');
  for (const n of distinct) counts.set(n, 0);
  if (distinct.length === 0) return counts;
  const running = (i: number): boolean => !skip.has(i + 1) && !startsWithPipe(lines.get(i)!);
  if (distinct.length <= FEW_NAMES) {
    // (a name holding a line break stands on no line)
    for (const n of distinct) if (n.indexOf('\n') < 0) counts.set(n, countHits(lines, n, running));
    tally('countInText', lines.text.length * distinct.length + lines.length);
    return counts;
  }
  const byFirst = new Map<string, string[]>();
  for (const n of distinct) {
    const list = byFirst.get(n[0]!);
    if (list) list.push(n);
    else byFirst.set(n[0]!, [n]);
  }
  const next = new Map<string, number>();
  let steps = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!running(i)) continue;
    const l = lines.get(i)!;
    next.clear();
    for (let at = 0; at < l.length; at++) {
      const list = byFirst.get(l[at]!);
      if (list === undefined) continue;
      steps += list.length;
      for (const n of list) {
        if (at < (next.get(n) ?? 0) || !l.startsWith(n, at)) continue;
        counts.set(n, counts.get(n)! + 1);
        next.set(n, at + n.length);
      }
    }
    steps += l.length;
  }
  tally('countInText', steps + lines.length);
  return counts;
}

/**
 * The occurrences of `n` (no line break in it) in the lines that are `running`, none
 * overlapping: searched in the whole text, as a search line by line would find them (a hit
 * ends on its own line, so the next search never starts past a line's first hit).
 */
function countHits(lines: Lines, n: string, running: (i: number) => boolean): number {
  const { text, starts } = lines;
  let count = 0;
  let line = 0;
  for (let at = text.indexOf(n); at >= 0;) {
    // the line of the hit: hits come in text order, so the line only moves forward
    while (starts[line + 1]! <= at) line++;
    if (running(line)) {
      count++;
      at = text.indexOf(n, at + n.length);
    } else at = text.indexOf(n, starts[line + 1]!);
  }
  return count;
}

/** The summary's and the section's names of every sluice whose two names differ. */
function mismatchedNames(drafts: readonly SluiceDraft[]): string[] {
  const names: string[] = [];
  for (const d of drafts) if (d.summary && d.section && d.joinedBy === 'base') names.push(d.summary.name, d.section.name);
  return names;
}

/** Join problems: a row without section, a section without row, a name that differs. */
export function checkJoin(drafts: readonly SluiceDraft[], lines: Lines = NO_LINES): Anomaly[] {
  const out: Anomaly[] = [];
  const headings = new Set(drafts.map((d) => d.section?.line).filter((l): l is number => l !== undefined));
  const counts = countInText(lines, mismatchedNames(drafts), headings);
  const groupsWithSections = new Set(drafts.filter((d) => d.section).map((d) => d.group));
  const groupsWithSummary = new Set(drafts.filter((d) => d.summary).map((d) => d.group));
  for (const d of drafts) {
    const s = d.summary;
    const t = d.section;
    if (s && !t) {
      if (groupsWithSections.has(d.group)) {
        out.push(
          raise(d, 'SLUICE_SECTION_MISSING', {
            message: `${s.name} (row ${s.index ?? s.position + 1} of the summary) has no boundary section with stakes`,
            line: s.line,
            evidence: s.evidence,
          }),
        );
      } else d.checks.join = 'skipped';
      d.checks.name = 'skipped';
      d.checks.order = 'skipped';
    } else if (t && !s) {
      if (t.name === '') {
        // Already reported as SLUICE_SECTION_HEADING_MISSING when read.
        d.codes.add('SLUICE_SECTION_HEADING_MISSING');
        d.checks.join = 'fail';
      } else if (groupsWithSummary.has(d.group)) {
        out.push(
          raise(d, 'SLUICE_SECTION_UNLISTED', {
            message: `section ${t.number !== null ? `(${t.number}) ` : ''}${t.name} has no row in the summary table`,
            line: t.line,
            evidence: t.nameRaw,
          }),
        );
      } else d.checks.join = 'skipped';
      d.checks.name = 'skipped';
      d.checks.order = 'skipped';
    } else if (s && t && d.joinedBy === 'base') {
      const a = counts.get(s.name) ?? 0;
      const b = counts.get(t.name) ?? 0;
      const text = a + b > 0 ? `; the text elsewhere writes ${s.name} ${a}×, ${t.name} ${b}×` : '';
      out.push(
        raise(d, 'SLUICE_NAME_MISMATCH', {
          message: `section ${t.number !== null ? `(${t.number}) ` : ''}"${t.name}" is "${s.name}" in the summary table (line ${s.line})${text}`,
          line: t.line,
          evidence: t.nameRaw,
        }),
      );
    }
  }
  return out;
}

/**
 * Order: a numbered section whose number differs from the 序号 of its summary row; for
 * unnumbered sections, those outside the longest run that follows the summary order.
 */
export function checkOrder(drafts: readonly SluiceDraft[]): Anomaly[] {
  const out: Anomaly[] = [];
  const joined = drafts.filter((d) => d.summary && d.section);
  const byDoc = new Map<string | null, SluiceDraft[]>();
  for (const d of joined) {
    const k = d.group;
    if (!byDoc.has(k)) byDoc.set(k, []);
    byDoc.get(k)!.push(d);
  }
  for (const group of byDoc.values()) {
    const inText = [...group].sort((a, b) => a.section!.line - b.section!.line);
    const numbered = inText.every((d) => d.section!.number !== null && d.summary!.index !== null);
    if (numbered) {
      for (const d of inText) {
        const t = d.section!;
        const s = d.summary!;
        if (t.number !== s.index) {
          out.push(
            raise(d, 'SLUICE_ORDER_MISMATCH', {
              message: `section (${t.number}) ${t.name} is row ${s.index} of the summary table (${s.name}, line ${s.line})`,
              line: t.line,
              evidence: t.nameRaw,
            }),
          );
        }
      }
      continue;
    }
    // Summary rows stand on distinct lines: non-decreasing is increasing here.
    const keep = longestNonDecreasing(inText.map((d) => d.summary!.line));
    inText.forEach((d, i) => {
      if (keep.has(i)) return;
      const t = d.section!;
      const s = d.summary!;
      out.push(
        raise(d, 'SLUICE_ORDER_MISMATCH', {
          message: `section ${t.name} stands at place ${i + 1} of the joined sections but ${s.name} is row ${s.position + 1} of the summary table (line ${s.line})`,
          line: t.line,
          evidence: t.nameRaw,
        }),
      );
    });
  }
  return out;
}

/** Stake numbering: 序号 continuous from 1, stake number = 序号, no stake twice. */
export function checkStakes(d: SluiceDraft): Anomaly[] {
  const out: Anomaly[] = [];
  const t = d.section;
  if (!t) {
    d.checks.stakes = 'skipped';
    return out;
  }
  const name = sluiceName(d);
  let expected = 1;
  const seen = new Map<string, PointDraft>();
  for (const p of t.points) {
    if (p.seq !== null) {
      if (p.seq !== expected) {
        out.push(
          raise(d, 'SLUICE_SEQ_GAP', {
            message: `${name}: 序号 ${p.seq} where ${expected} was expected${p.seq > expected ? ` (${p.seq - expected} missing)` : ''}`,
            line: p.line,
            evidence: p.evidence,
          }),
        );
      }
      expected = p.seq + 1;
      if (p.stakeNumber !== null && p.stakeNumber !== p.seq) {
        out.push(
          raise(d, 'SLUICE_STAKE_NUMBER_MISMATCH', {
            message: `${name}: stake ${p.stake} stands in row 序号 ${p.seq}`,
            line: p.line,
            column: p.column,
            evidence: p.evidence,
          }),
        );
      }
    } else expected++;
    const key = p.stake.replace(/\s+/g, '').toUpperCase();
    if (key === '') continue;
    const first = seen.get(key);
    if (first) {
      out.push(
        raise(d, 'SLUICE_STAKE_DUPLICATE', {
          message: `${name}: stake ${p.stake} appears twice (also line ${first.line})`,
          line: p.line,
          column: p.column,
          evidence: p.evidence,
        }),
      );
    } else seen.set(key, p);
  }
  return out;
}

const coordKey = (p: PointDraft): string => `${p.y},${p.x}`;

/** The same coordinate pair twice within a sluice, or in two different sluices. */
export function checkDuplicates(drafts: readonly SluiceDraft[]): Anomaly[] {
  const out: Anomaly[] = [];
  const global = new Map<string, { d: SluiceDraft; p: PointDraft }>();
  for (const d of drafts) {
    if (!d.section) {
      d.checks.duplicates = 'skipped';
      continue;
    }
    const local = new Map<string, PointDraft>();
    const name = sluiceName(d);
    for (const p of d.section.points) {
      if (p.y === null || p.x === null) continue;
      const k = coordKey(p);
      const first = local.get(k);
      if (first) {
        out.push(
          raise(d, 'SLUICE_DUPLICATE_POINT', {
            message: `${name}: ${stakeLabel(p)} has the same coordinates as ${stakeLabel(first)} (line ${first.line}): Y ${p.y}, X ${p.x}`,
            line: p.line,
            column: p.column,
            evidence: p.evidence,
          }),
        );
        continue;
      }
      local.set(k, p);
      const other = global.get(k);
      if (other && other.d !== d) {
        out.push(
          raise(d, 'SLUICE_SHARED_POINT', {
            message: `${name}: ${stakeLabel(p)} has the same coordinates as ${sluiceName(other.d)} ${stakeLabel(other.p)} (line ${other.p.line}): Y ${p.y}, X ${p.x}`,
            line: p.line,
            column: p.column,
            evidence: p.evidence,
          }),
        );
        other.d.codes.add('SLUICE_SHARED_POINT');
        other.d.checks.duplicates = 'fail';
      } else if (!other) global.set(k, { d, p });
    }
  }
  return out;
}

/** Outliers (far from the median point) and isolated stakes left out of the polygon. */
export function checkOutliers(d: SluiceDraft): Anomaly[] {
  const out: Anomaly[] = [];
  const t = d.section;
  if (!t) {
    d.checks.outliers = 'skipped';
    return out;
  }
  const { pts, drafts } = pointsOf(t);
  if (pts.length < 4) {
    d.checks.outliers = 'skipped';
    return out;
  }
  const name = sluiceName(d);
  const s = spreadOf(pts);
  const far = new Map(outliers(pts, s).map((o) => [o.index, o]));
  const excluded = new Set(d.geometry?.excluded ?? []);
  const { spread, distances } = s;
  drafts.forEach((p, i) => {
    const o = far.get(i);
    if (!o && !excluded.has(i)) return;
    const dist = distances[i]!;
    const note = excluded.has(i) ? '; left out of the polygon (the stake sequence jumps to it and back)' : '';
    out.push(
      raise(d, 'SLUICE_POINT_OUTLIER', {
        message: `${name}: ${stakeLabel(p)} lies ${fmt(dist)} m from the median point of the ${pts.length} stakes, whose typical distance is ${fmt(spread)} m (${fmt(dist / spread)}×)${note}`,
        line: p.line,
        column: p.column,
        evidence: p.evidence,
      }),
    );
  });
  return out;
}

/** Half a unit of the last written decimal of each term and of the total, summed. */
function roundingTolerance(figs: readonly Figure[]): number {
  return figs.reduce((s, f) => s + 0.5 * 10 ** -f.decimals, 0) + 1e-9;
}

/** Left + right shoreline = total; land areas + water area = total area. */
export function checkArithmetic(d: SluiceDraft): Anomaly[] {
  const out: Anomaly[] = [];
  const s = d.summary;
  if (!s) return out;
  const l = s.banks.left;
  const r = s.banks.right;
  if (l.shorelineLength && r.shorelineLength && s.totalShorelineLength) {
    const figs = [l.shorelineLength, r.shorelineLength, s.totalShorelineLength];
    const sum = l.shorelineLength.value + r.shorelineLength.value;
    const diff = sum - s.totalShorelineLength.value;
    const tol = roundingTolerance(figs);
    const dec = Math.max(...figs.map((f) => f.decimals));
    if (Math.abs(diff) > tol) {
      out.push(
        raise(d, 'SLUICE_SHORELINE_SUM', {
          message: `${s.name}: 左岸 ${fmt(l.shorelineLength.value, dec)} + 右岸 ${fmt(r.shorelineLength.value, dec)} = ${fmt(sum, dec)} m, but 岸线总长度 is ${fmt(s.totalShorelineLength.value, dec)} m (off by ${fmt(Math.abs(diff), dec + 1)} m; rounding tolerance ${fmt(tol, dec + 2)} m)`,
          line: s.line,
          column: s.totalShorelineLength.cell.column,
          evidence: s.evidence,
        }),
      );
    } else d.checks.shorelineSum = 'ok';
  }
  const parts = [l.landArea, r.landArea, s.waterArea];
  if (s.totalArea && parts.some((p) => p !== null)) {
    const present = parts.filter((p): p is Figure => p !== null);
    const figs = [...present, s.totalArea];
    const sum = present.reduce((acc, f) => acc + f.value, 0);
    const diff = sum - s.totalArea.value;
    const tol = roundingTolerance(figs);
    const dec = Math.max(...figs.map((f) => f.decimals));
    const terms = [
      ['左岸陆域', l.landArea],
      ['右岸陆域', r.landArea],
      ['水域', s.waterArea],
    ] as const;
    const expr = terms
      .filter(([, f]) => f)
      .map(([k, f]) => `${k} ${fmt(f!.value, dec)}`)
      .join(' + ');
    if (Math.abs(diff) > tol) {
      out.push(
        raise(d, 'SLUICE_AREA_SUM', {
          message: `${s.name}: ${expr} = ${fmt(sum, dec)} m², but 总面积 is ${fmt(s.totalArea.value, dec)} m² (off by ${fmt(Math.abs(diff), dec + 1)} m²; rounding tolerance ${fmt(tol, dec + 2)} m²)`,
          line: s.line,
          column: s.totalArea.cell.column,
          evidence: s.evidence,
        }),
      );
    } else d.checks.areaSum = 'ok';
  }
  return out;
}

/** For several rings: which ring alone matches the stated figure, as a clue for the reader. */
function alone(values: readonly number[], stated: number, tol: { relative: number; absolute: number }, unit: string): string {
  if (values.length < 2) return '';
  const i = values.findIndex((v) => !beyond(v, stated, tol));
  return i < 0 ? '' : `; ring ${i + 1} alone has ${fmt(values[i]!, 2)} ${unit}`;
}

/** The stake of a section with 序号 `seq`, if any. */
function stakeAt(t: NonNullable<SluiceDraft['section']>, seq: number): { line: number; column: number; evidence: string } | null {
  return t.points.find((p) => p.seq === seq) ?? null;
}

/**
 * SLUICE_MULTIPART where the editor looks: the first stake of the second ring, through the
 * last ring's last stake (the section heading's line in the message).
 */
function multipart(
  d: SluiceDraft,
  t: NonNullable<SluiceDraft['section']>,
  rings: ReadonlyArray<{ fromSeq: number; toSeq: number; area: number; perimeter: number }>,
  name: string,
): Anomaly {
  const from = stakeAt(t, rings[1]!.fromSeq);
  const to = stakeAt(t, rings[rings.length - 1]!.toSeq);
  return raise(d, 'SLUICE_MULTIPART', {
    message: `${name}: the stakes form ${rings.length} separate rings: ${rings.map((r) => `序号 ${r.fromSeq}–${r.toSeq} (area ${fmt(r.area, 2)} m², perimeter ${fmt(r.perimeter, 2)} m)`).join('; ')}; the second ring begins at 序号 ${rings[1]!.fromSeq} (section heading: line ${t.line})`,
    line: from?.line ?? t.line,
    column: from?.column ?? 1,
    ...(to && from && to.line > from.line ? { endLine: to.line } : {}),
    evidence: from?.evidence ?? t.nameRaw,
  });
}

/** Polygon area and perimeter vs the stated figures; self-intersections; multi-part rings. */
export function checkGeometry(d: SluiceDraft): Anomaly[] {
  const out: Anomaly[] = [];
  const t = d.section;
  const g = d.geometry;
  if (!t || !g) return out;
  const name = sluiceName(d);
  const geo = g.geometry;
  if (geo.boundary === 'none') {
    out.push(
      raise(d, 'SLUICE_TOO_FEW_POINTS', {
        message: `${name}: ${pointsOf(t).pts.length} stakes with coordinates (3 or more needed for a polygon)`,
        line: t.line,
        evidence: t.nameRaw,
      }),
    );
    return out;
  }
  const ringText =
    geo.rings.length > 1 ? ` (${geo.rings.length} rings: 序号 ${geo.rings.map((r) => `${r.fromSeq}–${r.toSeq}`).join(', ')})` : '';
  if (geo.rings.length > 1) out.push(multipart(d, t, geo.rings, name));
  const s = d.summary;
  if (s?.totalArea && geo.area !== null) {
    if (beyond(geo.area, s.totalArea.value, AREA_TOLERANCE)) {
      out.push(
        raise(d, 'SLUICE_AREA_MISMATCH', {
          message: `${name}: the polygon through the stakes${ringText} has an area of ${fmt(geo.area, 2)} m², but 总面积 is ${fmt(s.totalArea.value, s.totalArea.decimals)} m² (ratio ${(geo.area / s.totalArea.value).toFixed(3)}; tolerance 1 % and 1 m²)${alone(
            geo.rings.map((r) => r.area),
            s.totalArea.value,
            AREA_TOLERANCE,
            'm²',
          )}`,
          line: s.line,
          column: s.totalArea.cell.column,
          evidence: s.evidence,
        }),
      );
    } else d.checks.area = 'ok';
  }
  if (s?.boundaryLength && geo.perimeter !== null) {
    if (beyond(geo.perimeter, s.boundaryLength.value, LENGTH_TOLERANCE)) {
      out.push(
        raise(d, 'SLUICE_LENGTH_MISMATCH', {
          message: `${name}: the polygon through the stakes${ringText} has a perimeter of ${fmt(geo.perimeter, 2)} m${geo.rings.length > 1 ? ` (${geo.rings.map((r) => fmt(r.perimeter, 2)).join(' + ')})` : ''}, but 界址线长 is ${fmt(s.boundaryLength.value, s.boundaryLength.decimals)} m (ratio ${(geo.perimeter / s.boundaryLength.value).toFixed(3)}; tolerance 1 % and 0.5 m)${alone(
            geo.rings.map((r) => r.perimeter),
            s.boundaryLength.value,
            LENGTH_TOLERANCE,
            'm',
          )}`,
          line: s.line,
          column: s.boundaryLength.cell.column,
          evidence: s.evidence,
        }),
      );
    } else d.checks.boundaryLength = 'ok';
  }
  if (geo.selfIntersections > 0) {
    const first = g.crossings
      .slice(0, 3)
      .map((c) => `${c.a[0]}–${c.a[1]} × ${c.b[0]}–${c.b[1]}`)
      .join(', ');
    // where the editor looks: the stake that starts the first crossing edge
    const at = g.crossings.length ? stakeAt(t, g.crossings[0]!.a[0]) : null;
    out.push(
      raise(d, 'SLUICE_SELF_INTERSECTION', {
        message: `${name}: the polygon through the stakes in order crosses itself ${geo.selfIntersections} time(s); edges (序号) ${first}${g.crossings.length > 3 ? ' …' : ''} (section heading: line ${t.line})`,
        line: at?.line ?? t.line,
        column: at?.column ?? 1,
        evidence: at?.evidence ?? t.nameRaw,
      }),
    );
  } else d.checks.selfIntersections = 'ok';
  return out;
}

/** A totals row (合计) of the summary table: each of its figures = the sum of the rows above. */
export function checkTotals(totals: readonly TotalsDraft[]): Anomaly[] {
  const out: Anomaly[] = [];
  const columns: Array<[string, (s: SummaryDraft) => Figure | null]> = [
    ['左岸 岸线长度', (s) => s.banks.left.shorelineLength],
    ['左岸 陆域面积', (s) => s.banks.left.landArea],
    ['右岸 岸线长度', (s) => s.banks.right.shorelineLength],
    ['右岸 陆域面积', (s) => s.banks.right.landArea],
    ['岸线总长度', (s) => s.totalShorelineLength],
    ['界址线长', (s) => s.boundaryLength],
    ['水域面积', (s) => s.waterArea],
    ['总面积', (s) => s.totalArea],
  ];
  for (const t of totals) {
    for (const [label, get] of columns) {
      const total = get(t.row);
      if (!total) continue;
      const terms = t.rows.map(get).filter((f): f is Figure => f !== null);
      if (terms.length === 0) continue;
      const sum = terms.reduce((a, f) => a + f.value, 0);
      const tol = roundingTolerance([...terms, total]);
      const dec = Math.max(...[...terms, total].map((f) => f.decimals));
      if (Math.abs(sum - total.value) > tol) {
        out.push(
          anomaly('SLUICE_TOTAL_SUM', {
            message: `${t.row.name}: ${label} of the ${terms.length} rows adds up to ${fmt(sum, dec)}, but the row gives ${fmt(total.value, dec)} (off by ${fmt(Math.abs(sum - total.value), dec + 1)}; rounding tolerance ${fmt(tol, dec + 2)})`,
            line: t.line,
            column: total.cell.column,
            evidence: t.evidence,
            ...(t.documentId ? { documentId: t.documentId } : {}),
          }),
        );
      }
    }
  }
  return out;
}

/**
 * Runs every check over the joined sluices (geometry first): the same drafts, filled in
 * (geometry, check results, codes), with the anomalies in the order of the checks.
 */
export function checkSluices(
  drafts: readonly SluiceDraft[],
  totals: readonly TotalsDraft[] = [],
  lines: Lines = NO_LINES,
): Result<readonly SluiceDraft[]> {
  const out = checkTotals(totals);
  for (const d of drafts) if (d.section) d.geometry = computeGeometry(pointsOf(d.section).pts, d.summary?.totalArea?.value ?? null);
  append(out, checkJoin(drafts, lines));
  append(out, checkOrder(drafts));
  for (const d of drafts) append(out, checkStakes(d));
  append(out, checkDuplicates(drafts));
  for (const d of drafts) {
    append(out, checkOutliers(d));
    append(out, checkArithmetic(d));
    append(out, checkGeometry(d));
  }
  return ok(drafts, out);
}
