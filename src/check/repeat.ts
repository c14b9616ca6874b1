import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { isTableRow } from '../core/patterns.js';
import { documentOfLine, type CheckInput } from './common.js';
import type { Document } from '../model/issue.js';
import { matchKey } from '../read/text.js';
import { tally } from '../model/work.js';
import { diffChars, diffSize, formatDiff, sizeOf } from './diff.js';
import type { Lines } from '../model/lines.js';

/** Shortest repeated unit, in Han characters, that counts as duplicated text. */
const MIN_HAN = 4;
/** Window of the rolling hash; a unit is at least this long. */
const WINDOW = 4;
/** Longest unit looked for inside a line. */
const MAX_UNIT = 400;

/** Han characters in s (BMP ideographs; enough to tell text from punctuation and digits). */
function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007) n++;
  }
  return n;
}

/** At least `min` Han characters in s (stops counting early). */
function hasHan(s: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < s.length && n < min; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007) n++;
  }
  return n >= min;
}

/** Slots of the lossy hash table of recent windows (a power of two, well above MAX_UNIT). */
const SLOTS = 4096;
const slotPos = new Int32Array(SLOTS);
const slotHash = new Int32Array(SLOTS);
let epoch = 0;

/**
 * A unit repeated back to back inside a string ("甲乙丙丁：甲乙丙丁："): returns the index
 * of the second copy and the unit, or null. One pass with a rolling hash of WINDOW
 * characters; a small table remembers where each recent window was seen (a lost entry
 * only costs a missed candidate, never a false one: candidates are verified by comparing
 * the two copies, at a total cost bounded by a few times the length of the string). Linear
 * in the length of the string, no allocation per character.
 */
export function findTandem(s: string): { index: number; unit: string } | null {
  const n = s.length;
  if (n < 2 * WINDOW) return null;
  // Positions are stored shifted by `base` so that entries of earlier calls are stale.
  if (epoch > 1_000_000_000) {
    slotPos.fill(0);
    epoch = 0;
  }
  const base = epoch + 1;
  epoch += n + 1;
  const B = 31;
  let pow = 1;
  for (let k = 1; k < WINDOW; k++) pow = Math.imul(pow, B);
  let h = 0;
  for (let k = 0; k < WINDOW; k++) h = (Math.imul(h, B) + s.charCodeAt(k)) | 0;
  // Comparisons of candidate copies may cost at most a few times the length of the line,
  // so that no text (however repetitive) makes the search quadratic.
  let budget = 4 * n + 1000;
  let quietUntil = 0;
  // The characters of the current window (WINDOW = 4), so that each step reads one new
  // character only. This loop runs over nearly every character of the issue, mostly before
  // V8 optimises it: calls (charCodeAt, Math.imul) are what it pays for there.
  let c0 = s.charCodeAt(0);
  let c1 = s.charCodeAt(1);
  let c2 = s.charCodeAt(2);
  let c3 = s.charCodeAt(3);
  // Locals rather than module bindings and expressions in the loop (fewer loads per step).
  const pos = slotPos;
  const hashes = slotHash;
  const mask = SLOTS - 1;
  const last = n - WINDOW;
  for (let i = 0; ; i++) {
    const slot = (h ^ (h >>> 13)) & mask;
    const stored = pos[slot]!;
    if (stored >= base && hashes[slot] === h) {
      const j = stored - base;
      const p = i - j;
      if (p >= WINDOW && p <= MAX_UNIT && i + p <= n && i >= quietUntil) {
        // Compare the two copies character by character, within the line's budget.
        let k = 0;
        while (k < p && s.charCodeAt(j + k) === s.charCodeAt(i + k)) k++;
        budget -= k + 1;
        if (k === p) {
          const unit = s.slice(j, i);
          // A unit holding a column gap (two spaces: text laid out in columns, a table as
          // pdftotext -layout prints it) is two cells that say the same, not a phrase twice.
          if (hanCount(unit) >= MIN_HAN && new Set(unit).size > 2 && !unit.includes('  ')) return { index: i, unit };
          // A repetition that is not text (digits, dots, Latin) or across columns: look past it.
          quietUntil = i + p;
        }
        if (budget < 0) return null;
      }
    }
    pos[slot] = base + i;
    hashes[slot] = h;
    if (i >= last) break;
    // = (Math.imul(h - Math.imul(c0, pow), B) + next) | 0 without the calls: c0 * pow < 2^31
    // is exact, and ((x << 5) - (x | 0)) | 0 is Math.imul(x, 31) for any x (both are
    // 31 * ToInt32(x) modulo 2^32).
    const next = s.charCodeAt(i + WINDOW);
    const x = h - c0 * pow;
    h = ((x << 5) - (x | 0) + next) | 0;
    c0 = c1;
    c1 = c2;
    c2 = c3;
    c3 = next;
  }
  return null;
}

