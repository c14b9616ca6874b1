/**
 * Cleaning of one raw table cell into text, in plain string code (this runs in the hot
 * path of `parseIssue`, which is synchronous).
 *
 * HTML: cells of converted PDFs carry a few inline tags (`<p>…</p>`, `<br/>`) and
 * entities (`&nbsp;`). They are turned into text here by a small tag stripper instead of
 * loading cheerio for every parse: block tags (p, div, br, li, tr, td, th, h1–h6) become a
 * space, any other tag disappears, entities are decoded. tests/tables-clean.test.ts proves
 * that this gives what cheerio (`cheerio/slim`, `.text()`) gives, for every HTML cell of
 * the sample and fixtures and for generated inputs, after the same whitespace rules.
 *
 * Order: Markdown escapes (`\|`, `\*` …) → HTML → LaTeX → `**` markers → whitespace
 * (runs squashed, spaces between CJK characters removed, space before ² ³ removed).
 */
import { isCjkCode } from '../../read/text.js';

export interface Cleaned {
  text: string;
  /** Which conversion artefacts were removed (empty when the cell was already clean). */
  artefacts: ReadonlyArray<Artefact>;
}
export type Artefact = 'html' | 'latex' | 'bold';

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'hr']);

const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  times: '×',
  divide: '÷',
  ge: '≥',
  le: '≤',
  ne: '≠',
  plusmn: '±',
  deg: '°',
  yen: '¥',
  copy: '©',
  reg: '®',
  sup2: '²',
  sup3: '³',
  permil: '‰',
  micro: 'µ',
  laquo: '«',
  raquo: '»',
  bull: '•',
  minus: '−',
  asymp: '≈',
  infin: '∞',
  rarr: '→',
  larr: '←',
};

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Index of `ch` in s within [from, from + max), or -1. Bounded searches keep every scan
 * of a cell linear even when an opening `&`, `<` or `{` is never closed.
 */
function indexWithin(s: string, ch: number, from: number, max: number): number {
  const to = Math.min(s.length, from + max);
  for (let k = from; k < to; k++) if (s.charCodeAt(k) === ch) return k;
  return -1;
}

/** Decodes one entity starting at s[i] === '&'; returns [text, nextIndex] or null. */
function entityAt(s: string, i: number): [string, number] | null {
  const semi = indexWithin(s, 59 /* ; */, i + 1, 12);
  if (semi < 0) return null;
  const body = s.slice(i + 1, semi);
  if (body.charCodeAt(0) === 35 /* # */) {
    const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
    const digits = body.slice(hex ? 2 : 1);
    if (digits.length === 0) return null;
    for (let k = 0; k < digits.length; k++) {
      const c = digits.charCodeAt(k);
      if (!(isAsciiDigit(c) || (hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70))))) return null;
    }
    const cp = parseInt(digits, hex ? 16 : 10);
    if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return ['\ufffd', semi + 1];
    return [String.fromCodePoint(cp), semi + 1];
  }
  const named = ENTITIES[body];
  return named === undefined ? null : [named, semi + 1];
}

/** True when the text holds something that looks like an HTML tag or entity. */
export function hasHtml(s: string): boolean {
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
    const c = s.charCodeAt(i + 1);
    if (isAsciiLetter(c) || c === 47 /* / */ || c === 33 /* ! */) return true;
  }
  for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) if (entityAt(s, i)) return true;
  return false;
}

/**
 * HTML fragment → text: tags removed (block tags become a space), comments removed,
 * entities decoded. A `<` that does not open a tag (`a < b`) stays text.
 */
export function htmlToText(s: string): string {
  let out = '';
  let i = 0;
  const n = s.length;
  let gtFrom = 0;
  while (i < n) {
    const ch = s.charCodeAt(i);
    if (ch === 60 /* < */) {
      const c1 = s.charCodeAt(i + 1);
      if (c1 === 33 && s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      const closing = c1 === 47;
      const nameStart = closing ? i + 2 : i + 1;
      if (isAsciiLetter(s.charCodeAt(nameStart)) && gtFrom <= i) {
        const gt = s.indexOf('>', nameStart);
        if (gt < 0) gtFrom = n; // no '>' left: no later '<' opens a tag either
        if (gt >= 0) {
          let k = nameStart;
          while (k < gt && (isAsciiLetter(s.charCodeAt(k)) || isAsciiDigit(s.charCodeAt(k)))) k++;
          const name = s.slice(nameStart, k).toLowerCase();
          if (BLOCK_TAGS.has(name)) out += ' ';
          i = gt + 1;
          continue;
        }
      }
      out += '<';
      i++;
      continue;
    }
    if (ch === 38 /* & */) {
      const e = entityAt(s, i);
      if (e) {
        out += e[0];
        i = e[1];
        continue;
      }
    }
    // plain text up to the next < or &, copied whole
    let k = i + 1;
    while (k < n && s.charCodeAt(k) !== 60 && s.charCodeAt(k) !== 38) k++;
    out += s.slice(i, k);
    i = k;
  }
  return out;
}

/** LaTeX commands found in converted tables, and what they stand for. */
const LATEX: Record<string, string> = {
  geq: '≥',
  ge: '≥',
  geqslant: '≥',
  leq: '≤',
  le: '≤',
  leqslant: '≤',
  neq: '≠',
  ne: '≠',
  times: '×',
  div: '÷',
  pm: '±',
  mp: '∓',
  approx: '≈',
  sim: '~',
  cdot: '·',
  circ: '°',
  degree: '°',
  infty: '∞',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  mu: 'μ',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  Delta: 'Δ',
  pi: 'π',
  sigma: 'σ',
  lambda: 'λ',
  permil: '‰',
  ldots: '…',
  cdots: '⋯',
  prime: '′',
};
/** Operators around which spaces carry no meaning ("率 ≥ 15%" → "率≥15%"). */
const TIGHT = new Set(['≥', '≤', '≠', '×', '÷', '±', '∓', '≈', '~', '·', '→', '←', '⇒']);
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '+': '⁺',
};

