/**
 * Space character references a converter left undecoded: `&nbsp;`, `&nbsp` without its
 * semicolon (which browsers read too), `&ensp;`, `&emsp;`, `&thinsp;`, `&#160;`, `&#12288;`,
 * `&#xa0;`, `&#x3000;`. HTML-to-text converters decode them, but not always (pandoc leaves an
 * `&nbsp` with no semicolon before a Chinese character, as in `组&nbsp&nbsp&nbsp&nbsp长：`),
 * and a label such as `组 &nbsp长：` is then no label: the members listed under it are lost.
 * Each reference is read as spaces, as many as its characters, so that lines and columns stay
 * those of the file; the input is reported once, with the count and the lines.
 */
import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import type { Result } from '../model/result.js';
import { excerpt, lineList } from './text.js';

const SPACE_REFERENCE = /&(?:nbsp;?|ensp;|emsp;|thinsp;|#160;|#12288;|#x0*a0;|#x0*3000;)/gi;

export function htmlSpaces(text: string): Result<string> {
  if (!text.includes('&')) return { value: text, anomalies: [] };
  let count = 0;
  const lines: number[] = [];
  let line = 1;
  let at = 0; // where line breaks are counted from
  let first: { index: number; lineStart: number } | null = null;
  let lineStart = 0;
  const value = text.replace(SPACE_REFERENCE, (ref: string, index: number) => {
    // the line breaks before the reference (LF, CRLF, lone CR), counted once: linear
    for (; at < index; at++) {
      const c = text.charCodeAt(at);
      if (c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10)) {
        line++;
        lineStart = at + 1;
      }
    }
    count++;
    if (lines[lines.length - 1] !== line) lines.push(line);
    first ??= { index, lineStart };
    return ' '.repeat(ref.length);
  });
  if (first === null) return { value: text, anomalies: [] };
  const { index, lineStart: start } = first;
  let end = value.indexOf('\n', start);
  if (end < 0) end = value.length;
  const column = index - start + 1;
  const found: Anomaly = anomaly('INPUT_HTML_SPACE', {
    message: `${count === 1 ? 'an HTML space reference (&nbsp; …) a converter left' : `${count} HTML space references (&nbsp; …) a converter left`} undecoded, read as spaces: ${lineList(lines)}`,
    line: lines[0]!,
    column,
    evidence: excerpt(value.slice(start, end).replace(/\r$/, ''), column),
  });
  if (lines.length > 1) found.endLine = lines[lines.length - 1]!;
  return { value, anomalies: [found] };
}
