import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, countClass, fit, inferType, noCounts, parseDate, parseNumber } from '../src/features/tables/types.js';

describe('parseNumber', () => {
  it('reads integers, decimals, negatives, thousands commas, full-width digits', () => {
    expect(parseNumber('42')).toEqual({ value: 42, integer: true });
    expect(parseNumber('-9214.837')).toEqual({ value: -9214.837, integer: false });
    expect(parseNumber('−3')).toEqual({ value: -3, integer: true });
    expect(parseNumber('1,234,567.5')).toEqual({ value: 1234567.5, integer: false });
    expect(parseNumber('１２３')).toEqual({ value: 123, integer: true });
    expect(parseNumber('0')).toEqual({ value: 0, integer: true });
    expect(parseNumber('0.0')).toEqual({ value: 0, integer: false });
    expect(parseNumber('.5')).toEqual({ value: 0.5, integer: false });
  });
  it('refuses codes and text', () => {
    for (const s of ['021', '007', '1,23', '12,3456', '1.2.3', '33 位', '', '-', '1e5', 'JZD1', '0.87-0.88'])
      expect(parseNumber(s), s).toBeNull();
  });
});

describe('parseDate', () => {
  it('reads the usual date forms into ISO', () => {
    expect(parseDate('2023-04-10')).toBe('2023-04-10');
    expect(parseDate('2023/4/1')).toBe('2023-04-01');
    expect(parseDate('2023.4.10')).toBe('2023-04-10');
    expect(parseDate('2023年4月10日')).toBe('2023-04-10');
    expect(parseDate('2023 年 4 月 10 日')).toBe('2023-04-10');
  });
  it('refuses impossible days, ranges and date-times', () => {
    for (const s of ['2023-02-30', '2022.1.1-2022.2.3', '2022/9/21 10:00', '2023年4月', '23-4-10']) expect(parseDate(s), s).toBeNull();
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
  });
  it('reads white space and full-width digits in the year as before; tells cells without a four-digit year at once', () => {
    expect(parseDate('20 23-04-10')).toBe('2023-04-10');
    expect(parseDate('２０２３年４月１０日')).toBe('2023-04-10');
    expect(parseDate('2\u3000023/4/1')).toBe('2023-04-01');
    for (const s of ['3月底前', '84 岁左右', '021-6555764', '202x-04-10', '2023', '1.门诊人次数']) expect(parseDate(s), s).toBeNull();
  });
  it('gives what it gave before its quick reject, for generated cells', () => {
    // the reader before the reject of texts without a four-digit year in front
    const before = (text: string): string | null => {
      if (text.length > 24 || !/^[0-9０-９]/.test(text)) return null;
      const s = text
        .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/\u3000/g, ' ')
        .replace(/\s+/g, '');
      const ymd =
        s.endsWith('日') && s.indexOf('年') === 4 && s.indexOf('月') > 5
          ? [s.slice(0, 4), s.slice(5, s.indexOf('月')), s.slice(s.indexOf('月') + 1, -1)]
          : (['-', '/', '.'].map((sep) => s.split(sep)).find((p) => p.length === 3) ?? null);
      if (!ymd) return null;
      const [y, m, d] = ymd as [string, string, string];
      if (!/^[0-9]{4}$/.test(y) || !/^[0-9]{1,2}$/.test(m) || !/^[0-9]{1,2}$/.test(d)) return null;
      const dt = new Date(Date.UTC(+y, +m - 1, +d));
      if (dt.getUTCFullYear() !== +y || dt.getUTCMonth() !== +m - 1 || dt.getUTCDate() !== +d) return null;
      return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    };
    const ch = fc.constantFrom(...'0123456789０１２３４５６７８９ -/.年月日x\u3000\t岁');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 14 }), (cs) => {
        const t = cs.join('');
        expect(parseDate(t), JSON.stringify(t)).toBe(before(t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('classify / inferType / fit', () => {
  it('classifies cells', () => {
    expect(classify('12.5%')).toEqual({ cls: 'percentage', value: 12.5 });
    expect(classify('/')).toEqual({ cls: 'na', value: null });
    for (const na of ['N/A', ' —— ', '－', 'NA']) expect(classify(na), na).toEqual({ cls: 'na', value: null });
    expect(classify('N/A 暂无')).toEqual({ cls: 'text', value: 'N/A 暂无' });
    expect(classify('')).toEqual({ cls: 'na', value: null });
    expect(classify('≥36')).toEqual({ cls: 'text', value: '≥36' });
    expect(classify('2023-04-10')).toEqual({ cls: 'date', value: '2023-04-10' });
  });
  it('types a column by the 80% rule; integers fit number columns', () => {
    expect(inferType(['integer', 'integer', 'na'])).toBe('integer');
    expect(inferType(['integer', 'number', 'number'])).toBe('number');
    expect(inferType(['percentage', 'percentage', 'percentage', 'percentage', 'text'])).toBe('percentage');
    expect(inferType(['integer', 'text'])).toBe('text');
    expect(inferType(['na', 'na'])).toBe('text');
    expect(fit('3', 'integer', 3, 'number')).toEqual({ ok: true, value: 3 });
    expect(fit('abc', 'text', 'abc', 'number')).toEqual({ ok: false, value: 'abc' });
    expect(fit('/', 'na', null, 'integer')).toEqual({ ok: true, value: null });
  });
  it('counts each class in its own field, not-applicable cells in none, and uncounts', () => {
    const count = noCounts();
    for (const c of ['integer', 'number', 'number', 'percentage', 'date', 'text', 'text', 'text', 'na'] as const) countClass(count, c, 1);
    expect(count).toEqual({ integer: 1, number: 2, percentage: 1, date: 1, text: 3 });
    countClass(count, 'text', -1);
    countClass(count, 'na', -1);
    expect(count).toEqual({ integer: 1, number: 2, percentage: 1, date: 1, text: 2 });
  });
});
