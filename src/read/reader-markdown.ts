/**
 * The converter-Markdown reader: what MinerU, marker or docling write from a PDF, and what
 * pandoc writes from a web page (`-t gfm`, `-t markdown`).
 *
 * - `#` headings: the markers are replaced by spaces (columns stay those of the original
 *   line), so a heading is a plain line to the core: a candidate for a section header or a
 *   title, checked like any other line (TOC, 文号 and date around it), never trusted blindly.
 * - HTML `<table>`s (one per line, as converters write them): read into table blocks
 *   (html-table.ts, cheerio loaded only here); in the text the core sees, the tags become
 *   spaces and pipes: one pipe row with each cell's text at its original column.
 * - Page furniture: a running head (a short line naming the gazette — 公报, or a 年第N期
 *   issue line — repeated at least three times) and page numbers on lines of their own
 *   between blank lines are blanked and reported once each, with their count.
 * - Image references on lines of their own (`![](images/…)`) are blanked and reported:
 *   figures the text does not hold.
 * - Inline markup around the text (HTML tags such as `<span style=…>`, pandoc's
 *   `[text]{style=…}` spans across lines, a hard break's backslash) becomes spaces; a line of
 *   markup alone is blanked as furniture; reported once.
 * Pipe tables (with or without their |---| row) are left to the tables feature, as in text.
 */
import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { sourceOf, splitLines, type SourceLines } from './lines.js';
import type { Block, Reader } from './reading.js';
import { readHtmlTablesOf, type HtmlLine } from './html-table.js';
import { blankFurniture, gazetteLineKey, removeFurniture, removeRunningHeads } from './furniture.js';
import { lineList } from './text.js';

/** `<table` followed by a space or `>`, in either case (indexOf: no regex pass over plain text). */
function hasTable(text: string): boolean {
  for (const tag of ['<table', '<TABLE', '<Table']) {
    for (let i = text.indexOf(tag); i >= 0; i = text.indexOf(tag, i + 1)) {
      const c = text.charCodeAt(i + 6);
      if (c === 62 || c === 32 || c === 9 || c === 10 || c === 13) return true;
    }
  }
  return false;
}

/** Markdown signals: HTML tables, ATX headings, image references, inline markup around the text. */
export function markdownSignals(text: string): number {
  if (hasTable(text)) return 0.9;
  const heading = text.startsWith('# ') || text.startsWith('## ') || text.includes('\n# ') || text.includes('\n## ');
  const image = text.includes('![');
  if (heading && image) return 0.8;
  if (heading || (image && /^!\[[^\]\n]*\]\([^)\n]*\)\s*$/m.test(text))) return 0.6;
  return inlineMarkup(text) ? 0.5 : 0;
}

/** Inline markup around the text, as pandoc's Markdown of a web page keeps it: three spans or more. */
function inlineMarkup(text: string): boolean {
  let n = 0;
  for (const tag of ['<span ', '<span>', '<font ', '<strong>', ']{style=', ']{.'])
    for (let i = text.indexOf(tag); i >= 0 && n < 3; i = text.indexOf(tag, i + 1)) n++;
  return n >= 3;
}

const IMAGE = /^\s*!\[[^\]]*\]\([^)]*\)\s*$/;
const PAGE_NUMBER = /^\s*(?:[-—–－]\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[-—–－])?\s*$/;

/** Length of an ATX heading marker (`#`… and the spaces after it) at the start of `s`, or 0. */
function headingMarker(s: string): number {
  let i = 0;
  while (i < s.length && i < 3 && s[i] === ' ') i++;
  const h = i;
  while (i < s.length && s[i] === '#') i++;
  const level = i - h;
  if (level < 1 || level > 6) return 0;
  if (i < s.length && s[i] !== ' ' && s[i] !== '\t') return 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)[^>]*>/g;

/**
 * An HTML table as the core sees it: every tag blanked to spaces, a `|` where a cell or a
 * row begins — one pipe row holding every cell's text at its own column. The core then
 * treats the line as a table row (as it treats the rows of a pipe table) and still finds
 * what stands in the cells (a 《title》 cited there); the tables feature reads the table
 * from the block, not from this line.
 */
function asPipeRow(html: string): string {
  TAG.lastIndex = 0;
  return html
    .replace(TAG, (m: string, close: string, name: string) => {
      const n = name.toLowerCase();
      const bar = close === '' ? n === 'td' || n === 'th' : n === 'tr';
      return (bar ? '|' : ' ') + ' '.repeat(m.length - 1);
    })
    .trimEnd();
}

/**
 * The line with each table range as a pipe row. Wrappers around the tables
 * (`<html><body>…</body></html>`, as MinerU writes them) become spaces too when the rest of
 * the line holds only tags; text beside a table is kept as written.
 */
