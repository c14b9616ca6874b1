/**
 * Parcels: tables of boundary points (界址点) other than sluice stake tables. Unit tests of
 * the geometry (arcs worked out by hand), of reading headings, coordinate systems and
 * stated areas, of every check on small made-up documents (must fire, must not cry wolf),
 * and of the outputs; the fixtures under tests/fixtures/parcels/ are made-up gazette texts
 * (a 批复 granting land with its 界址点坐标表 in an attachment).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import { Parcel, ParcelPoint } from '../src/model/parcel.js';
import { CATALOGUE } from '../src/model/catalogue.js';
import { PARCEL_CHECK_TEXT } from '../src/model/parcel-checks.js';
import { circleThrough, signedSegmentArea, signedShoelace, arcLength, densifyArc, shoelace } from '../src/core/geometry.js';
import { arcRoleOf, cleanHeading, crsOf, pointNumber, radiusOf, statedAreaOf } from '../src/features/parcels/read.js';
import { parcelGeometry, type GPoint } from '../src/features/parcels/geometry.js';
import { PARCELS_CSV, PARCEL_POINTS_CSV } from '../src/features/parcels/csv.js';
import { parcelFiles, parcelGeoJson } from '../src/features/parcels/export.js';
import { FEATURES } from '../src/features/index.js';
import { isCsvExport } from '../src/model/export.js';
import { SAMPLE } from './helpers/sample.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/parcels/${name}`, import.meta.url), 'utf8');
const codes = (issue: { anomalies: readonly { code: string }[] }): string[] =>
  issue.anomalies.map((a) => a.code).filter((c) => c.startsWith('PARCEL_'));

/** A one-document 批复 with one table of boundary points (rows: cells after the header). */
function grant(opts: { header?: string; rows: string[][]; body?: string[]; after?: string[] }): string {
  const header = opts.header ?? '| 点号 | X(m) | Y(m) | 备注 |';
  const cols = header.split('|').length - 2;
  return [
    '某县人民政府关于某某项目用地的批复',
    '',
    '某府地〔2024〕3号',
    '',
    '某某镇人民政府：',
    '',
    ...(opts.body ?? ['同意某某项目使用国有建设用地，用地面积为6000平方米。']),
    '',
    '某县人民政府',
    '',
    '2024年2月1日',
    '',
    '附件',
    '',
    '某某项目用地界址点坐标表',
    '',
    header,
    `|${'---|'.repeat(cols)}`,
    ...opts.rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...(opts.after ?? ['注：坐标系统为某县独立坐标系统。']),
  ].join('\n');
}

/** A 100 m × 60 m rectangle (X north from 1000, Y east from 2000): area 6000 m², J1 … J4. */
const RECT = [
  ['J1', '1000.000', '2000.000', ''],
  ['J2', '1000.000', '2100.000', ''],
  ['J3', '1060.000', '2100.000', ''],
  ['J4', '1060.000', '2000.000', ''],
];

