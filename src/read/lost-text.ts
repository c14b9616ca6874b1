/**
 * Anomalies about text lost on its way here: bytes that did not decode (one anomaly per
 * damaged place, with its offset in the file) and U+FFFD already in the text (a character a
 * converter lost). Read after the reader, so lines and columns are those of the file.
 */
import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import type { Damage } from './decode.js';
import type { SourceLines } from './lines.js';
import { excerpt } from './text.js';

export function lostText(src: SourceLines, encoding: string, damage: readonly Damage[], damaged: number): Anomaly[] {
  const out: Anomaly[] = [];
  // Damaged bytes: one anomaly per place, with its offset in the file.
  const decoded = new Set<string>();
  for (const p of damage) {
    for (let k = 0; k < p.chars; k++) decoded.add(`${p.line}:${p.column + k}`);
    out.push(damagedBytes(src, encoding, p));
  }
  if (damaged > damage.length) {
    const last = damage[damage.length - 1]!;
    out.push(
      anomaly('INPUT_DAMAGED_BYTES', {
        message: `${damaged - damage.length} more damaged places after this one were decoded as U+FFFD and are not listed`,
        line: last.line,
        column: last.column,
        evidence: excerpt(src.lines.get(last.line - 1) ?? '', last.column),
      }),
    );
  }
  if (!src.text.includes('\ufffd')) return out;
  for (let i = 0; i < src.lines.length; i++) {
    let col = src.lines.get(i)!.indexOf('\ufffd');
    // U+FFFD the decoder put in for damaged bytes is reported above.
    while (col >= 0 && decoded.has(`${i + 1}:${col + 1}`)) col = src.lines.get(i)!.indexOf('\ufffd', col + 1);
    if (col >= 0)
      out.push(
        anomaly('INPUT_REPLACEMENT_CHARACTER', {
          message: 'replacement character U+FFFD: a character was lost in conversion',
          line: i + 1,
          column: col + 1,
          evidence: excerpt(src.lines.get(i)!, col + 1),
        }),
      );
  }
  return out;
}

function damagedBytes(src: SourceLines, encoding: string, p: Damage): Anomaly {
  const hex = p.bytes.map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
  const what =
    p.length === 1 && p.bytes[0] === 0 ? 'NUL byte' : `${p.length === 1 ? 'a byte' : `${p.length} bytes`} not valid in ${encoding}`;
  return anomaly('INPUT_DAMAGED_BYTES', {
    message: `${what} (${hex}${p.length > 4 ? ' …' : ''}) at byte offset ${p.offset}: decoded as ${p.chars === 1 ? 'U+FFFD' : `${p.chars} × U+FFFD`}`,
    line: p.line,
    column: p.column,
    evidence: excerpt(src.lines.get(p.line - 1) ?? '', p.column),
  });
}
