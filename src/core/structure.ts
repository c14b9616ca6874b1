import type { Anomaly } from '../model/anomaly.js';
import type { Citation, Document, Masthead, Section, TocEntry } from '../model/issue.js';
import { anomaly } from '../model/catalogue.js';
import type { SourceLines } from '../read/lines.js';
import { isTocHeading, readToc } from './toc.js';
import { readMasthead } from './masthead.js';
import { adoptAttachments, readAttachments } from './attachments.js';
import {
  categoryHeader,
  dateLine,
  endsSentence,
  brokenDocNumbers,
  findDocNumbers,
  isStandardDocNumber,
  isTableRow,
  orderNumberLine,
  ownDocNumberLine,
  type DateLine,
  MAX_CUT_GAP,
  longerThan,
} from './patterns.js';
import {
  furnitureAbove,
  headAt,
  headerAt,
  INTERPRETATION,
  isBlankish,
  isImprint,
  kindOf,
  MAX_TITLE_LINES,
  nextLine,
  PAGE_BREAK_LINES,
  readSignature,
  titleIssuers,
  type HeadNumber,
  type MetaLine,
} from './official.js';
import { matchKey, matchKeyHan, squash } from '../read/text.js';
import { cleanTitle } from './title.js';
import { TitleIndex, type DocKeys } from './title-index.js';
import { append, type Result } from '../model/result.js';
import { mapPacked } from '../model/packed.js';
import { LineFinder, Lines } from '../model/lines.js';

/** The skeleton of an issue: everything the structure reader finds. */
export interface Structure {
  masthead: Masthead;
  toc: TocEntry[];
  sections: Section[];
  documents: Document[];
  citations: Citation[];
  /** First and last line of the body (after the TOC, before the colophon). */
  body: { startLine: number; endLine: number };
}

interface Region {
  category: string | null;
  headerLine: number | null;
  /** Inclusive content lines (after the header). */
  from: number;
  to: number;
  /** The table of contents its documents are listed in: 0 the first, 1… a later one (issues run together). */
  group: number;
}

interface Candidate {
  titleStart: number;
  titleEnd: number;
  date: DateLine | null;
  dateLineNo: number | null;
  /** First line of the document when something stands above its title (版头, export furniture). */
  spanStart?: number;
  /** The document's own 文号 (or order number) found with its head. */
  number?: HeadNumber | null;
  header?: { issuers: string[]; line: number; signer: string | null };
  meta?: MetaLine[];
}

/** A TOC with the line of its 目录 heading (null for the first, found by readToc). */
interface Toc {
  entries: TocEntry[];
  line: number | null;
}

const MAX_TITLE_LINE = 120;

/** Bigram Dice similarity of two match keys (0..1). Linear in their lengths. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const c = grams.get(g);
    if (c) {
      common++;
      grams.set(g, c - 1);
    }
  }
  return (2 * common) / (a.length - 1 + b.length - 1);
}

/** The titles inside 《…》 at the top level of a string, with their 0-based indices. */
export function bookTitles(s: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let depth = 0;
  let start = -1;
  // char codes, not s[i]: a one-character string of a CJK character is a new string each time
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x300a /* 《 */) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === 0x300b /* 》 */ && depth > 0) {
      depth--;
      if (depth === 0) {
        const text = s.slice(start + 1, i).trim();
        if (text.length > 0) out.push({ text, index: start });
      }
    }
  }
  return out;
}

/** Title lines above a date line: contiguous non-blank lines, short, not body text. */
function titleAbove(lines: Lines, dateNo: number, floor: number, removed?: Uint8Array): [number, number] | null {
  let k = dateNo - 1;
  let blanks = 0;
  // A blank run holding lines an input reader blanked (running head, page number between
  // title and date) is a page break: up to 12 lines of it are skipped.
  let pageBreak = false;
  while (k >= floor && lines.get(k - 1)!.trim() === '' && (blanks < 3 || (pageBreak && blanks < PAGE_BREAK_LINES))) {
    if (removed?.[k - 1] === 1) pageBreak = true;
    blanks++;
    k--;
  }
  if (k < floor || lines.get(k - 1)!.trim() === '') return null;
  const end = k;
  let start = k;
  while (start >= floor) {
    const t = lines.get(start - 1)!;
    if (t.trim() === '' || t.length > MAX_TITLE_LINE || isTableRow(t) || categoryHeader(t) !== null || dateLine(t)) break;
    if (start !== end && endsSentence(t)) break;
    if (end - start + 1 > MAX_TITLE_LINES) break;
    // A line an input reader marked as the start of a block (4): nothing above it is title.
    if (removed?.[start - 1] === 4) {
      start--;
      break;
    }
    start--;
  }
  start++;
  if (start > end) return null;
  if (endsSentence(lines.get(end - 1)!) && !/[》”)）]$/.test(lines.get(end - 1)!.trim())) return null;
  return [start, end];
}

