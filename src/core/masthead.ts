import type { Masthead } from '../model/issue.js';
import { isoDate, longerThan } from './patterns.js';
import { toHalfWidth } from '../read/text.js';
import type { Lines } from '../model/lines.js';

export interface MastheadResult {
  masthead: Masthead;
  /** First line of the colophon block (so the body can end before it), or null. */
  startLine: number | null;
  /** Last line of the colophon block. */
  endLine: number | null;
}

const ISSUE = /(\d{4})\s*年\s*第\s*(\d{1,3})\s*期(?:\s*[(（]\s*总\s*第\s*(\d{1,5})\s*期\s*[)）])?/;
const PUBLISHED = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:出版|印发|发行)/;
const PUBLISHER = /^\s*(?:主\s*办|编\s*辑|主\s*管|编印)(?:\s*单\s*位)?\s*[:：]\s*(.+?)\s*$/;
const WEBSITE = /^\s*(?:网\s*址|网\s*站)\s*[:：]\s*(\S+)\s*$/;
const TITLE = /^\s*(\S.{0,38}公报)\s*$/;

const EMPTY: Masthead = {
  title: null,
  year: null,
  issue: null,
  totalIssue: null,
  publicationDate: null,
  publisher: null,
  website: null,
  line: null,
  endLine: null,
};

/** Looks for colophon fields in lines [from, to); returns what it found and the block's extent. */
function scan(lines: Lines, from: number, to: number): MastheadResult | null {
  const m: Masthead = { ...EMPTY };
  let first = Infinity;
  let last = -Infinity;
  const hit = (i: number): void => {
    first = Math.min(first, i);
    last = Math.max(last, i);
  };
  let issueAt = -1;
  for (let i = from; i < to; i++) {
    const line = toHalfWidth(lines.get(i)!);
    if (longerThan(line, 80)) continue;
    let r: RegExpExecArray | null;
    if (m.issue === null && (r = ISSUE.exec(line))) {
      m.year = Number(r[1]);
      m.issue = Number(r[2]);
      m.totalIssue = r[3] ? Number(r[3]) : null;
      issueAt = i;
      hit(i);
    } else if (m.publicationDate === null && (r = PUBLISHED.exec(line))) {
      m.publicationDate = isoDate(Number(r[1]), Number(r[2]), Number(r[3]));
      hit(i);
    } else if (m.publisher === null && (r = PUBLISHER.exec(line))) {
      m.publisher = r[1]!.trim();
      hit(i);
    } else if (m.website === null && (r = WEBSITE.exec(line))) {
      m.website = r[1]!;
      hit(i);
    }
  }
  if (issueAt < 0 && m.publicationDate === null) return null;
  // The title: the nearest short line ending in 公报 above the issue line (or the block).
  const anchor = issueAt >= 0 ? issueAt : first;
  for (let i = anchor - 1, seen = 0; i >= from && seen < 4; i--) {
    const t = lines.get(i)!.trim();
    if (t === '') continue;
    seen++;
    const r = TITLE.exec(t);
    if (r) {
      m.title = r[1]!.replace(/\s+/g, '');
      hit(i);
      break;
    }
  }
  m.line = first + 1;
  m.endLine = last + 1;
  return { masthead: m, startLine: first + 1, endLine: last + 1 };
}

/**
 * The masthead from the colophon: looked for in the last lines of the issue, else in its
 * first lines (some issues print it on the cover). Fields not found are null.
 */
export function readMasthead(lines: Lines): MastheadResult {
  const n = lines.length;
  // Walk back over the last 12 non-blank lines.
  let from = n;
  for (let seen = 0; from > 0 && seen < 12;) {
    from--;
    if (lines.get(from)!.trim() !== '') seen++;
  }
  const tail = scan(lines, from, n);
  if (tail) return tail;
  let to = 0;
  for (let seen = 0; to < n && seen < 12; to++) if (lines.get(to)!.trim() !== '') seen++;
  const head = scan(lines, 0, to);
  if (head) return { ...head, startLine: null, endLine: null };
  return { masthead: { ...EMPTY }, startLine: null, endLine: null };
}
