/**
 * Appointments written as sentences in a personnel document: `任命王某为区某局副局长（试用期一年）；`,
 * `免去李某的区某中心主任职务`, `免去其区某局副局长职务` (其: the person just named). Only a
 * clause whose person is a valid name gives a record; the rest is left alone.
 */
import type { Action } from './common.js';
import { compactName, isName, splitName, startsPosition } from './names.js';
import { stripMarkup } from './positions.js';

export interface SentenceAct {
  action: Action;
  nameRaw: string;
  position: string;
  /** 1-based column of the action word. */
  column: number;
}

const APPOINT = ['任命', '聘任', '提名'];
const REMOVE = ['免去'];
const CLAUSE_END = new Set(['；', ';', '。', '，', ',']);
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);

/** Clauses at bracket depth 0, with their start index. */
function clauses(s: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = s[i];
    if (c !== undefined && OPEN.has(c)) depth++;
    else if (c !== undefined && CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (c === undefined || (depth === 0 && CLAUSE_END.has(c))) {
      out.push({ text: s.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

function firstWord(s: string, words: readonly string[]): { at: number; word: string } | null {
  let best: { at: number; word: string } | null = null;
  for (const w of words) {
    const at = s.indexOf(w);
    if (at >= 0 && (!best || at < best.at)) best = { at, word: w };
  }
  return best;
}

/** Name at the start of a removal's object: 李某的…, 李 某 区…, 李某区… (the rest starts like a post). */
function leadingName(s: string): { nameRaw: string; rest: string } | null {
  const de = s.indexOf('的');
  if (de > 0 && isName(compactName(s.slice(0, de)))) return { nameRaw: s.slice(0, de).trim(), rest: s.slice(de + 1) };
  const sp = splitName(s);
  if (sp.name !== null && sp.rest) return { nameRaw: sp.nameRaw!, rest: sp.rest };
  for (const len of [3, 2, 4]) {
    const name = s.slice(0, len);
    if (isName(name) && startsPosition(s.slice(len))) return { nameRaw: name, rest: s.slice(len) };
  }
  return null;
}

export function sentenceActs(line: string): SentenceAct[] {
  const s = stripMarkup(line);
  const out: SentenceAct[] = [];
  let last: string | null = null;
  for (const c of clauses(s)) {
    const ap = firstWord(c.text, APPOINT);
    const rm = firstWord(c.text, REMOVE);
    const hit = ap && (!rm || ap.at < rm.at) ? { ...ap, action: 'appoint' as const } : rm ? { ...rm, action: 'remove' as const } : null;
    if (!hit) continue;
    let after = c.text.slice(hit.at + hit.word.length);
    while (after && (after[0] === '：' || after[0] === ':' || after[0] === ' ' || after[0] === '\u3000')) after = after.slice(1);
    const column = c.start + hit.at + 1;
    if (hit.action === 'appoint') {
      const wei = after.indexOf('为');
      if (wei <= 0) continue;
      const position = after.slice(wei + 1).trim();
      const names = after.slice(0, wei).split('、');
      if (!position || !names.every((n) => isName(compactName(n)))) continue;
      for (const n of names) out.push({ action: 'appoint', nameRaw: n.trim(), position, column });
      last = compactName(names[names.length - 1]!);
    } else {
      if (after.startsWith('其')) {
        if (last === null) continue;
        out.push({ action: 'remove', nameRaw: last, position: after.slice(1).trim(), column });
        continue;
      }
      const ln = leadingName(after);
      if (!ln || !ln.rest.trim()) continue;
      out.push({ action: 'remove', nameRaw: ln.nameRaw, position: ln.rest.trim(), column });
      last = compactName(ln.nameRaw);
    }
  }
  return out;
}
