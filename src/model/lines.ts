/**
 * The lines of a text, made on demand. `get(n - 1)` is line n (1-based line numbers are
 * those of the original file: CRLF and lone CR count as one line break each); `starts[n - 1]`
 * is where it starts in the LF-normalised text, and `starts[length]` one past the end of the
 * last line's line break (as if the text ended with one).
 *
 * An ordinary text keeps its lines as a string array, read as fast as an array. A text of
 * millions of very short lines (`yes` output: 100 M lines of one character) does not: a
 * JavaScript array costs 8 bytes a line, and 100 M of them cannot be made within the memory
 * budget, so such a text keeps only `starts` (4 bytes a line) and a line is sliced from the
 * text when read. One class for both, so every caller's call site sees one shape.
 */
export class Lines {
  /** How many lines. */
  readonly length: number;
  /** Where each line starts in the text, and at `length` one past the last line's break. */
  readonly starts: Int32Array;
  /** The text the lines are of (LF line breaks). */
  readonly text: string;
  private readonly list: readonly string[] | null;
  /**
   * What the input reader did to each line (`SourceLines.removed`), of which 1 marks the page
   * furniture it blanked (a running head, a page number: the mark of a page break); null for
   * plain text and text without furniture.
   */
  readonly furniture: Uint8Array | null;
  /** Lines skipFrom … skipEnd - 1 hold no match of skipRe (the last answer of nextWith). */
  private skipRe: RegExp | null = null;
  private skipFrom = -1;
  private skipEnd = -1;

  private constructor(text: string, starts: Int32Array, list: readonly string[] | null, furniture: Uint8Array | null = null) {
    this.text = text;
    this.starts = starts;
    this.length = starts.length - 1;
    this.list = list;
    this.furniture = furniture;
  }

  /** Whether line `i` (0-based) was page furniture an input reader blanked. */
  isFurniture(i: number): boolean {
    return this.furniture !== null && this.furniture[i] === 1;
  }

  /** Line `i` (0-based), undefined past either end, like an array's element. */
  get(i: number): string | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const list = this.list;
    if (list !== null) return list[i];
    return this.text.slice(this.starts[i], this.starts[i + 1]! - 1);
  }

  /** Lines `from` to `to` (0-based, `to` excluded, both clamped to 0 … length) as an array. */
  slice(from = 0, to = this.length): string[] {
    const a = Math.max(0, Math.min(from, this.length));
    const b = Math.max(a, Math.min(to, this.length));
    if (this.list !== null) return this.list.slice(a, b);
    const out: string[] = [];
    for (let i = a; i < b; i++) out.push(this.get(i)!);
    return out;
  }

  /**
   * The first line at or after `i` that may hold a character past ASCII (no CJK character
   * stands on the lines between): stages that look only at lines holding CJK text jump over
   * the rest. A text kept as an array answers `i` (its lines are read one by one as before);
   * a text of millions of tiny lines finds it by one native search of the text.
   */
  nextNonAscii(i: number): number {
    return this.nextWith(i, NON_ASCII);
  }

  /**
   * The first line at or after `i` that may hold a match of `re` (global, one character
   * class: a match never spans a line break), for a stage that looks only at such lines;
   * the lines jumped over hold none. `i` for a text kept as an array.
   */
  nextWith(i: number, re: RegExp): number {
    if (this.list !== null || i >= this.length) return i;
    if (re === this.skipRe && i >= this.skipFrom && i <= this.skipEnd) return this.skipEnd;
    re.lastIndex = this.starts[i]!;
    const m = re.exec(this.text);
    let to = this.length;
    if (m !== null) {
      // the line holding m.index: the last whose start is at or before it
      let lo = i;
      let hi = this.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.starts[mid]! <= m.index) lo = mid;
        else hi = mid - 1;
      }
      to = lo;
    }
    this.skipRe = re;
    this.skipFrom = i;
    this.skipEnd = to;
    return to;
  }

  /**
   * The line (1-based) to look at next from line `ln` on, for a stage that looks only at
   * lines holding a match of `re` and at the `before` lines above each.
   */
  skipTo(ln: number, re: RegExp, before = 0): number {
    const k = this.nextWith(ln - 1, re) + 1 - before;
    return k > ln ? k : ln;
  }

  /**
   * The line (1-based) to look at next from line `ln` on, for a stage that looks only at
   * lines holding text past ASCII (CJK) and at the `before` lines above each: the lines
   * jumped over hold only ASCII. `ln` itself for a text kept as an array.
   */
  skipAscii(ln: number, before = 0): number {
    return this.skipTo(ln, NON_ASCII, before);
  }

  /** Whether lines `from` to `to` (0-based, `to` excluded) hold nothing but white space. */
  blank(from: number, to: number): boolean {
    if (to > this.length) to = this.length;
    if (from >= to) return true;
    NON_BLANK.lastIndex = this.starts[from]!;
    const m = NON_BLANK.exec(this.text);
    return m === null || m.index >= this.starts[to]!;
  }

  /** Whether the lines are kept as an array (an ordinary text) or sliced when read. */
  get materialised(): boolean {
    return this.list !== null;
  }

  /**
   * The lines of an LF-normalised text. `materialise` forces one way (tests); by default a
   * text keeps its array when it has at most LIST_MAX_LINES lines or an average line of at
   * least LIST_MIN_AVERAGE code units (then the array costs a small part of the text).
   */
  static fromText(text: string, materialise: boolean | undefined = forced): Lines {
    const n = text.length;
    let count = 1 + countLf(text);
    // A final line break ends the last line; it does not open an empty one (but an empty text has one line).
    const final = n > 0 && text.charCodeAt(n - 1) === 10;
    if (final) count--;
    const starts = new Int32Array(count + 1);
    let k = 1;
    // Lines of some length are found by a native search each, tiny ones by a loop over the characters.
    if (n >= SHORT_LINE * count) for (let i = text.indexOf('\n'); i >= 0 && k < count; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
    else for (let i = 0; i < n && k < count; i++) if (text.charCodeAt(i) === 10) starts[k++] = i + 1;
    starts[count] = final ? n : n + 1;
    const keep = materialise ?? (count <= LIST_MAX_LINES || n >= LIST_MIN_AVERAGE * count);
    if (!keep) return new Lines(text, starts, null);
    const list = text.split('\n');
    if (list.length > count) list.length = count;
    return new Lines(text, starts, list);
  }

  /**
   * Lines a reader made itself (one per line of the file); `starts` are those of
   * `list.join('\n')`. `removed`: what the reader did to each line (1: blanked as page furniture).
   */
  static of(list: readonly string[], removed?: Uint8Array): Lines {
    const starts = new Int32Array(list.length + 1);
    let off = 0;
    for (let i = 0; i < list.length; i++) {
      starts[i] = off;
      off += list[i]!.length + 1;
    }
    starts[list.length] = off;
    const furniture = removed !== undefined && removed.includes(1) ? removed : null;
    return new Lines(list.join('\n'), starts, list, furniture);
  }
}

