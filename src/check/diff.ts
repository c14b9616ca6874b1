/**
 * A character-level diff of two short strings (titles), written the way `git diff
 * --word-diff` does: `[-removed-]{+added+}`, with unchanged text around each change cut to
 * a few characters. Common prefix and suffix are stripped first; the middle is compared
 * with an LCS table whose size is bounded, so the cost stays small for any input.
 */

export interface DiffPart {
  op: 'same' | 'del' | 'add';
  text: string;
}

const MAX_CELLS = 250_000;

export function diffChars(a: string, b: string): DiffPart[] {
  const A = Array.from(a);
  const B = Array.from(b);
  let pre = 0;
  while (pre < A.length && pre < B.length && A[pre] === B[pre]) pre++;
  let suf = 0;
  while (suf < A.length - pre && suf < B.length - pre && A[A.length - 1 - suf] === B[B.length - 1 - suf]) suf++;
  const a1 = A.slice(pre, A.length - suf);
  const b1 = B.slice(pre, B.length - suf);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', A.slice(0, pre).join(''));
  if ((a1.length + 1) * (b1.length + 1) > MAX_CELLS) {
    push('del', a1.join(''));
    push('add', b1.join(''));
  } else {
    const n = a1.length;
    const m = b1.length;
    // lcs[i][j] = LCS length of a1[i..] and b1[j..]
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = a1[i] === b1[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a1[i] === b1[j]) {
        push('same', a1[i]!);
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        push('del', a1[i]!);
        i++;
      } else {
        push('add', b1[j]!);
        j++;
      }
    }
  }
  push('same', A.slice(A.length - suf).join(''));
  return parts;
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
