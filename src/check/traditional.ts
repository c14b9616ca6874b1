import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { documentOfLine, type CheckInput } from './common.js';
import { SIMPLIFIED, SIMPLIFIED_ONLY, TRADITIONAL } from './chardata.generated.js';

/**
 * Traditional characters inside simplified text (國 for 国, 們 for 们): the characters that
 * OpenCC's table lists as traditional only (not 乾, 於, 徵 …, which simplified text writes
 * too). The issue's own script decides: when traditional-only characters are as many as
 * simplified-only ones (the simplified forms of the same table), the issue is written in
 * traditional characters and nothing is reported. One anomaly per document (or per stretch
 * outside documents) with the characters and the lines they stand on. One pass over the
 * text, each character looked up in a table of the characters' kinds (linear).
 */

/**
 * Each UTF-16 code's kind (TRAD: traditional-only, SIMP: simplified-only), made from the
 * generated strings on first use (all their characters are in the BMP): one lookup per
 * character of the text, cheaper than a regular expression of a class of 2 900 characters.
 */
const TRAD = 1;
const SIMP = 2;
let kinds: Uint8Array | null = null;

function charKinds(): Uint8Array {
  if (kinds) return kinds;
  kinds = new Uint8Array(65536);
  for (let i = 0; i < TRADITIONAL.length; i++) kinds[TRADITIONAL.charCodeAt(i)] = TRAD;
  for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) kinds[SIMPLIFIED_ONLY.charCodeAt(i)] = SIMP;
  return kinds;
}

/** The simplified form of a traditional character (the last the table gives it). */
const simplifiedOf = (c: string): string => SIMPLIFIED[TRADITIONAL.lastIndexOf(c)]!;

interface Hit {
  line: number;
  column: number;
  char: string;
}

/** At most this many places listed in one message. */
const MAX_LISTED = 20;

export function checkTraditional(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const kind = charKinds();
  // One scan of the whole text; the lines of the (rare) hits are found afterwards.
  const text = input.text();
  const hits: Hit[] = [];
  let ln = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (kind[text.charCodeAt(i)] !== TRAD) continue;
    while (ln < lines.length && lineStart + lines.get(ln - 1)!.length < i) lineStart += lines.get(ln++ - 1)!.length + 1;
    hits.push({ line: ln, column: i - lineStart + 1, char: text[i]! });
  }
  if (hits.length === 0) return [];
  // An issue written in traditional characters: its traditional characters are no error.
  // Its simplified-only characters are counted until they outnumber the traditional ones.
  let simplified = 0;
  for (let i = 0; i < text.length && simplified <= hits.length; i++) if (kind[text.charCodeAt(i)] === SIMP) simplified++;
  if (hits.length >= simplified) return [];
  return report(input, hits);
}

/** One anomaly per document (or per stretch of lines outside documents) holding hits. */
function report(input: CheckInput, hits: Hit[]): Anomaly[] {
  const docOf = documentOfLine(input.documents, input.lines.length);
  const out: Anomaly[] = [];
  let start = 0;
  for (let k = 1; k <= hits.length; k++) {
    if (k < hits.length && docOf.get(hits[k]!.line) === docOf.get(hits[start]!.line)) continue;
    const group = hits.slice(start, k);
    start = k;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const documentId = docOf.get(first.line);
    const chars = [...new Set(group.map((h) => h.char))].map((c) => `${c}→${simplifiedOf(c)}`);
    const lines = [...new Set(group.map((h) => h.line))];
    const listed = lines.length > MAX_LISTED ? `${lines.slice(0, MAX_LISTED).join(', ')} …` : lines.join(', ');
    out.push(
      anomaly('TRADITIONAL_CHARACTER', {
        message: `${group.length} traditional character${group.length > 1 ? 's' : ''} in simplified text: ${chars.join(' ')} (line${lines.length > 1 ? 's' : ''} ${listed})`,
        line: first.line,
        column: first.column,
        endLine: last.line,
        evidence: input.lines.get(first.line - 1)!,
        ...(documentId !== undefined ? { documentId } : {}),
      }),
    );
  }
  return out;
}
