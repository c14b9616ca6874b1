// Issue 16, item 9: U+2028 / U+2029 are read as spaces (editors and grep do not break a line
// there), so every line and column stays that of the file; each line holding one is reported.
import { describe, expect, it } from 'vitest';
import { parseIssue, parseSource } from '../src/parse.js';
import { unicodeSeparators } from '../src/read/separators.js';
import { SAMPLE } from './helpers/sample.js';
import { LONG } from './fuzz-helpers.js';

const seps = (text: string) =>
  unicodeSeparators(text).anomalies.map((a) => [a.line, a.column, a.message.match(/\((\d+) on this line\)/)![1]]);

describe('U+2028 and U+2029', () => {
  it('are spaces, one code unit for one; lines are counted at LF, CRLF and lone CR only', () => {
    const r = unicodeSeparators('甲\u2028乙\r\n丙\r丁\u2029\u2028戊\n己');
    expect(r.value).toBe('甲 乙\r\n丙\r丁  戊\n己');
    expect(seps('甲\u2028乙\r\n丙\r丁\u2029\u2028戊\n己')).toEqual([
      [1, 2, '1'],
      [3, 2, '2'],
    ]);
    expect(unicodeSeparators('甲\r\n乙').anomalies).toEqual([]);
    const { issue, lines } = parseSource('第一行\u2028仍是第一行\n第二行\n');
    expect(issue.source.lines).toBe(2);
    expect(lines.get(0)).toBe('第一行 仍是第一行');
  });

  it('the message names the separator; the evidence shows the space', () => {
    const [a] = unicodeSeparators('一\n二\u2029三\n').anomalies;
    expect(a).toMatchObject({ code: 'INPUT_LINE_SEPARATOR', severity: 'info', line: 2, column: 2, evidence: '二 三' });
    expect(a!.message).toContain('U+2029 PARAGRAPH SEPARATOR');
    expect(a!.message).not.toContain('U+2028');
  });

  it('in the sample: a title and a body line holding U+2028 keep every document, line and title of the sample', () => {
    const plain = parseIssue(SAMPLE);
    const d = plain.documents[1]!;
    const lines = SAMPLE.split('\n');
    const t = d.titleSpan.startLine - 1;
    const cut = lines[t]!.indexOf('关于');
    lines[t] = lines[t]!.slice(0, cut) + '\u2028' + lines[t]!.slice(cut); // where a converter kept the printed wrap
    const body = lines.findIndex((l, i) => i > d.titleSpan.endLine + 2 && l.includes('，'));
    lines[body] = lines[body]!.replace('，', '\u2029');
    expect(lines[body]).toContain('\u2029');
    const issue = parseIssue(lines.join('\n'));
    expect(issue.source.lines).toBe(plain.source.lines);
    expect(issue.documents.map((x) => [x.id, x.span])).toEqual(plain.documents.map((x) => [x.id, x.span]));
    // the title reads as if the wrap had been a space: a space between two CJK characters is a wrap space, removed
    expect(issue.documents[1]!.title).toBe(d.title);
    const found = issue.anomalies.filter((a) => a.code === 'INPUT_LINE_SEPARATOR');
    expect(found.map((a) => [a.line, a.column])).toEqual([
      [t + 1, cut + 1],
      [body + 1, lines[body]!.indexOf('\u2029') + 1],
    ]);
  });

  // npm run test:long: a million; npm test: 200 000, as far beyond a quadratic pass's reach
  const many = LONG ? 1_000_000 : 200_000;
  it(`${many} on one line: linear, one anomaly`, () => {
    const r = unicodeSeparators('x' + '\u2028'.repeat(many) + '\ny\n');
    expect(r.anomalies).toHaveLength(1);
    expect(r.anomalies[0]!.message).toContain(`(${many} on this line)`);
    expect(r.anomalies[0]!.evidence.length).toBeLessThan(1100); // an excerpt, not the line
  });
});
