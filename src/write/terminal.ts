/**
 * Text from the input shown on a terminal: control characters (C0 but tab and, when kept,
 * LF; DEL; C1) and bidi controls are written escaped (`\x1b`, `\u202e`), so an issue or a
 * file name holding `ESC ]0;…BEL` cannot retitle, clear or recolour the terminal, and
 * U+202E cannot reverse what is shown.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEP_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const UNSAFE_ANY = new RegExp(UNSAFE.source);

/** Whether `s` holds a character `termSafe` escapes (most text holds none). */
export function hasUnsafe(s: string): boolean {
  return UNSAFE_ANY.test(s);
}

function escapeChar(ch: string): string {
  const c = ch.charCodeAt(0);
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/** `s` with its control and bidi characters escaped; `keepNewlines` keeps LF as a line break. */
export function termSafe(s: string, keepNewlines = false): string {
  return s.replace(keepNewlines ? UNSAFE_KEEP_LF : UNSAFE, escapeChar);
}
