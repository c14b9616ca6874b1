import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { documentOfLine, type CheckInput, type DocumentOf } from './common.js';
import { LOOKALIKE_GROUPS } from './chardata.generated.js';
import type { Lines } from '../model/lines.js';

/**
 * Misspelt names of bodies and places, beyond NAME_VARIANT's one or two rare places:
 * - NAME_LOOKALIKE: a name written a few times with one character changed to a look-alike
 *   (a table of 形近字: 城/域, 己/已, 末/未 …) against a spelling written far more often;
 * - NAME_CHARACTER_DROPPED: a name written with and without a joining 和/与/及 (交通和港口
 *   管理局 / 交通港口管理局).
 * Look-alikes are looked for among NAME_VARIANT's candidate names (two to four name
 * characters before a word that ends names: 中心, 局, 办, 镇, 街道, 公司 …), each counted at every
 * stem length, so a name is found whatever running text stands before it. Joined names are
 * found by a regular expression (a joining word between name characters, then a name ending
 * within a few characters), and both forms are counted in one more scan of the text.
 *
 * Linear: the look-alikes of each frequent name (few) are looked up among the candidates (a
 * hash map); the joined names are found at the joining words (one native search for each
 * word), and both of their forms counted together in one scan (namePlaces); no name is
 * compared with every other.
 */

const ENDS = [
  '委员会',
  '办公室',
  '领导小组',
  '政府',
  '街道',
  '园区',
  '中心',
  '医院',
  '学校',
  '公司',
  '集团',
  '小区',
  '新村',
  '镇',
  '局',
  '委',
  '办',
  '所',
  '站',
  '馆',
  '院',
];
/**
 * Two to four characters, a joining word, then two to six and a name ending (lazy: the nearest
 * ending). Sticky: it is tried only where a joining word allows a match to start (JoinedMatches).
 */
const JOINED_AT = new RegExp(`[\\u4e00-\\u9fff]{2,4}[和与及暨][\\u4e00-\\u9fff]{2,6}?(?:${ENDS.join('|')})`, 'y');
const JOINER_CHARS = ['和', '与', '及', '暨'];
const BEGINS_ENDING = new Uint8Array(65536);
for (const e of ENDS) BEGINS_ENDING[e.charCodeAt(0)] = 1;
/** Words that do not stand inside a name: a part holding one is running text. */
const NOT_IN_NAME = new Set(Array.from('的了在对为是等由向从把将以按并或其该本我各每此有无不也都就要被给于至和与及暨'));
const LEVEL_START = new Set(Array.from('区市县省镇乡'));
const GOVERNMENT_BEFORE = new Set(Array.from('民区市县省镇乡州旗盟'));
/** A change between two of these makes two different names (区/市, 东/西, 一/二 …), not a typo. */
const DISTINCT = [
  new Set(Array.from('区市县省镇乡村')),
  new Set(Array.from('东西南北中上下前后左右内外大小')),
  new Set(Array.from('〇零一二三四五六七八九十')),
];

/**
 * The look-alikes of a character: the other characters of each vendored group holding it, in
 * the groups' order (undefined when none). Found on first use by searching the groups' string
 * (a few native searches), not by building a table of every character each run.
 */
const partners = new Map<number, string | undefined>();
export function lookalikesOf(ch: string): string | undefined {
  return lookalikesOfCode(ch.charCodeAt(0));
}

/** lookalikesOf the character of UTF-16 code `c` (the groups hold no surrogates). */
function lookalikesOfCode(c: number): string | undefined {
  if (partners.has(c)) return partners.get(c);
  const ch = String.fromCharCode(c);
  let out: string | undefined;
  for (let at = LOOKALIKE_GROUPS.indexOf(ch); at >= 0; at = LOOKALIKE_GROUPS.indexOf(ch, at + 1)) {
    const start = LOOKALIKE_GROUPS.lastIndexOf('|', at) + 1;
    const bar = LOOKALIKE_GROUPS.indexOf('|', at);
    const g = LOOKALIKE_GROUPS.slice(start, bar < 0 ? LOOKALIKE_GROUPS.length : bar);
    const k = at - start;
    out = (out ?? '') + g.slice(0, k) + g.slice(k + 1);
  }
  partners.set(c, out);
  return out;
}

