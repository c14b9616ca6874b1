/**
 * Reading parcels out of grids: every table of boundary points (a point-name or 序号
 * column and X and Y columns, in either order) that is not a sluice stake table
 * (`sluiceStakeGrids`, one rule shared with the sluice feature) is a parcel. Beside its
 * points the parcel takes from the text around the table: its heading (the line above),
 * the coordinate system a note names (注：坐标系统为…) and the area the text states for it
 * (总用地面积为12.345公顷). Arc roles and radii come from each point's note.
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { ArcRole, ParcelCrs, StatedArea } from '../../model/parcel.js';
import { anomaly } from '../../model/catalogue.js';
import { ok, type Result } from '../../model/result.js';
import { toHalfWidth } from '../../read/text.js';
import { headerKey, stakeLayout } from '../sluices/columns.js';
import type { Grid, GridCell, GridRow } from '../sluices/grid.js';
import { parseFigure, sluiceStakeGrids } from '../sluices/read.js';
import type { Lines } from '../../model/lines.js';

export interface ParcelPointDraft {
  seq: number;
  name: string;
  number: number | null;
  x: number | null;
  y: number | null;
  arc: ArcRole | null;
  radius: number | null;
  note: string | null;
  line: number;
  column: number;
  evidence: string;
}

export interface ParcelDraft {
  id: string;
  documentId: string | null;
  name: string;
  line: number;
  evidence: string;
  startLine: number;
  endLine: number;
  crs: ParcelCrs | null;
  statedArea: StatedArea | null;
  points: ParcelPointDraft[];
}

/** A span of lines of a document: where its parcels look for their stated area and coordinate system. */
export interface Span {
  id: string;
  startLine: number;
  endLine: number;
}

const cellAt = (row: GridRow, col: number | null): GridCell | null => (col === null || col < 0 ? null : (row.cells[col] ?? null));
const textAt = (row: GridRow, col: number | null): string => cellAt(row, col)?.text.trim() ?? '';

/** The number at the end of a point name (J12 → 12), or null. */
export function pointNumber(name: string): number | null {
  const m = /(\d{1,9})$/.exec(toHalfWidth(name).replace(/\s+/g, ''));
  return m ? Number(m[1]) : null;
}

/** The arc role a note gives a point: 圆曲线起点 / 中点 / 终点 (also 圆弧 …, 弧线 …). */
export function arcRoleOf(note: string): ArcRole | null {
  const m = /(?:曲线|圆弧|弧线|弧)[^，,。;；]{0,4}?(起点|中点|终点)/.exec(note.replace(/\s+/g, ''));
  if (!m) return null;
  return m[1] === '起点' ? 'start' : m[1] === '中点' ? 'middle' : 'end';
}

/** The radius a note states: 半径30米, 半径：30m, R=30. */
export function radiusOf(note: string): number | null {
  const t = toHalfWidth(note).replace(/\s+/g, '');
  const m = /(?:半径(?:为|:|=)?|R=)(\d+(?:\.\d+)?)/.exec(t);
  return m ? Number(m[1]) : null;
}

/** The note column: 备注, else 说明 (also 注). */
function noteColumn(columns: readonly string[], fromLayout: number | null): number | null {
  if (fromLayout !== null) return fromLayout;
  const i = columns.findIndex((c) => {
    const k = headerKey(c);
    return k.includes('说明') || k === '注';
  });
  return i < 0 ? null : i;
}

const isTableRow = (t: string): boolean => t.trimStart().startsWith('|');

/** The heading of a table with its labels (附件 1, 表1：, (1), 一、) left out. */
export function cleanHeading(text: string): string {
  return text
    .trim()
    .replace(/^附件\s*[0-9０-９]*\s*[:：.．、]?\s*/, '')
    .replace(/^(?:续)?表\s*[0-9０-９]+(?:[-.．][0-9０-９]+)?\s*[:：.．、]?\s*/, '')
    .replace(/^[(（]\s*[0-9０-９]+\s*[)）]\s*/, '')
    .replace(/^[一二三四五六七八九十]+、\s*/, '')
    .trim();
}