/** True when a `$…$` body is math (not two dollar amounts): it holds a command or ^ _. */
function looksLikeMath(body: string): boolean {
  return body.length > 0 && (body.includes('\\') || body.includes('^') || body.includes('_'));
}

/** Replaces LaTeX commands (inside or outside `$…$`) with Unicode. Unknown commands stay. */
function latexToText(s: string, inMath: boolean): { text: string; changed: boolean } {
  const scan = new LatexScan(s, inMath);
  scan.run();
  return { text: scan.out, changed: scan.changed };
}

/** One left-to-right pass of latexToText over `s`: the text made so far and the position. */
class LatexScan {
  out = '';
  changed = false;
  i = 0;
  constructor(
    private readonly s: string,
    private readonly inMath: boolean,
  ) {}

  run(): void {
    const s = this.s;
    const n = s.length;
    while (this.i < n) {
      const c = s.charCodeAt(this.i);
      if (c === 92 /* \ */) {
        this.command();
        continue;
      }
      if (this.inMath && c === 94 /* ^ */ && this.superscript()) continue;
      if (this.inMath && (c === 123 || c === 125)) {
        this.i++;
        this.changed = true;
        continue;
      }
      // plain text up to the next \ (or, in math, ^ { }), copied whole
      let k = this.i + 1;
      while (k < n) {
        const d = s.charCodeAt(k);
        if (d === 92 || (this.inMath && (d === 94 || d === 123 || d === 125))) break;
        k++;
      }
      this.out += s.slice(this.i, k);
      this.i = k;
    }
  }

  /** A symbol; spaces around a tight operator dropped ("率 ≥ 15%" → "率≥15%"). */
  private tight(sym: string): void {
    if (TIGHT.has(sym)) {
      while (this.out.endsWith(' ')) this.out = this.out.slice(0, -1);
      this.out += sym;
      while (this.s.charCodeAt(this.i) === 32) this.i++;
    } else this.out += sym;
  }

  /** At a backslash: a command, an escaped character, or a lone backslash; always consumed. */
  private command(): void {
    const s = this.s;
    const i = this.i;
    let k = i + 1;
    while (k < s.length && isAsciiLetter(s.charCodeAt(k))) k++;
    const cmd = s.slice(i + 1, k);
    if (cmd.length > 0) {
      this.i = k;
      const sym = LATEX[cmd];
      if (sym !== undefined) {
        if (s.charCodeAt(this.i) === 123 && s.charCodeAt(this.i + 1) === 125) this.i += 2; // \geq{}
        this.tight(sym);
        this.changed = true;
      } else if (cmd === 'left' || cmd === 'right' || cmd === 'quad' || cmd === 'qquad') this.changed = true;
      else {
        const close =
          (cmd === 'text' || cmd === 'mathrm' || cmd === 'mathbf' || cmd === 'rm') && s.charCodeAt(k) === 123
            ? indexWithin(s, 125, k, 200)
            : -1;
        if (close > 0) {
          this.out += s.slice(k + 1, close);
          this.i = close + 1;
          this.changed = true;
        } else this.out += s.slice(i, k);
      }
      return;
    }
    const d = s[i + 1];
    if (d === '%' || d === '$' || d === '&' || d === '#' || d === '_' || d === '{' || d === '}') {
      this.out += d;
      this.i += 2;
      this.changed = true;
      return;
    }
    this.out += '\\';
    this.i++;
  }

  /** At `^` in math: a degree sign or superscript digits; false (nothing consumed) otherwise. */
  private superscript(): boolean {
    const s = this.s;
    const i = this.i;
    let body: string;
    let next: number;
    if (s.charCodeAt(i + 1) === 123) {
      const close = indexWithin(s, 125, i + 2, 40);
      body = close > 0 ? s.slice(i + 2, close) : '';
      next = close > 0 ? close + 1 : i + 1;
    } else {
      body = s[i + 1] ?? '';
      next = i + 2;
    }
    if (body === '\\circ' || body === 'o') {
      this.out += '°';
      this.i = next;
      this.changed = true;
      return true;
    }
    let sup = '';
    let ok = body.length > 0;
    for (const ch of body) {
      const u = SUPERSCRIPT[ch];
      if (u === undefined) ok = false;
      else sup += u;
    }
    if (!ok) return false;
    this.out += sup;
    this.i = next;
    this.changed = true;
    return true;
  }
}

