// Issue 16's table inputs at full size (items 1 and 4): a 1 MB row of a million cells, and
// a 10 MB table of ten such rows. Past the limits of a pipe table (src/features/tables/scan.ts)
// they are kept as text with one TABLE_TOO_LARGE; no cell of them is made. Their time and
// peak RSS are measured by `npm run bench:adversarial` (scripts/bench-memory-cases.mjs,
// scripts/adversarial-hardening.mjs); here only the outcome.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse.js';
import { buildExport } from '../../src/write/export.js';
import { MAX_ROW_CELLS } from '../../src/features/tables/scan.js';

describe('the table inputs of issue 16 at full size', () => {
  it('a 1 MB table of 1 M cells: no table, one TABLE_TOO_LARGE, an export without table files', async () => {
    const text = '| a | b | c |\n| --- | --- | --- |\n' + '|'.repeat(1_000_000) + '\n';
    const { issue, lines } = parseSource(text);
    expect(issue.tables).toEqual([]);
    const found = issue.anomalies.filter((a) => a.code === 'TABLE_TOO_LARGE');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 1, endLine: 3 });
    expect(found[0]!.message).toContain(`a row of 999999 cells, past the limit of ${MAX_ROW_CELLS} a row`);
    const files = await buildExport(issue, { lines });
    expect(files.filter((f) => f.path.startsWith('tables/'))).toEqual([]);
  });

  it('a 10 MB table of 10 rows of 1 000 000 |: the same, once for the whole run', () => {
    const text = '| a | b | c |\n|---|---|---|\n' + ('|'.repeat(1_000_000) + '\n').repeat(10);
    const { issue } = parseSource(text);
    expect(issue.source.lines).toBe(12);
    expect(issue.tables).toEqual([]);
    const found = issue.anomalies.filter((a) => a.code === 'TABLE_TOO_LARGE');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 1, endLine: 12 });
    expect(found[0]!.message).toContain('9999993 cells, the widest row 999999');
    // the evidence is the header line, not a megabyte of pipes
    expect(found[0]!.evidence).toBe('| a | b | c |');
  });
});