function withPipeRows(line: string, ranges: ReadonlyArray<[number, number]>): string {
  const parts: Array<{ text: string; table: boolean }> = [];
  let at = 0;
  for (const [a, z] of ranges) {
    if (a > at) parts.push({ text: line.slice(at, a), table: false });
    parts.push({ text: line.slice(a, z), table: true });
    at = Math.max(at, z);
  }
  if (at < line.length) parts.push({ text: line.slice(at), table: false });
  TAG.lastIndex = 0;
  const onlyTags = parts.every((p) => p.table || p.text.replace(TAG, '').trim() === '');
  let out = '';
  for (const p of parts) out += p.table ? asPipeRow(p.text) : onlyTags ? p.text.replace(TAG, (m: string) => ' '.repeat(m.length)) : p.text;
  return out.trimEnd();
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

export const markdownReader: Reader = {
  name: 'markdown',
  sniff: markdownSignals,
  read(text) {
    const orig = splitLines(text);
    const lines = orig.lines.slice();
    const m: MdText = {
      orig,
      lines,
      removed: new Uint8Array(lines.length),
      anomalies: [],
      blocks: [],
      furniture: new Map(),
      htmlLines: [],
    };
    scanLines(m, hasTable(text), text.includes(']{'));
    readHtmlTables(m);
    removeRunningHeads(m, m.furniture, (i) => m.orig.lines.get(i)!);
    removePageNumbers(m);
    // One line per original line (splitLines would drop a trailing blank one).
    const src = sourceOf(lines, m.removed);
    return { value: { reader: 'markdown', src, blocks: m.blocks }, anomalies: m.anomalies };
  },
};

/** The text being read: the file's lines, those the core will see, their marks, what was found. */
interface MdText {
  /** The lines of the file as they are. */
  orig: SourceLines;
  /** The lines as the core will see them. */
  lines: string[];
  removed: Uint8Array;
  anomalies: Anomaly[];
  blocks: Block[];
  /** Lines that may be a running head (a short gazette line), by their text. */
  furniture: Map<string, number[]>;
  /** Lines holding an HTML `<table>`. */
  htmlLines: HtmlLine[];
}

/**
 * Inline HTML a converter keeps around text (pandoc's Markdown of a web page wraps every
 * paragraph in `<span style=…>`, breaks a title with `<br />`): formatting, not text.
 */
const INLINE_TAG = /<\/?(?:span|font|strong|b|em|i|u|s|sup|sub|small|big|br|p|div|center|a)(?:\s[^<>]*)?\/?>/gi;

/**
 * The line with its inline markup as spaces of the same width: HTML tags and the backslash of
 * a hard line break at its end; `marks` counts them, `column` is the first one's (0 when none).
 */
function blankInlineMarkup(line: string): { text: string; marks: number; column: number } {
  let marks = 0;
  let column = 0;
  let text = line;
  if (text.indexOf('<') >= 0)
    text = text.replace(INLINE_TAG, (tag: string, at: number) => {
      marks++;
      if (column === 0) column = at + 1;
      return ' '.repeat(tag.length);
    });
  const end = text.trimEnd();
  if (end.endsWith('\\') && !end.endsWith('\\\\')) {
    marks++;
    if (column === 0) column = end.length;
    text = `${end.slice(0, -1)} ${text.slice(end.length)}`;
  }
  return { text, marks, column };
}

/**
 * pandoc's own Markdown writes a web page's spans as `[text]{style="…"}`, nested and across
 * lines (a title broken by hard breaks: `[[甲]{…}\` / `乙]{…}`). One scan over the lines: a
 * `[` waits on a stack; a `]{…}` (its attributes on the same line) closes the last one, and
 * both become spaces; a `]` without `{` closes a bracket of the text (`[2013]`), kept. The
 * spans are counted into `inline.tags`, and each line blanked gets its first column in
 * `inline.byLine`.
 */
function blankBracketedSpans(lines: string[], inline: { tags: number; byLine: Map<number, number> }): void {
  const open: Array<[number, number]> = [];
  const cuts = new Map<number, Array<[number, number]>>();
  const cut = (i: number, a: number, b: number): void => {
    const list = cuts.get(i);
    if (list) list.push([a, b]);
    else cuts.set(i, [[a, b]]);
    inline.byLine.set(i, Math.min(inline.byLine.get(i) ?? a + 1, a + 1));
  };
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!;
    if (s.indexOf('[') < 0 && s.indexOf(']') < 0) continue;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === 91) open.push([i, k]);
      else if (c === 93) {
        const o = open.pop();
        if (s.charCodeAt(k + 1) !== 123 || o === undefined) continue;
        const close = s.indexOf('}', k + 2);
        if (close < 0) continue;
        cut(o[0], o[1], o[1] + 1);
        cut(i, k, close + 1);
        inline.tags++;
        k = close;
      }
    }
  }
  cuts.forEach((list, i) => {
    let t = lines[i]!;
    for (const [a, b] of list) t = t.slice(0, a) + ' '.repeat(b - a) + t.slice(b);
    lines[i] = t;
  });
}