/** A rare spelling is written at most this many times … */
const RARE_MAX = 8;
/** … and the frequent one at least this many, and RATIO times as often. */
const FREQUENT_MIN = 3;
const RATIO = 3;
const MAX_REPORTS = 50;
const MAX_JOINED = 2000;

/** A candidate name of NAME_VARIANT (variants.ts), counted. */
export interface Candidate {
  count: number;
  /** Occurrences that stand on their own (after punctuation, a space, a table bar …). */
  free: number;
  /** Where it stands (line, 0-based column), the first few times. */
  at: [number, number][];
}

interface Pair {
  code: 'NAME_LOOKALIKE' | 'NAME_CHARACTER_DROPPED';
  rare: string;
  frequent: string;
  /** Index in the rare name of the character that differs (or is extra, or before the gap). */
  i: number;
}

/** Frequent names and their look-alike spellings among the candidates. */
function lookalikePairs(cands: ReadonlyMap<string, Candidate>, stemLength: (name: string) => number): Pair[] {
  const pairs: Pair[] = [];
  // bit i of rareAt[code]: the character stands at index i (< 8) of a name rare enough; a
  // look-alike spelling is made and looked up only where a rare name may have it
  const rareAt = new Uint8Array(65536);
  cands.forEach((r, name) => {
    if (r.count <= RARE_MAX) for (let i = 0; i < name.length && i < 8; i++) rareAt[name.charCodeAt(i)]! |= 1 << i;
  });
  cands.forEach((f, name) => {
    if (f.count < FREQUENT_MIN) return;
    const stem = stemLength(name);
    for (let i = 0; i < stem; i++) {
      const alt = lookalikesOfCode(name.charCodeAt(i));
      if (alt === undefined) continue;
      for (let k = 0; k < alt.length; k++) {
        if (i < 8 && (rareAt[alt.charCodeAt(k)]! & (1 << i)) === 0) continue;
        const q = alt[k]!;
        const rare = name.slice(0, i) + q + name.slice(i + 1);
        const r = cands.get(rare);
        if (!r || r.count > RARE_MAX || f.count < RATIO * r.count) continue;
        if (DISTINCT.some((d) => d.has(q) && d.has(name[i]!))) continue;
        // a change at the first character of a name standing in running text (完成镇街道 /
        // 城镇街道) may be the end of the word before it: only names standing on their own count
        if (i === 0 && r.free < r.count) continue;
        pairs.push({ code: 'NAME_LOOKALIKE', rare, frequent: name, i });
      }
    }
  });
  return pairs;
}

/** Names holding a joining word (交通和港口管理局), with the index of the joining word: at most MAX_JOINED. */
function joinedNames(lines: Lines): Map<string, number> {
  const out = new Map<string, number>();
  const starts = lines.starts;
  // the matches in the whole text are those of its lines, as no match spans a line break
  const matches = new JoinedMatches(lines.text);
  let line = 0; // the line holding the match (both run forward)
  for (let m = matches.next(); m && out.size < MAX_JOINED; m = matches.next()) {
    while (starts[line + 1]! <= m.index) line++;
    // (lines shorter than seven characters are not looked at)
    if (starts[line + 1]! - 1 - starts[line]! < 7) continue;
    const t = m[0];
    let j = 2;
    while (!'和与及暨'.includes(t[j]!)) j++;
    // the name characters right before the joining word (running text before them is dropped)
    let from = j;
    while (from > 0 && !NOT_IN_NAME.has(t[from - 1]!)) from--;
    if (j - from < 2) continue;
    // from the name's level on (新区交通和… → 区交通和…)
    for (let k = j - 2; k > from; k--) if (LEVEL_START.has(t[k]!)) from = k;
    const end = ENDS.find((e) => t.endsWith(e))!;
    const right = t.slice(j + 1, t.length - end.length);
    if ([...right].some((c) => NOT_IN_NAME.has(c))) continue;
    if (end === '政府' && !GOVERNMENT_BEFORE.has(t[t.length - 3]!)) continue;
    if (beginsWithPlace(right)) continue;
    out.set(t.slice(from), j - from);
  }
  return out;
}

