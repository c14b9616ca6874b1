/**
 * The period an appointment list covers, from its title: 二〇二四年一月~三月 → 2024-01..2024-03,
 * 2024年4月至6月, 二〇二四年第二季度, 二〇二四年上半年, 2024年5月. Numerals in Chinese or
 * Arabic (half- or full-width). A hand-written scanner, no regular expressions.
 */
import type { Period } from '../../model/people.js';
import { parseChineseNumber, toHalfWidth } from '../../read/text.js';

const DIGIT_CHARS = new Set([...'〇零一二两三四五六七八九十0123456789']);
const RANGE = new Set(['~', '～', '〜', '-', '－', '—', '–', '至', '到']);
const SPACE = new Set([' ', '\t', '\u3000']);

interface Num {
  value: number;
  end: number;
}

/** A numeral starting at i (spaces before it skipped), or null. */
function numberAt(s: string, i: number): Num | null {
  while (i < s.length && SPACE.has(s[i]!)) i++;
  let j = i;
  while (j < s.length && DIGIT_CHARS.has(s[j]!)) j++;
  if (j === i) return null;
  const v = parseChineseNumber(s.slice(i, j));
  return v === null ? null : { value: v, end: j };
}

/** The character at i after spaces, and its index. */
function charAt(s: string, i: number): { ch: string | undefined; at: number } {
  while (i < s.length && SPACE.has(s[i]!)) i++;
  return { ch: s[i], at: i };
}

const pad = (n: number) => String(n).padStart(2, '0');
const ym = (y: number, m: number) => `${y}-${pad(m)}`;

/** Month or quarter after a year's 年 at i: returns months and the end of the match. */
function monthsAfter(s: string, i: number): { from: number; to: number; end: number } | null {
  const c = charAt(s, i);
  if (c.ch === '第' || s.startsWith('季度', c.at + 1) || /^[一二三四1-4]季度/.test(s.slice(c.at, c.at + 3))) {
    const k = c.ch === '第' ? c.at + 1 : c.at;
    const q = numberAt(s, k);
    if (q && q.value >= 1 && q.value <= 4 && s.startsWith('季度', charAt(s, q.end).at)) {
      return { from: q.value * 3 - 2, to: q.value * 3, end: charAt(s, q.end).at + 2 };
    }
    return null;
  }
  if (s.startsWith('上半年', c.at)) return { from: 1, to: 6, end: c.at + 3 };
  if (s.startsWith('下半年', c.at)) return { from: 7, to: 12, end: c.at + 3 };
  const m = numberAt(s, c.at);
  if (!m || m.value < 1 || m.value > 12) return null;
  const yue = charAt(s, m.end);
  if (yue.ch !== undefined && RANGE.has(yue.ch)) {
    // 4-6月, 四至六月: one 月 after a range of months.
    const m2 = numberAt(s, yue.at + 1);
    const yue2 = m2 ? charAt(s, m2.end) : null;
    if (m2 && yue2 && yue2.ch === '月' && m2.value >= m.value && m2.value <= 12) return { from: m.value, to: m2.value, end: yue2.at + 1 };
    return null;
  }
  if (yue.ch !== '月') return null;
  return { from: m.value, to: m.value, end: yue.at + 1 };
}

/** The first period written in `text`, or null. */
export function parsePeriod(textIn: string): Period | null {
  const s = toHalfWidth(textIn);
  for (let i = 0; i < s.length; i++) {
    if (!DIGIT_CHARS.has(s[i]!) || (i > 0 && DIGIT_CHARS.has(s[i - 1]!))) continue;
    const y = numberAt(s, i);
    if (!y || y.value < 1900 || y.value > 2999 || y.end - i !== 4) continue;
    const nian = charAt(s, y.end);
    if (nian.ch !== '年') continue;
    const first = monthsAfter(s, nian.at + 1);
    if (!first) continue;
    let toYear = y.value;
    let toMonth = first.to;
    let end = first.end;
    // A range: ~ / 至 / - then an optional year and a month.
    const r = charAt(s, end);
    if (r.ch !== undefined && RANGE.has(r.ch)) {
      let k = r.at + 1;
      const y2 = numberAt(s, k);
      let explicitYear = false;
      if (y2 && y2.end - charAt(s, k).at === 4 && charAt(s, y2.end).ch === '年') {
        toYear = y2.value;
        explicitYear = true;
        k = charAt(s, y2.end).at + 1;
      }
      const second = monthsAfter(s, k);
      // 十一月~二月 runs into the next year; an end before the start is not a range.
      if (second && !explicitYear && second.to < first.from) toYear = y.value + 1;
      if (second && ym(toYear, second.to) >= ym(y.value, first.from)) {
        toMonth = second.to;
        end = second.end;
      } else toYear = y.value;
    }
    return { from: ym(y.value, first.from), to: ym(toYear, toMonth), raw: textIn.slice(i, end).trim() };
  }
  return null;
}
