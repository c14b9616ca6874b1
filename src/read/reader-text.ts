/**
 * The text reader: the converter text of the sample (plain lines, GFM pipe tables) is the
 * model itself — its lines as they are, no blocks. Pipe tables, with or without their
 * |---| row, are found by the tables feature's scanner.
 */
import { ok } from '../model/result.js';
import { splitLines } from './lines.js';
import type { Reader } from './reading.js';

export const textReader: Reader = {
  name: 'text',
  // The fallback: any text can be read line by line.
  sniff: () => 0.1,
  read: (text) => ok({ reader: 'text', src: splitLines(text), blocks: [] }),
};
