import type { Attachment, Document } from '../model/issue.js';
import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { squash, toHalfWidth } from '../read/text.js';
import { cleanTitle } from './title.js';
import { prevLine, titleEndKind, titleLineOk } from './official.js';
import type { Lines } from '../model/lines.js';

/** 附件：… / - 附件：1. … / 附件: 1. … / 附件 1. … — a declaration of attachments. */
const DECL = /^\s*(?:[-*•]\s*)?附\s*件\s*(?:[:：]\s*(.*)|([0-9０-９]{1,2})\s*[.．、]\s*(.+))$/;
/** 附件 / 附件 1 / 附件4 / 附件1. alone on a line: where an attachment begins. */
const START = /^\s*附\s*件\s*(?:([0-9０-９]{1,2})\s*[.．、:：]?)?\s*$/;
/** A title line that cannot end there (…的 / …和): the title wraps onto the next line. */
const WRAPS = /(?:的|和|与|及|、|暨|之|或|关于|对于)$/;
/** How many non-blank lines after a lone 附件： an attachment's start is looked for. */
const LOOKAHEAD = 8;
const ITEM = /^\s*(?:[-*•]\s*)?([0-9０-９]{1,2})\s*[.．、]\s*(.+)$/;

interface Item {
  index: number | null;
  title: string;
  line: number;
  att: number | null;
}

function nextNonBlank(lines: Lines, k: number, to: number): number {
  while (k <= to && lines.get(k - 1)!.trim() === '') k++;
  return k;
}

/**
 * The title on the lines after line k: one line, or two or three when it wraps (…的 / …和, or
 * a line without a document kind before one that ends with it: …某县某村 / 地质险情调查意见).
 */
function titleAfter(lines: Lines, k: number, to: number): string | null {
  let j = nextNonBlank(lines, k + 1, to);
  if (j > to) return null;
  const parts = [lines.get(j - 1)!];
  while (parts.length < 3) {
    const last = parts[parts.length - 1]!.trim();
    const n = nextNonBlank(lines, j + 1, to);
    if (n > to || n - j > 3) break;
    const t = lines.get(n - 1)!.trim();
    if (t.length > 40 || t.startsWith('|') || /[。；;：:，,]$/.test(t)) break;
    if (!WRAPS.test(last) && !(titleEndKind(last) === null && titleLineOk(last) && titleEndKind(t) !== null)) break;
    parts.push(t);
    j = n;
  }
  return cleanTitle(parts, null);
}

/** An attachment begins (附件 / 附件 N alone) within a few non-blank lines after line k, before any table. */
function startFollows(lines: Lines, k: number, to: number): boolean {
  for (let j = nextNonBlank(lines, k + 1, to), n = 0; j <= to && n < LOOKAHEAD; j = nextNonBlank(lines, j + 1, to), n++) {
    const t = lines.get(j - 1)!;
    if (t.trimStart().startsWith('|')) return false;
    if (t.includes('附') && START.test(t)) return true;
  }
  return false;
}

/**
 * The items a declaration on line `ln` lists: on its own line, or numbered on the lines
 * below (`附件：` alone, then 1. … / 2. …); `last` is the last line it takes.
 */
