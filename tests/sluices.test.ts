/**
 * Sluices: golden tests on the sample (every summary value and every stake, checked
 * against the text; every anomaly, each verified by hand) and unit tests of every check
 * on small made-up sluices (no name of the sample).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import { Sluice, SluicePoint } from '../src/model/sluice.js';
import { CATALOGUE } from '../src/model/catalogue.js';
import { baseKey, nameKey, readHeading } from '../src/features/sluices/names.js';
import { stakeLayout, summaryLayout } from '../src/features/sluices/columns.js';
import { computeGeometry, outliers, perimeter, selfIntersections, shoelace, spreadOf, type Pt } from '../src/features/sluices/geometry.js';
import { parseFigure } from '../src/features/sluices/read.js';
import { SAMPLE } from './helpers/sample.js';
import { miniIssue } from './helpers/mini.js';

/**
 * The links between records: each stake names its sluice by position (sluiceRef, within
 * the sluice's section table), each ring lists stakes of its own sluice, each with
 * coordinates and at most once, and the ring's ends are its fromSeq and toSeq.
 */
function expectLinks(issue: { sluices: readonly Sluice[]; points: readonly SluicePoint[] }): void {
  issue.points.forEach((p) => {
    const s = issue.sluices[p.sluiceRef];
    expect(s?.section).toBeTruthy();
    expect(p.line).toBeGreaterThanOrEqual(s!.section!.startLine);
    expect(p.line).toBeLessThanOrEqual(s!.section!.endLine);
  });
  issue.sluices.forEach((s, k) => {
    expect(issue.points.filter((p) => p.sluiceRef === k)).toHaveLength(s.pointCount);
    for (const r of s.geometry.rings) {
      expect(r.pointRefs).toHaveLength(r.points);
      expect(new Set(r.pointRefs).size).toBe(r.points);
      const stakes = r.pointRefs.map((i) => issue.points[i]!);
      expect(stakes.every((p) => p.sluiceRef === k && p.y !== null && p.x !== null)).toBe(true);
      if (stakes.every((p) => p.seq !== null)) expect([stakes[0]!.seq, stakes[stakes.length - 1]!.seq]).toEqual([r.fromSeq, r.toSeq]);
    }
  });
}

const golden = JSON.parse(readFileSync(new URL('./golden/sluices/sample-sluices.json', import.meta.url), 'utf8')) as {
  summary: Array<Record<string, unknown>>;
  points: Record<string, Array<[number, string, string, number, number, number]>>;
};

