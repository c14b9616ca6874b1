// Numbered items of official documents (公文): the labels a line starts with — 第五条, 二、,
// （三）, 4., 4、, (4) — read by the numbering check and by the pdftotext reader (an item
// starts a paragraph of its own).
import { parseChineseNumber, toHalfWidth } from './text.js';

/** The kinds of numbered items; each kind is one level of a document's outline. */
export type NumberingStyle = 'article' | 'cn' | 'cn-paren' | 'num-dot' | 'num-comma' | 'num-paren';

export interface NumberedItem {
  style: NumberingStyle;
  value: number;
  /** The label as written: 二、 / （三） / 4. / 第五条 */
  label: string;
  /** 0-based index of the label in the line. */
  index: number;
}

/** The numerals of 二、 and （三） items. */
export const CN = '一二三四五六七八九十';
const LEAD = /^\s*(?:[-*•·]\s+)?/;
const ARTICLE = /^第([零〇一二三四五六七八九十百]{1,5})条(?=[\s（(]|$)/;
const CN_ITEM = new RegExp(`^([${CN}]{1,3})、(?![${CN}两])`);
const CN_PAREN = new RegExp(`^[(（]\\s*([${CN}]{1,3})\\s*[)）]`);
const NUM_ITEM = /^([0-9０-９]{1,3})\s*([.．、])(?![0-9０-９])/;
const NUM_PAREN = /^[(（]([0-9０-９]{1,2})[)）]/;

/** The numbered item a line starts with (after an optional list bullet), or null. */
export function numberedItem(line: string): NumberedItem | null {
  // Fast reject (most lines, checked one by one): a line that starts with a Han character
  // has no lead, and only 第 or a numeral of CN begins an item there.
  const c0 = line.charCodeAt(0);
  if (c0 >= 0x4e00 && c0 <= 0x9fff && c0 !== 0x7b2c /* 第 */ && !CN.includes(line[0]!)) return null;
  // A line starting with a character an item starts with (a Han character, a digit, a
  // bracket) has no lead either: the regular expression is for the others.
  const lead =
    (c0 >= 0x4e00 && c0 <= 0x9fff) || (c0 >= 0x30 && c0 <= 0x39) || (c0 >= 0xff10 && c0 <= 0xff19) || c0 === 0x28 || c0 === 0xff08
      ? 0
      : LEAD.exec(line)![0].length;
  const t = line.slice(lead);
  if (t.length < 2) return null;
  const c = t[0]!;
  let m: RegExpExecArray | null;
  if (c === '第') {
    if ((m = ARTICLE.exec(t))) {
      const v = parseChineseNumber(m[1]!);
      if (v !== null && v > 0) return { style: 'article', value: v, label: m[0], index: lead };
    }
    return null;
  }
  if (CN.includes(c)) {
    if ((m = CN_ITEM.exec(t))) {
      const v = parseChineseNumber(m[1]!);
      if (v !== null && v > 0) return { style: 'cn', value: v, label: m[0], index: lead };
    }
    return null;
  }
  if (c === '(' || c === '（') {
    if ((m = CN_PAREN.exec(t))) {
      const v = parseChineseNumber(m[1]!);
      if (v !== null && v > 0) return { style: 'cn-paren', value: v, label: m[0], index: lead };
    } else if ((m = NUM_PAREN.exec(t))) {
      const v = Number(toHalfWidth(m[1]!));
      if (v > 0) return { style: 'num-paren', value: v, label: m[0], index: lead };
    }
    return null;
  }
  if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) {
    if ((m = NUM_ITEM.exec(t))) {
      const v = Number(toHalfWidth(m[1]!));
      if (v > 0) return { style: m[2] === '、' ? 'num-comma' : 'num-dot', value: v, label: m[0].replace(/\s+/g, ''), index: lead };
    }
  }
  return null;
}