/**
 * One pass over the lines: heading markers become spaces, image references are blanked and
 * reported, inline markup becomes spaces (reported once), lines holding an HTML table and
 * short gazette lines (running heads?) are noted.
 */
function scanLines(m: MdText, maybeTables: boolean, spans: boolean): void {
  const { lines, furniture } = m;
  // the marks of pandoc's spans, by line (the first one's column), found before the lines are read
  const inline = { tags: 0, lines: [] as number[], first: -1, column: 0, byLine: new Map<number, number>() };
  if (spans) blankBracketedSpans(lines, inline);
  for (let i = 0; i < lines.length; i++) {
    let s = lines[i]!;
    if (s.length === 0) continue;
    const spanAt = inline.byLine.get(i) ?? 0;
    if (spanAt > 0 || ((s.indexOf('<') >= 0 || s.indexOf('\\') >= 0) && !(maybeTables && /<table[\s>]/i.test(s)))) {
      const { text: t, marks, column } = blankInlineMarkup(s);
      if (marks > 0 || spanAt > 0) {
        inline.tags += marks;
        if (inline.first < 0) [inline.first, inline.column] = [i, spanAt > 0 && (column === 0 || spanAt < column) ? spanAt : column];
        inline.lines.push(i + 1);
        lines[i] = s = t;
        if (t.trim() === '') {
          // only tags (an emptied paragraph): conversion furniture, not a blank line of the
          // author's (a title and its 主送 stay within reach of each other)
          blankFurniture(m, i);
          continue;
        }
      }
    }
    const h = headingMarker(s);
    if (h > 0) {
      lines[i] = ' '.repeat(h) + s.slice(h);
      continue;
    }
    if (IMAGE.test(s)) {
      m.anomalies.push(
        anomaly('INPUT_IMAGE_REFERENCE', {
          message: `an image reference (${s.trim()}): a figure of the printed issue the text does not hold`,
          line: i + 1,
          column: s.indexOf('!') + 1,
          evidence: s,
        }),
      );
      blankFurniture(m, i);
      continue;
    }
    if (maybeTables && s.indexOf('<') >= 0 && /<table[\s>]/i.test(s)) {
      m.htmlLines.push({ text: s, line: i + 1, offset: m.orig.offsets[i]! });
      continue;
    }
    const key = gazetteLineKey(s);
    if (key !== null) {
      const at = furniture.get(key);
      if (at) at.push(i);
      else furniture.set(key, [i]);
    }
  }
  if (inline.first >= 0) {
    const found = anomaly('INPUT_INLINE_MARKUP', {
      message: `${inline.tags} piece${inline.tags === 1 ? '' : 's'} of inline markup (<span>, <br>, [text]{style=…}, a hard break's \\ …) around the text read as spaces: ${lineList(inline.lines)}`,
      line: inline.lines[0]!,
      column: inline.column,
      evidence: m.orig.lines.get(inline.first)!,
    });
    if (inline.lines.length > 1) found.endLine = inline.lines[inline.lines.length - 1]!;
    m.anomalies.push(found);
  }
}

/** HTML tables, all lines in one parse: blocks, and their lines as pipe rows (removed = 2). */
function readHtmlTables(m: MdText): void {
  const { htmlLines, lines } = m;
  if (htmlLines.length === 0) return;
  const read = readHtmlTablesOf(htmlLines);
  for (let k = 0; k < htmlLines.length; k++) {
    const i = htmlLines[k]!.line - 1;
    const t = read[k]!;
    for (const b of t.blocks) m.blocks.push(b);
    lines[i] = withPipeRows(lines[i]!, t.ranges);
    m.removed[i] = 2;
  }
}

/** Page numbers: a number alone between blank lines, on two lines or more. */
function removePageNumbers(m: MdText): void {
  const { lines } = m;
  const pages: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!;
    if (s.length > 0 && s.length <= 16 && PAGE_NUMBER.test(s) && blank(lines[i - 1]) && blank(lines[i + 1])) pages.push(i);
  }
  if (pages.length >= 2)
    removeFurniture(m, pages, `page numbers removed from the text: ${pages.length} lines`, m.orig.lines.get(pages[0]!)!);
}
