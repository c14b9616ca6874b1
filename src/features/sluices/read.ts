/**
 * Reading sluice data out of grids: summary rows (划定情况表) and boundary sections
 * (`(n) 名称` + stake table). Values are parsed here; nothing is checked yet except that
 * a figure is a number (SLUICE_VALUE_INVALID) and a bank is 左岸 / 右岸 (SLUICE_BANK_UNKNOWN).
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { Bank } from '../../model/sluice.js';
import { anomaly } from '../../model/catalogue.js';
import { append, ok, type Result } from '../../model/result.js';
import { toHalfWidth } from '../../read/text.js';
import { bankOf, stakeLayout, summaryLayout, type BankGroup, type StakeLayout, type SummaryLayout } from './columns.js';
import type { Grid, GridCell, GridRow } from './grid.js';
import { cleanName, readHeading } from './names.js';
import type { Lines } from '../../model/lines.js';
import { prevLine } from '../../core/official.js';

/** A parsed figure: value, the decimals it was written with, and its cell. */
export interface Figure {
  value: number;
  decimals: number;
  cell: GridCell;
}

export interface SummaryDraft {
  index: number | null;
  name: string;
  nameRaw: string;
  grade: string | null;
  banks: Record<Bank, { shorelineLength: Figure | null; landArea: Figure | null }>;
  totalShorelineLength: Figure | null;
  boundaryLength: Figure | null;
  waterArea: Figure | null;
  totalArea: Figure | null;
  note: string | null;
  line: number;
  evidence: string;
  documentId: string | null;
  /** Position among the summary rows of its document, 0-based. */
  position: number;
}

/** A totals row (合计 / 总计) of a summary table, with the rows it sums. */
export interface TotalsDraft {
  line: number;
  evidence: string;
  documentId: string | null;
  rows: SummaryDraft[];
  row: SummaryDraft;
}

export interface PointDraft {
  seq: number | null;
  bank: Bank | null;
  bankRaw: string | null;
  stake: string;
  stakeNumber: number | null;
  y: number | null;
  x: number | null;
  note: string | null;
  line: number;
  column: number;
  evidence: string;
}

export interface SectionDraft {
  number: number | null;
  name: string;
  nameRaw: string;
  line: number;
  startLine: number;
  endLine: number;
  documentId: string | null;
  points: PointDraft[];
  /** Position among the sections of its document, 0-based. */
  position: number;
}

/** The largest magnitude accepted as a figure. */
export const MAX_FIGURE = 1e9;

/** A figure once half-width, without spaces and commas, with an ASCII minus. */
const FIGURE = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** Parses a number as written in a table cell: sign, digits, decimals, thousands commas. */
export function parseFigure(text: string): { value: number; decimals: number } | null {
  let s = text;
  // (most cells are written plainly: then none of the rewriting below changes them)
  if (!FIGURE.test(s)) {
    s = toHalfWidth(text).replace(/\s+/g, '');
    if (s.startsWith('−')) s = '-' + s.slice(1);
    if (s.includes(',')) s = s.replace(/,/g, '');
    if (!FIGURE.test(s)) return null;
  }
  const dot = s.indexOf('.');
  const value = Number(s);
  // Beyond a million kilometres a figure is no length, area or coordinate (and keeps
  // every product of the geometry finite).
  if (!Number.isFinite(value) || Math.abs(value) > MAX_FIGURE) return null;
  return { value: Object.is(value, -0) ? 0 : value, decimals: dot < 0 ? 0 : s.length - dot - 1 };
}

const cellAt = (row: GridRow, col: number | null): GridCell | null => (col === null || col < 0 ? null : (row.cells[col] ?? null));
const textAt = (row: GridRow, col: number | null): string => cellAt(row, col)?.text.trim() ?? '';
const orNull = (s: string): string | null => (s === '' ? null : s);
const NA = new Set(['', '/', '／', '-', '—', '——']);

