/**
 * HTML `<table>`s written on one line (converter Markdown: MinerU, marker, docling) read
 * into table blocks with cheerio (`cheerio/slim`, htmlparser2 only). cheerio is loaded
 * the first time a line holds `<table`, never for plain text.
 *
 * The grid: `rowspan`/`colspan` are expanded, each covered position becoming a cell of its
 * own marked `spanned` (with the grid place of the cell that covers it). A cell's text is
 * its source, the inner HTML between `<td …>` and `</td>` trimmed, with its own column in
 * the original line: `<br>`/`<p>` and entities are read by the tables feature's cell
 * cleaner as for a pipe-table cell holding HTML, so both forms give the same cells.
 */
import { createRequire } from 'node:module';
import type { BlockCell, BlockRow, TableBlock } from './reading.js';

interface Node {
  type: string;
  name?: string;
  startIndex: number | null;
  endIndex: number | null;
  children?: Node[];
  parent?: Node | null;
  attribs?: Record<string, string>;
}
type LoadFn = (html: string, options: Record<string, unknown>, isDocument: boolean) => { root(): { toArray(): Node[] } };

let cheerioLoad: LoadFn | null = null;
/** Whether cheerio has been loaded in this process (tests: plain text must not load it). */
export const cheerioLoaded = (): boolean => cheerioLoad !== null;
/** cheerio/slim, loaded synchronously on first use (the parse is synchronous). */
function load(): LoadFn {
  if (cheerioLoad) return cheerioLoad;
  // A literal require: esbuild bundles it, evaluated only when called. Under an ES module
  // loader (tests, the library from source) there is no `require`: make one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = (typeof require === 'function' ? require('cheerio/slim') : createRequire(import.meta.url)('cheerio/slim')) as {
    load: LoadFn;
  };
  cheerioLoad = mod.load;
  return cheerioLoad;
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

/** The nodes named `name` below `node`, not looking into nested tables. */
function collect(node: Node, names: ReadonlySet<string>, out: Node[], stopAt: ReadonlySet<string>): void {
  for (const c of node.children ?? []) {
    if (c.type !== 'tag') continue;
    const n = c.name!.toLowerCase();
    if (names.has(n)) out.push(c);
    else if (!stopAt.has(n)) collect(c, names, out, stopAt);
  }
}

const TR = new Set(['tr']);
const CELL = new Set(['td', 'th']);
const TABLE = new Set(['table']);
const NONE = new Set<string>();

