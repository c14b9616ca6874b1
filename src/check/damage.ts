import type { Anomaly } from '../model/anomaly.js';
import type { Structure } from '../core/structure.js';
import type { CheckInput } from './common.js';
import { isImprint } from '../core/official.js';
import { bareDateLine, longerThan } from '../core/patterns.js';
import { anomaly } from '../model/catalogue.js';
import { readToc } from '../core/toc.js';
import { isHan } from '../read/text.js';
import { countCells, oversized } from '../features/tables/scan.js';
import { Lines } from '../model/lines.js';

/**
 * Signs that the text was damaged on its way here: cut short, two issues run together,
 * tables whose markup a conversion mangled (no delimiter row, tabs or full-width pipes
 * instead of `|`). One pass over the lines; every check is linear in the input.
 */
export function checkDamage({ lines, structure, src }: CheckInput): Anomaly[] {
  const out: Anomaly[] = [];
  tableMarkup(lines, src.removed, out);
  truncation(lines, structure, out);
  repeats(lines, structure, out);
  return out;
}

/** `|---|:--:|`: only pipes, dashes, colons and spaces, at least one dash. */
function isDelimiterRow(t: string): boolean {
  let dash = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '-') dash = true;
    else if (c !== '|' && c !== ':' && c !== ' ' && c !== '\t') return false;
  }
  return dash;
}

/**
 * A row of tab-separated cells: two fields split by a tab, or one field followed by two
 * tabs (empty cells). Tabs before the first field are indentation and do not count.
 */
function isTabRow(line: string): boolean {
  if (!line.includes('\t')) return false;
  let fields = 0;
  let tabs = 0;
  let inField = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\t') {
      inField = false;
      if (fields > 0) tabs++;
    } else if (c !== ' ' && c !== '\u3000' && !inField) {
      inField = true;
      fields++;
    }
  }
  return fields >= 2 || (fields >= 1 && tabs >= 2);
}

type RunKind = 'pipe' | 'fullwidth' | 'tab';
/** A character every line of a run holds. */
const TABLE_CHAR = /[|｜\t]/g;

/** Whether the pipe rows on lines start..end (1-based) are past the limits of a table (their cells counted, none made). */
function pastLimits(lines: Lines, start: number, end: number): boolean {
  let cells = 0;
  let widest = 0;
  for (let ln = start; ln <= end; ln++) {
    const c = countCells(lines.get(ln - 1)!);
    cells += c;
    if (c > widest) widest = c;
  }
  return oversized(cells, widest);
}

/**
 * Runs of table-like lines a pipe-table reader cannot read: `|` rows with no delimiter
 * row, rows written with `｜`, and lines of tab-separated cells. Lines an input reader read
 * into a table block (`removed` 2: the pipe rows it writes for a pdftotext table) are its
 * own rendering, not markup of the input.
 */
function tableMarkup(lines: Lines, removed: Uint8Array | undefined, out: Anomaly[]): void {
  let kind: RunKind | null = null;
  let start = 0;
  let hasDelimiter = false;
  const close = (end: number): void => {
    const count = end - start + 1;
    // A run past the limits of a table is not read as one: TABLE_TOO_LARGE says so (tables feature).
    if (kind === 'pipe' && count >= 2 && !hasDelimiter && !pastLimits(lines, start, end)) {
      out.push(
        anomaly('TABLE_DELIMITER_MISSING', {
          message: `${count} pipe-table rows (lines ${start}–${end}) without the |---| delimiter row under their header: read as a table, its header guessed`,
          line: start,
          endLine: end,
          evidence: lines.get(start - 1)!,
        }),
      );
    } else if (kind === 'fullwidth' && count >= 2) {
      out.push(
        anomaly('TABLE_FULLWIDTH_PIPES', {
          message: `${count} table rows (lines ${start}–${end}) separate their cells with full-width ｜: not read as a table`,
          line: start,
          endLine: end,
          evidence: lines.get(start - 1)!,
        }),
      );
    } else if (kind === 'tab' && count >= 2) {
      out.push(
        anomaly('TABLE_TAB_SEPARATED', {
          message: `${count} lines (${start}–${end}) separate cells with tabs: a table that lost its pipes?`,
          line: start,
          endLine: end,
          evidence: lines.get(start - 1)!,
        }),
      );
    }
    kind = null;
  };
  for (let i = 0; i < lines.length; i++) {
    // (outside a run, a line without | ｜ or a tab starts none: jumped over)
    if (kind === null && (i = lines.nextWith(i, TABLE_CHAR)) >= lines.length) break;
    const line = lines.get(i)!;
    let k: RunKind | null = null;
    let j = 0;
    while (j < line.length && (line[j] === ' ' || line[j] === '\u3000')) j++;
    const first = line[j];
    if (removed?.[i] === 2) k = null;
    else if (first === '|') k = 'pipe';
    else if (first === '｜' && line.indexOf('｜', j + 1) > 0) k = 'fullwidth';
    else if (isTabRow(line)) k = 'tab';
    if (k !== kind) {
      if (kind !== null) close(i);
      if (k !== null) {
        kind = k;
        start = i + 1;
        hasDelimiter = false;
      }
    }
    if (k === 'pipe' && !hasDelimiter && isDelimiterRow(line)) hasDelimiter = true;
  }
  if (kind !== null) close(lines.length);
}