/** A line of running text, not a caption: it ends a sentence. */
const isSentence = (t: string): boolean => /[。；;]$/.test(t.trim());

/**
 * The heading above a table: the nearest non-blank line (at most 3 lines up) that is
 * neither a label alone (附件 1) nor a sentence (ending in 。 or ；).
 */
function headingAbove(lines: Lines, startLine: number): { line: number; text: string; name: string } | null {
  for (let ln = startLine - 1, seen = 0; ln >= 1 && seen < 3; ln--) {
    const t = lines.get(ln - 1)!;
    if (t.trim() === '') continue;
    if (isTableRow(t)) return null;
    seen++;
    const name = cleanHeading(t);
    if (name !== '' && !isSentence(name)) return { line: ln, text: t.trim(), name };
  }
  return null;
}

const UNIT_M2: Record<StatedArea['unit'], number> = { 公顷: 10000, 平方米: 1, 亩: 10000 / 15 };

/**
 * An area statement: 总用地面积 / 用地面积 / 占地面积 / 总面积 / 面积 (为 / 约 / ：) a number
 * and 公顷, 平方米 (m², ㎡) or 亩. Plain 面积 after 建筑 / 水域 / 陆域 / 绿地 / 道路 … is
 * another area, not the parcel's.
 */
const AREA_RE =
  /(总用地面积|用地总面积|用地面积|占地面积|总面积|面积)(?:为|约为|约|共|计|合计|:)?(\d[\d,]*(?:\.\d+)?)(公顷|平方米|亩|m²|㎡|m2)/g;
const OTHER_AREA = /(建筑|水域|陆域|绿地|绿化|道路|计容|使用|居住|商业)(总)?$/;

/** The first area statement of a line, or null. */
export function statedAreaOf(text: string, line: number): StatedArea | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  AREA_RE.lastIndex = 0;
  for (let m = AREA_RE.exec(t); m; m = AREA_RE.exec(t)) {
    const key = m[1]!;
    if ((key === '面积' || key === '总面积') && OTHER_AREA.test(t.slice(0, m.index))) continue;
    const unit: StatedArea['unit'] = m[3] === '公顷' ? '公顷' : m[3] === '亩' ? '亩' : '平方米';
    const value = Number(m[2]!.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    return { value: Math.round(value * UNIT_M2[unit] * 1e4) / 1e4, raw: m[0], unit, line };
  }
  return null;
}

const CRS_NAMED = /坐标系统?(?:为|是|采用|使用|:)([^,.;，。；、()（）]+)/;
const CRS_INLINE = /([^\s,.;:，。；：、()（）为用是]*坐标系统?)/;

/** The coordinate system a line names (注：坐标系统为某市独立坐标系统; 采用2000国家大地坐标系), or null. */
export function crsOf(text: string, line: number): ParcelCrs | null {
  const t = toHalfWidth(text).trim();
  if (!t.includes('坐标系')) return null;
  const named = CRS_NAMED.exec(t.replace(/\s+/g, ''));
  let name = named?.[1]?.trim() ?? '';
  if (name === '') {
    const inline = CRS_INLINE.exec(t);
    name = inline?.[1]?.replace(/^(?:注|说明)/, '') ?? '';
  }
  if (name === '' || name === '坐标系' || name === '坐标系统') return null;
  return { name, note: text.trim(), line };
}

/**
 * The statement nearest the table (by lines from its first or last line) that `read`
 * finds on a line of running text between `from` and `to`; table rows are not read.
 */
function nearest<T>(
  lines: Lines,
  from: number,
  to: number,
  start: number,
  end: number,
  read: (t: string, ln: number) => T | null,
): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (let ln = from; ln <= to; ln++) {
    if (ln >= start && ln <= end) continue;
    const t = lines.get(ln - 1) ?? '';
    if (t.trim() === '' || isTableRow(t)) continue;
    const distance = ln < start ? start - ln : ln - end;
    if (distance >= bestDistance) continue;
    const v = read(t, ln);
    if (v) {
      best = v;
      bestDistance = distance;
    }
  }
  return best;
}

