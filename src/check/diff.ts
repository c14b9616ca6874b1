/**
 * A character-level diff of two short strings (titles), written the way `git diff
 * --word-diff` does: `[-removed-]{+added+}`, with unchanged text around each change cut to
 * a few characters. Common prefix and suffix are stripped first; the middle is compared
 * with an LCS table whose size is bounded, filled only in a band around its diagonal as wide
 * as the number of edits (traceLcs), so the cost stays small for any input: about the
 * length of the strings times the edits.
 */

import { tally } from '../model/work.js';

export interface DiffPart {
  op: 'same' | 'del' | 'add';
  text: string;
}

const MAX_CELLS = 250_000;
/** Value of a cell outside the band (no path through it). */
const OUTSIDE = -(1 << 29);

/** A string as its code points (a lone surrogate counts as one), with where each starts in the string. */
interface Points {
  s: string;
  cp: Int32Array;
  /** UTF-16 offset of each code point, and the string's length after the last. */
  at: Int32Array;
}

function points(s: string): Points {
  const cp = new Int32Array(s.length);
  const at = new Int32Array(s.length + 1);
  let n = 0;
  for (let i = 0; i < s.length; n++) {
    const c = s.codePointAt(i)!;
    cp[n] = c;
    at[n] = i;
    i += c > 0xffff ? 2 : 1;
  }
  at[n] = s.length;
  return { s, cp: cp.subarray(0, n), at: at.subarray(0, n + 1) };
}

export function diffChars(a: string, b: string): DiffPart[] {
  const A = points(a);
  const B = points(b);
  const na = A.cp.length;
  const nb = B.cp.length;
  let pre = 0;
  while (pre < na && pre < nb && A.cp[pre] === B.cp[pre]) pre++;
  let suf = 0;
  while (suf < na - pre && suf < nb - pre && A.cp[na - 1 - suf] === B.cp[nb - 1 - suf]) suf++;
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', a.slice(0, A.at[pre]));
  const n = na - pre - suf;
  const m = nb - pre - suf;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    push('del', a.slice(A.at[pre], A.at[na - suf]));
    push('add', b.slice(B.at[pre], B.at[nb - suf]));
  } else traceLcs(A, B, pre, n, m, push);
  push('same', a.slice(A.at[na - suf]));
  return parts;
}

/**
 * How many UTF-16 code units diffChars(a, b) marks deleted and added, without building the
 * diff when it need not: where the changed middles hold no surrogate pair, that is each
 * middle's length less their longest common subsequence, found by Myers' greedy algorithm
 * in (n + m) × the number of edits.
 */
export function diffSize(a: string, b: string): { del: number; add: number } {
  // common prefix and suffix by code unit; a surrogate left in a middle takes the long way
  let pre = 0;
  while (pre < a.length && pre < b.length && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  const ma = middle(a, pre, n);
  const mb = ma && middle(b, pre, m);
  if (!ma || !mb) return sizeOf(diffChars(a, b));
  if ((n + 1) * (m + 1) > MAX_CELLS) return { del: n, add: m };
  const l = lcsLength(ma, mb);
  return { del: n - l, add: m - l };
}

/** The code units s[from … from + n), or null when one is a surrogate. */
function middle(s: string, from: number, n: number): Int32Array | null {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(from + i);
    if (c >= 0xd800 && c <= 0xdfff) return null;
    out[i] = c;
  }
  return out;
}

/** The UTF-16 code units a diff deletes and adds. */
export function sizeOf(parts: readonly DiffPart[]): { del: number; add: number } {
  let del = 0;
  let add = 0;
  for (const p of parts) {
    if (p.op === 'del') del += p.text.length;
    else if (p.op === 'add') add += p.text.length;
  }
  return { del, add };
}

/**
 * The length of a longest common subsequence of a and b (Myers 1986: the furthest point
 * reached on each diagonal k = x − y with d edits, d = 0, 1, …, until (n, m)).
 */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  const m = b.length;
  const off = m + 1;
  const v = new Int32Array(n + m + 3).fill(-1); // v[off + k]: furthest x on diagonal k, -1 if none
  let steps = 0;
  for (let d = 0; ; d++) {
    const lo = d > m ? -m + ((d - m) & 1) : -d;
    const hi = d > n ? n - ((d - n) & 1) : d;
    for (let k = lo; k <= hi; k += 2) {
      let x = d === 0 ? 0 : -1;
      if (d > 0) {
        const down = v[off + k + 1]!; // one more character of b: x stays
        const right = v[off + k - 1]!; // one more character of a: x + 1
        if (k < n && down >= 0 && down - k <= m) x = down;
        if (k > -m && right >= 0 && right < n && right + 1 > x) x = right + 1;
      }
      if (x >= 0) {
        let y = x - k;
        const x0 = x;
        while (x < n && y < m && a[x] === b[y]) {
          x++;
          y++;
        }
        steps += x - x0 + 1;
        if (x === n && y === m) {
          tally('diffCells', steps);
          return (n + m - d) / 2;
        }
      }
      v[off + k] = x;
    }
  }
}

