import { describe, expect, it } from 'vitest';
import { Progress } from '../src/cli/progress.js';

/** A stand-in for process.stderr that records what is written. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = {
    isTTY,
    columns: 60,
    text: '',
    write(chunk: string) {
      s.text += chunk;
      return true;
    },
  };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('progress bar', () => {
  it('draws on a terminal and clears its line', () => {
    const s = stream(true);
    const p = new Progress(4, false, s);
    p.update(1);
    p.update(4, 'last.txt');
    p.clear();
    expect(s.text).toContain('[######------------------] 1/4');
    expect(s.text).toContain('4/4 last.txt');
    expect(s.text.endsWith('\r\x1b[K')).toBe(true);
  });
  it('draws nothing when stderr is not a terminal, with --quiet, or for one file', () => {
    for (const [tty, quiet, total] of [
      [false, false, 4],
      [true, true, 4],
      [true, false, 1],
    ] as const) {
      const s = stream(tty);
      const p = new Progress(total, quiet, s);
      p.update(1);
      p.clear();
      expect(s.text).toBe('');
    }
  });
});