function regionsOf(lines: Lines, from: number, to: number, group = 0, brackets = new LineFinder(lines, ['【'])): Region[] {
  const headers: { category: string; line: number }[] = [];
  for (let ln = from; ln <= to; ln++) {
    // (a category header holds 【: only such lines are read, found by a native search)
    if ((ln = brackets.skip(ln)) > to) break;
    const c = categoryHeader(lines.get(ln - 1)!);
    if (c !== null) headers.push({ category: c, line: ln });
  }
  const regions: Region[] = [];
  const firstHeader = headers.length ? headers[0]!.line : to + 1;
  let pre = false;
  for (let ln = from; ln < firstHeader; ln++)
    if (lines.get(ln - 1)!.trim() !== '') {
      pre = true;
      break;
    }
  if (pre) regions.push({ category: null, headerLine: null, from, to: firstHeader - 1, group });
  headers.forEach((h, i) => {
    const end = i + 1 < headers.length ? headers[i + 1]!.line - 1 : to;
    regions.push({ category: h.category, headerLine: h.line, from: h.line + 1, to: end, group });
  });
  return regions;
}

/** Lines a candidate's head covers: a mark per line of the region (no search over candidates). */
class Cover {
  private readonly marks: Uint8Array;
  constructor(private readonly region: Region) {
    this.marks = new Uint8Array(region.to - region.from + 2);
  }
  mark(c: Candidate): void {
    const last = Math.max(c.titleEnd, c.dateLineNo ?? c.titleEnd, c.number?.line ?? c.titleEnd);
    for (let ln = Math.max(c.spanStart ?? c.titleStart, this.region.from); ln <= Math.min(last, this.region.to); ln++)
      this.marks[ln - this.region.from] = 1;
  }
  has(ln: number): boolean {
    return this.marks[ln - this.region.from] === 1;
  }
  /** The first covered line from `ln` on, if before `limit`; else `limit`. */
  next(ln: number, limit: number): number {
    const at = this.marks.indexOf(1, Math.max(0, ln - this.region.from));
    return at < 0 ? limit : Math.min(limit, at + this.region.from);
  }
}

/** Date lines with the title above them: the layout of gazettes that date every document. */
function dateLineStarts(lines: Lines, region: Region, anomalies: Anomaly[], removed?: Uint8Array): Candidate[] {
  const cands: Candidate[] = [];
  for (let ln = region.from; ln <= region.to; ln++) {
    // (a date line holds 日: lines of ASCII only are jumped over)
    if ((ln = lines.skipAscii(ln)) > region.to) break;
    const line = lines.get(ln - 1)!;
    if (!line.includes('日') || longerThan(line, 40)) continue;
    const d = dateLine(line);
    if (!d) continue;
    const floor = cands.length ? Math.max(region.from, cands[cands.length - 1]!.dateLineNo! + 1) : region.from;
    const t = titleAbove(lines, ln, floor, removed);
    if (!t) {
      anomalies.push(
        anomaly('DOCUMENT_WITHOUT_TITLE', { message: `date line ${d.raw} has no title line above it`, line: ln, evidence: line }),
      );
      cands.push({ titleStart: ln, titleEnd: ln - 1, date: d, dateLineNo: ln });
      continue;
    }
    cands.push({ titleStart: t[0], titleEnd: t[1], date: d, dateLineNo: ln });
  }
  return cands;
}

/**
 * Official-document heads (公文, GB/T 9704) not covered yet: a 版头 mark with its 文号 and
 * title, or a title ending in a document kind followed by its 文号, an order's 第N号, a
 * date line or a 主送 line. One pass; each line looks at a few lines around it.
 */
function officialStarts(lines: Lines, region: Region, cover: Cover): Candidate[] {
  const out: Candidate[] = [];
  let floor = region.from;
  for (let ln = region.from; ln <= region.to; ln++) {
    // (a head holds CJK text: ASCII lines are jumped over, but not a covered line)
    const next = lines.skipAscii(ln);
    if (next > ln && (ln = cover.next(ln, next)) > region.to) break;
    if (cover.has(ln)) {
      floor = ln + 1;
      continue;
    }
    const line = lines.get(ln - 1)!;
    if (longerThan(line, 100) || line.trim() === '') continue;
    let c: Candidate | null = null;
    if (line.includes('件')) {
      const h = headerAt(lines, ln, floor, region.to);
      if (h)
        c = {
          titleStart: h.titleStart,
          titleEnd: h.titleEnd,
          date: null,
          dateLineNo: null,
          spanStart: h.startLine,
          number: h.number,
          header: { issuers: h.issuers, line: ln, signer: h.signer },
        };
    }
    if (c === null) {
      const h = headAt(lines, ln, floor, region.to);
      // A regulation an order publishes (its passage note under the title) belongs to the order.
      const ofOrder =
        h?.published === true &&
        out.length > 0 &&
        kindOf(lines.slice(out[out.length - 1]!.titleStart - 1, out[out.length - 1]!.titleEnd).join('')) === '令';
      if (h && !ofOrder && !cover.has(h.titleStart) && !(h.numberAbove && cover.has(h.number!.line))) {
        c = { titleStart: h.titleStart, titleEnd: h.titleEnd, date: h.date, dateLineNo: h.dateLineNo, number: h.number };
        if (h.numberAbove) c.spanStart = h.number!.line;
      }
    }
    if (c === null) continue;
    out.push(c);
    cover.mark(c);
    ln = Math.max(c.titleEnd, c.dateLineNo ?? 0, c.number?.line ?? 0);
    floor = ln + 1;
  }
  return out;
}