describe('plane geometry with arcs', () => {
  it('the circle through three points', () => {
    const c = circleThrough({ y: 100, x: 60 }, { y: 70, x: 90 }, { y: 40, x: 60 })!;
    expect(c.centre.y).toBeCloseTo(70, 9);
    expect(c.centre.x).toBeCloseTo(60, 9);
    expect(c.radius).toBeCloseTo(30, 9);
    expect(circleThrough({ y: 0, x: 0 }, { y: 1, x: 1 }, { y: 2, x: 2 })).toBeNull();
    // large coordinates (a real plane system) keep their precision
    const far = circleThrough({ y: 501280, x: 3410500 }, { y: 501260, x: 3410540 }, { y: 501280, x: 3410580 })!;
    expect(far.radius).toBeCloseTo(50, 6);
  });

  it('a semicircle on a rectangle: 100 × 60 + π·30²/2 = 7413.717 m² (polygon 6900 + two quarter-circle segments)', () => {
    const s = { y: 100, x: 60 };
    const m = { y: 70, x: 90 };
    const e = { y: 40, x: 60 };
    const c = circleThrough(s, m, e)!;
    const ring = [{ y: 0, x: 0 }, { y: 100, x: 0 }, s, m, e, { y: 0, x: 60 }];
    expect(signedShoelace(ring)).toBeCloseTo(6900, 9);
    // each quarter circle: r²/2 (θ − sin θ) with θ = π/2
    const quarter = (900 / 2) * (Math.PI / 2 - 1);
    expect(signedSegmentArea(c, s, m, e)).toBeCloseTo(quarter, 9);
    expect(signedSegmentArea(c, m, e, s)).toBeCloseTo(quarter, 9);
    expect(signedShoelace(ring) + 2 * quarter).toBeCloseTo(6000 + (Math.PI * 900) / 2, 9);
    expect(arcLength(c, s, m, e) + arcLength(c, m, e, s)).toBeCloseTo(30 * Math.PI, 9);
    // the same ring clockwise: every signed term changes sign
    expect(signedSegmentArea(c, e, m, s)).toBeCloseTo(-quarter, 9);
  });

  it('an arc bending inwards takes its segment away: 80 × 80 − 1250 (θ − sin θ), θ = 2 asin 0.8', () => {
    const pts: GPoint[] = [
      { index: 0, y: 0, x: 0, arc: null, radius: null },
      { index: 1, y: 80, x: 0, arc: 'start', radius: null },
      { index: 2, y: 60, x: 40, arc: 'middle', radius: 50 },
      { index: 3, y: 80, x: 80, arc: 'end', radius: null },
      { index: 4, y: 0, x: 80, arc: null, radius: null },
    ];
    const theta = 2 * Math.asin(0.8);
    const expected = 6400 - 1250 * (theta - 0.96);
    const g = parcelGeometry(pts);
    expect(g.area).toBeCloseTo(expected, 6);
    expect(g.area).toBeCloseTo(5281.762, 3); // θ = 1.8545904, θ − sin θ = 0.8945904
    expect(g.rings[0]!.arcs[0]!.segmentArea).toBeCloseTo(-1118.238 + 800, 3); // the arc's area beyond the chords J2–J3–J4
    expect(g.rings[0]!.arcs[0]!.circle.radius).toBeCloseTo(50, 9);
    // the perimeter runs along the arc: 80 + 80 + 80 + 50 θ
    expect(g.perimeter).toBeCloseTo(240 + 50 * theta, 6);
    // the same points clockwise give the same area
    const cw = [...pts]
      .reverse()
      .map((p, i) => ({ ...p, index: i, arc: p.arc === 'start' ? 'end' : p.arc === 'end' ? 'start' : p.arc })) as GPoint[];
    expect(parcelGeometry(cw).area).toBeCloseTo(expected, 6);
  });

  it('an arc densified for drawing: its points lie on the circle and its polygon has nearly the true area', () => {
    const s = { y: 100, x: 60 };
    const m = { y: 70, x: 90 };
    const e = { y: 40, x: 60 };
    const c = circleThrough(s, m, e)!;
    const a = densifyArc(c, s, m, e);
    const b = densifyArc(c, m, e, s);
    expect(a.length).toBeGreaterThanOrEqual(17); // 90° in steps of at most 5°
    for (const p of [...a, ...b]) expect(Math.hypot(p.y - 70, p.x - 60)).toBeCloseTo(30, 9);
    for (const p of a) expect(p.y).toBeGreaterThan(70); // the arc from s to m stays on its side
    const poly = [{ y: 0, x: 0 }, { y: 100, x: 0 }, s, ...a, m, ...b, e, { y: 0, x: 60 }];
    expect(Math.abs(shoelace(poly) - 7413.717)).toBeLessThan(10);
  });

  it('a row that repeats the first point closes the ring; the rows after it start another', () => {
    const p = (index: number, y: number, x: number): GPoint => ({ index, y, x, arc: null, radius: null });
    const g = parcelGeometry([p(0, 0, 0), p(1, 10, 0), p(2, 10, 10), p(3, 0, 0), p(4, 50, 0), p(5, 60, 0), p(6, 60, 20)]);
    expect(g.rings.map((r) => r.points)).toEqual([
      [0, 1, 2],
      [4, 5, 6],
    ]);
    expect(g.closing).toEqual([3]);
    expect(g.area).toBeCloseTo(50 + 100, 9);
  });
});

