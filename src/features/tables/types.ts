/**
 * Typed values of table cells. A cleaned cell is classified as one of
 *
 * - `na`: empty, or a not-applicable mark (`/`, `／`, `-`, `—`, `——`, `N/A`) → value null;
 * - `integer`: optional sign, digits, optional thousands commas; no leading zero (`021…`
 *   is a code, not a number) → JSON integer;
 * - `number`: an integer or a decimal (`-9214.837`, `.5`) → JSON number;
 * - `percentage`: a number followed by `%` → JSON number of the percent shown (`12.5%` → 12.5);
 * - `date`: `2023-04-10`, `2023/4/10`, `2023.4.10`, `2023年4月10日` (a real calendar day) →
 *   ISO string `2023-04-10`;
 * - `text`: anything else → the cleaned string.
 *
 * Full-width digits and signs count as their ASCII forms. A column's type is the most
 * specific type that at least 80 % of its classified cells fit (integer ⊂ number);
 * otherwise text. Cells that do not fit the column type keep their text as value and
 * are reported (TABLE_CELL_TYPE).
 */
import type { ColumnType } from '../../model/table.js';
import { toHalfWidth } from '../../read/text.js';

export type CellClass = ColumnType | 'na';

const NA = new Set(['/', '／', '-', '－', '—', '——', '–', '―', 'N/A', 'n/a', 'NA']);
const NA_LONGEST = Math.max(...[...NA].map((s) => s.length));