/** The figure of a cell: null when the cell is missing or not applicable, or not a number (reported). */
function figure(lines: Lines, row: GridRow, col: number | null, what: string, documentId: string | null): Result<Figure | null> {
  const cell = cellAt(row, col);
  if (!cell) return ok(null);
  const t = cell.text.trim();
  if (NA.has(t)) return ok(null);
  const f = parseFigure(t);
  if (!f) {
    return ok(null, [
      anomaly('SLUICE_VALUE_INVALID', {
        message: `${what} is not a number: "${t}"`,
        line: cell.line,
        column: cell.column,
        evidence: lines.get(cell.line - 1) ?? '',
        ...(documentId ? { documentId } : {}),
      }),
    ]);
  }
  return ok({ value: f.value, decimals: f.decimals, cell });
}

/** Names of a totals row. */
const TOTAL_NAMES = new Set(['合计', '总计', '小计', '总合计']);

/** A table being read: its grid and layout, and the anomalies found so far. */
interface GridScan<L> {
  grid: Grid;
  lines: Lines;
  layout: L;
  doc: { documentId?: string };
  anomalies: Anomaly[];
}

const scanOf = <L>(grid: Grid, lines: Lines, layout: L): GridScan<L> => ({
  grid,
  lines,
  layout,
  doc: grid.documentId ? { documentId: grid.documentId } : {},
  anomalies: [],
});

/** The figure of a cell of a summary row (an invalid one is reported). */
function fig(t: GridScan<SummaryLayout>, row: GridRow, col: number | null, what: string): Figure | null {
  const r = figure(t.lines, row, col, what, t.grid.documentId);
  append(t.anomalies, r.anomalies);
  return r.value;
}

/** The rows of a summary table and its totals row (a lone one), or null when the grid is no summary table. */
function readSummary(grid: Grid, lines: Lines): Result<{ rows: SummaryDraft[]; totals: TotalsDraft | null }> | null {
  const layout = summaryLayout(grid.columns);
  if (!layout) return null;
  const t = scanOf(grid, lines, layout);
  const out: SummaryDraft[] = [];
  const mine: TotalsDraft[] = [];
  for (const row of grid.rows) {
    let nameRaw = textAt(row, layout.name);
    // A totals row may write 合计 in the index column and leave the name empty.
    const indexText = textAt(row, layout.index).replace(/\s+/g, '');
    const isTotal = TOTAL_NAMES.has(nameRaw.replace(/\s+/g, '')) || (nameRaw === '' && TOTAL_NAMES.has(indexText));
    if (isTotal && nameRaw === '') nameRaw = indexText;
    if (nameRaw === '') continue;
    out.push(summaryRow(t, row, nameRaw));
    if (isTotal) {
      const totalRow = out.pop()!;
      mine.push({ line: row.line, evidence: totalRow.evidence, documentId: grid.documentId, rows: out.slice(), row: totalRow });
    }
  }
  // With subtotals (several totals rows) what each row sums is unclear: check only a lone one.
  return ok({ rows: out, totals: mine.length === 1 ? mine[0]! : null }, t.anomalies);
}

/** One row of a summary table (named `nameRaw`) with its figures. */
function summaryRow(t: GridScan<SummaryLayout>, row: GridRow, nameRaw: string): SummaryDraft {
  const { layout } = t;
  const evidence = t.lines.get(row.line - 1) ?? '';
  const banks = bankFigures(t, row, evidence);
  const indexFig = layout.index !== null ? parseFigure(textAt(row, layout.index)) : null;
  return {
    index: indexFig && Number.isSafeInteger(indexFig.value) ? indexFig.value : null,
    name: cleanName(nameRaw),
    nameRaw,
    grade: orNull(textAt(row, layout.grade)),
    banks,
    totalShorelineLength: fig(t, row, layout.totalShoreline, '岸线总长度'),
    boundaryLength: fig(t, row, layout.boundaryLength, '界址线长'),
    waterArea: fig(t, row, layout.waterArea, '水域面积'),
    totalArea: fig(t, row, layout.totalArea, '总面积'),
    note: orNull(textAt(row, layout.note)),
    line: row.line,
    evidence,
    documentId: t.grid.documentId,
    position: 0,
  };
}

