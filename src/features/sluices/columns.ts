/**
 * Column meaning from header text. Nothing here depends on column positions: a summary
 * table is recognised by a name column plus length/area columns, a stake table by a stake
 * column plus Y and X columns, wherever they stand. Left/right bank figures come in
 * groups: a 岸别 column followed by its 岸线长度 / 陆域面积 columns (the bank is read from
 * the 岸别 cell of each row), or columns whose header itself says 左岸 / 右岸.
 */
import type { Bank } from '../../model/sluice.js';
import { toHalfWidth } from '../../read/text.js';

/** Header text without spaces, half-width. */
export function headerKey(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '');
}

export interface BankGroup {
  /** Column holding 左岸 / 右岸 for this group, or null when the header fixes the bank. */
  bankColumn: number | null;
  /** The bank named by the header (左岸岸线长度 …), if any. */
  fixed: Bank | null;
  shoreline: number | null;
  landArea: number | null;
}

export interface SummaryLayout {
  index: number | null;
  name: number;
  grade: number | null;
  groups: BankGroup[];
  totalShoreline: number | null;
  boundaryLength: number | null;
  waterArea: number | null;
  totalArea: number | null;
  note: number | null;
}

export interface StakeLayout {
  seq: number | null;
  bank: number | null;
  /** Column of 桩号; −1 when the table has none (then 序号 identifies the stakes). */
  stake: number;
  y: number;
  x: number;
  note: number | null;
}

/** 左岸 / 右岸 (also 左 / 右 alone) → bank; anything else → null. */
export function bankOf(text: string): Bank | null {
  const t = headerKey(text);
  if (t === '左岸' || t === '左') return 'left';
  if (t === '右岸' || t === '右') return 'right';
  return null;
}

function fixedBank(key: string): Bank | null {
  const l = key.includes('左岸');
  const r = key.includes('右岸');
  return l === r ? null : l ? 'left' : 'right';
}

/** Reads the layout of a summary table, or null when the header is not one. */
export function summaryLayout(columns: readonly string[]): SummaryLayout | null {
  const out: SummaryLayout = {
    index: null,
    name: -1,
    grade: null,
    groups: [],
    totalShoreline: null,
    boundaryLength: null,
    waterArea: null,
    totalArea: null,
    note: null,
  };
  let current: BankGroup | null = null;
  let measures = 0;
  const groupFor = (fixed: Bank | null): BankGroup => {
    if (fixed) {
      let g = out.groups.find((x) => x.fixed === fixed);
      if (!g) out.groups.push((g = { bankColumn: null, fixed, shoreline: null, landArea: null }));
      return g;
    }
    if (!current) out.groups.push((current = { bankColumn: null, fixed: null, shoreline: null, landArea: null }));
    return current;
  };
  columns.forEach((raw, i) => {
    const k = headerKey(raw);
    if (k === '') return;
    const fixed = fixedBank(k);
    if (k.includes('岸别')) {
      out.groups.push((current = { bankColumn: i, fixed: null, shoreline: null, landArea: null }));
    } else if (k.includes('序号') || k === '编号') {
      if (out.index === null) out.index = i;
    } else if (k.includes('名称')) {
      if (out.name < 0) out.name = i;
    } else if (k.includes('等级') || k.includes('级别')) {
      out.grade ??= i;
    } else if (k.includes('岸线') && k.includes('总')) {
      out.totalShoreline ??= i;
      measures++;
    } else if (k.includes('岸线') && k.includes('长')) {
      const g = groupFor(fixed);
      if (g.shoreline === null) g.shoreline = i;
      else if (!fixed) out.groups.push((current = { bankColumn: null, fixed: null, shoreline: i, landArea: null }));
      measures++;
    } else if (k.includes('界址线') || k.includes('界线长') || k.includes('边界线长')) {
      out.boundaryLength ??= i;
      measures++;
    } else if (k.includes('陆域')) {
      const g = groupFor(fixed);
      if (g.landArea === null) g.landArea = i;
      else if (!fixed) out.groups.push((current = { bankColumn: null, fixed: null, shoreline: null, landArea: i }));
      measures++;
    } else if (k.includes('水域')) {
      out.waterArea ??= i;
      measures++;
    } else if (k.includes('总面积') || k === '合计面积') {
      out.totalArea ??= i;
      measures++;
    } else if (k.includes('备注')) {
      out.note ??= i;
    }
  });
  const bankFigures = out.groups.some((g) => g.shoreline !== null || g.landArea !== null);
  if (out.name < 0 || measures < 2 || (!bankFigures && out.boundaryLength === null && out.totalShoreline === null)) return null;
  return out;
}

/** A Latin letter A–Z or a–z (false for NaN, past either end of the string). */
const isLatin = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether a header names the Y (east) or X (north) coordinate: a lone letter, or 东 / 北. */
function axisOf(key: string): 'y' | 'x' | null {
  let y = false;
  let x = false;
  // char codes: no string made per character of every header of every table
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i) | 0x20; // ASCII lower case (only x and y matter)
    if (c !== 0x78 /* x */ && c !== 0x79 /* y */) continue;
    if (isLatin(key.charCodeAt(i - 1)) || isLatin(key.charCodeAt(i + 1))) continue;
    if (c === 0x79) y = true;
    else x = true;
  }
  if (y === x) {
    if (key.includes('东坐标') || key.includes('横坐标')) return 'y';
    if (key.includes('北坐标') || key.includes('纵坐标')) return 'x';
    return null;
  }
  return y ? 'y' : 'x';
}

/** Reads the layout of a stake table, or null when the header is not one. */
export function stakeLayout(columns: readonly string[]): StakeLayout | null {
  let seq: number | null = null;
  let bank: number | null = null;
  let stake = -1;
  let y = -1;
  let x = -1;
  let note: number | null = null;
  columns.forEach((raw, i) => {
    const k = headerKey(raw);
    if (k === '') return;
    if (k.includes('桩号') || k.includes('界址点') || k.includes('点号') || k.includes('点名')) {
      if (stake < 0) stake = i;
      return;
    }
    if (k.includes('序号')) {
      seq ??= i;
      return;
    }
    if (k.includes('岸别')) {
      bank ??= i;
      return;
    }
    if (k.includes('备注')) {
      note ??= i;
      return;
    }
    const axis = axisOf(k);
    if (axis === 'y' && y < 0) y = i;
    else if (axis === 'x' && x < 0) x = i;
  });
  // Without a stake column the 序号 names the stakes (stake −1: none).
  if ((stake < 0 && seq === null) || y < 0 || x < 0) return null;
  return { seq, bank, stake, y, x, note };
}
