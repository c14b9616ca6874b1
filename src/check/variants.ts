import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { documentOfLine, type CheckInput } from './common.js';
import { findDocNumbers, type DocNumberMatch } from '../core/patterns.js';
import { checkLookalikeNames, type Candidate } from './lookalike.js';
import type { Lines } from '../model/lines.js';

/**
 * Rare spellings of names: a place, body or unit name written once or twice that differs
 * by one character from a name written often in the same issue (某径镇 once, 某泾镇 twenty
 * times). Names are found generically, as two to four Han characters before a word that
 * ends names (镇, 街道, 路, 园区, 中心, 局, 委 …); no list of real names is involved. A rare
 * spelling must stand on its own wherever it occurs — after punctuation, a space, a table
 * bar or the start of a line — so that its first character is the first character of a
 * name and not a word of the running text before it (a variant inside 某区某径镇 is
 * therefore not looked at: 区 may end a level or begin 区域).
 *
 * Work is bounded: the name endings are found by a lookup of each character and candidates
 * are counted in one pass (at most MAX_CANDIDATES distinct ones); rare ones are paired with frequent ones
 * through a hashed neighbourhood (the name with one character blanked out); the context
 * counts that decide are taken in one more pass over the text.
 */

const NAME_ENDS = [
  '街道',
  '园区',
  '中心',
  '医院',
  '学校',
  '大学',
  '小区',
  '新村',
  '公司',
  '集团',
  '泵闸',
  '水闸',
  '公园',
  '大厦',
  '广场',
  '镇',
  '路',
  '局',
  '委',
  '办',
  '馆',
  '村',
  '港',
  '河',
  '浜',
];
const MIN_STEM = 2;
const MAX_STEM = 4;
/**
 * The name endings by their first character's UTF-16 code, in NAME_ENDS's order (the endings
 * of two characters first): ENDS_OF[code] is 1 + the index in ENDS_LISTS of the endings the
 * character begins, 0 when it begins none (passed over by one lookup).
 */
const ENDS_OF = new Uint8Array(65536);
const ENDS_LISTS: string[][] = [];
for (const e of NAME_ENDS) {
  const c = e.charCodeAt(0);
  if (ENDS_OF[c] === 0) ENDS_OF[c] = ENDS_LISTS.push([]);
  ENDS_LISTS[ENDS_OF[c]! - 1]!.push(e);
}
/** The endings of two characters, and of one, by their text (for stemLength). */
const ENDS_OF_TWO = new Set(NAME_ENDS.filter((e) => e.length === 2));
const ENDS_OF_ONE = new Set(NAME_ENDS.filter((e) => e.length === 1));
/** A character of the basic CJK block (what may stand before a name ending). */
const cjkBasic = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/** The name ending at `p` of `s` after MIN_STEM (2) characters of the basic CJK block, or undefined. */
export function nameEndAt(s: string, p: number): string | undefined {
  const k = ENDS_OF[s.charCodeAt(p)];
  if (!(k! > 0) || !cjkBasic(s.charCodeAt(p - 1)) || !cjkBasic(s.charCodeAt(p - 2))) return undefined;
  for (const e of ENDS_LISTS[k! - 1]!) if (s.startsWith(e, p)) return e;
  return undefined;
}
/** Words that do not stand inside a name: a stem holding one is running text. */
const NOT_IN_NAME = new Uint8Array(65536);
for (const ch of '的和与及在对为是了等由向从把将以按并或其该本我各每此有无不也都就要被给于至') NOT_IN_NAME[ch.charCodeAt(0)] = 1;

/** A Han character (BMP) by its UTF-16 code. */
function hanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** A character that may stand in the stem of a name. */
function nameChar(c: number): boolean {
  return hanCode(c) && NOT_IN_NAME[c] !== 1;
}
/** A change between two of these makes two different names (区/市, 东/西, 一/二 …), not a typo. */
const DISTINCT = [
  new Set(Array.from('区市县省镇乡村国部厅局委办处科街')),
  new Set(Array.from('东西南北中上下前后左右内外大小新老')),
  new Set(Array.from('〇零一二三四五六七八九十百千万两第')),
  new Set(Array.from('公民私国集个')),
];
/**
 * Endings of government bodies (市教育局, 区民政局, 区府办): their short stems (教育, 体育,
 * 民政, 财政 …) are a dense set in which a one-character neighbour is another body, not a
 * typo, so a rare one is looked at only when its distinctive stem has three characters.
 */