/** The figures of each bank in a summary row: one group of columns a bank. */
function bankFigures(t: GridScan<SummaryLayout>, row: GridRow, evidence: string): SummaryDraft['banks'] {
  const { layout, anomalies, doc } = t;
  const banks: SummaryDraft['banks'] = {
    left: { shorelineLength: null, landArea: null },
    right: { shorelineLength: null, landArea: null },
  };
  const used = new Set<Bank>();
  layout.groups.forEach((g, gi) => {
    // Without a readable bank, the first group is the left bank and the second the right.
    const bank = groupBank(t, row, g, evidence) ?? (gi === 0 ? 'left' : gi === 1 ? 'right' : null);
    if (!bank) return;
    if (used.has(bank)) {
      const c = cellAt(row, g.bankColumn) ?? cellAt(row, layout.name)!;
      anomalies.push(
        anomaly('SLUICE_BANK_UNKNOWN', {
          message: `the row gives figures for the ${bank === 'left' ? '左岸' : '右岸'} twice`,
          line: c.line,
          column: c.column,
          evidence,
          ...doc,
        }),
      );
      return;
    }
    used.add(bank);
    const label = bank === 'left' ? '左岸' : '右岸';
    banks[bank] = {
      shorelineLength: fig(t, row, g.shoreline, `${label} 岸线长度`),
      landArea: fig(t, row, g.landArea, `${label} 陆域面积`),
    };
  });
  return banks;
}

/** The bank of a group of columns in a row: fixed by its header, or written in its 岸别 cell (an unknown one reported). */
function groupBank(t: GridScan<SummaryLayout>, row: GridRow, g: BankGroup, evidence: string): Bank | null {
  if (g.fixed || g.bankColumn === null) return g.fixed;
  const text = textAt(row, g.bankColumn);
  const bank = bankOf(text);
  if (!bank && text !== '') {
    const c = cellAt(row, g.bankColumn)!;
    t.anomalies.push(
      anomaly('SLUICE_BANK_UNKNOWN', {
        message: `岸别 "${text}" is neither 左岸 nor 右岸`,
        line: c.line,
        column: c.column,
        evidence,
        ...t.doc,
      }),
    );
  }
  return bank;
}

/**
 * The heading of a stake table: the first non-blank line above it, within two blank lines
 * (or a page break: a heading printed at the foot of the page before its table).
 */
function headingAbove(lines: Lines, startLine: number): { line: number; text: string } | null {
  const ln = prevLine(lines, startLine - 1, 1, 2);
  return ln === 0 ? null : { line: ln, text: lines.get(ln - 1)! };
}

function stakeNumberOf(stake: string): number | null {
  let j = stake.length;
  while (j > 0 && stake.charCodeAt(j - 1) >= 48 && stake.charCodeAt(j - 1) <= 57) j--;
  return j < stake.length && stake.length - j <= 9 ? Number(stake.slice(j)) : null;
}

/** The section of a stake table with its stakes, or null when the grid is no stake table. */
function readSection(grid: Grid, lines: Lines): Result<SectionDraft> | null {
  const layout = stakeLayout(grid.columns);
  if (!layout) return null;
  const t = scanOf(grid, lines, layout);
  const h = headingAbove(lines, grid.startLine);
  const heading = h ? readHeading(h.text) : null;
  if (!heading) {
    t.anomalies.push(
      anomaly('SLUICE_SECTION_HEADING_MISSING', {
        message: 'a table of boundary stakes has no (n) 名称 heading above it; its stakes belong to no sluice',
        line: grid.startLine,
        evidence: lines.get(grid.startLine - 1) ?? '',
        ...t.doc,
      }),
    );
  }
  const points: PointDraft[] = [];
  for (const row of grid.rows) {
    const p = stakeRow(t, row);
    if (p) points.push(p);
  }
  return ok(
    {
      number: heading?.number ?? null,
      name: heading?.name ?? '',
      nameRaw: h && heading ? h.text.trim() : '',
      line: h && heading ? h.line : grid.startLine,
      startLine: grid.startLine,
      endLine: grid.endLine,
      documentId: grid.documentId,
      points,
      position: 0,
    },
    t.anomalies,
  );
}