function declarationItems(
  lines: Lines,
  ln: number,
  to: number,
  decl: RegExpExecArray,
  removed?: Uint8Array,
): { items: Item[]; last: number } {
  const items: Item[] = [];
  let last = ln;
  if (decl[2]) {
    items.push({ index: Number(toHalfWidth(decl[2])), title: squash(decl[3]!), line: ln, att: null });
  } else {
    const rest = decl[1]!.trim();
    const first = ITEM.exec(rest);
    if (first) items.push({ index: Number(toHalfWidth(first[1]!)), title: squash(first[2]!), line: ln, att: null });
    else items.push({ index: null, title: squash(rest), line: ln, att: null });
    // "附件：" alone, its numbered list on the lines below (1. … / 2. …).
    const j = rest === '' ? nextNonBlank(lines, ln + 1, to) : to + 1;
    const below = j <= to && j - ln <= 2 ? ITEM.exec(lines.get(j - 1)!) : null;
    if (below) {
      items[0] = { index: Number(toHalfWidth(below[1]!)), title: squash(below[2]!), line: j, att: null };
      last = j;
    }
  }
  if (items[0]!.index !== null) {
    // Further numbered items on the following lines (a blank line may separate them).
    let k = last + 1;
    for (;;) {
      const j = nextNonBlank(lines, k, to);
      // A blank run holding lines an input reader blanked (running head, page number) is
      // a page break, not a gap between paragraphs.
      let pageBreak = false;
      for (let g = k; g < j && removed && !pageBreak; g++) if (removed[g - 1] === 1) pageBreak = true;
      if (j > to || (j - k > 1 && !pageBreak)) break;
      const it = ITEM.exec(lines.get(j - 1)!);
      if (!it || Number(toHalfWidth(it[1]!)) !== items[items.length - 1]!.index! + 1) break;
      items.push({ index: Number(toHalfWidth(it[1]!)), title: squash(it[2]!), line: j, att: null });
      k = j + 1;
      last = j;
    }
  }
  return { items, last };
}

