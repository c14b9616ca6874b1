import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { isTableRow } from '../core/patterns.js';
import type { CheckInput } from './common.js';
import type { Document } from '../model/issue.js';
import { group, type Hit } from './grouped.js';
import { CN, numberedItem, type NumberedItem, type NumberingStyle } from '../read/numbered.js';
import type { Lines } from '../model/lines.js';

/** A heading sharing its line with the first item: 第一章　总则　　第一条　为… / 注：1、… */
const HEADING_THEN_ITEM =
  /^\s*(?:第[零〇一二三四五六七八九十百\d]{1,5}[章节编](?:[\s\u3000]*[^\s\u3000]{1,20}?)?[\s\u3000]+|[^\s\u3000：:。，]{1,6}[：:][\s\u3000]*)/;

/**
 * The first item (numbered 1) of a list that begins after a heading on the same line
 * (`第一章　总则　　第一条　为…`, `注：1、…`), else null: the items after it count on from it.
 */
export function itemAfterHeading(line: string): NumberedItem | null {
  if (line.length > 400) return null;
  const m = HEADING_THEN_ITEM.exec(line);
  if (!m || m[0].length >= line.length) return null;
  const item = numberedItem(line.slice(m[0].length));
  return item && item.value === 1 ? { ...item, index: item.index + m[0].length } : null;
}

function labelOf(style: NumberingStyle, v: number): string {
  const cn = (n: number): string => {
    if (n <= 10) return n === 10 ? '十' : CN[n - 1]!;
    if (n < 20) return '十' + CN[n - 11]!;
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return CN[tens - 1]! + '十' + (ones ? CN[ones - 1]! : '');
  };
  switch (style) {
    case 'article':
      return `第${cn(v)}条`;
    case 'cn':
      return `${cn(v)}、`;
    case 'cn-paren':
      return `（${cn(v)}）`;
    case 'num-dot':
      return `${v}.`;
    case 'num-comma':
      return `${v}、`;
    case 'num-paren':
      return `(${v})`;
  }
}

/**
 * Numbering within each document: every kind of numbered item must count on by one. A
 * kind may start again at 1 (a new list under the next heading, a new attachment, the plan
 * a notice issues) and may count on across headings of a higher level, as many documents
 * do; what remains are gaps (三 after 一), repeats (二 after 二) and steps back. Numbering
 * starts afresh at each attachment. Table rows are not looked at. An item that would be a
 * gap of its own style but carries on the count of the item just before it, in another
 * style (一、二、（三）; 1. 2、), is a list that switches marker style: said once per document.
 */
export function checkNumbering(input: CheckInput): Anomaly[] {
  const out: Anomaly[] = [];
  for (const d of input.documents) numberDocument(input.lines, d, out);
  return out;
}

interface Seen {
  style: NumberingStyle;
  value: number;
  line: number;
}

function numberDocument(lines: Lines, d: Document, out: Anomaly[]): void {
  const resets = new Set<number>();
  // Items of a 附件 list are numbered on their own.
  const declarations = new Set<number>();
  for (const a of d.attachments) {
    if (a.startLine !== null) resets.add(a.startLine);
    if (a.declaredLine !== null) declarations.add(a.declaredLine);
  }
  let last = new Map<NumberingStyle, Seen>();
  let latest: Seen | undefined;
  const mixed: Hit[] = [];
  const from = Math.max(d.titleSpan.endLine, d.dateLine ?? 0, d.docNumber?.line ?? 0) + 1;
  for (let ln = from; ln <= d.span.endLine && ln <= lines.length; ln++) {
    if (resets.has(ln)) {
      last = new Map();
      latest = undefined;
      continue;
    }
    const line = lines.get(ln - 1)!;
    if (line.length < 2 || declarations.has(ln) || isTableRow(line)) continue;
    const item = numberedItem(line) ?? itemAfterHeading(line);
    if (!item) continue;
    const prev = last.get(item.style);
    const v = item.value;
    const seen: Seen = { style: item.style, value: v, line: ln };
    const before = latest;
    latest = seen;
    last.set(item.style, seen);
    if (v === 1 || (prev !== undefined && v === prev.value + 1)) continue;
    if ((prev === undefined || v > prev.value + 1) && before && before.style !== item.style && before.value === v - 1) {
      // The list carries on in another marker style: the item continues both counts.
      last.set(before.style, { ...seen, style: before.style });
      mixed.push({
        line: ln,
        column: item.index + 1,
        text: `${item.label} after ${labelOf(before.style, before.value)}`,
        documentId: d.id,
      });
      continue;
    }
    out.push(numberingAnomaly(item, prev, ln, line, d.id));
  }
  if (mixed.length > 0)
    out.push(
      group(
        'NUMBERING_STYLE_MIXED',
        mixed,
        lines,
        (n) => `${n === 1 ? 'a list switches' : `lists switch ${n} times`} marker style mid-list`,
      ),
    );
}

function numberingAnomaly(item: NumberedItem, prev: Seen | undefined, ln: number, line: string, documentId: string): Anomaly {
  const v = item.value;
  const at = { line: ln, column: item.index + 1, evidence: line, documentId };
  if (prev === undefined)
    return anomaly('NUMBERING_GAP', {
      message: `${item.label} is the first item of its kind here: ${labelOf(item.style, 1)}${v > 2 ? `…${labelOf(item.style, v - 1)}` : ''} missing`,
      ...at,
    });
  if (v > prev.value + 1)
    return anomaly('NUMBERING_GAP', {
      message: `${item.label} follows ${labelOf(item.style, prev.value)} (line ${prev.line}): ${labelOf(item.style, prev.value + 1)}${v > prev.value + 2 ? `…${labelOf(item.style, v - 1)}` : ''} missing`,
      ...at,
    });
  return anomaly('NUMBERING_REPEAT', {
    message: `${item.label} follows ${labelOf(item.style, prev.value)} (line ${prev.line}): ${v === prev.value ? 'the number repeats' : 'the numbering goes back'}`,
    ...at,
  });
}