describe('reading the text around a table', () => {
  it('stated areas in 公顷, 平方米 and 亩, converted to m²; other areas (建筑面积 …) are not the parcel’s', () => {
    expect(statedAreaOf('总用地面积为12.345公顷。', 4)).toEqual({ value: 123450, raw: '总用地面积为12.345公顷', unit: '公顷', line: 4 });
    expect(statedAreaOf('用地面积：1,234.5平方米', 1)).toMatchObject({ value: 1234.5, unit: '平方米' });
    expect(statedAreaOf('占地面积约 15 亩', 1)).toMatchObject({ value: 10000, unit: '亩' });
    expect(statedAreaOf('面积为３０００㎡', 1)).toMatchObject({ value: 3000, unit: '平方米' });
    expect(statedAreaOf('规划建筑面积不超过12000平方米', 1)).toBeNull();
    expect(statedAreaOf('水域面积1787.5平方米', 1)).toBeNull();
    expect(statedAreaOf('建筑面积5000平方米，用地面积3000平方米', 1)).toMatchObject({ value: 3000 });
    expect(statedAreaOf('面积较大', 1)).toBeNull();
  });

  it('the coordinate system a note names', () => {
    expect(crsOf('注：坐标系统为某市独立坐标系统。', 9)).toEqual({
      name: '某市独立坐标系统',
      note: '注：坐标系统为某市独立坐标系统。',
      line: 9,
    });
    expect(crsOf('注：本表坐标采用2000国家大地坐标系。', 1)?.name).toBe('2000国家大地坐标系');
    expect(crsOf('坐标系：CGCS2000', 1)?.name).toBe('CGCS2000');
    expect(crsOf('注：坐标为界址点坐标。', 1)).toBeNull();
    expect(crsOf('坐标系', 1)).toBeNull();
  });

  it('arc roles, radii, point numbers and headings', () => {
    expect(['圆曲线起点', '圆曲线中点，半径30米', '圆曲线终点', '圆弧起点', '起点', ''].map(arcRoleOf)).toEqual([
      'start',
      'middle',
      'end',
      'start',
      null,
      null,
    ]);
    expect(['圆曲线中点，半径30米', '半径：12.5m', 'R=40', '圆曲线起点'].map(radiusOf)).toEqual([30, 12.5, 40, null]);
    expect(['J12', 'JZD3', '５', 'A', ''].map(pointNumber)).toEqual([12, 3, 5, null, null]);
    expect(['附件1 某地块界址点坐标表', '表2：某地块坐标', '（1）某地块', '附件 2'].map(cleanHeading)).toEqual([
      '某地块界址点坐标表',
      '某地块坐标',
      '某地块',
      '',
    ]);
  });
});

