/**
 * One SVG map per sluice, drawn to scale in the plane coordinates (Y east → right, X north
 * → up): the polygon(s) through the stakes, every stake labelled, stakes named in an
 * anomaly circled in red with the anomaly codes, a scale bar, a north arrow (grid north of
 * the local system) and the sluice's own anomalies written below the map. Stakes far
 * outside the rest (outliers) are drawn as arrows at the edge of the map with their
 * distance, so the map stays readable.
 */
import type { Anomaly } from '../../model/anomaly.js';
import type { Issue } from '../../model/issue.js';
import type { Sluice, SluicePoint } from '../../model/sluice.js';
import { tally } from '../../model/work.js';
import { displayWidth } from '../../read/text.js';
import { sluicePoints, sluiceRings } from './rings.js';
import { stakeLabel } from './names.js';
import { append } from '../../model/result.js';

const W = 960;
const MAP = { x: 50, y: 110, w: 860, h: 620 };
const FONT = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif";
const COLOURS = { left: '#1f6fb4', right: '#2e9a3e', none: '#777777', anomaly: '#d62728', fill: '#cfe3f6', stroke: '#2b5d8a' };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f1 = (v: number): string => v.toFixed(1);

/** Splits text into lines of at most `width` display columns, at a space where possible. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (displayWidth(rest) > width) {
    let cut = 0;
    let w = 0;
    for (const ch of rest) {
      w += displayWidth(ch);
      if (w > width) break;
      cut += ch.length;
    }
    const space = rest.lastIndexOf(' ', cut);
    const at = space > cut / 2 ? space : cut;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/** A number as the table would print it: at least one decimal. */
const num = (v: number): string => (Number.isInteger(v) ? v.toFixed(1) : String(v));

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Placed boxes in a grid of 32-pixel cells: a query looks only at the boxes of the cells it
 * covers, so placing n labels is linear (testing every placed box made 10 000 stakes take
 * 15 s and 20 000 a minute).
 */
class BoxIndex {
  private readonly cells = new Map<number, Box[]>();
  private static readonly SIZE = 32;
  constructor(boxes: readonly Box[] = []) {
    for (const b of boxes) this.add(b);
  }
  /** Keys of the cells a box covers (coordinates bounded to keep the key an exact integer). */
  private *keys(b: Box): Generator<number> {
    const c = (v: number) => Math.max(-1e6, Math.min(1e6, Math.floor(v / BoxIndex.SIZE)));
    for (let i = c(b.x0); i <= c(b.x1); i++) for (let j = c(b.y0); j <= c(b.y1); j++) yield (i + 1e6) * 4e6 + (j + 1e6);
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
  /**
   * Does b overlap a placed box? A cell holding FULL boxes or more counts as covered
   * whatever b's place in it: only plots of thousands of stakes get so dense, and there
   * every spot is taken anyway (searching them made each label cost a millisecond).
   */
  overlapsAny(b: Box): boolean {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (!list) continue;
      if (list.length >= BoxIndex.FULL) return true;
      for (const o of list) if (overlaps(o, b)) return true;
    }
    return false;
  }
  private static readonly FULL = 64;
}
const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Places a label near (px, py): the preferred direction first, then seven others, then
 * farther out; the first spot that overlaps no placed label or stake wins.
 */
function placeLabel(
  placed: BoxIndex,
  px: number,
  py: number,
  ux: number,
  uy: number,
  w: number,
  h: number,
): { x: number; y: number; anchor: string; box: Box; far: boolean } {
  const base = Math.atan2(uy, ux);
  const candidates: Array<[number, number]> = [];
  for (const r of [9, 20, 34]) for (let k = 0; k < 8; k++) candidates.push([base + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * (Math.PI / 4), r]);
  let best: { x: number; y: number; anchor: string; box: Box; far: boolean } | null = null;
  for (const [a, r] of candidates) {
    const cx = Math.cos(a);
    const cy = Math.sin(a);
    const anchor = cx < -0.3 ? 'end' : cx > 0.3 ? 'start' : 'middle';
    const x = px + cx * r;
    const yMid = py + cy * r;
    const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
    const box = { x0, y0: yMid - h / 2, x1: x0 + w, y1: yMid + h / 2 };
    const spot = { x, y: yMid + h / 2 - 2, anchor, box, far: r > 20 };
    best ??= spot;
    if (!placed.overlapsAny(box)) return spot;
  }
  return best!;
}

