import { termSafe } from '../write/terminal.js';

/**
 * Writes a message to stderr with the control characters it may carry from the input (a
 * file name, a title, an error quoting the text) escaped: messages never drive the terminal.
 */
export function say(message: string): void {
  process.stderr.write(termSafe(message, true));
}