/** The stake of one row of a stake table, or null when the row holds none (no stake, no coordinates). */
function stakeRow(t: GridScan<StakeLayout>, row: GridRow): PointDraft | null {
  const { layout } = t;
  const stake = textAt(row, layout.stake);
  if (stake === '' && textAt(row, layout.y) === '' && textAt(row, layout.x) === '') return null;
  const evidence = t.lines.get(row.line - 1) ?? '';
  const bankRaw = orNull(textAt(row, layout.bank));
  const bank = bankRaw ? bankOf(bankRaw) : null;
  if (bankRaw && !bank) {
    const c = cellAt(row, layout.bank)!;
    t.anomalies.push(
      anomaly('SLUICE_BANK_UNKNOWN', {
        message: `岸别 "${bankRaw}" is neither 左岸 nor 右岸`,
        line: c.line,
        column: c.column,
        evidence,
        ...t.doc,
      }),
    );
  }
  const seqFig = layout.seq !== null ? parseFigure(textAt(row, layout.seq)) : null;
  const stakeCell = cellAt(row, layout.stake);
  return {
    seq: seqFig && Number.isSafeInteger(seqFig.value) ? seqFig.value : null,
    bank,
    bankRaw,
    stake,
    stakeNumber: stakeNumberOf(toHalfWidth(stake)),
    y: coordinate(t, row, layout.y, 'Y', stake, evidence),
    x: coordinate(t, row, layout.x, 'X', stake, evidence),
    note: orNull(textAt(row, layout.note)),
    line: row.line,
    column: stakeCell?.column ?? 1,
    evidence,
  };
}

/** A coordinate of a stake (null when it is not a number: reported). */
function coordinate(t: GridScan<StakeLayout>, row: GridRow, col: number, what: string, stake: string, evidence: string): number | null {
  const c = cellAt(row, col);
  const text = c?.text.trim() ?? '';
  const f = parseFigure(text);
  if (f) return f.value;
  t.anomalies.push(
    anomaly('SLUICE_VALUE_INVALID', {
      message: `${stake || 'stake'}: coordinate ${what} is not a number: "${text}"`,
      line: c?.line ?? row.line,
      column: c?.column ?? 1,
      evidence,
      ...t.doc,
    }),
  );
  return null;
}

/**
 * The tables of boundary points that are sluice stake tables, by one rule: a table with a
 * 岸别 (bank) column, or any table of boundary points in a document (or, outside documents,
 * an issue) that also holds a sluice summary table (划定情况表). Every other table of
 * boundary points is a parcel's (src/features/parcels/).
 */
export function sluiceStakeGrids(grids: readonly Grid[]): Set<Grid> {
  const withSummary = new Set<string | null>();
  for (const g of grids) if (!stakeLayout(g.columns) && summaryLayout(g.columns)) withSummary.add(g.documentId);
  const out = new Set<Grid>();
  for (const g of grids) {
    const layout = stakeLayout(g.columns);
    if (layout && (layout.bank !== null || withSummary.has(g.documentId))) out.add(g);
  }
  return out;
}

/** What the tables of an issue say about sluices, in text order. */
export interface SluiceTables {
  summary: SummaryDraft[];
  sections: SectionDraft[];
  totals: TotalsDraft[];
}

/** Summary rows and sections of every grid, in text order. */
export function readSluiceTables(grids: readonly Grid[], lines: Lines): Result<SluiceTables> {
  const anomalies: Anomaly[] = [];
  const summary: SummaryDraft[] = [];
  const totals: TotalsDraft[] = [];
  const sections: SectionDraft[] = [];
  const claimed = sluiceStakeGrids(grids);
  for (const g of grids) {
    const section = claimed.has(g) ? readSection(g, lines) : null;
    if (section) {
      sections.push(section.value);
      append(anomalies, section.anomalies);
      continue;
    }
    if (stakeLayout(g.columns)) continue; // a table of boundary points of a parcel
    const read = readSummary(g, lines);
    if (!read) continue;
    append(summary, read.value.rows);
    if (read.value.totals) totals.push(read.value.totals);
    append(anomalies, read.anomalies);
  }
  const pos = new Map<string | null, number>();
  for (const s of summary) {
    s.position = pos.get(s.documentId) ?? 0;
    pos.set(s.documentId, s.position + 1);
  }
  pos.clear();
  for (const s of sections) {
    s.position = pos.get(s.documentId) ?? 0;
    pos.set(s.documentId, s.position + 1);
  }
  return ok({ summary, sections, totals }, anomalies);
}