/**
 * Whether the part after a joining word begins with a place name (某省人民…, 某区民政…): a
 * level character after two characters at least, not ending a common word (社区, 园区, 城市 …).
 * The joining word then joins two bodies (专家组的建议和某省人民政府的要求), not the two halves
 * of one name.
 */
function beginsWithPlace(right: string): boolean {
  for (let k = 2; k < right.length; k++) if (LEVEL_START.has(right[k]!) && !IN_WORD_BEFORE_LEVEL.has(right[k - 1]!)) return true;
  return false;
}
/** Characters that make a word, not a place, with the level character after them (社区, 城市, 园区 …). */
const IN_WORD_BEFORE_LEVEL = new Set(Array.from('社园小景城辖郊矿山街'));

/**
 * The matches of JOINED_AT in a text, one by one, as a global search finds them (left to right
 * without overlap), but the expression is tried only at the starts a joining word allows. A
 * match holds a joining word two to four characters after its start, and a name ending begins
 * three to seven characters after that word; so only the joining words (found by a native
 * search for each of them) with the first character of an ending there are looked at, and the
 * (up to three) starts before each tried in order.
 */
export class JoinedMatches {
  private readonly s: string;
  /** The next place of each joining word, -1 when there is none. */
  private readonly at: number[];
  /** The lowest start not ruled out (tried without a match, or inside the last match). */
  private lo = 0;

  constructor(s: string) {
    this.s = s;
    this.at = JOINER_CHARS.map((ch) => s.indexOf(ch));
  }

  next(): RegExpExecArray | null {
    const { s, at } = this;
    for (;;) {
      // the nearest joining word
      let w = -1;
      for (let k = 0; k < at.length; k++) if (at[k]! >= 0 && (w < 0 || at[k]! < at[w]!)) w = k;
      if (w < 0) return null;
      const q = at[w]!;
      at[w] = s.indexOf(JOINER_CHARS[w]!, q + 1);
      if (q - 2 < this.lo || !endingWithin(s, q + 3, q + 7)) continue;
      for (let i = Math.max(this.lo, q - 4); i <= q - 2; i++) {
        JOINED_AT.lastIndex = i;
        const m = JOINED_AT.exec(s);
        if (m === null) continue;
        this.lo = i + m[0].length;
        return m;
      }
      this.lo = q - 1;
    }
  }
}

/** Whether a name ending's first character stands somewhere at positions `a` to `b` of `s`. */
function endingWithin(s: string, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (BEGINS_ENDING[s.charCodeAt(k)] === 1) return true;
  return false;
}

/**
 * Where each of `names` stands in `text` (the lines joined by \n; `starts` the offset of each
 * line), counted as String.indexOf finds them (left to right, without overlap), in one scan of
 * the text instead of one search of the whole text per name. The names are indexed by a hash
 * of their first KEY characters: where the KEY-th character from here stands among no name's
 * first KEY characters, no name starts at any of these KEY positions and the scan jumps past
 * them (one table lookup); at a position whose character begins no name, or whose next KEY
 * characters hash to no name's, it moves on by one; the names of a matching hash are tried. Names absent from the text, and names shorter than
 * KEY characters, are not in the answer.
 */