/** One document's scan for attachments: what has been found so far. */
interface Scan {
  lines: Lines;
  /** Last line of the document (1-based, inclusive). */
  to: number;
  documentId: string;
  removed: Uint8Array | undefined;
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
export function readAttachments(
  lines: Lines,
  from: number,
  to: number,
  documentId: string,
  removed?: Uint8Array,
): { attachments: Attachment[]; anomalies: Anomaly[] } {
  const scan: Scan = { lines, to, documentId, removed, attachments: [], anomalies: [], decls: [], inside: null };
  for (let ln = from; ln <= to; ln++) {
    const line = lines.get(ln - 1)!;
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

/** An attachment begins on line `ln` (附件 / 附件 N): matched with the nearest declaration of it. */
function beginAttachment(scan: Scan, ln: number, index: number | null): void {
  const { decls, attachments } = scan;
  let found: Item | null = null;
  // The nearest declarations only (at most 50 back): keeps a flood of 附件 lines linear.
  for (let d = decls.length - 1; d >= 0 && d >= decls.length - 50 && !found; d--) {
    for (const it of decls[d]!)
      if (it.att === null && (it.index === index || (index === null && decls[d]!.length === 1))) {
        found = it;
        break;
      }
  }
  const parent = found ? attachmentParentOf(found.line, attachments) : scan.inside;
  attachments.push({
    index,
    declaredTitle: found ? found.title || null : null,
    declaredLine: found ? found.line : null,
    title: titleAfter(scan.lines, ln, scan.to),
    startLine: ln,
    parent,
  });
  if (found) found.att = attachments.length - 1;
  else
    scan.anomalies.push(
      anomaly('ATTACHMENT_UNDECLARED', {
        message: `attachment ${index ?? ''} begins here but no 附件 list declares it`.replace('  ', ' '),
        line: ln,
        evidence: scan.lines.get(ln - 1)!,
        documentId: scan.documentId,
      }),
    );
  scan.inside = attachments.length - 1;
}

/** A declaration (附件：…) on line `ln`: its items are kept; returns the last line it takes. */
function readDeclaration(scan: Scan, ln: number, decl: RegExpExecArray): number {
  const { lines, to, attachments } = scan;
  const { items, last } = declarationItems(lines, ln, to, decl, scan.removed);
  if (items[0]!.index === null && items[0]!.title === '') {
    if (startFollows(lines, ln, to)) {
      // "附件：" alone as the 附件说明, its title on the next line(s) and the attachment below.
      const title = titleAfter(lines, ln, to);
      if (title !== null) items[0]!.title = title;
    } else {
      // "附件：" alone: the attachment begins right here, its title on the next line.
      attachments.push({
        index: null,
        declaredTitle: null,
        declaredLine: ln,
        title: titleAfter(lines, ln, to),
        startLine: ln,
        parent: scan.inside,
      });
      items[0]!.att = attachments.length - 1;
      scan.inside = attachments.length - 1;
    }
  }
  scan.decls.push(items);
  return last;
}

/** Declared attachments that never begin: kept as attachments without a start, and reported. */
function reportNotFound(scan: Scan): void {
  for (const items of scan.decls) {
    for (const it of items) {
      if (it.att !== null) continue;
      scan.attachments.push({
        index: it.index,
        declaredTitle: it.title || null,
        declaredLine: it.line,
        title: null,
        startLine: null,
        parent: attachmentParentOf(it.line, scan.attachments),
      });
      scan.anomalies.push(
        anomaly('ATTACHMENT_NOT_FOUND', {
          message: `attachment ${it.index ?? ''} «${it.title}» is declared but never begins in the document`.replace('  ', ' '),
          line: it.line,
          evidence: scan.lines.get(it.line - 1)!,
          documentId: scan.documentId,
        }),
      );
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
    if (list[mid]!.startLine! < line) {
      best = mid;
      lo = mid + 1;
    } else hi = mid;
  }
  return best;
}

/**
 * Attachments of a document printed as documents of their own. A 复函's 附件1 may be a report
 * with its own title, 主送 and 落款: it is read as the next document, which ends the 复函's
 * span there, and the 附件2 … after it fall in that document's span, where no list declares
 * them (ATTACHMENT_UNDECLARED) while the 复函 misses them (ATTACHMENT_NOT_FOUND). A document
 * that begins right under an attachment's 附件 N line is that attachment: the numbered
 * attachments it does not declare itself are given to the document that declares them (their
 * start then lies after its span), and neither anomaly is kept. `documents` in text order.
 */
export function adoptAttachments(lines: Lines, documents: readonly Document[], anomalies: Anomaly[]): void {
  // the start line of every attachment found → the document whose list holds it
  const holder = new Map<number, Document>();
  const withdrawn = new Set<string>();
  for (const d of documents) {
    const above = prevLine(lines, d.span.startLine - 1, 1, 3);
    const owner = above === 0 ? undefined : holder.get(above);
    if (owner !== undefined && owner !== d) {
      // index in d.attachments → index among those kept (-1: given to the owner)
      const kept: number[] = [];
      const keep: Attachment[] = [];
      for (const a of d.attachments) {
        const k =
          a.declaredLine === null && a.index !== null && a.startLine !== null && a.parent === null
            ? owner.attachments.findIndex((o) => o.startLine === null && o.index === a.index)
            : -1;
        kept.push(k < 0 ? keep.length : -1);
        if (k < 0) {
          keep.push(a);
          continue;
        }
        const o = owner.attachments[k]!;
        owner.attachments[k] = { ...o, title: a.title, startLine: a.startLine };
        holder.set(a.startLine!, owner);
        withdrawn.add(`ATTACHMENT_UNDECLARED ${d.id} ${a.startLine}`).add(`ATTACHMENT_NOT_FOUND ${owner.id} ${o.declaredLine}`);
      }
      if (keep.length < d.attachments.length) {
        // what was nested in an attachment given away is now nested in nothing
        for (const a of keep) if (a.parent !== null) a.parent = kept[a.parent]! >= 0 ? kept[a.parent]! : null;
        d.attachments = keep;
      }
    }
    for (const a of d.attachments) if (a.startLine !== null) holder.set(a.startLine, d);
  }
  if (withdrawn.size === 0) return;
  let n = 0;
  for (const a of anomalies) if (!withdrawn.has(`${a.code} ${a.documentId} ${a.line}`)) anomalies[n++] = a;
  anomalies.length = n;
}