function span(v: string | undefined): number {
  const n = v === undefined ? 1 : parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/**
 * The inner source of a cell, trimmed: from its first child to the end of its last; for an
 * empty cell, the place of its end tag (of its end, when the end tag was left out).
 * `start`/`end` index `line`.
 */
function inner(line: string, el: Node): { start: number; end: number } {
  const kids = el.children ?? [];
  let start: number;
  let end: number;
  if (kids.length > 0 && kids[0]!.startIndex !== null && kids[kids.length - 1]!.endIndex !== null) {
    start = kids[0]!.startIndex!;
    end = kids[kids.length - 1]!.endIndex! + 1;
  } else {
    const last = el.endIndex ?? el.startIndex!;
    const close = line.lastIndexOf('</', last);
    start = end = close > el.startIndex! ? close : last + 1;
  }
  while (start < end && isWs(line.charCodeAt(start))) start++;
  while (end > start && isWs(line.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Grid positions a table may fill through its spans, beyond one per cell: a rowspan or
 * colspan past this budget is read as 1, so a hostile `rowspan="65534" colspan="1000"` on
 * every row cannot blow the grid up quadratically.
 */
const SPAN_BUDGET = 4096;
/** Widest colspan taken as written. */
const MAX_COLSPAN = 256;

export interface HtmlTables {
  blocks: TableBlock[];
  /** Where each table stands in the line: [start, end) indexes. */
  ranges: Array<[number, number]>;
}

/** A line holding `<table`: its text, 1-based number and offset in the text. */
export interface HtmlLine {
  text: string;
  line: number;
  offset: number;
}

/**
 * What closes anything a line left open (a cell, a table, a comment, a quoted attribute, a
 * raw-text element) before the next line begins: each line is read on its own, as if it
 * were parsed alone, though all are parsed in one call.
 */
const CLOSE = '\n-->"\'></script></style></textarea></title></xmp></noscript></iframe>';

/** The top-level `<table>`s of one line. `lineNo` is 1-based; `lineOffset` the line's offset in the text. */
export function readHtmlTables(line: string, lineNo: number, lineOffset: number): HtmlTables {
  return readLines([{ text: line, line: lineNo, offset: lineOffset }])[0]!;
}

/**
 * The top-level `<table>`s of each line, in one parse of all the lines (a parse per line
 * costs some 0.15 ms each: 3 s for 20 000 tables). A line whose tables do not come out
 * whole inside it (something it left open swallowed the rest) is parsed again on its own.
 */
export function readHtmlTablesOf(lines: readonly HtmlLine[]): HtmlTables[] {
  const out = readLines(lines);
  const redo = out.map((r, i) => r.blocks.length === 0 || r.ranges.some(([, z]) => z > lines[i]!.text.length));
  for (let i = 0; i < lines.length; i++) if (redo[i] && lines.length > 1) out[i] = readLines([lines[i]!])[0]!;
  return out;
}

function readLines(lines: readonly HtmlLine[]): HtmlTables[] {
  const starts: number[] = [];
  let doc = '';
  for (const l of lines) {
    const closers = (l.text.match(/<table/gi)?.length ?? 0) + 1;
    starts.push(doc.length);
    doc += l.text + CLOSE + '</table>'.repeat(closers) + '\n';
  }
  const $ = load()(doc, { withStartIndices: true, withEndIndices: true }, false);
  const tables: Node[] = [];
  for (const r of $.root().toArray()) collect(r, TABLE, tables, TABLE);
  const out: HtmlTables[] = lines.map(() => ({ blocks: [], ranges: [] }));
  let k = 0;
  for (const t of tables) {
    while (k + 1 < starts.length && starts[k + 1]! <= t.startIndex!) k++;
    const l = lines[k]!;
    readTable(t, doc, starts[k]!, k + 1 < starts.length ? starts[k + 1]! : doc.length, l, out[k]!);
  }
  return out;
}

/** One table into a block: the grid of its rows, positions made local to its line. */
function readTable(t: Node, doc: string, base: number, regionEnd: number, l: HtmlLine, out: HtmlTables): void {
  const end = l.text.length;
  const local = (i: number): number => Math.min(Math.max(i - base, 0), end);
  const trs: Node[] = [];
  collect(t, TR, trs, TABLE);
  const grid: BlockCell[][] = [];
  let budget = SPAN_BUDGET;
  for (let r = 0; r < trs.length; r++) {
    const row = (grid[r] ??= []);
    const cells: Node[] = [];
    collect(trs[r]!, CELL, cells, TABLE);
    let c = 0;
    for (const el of cells) {
      while (row[c] !== undefined) c++;
      const span0 = inner(doc, el);
      const start = local(span0.start);
      let stop = local(span0.end);
      while (stop > start && isWs(l.text.charCodeAt(stop - 1))) stop--;
      const cell: BlockCell = { text: l.text.slice(start, stop), line: l.line, column: start + 1, offset: l.offset + start };
      let rs = Math.min(span(el.attribs?.rowspan), trs.length - r);
      let cs = Math.min(span(el.attribs?.colspan), MAX_COLSPAN);
      if (rs * cs - 1 > budget) {
        rs = 1;
        cs = 1;
      }
      budget -= rs * cs - 1;
      for (let dr = 0; dr < rs; dr++) {
        const g = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) {
          g[c + dc] =
            dr === 0 && dc === 0
              ? cell
              : { text: '', line: l.line, column: cell.column, offset: cell.offset, spanned: { row: r, column: c } };
        }
      }
      c += cs;
    }
  }
  const tEnd = t.endIndex === null ? end : local(t.endIndex + 1);
  const rows: BlockRow[] = [];
  for (const g of grid) {
    // A hole left by a row with fewer cells than a span above it: an empty cell.
    const cells: BlockCell[] = [];
    for (let k = 0; k < g.length; k++) cells.push(g[k] ?? { text: '', line: l.line, column: tEnd, offset: l.offset + tEnd - 1 });
    rows.push({ line: l.line, cells });
  }
  // A table left open runs to the end of its line (the closers after it are not the line's).
  // A table left open runs to the end of its line, closed by the closers after it; one that
  // runs past them swallowed the lines after it: its range ends past the line (read again).
  const past = t.endIndex === null || t.endIndex >= regionEnd;
  out.ranges.push([local(t.startIndex!), past ? end + 1 : Math.min(t.endIndex! + 1 - base, end)]);
  if (rows.length === 0) return;
  out.blocks.push({ kind: 'table', form: 'html', startLine: l.line, endLine: l.line, header: rows[0]!, rows: rows.slice(1) });
}
