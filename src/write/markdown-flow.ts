/**
 * The Markdown of a document's blocks (markdown.ts), written here rather than by
 * remark-stringify's handlers: the same text, byte for byte, at a fraction of the cost.
 * remark-stringify still decides every escape: this code runs as a handler inside its
 * serialisation and hands each text that could need one to its `state.safe`, with the
 * construct stack, the neighbouring characters and nodes its own handlers would give. What
 * is done here is only the layout those handlers make of our few node types: blocks joined
 * by a blank line, ATX headings, paragraphs whose lines end in a hard break (`\` + newline),
 * and GFM tables padded to the display width of their cells (markdown-table). A tree this
 * code does not lay out as remark would (a heading with a line break in its text) is left to
 * remark (`servable`). tests/markdown.test.ts compares the two on the sample, the real
 * texts and text full of Markdown syntax.
 */

/* mdast nodes, just what the Markdown writer builds (remark-stringify takes plain objects). */
export type Inline = { type: 'text'; value: string } | { type: 'break' };
export type Block =
  | { type: 'yaml'; value: string }
  | { type: 'heading'; depth: 1 | 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'table'; align: null[]; children: { type: 'tableRow'; children: { type: 'tableCell'; children: Inline[] }[] }[] };

/* What mdast-util-to-markdown's handlers see (its State, as far as used here). */
interface UnsafePattern {
  character: string;
  inConstruct?: string | string[];
  notInConstruct?: string | string[];
  atBreak?: boolean;
  before?: string;
  after?: string;
  beforeNode?: unknown;
  afterNode?: unknown;
  unicode?: boolean;
}
export interface MdState {
  stack: string[];
  unsafe: UnsafePattern[];
  indexStack: number[];
  enter: (construct: string) => () => void;
  compilePattern: (p: UnsafePattern) => RegExp;
  safe: (value: string, config: { before: string; after: string; beforeNode: unknown; afterNode: unknown }) => string;
}

interface Risk {
  /** Any character a pattern in scope escapes, or a backslash: a text without one is written as it is. */
  any: RegExp;
  /** Patterns of a character alone, tested on the text alone. */
  plain: RegExp;
  /** Patterns with a context (at a line break, before or after something), tested with it. */
  context: RegExp;
  /** No line break in these constructs (a heading): remark writes a hard break as a space. */
  noBreak: boolean;
  /** The patterns in scope, by the character they escape (every pattern has one). */
  byCharacter: Map<string, UnsafePattern[]>;
}

/**
 * The tests for "some unsafe pattern might apply", by construct stack. The patterns are those
 * of one processor (its extensions, made once), the same in every serialisation it runs: one
 * cache per processor.
 */
export type RiskCache = Map<string, Risk>;

const escapeChar = (c: string): string => c.replace(/[$()*+.?[\\\]^{|}\/-]/g, '\\$&');

/**
 * What could need escaping in the constructs we are in: a character a pattern of these
 * constructs escapes wherever it is (and the backslash), or a pattern with context, by its
 * own expression (those tied to neighbouring nodes by their character alone). Patterns
 * excluded by `notInConstruct` are kept: more tests, never fewer.
 */
function riskFor(state: MdState, cache: RiskCache): Risk {
  const key = state.stack.join('\0');
  let risk = cache.get(key);
  if (!risk) {
    const plain = ['\\\\'];
    const context: string[] = [];
    const any = new Set(['\\\\']);
    const byCharacter = new Map<string, UnsafePattern[]>();
    for (const p of state.unsafe) {
      if (!listIn(state.stack, p.inConstruct, true)) continue;
      any.add(escapeChar(p.character));
      if (!listIn(state.stack, p.notInConstruct, false)) {
        const same = byCharacter.get(p.character);
        if (same) same.push(p);
        else byCharacter.set(p.character, [p]);
      }
      if (p.beforeNode || p.afterNode || p.unicode || (!p.atBreak && !p.before && !p.after)) plain.push(escapeChar(p.character));
      else context.push(state.compilePattern(p).source);
    }
    const noBreak = state.unsafe.some(
      (p) =>
        p.character === '\n' &&
        !p.before &&
        !p.after &&
        listIn(state.stack, p.inConstruct, true) &&
        !listIn(state.stack, p.notInConstruct, false),
    );
    risk = {
      any: new RegExp(`[${[...any].join('')}]`),
      plain: new RegExp(plain.join('|')),
      context: new RegExp(context.join('|') || '(?!)'),
      noBreak,
      byCharacter,
    };
    cache.set(key, risk);
  }
  return risk;
}