function digitsOnly(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Parses a plain number (sign, digits, optional thousands commas and decimals); null if not one. */
const PLAIN_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

export function parseNumber(text: string): { value: number; integer: boolean } | null {
  // fast path: plain ASCII numbers (most cells), read by one native regex
  if (PLAIN_NUMBER.test(text)) {
    const value = Number(text);
    return { value: Object.is(value, -0) ? 0 : value, integer: text.indexOf('.') < 0 && Number.isSafeInteger(value) };
  }
  let s = toHalfWidth(text.trim());
  if (s.length === 0) return null;
  let sign = 1;
  const c0 = s[0];
  if (c0 === '-' || c0 === '−' || c0 === '+') {
    if (c0 !== '+') sign = -1;
    s = s.slice(1);
  }
  const dot = s.indexOf('.');
  const intPart = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  if (dot >= 0 && !digitsOnly(frac, 0, frac.length)) return null;
  let digits: string;
  if (intPart.indexOf(',') >= 0) {
    const groups = intPart.split(',');
    if (!digitsOnly(groups[0]!, 0, groups[0]!.length) || groups[0]!.length > 3 || groups[0]!.charCodeAt(0) === 48) return null;
    for (let g = 1; g < groups.length; g++) if (groups[g]!.length !== 3 || !digitsOnly(groups[g]!, 0, 3)) return null;
    digits = groups.join('');
  } else {
    digits = intPart;
    if (digits.length === 0 && dot < 0) return null;
    if (digits.length > 0 && !digitsOnly(digits, 0, digits.length)) return null;
    // leading zeros: "0", "0.5" are numbers; "021", "007" are codes
    if (digits.length > 1 && digits.charCodeAt(0) === 48) return null;
  }
  const value = sign * Number((digits || '0') + (dot >= 0 ? '.' + frac : ''));
  if (!Number.isFinite(value)) return null;
  return { value: Object.is(value, -0) ? 0 : value, integer: dot < 0 && Number.isSafeInteger(value) };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

const SPACE = /\s/;

/**
 * Does the text lack a four-digit year in front: is one of its first four characters other
 * than white space no digit (ASCII or full-width)? Then it is no date, whatever follows: a
 * cell such as `3月底前` or `84 岁左右` is told so without the half-width copy, the white
 * space removed and the splits by each separator that reading a date costs.
 */
function noYear(t: string): boolean {
  let digits = 0;
  for (let i = 0; i < t.length && digits < 4; i++) {
    if (isDigitAt(t, i)) digits++;
    else if (!SPACE.test(t[i]!)) return true;
  }
  return digits < 4;
}

/** Parses a calendar date into ISO YYYY-MM-DD; null if the text is not one date. */
export function parseDate(text: string): string | null {
  // fast reject: a date starts with a four-digit year and is short
  if (text.length > 24 || !isDigitAt(text, 0) || noYear(text)) return null;
  const s = toHalfWidth(text).replace(/\s+/g, '');
  let parts: string[] | null = null;
  if (s.endsWith('日') && s.indexOf('年') === 4 && s.indexOf('月') > 5) {
    const m = s.indexOf('月');
    parts = [s.slice(0, 4), s.slice(5, m), s.slice(m + 1, s.length - 1)];
  } else {
    for (const sep of ['-', '/', '.']) {
      const p = s.split(sep);
      if (p.length === 3) {
        parts = p;
        break;
      }
    }
  }
  if (!parts) return null;
  const [ys, ms, ds] = parts as [string, string, string];
  if (
    ys.length !== 4 ||
    !digitsOnly(ys, 0, 4) ||
    ms.length > 2 ||
    ds.length > 2 ||
    !digitsOnly(ms, 0, ms.length) ||
    !digitsOnly(ds, 0, ds.length)
  )
    return null;
  const y = Number(ys);
  const m = Number(ms);
  const d = Number(ds);
  if (!validDate(y, m, d)) return null;
  return `${ys}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** ASCII or full-width digit at index i. */
function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/** The class of an empty or not-applicable cell: one shared, frozen object. */
const NOT_APPLICABLE: Readonly<{ cls: CellClass; value: null }> = Object.freeze({ cls: 'na', value: null });
/** Classifies one cleaned cell and gives its value under that class. */
export function classify(text: string): Readonly<{ cls: CellClass; value: number | string | null }> {
  if (text === '') return NOT_APPLICABLE;
  const t = text.trim();
  // (the length first: hashing a long cell's text for the set costs a pass over it)
  if (t.length === 0 || (t.length <= NA_LONGEST && NA.has(t))) return NOT_APPLICABLE;
  // fast path: numbers and dates start with a digit, a sign or a point; long cells are text
  const c0 = t.charCodeAt(0);
  if (t.length > 32 || !(isDigitAt(t, 0) || c0 === 45 || c0 === 43 || c0 === 0x2212 || c0 === 46 || c0 === 0xff0d || c0 === 0xff0b)) {
    return { cls: 'text', value: t };
  }
  const last = t[t.length - 1];
  if (last === '%' || last === '％') {
    const n = parseNumber(t.slice(0, -1));
    if (n) return { cls: 'percentage', value: n.value };
    return { cls: 'text', value: t };
  }
  const n = parseNumber(t);
  if (n) return { cls: n.integer ? 'integer' : 'number', value: n.value };
  const d = parseDate(t);
  if (d) return { cls: 'date', value: d };
  return { cls: 'text', value: t };
}

/** Share of classified cells a type must cover to become the column type. */
export const TYPE_SHARE = 0.8;

/** Infers a column type from the classes of its cells (na cells ignored). */
export function inferType(classes: readonly CellClass[]): ColumnType {
  const count = noCounts();
  for (const c of classes) countClass(count, c, 1);
  return typeOfCounts(count);
}

/** Cells of each class except not-applicable ones, as counted by a column's reader. */
export type ClassCounts = Record<Exclude<CellClass, 'na'>, number>;

/** Counts of no cells (every class at 0). */
export function noCounts(): ClassCounts {
  return { integer: 0, number: 0, percentage: 0, date: 0, text: 0 };
}

/**
 * Adds `d` to the count of class `cls` (nothing for `na`). A switch over the classes stores
 * to a named field: `count[cls] += d` would be a store keyed by a string, far slower in the
 * loops over every cell of a table.
 */
export function countClass(count: ClassCounts, cls: CellClass, d: number): void {
  switch (cls) {
    case 'integer':
      count.integer += d;
      break;
    case 'number':
      count.number += d;
      break;
    case 'percentage':
      count.percentage += d;
      break;
    case 'date':
      count.date += d;
      break;
    case 'text':
      count.text += d;
      break;
  }
}

/** The type of a column from the counts of its cells' classes (see inferType). */
export function typeOfCounts(count: ClassCounts): ColumnType {
  const total = count.integer + count.number + count.percentage + count.date + count.text;
  if (total === 0) return 'text';
  const need = Math.max(1, Math.ceil(total * TYPE_SHARE));
  if (count.integer >= need) return 'integer';
  if (count.integer + count.number >= need) return 'number';
  if (count.percentage >= need) return 'percentage';
  if (count.date >= need) return 'date';
  return 'text';
}

/** Whether a cell of class `cls` fits a column of type `type` (empty cells fit any). */
export function fits(cls: CellClass, type: ColumnType): boolean {
  return cls === 'na' || type === 'text' || type === cls || (type === 'number' && cls === 'integer');
}

/** Whether a cell of class `cls` fits a column of type `type`, and its value there. */
export function fit(
  text: string,
  cls: CellClass,
  value: number | string | null,
  type: ColumnType,
): { ok: boolean; value: number | string | null } {
  if (cls === 'na') return { ok: true, value: null };
  if (!fits(cls, type)) return { ok: false, value: text };
  return { ok: true, value: type === 'text' ? text : value };
}
