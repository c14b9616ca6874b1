import type { Document, Issue, Matter } from '../model/issue.js';
import type { Table } from '../model/table.js';
import type { ExportFile } from '../model/export.js';
import { pieces } from './pieces.js';
import { tally } from '../model/work.js';
import { uniqueNames } from '../core/filenames.js';
import { displayWidth } from '../read/text.js';
import { cleanProse, joinSentence, peopleLines, proseBreaks, spacesKept } from '../core/prose.js';
import type { Lines } from '../read/lines.js';
import { blocksMarkdown, safeText, servable, type Block, type Inline, type MdState, type RiskCache } from './markdown-flow.js';

const SENTENCE_END = /[。；;！!？?：:，,]$/;
const H2 = /^[一二三四五六七八九十]+、\S/;
const H3 = /^[(（][一二三四五六七八九十]+[)）]\s*\S/;
const ATTACHMENT = /^附\s*件\s*\d*$/;

/** YAML scalar: JSON strings are valid YAML double-quoted strings. */
const yaml = (v: string | number | null): string => (v === null ? 'null' : typeof v === 'number' ? String(v) : JSON.stringify(v));

/** The YAML front matter of a document's Markdown file. */
export function frontMatter(issue: Issue, d: Document): string {
  const fields: [string, string | number | null][] = [
    ['id', d.id],
    ['title', d.title],
    ['date', d.date],
    ['文号', d.docNumber?.normalized ?? null],
    ['category', d.category],
    ['page', d.toc?.page ?? null],
    ['kind', d.kind],
    ['lines', `${d.span.startLine}-${d.span.endLine}`],
    ['source', issue.source.name],
  ];
  return fields.map(([k, v]) => `${k}: ${yaml(v)}`).join('\n');
}

function tableNode(t: Table): Block {
  const cell = (s: string) => ({
    type: 'tableCell' as const,
    children: [{ type: 'text' as const, value: s.includes('\n') ? s.replace(/\s*\n\s*/g, ' ') : s }],
  });
  const header = { type: 'tableRow' as const, children: t.columns.map((c) => cell(c.name)) };
  const width = t.columns.length;
  const rows = t.rows.map((r) => ({
    type: 'tableRow' as const,
    children: Array.from({ length: Math.max(width, r.cells.length) }, (_, i) => cell(r.cells[i]?.text ?? '')),
  }));
  return { type: 'table', align: t.columns.map(() => null), children: [header, ...rows] };
}

/** The heading depth of a line of running text (0: none). */
function headingDepth(text: string): 0 | 2 | 3 {
  if (ATTACHMENT.test(text)) return 2;
  if (text.length > 40 || SENTENCE_END.test(text)) return 0;
  return H2.test(text) ? 2 : H3.test(text) ? 3 : 0;
}

/** One source line's text in a paragraph: cleaned, or as written on a line that keeps its spaces. */
export interface Piece {
  line: number;
  text: string;
}

/**
 * A block of a document's reading text with the source lines it came from, first to last:
 * the title (depth 1) or a heading; a paragraph, a list of its lines, each a source line with
 * the lines joined to it where a page break cut its sentence; a table in place of its lines.
 */
export type ReadingBlock =
  | { type: 'heading'; depth: 1 | 2 | 3; text: string; startLine: number; endLine: number }
  | { type: 'paragraph'; lines: Piece[][]; startLine: number; endLine: number }
  | { type: 'table'; table: Table; startLine: number; endLine: number };

/** A line of a paragraph as the Markdown export writes it: its pieces joined (core/prose.ts). */
export const joinedText = (pieces: readonly Piece[]): string =>
  pieces.reduce((acc, p, i) => (i === 0 ? p.text : joinSentence(acc, p.text)), '');

/**
 * The reading text of one document, as the Markdown export and report.html show it: title,
 * then its lines as headings and paragraphs, each table (`tables`: the document's) in place of
 * its lines. A paragraph broken mid-sentence at a page break is joined again, and the spaces
 * line wraps left between Chinese characters are removed (core/prose.ts), except on the
 * lines of people (name and post stand apart).
 */
