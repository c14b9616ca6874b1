import type { Anomaly } from '../model/anomaly.js';
import { isTableRow, endsSentence } from '../core/patterns.js';
import { isCjkCode, isHanCode } from '../read/text.js';
import { documentOfLine, type CheckInput, type DocumentOf } from './common.js';
import { group, perDocument, type Hit } from './grouped.js';
import { eachLineWith, type Lines } from '../model/lines.js';

/**
 * Punctuation a proofreader marks in the running text (table rows are not looked at):
 * half-width marks inside Chinese text where the issue writes full-width ones, brackets
 * opened and never closed, `。` doubled around a parenthetical, a closing formula
 * (特此通知。) run into the paragraph before it. Each a single pass over the lines.
 */

/** The class (0 comma … 5 exclamation mark) of a half- or full-width mark, by its code: -1 for other characters. */
function classOf(code: number): number {
  switch (code) {
    case 0x2c:
    case 0xff0c:
      return 0;
    case 0x3b:
    case 0xff1b:
      return 1;
    case 0x3a:
    case 0xff1a:
      return 2;
    case 0x28:
    case 0x29:
    case 0xff08:
    case 0xff09:
      return 3;
    case 0x3f:
    case 0xff1f:
      return 4;
    case 0x21:
    case 0xff01:
      return 5;
    default:
      return -1;
  }
}
/** How often the issue must write a mark full-width for that to be its norm. */
const MIN_NORM = 10;
/** Hits of one document further apart than this many lines make two runs. */
const RUN_GAP = 20;

/**
 * Is the half-width mark at `i` inside Chinese text? `,;:?!` between two CJK characters;
 * `(` between CJK text and a Han character, `)` between a Han character and CJK text (a
 * bracket at either end of the line, as a date line's, is not between CJK characters).
 * Numbers (1,000; 3:00), 文号 (府(2023)25号), Latin text and URLs never are: their marks
 * stand between digits or Latin letters.
 */
function inChinese(line: string, i: number): boolean {
  // by code unit (NaN past either end, a line break in a text: neither Han nor CJK), no one-character strings
  const c = line.charCodeAt(i);
  const p = line.charCodeAt(i - 1);
  const n = line.charCodeAt(i + 1);
  if (c === 0x28) return isHanCode(n) && isCjkCode(p);
  if (c === 0x29) return isHanCode(p) && isCjkCode(n);
  return isCjkCode(p) && isCjkCode(n);
}

/** A half-width mark of a class (searched in the whole text). */
const HALF_LINE = /[,;:()?!]/g;
/** The full-width marks of each class. */
const FULL = ['，', '；', '：', '（）', '？', '！'];

/**
 * How many full-width marks of class `cls` the running text holds (lines of three
 * characters or more, no table rows), counted up to `cap` only. The marks are found in the
 * joined text by indexOf (native); only the lines holding one are looked at (a table row or
 * a short line does not count), each once.
 */
function countFull(input: CheckInput, cls: number, cap: number, counted: Int8Array): number {
  const { lines } = input;
  const { starts } = lines;
  const text = input.text();
  let n = 0;
  for (const ch of FULL[cls]!) {
    // the line holding offset i (0-based): lines are walked forward as the marks are found
    let ln = 0;
    for (let i = text.indexOf(ch); i >= 0 && n < cap; i = text.indexOf(ch, i + 1)) {
      while (starts[ln + 1]! <= i) ln++;
      let c = counted[ln]!;
      if (c === 0) {
        const line = lines.get(ln)!;
        c = counted[ln] = line.length < 3 || isTableRow(line) ? 2 : 1;
      }
      if (c === 1) n++;
    }
  }
  return n;
}