/** TOC entries of this region not found by a date line or a head: their title as a line. */
function tocStarts(lines: Lines, region: Region, wanted: readonly TocEntry[], cover: Cover): Candidate[] {
  const out: Candidate[] = [];
  if (wanted.length === 0) return out;
  const keys = new Map<string, number>();
  // A key that is a prefix of another, their lengths within 0.8 of each other and the
  // shorter one at least 9 long, shares the other's first 8 characters: lines are
  // bucketed by those, in line order, so a prefix match looks only at its own bucket.
  const PREFIX = 8;
  const byPrefix = new Map<string, Array<[string, number]>>();
  const wantedKeys = mapPacked(wanted, (e) => matchKey(e.title));
  // A line matches an entry only when their keys start alike: when every entry's key starts
  // with a Han character, lines whose key starts otherwise are not keyed at all.
  const firsts = new Set(wantedKeys.map((k) => (k.length > 0 ? matchKeyHan(k) : -1)));
  const filter = !firsts.has(-1);
  for (let ln = region.from; ln <= region.to; ln++) {
    const t = lines.get(ln - 1)!;
    if (t.trim() === '' || t.length > 300 || isTableRow(t)) continue;
    if (filter && !firsts.has(matchKeyHan(t))) continue;
    const k = matchKey(t);
    if (k.length < 4 || keys.has(k)) continue;
    keys.set(k, ln);
    if (k.length > PREFIX) {
      const bucket = byPrefix.get(k.slice(0, PREFIX));
      if (bucket) bucket.push([k, ln]);
      else byPrefix.set(k.slice(0, PREFIX), [[k, ln]]);
    }
  }
  for (let w = 0; w < wanted.length; w++) {
    const ek = wantedKeys[w]!;
    let at = keys.get(ek);
    if (at === undefined && ek.length >= 10) {
      for (const [k, ln] of byPrefix.get(ek.slice(0, PREFIX)) ?? []) {
        if ((k.startsWith(ek) || ek.startsWith(k)) && Math.min(k.length, ek.length) / Math.max(k.length, ek.length) > 0.8) {
          at = ln;
          break;
        }
      }
    }
    if (at !== undefined && !cover.has(at)) {
      const c: Candidate = { titleStart: at, titleEnd: at, date: null, dateLineNo: null };
      out.push(c);
      cover.mark(c);
    }
  }
  return out;
}

/** Export furniture and a repeated title above each candidate become its source metadata. */
function attachFurniture(lines: Lines, region: Region, cands: Candidate[]): void {
  let floor = region.from;
  for (const c of cands) {
    if (c.titleEnd >= c.titleStart) {
      const key = matchKey(lines.slice(c.titleStart - 1, c.titleEnd).join(''));
      const f = furnitureAbove(lines, c.spanStart ?? c.titleStart, floor, key, c.titleStart);
      if (f.meta.length) {
        c.meta = f.meta;
        c.spanStart = f.top;
      }
    }
    floor = Math.max(c.titleEnd, c.dateLineNo ?? 0, c.number?.line ?? 0) + 1;
  }
}

/** Document starts in one region: date lines, official-document heads, TOC titles, interpretations. */
function candidatesIn(
  lines: Lines,
  region: Region,
  tocEntries: readonly TocEntry[],
  anomalies: Anomaly[],
  removed: Uint8Array | undefined,
  interpretations: LineFinder,
): Candidate[] {
  const cands = dateLineStarts(lines, region, anomalies, removed);
  const cover = new Cover(region);
  for (const c of cands) cover.mark(c);
  append(cands, officialStarts(lines, region, cover));
  const candKeys = new Set(cands.map((c) => matchKey(lines.slice(c.titleStart - 1, c.titleEnd).join(''))));
  append(
    cands,
    tocStarts(
      lines,
      region,
      tocEntries.filter((e) => !candKeys.has(matchKey(e.title))),
      cover,
    ),
  );
  const starts = new Set(cands.map((c) => c.titleStart));
  for (let ln = region.from; ln <= region.to; ln++) {
    // (only a line holding 解读 can head an interpretation: found by a native search)
    if ((ln = interpretations.skip(ln)) > region.to) break;
    if (lines.get(ln - 1)!.includes('解读') && INTERPRETATION.test(lines.get(ln - 1)!) && !cover.has(ln) && !starts.has(ln)) {
      const c: Candidate = { titleStart: ln, titleEnd: ln, date: null, dateLineNo: null };
      cands.push(c);
      cover.mark(c);
    }
  }
  cands.sort((a, b) => a.titleStart - b.titleStart);
  attachFurniture(lines, region, cands);
  // Content before the first document start is a document of its own (e.g. a list under its heading).
  let firstContent = region.from;
  while (firstContent <= region.to && isBlankish(lines.get(firstContent - 1)!)) firstContent++;
  if (
    firstContent <= region.to &&
    (cands.length === 0 || (cands[0]!.spanStart ?? cands[0]!.titleStart) > firstContent) &&
    !isTableRow(lines.get(firstContent - 1)!)
  ) {
    cands.unshift({ titleStart: firstContent, titleEnd: firstContent, date: null, dateLineNo: null });
  }
  return cands;
}

