import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { isTableRow } from '../core/patterns.js';
import { documentOfLine, type CheckInput } from './common.js';
import { eachLineWith } from '../model/lines.js';

interface Found {
  index: number;
  kind: string;
  text: string;
}

const HTML =
  /<\/?(?:p|br|span|div|sup|sub|b|i|u|s|em|strong|font|table|thead|tbody|tr|td|th|img|a|ul|ol|li|h[1-6]|hr|center)(?:\s[^<>]{0,200})?\s*\/?>/i;
const LATEX_CMD = /\\[a-zA-Z]{2,}|\\[%$&#_{}]/;
const LATEX_MATH = /\$[^$\n]{1,80}\$/;
const HEADING = /^\s{0,3}#{1,6}\s/;

/** A character every piece of markup findMarkup finds holds. */
const MARKUP_CHAR = /[*<\\$#]/g;

/** The first piece of conversion markup in a line, or null. All patterns are bounded. */
export function findMarkup(line: string): Found | null {
  const hits: Found[] = [];
  const bold = line.indexOf('**');
  if (bold >= 0) hits.push({ index: bold, kind: 'bold marks', text: '**' });
  if (line.includes('<')) {
    const m = HTML.exec(line);
    if (m) hits.push({ index: m.index, kind: 'HTML tag', text: m[0] });
  }
  if (line.includes('\\')) {
    const m = LATEX_CMD.exec(line);
    if (m) hits.push({ index: m.index, kind: 'LaTeX', text: m[0] });
  }
  if (line.includes('$')) {
    const m = LATEX_MATH.exec(line);
    if (m && /[\\^_{}]/.test(m[0])) hits.push({ index: m.index, kind: 'LaTeX math', text: m[0] });
  }
  if (line.includes('#')) {
    const m = HEADING.exec(line);
    if (m) hits.push({ index: m[0].indexOf('#'), kind: 'Markdown heading mark', text: m[0].trim() });
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a.index - b.index);
  return hits[0]!;
}

/** Conversion markup (** , HTML tags, LaTeX, # headings) in lines outside tables. */
export function checkMarkup(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const out: Anomaly[] = [];
  const docOf = documentOfLine(input.documents, lines.length);
  // (lines without a character markup starts with are never read)
  eachLineWith(lines, MARKUP_CHAR, (ln, line) => {
    if (isTableRow(line)) return;
    const f = findMarkup(line);
    if (!f) return;
    const documentId = docOf.get(ln);
    out.push(
      anomaly('STRAY_MARKUP', {
        message: `${f.kind} ${f.text} outside a table`,
        line: ln,
        column: f.index + 1,
        evidence: line,
        ...(documentId !== undefined ? { documentId } : {}),
      }),
    );
  });
  return out;
}