/** Half-width `,` `;` `:` `(` `)` `?` `!` inside Chinese text where the issue writes the class full-width. */
export function checkHalfWidthPunctuation(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const half = new Int32Array(6);
  // Per line: each half-width mark inside Chinese text, with the column of its first one.
  const found: { line: number; marks: Map<string, number> }[] = [];
  // One search of the whole text (native) finds each half-width mark, read where it stands in
  // the text (a line break beside it is no CJK character, like either end of the line): the
  // lines holding one are not searched a second time. A short line or a table row is skipped.
  const { text, starts } = lines;
  let ln = 0; // 0-based line of the last mark
  let cur = -1; // the line `marks` is of
  let marks: Map<string, number> | null = null;
  HALF_LINE.lastIndex = 0;
  // (test makes no match object: each mark is one code unit, lastIndex is just past it)
  while (HALF_LINE.test(text)) {
    const at = HALF_LINE.lastIndex - 1;
    while (starts[ln + 1]! <= at) ln++;
    if (ln >= lines.length) break;
    if (ln !== cur) {
      if (marks) found.push({ line: cur + 1, marks });
      marks = null;
      cur = ln;
      const line = lines.get(ln)!;
      if (line.length < 3 || isTableRow(line)) {
        HALF_LINE.lastIndex = starts[ln + 1]!;
        continue;
      }
    }
    if (!inChinese(text, at)) continue;
    half[classOf(text.charCodeAt(at))]!++;
    marks ??= new Map();
    if (!marks.has(text[at]!)) marks.set(text[at]!, at - starts[ln]! + 1);
  }
  if (marks) found.push({ line: cur + 1, marks });
  // The issue's norm: a class counts only where full-width is clearly the usual form, and
  // written often enough (MIN_NORM times) to be a norm at all. Full-width marks are counted
  // only for the classes found half-width, and only as far as the decision needs.
  const full = new Int32Array(6).fill(-1);
  // whether a line counts for the norm (1) or not (2): known once a mark was found on it
  const counted = new Int8Array(lines.length);
  const norm = (c: string): boolean => {
    const cls = classOf(c.charCodeAt(0));
    const cap = Math.max(MIN_NORM, 2 * half[cls]! + 1);
    if (full[cls]! < 0) full[cls] = countFull(input, cls, cap, counted);
    return full[cls]! >= cap;
  };
  const docOf = documentOfLine(input.documents, lines.length);
  const hits: Hit[] = [];
  for (const f of found) {
    // the marks of the norm, in the order of the line, and the column of the first (forEach:
    // no iterator nor [key, value] array per mark, in code that runs before V8 optimises it)
    let column = 0;
    let text = '';
    f.marks.forEach((col, c) => {
      if (!norm(c)) return;
      if (column === 0 || col < column) column = col;
      text = text === '' ? c : `${text} ${c}`;
    });
    if (text !== '') hits.push({ line: f.line, column, text, documentId: docOf.get(f.line) });
  }
  return runs(hits).map((g) =>
    group(
      'PUNCTUATION_HALF_WIDTH',
      g,
      lines,
      (n) => `half-width punctuation inside Chinese text on ${n} line${n > 1 ? 's' : ''}, where the issue writes it full-width`,
    ),
  );
}

/** Hits of one document, split where RUN_GAP lines pass without one. */
function runs(hits: readonly Hit[]): Hit[][] {
  const out: Hit[][] = [];
  for (const h of hits) {
    const cur = out[out.length - 1];
    const last = cur?.[cur.length - 1];
    if (cur && last && last.documentId === h.documentId && h.line - last.line <= RUN_GAP) cur.push(h);
    else out.push([h]);
  }
  return out;
}

/**
 * The kind of bracket a character code is: positive for an opening one, negative for a
 * closing one, 0 for none. Half- and full-width round brackets are one kind; a straight
 * quotation mark closes a curly one (“…"): the mark's form is not this rule's matter.
 */
function bracketOf(code: number): number {
  switch (code) {
    case 0xff08: // （
    case 0x28:
      return 1;
    case 0xff09: // ）
    case 0x29:
      return -1;
    case 0x3010: // 【】
      return 2;
    case 0x3011:
      return -2;
    case 0x300a: // 《》
      return 3;
    case 0x300b:
      return -3;
    case 0x201c: // “”
      return 4;
    case 0x201d:
    case 0x22:
      return -4;
    case 0x3014: // 〔〕
      return 5;
    case 0x3015:
      return -5;
    case 0x300c: // 「」
      return 6;
    case 0x300d:
      return -6;
    default:
      return 0;
  }
}

/** A line of column layout (pdftotext -layout: cells side by side), or a stray table cell. */
const COLUMNS = /\S[ \u3000]{3,}\S/;
const BLANK = /^\s*$/;

/** Lines start…end are a table read as text: cells side by side, or one short cell a line. */
function tableText(lines: Lines, start: number, end: number): boolean {
  for (let ln = start; ln <= end; ln++) {
    const t = lines.get(ln - 1)!.trim();
    if (COLUMNS.test(t) || (ln - start >= 2 && t.length > 0 && t.length <= 3)) return true;
  }
  return false;
}

interface Open {
  kind: number;
  ch: string;
  line: number;
  column: number;
}

/**
 * Brackets opened and never closed within a paragraph: the consecutive lines of text
 * between blank lines, and on across a blank line where a line stops mid-sentence (a
 * paragraph a page break cut). A closing bracket without an opening one is left alone;
 * one closing a bracket opened earlier closes the brackets opened after it too (they are
 * reported). Half- and full-width round brackets pair with each other. A paragraph that
 * is a table read as text (cells side by side, or one short cell a line) is not looked at.
 */