const BODY_ENDS = new Set(['局', '委', '办', '厅', '部']);
/** Verbs ending in 办 (一网通办, 代办, 承办): 办 there is no office, the word no name. */
const VERB_BAN = new Uint8Array(65536);
for (const ch of '通代承督交主协转即快帮领包兼查立好难照操举创开合经首专掌速秒网') VERB_BAN[ch.charCodeAt(0)] = 1;
/** A one-character ending that begins a longer word here (国务委员, 办法, 路径): no name ends there. */
const ENDING_IN_WORD = new Set([
  '委员',
  '委托',
  '办法',
  '办理',
  '办事',
  '办学',
  '办好',
  '局面',
  '局势',
  '局限',
  '路径',
  '路线',
  '路面',
  '村民',
  '河道',
  '河湖',
  '馆藏',
  '港口',
]);
/** The second characters of ENDING_IN_WORD: a one-character ending before none of them begins no word. */
const IN_WORD_SECOND = new Uint8Array(65536);
for (const w of ENDING_IN_WORD) IN_WORD_SECOND[w.charCodeAt(1)] = 1;
/** Administrative levels that may begin a name (区府办): not its distinctive part. */
const LEVEL = new Uint8Array(65536);
for (const ch of '区市县省') LEVEL[ch.charCodeAt(0)] = 1;
const MAX_CANDIDATES = 200_000;
const RARE_MAX = 2;
const FREQUENT_MIN = 3;
const RATIO = 3;
/**
 * The changed character with a neighbour may occur elsewhere at most this many times per
 * occurrence of the rare name: a typo's spelling is (nearly) confined to the typo, while
 * two real names (体育局 / 教育局) each have words of their own (体育, 教育) in the text.
 */
const RARE_CONTEXT = 2;
const MAX_REPORTS = 200;
/** Frequent names sharing one neighbourhood beyond which it is ignored. */
const MAX_NEIGHBOURS = 16;

/** Places kept per candidate (NAME_LOOKALIKE lists up to this many of a rare spelling). */
const MAX_AT = 8;

function distinctPair(a: string, b: string): boolean {
  return DISTINCT.some((set) => set.has(a) && set.has(b));
}

interface Pair {
  rare: string;
  frequent: string;
  /** Index of the character that differs. */
  i: number;
  /** The changed character with each neighbour, in the rare name. */
  bigrams: string[];
}

/**
 * NAME_VARIANT: a name written once or twice that differs by one character from a name
 * written often. Four steps, each linear in the text: candidate names, frequent names
 * indexed by their stem with one character blanked, rare–frequent pairs, and the pairs whose
 * changed character stands (nearly) nowhere else with its neighbours.
 */
export function checkNameVariants(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const cands = nameCandidates(lines);
  const pairs = variantPairs(cands, neighbourhoods(cands));
  const reported = pairs.length === 0 ? new Map<string, Anomaly>() : reportPairs(input, cands, pairs, bigramCounts(input, pairs));
  // look-alike and dropped characters in longer names (lookalike.ts), where NAME_VARIANT said nothing
  return [...reported.values(), ...checkLookalikeNames(input, cands, stemLength, new Set(reported.keys()))];
}

/** Every name ending (局, 办, 中心 …) with its stems of MIN_STEM..MAX_STEM name characters, counted. */
function nameCandidates(lines: Lines): Map<string, Candidate> {
  const cands = new Map<string, Candidate>();
  const starts = lines.starts;
  for (let ln = 1; ln <= lines.length; ln++) {
    // (names are CJK: ASCII lines are jumped over)
    if ((ln = lines.skipAscii(ln)) > lines.length) break;
    // line ln is text[a, b) of the lines' text, read there (no line string is made)
    const a = starts[ln - 1]!;
    const b = starts[ln]! - 1;
    if (b - a > MIN_STEM) lineCandidates(lines, ln, a, b, cands);
  }
  return cands;
}

/**
 * The candidates of line `ln` (text[a, b) of the lines' text) into `cands`: name endings after
 * two Han characters, left to right without overlapping (a character that begins no ending is
 * passed over by one table lookup), each with its stems.
 */