/**
 * Text repeated back to back outside tables: a line identical to the line before it
 * (blank lines between them allowed), or a phrase written twice in a row within a line.
 */
export function checkRepeats(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const out: Anomaly[] = [];
  const docOf = documentOfLine(input.documents, lines.length);
  // A title printed twice by an export is reported by the structure (TITLE_REPEATED, info).
  const exportedTitles = new Set<number>();
  for (const d of input.documents) for (const m of d.sourceMeta) if (m.key === 'title') exportedTitles.add(m.line);
  // the previous line of text (trimmed; null after a table row or an ASCII line of text) and its number
  let prev: string | null = null;
  let prevLine = 0;
  const repeated = (ln: number, message: string, column: number, evidence: string): void => {
    const documentId = docOf.get(ln);
    out.push(anomaly('TEXT_REPEATED', { message, line: ln, column, evidence, ...(documentId !== undefined ? { documentId } : {}) }));
  };
  for (let ln = 1; ln <= lines.length; ln++) {
    // Only lines holding Han characters are reported: ASCII lines are jumped over (a line of
    // text among them ends the run, as it would have when read).
    const k = lines.skipAscii(ln);
    if (k > ln) {
      if (!lines.blank(ln - 1, k - 1)) prev = null;
      if ((ln = k) > lines.length) break;
    }
    const line = lines.get(ln - 1)!;
    const t = line.trim();
    if (t === '') continue;
    if (isTableRow(line)) {
      prev = null;
      continue;
    }
    if (prev === t && exportedTitles.has(prevLine)) {
      // the export's copy of the title, then the title
    } else if (prev === t && hasHan(t, MIN_HAN)) {
      repeated(ln, `the line repeats line ${prevLine}`, line.indexOf(t) + 1, line);
    } else {
      const r = hasHan(t, 2 * MIN_HAN) ? findTandem(line) : null;
      if (r) repeated(ln, `«${r.unit}» is written twice in a row`, r.index + 1, line);
    }
    prev = t;
    prevLine = ln;
  }
  return out;
}

/** A line counts for reprint detection from this many Han characters (shorter ones recur everywhere). */
const REPRINT_MIN_HAN = 12;
/** A document is a reprint of another from this many lines in common … */
const REPRINT_MIN_LINES = 5;
/** … making at least this share of the shorter document's counted lines. */
const REPRINT_SHARE = 0.3;
/** A pair of lines whose edits change more than this share of the longer is laid out differently, not misspelt. */
const REPRINT_EDIT = 0.2;
const LAYOUT = /[\s\u3000|｜]+/g;
/** Differences between the copies listed in the message. */
const REPRINT_DIFFS = 6;

/**
 * The lines of a document's body (after its title; blank ones left out), one entry each in
 * parallel arrays (a few bytes a line: an issue of 64 MB has some 400 000 of them).
 */
interface Body {
  /** Line numbers. */
  line: Int32Array;
  /** A hash of the line's first REPRINT_MIN_HAN Han characters; -1 for a shorter line, which does not count. */
  hash: Int32Array;
  /** The line's match key; '' for a short line, and for a line no other document can share (see SharedKeys). */
  key: string[];
  /** Lines that count (hash ≥ 0). */
  counted: number;
}

/**
 * The lines compared between two copies: without spaces and table bars (what a converter lays
 * out differently) and their match keys, by line number, made once for all the pairs of a check.
 */
class Bare {
  private readonly text = new Map<number, string>();
  private readonly keys = new Map<number, string>();
  constructor(private readonly lines: Lines) {}

  of(ln: number): string {
    let t = this.text.get(ln);
    if (t === undefined) this.text.set(ln, (t = this.lines.get(ln - 1)!.replace(LAYOUT, '')));
    return t;
  }

  /**
   * The match key of of(ln): the line's key when it has one and no full-width bar (a key
   * drops the spaces already, and keeps a bar ｜ as |).
   */
  key(ln: number, key: string): string {
    let k = this.keys.get(ln);
    if (k === undefined) this.keys.set(ln, (k = key !== '' && !this.lines.get(ln - 1)!.includes('｜') ? key : matchKey(this.of(ln))));
    return k;
  }
}

/**
 * A hash of the first REPRINT_MIN_HAN Han characters of `t`, or -1 when it has fewer. A
 * match key keeps every Han character of its line in order (it drops bars, spaces and
 * punctuation, and maps full-width Latin letters and digits), so lines with equal keys have
 * equal hashes, and a line has at least REPRINT_MIN_HAN Han characters exactly when its key has.
 */
function hanPrefixHash(t: string): number {
  let n = 0;
  let h = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007) {
      // integer arithmetic modulo 2^32 (a floating-point % per character cost more than the rest)
      h = (Math.imul(h, 31) + c) | 0;
      // (30 bits: a small integer to V8, kept in a Map without a heap number per key)
      if (++n === REPRINT_MIN_HAN) return h & 0x3fffffff;
    }
  }
  return -1;
}

