/** Helpers shared by the appointment and roster extractors. */
import type { Table, TableCell } from '../../model/table.js';
import type { SourceLines } from '../../read/lines.js';
import { isTableRow } from '../../core/patterns.js';
import { compactName, isName, splitName, titleSuffixLength } from './names.js';
import { parsePositions, peelTrailing, stripMarkup } from './positions.js';
import { APPOINT_WORDS, REMOVE_WORDS, ROLE_SET } from './vocab.js';

export type Action = 'appoint' | 'remove';

/** Text without spaces and Markdown/table markup: `姓 名**免 去 职 务**` → 姓名免去职务. */
const MARKUP_OR_SPACE = /[\s*_|#\u00a0]/;

/** What compact drops (one native replace, not a string built character by character). */
const COMPACT_DROP = /[ \t\u3000\u00a0*_|#]/g;
export function compact(s: string): string {
  if (!MARKUP_OR_SPACE.test(s)) return s;
  return s.replace(COMPACT_DROP, '');
}

/** Actions named in a header text, in the order written (任命 … 免去 …). */
export function actionsIn(text: string): Action[] {
  const c = compact(text);
  const found: Array<{ at: number; action: Action }> = [];
  for (const w of APPOINT_WORDS) {
    const at = c.indexOf(w);
    if (at >= 0) found.push({ at, action: 'appoint' });
  }
  for (const w of REMOVE_WORDS) {
    const at = c.indexOf(w);
    if (at >= 0) found.push({ at, action: 'remove' });
  }
  found.sort((a, b) => a.at - b.at);
  const out: Action[] = [];
  for (const f of found) if (out[out.length - 1] !== f.action) out.push(f.action);
  return out;
}

const SENTENCE_PUNCT = /[。，；！？“”]/;

/** True when a line reads like running text rather than a list entry or header. */
export function isSentence(s: string): boolean {
  return SENTENCE_PUNCT.test(s);
}

/** The words a list header may hold besides its actions, in the order headerLineActions takes them out. */
const HEADER_WORDS: readonly string[] = ['姓名', '职务', '名单', '人员', '如下', '事项', '同志', '的', ...APPOINT_WORDS, ...REMOVE_WORDS];

/**
 * A list header standing on its own line: short, no sentence punctuation, naming an
 * action (`任 命`, `免去职务：`, `姓 名**免 去 职 务**`). Returns its actions, or [].
 */
export function headerLineActions(s: string): Action[] {
  // Cheap checks first: this runs on every line of a document.
  if (
    s.length > 60 ||
    (s.indexOf('任') < 0 && s.indexOf('免') < 0 && s.indexOf('聘') < 0 && s.indexOf('提') < 0 && s.indexOf('解') < 0 && s.indexOf('撤') < 0)
  )
    return [];
  const k = compact(s);
  // one colon at the end dropped (looked at in place: a regular expression ending in $ is tried at every position)
  const last = k.charCodeAt(k.length - 1);
  const c = last === 0x3a /* : */ || last === 0xff1a /* ： */ ? k.slice(0, -1) : k;
  if (c.length === 0 || c.length > 16 || isSentence(c)) return [];
  const actions = actionsIn(c);
  if (actions.length === 0) return [];
  // Nothing but header words may stand on the line (姓名, 职务, 名单, 人员, the actions),
  // each taken out in turn.
  let rest = c;
  for (const w of HEADER_WORDS) if (rest.indexOf(w) >= 0) rest = rest.replaceAll(w, '');
  return rest.length <= 2 ? actions : [];
}

/** The nearest non-blank line above `line` (at most `maxUp` lines up, not below `floor`), or null. */
export function lineAbove(src: SourceLines, line: number, floor: number, maxUp = 4): { text: string; line: number } | null {
  for (let k = line - 1; k >= floor && k >= line - maxUp; k--) {
    const t = src.lines.get(k - 1)!;
    if (t.trim() === '') continue;
    if (isTableRow(t)) return null;
    return { text: t, line: k };
  }
  return null;
}

/** True when only blank lines stand between two lines (exclusive). */
export function onlyBlankBetween(src: SourceLines, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (src.lines.get(k - 1)!.trim() !== '') return false;
  return true;
}

/** A cell's text, or '' when the table reader filled it from the cell above (a merged cell). */
export function own(cell: TableCell | undefined): { text: string; raw: string } {
  if (!cell || cell.filled) return { text: '', raw: '' };
  return { text: cell.text, raw: cell.raw };
}

/** Index of the column holding names: header 姓名, else the column most of whose cells are names. */
export function nameColumn(table: Table): number {
  const byHeader = table.columns.findIndex((c) => compact(c.nameRaw).includes('姓名'));
  if (byHeader >= 0) return byHeader;
  let best = -1;
  let bestShare = 0;
  for (let c = 0; c < table.columns.length; c++) {
    let filled = 0;
    let names = 0;
    for (let ri = 0; ri < table.rows.length && filled < 40; ri++) {
      const r = table.rows[ri]!;
      if (r.kind !== 'data') continue;
      const t = own(r.cells[c]).raw;
      if (!t) continue;
      filled++;
      if (isName(compactName(t))) names++;
    }
    const share = filled ? names / filled : 0;
    if (filled > 0 && share > bestShare) {
      best = c;
      bestShare = share;
    }
  }
  return bestShare >= 0.6 ? best : -1;
}

/** Index of a column whose filled cells are mostly roles (组长, 成员 …), or -1. */
export function roleColumn(table: Table): number {
  for (let c = 0; c < table.columns.length; c++) {
    let filled = 0;
    let roles = 0;
    for (const r of table.rows) {
      if (r.kind !== 'data') continue;
      const t = compact(own(r.cells[c]).text).replace(/[:：]$/, '');
      if (!t) continue;
      filled++;
      if (ROLE_SET.has(t)) roles++;
    }
    if (filled > 0 && roles / filled >= 0.6) return c;
  }
  return -1;
}

/** Drops a leading list marker: `1.`, `1、`, `(1)`, `（一）`, `- `, `• `. */
export function stripListMarker(s: string): string {
  let t = s.trim();
  if (t.startsWith('- ') || t.startsWith('• ') || t.startsWith('* ')) return t.slice(2).trim();
  let i = 0;
  const open = t[0] === '(' || t[0] === '（';
  if (open) i = 1;
  const digitsStart = i;
  while (i < t.length && ((t[i]! >= '0' && t[i]! <= '9') || '一二三四五六七八九十'.includes(t[i]!))) i++;
  if (i === digitsStart || i > digitsStart + 3) return t;
  const c = t[i];
  if (open ? c === ')' || c === '）' : c === '.' || c === '、' || c === '．' || c === ')' || c === '）') return t.slice(i + 1).trim();
  return t;
}

/** Lines that end a list rather than continue it. */
const NOT_ENTRY = ['特此', '附件', '抄送', '联系人', '联系电话', '注：', '注:', '说明', '今后'];

/** True for a plain line that can be an entry of a list: a name and/or a position, no sentence. */
export function entryOf(text: string): { nameRaw: string; position: string; column: number } | null {
  const t = stripListMarker(stripMarkup(text));
  if (t === '' || isSentence(t) || t.length > 80) return null;
  for (const w of NOT_ENTRY) if (t.startsWith(w)) return null;
  const s = splitName(t);
  const offset = text.indexOf(t[0]!);
  if (s.name !== null) return { nameRaw: s.nameRaw!, position: s.rest, column: offset + 1 };
  if (titleSuffixLength(peelTrailing(compact(t)).core) > 0) return { nameRaw: '', position: t, column: offset + 1 };
  return null;
}

/**
 * True when most filled cells of the given columns hold a post with a known title (区某局副局长):
 * a table of names and figures or places is not a people list.
 */
export function mostlyPosts(table: Table, columns: readonly number[]): boolean {
  let filled = 0;
  let posts = 0;
  for (let ri = 0; ri < table.rows.length && filled < 40; ri++) {
    const r = table.rows[ri]!;
    if (r.kind !== 'data') continue;
    for (const c of columns) {
      const t = own(r.cells[c]).text;
      if (!t) continue;
      filled++;
      if (parsePositions(t).positions.some((p) => p.title !== null)) posts++;
    }
  }
  return filled > 0 && posts / filled >= 0.5;
}
