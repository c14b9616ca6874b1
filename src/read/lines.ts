import { Lines } from '../model/lines.js';

export { forceLineMode, LIST_MAX_LINES, LIST_MIN_AVERAGE, Lines } from '../model/lines.js';

/**
 * Text split into lines: `lines.get(n - 1)` is line n; `offsets[n - 1]` its offset in `text`
 * (LF-normalised).
 */
export interface SourceLines {
  text: string;
  lines: Lines;
  offsets: Int32Array;
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

export function splitLines(raw: string, materialise?: boolean): SourceLines {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  const lines = Lines.fromText(text, materialise);
  return { text, lines, offsets: lines.starts.subarray(0, lines.length) };
}

/** The source of lines a reader made itself (its text is theirs joined with LF). */
export function sourceOf(list: readonly string[], removed?: Uint8Array): SourceLines {
  const lines = Lines.of(list, removed);
  return { text: lines.text, lines, offsets: lines.starts.subarray(0, lines.length), ...(removed ? { removed } : {}) };
}