describe('sample: extraction', () => {
  const issue = parseIssue(SAMPLE, { name: 'sample' });

  it('every record validates against its zod schema', () => {
    for (const s of issue.sluices) expect(() => Sluice.parse(s)).not.toThrow();
    for (const p of issue.points) expect(() => SluicePoint.parse(p)).not.toThrow();
  });

  it('every summary value (golden, checked cell by cell against the text)', () => {
    const got = issue.sluices.map((s) => ({
      index: s.index,
      name: s.name,
      grade: s.grade,
      left: [s.banks.left.shorelineLength, s.banks.left.landArea],
      right: [s.banks.right.shorelineLength, s.banks.right.landArea],
      totalShorelineLength: s.totalShorelineLength,
      boundaryLength: s.boundaryLength,
      waterArea: s.waterArea,
      totalArea: s.totalArea,
      note: s.note,
      line: s.line,
      section: s.section && [s.section.number, s.section.name, s.section.line],
    }));
    expect(got).toEqual(golden.summary);
    expect(issue.sluices.every((s) => s.documentId === '长府办-2023-22' && s.pointCount > 0)).toBe(true);
  });

  it('every stake of every sluice (golden: 143 stakes, checked against the text)', () => {
    const got: Record<string, unknown[]> = {};
    for (const p of issue.points) (got[p.sectionName] ??= []).push([p.seq, p.bankRaw, p.stake, p.y, p.x, p.line]);
    expect(got).toEqual(golden.points);
    expect(issue.points).toHaveLength(143);
    // A continuation fragment (empty header row) belongs to its section: 外环西河 has 3 + 12 rows.
    expect(issue.points.filter((p) => p.sluice === '外环西河泵闸').map((p) => p.seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    ]);
    expect(issue.points.every((p) => p.bank === (p.bankRaw === '左岸' ? 'left' : 'right') && p.stakeNumber === p.seq)).toBe(true);
  });

  it('joins summary rows and sections by name, not position (rows 6 and 7 are swapped in the sections)', () => {
    const byName = Object.fromEntries(issue.sluices.map((s) => [s.name, s.section?.name]));
    expect(byName['许渔河泵闸']).toBe('许渔河水闸');
    expect(byName['南渔浦港泵闸']).toBe('南渔浦港泵闸');
    const pts = issue.points.filter((p) => p.sluice === '许渔河泵闸');
    expect(pts).toHaveLength(7);
    expect(pts.every((p) => p.sectionName === '许渔河水闸' && p.section === 7 && p.sluiceIndex === 6)).toBe(true);
  });

  it('links: each stake names its sluice by position, each ring lists its stakes by position', () => {
    expectLinks(issue);
    // Row 6 (许渔河, index 5) has section (7), which stands after section (6) in the text.
    const xuyu = issue.sluices[5]!;
    expect(issue.points.filter((p) => p.sluiceRef === 5).map((p) => p.sectionName)).toEqual(Array(7).fill('许渔河水闸'));
    expect(xuyu.geometry.rings[0]!.pointRefs).toEqual([102, 103, 104, 105, 106, 107, 108]);
    // 通协河: two rings, 序号 1–4 and 5–18; 朱家浜: JZD15 (line 2682) is in no ring.
    expect(issue.sluices[3]!.geometry.rings.map((r) => r.pointRefs.map((i) => issue.points[i]!.seq))).toEqual([
      [1, 2, 3, 4],
      Array.from({ length: 14 }, (_, i) => i + 5),
    ]);
    const zhujia = issue.sluices[4]!.geometry.rings;
    expect(zhujia).toHaveLength(1);
    expect(zhujia[0]!.pointRefs.map((i) => issue.points[i]!.line)).not.toContain(2682);
    expect(issue.points.find((p) => p.line === 2682)!.sluiceRef).toBe(4);
  });

  it('geometry: one closed ring through the stakes in order matches the stated areas', () => {
    const geo = Object.fromEntries(issue.sluices.map((s) => [s.name, s.geometry]));
    // The ring's area equals 总面积 to the table's 0.1 m² for every sluice (通协河: two rings; 朱家浜: without JZD15).
    for (const s of issue.sluices) {
      expect(s.geometry.boundary).toBe('ring');
      expect(Math.abs(s.geometry.area! - s.totalArea!)).toBeLessThan(0.1);
      expect(s.geometry.selfIntersections).toBe(0);
    }
    expect(geo['北新泾泵闸']).toMatchObject({ area: 3820.02, perimeter: 302.03, rings: [{ fromSeq: 1, toSeq: 21, points: 21 }] });
    expect(geo['通协河水闸']).toMatchObject({
      area: 2328.96,
      perimeter: 306.7,
      excludedSeqs: [],
      rings: [
        { fromSeq: 1, toSeq: 4, area: 900.62, perimeter: 124.99 },
        { fromSeq: 5, toSeq: 18, area: 1428.35, perimeter: 181.71 },
      ],
    });
    expect(geo['朱家浜泵闸']).toMatchObject({ area: 1264.24, perimeter: 173.29, excludedSeqs: [15] });
    expect(geo['南午潮泵闸']).toMatchObject({ area: 377.51, perimeter: 115.6, perimeterRatio: 1.3303 });
  });

  it('check results per sluice', () => {
    const bad = Object.fromEntries(issue.sluices.filter((s) => s.anomalies.length).map((s) => [s.name, s.anomalies]));
    expect(bad).toEqual({
      外环西河泵闸: ['SLUICE_SHARED_POINT'],
      通协河水闸: ['SLUICE_LENGTH_MISMATCH', 'SLUICE_MULTIPART'],
      朱家浜泵闸: ['SLUICE_POINT_OUTLIER', 'SLUICE_SHARED_POINT'],
      许渔河泵闸: ['SLUICE_NAME_MISMATCH', 'SLUICE_ORDER_MISMATCH'],
      南渔浦港泵闸: ['SLUICE_ORDER_MISMATCH'],
      南午潮泵闸: ['SLUICE_LENGTH_MISMATCH'],
    });
    const s1 = issue.sluices[0]!;
    expect(Object.values(s1.checks).every((c) => c === 'ok')).toBe(true);
    expect(issue.sluices[4]!.checks).toMatchObject({
      outliers: 'fail',
      duplicates: 'fail',
      area: 'ok',
      boundaryLength: 'ok',
      shorelineSum: 'ok',
      areaSum: 'ok',
    });
  });

  it('the anomalies raised on the sample, each verified by hand against the text', () => {
    const got = issue.anomalies.filter((a) => a.code.startsWith('SLUICE_')).map((a) => [a.line, a.code, a.message]);
    expect(got).toEqual([
      // 通协河: 界址线长 125.0 is the perimeter of the first ring (JZD1–4) only; both rings give 306.70 m.
      [
        2547,
        'SLUICE_LENGTH_MISMATCH',
        '通协河水闸: the polygon through the stakes (2 rings: 序号 1–4, 5–18) has a perimeter of 306.70 m (124.99 + 181.71), but 界址线长 is 125.0 m (ratio 2.454; tolerance 1 % and 0.5 m); ring 1 alone has 124.99 m',
      ],
      // 南午潮: the ring's area matches 377.5 m², but its perimeter is 115.60 m, not 86.9 m.
      [
        2552,
        'SLUICE_LENGTH_MISMATCH',
        '南午潮泵闸: the polygon through the stakes has a perimeter of 115.60 m, but 界址线长 is 86.9 m (ratio 1.330; tolerance 1 % and 0.5 m)',
      ],
      // 通协河 JZD4 → JZD5 jumps 240 m west; 900.62 + 1428.35 = 2328.97 ≈ 总面积 2328.9: two parcels.
      // at the first stake of the detached second ring (JZD5, line 2645), not at the section heading
      [
        2645,
        'SLUICE_MULTIPART',
        '通协河水闸: the stakes form 2 separate rings: 序号 1–4 (area 900.62 m², perimeter 124.99 m); 序号 5–18 (area 1428.35 m², perimeter 181.71 m); the second ring begins at 序号 5 (section heading: line 2636)',
      ],
      // 朱家浜 JZD15 (-12003.628, 531.479) is 外环西河's JZD15 (line 2608) copied: 1.4 km away.
      [
        2682,
        'SLUICE_POINT_OUTLIER',
        '朱家浜泵闸: JZD15 lies 1439.4 m from the median point of the 15 stakes, whose typical distance is 20.4 m (70.7×); left out of the polygon (the stake sequence jumps to it and back)',
      ],
      [
        2682,
        'SLUICE_SHARED_POINT',
        '朱家浜泵闸: JZD15 has the same coordinates as 外环西河泵闸 JZD15 (line 2608): Y -12003.628, X 531.479',
      ],
      // Summary rows 6 许渔河, 7 南渔浦港; sections (6) 南渔浦港, (7) 许渔河.
      [2684, 'SLUICE_ORDER_MISMATCH', 'section (6) 南渔浦港泵闸 is row 7 of the summary table (南渔浦港泵闸, line 2550)'],
      // The summary (and the list in the regulation, line 2526) say 许渔河泵闸; the section says 水闸.
      [
        2706,
        'SLUICE_NAME_MISMATCH',
        'section (7) "许渔河水闸" is "许渔河泵闸" in the summary table (line 2549); the text elsewhere writes 许渔河泵闸 1×, 许渔河水闸 0×',
      ],
      [2706, 'SLUICE_ORDER_MISMATCH', 'section (7) 许渔河水闸 is row 6 of the summary table (许渔河泵闸, line 2549)'],
    ]);
    for (const a of issue.anomalies.filter((x) => x.code.startsWith('SLUICE_'))) {
      expect(CATALOGUE[a.code as keyof typeof CATALOGUE].group).toBe('sluices');
      expect(a.documentId).toBe('长府办-2023-22');
      expect(SAMPLE.split('\n')[a.line - 1]).toBe(a.evidence);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Made-up sluices

type Row = [number | string, string, string, number | string, number | string];

interface Spec {
  name: string;
  summaryName?: string;
  section?: string | null;
  left?: [string, string];
  right?: [string, string];
  total?: string;
  boundary?: string;
  water?: string;
  area?: string;
  rows: Row[];
}

/** A clean 100 m × 100 m square, stakes every 50 m, left bank north, right bank south. */
function square(y0: number, x0: number): Row[] {
  const c: Array<[number, number]> = [
    [0, 100],
    [50, 100],
    [100, 100],
    [100, 50],
    [100, 0],
    [50, 0],
    [0, 0],
    [0, 50],
  ];
  return c.map(([dy, dx], i) => [i + 1, i < 3 || i === 7 ? '左岸' : '右岸', `JZD${i + 1}`, (y0 + dy).toFixed(3), (x0 + dx).toFixed(3)]);
}

const squareSpec = (name: string, y0 = -5000, x0 = 1000): Spec => ({
  name,
  rows: square(y0, x0),
  left: ['100.0', '3000.0'],
  right: ['100.0', '3000.0'],
  total: '200.0',
  boundary: '400.0',
  water: '4000.0',
  area: '10000.0',
});

function sluiceDoc(specs: Spec[], opts: { header?: string[]; row?: (s: Spec, i: number) => string[] } = {}): string {
  const header = opts.header ?? [
    '序号',
    '名称',
    '等级',
    '岸别',
    '岸线长度 (m)',
    '陆域面积 (m ²)',
    '岸别',
    '岸线长度 (m)',
    '陆域面积 (m ²)',
    '岸线总长度 (m)',
    '界址线长 (m)',
    '水域面积 (m ²)',
    '总面积 (m ²)',
    '备注',
  ];
  const row =
    opts.row ??
    ((s: Spec, i: number) => [
      String(i + 1),
      s.summaryName ?? s.name,
      '区管',
      '左岸',
      ...(s.left ?? ['', '']),
      '右岸',
      ...(s.right ?? ['', '']),
      s.total ?? '',
      s.boundary ?? '',
      s.water ?? '',
      s.area ?? '',
      '',
    ]);
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const body: string[] = ['附件 1', '某区泵闸管理与保护范围划定情况表', line(header), line(header.map(() => '----'))];
  specs.forEach((s, i) => {
    if (s.summaryName !== '') body.push(line(row(s, i)));
  });
  body.push('', '附件 2', '', '某区泵闸管理与保护范围划定界址数据成果');
  let n = 0;
  for (const s of specs) {
    if (s.section === null) continue;
    n++;
    body.push('', s.section ?? `(${n}) ${s.name}`, '');
    body.push(
      line(['序号', '岸别', '桩号', '城建坐标', '', '备注']),
      line(['----', '----', '----', '----', '----', '----']),
      line(['', '', '', 'Y(m)', 'X(m)', '']),
    );
    for (const r of s.rows) body.push(line([String(r[0]), r[1], r[2], String(r[3]), String(r[4]), '']));
  }
  return miniIssue({
    docs: [
      {
        title: '某区人民政府办公室关于转发泵闸管理与保护范围规定的通知',
        number: '某府办〔2023〕5号',
        body: [
          '区政府各委、办、局：',
          '现转发给你们。',
          '附件：1. 某区泵闸管理与保护范围划定情况表\n2. 某区泵闸管理与保护范围划定界址数据成果',
          body.join('\n'),
        ],
      },
    ],
  });
}

function run(specs: Spec[], opts?: Parameters<typeof sluiceDoc>[1]) {
  const issue = parseIssue(sluiceDoc(specs, opts));
  const anomalies = issue.anomalies.filter((a) => a.code.startsWith('SLUICE_'));
  return { issue, anomalies, codes: anomalies.map((a) => a.code) };
}

describe('made-up sluices: checks', () => {
  it('a clean square whose area and perimeter match: no anomaly, every check ok', () => {
    const { issue, codes } = run([squareSpec('甲河泵闸'), squareSpec('乙港水闸', -7000, 3000)]);
    expect(codes).toEqual([]);
    expect(issue.sluices).toHaveLength(2);
    const s = issue.sluices[0]!;
    expect(s).toMatchObject({
      index: 1,
      name: '甲河泵闸',
      grade: '区管',
      banks: { left: { shorelineLength: 100, landArea: 3000 }, right: { shorelineLength: 100, landArea: 3000 } },
      totalArea: 10000,
      boundaryLength: 400,
    });
    expect(s.geometry).toMatchObject({
      boundary: 'ring',
      area: 10000,
      perimeter: 400,
      selfIntersections: 0,
      areaRatio: 1,
      perimeterRatio: 1,
    });
    expect(Object.values(s.checks).every((c) => c === 'ok')).toBe(true);
    expect(issue.points).toHaveLength(16);
  });

  it('a duplicated point within a sluice', () => {
    const spec = squareSpec('甲河泵闸');
    spec.rows.splice(4, 0, [5, '右岸', 'JZD5', spec.rows[2]![3], spec.rows[2]![4]]);
    spec.rows.forEach((r, i) => {
      r[0] = i + 1;
      r[2] = `JZD${i + 1}`;
    });
    const { anomalies, issue } = run([spec]);
    const dup = anomalies.filter((a) => a.code === 'SLUICE_DUPLICATE_POINT');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toBe('甲河泵闸: JZD5 has the same coordinates as JZD3 (line ' + issue.points[2]!.line + '): Y -4900, X 1100');
    expect(issue.sluices[0]!.checks.duplicates).toBe('fail');
  });

  it('the same coordinate pair in two sluices', () => {
    const a = squareSpec('甲河泵闸');
    const b = squareSpec('乙港水闸', -7000, 3000);
    b.rows[3] = [4, '右岸', 'JZD4', a.rows[5]![3], a.rows[5]![4]];
    const { anomalies, issue } = run([a, b]);
    const shared = anomalies.filter((x) => x.code === 'SLUICE_SHARED_POINT');
    expect(shared.map((x) => x.message)).toEqual([
      `乙港水闸: JZD4 has the same coordinates as 甲河泵闸 JZD6 (line ${issue.points[5]!.line}): Y -4950, X 1000`,
    ]);
    expect(issue.sluices.map((s) => s.checks.duplicates)).toEqual(['fail', 'fail']);
  });

  it('a point 10 km away: outlier with its distance, left out of the polygon', () => {
    const spec = squareSpec('甲河泵闸');
    spec.rows.push([9, '左岸', 'JZD9', '5000.000', '1050.000']);
    const { anomalies, issue } = run([spec]);
    const out = anomalies.filter((a) => a.code === 'SLUICE_POINT_OUTLIER');
    expect(out).toHaveLength(1);
    expect(out[0]!.message).toMatch(
      /^甲河泵闸: JZD9 lies 99\d\d\.\d m from the median point of the 9 stakes, whose typical distance is \d+\.\d m/,
    );
    expect(out[0]!.line).toBe(issue.points[8]!.line);
    // the polygon is the square without the stray stake: area and perimeter still match
    expect(issue.sluices[0]!.geometry).toMatchObject({ area: 10000, perimeter: 400, excludedSeqs: [9] });
    expect(anomalies.map((a) => a.code)).toEqual(['SLUICE_POINT_OUTLIER']);
  });

  it('a gap in the stake numbers, a stake number that differs from 序号, a stake twice', () => {
    const spec = squareSpec('甲河泵闸');
    // 序号 1 2 3 5 6 7 8 9 (4 missing); the row 序号 6 holds stake JZD5 (again)
    spec.rows.forEach((r, i) => {
      if (i >= 3) {
        r[0] = i + 2;
        r[2] = `JZD${i + 2}`;
      }
    });
    spec.rows[4]![2] = 'JZD5';
    const { anomalies, issue } = run([spec]);
    expect(anomalies.map((a) => [a.code, a.message, a.line])).toEqual([
      ['SLUICE_SEQ_GAP', '甲河泵闸: 序号 5 where 4 was expected (1 missing)', issue.points[3]!.line],
      ['SLUICE_STAKE_DUPLICATE', `甲河泵闸: stake JZD5 appears twice (also line ${issue.points[3]!.line})`, issue.points[4]!.line],
      ['SLUICE_STAKE_NUMBER_MISMATCH', '甲河泵闸: stake JZD5 stands in row 序号 6', issue.points[4]!.line],
    ]);
    expect(issue.sluices[0]!.checks.stakes).toBe('fail');
  });

  it('a swapped name (泵闸 vs 水闸): joined by the tolerant key, reported', () => {
    const spec = { ...squareSpec('甲河泵闸'), section: '(1) 甲河水闸' };
    const { anomalies, issue } = run([spec]);
    expect(anomalies.map((a) => [a.code, a.message])).toEqual([
      ['SLUICE_NAME_MISMATCH', 'section (1) "甲河水闸" is "甲河泵闸" in the summary table (line ' + issue.sluices[0]!.line + ')'],
    ]);
    expect(issue.sluices[0]!.section!.name).toBe('甲河水闸');
    expect(issue.points.every((p) => p.sluice === '甲河泵闸')).toBe(true);
  });

  it('spacing and bracket differences are no mismatch', () => {
    const spec = { ...squareSpec('甲河（东）泵闸'), section: '（1） 甲 河(东)泵闸' };
    const { codes, issue } = run([spec]);
    expect(codes).toEqual([]);
    expect(issue.sluices[0]!.section).toMatchObject({ number: 1, name: '甲河(东)泵闸' });
  });

  it('a heading that goes on after the name (名称 + 界址点坐标表) joins without a mismatch', () => {
    const { codes, issue } = run([{ ...squareSpec('甲河泵闸'), section: '(1) 甲河泵闸界址点坐标表' }]);
    expect(codes).toEqual([]);
    expect(issue.sluices[0]!.section!.name).toBe('甲河泵闸界址点坐标表');
    expect(issue.points.every((p) => p.sluice === '甲河泵闸')).toBe(true);
  });

  it('sections swapped against the summary: joined by name, order reported', () => {
    const a = squareSpec('甲河泵闸');
    const b = squareSpec('乙港水闸', -7000, 3000);
    // the summary lists 甲 then 乙; the text has section (1) 乙港水闸 first, then (2) 甲河泵闸
    const { anomalies, issue } = run([
      { ...b, summaryName: '甲河泵闸', section: '(1) 乙港水闸' },
      { ...a, summaryName: '乙港水闸', section: '(2) 甲河泵闸' },
    ]);
    expect(anomalies.map((x) => [x.code, x.message])).toEqual([
      ['SLUICE_ORDER_MISMATCH', `section (1) 乙港水闸 is row 2 of the summary table (乙港水闸, line ${issue.sluices[1]!.line})`],
      ['SLUICE_ORDER_MISMATCH', `section (2) 甲河泵闸 is row 1 of the summary table (甲河泵闸, line ${issue.sluices[0]!.line})`],
    ]);
    // each row got the stakes of its own section, whatever the position
    expect(issue.sluices.map((s) => [s.name, s.section!.number, issue.points.find((p) => p.sluice === s.name)!.y])).toEqual([
      ['甲河泵闸', 2, -5000],
      ['乙港水闸', 1, -7000],
    ]);
  });

  it('unnumbered sections out of order: those outside the summary order are reported', () => {
    const names = ['甲河泵闸', '乙港水闸', '丙浜涵闸'];
    const specs = [
      { ...squareSpec('乙港水闸', -7000, 3000), summaryName: names[0], section: '乙港水闸' },
      { ...squareSpec('甲河泵闸'), summaryName: names[1], section: '甲河泵闸' },
      { ...squareSpec('丙浜涵闸', -9000, 5000), summaryName: names[2], section: '丙浜涵闸' },
    ];
    const { anomalies } = run(specs);
    expect(anomalies.map((x) => x.code)).toEqual(['SLUICE_ORDER_MISMATCH']);
    // 乙 stands first among the sections but is row 2: the longest run in summary order is 甲, 丙
    expect(anomalies[0]!.message).toMatch(
      /^section 乙港水闸 stands at place 1 of the joined sections but 乙港水闸 is row 2 of the summary table/,
    );
  });

  it('a summary row without a section, and a section without a row', () => {
    const a = squareSpec('甲河泵闸');
    const b = { ...squareSpec('乙港水闸', -7000, 3000), section: null };
    const c = { ...squareSpec('丙浜涵闸', -9000, 5000), summaryName: '' };
    const { anomalies, issue } = run([a, b, c]);
    expect(anomalies.map((x) => [x.code, x.message])).toEqual([
      ['SLUICE_SECTION_MISSING', '乙港水闸 (row 2 of the summary) has no boundary section with stakes'],
      ['SLUICE_SECTION_UNLISTED', 'section (2) 丙浜涵闸 has no row in the summary table'],
    ]);
    expect(issue.sluices.map((s) => [s.name, s.index, s.checks.join, s.pointCount])).toEqual([
      ['甲河泵闸', 1, 'ok', 8],
      ['乙港水闸', 2, 'fail', 0],
      ['丙浜涵闸', null, 'fail', 8],
    ]);
    // the stakes of the unlisted section name the third sluice, not the second
    expect([...new Set(issue.points.map((p) => p.sluiceRef))]).toEqual([0, 2]);
    expectLinks(issue);
  });

  it('sections that the structure reader put into a document of their own still join the summary before them', () => {
    const text = sluiceDoc([squareSpec('甲河泵闸'), squareSpec('乙港水闸', -7000, 3000)]);
    // Give 附件 2 a title and date line of its own: it becomes a second document.
    const split = text.replace(
      '附件 2\n',
      '某区泵闸管理与保护范围划定界址数据成果的通知\n\n(2023 年 4 月 11 日)\n\n某府办〔2023〕6号\n\n附件 2\n',
    );
    const issue = parseIssue(split);
    const docs = new Set(issue.points.map((p) => p.documentId));
    const summaryDoc = issue.sluices[0]!.documentId;
    expect(docs.has(summaryDoc)).toBe(false);
    expect(issue.sluices.map((s) => [s.name, s.pointCount])).toEqual([
      ['甲河泵闸', 8],
      ['乙港水闸', 8],
    ]);
    expect(issue.anomalies.filter((a) => a.code.startsWith('SLUICE_'))).toEqual([]);
  });

  it('sums off by more than rounding; off by rounding only is fine', () => {
    const off = { ...squareSpec('甲河泵闸'), total: '200.3', area: '10001.0' };
    const ok = {
      ...squareSpec('乙港水闸', -7000, 3000),
      left: ['100.1', '3000.1'] as [string, string],
      right: ['100.0', '3000.0'] as [string, string],
    };
    const { anomalies, issue } = run([off, ok]);
    expect(anomalies.map((a) => [a.code, a.message])).toEqual([
      [
        'SLUICE_SHORELINE_SUM',
        '甲河泵闸: 左岸 100.0 + 右岸 100.0 = 200.0 m, but 岸线总长度 is 200.3 m (off by 0.30 m; rounding tolerance 0.150 m)',
      ],
      [
        'SLUICE_AREA_SUM',
        '甲河泵闸: 左岸陆域 3000.0 + 右岸陆域 3000.0 + 水域 4000.0 = 10000.0 m², but 总面积 is 10001.0 m² (off by 1.00 m²; rounding tolerance 0.200 m²)',
      ],
    ]);
    expect(issue.sluices[1]!.checks).toMatchObject({ shorelineSum: 'ok', areaSum: 'ok' });
  });

  it('polygon area and perimeter far from the stated figures', () => {
    const { anomalies } = run([{ ...squareSpec('甲河泵闸'), area: '12000.0', water: '6000.0', boundary: '300.0' }]);
    expect(anomalies.map((a) => [a.code, a.message])).toEqual([
      [
        'SLUICE_LENGTH_MISMATCH',
        '甲河泵闸: the polygon through the stakes has a perimeter of 400.00 m, but 界址线长 is 300.0 m (ratio 1.333; tolerance 1 % and 0.5 m)',
      ],
      [
        'SLUICE_AREA_MISMATCH',
        '甲河泵闸: the polygon through the stakes has an area of 10000.00 m², but 总面积 is 12000.0 m² (ratio 0.833; tolerance 1 % and 1 m²)',
      ],
    ]);
  });

  it('a polygon that crosses itself', () => {
    const spec = squareSpec('甲河泵闸');
    [spec.rows[2], spec.rows[4]] = [spec.rows[4]!, spec.rows[2]!];
    spec.rows.forEach((r, i) => {
      r[0] = i + 1;
      r[2] = `JZD${i + 1}`;
      r[1] = '左岸';
    });
    const { codes, issue, anomalies } = run([spec]);
    expect(codes).toContain('SLUICE_SELF_INTERSECTION');
    expect(issue.sluices[0]!.geometry.selfIntersections).toBeGreaterThan(0);
    // at the stake that starts the first crossing edge, not at the section heading
    const a = anomalies.find((x) => x.code === 'SLUICE_SELF_INTERSECTION')!;
    const seq = Number(/edges \(序号\) (\d+)–/.exec(a.message)![1]);
    expect(a.line).toBe(issue.points.find((p) => p.seq === seq)!.line);
    expect(a.message).toMatch(/section heading: line \d+\)$/);
  });

  it('two bank lines in the same direction are read as lines, not a crossing ring', () => {
    // left bank west→east along the north side, then right bank west→east along the south side
    const rows: Row[] = [
      [1, '左岸', 'JZD1', '-5000.000', '1100.000'],
      [2, '左岸', 'JZD2', '-4950.000', '1100.000'],
      [3, '左岸', 'JZD3', '-4900.000', '1100.000'],
      [4, '右岸', 'JZD4', '-5000.000', '1000.000'],
      [5, '右岸', 'JZD5', '-4950.000', '1000.000'],
      [6, '右岸', 'JZD6', '-4900.000', '1000.000'],
    ];
    const { codes, issue } = run([{ ...squareSpec('甲河泵闸'), rows }]);
    expect(issue.sluices[0]!.geometry).toMatchObject({ boundary: 'lines', area: 10000, perimeter: 400, selfIntersections: 0 });
    expect(codes).toEqual([]);
    // the ring: the left bank in order, then the right bank reversed
    const stakes = issue.sluices[0]!.geometry.rings[0]!.pointRefs.map((i) => issue.points[i]!.stake);
    expect(stakes).toEqual(['JZD1', 'JZD2', 'JZD3', 'JZD6', 'JZD5', 'JZD4']);
    expectLinks(issue);
  });

  it('separate parcels: two rings 1 km apart, areas summed when that matches the stated area', () => {
    const a: Row[] = [
      [1, '左岸', 'JZD1', '-5000.000', '1000.000'],
      [2, '左岸', 'JZD2', '-4950.000', '1000.000'],
      [3, '右岸', 'JZD3', '-4950.000', '1050.000'],
      [4, '右岸', 'JZD4', '-5000.000', '1050.000'],
    ];
    const b: Row[] = [
      [5, '右岸', 'JZD5', '-4000.000', '1000.000'],
      [6, '右岸', 'JZD6', '-3950.000', '1000.000'],
      [7, '右岸', 'JZD7', '-3950.000', '1050.000'],
      [8, '右岸', 'JZD8', '-4000.000', '1050.000'],
    ];
    const spec = {
      ...squareSpec('甲河泵闸'),
      rows: [...a, ...b],
      area: '5000.0',
      water: '1000.0',
      left: ['50.0', '2000.0'] as [string, string],
      right: ['50.0', '2000.0'] as [string, string],
      total: '100.0',
      boundary: '400.0',
    };
    const { anomalies, issue } = run([spec]);
    // at the first stake of the second ring, through the last stake
    expect(anomalies.map((x) => [x.line, x.endLine])).toEqual([[issue.points[4]!.line, issue.points[7]!.line]]);
    expect(anomalies.map((x) => [x.code, x.message])).toEqual([
      [
        'SLUICE_MULTIPART',
        '甲河泵闸: the stakes form 2 separate rings: 序号 1–4 (area 2500.00 m², perimeter 200.00 m); 序号 5–8 (area 2500.00 m², perimeter 200.00 m); the second ring begins at 序号 5 (section heading: line 32)',
      ],
    ]);
    expect(issue.sluices[0]!.geometry).toMatchObject({
      boundary: 'ring',
      area: 5000,
      perimeter: 400,
      rings: [
        { fromSeq: 1, toSeq: 4, area: 2500, pointRefs: [0, 1, 2, 3] },
        { fromSeq: 5, toSeq: 8, area: 2500, pointRefs: [4, 5, 6, 7] },
      ],
    });
  });

  it('a long narrow range with stakes only at its ends stays one ring (its area matches)', () => {
    const ys = [0, 0, 0, 0, 0, 300, 300, 300, 300, 300];
    const xs = [0, 5, 10, 15, 20, 20, 15, 10, 5, 0];
    const rows = ys.map((y, i): Row => [i + 1, i < 5 ? '左岸' : '右岸', `JZD${i + 1}`, (-5000 + y).toFixed(3), (1000 + xs[i]!).toFixed(3)]);
    const { codes, issue } = run([{ ...squareSpec('甲河泵闸'), rows, area: '6000.0', water: '0.0', boundary: '640.0' }]);
    expect(codes).toEqual([]);
    expect(issue.sluices[0]!.geometry).toMatchObject({ boundary: 'ring', area: 6000, perimeter: 640, rings: [{ fromSeq: 1, toSeq: 10 }] });
  });

  it('column meaning comes from the header text, not positions', () => {
    const header = [
      '名称',
      '总面积 (m ²)',
      '左岸岸线长度 (m)',
      '右岸岸线长度 (m)',
      '岸线总长度 (m)',
      '左岸陆域面积 (m ²)',
      '右岸陆域面积 (m ²)',
      '水域面积 (m ²)',
      '界址线长 (m)',
      '序号',
    ];
    const row = (s: Spec, i: number) => [
      s.name,
      s.area!,
      s.left![0],
      s.right![0],
      s.total!,
      s.left![1],
      s.right![1],
      s.water!,
      s.boundary!,
      String(i + 1),
    ];
    const { codes, issue } = run([{ ...squareSpec('甲河泵闸'), left: ['60.0', '2500.0'], right: ['40.0', '3500.0'], total: '100.0' }], {
      header,
      row,
    });
    expect(codes).toEqual([]);
    expect(issue.sluices[0]).toMatchObject({
      index: 1,
      name: '甲河泵闸',
      grade: null,
      banks: { left: { shorelineLength: 60, landArea: 2500 }, right: { shorelineLength: 40, landArea: 3500 } },
      totalShorelineLength: 100,
      totalArea: 10000,
      waterArea: 4000,
      boundaryLength: 400,
    });
  });

  it('right bank written first: banks follow the 岸别 cells', () => {
    const row = (s: Spec, i: number) => [
      String(i + 1),
      s.name,
      '区管',
      '右岸',
      '70.0',
      '1000.0',
      '左岸',
      '30.0',
      '5000.0',
      '100.0',
      '400.0',
      '4000.0',
      '10000.0',
      '',
    ];
    const { codes, issue } = run([squareSpec('甲河泵闸')], { row });
    expect(codes).toEqual([]);
    expect(issue.sluices[0]!.banks).toEqual({
      left: { shorelineLength: 30, landArea: 5000 },
      right: { shorelineLength: 70, landArea: 1000 },
    });
  });

  it('a coordinate that is not a number', () => {
    const spec = squareSpec('甲河泵闸');
    spec.rows[1]![3] = '-49 5O.000';
    const { anomalies, issue } = run([spec]);
    expect(anomalies[0]).toMatchObject({ code: 'SLUICE_VALUE_INVALID', message: 'JZD2: coordinate Y is not a number: "-49 5O.000"' });
    expect(issue.points[1]).toMatchObject({ stake: 'JZD2', y: null, x: 1100 });
  });
});

describe('made-up sluices: more irregularities', () => {
  const totalsRow = (cells: string[]) => (s: Spec, i: number) =>
    s.name === '合计'
      ? cells
      : [
          String(i + 1),
          s.name,
          '区管',
          '左岸',
          ...(s.left ?? ['', '']),
          '右岸',
          ...(s.right ?? ['', '']),
          s.total ?? '',
          s.boundary ?? '',
          s.water ?? '',
          s.area ?? '',
          '',
        ];

  it('a totals row (合计) is no sluice; its figures are checked against the sum of the rows', () => {
    const total: Spec = { name: '合计', rows: [], section: null };
    const row = totalsRow(['', '合计', '', '', '200.0', '6000.0', '', '200.0', '6000.0', '400.0', '800.0', '8000.0', '20100.0', '']);
    const { anomalies, issue } = run([squareSpec('甲河泵闸'), squareSpec('乙港水闸', -7000, 3000), total], { row });
    expect(issue.sluices.map((s) => s.name)).toEqual(['甲河泵闸', '乙港水闸']);
    expect(anomalies.map((a) => [a.code, a.message])).toEqual([
      [
        'SLUICE_TOTAL_SUM',
        '合计: 总面积 of the 2 rows adds up to 20000.0, but the row gives 20100.0 (off by 100.00; rounding tolerance 0.150)',
      ],
    ]);
  });

  it('a 岸别 cell that is neither bank', () => {
    const spec = squareSpec('甲河泵闸');
    spec.rows[2]![1] = '中岸';
    const { anomalies, issue } = run([spec]);
    expect(anomalies.map((a) => [a.code, a.message])).toEqual([['SLUICE_BANK_UNKNOWN', '岸别 "中岸" is neither 左岸 nor 右岸']]);
    expect(issue.points[2]).toMatchObject({ bank: null, bankRaw: '中岸' });
  });

  it('a stake table without heading, and a section with too few stakes', () => {
    const a = { ...squareSpec('甲河泵闸'), rows: square(-5000, 1000).slice(0, 2) };
    const { anomalies } = run([a]);
    expect(anomalies.map((x) => x.code)).toEqual(['SLUICE_TOO_FEW_POINTS']);
    const b = { ...squareSpec('甲河泵闸'), section: '' };
    const r = run([b]);
    expect(r.anomalies.map((x) => x.code)).toEqual(['SLUICE_SECTION_MISSING', 'SLUICE_SECTION_HEADING_MISSING']);
  });
});

describe('a coordinate table without 桩号', () => {
  it('序号 names the stakes in records, messages and plots', async () => {
    const { plotSluice } = await import('../src/features/sluices/plot.js');
    const rows = square(-5000, 1000).map((r) => `| ${r[0]} | ${r[4]} | ${r[3]} |`);
    rows.push(`| 9 | ${square(-5000, 1000)[0]![4]} | ${square(-5000, 1000)[0]![3]} |`);
    const body = [
      '| 序号 | 名称 | 岸线总长度 (m) | 界址线长 (m) | 总面积 (m ²) |',
      '| -- | -- | -- | -- | -- |',
      '| 1 | 甲河泵闸 | 200.0 | 400.0 | 10000.0 |',
      '',
      '(1) 甲河泵闸',
      '',
      '| 序号 | X 坐标 | Y 坐标 |',
      '| -- | -- | -- |',
      ...rows,
    ].join('\n');
    const issue = parseIssue(
      miniIssue({ docs: [{ title: '某区人民政府关于泵闸管理范围的通知', number: '某府〔2023〕7号', body: ['各单位：', body] }] }),
    );
    expect(issue.points).toHaveLength(9);
    expect(issue.points[0]).toMatchObject({ stake: '', stakeNumber: null, seq: 1, y: -5000, x: 1100 });
    const dup = issue.anomalies.find((a) => a.code === 'SLUICE_DUPLICATE_POINT')!;
    expect(dup.message).toMatch(/^甲河泵闸: 序号 9 has the same coordinates as 序号 1 \(line \d+\): Y -5000, X 1100$/);
    expect(issue.sluices[0]!.geometry).toMatchObject({ area: 10000, perimeter: 400 });
    expect(plotSluice(issue, issue.sluices[0]!)).toContain('>序号 9</text>');
  });
});

describe('the tables stage and the scanner agree on the sample', () => {
  it('sluices read from logical tables = sluices read straight from scanner fragments', async () => {
    const { splitLines } = await import('../src/read/lines.js');
    const { readStructure } = await import('../src/core/structure.js');
    const { scanTables } = await import('../src/features/tables/scan.js');
    const { extractTables } = await import('../src/features/tables/index.js');
    const { extractSluices, gridsFromFragments, gridsFromTables } = await import('../src/features/sluices/index.js');
    const src = splitLines(SAMPLE);
    const st = readStructure(src).value;
    const viaTables = extractSluices(gridsFromTables(extractTables(src, st.documents).value), src.lines);
    const viaFragments = extractSluices(gridsFromFragments(scanTables(src), src.lines, st.documents), src.lines);
    expect(viaFragments.value).toEqual(viaTables.value);
    expect(viaFragments.anomalies).toEqual(viaTables.anomalies);
    expect(viaTables.value.points).toHaveLength(143);
  });
});

describe('check descriptions', () => {
  it('one text per check: the zod model and the CSV columns say the same, with the tolerances in force', async () => {
    const { SLUICE_CHECK_TEXT } = await import('../src/model/sluice-checks.js');
    const { SLUICES_CSV } = await import('../src/features/sluices/csv.js');
    const { AREA_TOLERANCE, LENGTH_TOLERANCE } = await import('../src/features/sluices/check.js');
    const shape = Sluice.shape.checks.shape;
    expect(Object.keys(shape)).toEqual(Object.keys(SLUICE_CHECK_TEXT));
    for (const [k, text] of Object.entries(SLUICE_CHECK_TEXT)) expect(shape[k as keyof typeof shape].description).toBe(text);
    const csv = SLUICES_CSV.columns.filter((f) => f.name.startsWith('check_')).map((f) => f.description);
    expect(csv).toEqual(Object.values(SLUICE_CHECK_TEXT).map((t) => `ok / fail / skipped: ${t}`));
    expect(SLUICE_CHECK_TEXT.area).toContain(`${AREA_TOLERANCE.relative * 100} % (and ${AREA_TOLERANCE.absolute} m²)`);
    expect(SLUICE_CHECK_TEXT.boundaryLength).toContain(`${LENGTH_TOLERANCE.relative * 100} % (and ${LENGTH_TOLERANCE.absolute} m)`);
  });
});

describe('helpers', () => {
  it('the spread of stakes: median centre (even and odd counts), median distance, outliers', () => {
    const pt = (y: number, x: number, seq = 0): Pt => ({ seq, y, x, bank: null });
    const pts = [pt(3, 10), pt(1, 40), pt(2, 20), pt(100, 30)];
    const s = spreadOf(pts);
    expect(s.centre).toEqual({ y: 2.5, x: 25 });
    expect(s.distances[3]).toBeCloseTo(Math.hypot(97.5, 5));
    // the median of the sorted distances, numerically (not as text: 15.2… < 97.6…)
    expect(s.spread).toBeCloseTo((Math.hypot(0.5, 15) + Math.hypot(1.5, 15)) / 2);
    const odd = spreadOf([pt(-5, 1), pt(10, 2), pt(9, 3)]);
    expect(odd.centre).toEqual({ y: 9, x: 2 });
    const many = [...Array.from({ length: 9 }, (_, i) => pt(i % 3, Math.floor(i / 3))), pt(500, 500)];
    expect(outliers(many).map((o) => o.index)).toEqual([9]);
    expect(outliers(many, spreadOf(many))).toEqual(outliers(many));
  });

  it('name keys', () => {
    expect(nameKey('甲 河（东）泵闸')).toBe(nameKey('甲河(东)泵闸'));
    expect(baseKey('甲河泵闸')).toBe('甲河');
    expect(baseKey('甲河水闸')).toBe('甲河');
    expect(baseKey('甲河涵闸')).toBe('甲河');
    expect(baseKey('甲河闸')).toBe('甲河');
    expect(baseKey('闸')).toBe('闸');
  });

  it('section headings', () => {
    expect(readHeading('(6)南渔港泵闸')).toEqual({ number: 6, name: '南渔港泵闸' });
    expect(readHeading('（12） 某 河 泵闸')).toEqual({ number: 12, name: '某河泵闸' });
    expect(readHeading('（三）某河泵闸')).toEqual({ number: 3, name: '某河泵闸' });
    expect(readHeading('3. 某河泵闸')).toEqual({ number: 3, name: '某河泵闸' });
    expect(readHeading('某河泵闸')).toEqual({ number: null, name: '某河泵闸' });
    expect(readHeading('| 1 | 左岸 |')).toBeNull();
    expect(readHeading('附件 2')).toBeNull();
    expect(readHeading('现就本区泵闸管理与保护范围作如下规定：')).toBeNull();
  });

  it('layouts from header text', () => {
    expect(stakeLayout(['序号', '岸别', '桩号', '城建坐标 Y(m)', '城建坐标 X(m)', '备注'])).toEqual({
      seq: 0,
      bank: 1,
      stake: 2,
      y: 3,
      x: 4,
      note: 5,
    });
    expect(stakeLayout(['点号', 'X (m)', 'Y (m)'])).toEqual({ seq: null, bank: null, stake: 0, y: 2, x: 1, note: null });
    expect(stakeLayout(['序号', '名称', '面积'])).toBeNull();
    expect(stakeLayout(['序号', 'X坐标', 'Y坐标'])).toEqual({ seq: 0, bank: null, stake: -1, y: 2, x: 1, note: null });
    expect(stakeLayout(['名称', 'X', 'Y'])).toBeNull();
    // x and y in either case, alone or beside non-Latin text; inside a Latin word they name no axis
    expect(stakeLayout(['点号', 'y(m)', 'x(m)'])).toEqual({ seq: null, bank: null, stake: 0, y: 1, x: 2, note: null });
    expect(stakeLayout(['点号', '坐标y', '坐标x'])).toEqual({ seq: null, bank: null, stake: 0, y: 1, x: 2, note: null });
    expect(stakeLayout(['点号', 'Max Y', 'Box X'])).toBeNull();
    expect(stakeLayout(['点号', 'Yes', 'X'])).toBeNull();
    expect(stakeLayout(['点号', '东坐标', '北坐标'])).toEqual({ seq: null, bank: null, stake: 0, y: 1, x: 2, note: null });
    expect(
      summaryLayout([
        '序号',
        '名称',
        '等级',
        '岸别',
        '岸线长度 (m)',
        '陆域面积 (m ²)',
        '岸别',
        '岸线长度 (m)',
        '陆域面积 (m ²)',
        '岸线总长度 (m)',
        '界址线长 (m)',
        '水域面积 (m ²)',
        '总面积 (m ²)',
        '备注',
      ]),
    ).toEqual({
      index: 0,
      name: 1,
      grade: 2,
      groups: [
        { bankColumn: 3, fixed: null, shoreline: 4, landArea: 5 },
        { bankColumn: 6, fixed: null, shoreline: 7, landArea: 8 },
      ],
      totalShoreline: 9,
      boundaryLength: 10,
      waterArea: 11,
      totalArea: 12,
      note: 13,
    });
    // a table of names and areas that is not about banks is no summary table
    expect(summaryLayout(['序号', '名称', '总面积', '备注'])).toBeNull();
  });

  it('figures', () => {
    expect(parseFigure('-9214.837')).toEqual({ value: -9214.837, decimals: 3 });
    expect(parseFigure('1,264.2')).toEqual({ value: 1264.2, decimals: 1 });
    expect(parseFigure('０.０')).toEqual({ value: 0, decimals: 1 });
    expect(parseFigure('JZD1')).toBeNull();
    // written plainly, or with what is rewritten first: spaces, full width, the minus sign, commas
    expect(parseFigure('+12.50')).toEqual({ value: 12.5, decimals: 2 });
    expect(parseFigure('-0')).toEqual({ value: 0, decimals: 0 });
    expect(parseFigure('−3 456.7')).toEqual({ value: -3456.7, decimals: 1 });
    expect(parseFigure('１２３４')).toEqual({ value: 1234, decimals: 0 });
    expect(parseFigure('12.')).toEqual({ value: 12, decimals: 0 });
    expect(parseFigure('1.2.3')).toBeNull();
    expect(parseFigure('')).toBeNull();
  });

  it('shoelace, perimeter, crossings', () => {
    const sq: Pt[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ].map(([y, x], i) => ({ seq: i + 1, y: y!, x: x!, bank: null }));
    expect(shoelace(sq)).toBe(100);
    expect(perimeter(sq)).toBe(40);
    expect(selfIntersections(sq)).toEqual([]);
    const bow = [sq[0]!, sq[2]!, sq[1]!, sq[3]!];
    expect(selfIntersections(bow)).toEqual([[0, 2]]);
    expect(computeGeometry(sq.slice(0, 2)).geometry.boundary).toBe('none');
  });
});

describe('damaged sluice tables never break the pipeline', () => {
  it('random edits of the sluice document: parse validates, export (CSV, GeoJSON, plots) builds', async () => {
    const fc = (await import('fast-check')).default;
    const { checkIssue, fcParams } = await import('./fuzz-helpers.js');
    const { buildExport } = await import('../src/write/export.js');
    const lines = SAMPLE.split('\n');
    const from = lines.findIndex((l) => l.startsWith('| 序号 | 名称 |'));
    const to = lines.findIndex((l, i) => i > from && l.startsWith('【'));
    const junk = fc.constantFrom(
      '',
      '左岸',
      '右岸',
      'JZD1',
      '-12003.628',
      '531.479',
      '0',
      '1e308',
      'x',
      '合计',
      '(3) 某河泵闸',
      '| | | | | | |',
      '|----|----|',
    );
    const edit = fc.record({
      kind: fc.constantFrom('delete', 'duplicate', 'swap', 'cell', 'line'),
      at: fc.nat({ max: to - from }),
      other: fc.nat({ max: to - from }),
      cell: fc.nat({ max: 14 }),
      text: junk,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const ls = [...lines];
        for (const e of edits) {
          const i = from + e.at;
          const j = from + e.other;
          if (e.kind === 'delete') ls.splice(i, 1);
          else if (e.kind === 'duplicate') ls.splice(i, 0, ls[i] ?? '');
          else if (e.kind === 'swap') [ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? ''];
          else if (e.kind === 'line') ls.splice(i, 0, e.text);
          else {
            const cells = (ls[i] ?? '').split('|');
            if (cells.length > e.cell + 1) cells[e.cell + 1] = ` ${e.text} `;
            ls[i] = cells.join('|');
          }
        }
        const issue = parseIssue(ls.join('\n'));
        checkIssue(issue);
        for (const s of issue.sluices) expect(Sluice.safeParse(s).success).toBe(true);
        expectLinks(issue);
        const files = await buildExport(issue, {});
        expect(files.some((f) => f.path === 'sluices.local.geojson') || issue.sluices.length === 0).toBe(true);
      }),
      fcParams(40),
    );
  }, 300_000);
});

describe('writers draw what the records link', () => {
  it('GeoJSON rings follow pointRefs, plots take the stakes that name the sluice (no second geometry pass, no search by line)', async () => {
    const { localGeoJson } = await import('../src/features/sluices/export.js');
    const { plotSluice } = await import('../src/features/sluices/plot.js');
    const { issue } = run([squareSpec('甲河泵闸'), squareSpec('乙港水闸', -7000, 3000)]);
    const polygon = (): unknown => JSON.parse(localGeoJson(issue)).features[0].geometry.coordinates[0];
    expect(polygon()).toHaveLength(9);
    // the crs member GDAL reads: the local plane as an engineering CRS, or the --crs definition
    const local =
      'LOCAL_CS["Shanghai city-construction plane (上海城建坐标系)",LOCAL_DATUM["Shanghai city-construction plane (上海城建坐标系)",0],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]';
    for (const layer of ['polygons', 'points'] as const) {
      expect(JSON.parse(localGeoJson(issue, layer)).crs).toEqual({ type: 'name', properties: { name: local } });
      expect(JSON.parse(localGeoJson(issue, layer, '+proj=tmerc +k=1')).crs).toEqual({
        type: 'name',
        properties: { name: '+proj=tmerc +k=1' },
      });
    }
    // JZD1, JZD3, JZD5 run clockwise: written counter-clockwise and closed
    issue.sluices[0]!.geometry.rings[0]!.pointRefs = [0, 2, 4];
    expect(polygon()).toEqual([
      [-4900, 1000],
      [-4900, 1100],
      [-5000, 1100],
      [-4900, 1000],
    ]);
    const dots = (svg: string): number => svg.match(/r="4\.5"/g)?.length ?? 0;
    const moved = { ...issue, points: issue.points.map((p, i) => (i === 0 ? { ...p, sluiceRef: 1 } : p)) };
    expect([dots(plotSluice(issue, issue.sluices[0]!)), dots(plotSluice(issue, issue.sluices[1]!))]).toEqual([8, 8]);
    expect([dots(plotSluice(moved, moved.sluices[0]!)), dots(plotSluice(moved, moved.sluices[1]!))]).toEqual([7, 9]);
  });
});

describe('plots', () => {
  it('are drawn to scale: stake distances in pixels ÷ the scale bar give metres', async () => {
    const { plotSluice } = await import('../src/features/sluices/plot.js');
    const { issue } = run([squareSpec('甲河泵闸')]);
    const svg = plotSluice(issue, issue.sluices[0]!);
    const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="4.5"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(dots).toHaveLength(8);
    const bar = svg.match(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="6" fill="#222"\/>/)!;
    const barMetres = Number(svg.match(/>(\d+(?:\.\d+)?) m<\/text>/)![1]);
    const pxPerMetre = (2 * Number(bar[1])) / barMetres;
    // JZD1 (west, north) → JZD3 (east, north): 100 m east; JZD3 → JZD5: 100 m south
    const d13 = (dots[2]![0] - dots[0]![0]) / pxPerMetre;
    const d35 = (dots[4]![1] - dots[2]![1]) / pxPerMetre;
    expect(d13).toBeCloseTo(100, 0);
    expect(d35).toBeCloseTo(100, 0);
    expect(dots[2]![1]).toBeCloseTo(dots[0]![1], 5); // north is up: same X, same height
  });

  it('are well-formed XML; an outlier is an arrow at the edge with its distance', async () => {
    const { plotSluice } = await import('../src/features/sluices/plot.js');
    const { load } = await import('cheerio/slim');
    const spec = squareSpec('甲<河>&泵闸');
    spec.rows.push([9, '左岸', 'JZD9', '5000.000', '1050.000']);
    const { issue } = run([spec]);
    const svg = plotSluice(issue, issue.sluices[0]!);
    const $ = load(svg, { xml: true });
    expect($('svg').length).toBe(1);
    expect($('text').first().text()).toBe('1. 甲<河>&泵闸');
    expect(svg).toMatch(/JZD9: 99\d\d\.\d m E of the other stakes, off the map/);
    expect($('text').filter((_, e) => $(e).text() === 'POINT_OUTLIER').length).toBe(1);
  });
});
