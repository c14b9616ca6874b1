import { describe, expect, it } from 'vitest';
import { collapseFloods, FLOOD } from '../src/check/flood.js';
import { anomaly, type Code } from '../src/model/catalogue.js';
import { parseIssue } from '../src/parse.js';
import { SAMPLE_BYTES } from './helpers/sample.js';
import { LONG } from './fuzz-helpers.js';

const at = (code: Code, line: number, documentId?: string, message = `${code} at ${line}`) =>
  anomaly(code, { message, line, documentId, evidence: `line ${line}` });

describe('collapseFloods', () => {
  it('reports a run of FLOOD or more anomalies of one code once, with its range and count', () => {
    const list = Array.from({ length: 250 }, (_, i) => at('INPUT_REPLACEMENT_CHARACTER', i + 10));
    const out = collapseFloods(list);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ code: 'INPUT_REPLACEMENT_CHARACTER', line: 10, endLine: 259, evidence: 'line 10' });
    expect(out[0]!.message).toBe(
      'INPUT_REPLACEMENT_CHARACTER at 10 (and 249 more like it on the lines up to 259: a run of 250, reported once)',
    );
  });

  it('leaves a run one short of FLOOD as it is', () => {
    const list = Array.from({ length: FLOOD - 1 }, (_, i) => at('INPUT_REPLACEMENT_CHARACTER', i + 1));
    expect(collapseFloods(list)).toEqual(list);
  });

  it('keeps other codes standing between the members, in order; a gap of more than 8 lines ends a run', () => {
    const list = [];
    for (let i = 0; i < 120; i++) {
      list.push(at('TABLE_MERGED', 1 + i * 4));
      if (i % 30 === 0) list.push(at('TABLE_RAGGED_ROW', 2 + i * 4));
    }
    // a second run of the same code after a gap of 100 lines
    for (let i = 0; i < 120; i++) list.push(at('TABLE_MERGED', 1000 + i * 8));
    const out = collapseFloods(list);
    expect(out.map((a) => `${a.code}@${a.line}`)).toEqual([
      'TABLE_MERGED@1',
      'TABLE_RAGGED_ROW@2',
      'TABLE_RAGGED_ROW@122',
      'TABLE_RAGGED_ROW@242',
      'TABLE_RAGGED_ROW@362',
      'TABLE_MERGED@1000',
    ]);
    expect(out[0]!.endLine).toBe(1 + 119 * 4);
    expect(out[5]!.endLine).toBe(1000 + 119 * 8);
  });

  it('does not join runs of different documents', () => {
    const list = Array.from({ length: 200 }, (_, i) => at('DOCUMENT_WITHOUT_TITLE', i + 1, `d${i}`));
    expect(collapseFloods(list)).toHaveLength(200);
    const two = [
      ...Array.from({ length: 100 }, (_, i) => at('TEXT_REPEATED', i + 1, 'a')),
      ...Array.from({ length: 100 }, (_, i) => at('TEXT_REPEATED', i + 101, 'b')),
    ];
    expect(collapseFloods(two).map((a) => [a.documentId, a.line, a.endLine])).toEqual([
      ['a', 1, 100],
      ['b', 101, 200],
    ]);
  });

  it('in parseIssue: 5 000 lines of U+FFFD give one anomaly covering them all', () => {
    const issue = parseIssue('\ufffd\n'.repeat(5000));
    const lost = issue.anomalies.filter((a) => a.code === 'INPUT_REPLACEMENT_CHARACTER');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ line: 1, endLine: 5000 });
    expect(lost[0]!.message).toContain('a run of 5000');
  });

  // `anomalies.push(...list)` of 150 000 anomalies threw RangeError (call stack size), which
  // only that many show: npm run test:long has them (and tests/adversarial.test.ts at full
  // size); the everyday suite checks the same flood on 15 000 cells.
  const n = LONG ? 150_000 : 15_000;
  it(`in parseIssue: HTML in each of ${n} cells neither overflows the stack nor floods the report`, () => {
    const rows = Array.from({ length: n }, (_, i) => `| ${i + 1} | <p>甲 |`).join('\n');
    const issue = parseIssue(`| 序号 | 内容 |\n|---|---|\n${rows}\n`);
    expect(issue.tables[0]!.rows).toHaveLength(n);
    expect(issue.tables[0]!.rows[n - 1]!.cells[1]).toMatchObject({ text: '甲', raw: '<p>甲', line: n + 2 });
    const cleaned = issue.anomalies.filter((a) => a.code === 'TABLE_ARTEFACT_CLEANED');
    expect(cleaned).toHaveLength(1);
    expect(cleaned[0]).toMatchObject({ line: 3, endLine: n + 2 });
  });

  it('changes nothing in the sample', () => {
    expect(parseIssue(SAMPLE_BYTES).anomalies.some((a) => a.message.includes('reported once'))).toBe(false);
  });
});