export function readingBlocks(d: Document, lines: Lines, tables: readonly Table[], people: ReadonlySet<number>): ReadingBlock[] {
  const blocks: ReadingBlock[] = [
    { type: 'heading', depth: 1, text: d.title, startLine: d.titleSpan.startLine, endLine: d.titleSpan.endLine },
  ];
  const tableAt = new Map<number, Table>();
  const skip = new Set<number>();
  for (const t of tables) {
    tableAt.set(t.span.startLine, t);
    for (let ln = t.span.startLine; ln <= t.span.endLine; ln++) skip.add(ln);
  }
  const bounds = { tables, people };
  const continuing = new Set(proseBreaks(lines, d, bounds).map(([, n]) => n));
  const kept = spacesKept(d, bounds);
  let para: Piece[][] = [];
  let ended = false;
  const flush = (): void => {
    if (para.length)
      blocks.push({ type: 'paragraph', lines: para, startLine: para[0]![0]!.line, endLine: para[para.length - 1]!.at(-1)!.line });
    para = [];
    ended = false;
  };
  for (let ln = d.titleSpan.endLine + 1; ln <= d.span.endLine && ln <= lines.length; ln++) {
    const t = tableAt.get(ln);
    if (t) {
      flush();
      blocks.push({ type: 'table', table: t, startLine: t.span.startLine, endLine: t.span.endLine });
      continue;
    }
    if (skip.has(ln)) continue;
    const text = kept(ln) ? lines.get(ln - 1)!.trim() : cleanProse(lines.get(ln - 1)!);
    if (text === '') {
      ended = para.length > 0;
      continue;
    }
    if (ended && continuing.has(ln) && para.length) {
      // the sentence goes on after a page break: one paragraph again
      para[para.length - 1]!.push({ line: ln, text });
      ended = false;
      continue;
    }
    if (ended) flush();
    const heading = headingDepth(text);
    if (heading && para.length === 0) {
      blocks.push({ type: 'heading', depth: heading, text, startLine: ln, endLine: ln });
      continue;
    }
    para.push([{ line: ln, text }]);
  }
  flush();
  return blocks;
}

/**
 * The reading blocks of an issue's documents, made once for its two readers, the Markdown
 * export and report.html (written after it): the first to ask makes and keeps them, the
 * second takes them (and so lets them go). Kept only for an issue of at most KEEP_LINES
 * lines: for a larger one the blocks are made twice rather than all held at once (they hold
 * about the issue's text again).
 */
const kept = new WeakMap<Issue, Map<Document, { lines: Lines; blocks: ReadingBlock[] }>>();
export const KEEP_LINES = 100_000;

/** `readingBlocks` of a document of `issue`, made once for the Markdown export and the report (see `kept`). */
export function issueReadingBlocks(
  issue: Issue,
  d: Document,
  lines: Lines,
  tables: readonly Table[],
  people: ReadonlySet<number>,
): ReadingBlock[] {
  const mine = kept.get(issue)?.get(d);
  if (mine && mine.lines === lines) {
    kept.get(issue)!.delete(d);
    return mine.blocks;
  }
  const blocks = readingBlocks(d, lines, tables, people);
  tally('reading blocks made', 1);
  if (issue.source.lines <= KEEP_LINES) {
    let docs = kept.get(issue);
    if (!docs) kept.set(issue, (docs = new Map()));
    docs.set(d, { lines, blocks });
  }
  return blocks;
}

const textNode = (value: string): Inline => ({ type: 'text', value });

/** The mdast blocks of one document (`tables`: its tables): front matter, then its reading text. */
function documentTree(issue: Issue, d: Document, lines: Lines, tables: readonly Table[], people: ReadonlySet<number>): Block[] {
  const out: Block[] = [{ type: 'yaml', value: frontMatter(issue, d) }];
  for (const b of issueReadingBlocks(issue, d, lines, tables, people)) {
    if (b.type === 'heading') out.push({ type: 'heading', depth: b.depth, children: [textNode(b.text)] });
    else if (b.type === 'paragraph')
      out.push({
        type: 'paragraph',
        children: b.lines.flatMap((l, i) => (i ? [{ type: 'break' as const }, textNode(joinedText(l))] : [textNode(joinedText(l))])),
      });
    else {
      // a title written as the table's first row (one cell spanning it): the table node has no place for it
      if (b.table.title) out.push({ type: 'paragraph', children: [textNode(b.table.title.text)] });
      out.push(tableNode(b.table));
    }
  }
  return out;
}

/**
 * remark-stringify's text handler with the fast path of `safeText`: `state.safe` only for a
 * text where some unsafe pattern could match (a tree `blocksMarkdown` does not lay out).
 */
const textHandler =
  (cache: RiskCache) =>
  (
    node: { value: string },
    parent: { children: unknown[] } | undefined,
    state: MdState,
    info: { before: string; after: string },
  ): string => {
    const siblings = parent ? parent.children : [];
    const index = state.indexStack[state.indexStack.length - 1]!;
    return safeText(state, cache, node.value, info.before, info.after, siblings[index - 1], siblings[index + 1]);
  };

/** Serialises the blocks of one Markdown file. */
interface MarkdownWriter {
  stringify(blocks: Block[]): string;
}

/**
 * unified + remark-stringify + remark-gfm (loaded here only, when a Markdown file is made).
 * `fast`: the blocks are laid out by `blocksMarkdown` (markdown-flow.ts) with the State of
 * this processor's serialisations, which still decides every escape (its `safe` and its
 * unsafe patterns: those of remark-gfm too); remark's own handlers otherwise, with their
 * text handler (tests compare the two). The State is taken once, from inside one
 * serialisation, and serves every document: it is the same in each (the processor's
 * configuration; the construct stack is empty between blocks, and `blocksMarkdown` leaves it
 * so), and making it again for each document cost a fifth of the Markdown export.
 */
