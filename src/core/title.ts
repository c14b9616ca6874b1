import { removeCjkSpaces, squash } from '../read/text.js';

/**
 * Cleans a title: lines joined, spaces between CJK characters (where the printed title
 * wrapped) removed — unless the table of contents writes the same space, or it stands
 * inside quotation marks.
 */
export function cleanTitle(lines: readonly string[], tocRaw: string | null): string {
  const joined = squash(lines.join(' '));
  const tocSquashed = tocRaw ? squash(tocRaw) : '';
  // Quote depth before the space run at `index`: counted on from where the last call stopped.
  let quote = 0;
  let scanned = 0;
  return removeCjkSpaces(joined, (before, after, index) => {
    for (; scanned < index; scanned++) {
      const ch = joined[scanned];
      if (ch === '“' || ch === '「') quote++;
      else if ((ch === '”' || ch === '」') && quote > 0) quote--;
    }
    if (quote > 0) return true;
    if (!tocSquashed) return false;
    const probe = `${before.slice(-2)} ${after.slice(0, 2)}`;
    return tocSquashed.includes(probe);
  });
}