/**
 * The first line of a colophon (title, 年第N期, publication date) closing lines [from, to],
 * the end of an issue run together with the next one; null if there is none.
 */
function colophonBefore(lines: Lines, from: number, to: number): number | null {
  // The colophon stands in the last 12 non-blank lines, as at the end of the text.
  let start = to + 1;
  let issueLine = false;
  for (let seen = 0; start > from && seen < 12;) {
    start--;
    const t = lines.get(start - 1)!;
    if (t.trim() !== '') seen++;
    if (t.includes('期')) issueLine = true;
  }
  if (start > to || !issueLine) return null;
  const mh = readMasthead(Lines.of(lines.slice(start - 1, to)));
  return mh.startLine !== null && mh.masthead.issue !== null ? start - 1 + mh.startLine : null;
}

/** TOC, colophon and the body between them, with the anomalies of a missing or partial colophon. */
function readFrame(lines: Lines, anomalies: Anomaly[]) {
  const n = lines.length;
  const toc = readToc(lines);
  let mh = readMasthead(lines);
  if (
    toc.entries.length === 0 &&
    mh.masthead.title === null &&
    mh.masthead.issue === null &&
    mh.startLine !== null &&
    isImprint(lines.get(mh.startLine - 1)!)
  ) {
    // XX办公室　2022年4月15日印发 closing a text of documents is a 版记, not a gazette's colophon.
    mh = {
      masthead: { ...mh.masthead, publicationDate: null, publisher: null, website: null, line: null, endLine: null },
      startLine: null,
      endLine: null,
    };
  }
  if (toc.entries.length === 0)
    anomalies.push(anomaly('TOC_NOT_FOUND', { message: 'no table of contents (目录) was found', line: 1, evidence: lines.get(0) ?? '' }));
  if (mh.masthead.line !== null) {
    const missing = (['title', 'year', 'issue', 'totalIssue', 'publicationDate', 'publisher'] as const).filter(
      (k) => mh.masthead[k] === null,
    );
    if (missing.length)
      anomalies.push(
        anomaly('MASTHEAD_FIELD_MISSING', {
          message: `the colophon lacks: ${missing.join(', ')}`,
          line: mh.masthead.line,
          evidence: lines.get(mh.masthead.line - 1)!,
        }),
      );
  }
  const bodyStart = toc.endLine !== null ? toc.endLine + 1 : 1;
  const bodyEnd = mh.startLine !== null && mh.startLine > bodyStart ? mh.startLine - 1 : n;
  return { toc, mh, bodyStart, bodyEnd };
}

/**
 * Issues run together: a later table of contents inside the body opens the next issue. Its
 * lines are not body text, and the documents after it are matched with its entries.
 */
function splitRegions(lines: Lines, first: Toc, bodyStart: number, bodyEnd: number): { tocs: Toc[]; regions: Region[] } {
  const tocs: Toc[] = [first];
  const regions: Region[] = [];
  let segmentFrom = bodyStart;
  // (a TOC heading holds 录, a category header 【: only such lines are read, each found by one
  // native search of the text for all the regions)
  const headings = new LineFinder(lines, ['录']);
  const brackets = new LineFinder(lines, ['【']);
  for (let ln = bodyStart; ln <= bodyEnd; ln++) {
    if ((ln = headings.skip(ln)) > bodyEnd) break;
    const line = lines.get(ln - 1)!;
    if (!line.includes('录') || longerThan(line, 60) || !isTocHeading(line)) continue;
    const later = readToc(lines, ln - 1);
    if (later.entries.length === 0 || later.endLine! > bodyEnd) continue;
    // An issue's TOC: under 【categories】, or after the colophon that closed the issue before.
    const colophon = colophonBefore(lines, segmentFrom, ln - 1);
    if (colophon !== null || later.entries.some((e) => e.category !== null)) {
      append(regions, regionsOf(lines, segmentFrom, (colophon ?? ln) - 1, tocs.length - 1, brackets));
      tocs.push({ entries: later.entries, line: ln });
      segmentFrom = later.endLine! + 1;
    }
    ln = later.endLine!;
  }
  append(regions, regionsOf(lines, segmentFrom, bodyEnd, tocs.length - 1, brackets));
  return { tocs, regions };
}

/** Categories of each TOC, and categories with a section header in the body after it. */
function categoriesOf(lines: Lines, tocs: readonly Toc[], regions: readonly Region[], anomalies: Anomaly[]) {
  const tocCategories = tocs.map((t) => new Set(t.entries.map((e) => e.category)));
  const bodyCategories = tocs.map(() => new Set<string | null>());
  for (const r of regions) bodyCategories[r.group]!.add(r.category);
  tocs.forEach((t, g) => {
    for (const c of tocCategories[g]!) {
      if (c !== null && !bodyCategories[g]!.has(c)) {
        const e = t.entries.find((x) => x.category === c)!;
        anomalies.push(
          anomaly('SECTION_NOT_FOUND', {
            message: `category 【${c}】 of the table of contents has no section header in the body`,
            line: e.line,
            evidence: lines.get(e.line - 1)!,
          }),
        );
      }
    }
  });
  return { tocCategories, bodyCategories };
}

