/**
 * The one line/block model every input reader gives (readers.ts lists the readers): the
 * lines the core reads, 1:1 with the original file, and the blocks the reader has already
 * read. Types only.
 */
import type { Result } from '../model/result.js';
import type { SourceLines } from './lines.js';

/** One cell of a table block: like the pipe scanner's raw cell, with its place in the original file. */
export interface BlockCell {
  /** The cell's source text (inner HTML for an HTML cell), trimmed; '' for a spanned position. */
  text: string;
  /** 1-based line of the original file. */
  line: number;
  /** 1-based UTF-16 column of the first character of `text` in the original line. */
  column: number;
  /** Offset of the first character in the reader's text (`src.text`). */
  offset: number;
  /**
   * A grid position covered by a `rowspan`/`colspan` of another cell (`from`: its row and
   * column in the block's grid, header = row 0). The tables feature reads it as the empty
   * cell a pipe table has there and fills it as it fills merged cells.
   */
  spanned?: { row: number; column: number };
}

export interface BlockRow {
  line: number;
  cells: BlockCell[];
}

/** A table the reader has read (an HTML `<table>`, pipe rows without a delimiter row). */
export interface TableBlock {
  kind: 'table';
  /** How it was written: `html` (one-line `<table>`), `pipes` (pipe rows, no |---| row) or `columns` (space-aligned columns: pdftotext). */
  form: 'html' | 'pipes' | 'columns';
  startLine: number;
  endLine: number;
  header: BlockRow;
  rows: BlockRow[];
}

export type Block = TableBlock;

/** What a reader gives: the lines the core reads, the blocks it read, and what it noticed. */
export interface Reading {
  reader: ReaderName;
  src: SourceLines;
  blocks: Block[];
}

export type ReaderName = 'text' | 'markdown' | 'pdftotext';
export const READER_NAMES: readonly ReaderName[] = ['text', 'markdown', 'pdftotext'];

export interface Reader {
  name: ReaderName;
  /** How sure the reader is that the text is its form: 0 (not at all) … 1 (certain). */
  sniff(text: string): number;
  read(text: string): Result<Reading>;
}
