/**
 * File names made from text (titles, 文号, table ids): safe on every file system.
 * No path separators or `..`, no control characters or characters Windows refuses, no
 * reserved device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9), no trailing dot or space,
 * bounded length in UTF-8 bytes (cut at a character boundary), never empty.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function cutBytes(s: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

const ELLIPSIS = '…';
/** Where a cut title may end: after a separator, a clause mark or a particle (的, 和 …). */
const BREAK_AFTER = /[-_,，、；;：:的和与及之]/;

/**
 * A name longer than `max` bytes, cut where a word ends — after a separator, a clause mark
 * or a particle, when one lies in the last third — and marked with `…`, so that a cut
 * title never reads as a whole (…提案的答 looked like a word).
 */
function cutName(s: string, max: number): string {
  if (Buffer.byteLength(s, 'utf8') <= max) return s;
  const head = Array.from(cutBytes(s, max - Buffer.byteLength(ELLIPSIS, 'utf8')));
  let end = head.length;
  for (let i = head.length; i > Math.floor((head.length * 2) / 3); i--) {
    if (BREAK_AFTER.test(head[i - 1]!)) {
      end = i;
      break;
    }
  }
  const kept = head
    .slice(0, end)
    .join('')
    .replace(/[-_. ]+$/g, '');
  return kept === '' ? cutBytes(s, max) : kept + ELLIPSIS;
}

/** One safe name segment (no extension handling: pass the stem, add the extension after). */
export function safeName(raw: string, maxBytes = 100): string {
  let s = raw
    .normalize('NFC')
    // Bidi controls (embeddings, overrides, isolates, marks) would show `…‮gnp.exe` as `…exe.png`: removed.
    .replace(BIDI, '')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u200b-\u200f\u2028\u2029\ufeff]+/g, '-')
    // Lone surrogates: stored as U+FFFD, two different names would collide on disk.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-. ]+$/g, '');
  s = cutName(s, maxBytes).replace(/[-. ]+$/g, '');
  if (s === '' || /^\.+$/.test(s)) s = 'untitled';
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/**
 * Safe names for siblings in one folder, unique also where the file system ignores case:
 * a repeated name gets -2, -3 … (within the byte bound).
 */
export function uniqueNames(raws: readonly string[], maxBytes = 100): string[] {
  const used = new Set<string>();
  // Per base, the next suffix to try: the smaller ones are taken (names are only added), so
  // many identical titles stay linear.
  const nextK = new Map<string, number>();
  return raws.map((raw) => {
    const base = safeName(raw, maxBytes);
    let name = base;
    let k = nextK.get(base.toLowerCase()) ?? 2;
    if (used.has(name.toLowerCase())) {
      for (; ; k++) {
        const suffix = `-${k}`;
        name = `${cutBytes(base, maxBytes - suffix.length).replace(/[-. ]+$/g, '')}${suffix}`;
        if (!used.has(name.toLowerCase())) break;
      }
      nextK.set(base.toLowerCase(), k + 1);
    }
    used.add(name.toLowerCase());
    return name;
  });
}