/** Handles `$…$` math spans and bare commands; returns the text and whether LaTeX was seen. */
function cleanLatex(s: string): { text: string; changed: boolean } {
  if (s.indexOf('\\') < 0 && s.indexOf('$') < 0) return { text: s, changed: false };
  let out = '';
  let changed = false;
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('$', i);
    if (open < 0) break;
    if (open > 0 && s.charCodeAt(open - 1) === 92) {
      // `\$` outside math is a dollar sign; handled by latexToText below
      const r = latexToText(s.slice(i, open + 1), false);
      out += r.text;
      changed ||= r.changed;
      i = open + 1;
      continue;
    }
    const double = s.charCodeAt(open + 1) === 36;
    const from = open + (double ? 2 : 1);
    const close = s.indexOf(double ? '$$' : '$', from);
    if (close < 0 || !looksLikeMath(s.slice(from, close))) {
      const r = latexToText(s.slice(i, from), false);
      out += r.text;
      changed ||= r.changed;
      i = from;
      continue;
    }
    const before = latexToText(s.slice(i, open), false);
    const math = latexToText(s.slice(from, close).trim(), true);
    out += before.text;
    // spaces around a relation or operator carry no meaning, outside the $…$ as inside
    if (TIGHT.has(math.text[0] ?? '')) out = out.trimEnd();
    out += math.text;
    changed = true;
    i = close + (double ? 2 : 1);
    if (TIGHT.has(math.text[math.text.length - 1] ?? '')) while (s.charCodeAt(i) === 32) i++;
  }
  const rest = latexToText(s.slice(i), false);
  return { text: out + rest.text, changed: changed || rest.changed };
}

/** Markdown backslash escapes of ASCII punctuation other than LaTeX's (`\|` → `|`). */
function unescapeMarkdown(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 && i + 1 < s.length) {
      const d = s[i + 1]!;
      // `\%`, `\$`, `\_`, `\{`… are left for the LaTeX step, letters are commands.
      if ('|*`[]()<>#+-.!~'.includes(d) || d === '\\') {
        out += d;
        i++;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

/** The code point of the character (a whole surrogate pair) that ends at index `end` (exclusive, > 0). */
function codePointBefore(s: string, end: number): number {
  const c = s.charCodeAt(end - 1);
  return c >= 0xdc00 && c <= 0xdfff && end >= 2 ? s.codePointAt(end - 2)! : c;
}

/** The whitespace squashed in cells: space, tab, CR, LF, NBSP, ideographic, en, em and thin spaces. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0x2002 || c === 0x2003 || c === 0x2009;
}

/**
 * Squashes whitespace runs to one space, trims, and drops a run that stands between two
 * CJK characters (the rule of removeCjkSpaces in read/text.ts) or before ² ³. One pass
 * that copies the text between runs whole; returns the input itself when it holds no
 * whitespace.
 */
export function normalizeSpaces(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && !isSpaceCode(s.charCodeAt(i))) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  while (i < n) {
    // s[i] starts a run of whitespace
    let end = i + 1;
    while (end < n && isSpaceCode(s.charCodeAt(end))) end++;
    if (i > 0 && end < n) {
      // (read by code point: no one-character string made for each run)
      const next = s.codePointAt(end)!;
      if (next !== 0xb2 /* ² */ && next !== 0xb3 /* ³ */ && !(isCjkCode(codePointBefore(s, i)) && isCjkCode(next))) out += ' ';
    }
    i = end;
    while (end < n && !isSpaceCode(s.charCodeAt(end))) end++;
    out += s.slice(i, end);
    i = end;
  }
  return out;
}

const SPECIAL = /[\\<&$*\s\u00a0\u3000]/;
/** The artefacts of a clean cell: one shared, frozen empty list (no allocation per cell). */
export const NO_ARTEFACTS: readonly Artefact[] = Object.freeze([]);

/** Cleans one raw cell (see the module comment for what is done, in which order). */
export function cleanCell(raw: string): Cleaned {
  // fast path: most cells hold none of \\ < & $ * and no whitespace: nothing to clean
  if (raw === '' || !SPECIAL.test(raw)) return { text: raw, artefacts: NO_ARTEFACTS };
  const artefacts: Artefact[] = [];
  let s = unescapeMarkdown(raw);
  if ((s.indexOf('<') >= 0 || s.indexOf('&') >= 0) && hasHtml(s)) {
    s = htmlToText(s);
    artefacts.push('html');
  }
  const latex = cleanLatex(s);
  if (latex.changed) {
    s = latex.text;
    artefacts.push('latex');
  }
  if (s.indexOf('**') >= 0) {
    s = s.split('**').join('');
    artefacts.push('bold');
  }
  return { text: normalizeSpaces(s), artefacts };
}