/**
 * Lines averaging fewer code units than this are tiny: a native search for each line break
 * (6 times faster than a loop over the characters on the sample, whose lines average 40)
 * costs more than that loop there (1.5 times as much on `yes` output).
 */
const SHORT_LINE = 8;

/**
 * How many LF a text holds: by a native search for each while the lines prove long enough, by
 * a loop over the characters once they prove tiny (checked every 4 096 lines).
 */
function countLf(text: string): number {
  let count = 0;
  let i = text.indexOf('\n');
  for (; i >= 0; i = text.indexOf('\n', i + 1)) {
    count++;
    if ((count & 4095) === 0 && i < SHORT_LINE * count) break;
  }
  if (i < 0) return count;
  for (let j = i + 1; j < text.length; j++) if (text.charCodeAt(j) === 10) count++;
  return count;
}

/**
 * Calls `f(ln, line)` for each line (1-based, in order) holding a match of `re`: a global
 * regular expression whose matches never span a line break (a character class). One native
 * search of the whole text from each line holding a match to the start of the next line:
 * the lines without one are never read (most lines, for a rare character). Linear in the text.
 */
export function eachLineWith(lines: Lines, re: RegExp, f: (ln: number, line: string) => void): void {
  const { text, starts } = lines;
  let i = 0; // 0-based line of the last match
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    while (starts[i + 1]! <= m.index) i++;
    if (i >= lines.length) break;
    f(i + 1, lines.get(i)!);
    if (i + 1 >= lines.length) break;
    re.lastIndex = starts[i + 1]!;
  }
}

/**
 * The lines holding one of a few short strings (`needles`, none holding a line break), for a
 * pass that reads only such lines of each document in turn: `next(i)` is the first line at or
 * after `i` that holds one. Each needle is found by String indexOf over the whole text (a
 * native search several times faster than a regular expression's character class, and than
 * reading the lines one by one), and its place is kept: queries that move forward (document
 * after document) search the text once per needle in all, however many documents hold none;
 * a query behind a kept place searches again from there. It searches whether the lines are
 * kept as an array or not (unlike `Lines.nextWith`).
 */
export class LineFinder {
  private readonly lines: Lines;
  private readonly needles: readonly string[];
  /** Where each needle was last searched from, and where it was found then (the text's length: nowhere). */
  private readonly from: Int32Array;
  private readonly found: Int32Array;

  constructor(lines: Lines, needles: readonly string[]) {
    this.lines = lines;
    this.needles = needles;
    this.from = new Int32Array(needles.length).fill(lines.text.length + 1);
    this.found = new Int32Array(needles.length);
  }

  /** The first line (0-based) at or after `i` holding a needle; `lines.length` when none does. */
  next(i: number): number {
    const { lines, needles, from, found } = this;
    if (i >= lines.length) return lines.length;
    const text = lines.text;
    const starts = lines.starts;
    const s = starts[i]!;
    let best = text.length;
    for (let j = 0; j < needles.length; j++) {
      // the kept place answers when no text between `s` and it was left unsearched
      if (s < from[j]! || s > found[j]!) {
        const at = text.indexOf(needles[j]!, s);
        from[j] = s;
        found[j] = at < 0 ? text.length : at;
      }
      if (found[j]! < best) best = found[j]!;
    }
    if (best >= text.length) return lines.length;
    // the line holding `best`: the last whose start is at or before it
    let lo = i;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= best) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The line (1-based) to read next from line `ln` on: the first at or after it holding a needle. */
  skip(ln: number): number {
    return this.next(ln - 1) + 1;
  }
}

const NON_ASCII = /[^\x00-\x7f]/g;
const NON_BLANK = /\S/g;

/** The way every text keeps its lines, when a test forces one (undefined: by its size). */
let forced: boolean | undefined;

/** Tests: every text keeps its lines as an array (true), sliced (false), or by its size (undefined). */
export function forceLineMode(materialise: boolean | undefined): void {
  forced = materialise;
}

/** Up to this many lines a text keeps them as an array whatever their length. */
export const LIST_MAX_LINES = 1 << 18;
/** A text whose lines average at least this many code units keeps them as an array. */
export const LIST_MIN_AVERAGE = 8;