describe('the fixtures', () => {
  it('a 批复 in 公顷 with an arc bounded by a semicircle: 7413.72 m² against 0.7414 公顷', () => {
    const issue = parseIssue(fixture('grant-hectares.txt'));
    expect(issue.sluices).toEqual([]);
    expect(issue.parcels).toHaveLength(1);
    const p = issue.parcels[0]!;
    expect(p).toMatchObject({
      id: '某府土-2024-18/p1',
      documentId: '某府土-2024-18',
      name: '某某物流园区项目建设用地界址点坐标表',
      crs: { name: '某市独立坐标系统', note: '注：坐标系统为某市独立坐标系统。', line: 37 },
      pointCount: 7,
      statedArea: { value: 7414, raw: '总用地面积为0.7414公顷', unit: '公顷', line: 9 },
      checks: { numbering: 'ok', duplicates: 'ok', arcs: 'ok', area: 'ok', selfIntersections: 'ok' },
      anomalies: [],
    });
    // 100 × 60 + π·30²/2, the closing row J1 left out of the ring
    expect(p.geometry.area).toBe(Math.round((6000 + (Math.PI * 900) / 2) * 100) / 100);
    expect(p.geometry.perimeter).toBe(Math.round((100 + 60 + 40 + 60 + 30 * Math.PI) * 100) / 100);
    expect(p.geometry.rings).toEqual([{ pointRefs: [0, 1, 2, 3, 4, 5], area: 7413.72, perimeter: 354.25, selfIntersections: 0 }]);
    expect(p.geometry.arcs).toEqual([{ pointRefs: [2, 3, 4], radius: 30, statedRadius: 30, length: 94.25, segmentArea: 513.72 }]);
    expect(issue.parcelPoints.map((q) => [q.name, q.x, q.y, q.arc, q.radius])).toEqual([
      ['J1', 32150, 48320, null, null],
      ['J2', 32150, 48420, null, null],
      ['J3', 32210, 48420, 'start', null],
      ['J4', 32240, 48390, 'middle', 30],
      ['J5', 32210, 48360, 'end', null],
      ['J6', 32210, 48320, null, null],
      ['J1', 32150, 48320, null, null],
    ]);
    expect(codes(issue)).toEqual([]);
    for (const r of issue.parcels) Parcel.parse(r);
    for (const r of issue.parcelPoints) ParcelPoint.parse(r);
  });

  it('two parcels in 亩 and 平方米, Y before X, an arc bending inwards: each takes the area and note nearest its own table', () => {
    const issue = parseIssue(fixture('two-parcels-mu.txt'));
    expect(issue.sluices).toEqual([]);
    expect(issue.parcels.map((p) => [p.id, p.name, p.statedArea?.raw, p.statedArea?.value, p.crs?.name, p.crs?.line])).toEqual([
      ['某自然资规-2024-33/p1', '地块一界址点坐标表', '用地面积为7.92亩', 5280, '2000国家大地坐标系', 31],
      ['某自然资规-2024-33/p2', '地块二界址点坐标表', '面积为2950平方米', 2950, '2000国家大地坐标系', 46],
    ]);
    const [a, b] = issue.parcels;
    // 80 × 80 minus the segment of a circle of radius 50 on a chord of 80 m
    expect(a!.geometry.area).toBeCloseTo(6400 - 1250 * (2 * Math.asin(0.8) - 0.96), 2);
    expect(a!.geometry.arcs[0]).toMatchObject({ radius: 50, statedRadius: 50, segmentArea: -318.24 });
    expect(b!.geometry.area).toBe(2950);
    expect(issue.parcelPoints.filter((q) => q.parcelRef === 1).map((q) => [q.name, q.y, q.x])[2]).toEqual(['J3', 501460, 3410550]);
    expect(issue.parcels.every((p) => p.checks.area === 'ok' && p.anomalies.length === 0)).toBe(true);
    expect(codes(issue)).toEqual([]);
  });
});

describe('sluices stay sluices', () => {
  it('the sample: 10 sluices with 143 stakes, no parcel (every stake table has a 岸别 column)', () => {
    const issue = parseIssue(SAMPLE);
    expect(issue.sluices).toHaveLength(10);
    expect(issue.points).toHaveLength(143);
    expect(issue.parcels).toEqual([]);
    expect(issue.parcelPoints).toEqual([]);
  });

  it('the real texts of other sources hold no table of boundary points', () => {
    for (const f of ['gwy-2019-jan-feb.txt', 'pkulaw-baotou-2022-43.txt']) {
      const issue = parseIssue(readFileSync(new URL(`./fixtures/real/${f}`, import.meta.url), 'utf8'));
      expect(issue.parcels).toEqual([]);
    }
  });

  it('one rule: a 岸别 column, or a sluice summary table in the same document, makes a table a sluice’s', () => {
    const rows = RECT.map(([n, x, y], i) => [String(i + 1), i < 2 ? '左岸' : '右岸', n!, y!, x!, '']);
    const withBank = parseIssue(grant({ header: '| 序号 | 岸别 | 桩号 | Y(m) | X(m) | 备注 |', rows }));
    expect([withBank.sluices.length, withBank.parcels.length]).toEqual([1, 0]);
    const summary = [
      '| 序号 | 名称 | 岸线总长度 (m) | 界址线长 (m) | 总面积 (m ²) |',
      '| -- | -- | -- | -- | -- |',
      '| 1 | 某河泵闸 | 200.0 | 320.0 | 6000.0 |',
    ];
    const beside = parseIssue(grant({ body: ['同意如下。', '', ...summary], rows: RECT }));
    // the summary row and the table do not join by name: two sluices, the table's stakes the sluices' points
    expect([beside.sluices.length, beside.points.length, beside.parcels.length]).toEqual([2, 4, 0]);
    const alone = parseIssue(grant({ rows: RECT }));
    expect([alone.sluices.length, alone.parcels.length]).toEqual([0, 1]);
    expect(alone.parcels[0]!.geometry.area).toBe(6000);
  });
});

