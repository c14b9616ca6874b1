/**
 * Input readers: each turns one form of gazette text into the one line/block model the
 * core and the features read (pandoc's readers → one AST). The model keeps line numbers
 * 1:1 with the original file: a reader returns exactly one line per original line, with
 * page furniture (running heads, page numbers, image references) and markup the core must
 * not see blanked or stripped, plus **blocks**: structures the reader has already read (an
 * HTML `<table>` on one line) that the features merge with what they find in the lines.
 * So no record's `line` ever needs remapping.
 *
 * Readers: `text` (the converter text of the sample: pipe tables, plain lines) and
 * `markdown` (converter Markdown as MinerU, marker or docling write it: `#` headings, HTML
 * tables, running heads, image references) and `pdftotext` (poppler's pdftotext, with or
 * without -layout: form feeds, page furniture, wrapped TOC entries, column-aligned tables). `pickReader` detects the form from the
 * content unless `--from` names one.
 */
import type { Result } from '../model/result.js';
import type { Reader, ReaderName, Reading } from './reading.js';
import { textReader } from './reader-text.js';
import { markdownReader } from './reader-markdown.js';
import { pdftotextReader } from './reader-pdftotext.js';

export type { Block, BlockCell, BlockRow, Reader, ReaderName, Reading, TableBlock } from './reading.js';
export { READER_NAMES } from './reading.js';

export const READERS: readonly Reader[] = [textReader, markdownReader, pdftotextReader];

/** The reader named by `from`, else the one most confident about `text` (text on a tie). */
export function pickReader(text: string, from?: ReaderName): Reader {
  if (from) return READERS.find((r) => r.name === from)!;
  let best: Reader = textReader;
  let score = textReader.sniff(text);
  for (const r of READERS) {
    if (r === textReader) continue;
    const s = r.sniff(text);
    if (s > score) {
      best = r;
      score = s;
    }
  }
  return best;
}

/** Reads `text` with the reader `from` names or detects. */
export function readText(text: string, from?: ReaderName): Result<Reading> {
  return pickReader(text, from).read(text);
}