/** The line numbers of a document's body (after its title), blank lines left out. */
function forBodyLines(lines: Lines, d: Document, f: (ln: number, t: string) => void): void {
  const end = Math.min(d.span.endLine, lines.length);
  for (let ln = d.titleSpan.endLine + 1; ln <= end; ln++) {
    const t = lines.get(ln - 1)!;
    if (t.trim() !== '') f(ln, t);
  }
}

/** The counted lines of a document's body (REPRINT_MIN_HAN Han characters or more), with their hashes. */
function forCountedLines(lines: Lines, d: Document, f: (ln: number, hash: number) => void): void {
  const end = Math.min(d.span.endLine, lines.length);
  for (let ln = d.titleSpan.endLine + 1; ln <= end; ln++) {
    // (a line without Han characters does not count: ASCII lines are jumped over)
    if ((ln = lines.skipAscii(ln)) > end) break;
    const t = lines.get(ln - 1)!;
    const hash = hanPrefixHash(t);
    if (hash >= 0) f(ln, hash);
  }
}

/** The counted lines of the documents, hashed once: what checkReprints reads again of the documents that share one. */
interface Hashed {
  /** Line number and hash of each counted line, in pairs, document after document. */
  pairs: Int32Array;
  /** Document b's pairs are pairs[start[b]] … pairs[start[b + 1] - 1]. */
  start: Int32Array;
  /** The document of each hash of a counted line; -1 once it stands in two. */
  docOfHash: Map<number, number>;
  /** 1 for a document holding a hash that stands in another (only those are looked at again). */
  sharing: Uint8Array;
}

/**
 * The counted lines of every document with their hashes (two integers a counted line: an
 * issue of millions of lines without twelve Han characters keeps nothing), the document of
 * each hash, and the documents holding a hash that stands in another.
 */
function hashBodies(lines: Lines, documents: readonly Document[]): Hashed {
  const docOfHash = new Map<number, number>();
  const sharing = new Uint8Array(documents.length);
  const start = new Int32Array(documents.length + 1);
  let pairs = new Int32Array(1024);
  let n = 0;
  documents.forEach((d, b) => {
    start[b] = n;
    forCountedLines(lines, d, (ln, hash) => {
      if (n + 2 > pairs.length) {
        const grown = new Int32Array(2 * pairs.length);
        grown.set(pairs);
        pairs = grown;
      }
      pairs[n++] = ln;
      pairs[n++] = hash;
      const o = docOfHash.get(hash);
      if (o === undefined) docOfHash.set(hash, b);
      else if (o !== b) {
        // (a hash at -1 already marked the documents it stood in)
        if (o >= 0) sharing[o] = 1;
        sharing[b] = 1;
        docOfHash.set(hash, -1);
      }
    });
  });
  start[documents.length] = n;
  return { pairs, start, docOfHash, sharing };
}

/**
 * The match keys of lines whose hash stands in two documents or more ('' for the others:
 * only those can be shared with another document, and a match key costs a few regular
 * expression replacements a line). A line printed again has the same text: its key is made
 * once (a reprinted document would otherwise make every key again).
 */
class SharedKeys {
  private readonly keyOf = new Map<string, string>();
  constructor(private readonly docOfHash: ReadonlyMap<number, number>) {}

  of(t: string, hash: number): string {
    if (hash < 0 || this.docOfHash.get(hash) !== -1) return '';
    let key = this.keyOf.get(t);
    if (key === undefined) this.keyOf.set(t, (key = matchKey(t.includes('|') ? t.replace(/\|/g, '') : t)));
    return key;
  }
}

/** The lines of a document's body, hashed and keyed: made only for the copies of a reprint. */
function bodyLines(lines: Lines, d: Document, keys: SharedKeys): Body {
  const from = d.titleSpan.endLine + 1;
  const size = Math.max(0, Math.min(d.span.endLine, lines.length) - from + 1);
  const line = new Int32Array(size);
  const hash = new Int32Array(size);
  const key: string[] = [];
  let counted = 0;
  forBodyLines(lines, d, (ln, t) => {
    const h = hanPrefixHash(t);
    line[key.length] = ln;
    hash[key.length] = h;
    key.push(keys.of(t, h));
    if (h >= 0) counted++;
  });
  return { line: line.subarray(0, key.length), hash: hash.subarray(0, key.length), key, counted };
}

/**
 * DOCUMENT_REPRINTED: the same text printed under two documents (a plan in the 请示 that
 * submits it and again in the 通知 that issues it). Lines are compared by their match keys
 * (no spaces, punctuation or bracket widths), through one hash map of the first place of
 * each key: linear in the issue. One info anomaly per pair of documents, on the later one,
 * naming both places and the lines that differ between the copies (a character diff each).
 */