/** mdast-util-to-markdown's `listInScope`: is one of the constructs of `list` on the stack (`none` when there is no list). */
function listIn(stack: readonly string[], list: string | string[] | undefined, none: boolean): boolean {
  if (list === undefined || list.length === 0) return none;
  return typeof list === 'string' ? stack.includes(list) : list.some((c) => stack.includes(c));
}

/**
 * A text node's Markdown, as remark-stringify's text handler gives it (`state.safe`), with a
 * fast path: `safe` (which runs every unsafe pattern over the text) only for a text where
 * some pattern could match — elsewhere `safe` returns the text as it is, and so does this.
 */
export function safeText(
  state: MdState,
  cache: RiskCache,
  value: string,
  before: string,
  after: string,
  beforeNode?: unknown,
  afterNode?: unknown,
): string {
  return safeIn(state, riskFor(state, cache), value, before, after, beforeNode, afterNode);
}

function safeIn(
  state: MdState,
  risk: Risk,
  value: string,
  before: string,
  after: string,
  beforeNode?: unknown,
  afterNode?: unknown,
): string {
  // `safe` escapes only at a pattern's character inside the value (and doubles a backslash)
  if (!risk.any.test(value)) return value;
  if (!risk.plain.test(value) && !risk.context.test(before + value + after)) return value;
  const all = state.unsafe;
  state.unsafe = patternsIn(risk, value);
  try {
    return state.safe(value, { before, after, beforeNode, afterNode });
  } finally {
    state.unsafe = all;
  }
}

/**
 * The patterns `safe` needs for `value`: those in scope whose character is in it. The others
 * cannot change its result: `safe` escapes only at a pattern's character inside the value,
 * and a position it notes in `before` or `after` matters to an escape inside only next to a
 * character that is neither punctuation nor whitespace (the `_` rule), which no pattern's
 * character is (tests/markdown.test.ts checks both). `safe` runs each pattern it is given
 * over the text: the sample's texts that need it have one or two of the thirty-odd in scope.
 */
function patternsIn(risk: Risk, value: string): UnsafePattern[] {
  const out: UnsafePattern[] = [];
  for (const [c, list] of risk.byCharacter) if (value.includes(c)) for (const p of list) out.push(p);
  return out;
}

/** The constructs a phrasing is in (on `state.stack`), and what they decide: the escaping risk, and whether a line break can be. */
interface Scope {
  state: MdState;
  risk: Risk;
}

/** Runs `f` inside `constructs` (entered as remark's handlers enter them). */
function within<T>(state: MdState, cache: RiskCache, constructs: readonly string[], f: (s: Scope) => T): T {
  state.stack.push(...constructs);
  try {
    return f({ state, risk: riskFor(state, cache) });
  } finally {
    state.stack.length -= constructs.length;
  }
}

const firstCharacter = (value: string): string => {
  const code = value.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
};
const lastCharacter = (value: string): string => {
  const code = value.codePointAt(value.length - 2);
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1);
};
const encodeCharacterReference = (code: number): string => '&#x' + code.toString(16).toUpperCase() + ';';

/** Can these blocks be laid out here exactly as remark lays them out? (A heading with a line break in its text becomes a setext heading there.) */
export function servable(blocks: readonly Block[]): boolean {
  return blocks.every((b) => b.type !== 'heading' || b.children.every((c) => c.type === 'text' && !/[\r\n]/.test(c.value)));
}

/** remark's hard break (mdast-util-to-markdown's break handler): `\` + newline, or a space where a line break cannot be. */
const hardBreak = (sc: Scope, before: string): string => (sc.risk.noBreak ? (/[\t ]/.test(before) ? '' : ' ') : '\\\n');