export function checkBrackets(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const hits: { line: number; column: number; text: string }[] = [];
  let stack: Open[] = [];
  let pending: Open[] = [];
  let start = 0; // first and last line of the paragraph
  let end = 0;
  const flush = (): void => {
    if ((pending.length > 0 || stack.length > 0) && !tableText(lines, start, end))
      for (const o of [...pending, ...stack]) hits.push({ line: o.line, column: o.column, text: o.ch });
    stack = [];
    pending = [];
    start = 0;
  };
  let open = false; // inside a paragraph that has not ended a sentence
  // A wrapped title is one paragraph, blank lines between its lines or not (a web page prints
  // each line as a paragraph): 暂时调整实施《…药品管理法 / 实施条例》有关规定的决定.
  const docs = input.documents;
  let t = 0; // the first document whose title does not end above the line
  for (let ln = 1; ln <= lines.length; ln++) {
    const line = lines.get(ln - 1)!;
    if (line.length === 0 || BLANK.test(line)) {
      while (t < docs.length && docs[t]!.titleSpan.endLine < ln) t++;
      if (!open && !(t < docs.length && docs[t]!.titleSpan.startLine < ln)) flush();
      continue;
    }
    if (isTableRow(line)) {
      flush();
      open = false;
      continue;
    }
    if (start === 0) start = ln;
    end = ln;
    scanBrackets(line, ln, stack, pending);
    open = stack.length > 0 && line.length > 20 && !endsSentence(line);
  }
  flush();
  hits.sort((a, b) => a.line - b.line || a.column - b.column);
  const docOf = documentOfLine(input.documents, lines.length);
  return perDocument(
    'BRACKET_UNCLOSED',
    hits.map((h) => ({ ...h, documentId: docOf.get(h.line) })),
    lines,
    (n) => `${n === 1 ? 'a bracket is' : `${n} brackets are`} opened and never closed in ${n === 1 ? 'its' : 'their'} paragraph`,
  );
}

/**
 * The characters bracketOf knows (a regular expression finds them natively, the rest of the
 * line is skipped). Each is one code unit: `test` (which makes no match object) leaves
 * lastIndex just past the one it found.
 */
const BRACKET_G = /["()\u201c\u201d\u300a\u300b\u3010\u3011\u3014\u3015\u300c\u300d\uff08\uff09]/g;

function scanBrackets(line: string, ln: number, stack: Open[], unclosed: Open[]): void {
  BRACKET_G.lastIndex = 0;
  while (BRACKET_G.test(line)) {
    const i = BRACKET_G.lastIndex - 1;
    const kind = bracketOf(line.charCodeAt(i));
    if (kind > 0) stack.push({ kind, ch: line[i]!, line: ln, column: i + 1 });
    if (kind >= 0) continue;
    let k = stack.length - 1;
    while (k >= 0 && stack[k]!.kind !== -kind) k--;
    if (k < 0) continue;
    for (let j = k + 1; j < stack.length; j++) unclosed.push(stack[j]!);
    // (pop: cheaper than setting the length)
    while (stack.length > k) stack.pop();
  }
}

const DOUBLED = /。\s*[（(][^（）()]{1,200}[）)]\s*。/;

/** `。（…）。`: a sentence ended before and after its parenthetical. */
export function checkDoubledPeriod(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const hits: Hit[] = [];
  let docOf: DocumentOf | null = null;
  for (let ln = 1; ln <= lines.length; ln++) {
    const line = lines.get(ln - 1)!;
    // (a table row is told by its first character; a line needs two 。, the second found from the first)
    if (line.length < 5 || isTableRow(line)) continue;
    const period = line.indexOf('。');
    if (period < 0 || line.indexOf('。', period + 1) < 0) continue;
    const m = DOUBLED.exec(line);
    if (!m) continue;
    docOf ??= documentOfLine(input.documents, lines.length);
    hits.push({
      line: ln,
      column: m.index + 1,
      text: m[0].length > 24 ? `${m[0].slice(0, 10)}…${m[0].slice(-10)}` : m[0],
      documentId: docOf.get(ln),
    });
  }
  return perDocument(
    'PERIOD_DOUBLED',
    hits,
    lines,
    (n) => `。 stands both before and after a parenthetical${n > 1 ? ` (${n} places)` : ''}`,
  );
}

/** A closing formula at the end of a line: 特此通知。 特此批复。 此复。 特此函告。 … */
const FORMULA = /(特此(?:通知|公告|通告|批复|函复|函告|报告|通报|决定|说明|证明|函达|复函)|此复|此函)[。！!.]?\s*$/;

/** The character every closing formula holds: only the lines holding it are read. */
const CI = /此/g;

/** A closing formula (特此通知。) that ends a line of other text instead of standing as a paragraph of its own. */
export function checkClosingFormula(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const hits: Hit[] = [];
  let docOf: DocumentOf | null = null;
  eachLineWith(lines, CI, (ln, line) => {
    if (line.length < 6 || isTableRow(line)) return;
    const m = FORMULA.exec(line);
    if (!m) return;
    const before = line.slice(0, m.index).trim();
    // Only after a finished sentence: 此复 / 此函 inside a phrase (如此复杂) are not formulas.
    if (before === '' || !/[。！？；!?;”]$/.test(before)) return;
    docOf ??= documentOfLine(input.documents, lines.length);
    hits.push({ line: ln, column: m.index + 1, text: m[0].trim(), documentId: docOf.get(ln) });
  });
  return perDocument('CLOSING_FORMULA_RUN_IN', hits, lines, () => 'the closing formula is run into the paragraph before it');
}