/** A round length (1, 2 or 5 × 10^k metres) drawn between 90 and 225 pixels. */
function scaleBarLength(pxPerMetre: number): number {
  const target = 150 / pxPerMetre;
  const k = 10 ** Math.floor(Math.log10(target));
  for (const m of [1, 2, 5, 10]) if (m * k * pxPerMetre >= 90) return m * k;
  return 10 * k;
}

const short = (code: string): string => code.replace(/^SLUICE_/, '');

const sluiceAnomalies = new WeakMap<Issue, Map<number, Anomaly[]>>();
const pointsByLine = new WeakMap<Issue, Map<number, SluicePoint>>();

const PAIR_CODES = new Set(['SLUICE_SHARED_POINT', 'SLUICE_DUPLICATE_POINT', 'SLUICE_STAKE_DUPLICATE']);
const pairs = new WeakMap<Issue, Anomaly[]>();

/** Anomalies about a pair of stakes (reported on the second; the first is involved too). */
function pairAnomalies(issue: Issue): Anomaly[] {
  let list = pairs.get(issue);
  if (!list) pairs.set(issue, (list = issue.anomalies.filter((a) => PAIR_CODES.has(a.code))));
  return list;
}

function pointByLine(issue: Issue): Map<number, SluicePoint> {
  let m = pointsByLine.get(issue);
  if (!m) pointsByLine.set(issue, (m = new Map(issue.points.map((p) => [p.line, p]))));
  return m;
}

/** The anomalies about one sluice: on its stake rows, its summary row or its section heading. */
function anomaliesOf(issue: Issue, s: Sluice, pts: readonly SluicePoint[]): { byLine: Map<number, Anomaly[]>; general: Anomaly[] } {
  let all = sluiceAnomalies.get(issue);
  if (!all) {
    all = new Map();
    for (const a of issue.anomalies) {
      if (!a.code.startsWith('SLUICE_')) continue;
      const list = all.get(a.line);
      if (list) list.push(a);
      else all.set(a.line, [a]);
    }
    sluiceAnomalies.set(issue, all);
  }
  const byLine = new Map<number, Anomaly[]>();
  for (const p of pts) {
    const list = all.get(p.line);
    if (list) byLine.set(p.line, [...list]);
  }
  // The other stake of a pair is involved too: the first of two equal coordinate pairs (in
  // this sluice or another one) and the first row of a repeated stake.
  const at = pointByLine(issue);
  const byCoord = new Map<string, SluicePoint[]>();
  const byStake = new Map<string, SluicePoint[]>();
  const add = (m: Map<string, SluicePoint[]>, k: string, p: SluicePoint): void => {
    const l = m.get(k);
    if (l) l.push(p);
    else m.set(k, [p]);
  };
  for (const p of pts) {
    add(byCoord, `${p.y},${p.x}`, p);
    add(byStake, p.stake, p);
  }
  for (const a of pairAnomalies(issue)) {
    const p0 = at.get(a.line);
    if (!p0) continue;
    const others =
      a.code === 'SLUICE_STAKE_DUPLICATE' ? (p0.sluice === s.name ? byStake.get(p0.stake) : undefined) : byCoord.get(`${p0.y},${p0.x}`);
    for (const p of others ?? []) {
      if (p.line === a.line) continue;
      const mine = byLine.get(p.line) ?? [];
      if (!mine.includes(a)) mine.push(a);
      byLine.set(p.line, mine);
    }
  }
  const general: Anomaly[] = [];
  for (const line of new Set([s.summaryLine, s.section?.line])) {
    if (line === null || line === undefined || byLine.has(line)) continue;
    append(general, all.get(line) ?? []);
  }
  return { byLine, general };
}

/** The map's projection: metres [east, north] to pixels, fitted to the stakes in view. */
interface View {
  sx(e: number): number;
  sy(n: number): number;
  /** Pixels per metre. */
  scale: number;
  minE: number;
  maxE: number;
  minN: number;
  maxN: number;
}