/**
 * The table of LCS lengths of the suffixes a[i..] and b[j..] (code points of the middles),
 * computed only in the band |j − i| ≤ k: row i holds the cells j = i − k … i + k at
 * t[i × (2k + 1) + j − i + k]; cells outside the band or the table count as no path.
 * A cell's value is a lower bound, exact when the band holds an optimal path from the cell
 * (see traceLcs).
 */
function bandTable(a: Int32Array, b: Int32Array, k: number): Int32Array {
  const n = a.length;
  const m = b.length;
  const w = 2 * k + 1;
  const t = new Int32Array((n + 1) * w).fill(OUTSIDE);
  let cells = 0;
  for (let i = n; i >= 0; i--) {
    const row = i * w - i + k; // t[row + j] is cell (i, j)
    const below = row + w - 1; // t[below + j] is cell (i + 1, j)
    const lo = Math.max(0, i - k);
    const hi = Math.min(m, i + k);
    for (let j = hi; j >= lo; j--) {
      let v = 0;
      if (i < n && j < m) {
        const down = j > i + 1 - k - 1 ? t[below + j]! : OUTSIDE; // (i + 1, j) in its band when j ≥ i + 1 − k
        const right = j < hi ? t[row + j + 1]! : OUTSIDE;
        v = down > right ? down : right;
        if (a[i] === b[j]) {
          const diag = t[below + j + 1]! + 1; // (i + 1, j + 1): same diagonal, in the band
          if (diag > v) v = diag;
        }
      }
      t[row + j] = v;
    }
    cells += hi - lo + 1;
  }
  tally('diffCells', cells);
  return t;
}

/**
 * The diff of the middles a[pre … pre + n) and b[pre … pre + m) along the table of LCS
 * lengths of their suffixes: a match where the characters are equal, else a deletion when
 * dropping a's character keeps as long a common subsequence as dropping b's, else an
 * addition. The table is computed only in the band |j − i| ≤ d + 1, d the number of edits
 * (Myers): every cell of an optimal path lies within d of the diagonal and its neighbours
 * within d + 1; the band gives the cells the trace compares their exact values (an optimal
 * path from a neighbour on an optimal path stays in the band; one that is not gets at most
 * its true value, which is less), so the diff is that of the whole table, at a cost of
 * about (n + m) × d instead of n × m.
 */
function traceLcs(A: Points, B: Points, pre: number, n: number, m: number, push: (op: DiffPart['op'], text: string) => void): void {
  const a = A.cp.subarray(pre, pre + n);
  const b = B.cp.subarray(pre, pre + m);
  const k = Math.min(n + m - 2 * lcsLength(a, b) + 1, Math.max(n, m));
  const t = bandTable(a, b, k);
  const w = 2 * k + 1;
  const at = (i: number, j: number): number => (j < i - k || j > i + k || j > m ? OUTSIDE : t[i * w + j - i + k]!);
  const text = (P: Points, from: number, to: number): string => P.s.slice(P.at[pre + from], P.at[pre + to]);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      const i0 = i;
      while (i < n && j < m && a[i] === b[j]) {
        i++;
        j++;
      }
      push('same', text(A, i0, i));
    } else if (i < n && (j === m || at(i + 1, j) >= at(i, j + 1))) {
      push('del', text(A, i, ++i));
    } else {
      push('add', text(B, j, ++j));
    }
  }
}

/** The diff as one line: `…context[-old-]{+new+}context…`, unchanged runs cut to `context` characters. */
export function formatDiff(parts: readonly DiffPart[], context = 6): string {
  let out = '';
  parts.forEach((p, k) => {
    if (p.op === 'del') out += `[-${p.text}-]`;
    else if (p.op === 'add') out += `{+${p.text}+}`;
    else {
      const chars = Array.from(p.text);
      const first = k === 0;
      const last = k === parts.length - 1;
      if (first && chars.length > context) out += '…' + chars.slice(-context).join('');
      else if (last && chars.length > context) out += chars.slice(0, context).join('') + '…';
      else if (!first && !last && chars.length > 2 * context)
        out += chars.slice(0, context).join('') + '…' + chars.slice(-context).join('');
      else out += p.text;
    }
  });
  return out;
}