export function checkReprints(input: CheckInput): Anomaly[] {
  const { lines, documents } = input;
  const { pairs, start, docOfHash, sharing } = hashBodies(lines, documents);
  const counted = (b: number): number => (start[b + 1]! - start[b]!) / 2;
  const keys = new SharedKeys(docOfHash);
  const first = new Map<string, number>();
  const bare = new Bare(lines);
  // the bodies of the documents in a reprint, each made once (a first copy reprinted many times)
  const bodies = new Map<number, Body>();
  const body = (b: number): Body => bodies.get(b) ?? bodies.set(b, bodyLines(lines, documents[b]!, keys)).get(b)!;
  const out: Anomaly[] = [];
  documents.forEach((d, b) => {
    const shared = new Map<number, number>();
    // (the counted lines as hashed above: a line whose hash stands in one document has no key)
    if (sharing[b] === 1)
      for (let k = start[b]!; k < start[b + 1]!; k += 2) {
        const hash = pairs[k + 1]!;
        if (docOfHash.get(hash) !== -1) continue;
        const key = keys.of(lines.get(pairs[k]! - 1)!, hash);
        const a = first.get(key);
        if (a === undefined) first.set(key, b);
        else if (a !== b) shared.set(a, (shared.get(a) ?? 0) + 1);
      }
    let best = -1;
    shared.forEach((n, a) => {
      if (best < 0 || n > shared.get(best)!) best = a;
    });
    if (best < 0) return;
    const n = shared.get(best)!;
    if (n < REPRINT_MIN_LINES || n < REPRINT_SHARE * Math.min(counted(best), counted(b))) return;
    out.push(reprintAnomaly(input, bare, documents[best]!, body(best), d, body(b)));
  });
  return out;
}

/** The anomaly of a reprint: where the copies are, and the lines between common ones that differ. */
function reprintAnomaly(input: CheckInput, bare: Bare, da: Document, a: Body, db: Document, b: Body): Anomaly {
  tally('reprintPairs', a.line.length + b.line.length);
  const inA = new Map<string, number>();
  a.key.forEach((key, i) => {
    if (key !== '' && !inA.has(key)) inA.set(key, i);
  });
  // anchors: lines of the later copy found in the first, in order
  const anchors: [number, number][] = [];
  b.key.forEach((key, j) => {
    const i = key === '' ? undefined : inA.get(key);
    if (i !== undefined && (anchors.length === 0 || i > anchors[anchors.length - 1]![0])) anchors.push([i, j]);
  });
  // between two anchors with as many lines on each side, the lines pair up: those that differ are listed
  const diffs: string[] = [];
  let differing = 0;
  for (let k = 1; k < anchors.length; k++) {
    const [i0, j0] = anchors[k - 1]!;
    const [i1, j1] = anchors[k]!;
    if (i1 - i0 !== j1 - j0) continue;
    for (let s = 1; s < i1 - i0; s++) {
      // compared without spaces and table bars (what a converter lays out differently)
      const na = a.line[i0 + s]!;
      const nb = b.line[j0 + s]!;
      if (bare.key(na, a.key[i0 + s]!) === bare.key(nb, b.key[j0 + s]!)) continue;
      const la = bare.of(na);
      const lb = bare.of(nb);
      // the diff itself only for the lines listed; the size of the edit for the others
      const parts = diffs.length < REPRINT_DIFFS ? diffChars(la, lb) : null;
      const { del, add } = parts ? sizeOf(parts) : diffSize(la, lb);
      // lines broken elsewhere (another layout of the same text) differ by much: no typo there
      if (Math.max(del, add) > Math.max(2, REPRINT_EDIT * Math.max(la.length, lb.length))) continue;
      differing++;
      if (parts) diffs.push(`line ${nb}: ${formatDiff(parts)}`);
    }
  }
  const from = b.line[anchors[0]![1]]!;
  const to = b.line[anchors[anchors.length - 1]![1]]!;
  const aFrom = a.line[anchors[0]![0]]!;
  const aTo = a.line[anchors[anchors.length - 1]![0]]!;
  const differences =
    differing === 0
      ? 'no line differs'
      : `${differing} line${differing > 1 ? 's' : ''} differ${differing > 1 ? '' : 's'} (first copy → this one): ${diffs.join('; ')}${differing > diffs.length ? '; …' : ''}`;
  return anomaly('DOCUMENT_REPRINTED', {
    message: `lines ${from}–${to} repeat the text of «${da.title}» (lines ${aFrom}–${aTo}, ${anchors.length} lines in common); ${differences}`,
    line: from,
    endLine: to,
    evidence: input.lines.get(from - 1)!,
    documentId: db.id,
  });
}