export function namePlaces(text: string, starts: ArrayLike<number>, names: readonly string[]): Map<string, Candidate> {
  const byKey = new Map<number, Found[]>();
  const begins = new Uint8Array(65536);
  const keys = new Uint8Array(KEY_HASHES);
  const inKey = new Uint8Array(65536);
  const seen = new Set<string>();
  for (const name of names) {
    if (name.length < KEY || seen.has(name)) continue;
    seen.add(name);
    const h = keyHash(name, 0);
    begins[name.charCodeAt(0)] = 1;
    for (let k = 0; k < KEY; k++) inKey[name.charCodeAt(k)] = 1;
    keys[h] = 1;
    const f: Found = { name, next: 0, places: null };
    const list = byKey.get(h);
    if (!list) byKey.set(h, [f]);
    else list.push(f);
  }
  const out = new Map<string, Candidate>();
  let line = 0; // the line holding position i (the scan only moves forward)
  for (let i = 0; i + KEY <= text.length; i++) {
    // a name starting at i … i + KEY - 1 has its character at i + KEY - 1 among its first KEY
    if (inKey[text.charCodeAt(i + KEY - 1)] !== 1) {
      i += KEY - 1;
      continue;
    }
    if (begins[text.charCodeAt(i)] !== 1) continue;
    const h = keyHash(text, i);
    if (keys[h] !== 1) continue;
    for (const f of byKey.get(h)!) {
      if (i < f.next || !text.startsWith(f.name, i)) continue;
      f.next = i + f.name.length;
      while (line + 1 < starts.length && starts[line + 1]! <= i) line++;
      if (f.places === null) out.set(f.name, (f.places = { count: 0, free: 0, at: [] }));
      f.places.count++;
      if (f.places.at.length < RARE_MAX) f.places.at.push([line + 1, i - starts[line]!]);
    }
  }
  return out;
}

/** A name looked for by namePlaces: where its last occurrence ends, and its places so far. */
interface Found {
  name: string;
  next: number;
  places: Candidate | null;
}
/** The characters namePlaces hashes (the shortest name it looks for: a joined name has five at least). */
const KEY = 4;
const KEY_HASHES = 1 << 16;
/** A hash of the KEY characters at `i` of `s` below KEY_HASHES (a small integer: no heap number as a map key). */
function keyHash(s: string, i: number): number {
  return (((s.charCodeAt(i) * 31 + s.charCodeAt(i + 1)) * 31 + s.charCodeAt(i + 2)) * 31 + s.charCodeAt(i + 3)) & (KEY_HASHES - 1);
}

/** Names written with and without a joining 和/与/及: the rarer form (or, when as frequent, the one that comes later). */
function droppedPairs(input: CheckInput): { pairs: Pair[]; places: Map<string, Candidate> } {
  const joined = joinedNames(input.lines);
  if (joined.size === 0) return { pairs: [], places: new Map() };
  // both forms of every joined name counted in one scan: the forms without the joining word
  // are mostly nowhere, the joined ones wherever they were found
  const forms: string[] = [];
  joined.forEach((j, w) => forms.push(w.slice(0, j) + w.slice(j + 1), w));
  const found = namePlaces(input.text(), input.lines.starts, forms);
  const places = new Map<string, Candidate>();
  const pairs: Pair[] = [];
  joined.forEach((j, w) => {
    const o = w.slice(0, j) + w.slice(j + 1);
    const co = found.get(o);
    const cw = found.get(w);
    if (!co || !cw) return;
    places.set(o, co);
    places.set(w, cw);
    const withRare = cw.count < co.count || (cw.count === co.count && later(cw, co));
    pairs.push(
      withRare
        ? { code: 'NAME_CHARACTER_DROPPED', rare: w, frequent: o, i: j }
        : { code: 'NAME_CHARACTER_DROPPED', rare: o, frequent: w, i: j - 1 },
    );
  });
  return { pairs, places };
}

/**
 * How well a pair's names read, lower is better: the change at the first character, a name
 * not beginning with its level (区, 市 …), length.
 */
