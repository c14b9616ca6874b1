/**
 * U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR. JavaScript counts them as line
 * terminators (`.` does not match them), but editors, grep, wc and the gazettes' converters
 * do not break a line there: read as breaks, every line number after them would differ from
 * what a person sees in the file. They are read as spaces instead — one code unit for one,
 * so lines and columns stay those of the file — and each line holding one is reported.
 */
import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import type { Result } from '../model/result.js';
import { excerpt } from './text.js';

const SEPARATOR = /[\u2028\u2029]/g;
const BREAK = /\r\n?|\n/g;

export function unicodeSeparators(text: string): Result<string> {
  if (!text.includes('\u2028') && !text.includes('\u2029')) return { value: text, anomalies: [] };
  const anomalies: Anomaly[] = [];
  // the line breaks as splitLines counts them (LF, CRLF, lone CR), found once each: linear
  const nextBreak = (from: number): { at: number; end: number } => {
    BREAK.lastIndex = from;
    const b = BREAK.exec(text);
    return b ? { at: b.index, end: b.index + b[0].length } : { at: text.length, end: text.length };
  };
  let line = 1;
  let start = 0;
  let brk = nextBreak(0);
  let onLine = 0;
  const report = (): void => {
    const s = text.slice(start, brk.at);
    const column = s.search(SEPARATOR) + 1;
    const names = [...new Set(s.match(SEPARATOR)!.map((c) => (c === '\u2028' ? 'U+2028 LINE SEPARATOR' : 'U+2029 PARAGRAPH SEPARATOR')))];
    anomalies.push(
      anomaly('INPUT_LINE_SEPARATOR', {
        message: `${names.join(' and ')} read as a space (${onLine} on this line): editors and grep do not break a line there, so line numbers stay those of the file`,
        line,
        column,
        evidence: excerpt(s.replace(SEPARATOR, ' '), column),
      }),
    );
  };
  for (const m of text.matchAll(SEPARATOR)) {
    if (m.index >= brk.at) {
      if (onLine) report();
      while (m.index >= brk.at) {
        line++;
        start = brk.end;
        brk = nextBreak(start);
      }
      onLine = 0;
    }
    onLine++;
  }
  if (onLine) report();
  return { value: text.replace(SEPARATOR, ' '), anomalies };
}