/** A document's skeleton from its start; details (id, title, 文号, 落款…) come later. */
function newDocument(lines: Lines, c: Candidate, ordinal: number, category: string | null, end: number): Document {
  const titleLines = lines.slice(c.titleStart - 1, Math.max(c.titleEnd, c.titleStart - 1));
  return {
    id: '',
    ordinal,
    category,
    kind: null,
    title: '',
    titleRaw: titleLines.map((t) => t.trim()).join('\n'),
    titleSpan: { startLine: c.titleStart, endLine: Math.max(c.titleEnd, c.titleStart) },
    date: c.date?.iso ?? null,
    dateRaw: c.date?.raw ?? null,
    dateLine: c.dateLineNo,
    docNumber: null,
    recipients: null,
    attachments: [],
    span: { startLine: c.spanStart ?? c.titleStart, endLine: end },
    toc: null,
    interprets: null,
    issuers: [],
    dateSource: c.date ? 'dateLine' : null,
    signature: null,
    note: null,
    header: c.header ?? null,
    sourceMeta: c.meta ?? [],
  };
}

/** Documents and sections of every region, each document with the candidate it starts at. */
function documentsOf(lines: Lines, tocs: readonly Toc[], regions: readonly Region[], anomalies: Anomaly[], removed?: Uint8Array) {
  const documents: Document[] = [];
  const sections: Section[] = [];
  const docRegion: Region[] = [];
  const docCands: Candidate[] = [];
  const sectionOf = new Map<Region, Section>();
  // each TOC's entries by category, gathered once (not filtered again for every region)
  const byCategory = tocs.map((t) => {
    const m = new Map<string | null, TocEntry[]>();
    for (const e of t.entries) {
      const list = m.get(e.category);
      if (list) list.push(e);
      else m.set(e.category, [e]);
    }
    return m;
  });
  // (one finder for every region: the text is searched once)
  const interpretations = new LineFinder(lines, ['解读']);
  for (const region of regions) {
    const listed = tocs[region.group]!.entries;
    const entries = byCategory[region.group]!.get(region.category) ?? [];
    const cands = candidatesIn(
      lines,
      region,
      entries.length ? entries : region.category === null ? listed : [],
      anomalies,
      removed,
      interpretations,
    );
    cands.forEach((c, i) => {
      const end = i + 1 < cands.length ? (cands[i + 1]!.spanStart ?? cands[i + 1]!.titleStart) - 1 : region.to;
      documents.push(newDocument(lines, c, documents.length + 1, region.category, end));
      docRegion.push(region);
      docCands.push(c);
    });
    if (region.category !== null && region.headerLine !== null) {
      sections.push({
        category: region.category,
        line: region.headerLine,
        span: { startLine: region.headerLine, endLine: region.to },
        documentIds: [],
      });
      sectionOf.set(region, sections[sections.length - 1]!);
    }
  }
  return { documents, sections, docRegion, docCands, sectionOf };
}

/**
 * Match documents to TOC entries: same category, in order, by title similarity. The first
 * unused entry with an equal key is found through an index; the similarity search looks at
 * every entry of a TOC of up to 2 × NEAR entries, else at the NEAR entries either side of
 * the last match (documents follow their TOC's order): linear for a TOC of any length.
 * Returns each document's entry, beside it (a property added and deleted would slow every
 * document object).
 */
function matchToc(
  documents: Document[],
  docRegion: readonly Region[],
  tocs: readonly Toc[],
  tocCategories: readonly Set<string | null>[],
  bodyCategories: readonly Set<string | null>[],
): Array<TocEntry | undefined> {
  const NEAR = 100;
  const used = new Set<TocEntry>();
  const entryKeys = new Map(tocs.flatMap((t) => t.entries.map((e) => [e, matchKey(e.title)] as const)));
  const position = new Map(tocs.flatMap((t) => t.entries.map((e, k) => [e, k] as const)));
  const byKey = tocs.map((t) => {
    const m = new Map<string, { list: TocEntry[]; head: number }>();
    for (const e of t.entries) {
      const k = entryKeys.get(e)!;
      const same = m.get(k);
      if (same) same.list.push(e);
      else m.set(k, { list: [e], head: 0 });
    }
    return m;
  });
  const cursor = tocs.map(() => 0);
  const tocOf: Array<TocEntry | undefined> = [];
  documents.forEach((d, i) => {
    const key = matchKey(d.titleRaw);
    let best: TocEntry | null = null;
    let bestScore = 0.5;
    const g = docRegion[i]!.group;
    const tocCats = tocCategories[g]!;
    const bodyCats = bodyCategories[g]!;
    // Entries of a category whose section header is missing may match any document (it sits in the previous section).
    const fits = (e: TocEntry): boolean =>
      !used.has(e) && (e.category === d.category || d.category === null || !tocCats.has(d.category) || !bodyCats.has(e.category));
    const same = byKey[g]!.get(key);
    if (same) {
      while (same.head < same.list.length && used.has(same.list[same.head]!)) same.head++;
      for (let k = same.head; k < same.list.length && best === null; k++) if (fits(same.list[k]!)) best = same.list[k]!;
    }
    if (best === null) {
      const entries = tocs[g]!.entries;
      const all = entries.length <= 2 * NEAR;
      const to = all ? entries.length : Math.min(entries.length, cursor[g]! + NEAR);
      for (let k = all ? 0 : Math.max(0, cursor[g]! - NEAR); k < to; k++) {
        const e = entries[k]!;
        if (!fits(e)) continue;
        const s = similarity(key, entryKeys.get(e)!);
        if (s > bestScore + 1e-9) {
          best = e;
          bestScore = s;
        }
      }
    }
    if (best) {
      used.add(best);
      cursor[g] = position.get(best)! + 1;
      d.toc = { index: best.index, page: best.page, line: best.line };
      if (best.category !== null && !bodyCats.has(best.category)) d.category = best.category;
      tocOf[i] = best;
    }
  });
  return tocOf;
}