function viewOf(inView: readonly SluicePoint[]): View {
  let minE = Infinity,
    maxE = -Infinity,
    minN = Infinity,
    maxN = -Infinity;
  for (const p of inView) {
    minE = Math.min(minE, p.y!);
    maxE = Math.max(maxE, p.y!);
    minN = Math.min(minN, p.x!);
    maxN = Math.max(maxN, p.x!);
  }
  const span = Math.max(maxE - minE, maxN - minN, 4);
  const pad = span * 0.12;
  minE -= pad;
  maxE += pad;
  minN -= pad;
  maxN += pad;
  const scale = Math.min(MAP.w / (maxE - minE), MAP.h / (maxN - minN));
  const offX = MAP.x + (MAP.w - (maxE - minE) * scale) / 2;
  const offY = MAP.y + (MAP.h - (maxN - minN) * scale) / 2;
  return { sx: (e) => offX + (e - minE) * scale, sy: (n) => offY + (maxN - n) * scale, scale, minE, maxE, minN, maxN };
}

/** Title, subtitle (section, stakes, rings), computed vs stated figures, and the map frame. */
function headerSvg(s: Sluice, H: number): string[] {
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${esc(FONT)}">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  const title = `${s.index !== null ? `${s.index}. ` : ''}${s.name}`;
  out.push(`<text x="${MAP.x}" y="36" font-size="22" font-weight="bold">${esc(title)}</text>`);
  const sub: string[] = [];
  if (s.section) sub.push(`section ${s.section.number !== null ? `(${s.section.number}) ` : ''}${s.section.name} · line ${s.section.line}`);
  sub.push(`${s.pointCount} stakes`);
  if (s.geometry.rings.length > 1) sub.push(`${s.geometry.rings.length} rings`);
  out.push(`<text x="${MAP.x}" y="62" font-size="14" fill="#333">${esc(sub.join(' · '))}</text>`);
  const fig: string[] = [];
  if (s.geometry.area !== null)
    fig.push(`area ${s.geometry.area.toFixed(2)} m²${s.totalArea !== null ? ` (stated 总面积 ${num(s.totalArea)} m²)` : ''}`);
  if (s.geometry.perimeter !== null)
    fig.push(
      `perimeter ${s.geometry.perimeter.toFixed(2)} m${s.boundaryLength !== null ? ` (stated 界址线长 ${num(s.boundaryLength)} m)` : ''}`,
    );
  out.push(`<text x="${MAP.x}" y="84" font-size="14" fill="#333">${esc(fig.join(' · '))}</text>`);
  out.push(`<rect x="${MAP.x}" y="${MAP.y}" width="${MAP.w}" height="${MAP.h}" fill="#fbfbf8" stroke="#999" stroke-width="1"/>`);
  return out;
}

/** The polygon rings, clipped to the map. */
function ringsSvg(issue: Issue, s: Sluice, v: View): string[] {
  const out = [
    `<clipPath id="map"><rect x="${MAP.x}" y="${MAP.y}" width="${MAP.w}" height="${MAP.h}"/></clipPath>`,
    '<g clip-path="url(#map)">',
  ];
  for (const ring of sluiceRings(issue, s)) {
    const d = ring.map(([e, n], i) => `${i ? 'L' : 'M'}${v.sx(e).toFixed(1)},${v.sy(n).toFixed(1)}`).join(' ') + ' Z';
    out.push(
      `<path d="${d}" fill="${COLOURS.fill}" fill-opacity="0.7" stroke="${COLOURS.stroke}" stroke-width="2" stroke-linejoin="round"/>`,
    );
  }
  out.push('</g>');
  return out;
}