function lineCandidates(lines: Lines, ln: number, a: number, b: number, cands: Map<string, Candidate>): void {
  const text = lines.text;
  // 文号 (包府办发〔2022〕43号) hold issuer codes, not names: their spans are skipped (found
  // at the line's first name ending: most lines have none)
  let numbers: readonly DocNumberMatch[] | null = null;
  let nx = 0; // the first 文号 not wholly before the current name ending (both run left to right)
  for (let at = a + MIN_STEM; at < b; at++) {
    const end = nameEndAt(text, at);
    if (end === undefined) continue;
    const p = at;
    const stop = p + end.length;
    at = stop - 1; // the next ending is looked for after this one
    if (end === '办' && VERB_BAN[text.charCodeAt(p - 1)] === 1) continue;
    if (end.length === 1 && stop < b && IN_WORD_SECOND[text.charCodeAt(stop)] === 1 && ENDING_IN_WORD.has(text.slice(p, stop + 1)))
      continue;
    numbers ??= findDocNumbers(lines.get(ln - 1)!);
    while (nx < numbers.length && a + numbers[nx]!.index + numbers[nx]!.raw.length <= p) nx++;
    if (nx < numbers.length && stop > a + numbers[nx]!.index) continue;
    for (let k = 1; k <= MAX_STEM && p - k >= a; k++) {
      if (!nameChar(text.charCodeAt(p - k))) break;
      if (k < MIN_STEM) continue;
      const name = text.slice(p - k, stop);
      let c = cands.get(name);
      if (!c) {
        if (cands.size >= MAX_CANDIDATES) continue;
        c = { count: 0, free: 0, at: [] };
        cands.set(name, c);
      }
      c.count++;
      if (p - k === a || !hanCode(text.charCodeAt(p - k - 1))) c.free++;
      if (c.at.length < MAX_AT) c.at.push([ln, p - k - a]);
    }
  }
}

/**
 * Frequent names, indexed by their stem with one character blanked out; `hashes` marks the
 * blankedHash of every key, so that a rare name's key is built and looked up only when a
 * frequent name may share it.
 */
interface Neighbourhoods {
  lists: Map<string, string[]>;
  hashes: Uint8Array;
}

function neighbourhoods(cands: ReadonlyMap<string, Candidate>): Neighbourhoods {
  const lists = new Map<string, string[]>();
  const hashes = new Uint8Array(BLANKED_HASHES);
  // forEach rather than for…of over entries: no iterator protocol nor [key, value] array
  // per candidate (this runs before V8 optimises anything, where those cost most).
  cands.forEach((c, name) => {
    if (c.count < FREQUENT_MIN || c.free === 0) return;
    const stemLen = stemLength(name);
    for (let i = levelPrefix(name); i < stemLen; i++) {
      hashes[blankedHash(name, i)] = 1;
      const key = blanked(name, i);
      const list = lists.get(key);
      // A neighbourhood shared by many frequent names is no evidence of a typo (and would
      // make the pairing quadratic): it is dropped.
      if (!list) lists.set(key, [name]);
      else if (list.length <= MAX_NEIGHBOURS) list.push(name);
    }
  });
  return { lists, hashes };
}

/** A name with its character `i` blanked out (the key of a neighbourhood). */
const blanked = (name: string, i: number): string => `${name.slice(0, i)}\u0000${name.slice(i + 1)}`;
const BLANKED_HASHES = 1 << 16;
/** A hash of blanked(name, i) below BLANKED_HASHES, computed from the characters (no string is made). */
function blankedHash(name: string, i: number): number {
  let h = name.length;
  for (let k = 0; k < name.length; k++) h = (h * 31 + (k === i ? 0 : name.charCodeAt(k))) & 0xfffffff;
  return h & (BLANKED_HASHES - 1);
}