/** The document's own 文号: found with its head, else the first non-blank line after the date line (or the title). */
function readDocNumber(lines: Lines, d: Document, c: Candidate): number {
  let number = c.number ?? null;
  if (number === null) {
    const k = nextLine(lines, (c.dateLineNo ?? d.titleSpan.endLine) + 1, d.span.endLine, Infinity);
    if (k === 0) return c.dateLineNo ?? d.titleSpan.endLine;
    const dn = ownDocNumberLine(lines.get(k - 1)!);
    const order = dn === null && d.kind === '令' ? orderNumberLine(lines.get(k - 1)!) : null;
    if (!dn && !order) return k - 1;
    number = { line: k, dn, order };
  }
  const { line, dn, order } = number;
  if (dn)
    d.docNumber = {
      raw: dn.raw,
      normalized: dn.normalized,
      issuer: dn.issuer,
      year: dn.year,
      serial: dn.serial,
      line,
      column: dn.index + 1,
    };
  else if (order) {
    const issuer = squash(d.title).replace(/\s+/g, '');
    d.docNumber = {
      raw: order.raw,
      normalized: `${issuer}第${order.serial}号`,
      issuer,
      year: null,
      serial: order.serial,
      line,
      column: order.index + 1,
    };
  }
  if (dn?.signer && d.header) d.header.signer = dn.signer;
  return Math.max(line, c.dateLineNo ?? 0, d.titleSpan.endLine);
}

/** Recipients (主送): a short line ending in a colon among the next three non-blank lines. */
function readRecipients(lines: Lines, d: Document, headerEnd: number): number {
  let seen = 0;
  for (let j = headerEnd + 1; j <= d.span.endLine && seen < 3; j++) {
    const t = lines.get(j - 1)!.trim();
    if (t === '') continue;
    seen++;
    if (t.length <= 150 && /[:：]$/.test(t) && !/^(?:[-*]\s*)?附\s*件/.test(t) && !isTableRow(t)) {
      d.recipients = { text: t, line: j };
      return j;
    }
  }
  return headerEnd;
}

/** The 落款 after the body: issuers, 成文日期 (the date when no date line precedes the body), 附注. */
function readClosing(lines: Lines, d: Document, bodyFrom: number): void {
  const sig = readSignature(lines, bodyFrom, d.span.endLine);
  // Issuers: those signing the 落款, else the 版头 mark's, else those the title names before 关于.
  const named = (): string[] => (d.header ? [...d.header.issuers] : sig || d.docNumber ? titleIssuers(d.title) : []);
  if (!sig) {
    d.issuers = named();
    return;
  }
  d.signature = { issuers: sig.issuers, date: sig.date.iso, dateRaw: sig.date.raw, line: sig.line, startLine: sig.startLine };
  d.note = sig.note;
  d.issuers = sig.issuers.length ? [...sig.issuers] : named();
  if (d.date === null && d.dateLine === null) {
    d.date = sig.date.iso;
    d.dateRaw = sig.date.raw;
    d.dateLine = sig.line;
    d.dateSource = 'signature';
  }
}

/** Per-document details: title, kind, 文号, recipients, 落款, id, attachments, with their anomalies. */
function readDetails(
  lines: Lines,
  documents: Document[],
  docCands: readonly Candidate[],
  tocOf: ReadonlyArray<TocEntry | undefined>,
  anomalies: Anomaly[],
  removed?: Uint8Array,
): void {
  const untitled = new Map<number, Anomaly>();
  for (const a of anomalies) if (a.code === 'DOCUMENT_WITHOUT_TITLE') untitled.set(a.line, a);
  const ids = new DocumentIds();
  documents.forEach((d, i) => {
    const c = docCands[i]!;
    d.title = c.titleEnd >= c.titleStart ? cleanTitle(d.titleRaw.split('\n'), tocOf[i]?.titleRaw ?? null) : '';
    d.kind = kindOf(d.title);
    if (c.date && c.date.iso === null) {
      anomalies.push(
        anomaly('DATE_INVALID', {
          message: `${c.date.raw} is not a date in the calendar`,
          line: c.dateLineNo!,
          evidence: lines.get(c.dateLineNo! - 1)!,
        }),
      );
    }
    const headerEnd = readRecipients(lines, d, readDocNumber(lines, d, c));
    readClosing(lines, d, headerEnd + 1);
    d.id = ids.make(d);
    append(anomalies, headAnomalies(lines, d));
    const att = readAttachments(lines, d.titleSpan.endLine + 1, d.span.endLine, d.id, removed);
    d.attachments = att.attachments;
    append(anomalies, att.anomalies);
    if (c.titleEnd < c.titleStart) {
      const a = untitled.get(c.dateLineNo!);
      if (a) a.documentId = d.id;
    }
  });
  adoptAttachments(lines, documents, anomalies);
}