/** The text ends inside a table row, or mid-sentence with no colophon after it. */
function truncation(lines: Lines, structure: Structure, out: Anomaly[]): void {
  let k = lines.length;
  while (k > 0 && lines.get(k - 1)!.trim() === '') k--;
  if (k === 0) return;
  // A text that ends with a document's 落款 (issuers, 成文日期, 附注) is complete.
  const last = structure.documents[structure.documents.length - 1];
  if (last?.signature && k >= last.signature.startLine && k <= Math.max(last.signature.line, last.note?.line ?? 0)) return;
  // So is a text that ends with the 版记 of a typeset document (抄送：…, XX　2022年4月15日印发).
  if (last?.signature && isImprint(lines.get(k - 1)!)) return;
  // Or with a 成文日期 on a line of its own: the 落款 of an attachment (a report, an opinion)
  // printed after its document's, whose issuers the document's 落款 reader does not look for.
  if (bareDateLine(lines.get(k - 1)!) !== null) return;
  const t = lines.get(k - 1)!.trim();
  const colophonAtEnd =
    structure.masthead.line !== null && structure.body.endLine < lines.length && structure.masthead.line > structure.body.endLine;
  const end = t[t.length - 1]!;
  const lastChar = String.fromCodePoint(t.codePointAt(t.length - 1 - (end >= '\udc00' && end <= '\udfff' && t.length > 1 ? 1 : 0))!);
  const row = t[0] === '|' || t[0] === '｜';
  let why: string | null = null;
  if (row && end !== '|' && end !== '｜') why = 'inside a table row';
  else if (row && !colophonAtEnd) why = 'with a table row and no colophon after it';
  else if (!colophonAtEnd && (isHan(lastChar) || /[A-Za-z0-9,，、\ufffd]/.test(lastChar)))
    why = 'in the middle of a sentence, with no colophon after it';
  if (why)
    out.push(anomaly('INPUT_TRUNCATED', { message: `the text ends ${why}: cut short?`, line: k, column: 1, evidence: lines.get(k - 1)! }));
}

const ISSUE_LINE = /^\s*\d{4}\s*年\s*第\s*\d{1,3}\s*期/;
/** Second and later tables of contents and colophons inside the text: issues run together. */
function repeats(lines: Lines, structure: Structure, out: Anomaly[]): void {
  // The first 12 non-blank lines may hold a cover masthead; the colophon proper follows the body.
  let head = 0;
  for (let seen = 0; head < lines.length && seen < 12; head++) if (lines.get(head)!.trim() !== '') seen++;
  let tocs = 0;
  let colophons = 0;
  for (let i = 0; i < structure.body.endLine && i < lines.length; i++) {
    // (目录 and the issue line 年…期 are CJK: ASCII lines are jumped over)
    if ((i = lines.nextNonAscii(i)) >= lines.length) break;
    const line = lines.get(i)!;
    if (longerThan(line, 60)) continue;
    if (tocs < 20 && line.includes('录') && line.replace(/\s+/g, '') === '目录' && i + 1 >= structure.body.startLine) {
      const toc = readToc(Lines.of(lines.slice(i, i + 400)));
      if (toc.entries.length > 0) {
        tocs++;
        out.push(
          anomaly('TOC_REPEATED', {
            message: `a second table of contents (${toc.entries.length} entries) begins here, inside the body: two issues run together?`,
            line: i + 1,
            evidence: line,
          }),
        );
      }
    }
    if (colophons < 20 && i >= head && i + 1 >= structure.body.startLine && ISSUE_LINE.test(line) && line.trim().length <= 40) {
      // A colophon: the issue line with a 公报 title just above it.
      let j = i - 1;
      while (j >= 0 && lines.get(j)!.trim() === '') j--;
      if (j >= 0 && /公报\s*$/.test(lines.get(j)!) && lines.get(j)!.trim().length <= 40) {
        colophons++;
        out.push(
          anomaly('MASTHEAD_REPEATED', {
            message: `a colophon (${line.trim()}) stands inside the text, not at its end: two issues run together?`,
            line: i + 1,
            evidence: line,
          }),
        );
      }
    }
  }
}