/** Phrasing content (text and breaks) between `before` and `after`, as mdast-util-to-markdown's containerPhrasing joins it. */
function phrasing(children: readonly Inline[], sc: Scope, before: string, after: string): string {
  let out = '';
  let prev = before;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const next = children[i + 1];
    let value: string;
    if (child.type === 'break') value = hardBreak(sc, prev);
    else {
      // what follows: the next node's first character (a break's writing ignores it: not made for one)
      const follow =
        next === undefined
          ? after
          : firstCharacter(
              next.type === 'break' ? hardBreak(sc, '') : safeIn(sc.state, sc.risk, next.value, '', '', children[i - 1], next),
            );
      value = safeIn(sc.state, sc.risk, child.value, prev, follow, children[i - 1], next);
    }
    if (!value) continue;
    out += value;
    prev = lastCharacter(value);
  }
  return out;
}

/** An ATX heading (mdast-util-to-markdown's heading handler; `servable` keeps setext ones away). */
function heading(b: Extract<Block, { type: 'heading' }>, state: MdState, cache: RiskCache): string {
  const sequence = '#'.repeat(b.depth);
  let value = within(state, cache, ['headingAtx', 'phrasing'], (sc) => phrasing(b.children, sc, '# ', '\n'));
  const head = value.charCodeAt(0);
  if (head === 9 || head === 32) value = encodeCharacterReference(head) + value.slice(1);
  return value ? sequence + ' ' + value : sequence;
}

/**
 * A GFM table (mdast-util-gfm-table's handler): each cell's phrasing between pipes, then
 * markdown-table's layout with no alignment, padding, aligned delimiters, rows not filled.
 */
function table(b: Extract<Block, { type: 'table' }>, state: MdState, cache: RiskCache, width: (s: string) => number): string {
  // every cell is in the same constructs (entered one inside the other by the table, row and cell handlers)
  const matrix = within(state, cache, ['table', 'tableRow', 'tableCell', 'phrasing'], (sc) =>
    b.children.map((row) => row.children.map((cell) => phrasing(cell.children, sc, '|', '|'))),
  );
  const head = matrix[0];
  if (head) {
    let columns = b.align.length;
    if (!columns) for (const r of matrix) if (r.length > columns) columns = r.length;
    while (head.length < columns) head.push('');
  }
  return markdownTable(matrix, width);
}

/** markdown-table 3 with `align` none, `padding`, `alignDelimiters`, and `fillRows: false`. */
export function markdownTable(matrix: readonly string[][], width: (s: string) => number): string {
  const longest: number[] = [];
  const sizes: number[][] = [];
  let most = 0;
  for (const row of matrix) {
    if (row.length > most) most = row.length;
    const s = row.map((cell, c) => {
      const w = width(cell);
      if (longest[c] === undefined || w > longest[c]!) longest[c] = w;
      return w;
    });
    sizes.push(s);
  }
  const delimiter: string[] = [];
  const delimiterSizes: number[] = [];
  for (let c = 0; c < most; c++) {
    const size = Math.max(1, longest[c]!);
    delimiter.push('-'.repeat(size));
    if (size > longest[c]!) longest[c] = size;
    delimiterSizes.push(size);
  }
  const rows = [...matrix];
  rows.splice(1, 0, delimiter);
  sizes.splice(1, 0, delimiterSizes);
  const lines: string[] = [];
  rows.forEach((row, r) => {
    const cells = Math.max(1, rows[r === 1 ? 0 : r]!.length);
    let line = '';
    for (let c = 0; c < cells; c++) {
      const cell = row[c] || '';
      line += (c ? '' : '|') + ' ' + cell + ' '.repeat(longest[c]! - (sizes[r]![c] || 0)) + ' |';
    }
    lines.push(line);
  });
  return lines.join('\n');
}

/** The blocks of a document as remark-stringify (with remark-gfm) writes them, `yaml` as front matter. */
export function blocksMarkdown(blocks: readonly Block[], state: MdState, cache: RiskCache, width: (s: string) => number): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'yaml') out.push(`---\n${b.value}\n---`);
    else if (b.type === 'heading') out.push(heading(b, state, cache));
    else if (b.type === 'paragraph')
      out.push(within(state, cache, ['paragraph', 'phrasing'], (sc) => phrasing(b.children, sc, '\n', '\n')));
    else out.push(table(b, state, cache, width));
  }
  return out.join('\n\n');
}