/** A stake far off the map: an arrow at the edge, along the ray from the centre, with its distance and codes. */
function farStakeSvg(p: SluicePoint, list: readonly Anomaly[], v: View, centre: { e: number; n: number }): string[] {
  const cx = MAP.x + MAP.w / 2;
  const cy = MAP.y + MAP.h / 2;
  const dx = v.sx(p.y!) - cx;
  const dy = v.sy(p.x!) - cy;
  const t = Math.min((MAP.w / 2 - 24) / Math.abs(dx || 1e-9), (MAP.h / 2 - 24) / Math.abs(dy || 1e-9));
  const px = cx + dx * t;
  const py = cy + dy * t;
  const ang = (Math.atan2(dy, dx) * 180) / Math.PI;
  const dist = Math.hypot(p.y! - centre.e, p.x! - centre.n);
  const compass = ['E', 'NE', 'N', 'NW', 'W', 'SW', 'S', 'SE'][
    Math.round((((Math.atan2(p.x! - centre.n, p.y! - centre.e) * 180) / Math.PI + 360) % 360) / 45) % 8
  ]!;
  const anchor = dx < 0 ? 'start' : 'end';
  const lx = px + (dx < 0 ? 14 : -14);
  const ly = py + (dy < 0 ? 26 : -14);
  return [
    `<g transform="translate(${px.toFixed(1)},${py.toFixed(1)}) rotate(${ang.toFixed(1)})"><path d="M-14,-8 L6,0 L-14,8 Z" fill="${COLOURS.anomaly}"/></g>`,
    `<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" font-size="13" fill="${COLOURS.anomaly}" text-anchor="${anchor}" font-weight="bold">${esc(`${stakeLabel(p)}: ${f1(dist)} m ${compass} of the other stakes, off the map (Y ${p.y}, X ${p.x})`)}</text>`,
    `<text x="${lx.toFixed(1)}" y="${(ly + 16).toFixed(1)}" font-size="12" fill="${COLOURS.anomaly}" text-anchor="${anchor}">${esc(list.map((a) => short(a.code)).join(', '))}</text>`,
  ];
}

/**
 * A stake on the map: its dot (circled when named in an anomaly) and its label, placed
 * clear of the boxes placed so far (the label's box is added to them).
 */
function stakeSvg(
  p: SluicePoint,
  list: readonly Anomaly[],
  v: View,
  centre: { e: number; n: number },
  placed: BoxIndex,
): { dots: string[]; labels: string[] } {
  const dots: string[] = [];
  const labels: string[] = [];
  const px = v.sx(p.y!);
  const py = v.sy(p.x!);
  const colour = p.bank === 'left' ? COLOURS.left : p.bank === 'right' ? COLOURS.right : COLOURS.none;
  // Label direction: away from the centre of the stakes in view.
  let ux = p.y! - centre.e;
  let uy = -(p.x! - centre.n);
  const len = Math.hypot(ux, uy) || 1;
  ux /= len;
  uy /= len;
  dots.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="4.5" fill="${colour}" stroke="#fff" stroke-width="1"/>`);
  if (list.length)
    dots.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="10" fill="none" stroke="${COLOURS.anomaly}" stroke-width="2.5"/>`);
  const codes = list.map((a) => short(a.code)).join(', ');
  const w = Math.max(displayWidth(stakeLabel(p)) * (list.length ? 7.6 : 6.6), codes.length * 6.4);
  const h = list.length ? 30 : 13;
  const spot = placeLabel(placed, px, py, ux, uy, w, h);
  placed.add(spot.box);
  const ty = list.length ? spot.box.y0 + 12 : spot.y;
  if (spot.far)
    labels.push(
      `<line x1="${px.toFixed(1)}" y1="${py.toFixed(1)}" x2="${((spot.box.x0 + spot.box.x1) / 2).toFixed(1)}" y2="${((spot.box.y0 + spot.box.y1) / 2).toFixed(1)}" stroke="#999" stroke-width="0.7"/>`,
    );
  if (list.length) {
    labels.push(
      `<text x="${spot.x.toFixed(1)}" y="${ty.toFixed(1)}" font-size="13" font-weight="bold" fill="${COLOURS.anomaly}" text-anchor="${spot.anchor}" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(stakeLabel(p))}</text>`,
    );
    labels.push(
      `<text x="${spot.x.toFixed(1)}" y="${(ty + 15).toFixed(1)}" font-size="11" fill="${COLOURS.anomaly}" text-anchor="${spot.anchor}" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(codes)}</text>`,
    );
  } else {
    labels.push(
      `<text x="${spot.x.toFixed(1)}" y="${ty.toFixed(1)}" font-size="11" fill="#222" text-anchor="${spot.anchor}" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(stakeLabel(p))}</text>`,
    );
  }
  return { dots, labels };
}

