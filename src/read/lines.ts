/**
 * Text split into lines. CRLF and lone CR count as one line break each, so line numbers
 * (1-based) are those of the original file whatever its line endings. `lines[n - 1]` is
 * line n; `offsets[n - 1]` is its offset in `text` (LF-normalised).
 */
export interface SourceLines {
  text: string;
  lines: string[];
  offsets: number[];
  /**
   * Lines an input reader blanked (1): page furniture, image references, HTML tables it
   * read into blocks. Absent for plain text. They are blank in `lines`; stages that count
   * blank lines (a title's distance from its date line) skip them.
   */
  removed?: Uint8Array;
}

export function splitLines(raw: string): SourceLines {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const offsets = new Array<number>(lines.length);
  let off = 0;
  for (let i = 0; i < lines.length; i++) {
    offsets[i] = off;
    off += lines[i]!.length + 1;
  }
  return { text, lines, offsets };
}