function spanOf(spans: readonly Span[], line: number, lastLine: number): { id: string | null; startLine: number; endLine: number } {
  for (const s of spans) if (line >= s.startLine && line <= s.endLine) return s;
  return { id: null, startLine: 1, endLine: lastLine };
}

/**
 * The parcels of every grid that is a table of boundary points and no sluice's, in text
 * order. A parcel's stated area and coordinate system: the statement nearest its table
 * within its document, not beyond the table of the parcel before or after it.
 */
export function readParcels(grids: readonly Grid[], lines: Lines, spans: readonly Span[]): Result<ParcelDraft[]> {
  const anomalies: Anomaly[] = [];
  const sluice = sluiceStakeGrids(grids);
  const mine = grids.filter((g) => !sluice.has(g) && stakeLayout(g.columns));
  const out: ParcelDraft[] = [];
  const perDocument = new Map<string | null, number>();
  mine.forEach((g, gi) => {
    const layout = stakeLayout(g.columns)!;
    const noteCol = noteColumn(g.columns, layout.note);
    const doc = spanOf(spans, g.startLine, lines.length);
    const documentId = g.documentId ?? doc.id;
    const k = (perDocument.get(documentId) ?? 0) + 1;
    perDocument.set(documentId, k);
    const id = `${documentId ?? 'issue'}/p${k}`;
    const prev = mine[gi - 1];
    const next = mine[gi + 1];
    const from = Math.max(doc.startLine, prev && prev.documentId === g.documentId ? prev.endLine + 1 : 1);
    const to = Math.min(doc.endLine, next && next.documentId === g.documentId ? next.startLine - 1 : lines.length);
    const heading = headingAbove(lines, g.startLine);
    const docAttr = documentId ? { documentId } : {};
    const points: ParcelPointDraft[] = [];
    for (const row of g.rows) {
      const seqText = textAt(row, layout.seq);
      const nameText = layout.stake >= 0 ? textAt(row, layout.stake) : seqText;
      const yText = textAt(row, layout.y);
      const xText = textAt(row, layout.x);
      if (nameText === '' && yText === '' && xText === '') continue;
      const evidence = lines.get(row.line - 1) ?? '';
      const coord = (col: number, axis: string): number | null => {
        const c = cellAt(row, col);
        const t = c?.text.trim() ?? '';
        const f = parseFigure(t);
        if (f) return f.value;
        anomalies.push(
          anomaly('PARCEL_VALUE_INVALID', {
            message: `${heading?.name || id}: point ${nameText || '?'}: ${axis} is not a number: "${t}"`,
            line: c?.line ?? row.line,
            column: c?.column ?? 1,
            evidence,
            ...docAttr,
          }),
        );
        return null;
      };
      const note = textAt(row, noteCol);
      const nameCell = cellAt(row, layout.stake >= 0 ? layout.stake : layout.seq);
      points.push({
        seq: points.length + 1,
        name: nameText,
        number: pointNumber(nameText),
        x: coord(layout.x, 'X'),
        y: coord(layout.y, 'Y'),
        arc: note ? arcRoleOf(note) : null,
        radius: note ? radiusOf(note) : null,
        note: note || null,
        line: row.line,
        column: nameCell?.column ?? 1,
        evidence,
      });
    }
    out.push({
      id,
      documentId,
      name: heading?.name ?? '',
      line: heading?.line ?? g.startLine,
      evidence: heading?.text ?? lines.get(g.startLine - 1) ?? '',
      startLine: g.startLine,
      endLine: g.endLine,
      crs: nearest(lines, from, to, g.startLine, g.endLine, crsOf),
      statedArea: nearest(lines, from, to, g.startLine, g.endLine, statedAreaOf),
      points,
    });
  });
  return ok(out, anomalies);
}
