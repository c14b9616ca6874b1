// Above LARGE_INPUT the CLI runs with V8 flags that hold its heap small (src/cli/io.ts): they
// change when V8 collects, never what a parse gives. `gongbao parse` of an issue just above
// that size writes the same JSON as the library's parseIssue in this process (no flags), and
// an export of it completes. A real process: the flags are set by the CLI only.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongbao } from '../helpers/cli.js';
import { sampleOver } from '../helpers/sample.js';
import { LARGE_INPUT, heapFlagsFor } from '../../src/cli/io.js';
import { parseIssue } from '../../src/parse.js';

describe('an issue above LARGE_INPUT, with the small-heap flags', () => {
  it('parses to the same JSON as the library without them, and exports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongbao-heap-'));
    try {
      const text = sampleOver(LARGE_INPUT);
      const file = join(dir, 'large.txt');
      writeFileSync(file, text);
      expect(heapFlagsFor(Buffer.byteLength(text)).length).toBeGreaterThan(0);
      const cli = gongbao(['parse', file, '-o', join(dir, 'large.json')]);
      expect(cli.code, cli.stderr).toBe(0);
      const lib = parseIssue(readFileSync(file), { name: file });
      expect(readFileSync(join(dir, 'large.json'), 'utf8')).toBe(JSON.stringify(lib) + '\n');
      const exp = gongbao(['export', file, '--out', join(dir, 'out'), '-q']);
      expect(exp.code, exp.stderr).toBe(0);
      expect(readdirSync(join(dir, 'out'))).toContain('issue.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
