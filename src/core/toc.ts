import type { TocEntry } from '../model/issue.js';
import { categoryHeader } from './patterns.js';
import { squash, toHalfWidth } from '../read/text.js';
import type { Lines } from '../model/lines.js';

/** What the table of contents reader found. */
export interface Toc {
  entries: TocEntry[];
  /** Line of 目录, or of the first TOC line when the heading is missing. */
  startLine: number | null;
  /** Last line of the TOC (its last entry). */
  endLine: number | null;
}

interface EntryStart {
  index: number | null;
  rest: string;
}

/** "1. " / "1、" / "１．" / "- " at the start of a TOC line. */
function entryStart(line: string): EntryStart | null {
  const t = line.trimStart();
  const m = /^([0-9０-９]{1,5})\s*[.．、]\s*/.exec(t);
  if (m) return { index: Number(toHalfWidth(m[1]!)), rest: t.slice(m[0].length) };
  const d = /^[-—•·]\s+/.exec(t);
  if (d) return { index: null, rest: t.slice(d[0].length) };
  return null;
}

/** Trailing leaders and page number: "……… (11)", "…(30)", " ……(48)". */
function pageEnd(s: string): { title: string; page: number } | null {
  const m = /[(（]\s*([0-9０-９]{1,5})\s*[)）]\s*$/.exec(s);
  if (!m) return null;
  let end = m.index;
  while (end > 0 && /[\s….·。．⋯-]/.test(s[end - 1]!)) end--;
  return { title: s.slice(0, end), page: Number(toHalfWidth(m[1]!)) };
}

/** 目录 (the heading of a table of contents), spaced or not. */
export const isTocHeading = (line: string): boolean => line.replace(/\s+/g, '') === '目录';

/**
 * Reads the table of contents: 目录, then categories in 【…】 and numbered entries ending in
 * a page number (an entry may wrap over several lines). The TOC ends before the first
 * category header that is not followed by an entry — the body's first section.
 * `from` (0-based) is where to start looking: a later TOC inside the text (issues run together).
 */
export function readToc(lines: Lines, from = 0): Toc {
  const n = lines.length;
  const limit = Math.min(n, from + 400);
  let i = from;
  let startLine: number | null = null;
  for (let k = from; k < limit; k++) {
    if (isTocHeading(lines.get(k)!)) {
      startLine = k + 1;
      i = k + 1;
      break;
    }
  }
  if (startLine === null) {
    // No heading: a TOC still counts if the issue opens with categories and paged entries.
    while (i < n && lines.get(i)!.trim() === '') i++;
    if (i >= n || categoryHeader(lines.get(i)!) === null) return { entries: [], startLine: null, endLine: null };
  }
  const entries: TocEntry[] = [];
  let heading: { category: string | null; line?: number } = { category: null };
  let endLine: number | null = null;
  const nextNonBlank = (k: number): number => {
    while (k < n && lines.get(k)!.trim() === '') k++;
    return k;
  };
  /** Tries to read an entry starting at line k; returns it and the index after it. */
  const readEntry = (k: number): { entry: TocEntry; next: number } | null => {
    const start = entryStart(lines.get(k)!);
    if (!start) return null;
    let text = start.rest;
    let j = k;
    for (let extra = 0; extra <= 3; extra++) {
      const pe = pageEnd(text);
      if (pe) {
        const titleRaw = pe.title.trim();
        const entry: TocEntry = {
          category: heading.category,
          index: start.index,
          title: squash(titleRaw),
          titleRaw,
          page: pe.page,
          line: k + 1,
          documentId: null,
        };
        if (j > k) entry.endLine = j + 1;
        if (heading.line !== undefined) entry.categoryLine = heading.line;
        return { entry, next: j + 1 };
      }
      j++;
      if (j >= n || lines.get(j)!.trim() === '' || categoryHeader(lines.get(j)!) !== null || entryStart(lines.get(j)!)) return null;
      text += lines.get(j)!.trim();
    }
    return null;
  };

  while (i < n) {
    const line = lines.get(i)!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const cat = categoryHeader(line);
    if (cat !== null) {
      const k = nextNonBlank(i + 1);
      if (k < n && (readEntry(k) !== null || categoryHeader(lines.get(k)!) !== null)) {
        heading = { category: cat, line: i + 1 };
        if (startLine === null) startLine = i + 1;
        i++;
        continue;
      }
      break;
    }
    const got = readEntry(i);
    if (!got) break;
    entries.push(got.entry);
    endLine = got.next;
    i = got.next;
  }
  if (entries.length === 0) return { entries: [], startLine: null, endLine: null };
  return { entries, startLine, endLine };
}