async function markdownWriter(fast = true): Promise<MarkdownWriter> {
  const [{ unified }, { default: remarkStringify }, { default: remarkGfm }] = await Promise.all([
    import('unified'),
    import('remark-stringify'),
    import('remark-gfm'),
  ]);
  const cache: RiskCache = new Map();
  let state: MdState | null = null;
  const handlers = {
    yaml: (node: { value: string }) => `---\n${node.value}\n---`,
    ...(fast ? { text: textHandler(cache), gongbaoState: (_: unknown, __: unknown, s: MdState) => ((state = s), '') } : {}),
  };
  const processor = unified()
    .use(remarkGfm, { stringLength: displayWidth })
    .use(remarkStringify, { bullet: '-', fences: true, handlers: handlers as never });
  const stringify = (children: unknown[]): string => processor.stringify({ type: 'root', children } as never);
  return {
    stringify: (blocks) => {
      if (!fast || !servable(blocks)) return stringify(blocks);
      if (state === null) stringify([{ type: 'gongbaoState' }]);
      const out = blocksMarkdown(blocks, state!, cache, displayWidth);
      // as toMarkdown ends a document
      return out === '' || /[\r\n]$/.test(out) ? out : out + '\n';
    },
  };
}

/**
 * docs/NN-<slug>.md: each document as clean Markdown with YAML front matter, built as an
 * mdast tree and serialised with unified + remark-stringify + remark-gfm (loaded here only).
 * `fast: false` leaves the whole serialisation to remark's own handlers (tests compare the two).
 */
export async function documentsMarkdown(issue: Issue, lines: Lines, fast = true): Promise<ExportFile[]> {
  if (issue.documents.length === 0) return [];
  const writer = await markdownWriter(fast);
  const width = String(issue.documents.length).length < 2 ? 2 : String(issue.documents.length).length;
  const names = uniqueNames(
    issue.documents.map((d) => `${String(d.ordinal).padStart(width, '0')}-${d.title || d.id}`),
    90,
  );
  const people = peopleLines(issue);
  // the tables of each document, in one pass (not a pass over every table for each document)
  const tablesOf = new Map<string | null, Table[]>();
  for (const t of issue.tables) {
    const list = tablesOf.get(t.documentId);
    if (list) list.push(t);
    else tablesOf.set(t.documentId, [t]);
  }
  // each document is rendered when its file is written: never all of them in memory at once
  return issue.documents.map((d, i) => ({
    path: `docs/${names[i]}.md`,
    data: pieces(() => [writer.stringify(documentTree(issue, d, lines, tablesOf.get(d.id) ?? [], people))]),
  }));
}

const MATTER_HEADING: Record<Matter['kind'], string> = {
  front: 'Front matter',
  back: 'Back matter',
  between: 'Between the parts of the issue',
};

/** The blocks of one matter record: a heading with its lines, then its lines as paragraphs. */
function* matterBlocks(m: Matter, lines: Lines): Generator<Block> {
  yield { type: 'heading', depth: 2, children: [{ type: 'text', value: `${MATTER_HEADING[m.kind]} (lines ${m.line}-${m.endLine})` }] };
  let para: Inline[] = [];
  for (let ln = m.line; ln <= m.endLine + 1; ln++) {
    const text = ln <= m.endLine ? lines.get(ln - 1)!.trim() : '';
    if (text !== '') {
      if (para.length) para.push({ type: 'break' });
      para.push({ type: 'text', value: text });
    } else if (para.length) {
      yield { type: 'paragraph', children: para };
      para = [];
    }
  }
}

/**
 * docs/matter.md: the lines no record holds (text before the table of contents, after the
 * colophon, between issues), a section per run with its line numbers; only when there are any.
 * `fast: false` as for `documentsMarkdown`.
 */
export async function matterMarkdown(issue: Issue, lines: Lines, fast = true): Promise<ExportFile[]> {
  if (issue.matter.length === 0) return [];
  const writer = await markdownWriter(fast);
  const head: Block[] = [
    {
      type: 'yaml',
      value: `source: ${yaml(issue.source.name)}\nlines: ${yaml(issue.matter.map((m) => `${m.line}-${m.endLine}`).join(', '))}`,
    },
    { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Front, back and in-between matter' }] },
  ];
  return [
    {
      path: 'docs/matter.md',
      data: pieces(function* () {
        yield writer.stringify(head);
        // a block at a time: a run of a million lines is never one tree
        for (const m of issue.matter) for (const b of matterBlocks(m, lines)) yield '\n' + writer.stringify([b]);
      }),
    },
  ];
}