describe('checks: each fires on its irregularity and not on a regular table', () => {
  it('a regular rectangle: no parcel anomaly', () => {
    const issue = parseIssue(grant({ rows: RECT }));
    expect(codes(issue)).toEqual([]);
    expect(issue.parcels[0]!.checks).toEqual({ numbering: 'ok', duplicates: 'ok', arcs: 'skipped', area: 'ok', selfIntersections: 'ok' });
  });

  it('PARCEL_AREA_MISMATCH: the stated area is 1 % and 1 m² off (and the unit matters)', () => {
    const issue = parseIssue(grant({ rows: RECT, body: ['同意使用国有建设用地，总用地面积为0.6100公顷。'] }));
    expect(codes(issue)).toEqual(['PARCEL_AREA_MISMATCH']);
    const a = issue.anomalies.find((x) => x.code === 'PARCEL_AREA_MISMATCH')!;
    expect(a.message).toBe(
      '某某项目用地界址点坐标表: the boundary points enclose 6000.00 m², but the text states 总用地面积为0.6100公顷 = 6100.00 m² (ratio 0.984; tolerance 1 % and 1 m²)',
    );
    expect(a.line).toBe(7);
    expect(a.documentId).toBe('某府地-2024-3');
    expect(issue.parcels[0]!.checks.area).toBe('fail');
    expect(codes(parseIssue(grant({ rows: RECT, body: ['用地面积为0.6050公顷。'] })))).toEqual([]); // 50 m² = 0.8 %: within
    expect(codes(parseIssue(grant({ rows: RECT, body: ['用地面积为9亩。'] })))).toEqual([]); // 9 亩 = 6000 m²
    expect(codes(parseIssue(grant({ rows: RECT, body: ['用地面积为6000亩。'] })))).toEqual(['PARCEL_AREA_MISMATCH']);
    const none = parseIssue(grant({ rows: RECT, body: ['同意使用。'] }));
    expect([codes(none), none.parcels[0]!.checks.area, none.parcels[0]!.statedArea]).toEqual([[], 'skipped', null]);
  });

  it('an arc-bounded parcel is checked with its arc: the chord polygon alone would be off', () => {
    // the rectangle's north side bulges by a semicircle of radius 30 between Y 2040 and 2100
    const rows = [
      ['J1', '1000.000', '2000.000', ''],
      ['J2', '1000.000', '2100.000', ''],
      ['J3', '1060.000', '2100.000', '圆曲线起点'],
      ['J4', '1090.000', '2070.000', '圆曲线中点，半径30米'],
      ['J5', '1060.000', '2040.000', '圆曲线终点'],
      ['J6', '1060.000', '2000.000', ''],
    ];
    const issue = parseIssue(grant({ rows, body: ['用地面积为7413.7平方米。'] }));
    expect(codes(issue)).toEqual([]);
    expect(issue.parcels[0]!.geometry.area).toBe(7413.72);
    const plain = rows.map((r) => [r[0]!, r[1]!, r[2]!, '']);
    const chords = parseIssue(grant({ rows: plain, body: ['用地面积为7413.7平方米。'] }));
    expect(chords.parcels[0]!.geometry.area).toBe(6900);
    expect(codes(chords)).toEqual(['PARCEL_AREA_MISMATCH']);
  });

  it('PARCEL_ARC_RADIUS_MISMATCH: the note says 半径40米 for a circle of radius 30', () => {
    const rows = [
      ['J1', '1000.000', '2000.000', ''],
      ['J2', '1000.000', '2100.000', ''],
      ['J3', '1060.000', '2100.000', '圆曲线起点'],
      ['J4', '1090.000', '2070.000', '圆曲线中点，半径40米'],
      ['J5', '1060.000', '2040.000', '圆曲线终点'],
      ['J6', '1060.000', '2000.000', ''],
    ];
    const issue = parseIssue(grant({ rows, body: ['同意。'] }));
    expect(codes(issue)).toEqual(['PARCEL_ARC_RADIUS_MISMATCH']);
    const a = issue.anomalies.find((x) => x.code === 'PARCEL_ARC_RADIUS_MISMATCH')!;
    expect(a.message).toBe(
      '某某项目用地界址点坐标表: the arc J3–J4–J5 states a radius of 40 m, but the circle through its three points has a radius of 30.000 m (tolerance 1 % and 0.5 m)',
    );
    expect(a.evidence).toContain('半径40米');
    rows[3]![3] = '圆曲线中点，半径30.2米'; // 0.2 m: within
    expect(codes(parseIssue(grant({ rows, body: ['同意。'] })))).toEqual([]);
  });

  it('PARCEL_ARC_INCOMPLETE: a start without its end, a middle alone, three points on a line', () => {
    const base = (notes: string[]): string[][] => [
      ['J1', '1000.000', '2000.000', notes[0] ?? ''],
      ['J2', '1000.000', '2100.000', notes[1] ?? ''],
      ['J3', '1060.000', '2100.000', notes[2] ?? ''],
      ['J4', '1060.000', '2050.000', notes[3] ?? ''],
      ['J5', '1060.000', '2000.000', notes[4] ?? ''],
    ];
    const noEnd = parseIssue(grant({ rows: base(['', '', '圆曲线起点', '圆曲线中点']), body: ['同意。'] }));
    expect(codes(noEnd)).toEqual(['PARCEL_ARC_INCOMPLETE']);
    expect(noEnd.anomalies.find((a) => a.code === 'PARCEL_ARC_INCOMPLETE')!.message).toMatch(/J3: an arc start \(起点\) not followed/);
    const middle = parseIssue(grant({ rows: base(['', '圆曲线中点']), body: ['同意。'] }));
    expect(codes(middle)).toEqual(['PARCEL_ARC_INCOMPLETE']);
    // J3, J4, J5 lie on the line X = 1060: no circle; the boundary stays straight
    const line = parseIssue(grant({ rows: base(['', '', '圆曲线起点', '圆曲线中点', '圆曲线终点']), body: ['用地面积为6000平方米。'] }));
    expect(codes(line)).toEqual(['PARCEL_ARC_INCOMPLETE']);
    expect(line.parcels[0]!.geometry).toMatchObject({ area: 6000, arcs: [] });
    expect(line.parcels[0]!.checks.arcs).toBe('fail');
  });

  it('an arc that ends on the closing row (the first point repeated) is complete', () => {
    const rows = [
      ['J1', '1060.000', '2040.000', ''],
      ['J2', '1060.000', '2000.000', ''],
      ['J3', '1000.000', '2000.000', ''],
      ['J4', '1000.000', '2100.000', ''],
      ['J5', '1060.000', '2100.000', '圆曲线起点'],
      ['J6', '1090.000', '2070.000', '圆曲线中点'],
      ['J1', '1060.000', '2040.000', '圆曲线终点'],
    ];
    const issue = parseIssue(grant({ rows, body: ['用地面积为7414平方米。'] }));
    expect(codes(issue)).toEqual([]);
    expect(issue.parcels[0]!.geometry.area).toBe(7413.72);
    expect(issue.parcels[0]!.geometry.arcs[0]!.pointRefs).toEqual([4, 5, 0]);
  });

  it('PARCEL_POINT_DUPLICATE: a name or a coordinate pair twice; the closing row is none', () => {
    const rows = [...RECT.map((r) => [...r]), ['J2', '1030.000', '2050.000', '']];
    const issue = parseIssue(grant({ rows, body: ['同意。'] }));
    expect(codes(issue)).toContain('PARCEL_POINT_DUPLICATE');
    expect(issue.anomalies.find((a) => a.code === 'PARCEL_POINT_DUPLICATE')!.message).toMatch(/point J2 appears twice \(also line \d+\)/);
    const same = [...RECT.map((r) => [...r]), ['J5', '1060.000', '2100.000', '']];
    const sameIssue = parseIssue(grant({ rows: same, body: ['同意。'] }));
    expect(sameIssue.anomalies.find((a) => a.code === 'PARCEL_POINT_DUPLICATE')!.message).toMatch(
      /point J5 has the same coordinates as J3 \(line \d+\): X 1060, Y 2100/,
    );
    const closed = parseIssue(grant({ rows: [...RECT, RECT[0]!], body: ['同意。'] }));
    expect(codes(closed)).toEqual([]);
    expect(closed.parcels[0]!.geometry.rings[0]!.pointRefs).toEqual([0, 1, 2, 3]);
  });

  it('PARCEL_NUMBERING_GAP: J1, J2, J4; a second ring may start again at J1', () => {
    const rows = RECT.map((r, i) => (i === 3 ? ['J5', r[1]!, r[2]!, ''] : r));
    const issue = parseIssue(grant({ rows, body: ['同意。'] }));
    expect(codes(issue)).toEqual(['PARCEL_NUMBERING_GAP']);
    expect(issue.anomalies[issue.anomalies.findIndex((a) => a.code === 'PARCEL_NUMBERING_GAP')]!.message).toBe(
      '某某项目用地界址点坐标表: point J5 follows J3 (1 number(s) missing)',
    );
    const second = [
      ['J1', '2000.000', '2000.000', ''],
      ['J2', '2000.000', '2010.000', ''],
      ['J3', '2010.000', '2010.000', ''],
    ];
    const two = parseIssue(grant({ rows: [...RECT, RECT[0]!, ...second], body: ['同意。'] }));
    expect(codes(two)).toEqual([]);
    expect(two.parcels[0]!.geometry.rings).toHaveLength(2);
    expect(two.parcels[0]!.geometry.area).toBe(6050);
  });

  it('PARCEL_SELF_INTERSECTION: the points out of order', () => {
    const rows = [RECT[0]!, RECT[2]!, RECT[1]!, RECT[3]!].map((r, i) => [`J${i + 1}`, r[1]!, r[2]!, '']);
    const issue = parseIssue(grant({ rows, body: ['同意。'] }));
    expect(codes(issue)).toEqual(['PARCEL_SELF_INTERSECTION']);
    expect(issue.parcels[0]!.checks.selfIntersections).toBe('fail');
    // at the point that starts the first crossing edge (J1–J2 × J3–J4: J1), not at the table
    const a = issue.anomalies.find((x) => x.code === 'PARCEL_SELF_INTERSECTION')!;
    const first = /edges (\S+?)–/.exec(a.message)![1];
    expect(a.line).toBe(issue.parcelPoints.find((p) => p.name === first)!.line);
  });

  it('PARCEL_CRS_MISSING (info), PARCEL_TOO_FEW_POINTS, PARCEL_VALUE_INVALID', () => {
    const noCrs = parseIssue(grant({ rows: RECT, after: [] }));
    expect(codes(noCrs)).toEqual(['PARCEL_CRS_MISSING']);
    expect(noCrs.anomalies.find((a) => a.code === 'PARCEL_CRS_MISSING')!.severity).toBe('info');
    expect(noCrs.parcels[0]!.crs).toBeNull();
    const few = parseIssue(grant({ rows: RECT.slice(0, 2), body: ['同意。'] }));
    expect(codes(few)).toEqual(['PARCEL_TOO_FEW_POINTS']);
    expect(few.parcels[0]!.geometry.area).toBeNull();
    const bad = RECT.map((r, i) => (i === 1 ? [r[0]!, '1000.0O0', r[2]!, ''] : r));
    const invalid = parseIssue(grant({ rows: bad, body: ['同意。'] }));
    expect(codes(invalid)).toEqual(['PARCEL_VALUE_INVALID']);
    expect(invalid.parcelPoints[1]!.x).toBeNull();
  });

  it('every parcel code is in the catalogue, in the parcels group; one text per check for the model and the CSV', () => {
    const mine = Object.entries(CATALOGUE).filter(([c]) => c.startsWith('PARCEL_'));
    expect(mine.length).toBeGreaterThanOrEqual(9);
    expect(mine.every(([, r]) => r.group === 'parcels')).toBe(true);
    const shape = Parcel.shape.checks.shape;
    expect(Object.keys(shape)).toEqual(Object.keys(PARCEL_CHECK_TEXT));
    const csv = PARCELS_CSV.columns.filter((c) => c.name.startsWith('check_')).map((c) => c.description);
    expect(csv).toEqual(Object.values(PARCEL_CHECK_TEXT).map((t) => `ok / fail / skipped: ${t}`));
  });
});