/** Rare names and the frequent names one character away from them. */
function variantPairs(cands: ReadonlyMap<string, Candidate>, hood: Neighbourhoods): Pair[] {
  const pairs: Pair[] = [];
  let enough = false;
  cands.forEach((c, name) => {
    if (enough || c.count > RARE_MAX || c.free < c.count) return;
    const stemLen = stemLength(name);
    // The distinctive part of the stem (after a leading 区/市 …) must be two characters at least.
    if (stemLen - levelPrefix(name) < (BODY_ENDS.has(name[name.length - 1]!) ? 3 : 2)) return;
    for (let i = levelPrefix(name); i < stemLen; i++) {
      if (hood.hashes[blankedHash(name, i)] !== 1) continue;
      const list = hood.lists.get(blanked(name, i));
      if (!list || list.length > MAX_NEIGHBOURS) continue;
      for (const f of list) {
        const fc = cands.get(f)!.count;
        if (fc < RATIO * c.count || distinctPair(name[i]!, f[i]!) || stemLength(f) - levelPrefix(f) < 2) continue;
        const bigrams: string[] = [];
        if (i > levelPrefix(name)) bigrams.push(name.slice(i - 1, i + 1));
        if (i + 1 < name.length) bigrams.push(name.slice(i, i + 2));
        pairs.push({ rare: name, frequent: f, i, bigrams });
      }
    }
    if (pairs.length >= MAX_REPORTS * 4) enough = true;
  });
  return pairs;
}

/** How often the changed character stands with its neighbours anywhere in the text, by bigram key. */
function bigramCounts(input: CheckInput, pairs: readonly Pair[]): Map<number, number> {
  const lines = input.lines;
  const want = new Set<number>();
  const firsts = new Uint8Array(65536);
  for (const p of pairs) {
    for (const b of p.bigrams) {
      want.add(bigramKey(b));
      firsts[b.charCodeAt(0)] = 1;
    }
  }
  const counts = new Map<number, number>();
  if (want.size <= 64) {
    // Few: count each with indexOf (native) over the text.
    const text = input.text();
    for (const key of want) {
      const b = String.fromCharCode(Math.floor(key / 65536), key % 65536);
      let n = 0;
      for (let i = text.indexOf(b); i >= 0; i = text.indexOf(b, i + 1)) n++;
      counts.set(key, n);
    }
    return counts;
  }
  for (let ln = 0; ln < lines.length; ln++) {
    const s = lines.get(ln)!;
    for (let i = 0; i + 1 < s.length; i++) {
      const c = s.charCodeAt(i);
      if (firsts[c] !== 1) continue;
      const key = c * 65536 + s.charCodeAt(i + 1);
      if (want.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

const bigramKey = (b: string): number => b.charCodeAt(0) * 65536 + b.charCodeAt(1);

/** One anomaly per place of a rare name whose changed character is (nearly) confined to it. */
function reportPairs(
  input: CheckInput,
  cands: ReadonlyMap<string, Candidate>,
  pairs: Pair[],
  bigrams: ReadonlyMap<number, number>,
): Map<string, Anomaly> {
  const { lines } = input;
  const countOf = (b: string): number => bigrams.get(bigramKey(b)) ?? 0;
  const docOf = documentOfLine(input.documents, lines.length);
  const reported = new Map<string, Anomaly>();
  const sorted = pairs.sort((a, b) => a.rare.length - b.rare.length || cands.get(b.frequent)!.count - cands.get(a.frequent)!.count);
  for (const p of sorted) {
    const c = cands.get(p.rare)!;
    if (!p.bigrams.some((b) => countOf(b) <= RARE_CONTEXT * c.count)) continue;
    const fc = cands.get(p.frequent)!.count;
    for (const [ln, col] of c.at.slice(0, RARE_MAX)) {
      const key = `${ln}:${col + p.i}`;
      if (reported.has(key)) continue;
      const documentId = docOf.get(ln);
      reported.set(
        key,
        anomaly('NAME_VARIANT', {
          message: `«${p.rare}» (${c.count}×) differs by one character from «${p.frequent}» (${fc}×) in this issue`,
          line: ln,
          column: col + 1,
          evidence: lines.get(ln - 1)!,
          ...(documentId !== undefined ? { documentId } : {}),
        }),
      );
      if (reported.size >= MAX_REPORTS) break;
    }
    if (reported.size >= MAX_REPORTS) break;
  }
  return reported;
}

/** Number of leading administrative-level characters (区, 市 …) of a name. */
function levelPrefix(name: string): number {
  let i = 0;
  while (i < name.length - 1 && LEVEL[name.charCodeAt(i)] === 1) i++;
  return i;
}

/**
 * Length of the stem of a candidate name (the part before its name ending): the first of
 * NAME_ENDS it ends with (those of two characters come first), looked up by its last two
 * characters, then its last one.
 */
function stemLength(name: string): number {
  if (ENDS_OF_TWO.has(name.slice(-2))) return name.length - 2;
  if (ENDS_OF_ONE.has(name.slice(-1))) return name.length - 1;
  return 0;
}
