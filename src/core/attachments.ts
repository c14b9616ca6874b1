import type { Attachment } from '../model/issue.js';
import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { squash, toHalfWidth } from '../read/text.js';
import { cleanTitle } from './title.js';

/** 附件：… / - 附件：1. … / 附件: 1. … / 附件 1. … — a declaration of attachments. */
const DECL = /^\s*(?:[-*•]\s*)?附\s*件\s*(?:[:：]\s*(.*)|([0-9０-９]{1,2})\s*[.．、]\s*(.+))$/;
/** 附件 / 附件 1 / 附件4 alone on a line: where an attachment begins. */
const START = /^\s*附\s*件\s*([0-9０-９]{1,2})?\s*$/;
const ITEM = /^\s*(?:[-*•]\s*)?([0-9０-９]{1,2})\s*[.．、]\s*(.+)$/;

interface Item {
  index: number | null;
  title: string;
  line: number;
  att: number | null;
}

/** The state of one document's scan: what has been found so far. */
interface Scan {
  lines: readonly string[];
  /** Last line of the document (1-based, inclusive). */
  to: number;
  documentId: string;
  attachments: Attachment[];
  anomalies: Anomaly[];
  /** The declarations met so far, each with its items. */
  decls: Item[][];
  /** Index in `attachments` of the attachment the line is currently inside. */
  inside: number | null;
}

/**
 * Attachments of one document (lines [from, to], 1-based): declarations with their
 * items, the lines where attachments begin, matched by number; a declaration inside an
 * attachment declares nested attachments (`parent`).
 */
export function readAttachments(lines: readonly string[], from: number, to: number, documentId: string): { attachments: Attachment[]; anomalies: Anomaly[] } {
  const scan: Scan = { lines, to, documentId, attachments: [], anomalies: [], decls: [], inside: null };
  for (let ln = from; ln <= to; ln++) {
    const line = lines[ln - 1]!;
    if (!line.includes('附')) continue;
    const start = START.exec(line);
    if (start) {
      beginAttachment(scan, ln, start[1] ? Number(toHalfWidth(start[1])) : null);
      continue;
    }
    const decl = DECL.exec(line);
    if (decl) ln = readDeclaration(scan, ln, decl);
  }
  reportNotFound(scan);
  return { attachments: scan.attachments, anomalies: scan.anomalies };
}

/** The first line at or after `k` that is not blank (past `to` when none is). */
function nextNonBlank(scan: Scan, k: number): number {
  while (k <= scan.to && scan.lines[k - 1]!.trim() === '') k++;
  return k;
}

/** The title on the first non-blank line after line `k`, if the document goes on. */
function titleAfter(scan: Scan, k: number): string | null {
  const j = nextNonBlank(scan, k + 1);
  return j <= scan.to ? cleanTitle([scan.lines[j - 1]!], null) : null;
}

/**
 * An attachment begins at line `ln` (`附件 n` alone on the line): matched with the item of
 * a recent declaration that has its number, else reported as undeclared.
 */
function beginAttachment(scan: Scan, ln: number, index: number | null): void {
  const { decls, attachments } = scan;
  let found: Item | null = null;
  // The nearest declarations only (at most 50 back): keeps a flood of 附件 lines linear.
  for (let d = decls.length - 1; d >= 0 && d >= decls.length - 50 && !found; d--) {
    for (const it of decls[d]!) if (it.att === null && (it.index === index || (index === null && decls[d]!.length === 1))) { found = it; break; }
  }
  const parent = found ? attachmentParentOf(found.line, attachments) : scan.inside;
  const att: Attachment = {
    index,
    declaredTitle: found ? found.title || null : null,
    declaredLine: found ? found.line : null,
    title: titleAfter(scan, ln),
    startLine: ln,
    parent,
  };
  attachments.push(att);
  if (found) found.att = attachments.length - 1;
  else scan.anomalies.push(anomaly('ATTACHMENT_UNDECLARED', { message: `attachment ${index ?? ''} begins here but no 附件 list declares it`.replace('  ', ' '), line: ln, evidence: scan.lines[ln - 1]!, documentId: scan.documentId }));
  scan.inside = attachments.length - 1;
}

/**
 * A declaration at line `ln` (`附件：…`) with its items, numbered ones continuing on the
 * following lines. Returns the last line it takes.
 */
function readDeclaration(scan: Scan, ln: number, decl: RegExpExecArray): number {
  const items: Item[] = [];
  if (decl[2]) {
    items.push({ index: Number(toHalfWidth(decl[2])), title: squash(decl[3]!), line: ln, att: null });
  } else {
    const rest = decl[1]!.trim();
    const first = ITEM.exec(rest);
    if (first) items.push({ index: Number(toHalfWidth(first[1]!)), title: squash(first[2]!), line: ln, att: null });
    else items.push({ index: null, title: squash(rest), line: ln, att: null });
  }
  if (items[0]!.index !== null) {
    // Further numbered items on the following lines (a blank line may separate them).
    let k = ln + 1;
    for (;;) {
      const j = nextNonBlank(scan, k);
      if (j > scan.to || j - k > 1) break;
      const it = ITEM.exec(scan.lines[j - 1]!);
      if (!it || Number(toHalfWidth(it[1]!)) !== items[items.length - 1]!.index! + 1) break;
      items.push({ index: Number(toHalfWidth(it[1]!)), title: squash(it[2]!), line: j, att: null });
      k = j + 1;
      ln = j;
    }
  } else if (items[0]!.title === '') {
    // "附件：" alone: the attachment begins right here, its title on the next line.
    const att: Attachment = { index: null, declaredTitle: null, declaredLine: ln, title: titleAfter(scan, ln), startLine: ln, parent: scan.inside };
    scan.attachments.push(att);
    items[0]!.att = scan.attachments.length - 1;
    scan.inside = scan.attachments.length - 1;
  }
  scan.decls.push(items);
  return ln;
}

/** Declared items no attachment start matched: listed without a start, and reported. */
function reportNotFound(scan: Scan): void {
  const { attachments, lines } = scan;
  for (const items of scan.decls) {
    for (const it of items) {
      if (it.att !== null) continue;
      attachments.push({ index: it.index, declaredTitle: it.title || null, declaredLine: it.line, title: null, startLine: null, parent: attachmentParentOf(it.line, attachments) });
      scan.anomalies.push(anomaly('ATTACHMENT_NOT_FOUND', { message: `attachment ${it.index ?? ''} «${it.title}» is declared but never begins in the document`.replace('  ', ' '), line: it.line, evidence: lines[it.line - 1]!, documentId: scan.documentId }));
    }
  }
}

/**
 * The attachment (index into list) whose start is the last one before `line`. The found
 * attachments come first in `list`, in the order of their start lines (strictly rising):
 * a binary search over them keeps many attachments linear.
 */
function attachmentParentOf(line: number, list: readonly Attachment[]): number | null {
  // The attachments declared but not found (startLine null) follow: find where they begin.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.startLine === null) hi = mid;
    else lo = mid + 1;
  }
  hi = lo;
  lo = 0;
  // Last index in [0, hi) with startLine < line.
  let best: number | null = null;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.startLine! < line) { best = mid; lo = mid + 1; }
    else hi = mid;
  }
  return best;
}