describe('outputs', () => {
  it('parcels.csv, parcel-points.csv, parcels.local.geojson and parcel-points.local.geojson; nothing for an issue without parcels', async () => {
    const issue = parseIssue(fixture('grant-hectares.txt'));
    const files = await parcelFiles(issue, {});
    expect(files.map((f) => (isCsvExport(f) ? f.table.path : f.path))).toEqual([
      'parcels.csv',
      'parcel-points.csv',
      'parcels.local.geojson',
      'parcel-points.local.geojson',
    ]);
    expect(await parcelFiles(parseIssue(SAMPLE), {})).toEqual([]);
    expect(PARCEL_POINTS_CSV.columns.map((c) => c.name)).toContain('arc');
  });

  it('GeoJSON: one closed counter-clockwise polygon with the arc drawn along the circle and the CRS named; the points in a file of their own', () => {
    const issue = parseIssue(fixture('grant-hectares.txt'));
    const gj = JSON.parse(parcelGeoJson(issue)) as {
      coordinateSystem: { axisOrder: string[] };
      features: Array<{ geometry: { type: string; coordinates: any } | null; properties: Record<string, unknown> }>;
    };
    expect(gj.coordinateSystem.axisOrder).toEqual(['Y (east)', 'X (north)']);
    // the legacy crs member GDAL reads: the system the text names, as a local engineering CRS
    expect((gj as unknown as { crs: unknown }).crs).toEqual({
      type: 'name',
      properties: {
        name: 'LOCAL_CS["某市独立坐标系统",LOCAL_DATUM["某市独立坐标系统",0],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]',
      },
    });
    expect(gj.features).toHaveLength(1);
    const [poly] = gj.features;
    expect(poly!.geometry!.type).toBe('Polygon');
    expect(poly!.properties).toMatchObject({ kind: 'parcel', crs: '某市独立坐标系统', computedArea: 7413.72, statedArea: 7414 });
    const ring = poly!.geometry!.coordinates[0] as Array<[number, number]>;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const pts = ring.slice(0, -1).map(([y, x]) => ({ y, x }));
    expect(ring.length).toBeGreaterThan(30);
    expect(Math.abs(shoelace(pts) - 7413.72)).toBeLessThan(10);
    expect(signedShoelace(pts)).toBeGreaterThan(0);
    // the densified points north of the rectangle lie on the circle around (Y 48390, X 32210)
    for (const p of pts.filter((q) => q.x > 32210)) expect(Math.hypot(p.y - 48390, p.x - 32210)).toBeCloseTo(30, 2);
    const points = (JSON.parse(parcelGeoJson(issue, 'points')) as typeof gj).features;
    expect(points).toHaveLength(7);
    expect(points.every((f) => f.geometry!.type === 'Point')).toBe(true);
    expect(points[3]!.geometry).toEqual({ type: 'Point', coordinates: [48390, 32240] });
    expect(points[3]!.properties).toMatchObject({ kind: 'point', name: 'J4', arc: 'middle', radius: 30, crs: '某市独立坐标系统' });
    expect(points[3]!.properties).not.toHaveProperty('parcelRef');
    expect(JSON.parse(parcelGeoJson(issue, 'points')).crs).toEqual((gj as unknown as { crs: unknown }).crs);
  });

  it('GeoJSON crs member: parcels naming different systems (or none) get a generic local plane', () => {
    const issue = parseIssue(fixture('grant-hectares.txt'));
    const twice = { ...issue, parcels: [issue.parcels[0]!, { ...issue.parcels[0]!, crs: null }] };
    expect(JSON.parse(parcelGeoJson(twice)).crs.properties.name).toBe(
      'LOCAL_CS["Local plane coordinates as printed in the gazette",LOCAL_DATUM["Local plane coordinates as printed in the gazette",0],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]',
    );
  });

  it('the feature: kinds parcels and parcel-points, schemas parcel and parcel-point', async () => {
    const f = FEATURES.find((x) => x.name === 'parcels')!;
    expect(f.provides).toEqual(['parcels', 'parcelPoints']);
    expect(f.kinds.map((k) => k.name)).toEqual(['parcels', 'parcel-points']);
    expect(Object.keys(await f.schemas())).toEqual(['parcel', 'parcel-point']);
  });
});
