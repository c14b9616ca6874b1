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
   * What an input reader did to each line: 1, blanked (page furniture, an image reference:
   * stages that count blank lines — a title's distance from its date line — skip it); 2,
   * read into a block (an HTML table: the line holds its cells' text between pipes, and the
   * table comes from the block); 3, blanked because its text was joined into a line above
   * (a wrapped TOC entry, title or paragraph: not a page break); 4, kept, the first line of
   * a block of text (a title whose lines the reader joined: the core takes no line above
   * it into the title). Absent for plain text.
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