/**
 * Every stake: those far off the map as arrows at its edge (written first), then the dots,
 * then the labels on top.
 */
function stakesSvg(
  pts: readonly SluicePoint[],
  inView: readonly SluicePoint[],
  farLines: ReadonlySet<number>,
  byLine: ReadonlyMap<number, Anomaly[]>,
  v: View,
): string[] {
  const out: string[] = [];
  const centre = { e: inView.reduce((a, p) => a + p.y!, 0) / inView.length, n: inView.reduce((a, p) => a + p.x!, 0) / inView.length };
  const dots: string[] = [];
  const labels: string[] = [];
  // Stakes occupy their spot first, so labels avoid them.
  const placed = new BoxIndex(
    pts
      .filter((p) => !farLines.has(p.line) || inView === pts)
      .map((p) => ({ x0: v.sx(p.y!) - 5, y0: v.sy(p.x!) - 5, x1: v.sx(p.y!) + 5, y1: v.sy(p.x!) + 5 })),
  );
  for (const p of pts) {
    const list = byLine.get(p.line) ?? [];
    if (farLines.has(p.line) && inView !== pts) {
      append(out, farStakeSvg(p, list, v, centre));
      continue;
    }
    const drawn = stakeSvg(p, list, v, centre, placed);
    append(dots, drawn.dots);
    append(labels, drawn.labels);
  }
  return append(append(out, dots), labels);
}

/** Scale bar (bottom left), north arrow (top right, grid north of the local plane system), corner coordinates. */
function furnitureSvg(v: View): string[] {
  const out: string[] = [];
  const len = scaleBarLength(v.scale);
  const px = len * v.scale;
  const bx = MAP.x + 20;
  const by = MAP.y + MAP.h - 24;
  out.push(`<rect x="${bx}" y="${by}" width="${(px / 2).toFixed(1)}" height="6" fill="#222"/>`);
  out.push(`<rect x="${(bx + px / 2).toFixed(1)}" y="${by}" width="${(px / 2).toFixed(1)}" height="6" fill="#fff" stroke="#222"/>`);
  out.push(`<text x="${bx}" y="${by - 5}" font-size="12" text-anchor="middle">0</text>`);
  out.push(`<text x="${(bx + px / 2).toFixed(1)}" y="${by - 5}" font-size="12" text-anchor="middle">${len / 2}</text>`);
  out.push(`<text x="${(bx + px).toFixed(1)}" y="${by - 5}" font-size="12" text-anchor="middle">${len} m</text>`);
  const nx = MAP.x + MAP.w - 40;
  const ny = MAP.y + 30;
  out.push(`<path d="M${nx},${ny} L${nx - 10},${ny + 30} L${nx},${ny + 22} L${nx + 10},${ny + 30} Z" fill="#222"/>`);
  out.push(`<text x="${nx}" y="${ny - 6}" font-size="16" font-weight="bold" text-anchor="middle">N</text>`);
  out.push(`<text x="${nx}" y="${ny + 46}" font-size="10" text-anchor="middle" fill="#555">grid north (X)</text>`);
  out.push(`<text x="${MAP.x + 4}" y="${MAP.y + 14}" font-size="10" fill="#777">Y ${f1(v.minE)}  X ${f1(v.maxN)}</text>`);
  out.push(
    `<text x="${MAP.x + MAP.w - 4}" y="${MAP.y + MAP.h - 6}" font-size="10" fill="#777" text-anchor="end">Y ${f1(v.maxE)}  X ${f1(v.minN)}</text>`,
  );
  return out;
}

/** The legend and the anomaly notes below the map, and the end of the SVG. */
function legendSvg(legendY: number, notes: readonly string[]): string[] {
  const out: string[] = [];
  let lx = MAP.x;
  const item = (colour: string, label: string, ring = false): void => {
    out.push(
      ring
        ? `<circle cx="${lx + 6}" cy="${legendY - 4}" r="7" fill="none" stroke="${colour}" stroke-width="2.5"/>`
        : `<circle cx="${lx + 6}" cy="${legendY - 4}" r="5" fill="${colour}"/>`,
    );
    out.push(`<text x="${lx + 18}" y="${legendY}" font-size="13">${esc(label)}</text>`);
    lx += 24 + displayWidth(label) * 7.5;
  };
  item(COLOURS.left, '左岸 stake');
  item(COLOURS.right, '右岸 stake');
  item(COLOURS.anomaly, 'stake named in an anomaly', true);
  out.push(`<text x="${lx}" y="${legendY}" font-size="12" fill="#555">Shanghai city-construction plane coordinates, m</text>`);
  notes.forEach((t, i) => {
    out.push(`<text x="${MAP.x}" y="${legendY + 28 + i * 17}" font-size="12" fill="${COLOURS.anomaly}">${esc(t)}</text>`);
  });
  out.push('</svg>');
  return out;
}