/**
 * Document ids, unique in the issue: from the 文号 (`机关代字-年份-序号`, `机关代字-序号` for an
 * order without a year), else category + TOC index (or the position in the section).
 */
class DocumentIds {
  private readonly count = new Map<string, number>();
  private readonly used = new Set<string>();
  private readonly sectionOrdinal = new Map<string | null, number>();

  make(d: Document): string {
    const ord = (this.sectionOrdinal.get(d.category) ?? 0) + 1;
    this.sectionOrdinal.set(d.category, ord);
    const dn = d.docNumber;
    const id = dn
      ? dn.year !== null
        ? `${dn.issuer}-${dn.year}-${dn.serial}`
        : `${dn.issuer}-${dn.serial}`
      : `${d.category ?? '正文'}-${d.toc?.index ?? ord}`;
    // Every id made is registered, suffixed ones too: a repeated 文号's `-2` must not take
    // the id of a document named after a section called like an id (and the reverse).
    let k = this.count.get(id) ?? 1;
    let unique = id;
    while (this.used.has(unique)) unique = `${id}-${++k}`;
    this.count.set(id, k);
    this.used.add(unique);
    return unique;
  }
}

/** The index of the first character where `a` and `b` differ (the shorter length when one begins the other). */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The head's irregularities: a 文号 not in the standard form, an impossible 成文日期, the title printed twice. */
function headAnomalies(lines: Lines, d: Document): Anomaly[] {
  const out: Anomaly[] = [];
  const dn = d.docNumber;
  if (dn && dn.year !== null && !isStandardDocNumber(dn.raw)) {
    out.push(
      anomaly('DOCNUMBER_NONSTANDARD', {
        message: `文号 ${dn.raw} is not in the standard form ${dn.normalized}`,
        line: dn.line,
        // at the first character that differs from the standard form (the bracket, the space)
        column: dn.column + firstDifference(dn.raw, dn.normalized),
        evidence: lines.get(dn.line - 1)!,
        documentId: d.id,
      }),
    );
  }
  if (d.signature && d.signature.date === null) {
    out.push(
      anomaly('DATE_INVALID', {
        message: `${d.signature.dateRaw} is not a date in the calendar`,
        line: d.signature.line,
        evidence: lines.get(d.signature.line - 1)!,
        documentId: d.id,
      }),
    );
  }
  for (const m of d.sourceMeta) {
    if (m.key !== 'title') continue;
    out.push(
      anomaly('TITLE_REPEATED', {
        message: `the title is printed twice (line ${m.line} and line ${d.titleSpan.startLine}), as exports print it`,
        line: d.titleSpan.startLine,
        evidence: lines.get(d.titleSpan.startLine - 1)!,
        documentId: d.id,
      }),
    );
  }
  return out;
}

/** TOC entries with the document each matches; anomalies for entries and documents left unmatched. */
function linkToc(
  lines: Lines,
  tocs: readonly Toc[],
  documents: readonly Document[],
  docRegion: readonly Region[],
  anomalies: Anomaly[],
): TocEntry[] {
  const docByTocLine = new Map<number, string>();
  for (const d of documents) if (d.toc && !docByTocLine.has(d.toc.line)) docByTocLine.set(d.toc.line, d.id);
  const tocOut: TocEntry[] = tocs.flatMap((t) =>
    t.entries.map((e) =>
      t.line !== null
        ? { ...e, documentId: docByTocLine.get(e.line) ?? null, tocLine: t.line }
        : { ...e, documentId: docByTocLine.get(e.line) ?? null },
    ),
  );
  for (const e of tocOut) {
    if (e.documentId === null)
      anomalies.push(
        anomaly('TOC_ENTRY_UNMATCHED', {
          message: `TOC entry «${e.title}» (page ${e.page ?? '?'}) has no document in the body`,
          line: e.line,
          evidence: lines.get(e.line - 1)!,
        }),
      );
  }
  if (tocOut.length) {
    for (const [i, d] of documents.entries()) {
      // Documents after a TOC are checked against it; those before the first TOC found are not.
      if (d.toc === null && tocs[docRegion[i]!.group]!.entries.length)
        anomalies.push(
          anomaly('DOCUMENT_NOT_IN_TOC', {
            message: `document «${d.title}» is not in the table of contents`,
            line: d.titleSpan.startLine,
            endLine: d.titleSpan.endLine,
            evidence: lines.get(d.titleSpan.startLine - 1)!,
            documentId: d.id,
          }),
        );
    }
  }
  return tocOut;
}

/**
 * Reads the structure of an issue: TOC, masthead, sections, documents (title, date,
 * 文号, recipients, 落款, attachments, span), citations. A TOC, section headers and a
 * colophon are used where present; documents are also found by their 公文 heads.
 */
