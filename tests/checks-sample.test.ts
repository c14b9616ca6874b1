import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseIssue } from '../src/parse.js';
import { CATALOGUE, type Code } from '../src/model/catalogue.js';
import { SAMPLE, SAMPLE_PATH, changedNamesVariant } from './helpers/sample.js';

/**
 * The structure checks on the sample. tests/golden/sample-anomalies.json lists every
 * anomaly of the groups input, structure and names that the sample gives, each checked by
 * hand against the text (see its `note`). Tables, people and sluices keep golden files
 * of their own.
 */
interface GoldenEntry {
  code: string;
  line: number;
  column: number;
  documentId: string | null;
  message: string;
  note: string;
}
const golden: GoldenEntry[] = JSON.parse(readFileSync(new URL('./golden/sample-anomalies.json', import.meta.url), 'utf8'));
const GROUPS = new Set(['input', 'structure', 'names']);

const ours = (text: string) =>
  parseIssue(text, { name: SAMPLE_PATH })
    .anomalies.filter((a) => GROUPS.has(CATALOGUE[a.code as Code]?.group ?? ''))
    .map((a) => ({ code: a.code, line: a.line, column: a.column, documentId: a.documentId ?? null, message: a.message }));

describe('structure checks on the sample', () => {
  const found = ours(SAMPLE);

  it('find exactly the anomalies of the golden file', () => {
    expect(found).toEqual(golden.map(({ note: _note, ...rest }) => rest));
  });

  it('every golden entry carries the note of its review', () => {
    for (const g of golden) expect(g.note, `${g.code} line ${g.line}`).toMatch(/^checked: /);
  });

  it('the known irregularities are among them', () => {
    const at = (code: string, line: number) => found.find((a) => a.code === code && a.line === line);
    expect(at('TEXT_REPEATED', 142)?.message).toBe('«各街道办事处,新泾镇政府:» is written twice in a row');
    expect(at('NAME_VARIANT', 799)?.message).toContain('«新径镇» (1×) differs by one character from «新泾镇»');
    expect(at('NAME_VARIANT', 1371)?.message).toContain('«凌空园区» (1×) differs by one character from «临空园区» (6×)');
    expect(at('STRAY_MARKUP', 2801)).toBeDefined();
    expect(at('NUMBERING_GAP', 74)).toBeDefined();
  });

  it('body dates after the publication date are not document dates', () => {
    // Doc 长发改规-2023-6 says 有效期至 2025 年 12 月 31 日 in its text; the issue appeared 2023-07-25.
    expect(SAMPLE).toContain('有效期至 2025 年 12 月 31 日');
    expect(found.filter((a) => a.code === 'DATE_AFTER_PUBLICATION' || a.code === 'DATE_ORDER')).toEqual([]);
  });

  it('the rules are generic: another district and year give the same findings', () => {
    // The same anomalies on the same lines and columns. Renumbered 文号 (serial + 100) shift
    // the columns after them on their line; names keep their length.
    const text = changedNamesVariant();
    const variant = ours(text);
    const lines = text.split('\n');
    const sampleLines = SAMPLE.split('\n');
    const col = (a: { line: number; column: number }) => (lines[a.line - 1]!.length === sampleLines[a.line - 1]!.length ? a.column : 0);
    expect(variant.map((a) => [a.code, a.line, col(a)])).toEqual(found.map((a) => [a.code, a.line, col(a)]));
  });
});