/** Notes below the map: the sluice's own anomalies, then those of its stakes (each once), wrapped. */
function notesOf(general: readonly Anomaly[], byLine: ReadonlyMap<number, Anomaly[]>): string[] {
  const listed: Anomaly[] = [...general];
  for (const list of byLine.values()) for (const a of list) if (!listed.includes(a)) listed.push(a);
  const MAX_NOTES = 14;
  const notes = listed.slice(0, MAX_NOTES).flatMap((a) => wrap(`${short(a.code)} (line ${a.line}): ${a.message}`, 150));
  if (listed.length > MAX_NOTES) notes.push(`… and ${listed.length - MAX_NOTES} more (see anomalies.json)`);
  return notes;
}

/**
 * Plots drawn for an issue's export, kept for the second reader: plots/*.svg are written
 * before report.html, which embeds the same drawings; the first to ask draws and keeps the
 * plot, the second takes it (and so lets it go). Kept only for an issue of at most
 * KEEP_PLOTS_LINES lines (a larger one's plots are drawn twice rather than all held at once).
 */
const drawn = new WeakMap<Sluice, { issue: Issue; svg: string }>();
export const KEEP_PLOTS_LINES = 100_000;

/** The SVG plot of a sluice, drawn once for its plot file and report.html (see `drawn`). */
export function plotSluice(issue: Issue, s: Sluice): string {
  const kept = drawn.get(s);
  if (kept && kept.issue === issue) {
    drawn.delete(s);
    return kept.svg;
  }
  const svg = drawSluice(issue, s);
  if (issue.source.lines <= KEEP_PLOTS_LINES) drawn.set(s, { issue, svg });
  return svg;
}

function drawSluice(issue: Issue, s: Sluice): string {
  tally('plots drawn', 1);
  const pts = sluicePoints(issue, s).filter((p) => p.y !== null && p.x !== null);
  const { byLine, general } = anomaliesOf(issue, s, pts);
  const farLines = new Set<number>();
  for (const [line, list] of byLine) if (list.some((a) => a.code === 'SLUICE_POINT_OUTLIER')) farLines.add(line);
  let inView = pts.filter((p) => !farLines.has(p.line));
  if (inView.length < 2) inView = pts;
  const notes = notesOf(general, byLine);
  const legendY = MAP.y + MAP.h + 30;
  const out = headerSvg(s, legendY + 30 + notes.length * 17 + 20);
  if (inView.length === 0) {
    out.push(
      `<text x="${MAP.x + MAP.w / 2}" y="${MAP.y + MAP.h / 2}" font-size="18" text-anchor="middle" fill="#777">no stakes with coordinates</text>`,
    );
  } else {
    const v = viewOf(inView);
    append(append(append(out, ringsSvg(issue, s, v)), stakesSvg(pts, inView, farLines, byLine, v)), furnitureSvg(v));
  }
  append(out, legendSvg(legendY, notes));
  return out.join('\n') + '\n';
}

/** One plot per sluice: `sluice-NN.svg` in the order of issue.sluices. */
export function plotSluices(issue: Issue): Array<{ file: string; svg: string; sluice: Sluice }> {
  return issue.sluices.map((s, i) => ({ file: plotFile(issue, i), svg: plotSluice(issue, s), sluice: s }));
}

/** The file name of the plot of the i-th sluice (0-based): sluice-01.svg … */
export function plotFile(issue: Issue, i: number): string {
  const width = String(issue.sluices.length).length < 2 ? 2 : String(issue.sluices.length).length;
  return `sluice-${String(i + 1).padStart(width, '0')}.svg`;
}