export function readStructure(src: SourceLines): Result<Structure> {
  const lines = src.lines;
  const anomalies: Anomaly[] = [];
  const { toc, mh, bodyStart, bodyEnd } = readFrame(lines, anomalies);
  const { tocs, regions } = splitRegions(lines, { entries: toc.entries, line: toc.startLine }, bodyStart, bodyEnd);
  const { tocCategories, bodyCategories } = categoriesOf(lines, tocs, regions, anomalies);
  const { documents, sections, docRegion, docCands, sectionOf } = documentsOf(lines, tocs, regions, anomalies, src.removed);
  const tocOf = matchToc(documents, docRegion, tocs, tocCategories, bodyCategories);
  readDetails(lines, documents, docCands, tocOf, anomalies, src.removed);
  documents.forEach((d, i) => {
    // Regions do not overlap: only the section of the document's own region can hold it.
    const s = sectionOf.get(docRegion[i]!);
    if (s && s.category === d.category) s.documentIds.push(d.id);
  });
  const tocOut = linkToc(lines, tocs, documents, docRegion, anomalies);
  if (mh.masthead.line === null && !(toc.entries.length === 0 && documents.some((d) => d.docNumber !== null || d.signature !== null))) {
    // A text of official documents without a TOC is not a gazette issue: it has no colophon to miss.
    const n = lines.length;
    anomalies.push(
      anomaly('MASTHEAD_NOT_FOUND', {
        message: 'no colophon (title, 年第N期, publication date) was found',
        line: Math.max(1, n),
        evidence: lines.get(n - 1) ?? '',
      }),
    );
  }
  const citations = readCitations(lines, documents);
  const structure: Structure = {
    masthead: mh.masthead,
    toc: tocOut,
    sections,
    documents,
    citations,
    body: { startLine: bodyStart, endLine: bodyEnd },
  };
  return { value: structure, anomalies };
}

/** Match keys of what a document can be cited by: its title, 《titles》 in it, attachment titles. */
function docKeys(documents: readonly Document[]): DocKeys[] {
  return documents
    .filter((d) => d.kind !== '解读')
    .map((d) => ({
      doc: d,
      title: matchKey(d.title),
      inner: bookTitles(d.title).map((b) => matchKey(b.text)),
      attachments: d.attachments.flatMap((a) => (a.title !== null ? [matchKey(a.title)] : [])),
    }));
}
function titleTarget(cited: string, index: TitleIndex, self: Document | null): string | null {
  const key = matchKey(cited);
  return key.length < 4 ? null : index.target(key, self);
}

/** A citation of a 文号 found on line `ln` of document `d`. */
function numberCitation(d: Document, f: { raw: string; normalized: string }, ln: number, column: number, target: string | null): Citation {
  return { documentId: d.id, kind: 'docNumber', text: f.raw, normalized: f.normalized, line: ln, column, targetDocumentId: target };
}

/** Every 文号 and 《title》 cited in the documents' text, and interpretation links. */
function readCitations(lines: Lines, documents: Document[]): Citation[] {
  const out: Citation[] = [];
  const keys = new TitleIndex(docKeys(documents));
  const byNumber = new Map<string, string>();
  for (const d of documents) if (d.docNumber && !byNumber.has(d.docNumber.normalized)) byNumber.set(d.docNumber.normalized, d.id);
  // A 文号 holds 号 (one cut at a line's end goes on at most MAX_CUT_GAP lines below), a cited
  // title 《: only those lines and the lines just above a 号 are read, found by native searches.
  const numbers = new LineFinder(lines, ['号']);
  const books = new LineFinder(lines, ['《']);
  for (const d of documents) {
    let skip = { line: 0, before: 0 };
    const m = INTERPRETATION.exec(d.title) ? bookTitles(d.title)[0] : undefined;
    if (m) d.interprets = titleTarget(m.text, keys, d);
    for (let ln = d.titleSpan.endLine + 1; ln <= d.span.endLine; ln++) {
      if ((ln = Math.min(Math.max(ln, numbers.skip(ln) - (MAX_CUT_GAP + 1)), books.skip(ln))) > d.span.endLine) break;
      if (d.docNumber && ln === d.docNumber.line) continue;
      const line = lines.get(ln - 1)!;
      if (line.length === 0) continue;
      for (const f of findDocNumbers(line)) {
        // the rest of a 文号 begun on the line before (read there, across the break)
        if (ln === skip.line && f.index < skip.before) continue;
        const target = byNumber.get(f.normalized);
        out.push(numberCitation(d, f, ln, f.index + 1, target && target !== d.id ? target : null));
      }
      const broken = brokenDocNumbers(lines, ln, d.span.endLine);
      for (const b of broken.found) {
        const target = byNumber.get(b.normalized);
        out.push(numberCitation(d, b, ln, b.index + 1, target && target !== d.id ? target : null));
      }
      if (broken.found.length > 0) skip = { line: broken.found[0]!.endLine, before: broken.skip };
      if (line.includes('《')) {
        for (const b of bookTitles(line)) {
          out.push({
            documentId: d.id,
            kind: 'title',
            text: b.text,
            normalized: null,
            line: ln,
            column: b.index + 1,
            targetDocumentId: titleTarget(b.text, keys, d),
          });
        }
      }
    }
  }
  return out;
}