function reads(p: Pair): number {
  return (p.i === 0 ? 100 : 0) + (LEVEL_START.has(p.rare[0]!) ? 0 : 50) + p.rare.length;
}

const later = (a: Candidate, b: Candidate): boolean =>
  a.at[0]![0] > b.at[0]![0] || (a.at[0]![0] === b.at[0]![0] && a.at[0]![1] > b.at[0]![1]);

/**
 * NAME_LOOKALIKE and NAME_CHARACTER_DROPPED, one anomaly per misspelt name (its count and
 * lines), most lopsided first. `cands` are NAME_VARIANT's candidate names; `taken` holds the
 * places (line:column of the changed character, 0-based column) NAME_VARIANT has reported.
 */
export function checkLookalikeNames(
  input: CheckInput,
  cands: ReadonlyMap<string, Candidate>,
  stemLength: (name: string) => number,
  taken: ReadonlySet<string> = new Set(),
): Anomaly[] {
  const dropped = droppedPairs(input);
  const pairs = [...lookalikePairs(cands, stemLength), ...dropped.pairs];
  if (pairs.length === 0) return [];
  const get = (p: Pair, name: string): Candidate => (p.code === 'NAME_LOOKALIKE' ? cands : dropped.places).get(name)!;
  // The same misspelling is found at several stem lengths: one pair per place, the name
  // that reads best (the change not at its first character, from its level 区/市 …, short).
  const best = new Map<string, Pair>();
  for (const p of pairs) {
    const [ln, col] = get(p, p.rare).at[0]!;
    const key = `${ln}:${col + p.i}`;
    const b = best.get(key);
    if (!b || reads(p) < reads(b)) best.set(key, p);
  }
  const ratio = (p: Pair): number => get(p, p.frequent).count / get(p, p.rare).count;
  const chosen = [...best.values()].sort((a, b) => ratio(b) - ratio(a));
  const docOf = documentOfLine(input.documents, input.lines.length);
  const seen = new Set(taken);
  const out: Anomaly[] = [];
  for (const p of chosen) {
    const r = get(p, p.rare);
    const places = r.at.map(([ln, col]) => `${ln}:${col + p.i}`);
    if (places.some((k) => seen.has(k))) continue;
    for (const k of places) seen.add(k);
    out.push(pairAnomaly(input, p, r, get(p, p.frequent), docOf));
    if (out.length >= MAX_REPORTS) break;
  }
  return out;
}

function pairAnomaly(input: CheckInput, p: Pair, r: Candidate, f: Candidate, docOf: DocumentOf): Anomaly {
  const [ln, col] = r.at[0]!;
  const last = r.at[r.at.length - 1]![0];
  const rl = [...new Set(r.at.map(([l]) => l))];
  const fl = [...new Set(f.at.map(([l]) => l))];
  const how =
    p.code === 'NAME_LOOKALIKE'
      ? `differs by the look-alike ${p.rare[p.i]}/${p.frequent[p.i]} from`
      : p.rare.length > p.frequent.length
        ? `has a ${p.rare[p.i]} that is not in`
        : `lacks the ${p.frequent[p.i + 1]} of`;
  const documentId = docOf.get(ln);
  // the frequent spelling's places too, when there are few (a name written once each way)
  const where = f.count <= 3 ? `, line${fl.length > 1 ? 's' : ''} ${fl.join(', ')}` : '';
  return anomaly(p.code, {
    message: `«${p.rare}» (${r.count}×, line${rl.length > 1 ? 's' : ''} ${rl.join(', ')}${r.count > rl.length && r.count > r.at.length ? ' …' : ''}) ${how} «${p.frequent}» (${f.count}×${where})`,
    line: ln,
    column: col + 1,
    endLine: last,
    evidence: input.lines.get(ln - 1)!,
    ...(documentId !== undefined ? { documentId } : {}),
  });
}
