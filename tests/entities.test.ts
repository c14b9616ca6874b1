// HTML space references a converter left undecoded (&nbsp …) are read as spaces, one space for
// each character, so lines and columns stay those of the file; the input is reported once.
import { describe, expect, it } from 'vitest';
import { parseIssue, parseSource } from '../src/parse.js';
import { htmlSpaces } from '../src/read/entities.js';
import { LONG } from './fuzz-helpers.js';

describe('HTML space references', () => {
  it('are spaces as wide as the reference, with or without the semicolon of &nbsp', () => {
    const r = htmlSpaces('组&nbsp&nbsp长：甲\r\n成&nbsp;员：乙\r丙&#12288;丁&EMSP;戊&#xA0;己\n&amp; 不是空格');
    const sp = (ref: string) => ' '.repeat(ref.length);
    expect(r.value).toBe(
      `组${sp('&nbsp&nbsp')}长：甲\r\n成${sp('&nbsp;')}员：乙\r丙${sp('&#12288;')}丁${sp('&EMSP;')}戊${sp('&#xA0;')}己\n&amp; 不是空格`,
    );
    expect(r.anomalies).toHaveLength(1);
    expect(r.anomalies[0]).toMatchObject({ code: 'INPUT_HTML_SPACE', severity: 'info', line: 1, column: 2, endLine: 3 });
    expect(r.anomalies[0]!.message).toContain('6 HTML space references');
    expect(r.anomalies[0]!.message).toContain('lines 1, 2, 3');
    expect(r.anomalies[0]!.evidence).toBe('组          长：甲');
  });

  it('nothing else changes, and a text without them is returned as it is', () => {
    for (const text of ['甲乙', 'R&D 与 &amp; 和 &lt;', '&nbs 乙']) {
      const r = htmlSpaces(text);
      expect(r.value).toBe(text);
      expect(r.anomalies).toEqual([]);
    }
  });

  it('in an issue: a role label with them still reads, and every line keeps its number', () => {
    const text = [
      '某区人民政府办公室关于成立某区某工作领导小组的通知',
      '',
      '各街道：',
      '',
      '现将组成人员通知如下：',
      '',
      '组&nbsp&nbsp长：王 峰 副区长',
      '成&nbsp;&nbsp;员：李 明 区甲局局长',
    ].join('\n');
    const { issue, lines } = parseSource(text);
    expect(issue.source.lines).toBe(8);
    expect(lines.get(6)!.length).toBe(text.split('\n')[6]!.length);
    expect(issue.rosters.flatMap((r) => r.members.map((m) => [m.role, m.name, m.line]))).toEqual([
      ['组长', '王峰', 7],
      ['成员', '李明', 8],
    ]);
    expect(issue.anomalies.filter((a) => a.code === 'INPUT_HTML_SPACE').map((a) => [a.line, a.endLine])).toEqual([[7, 8]]);
    expect(parseIssue(text.replace(/&nbsp;?/g, ' ')).anomalies.some((a) => a.code === 'INPUT_HTML_SPACE')).toBe(false);
  });

  // npm run test:long: a million; npm test: 200 000, as far beyond a quadratic pass's reach
  const many = LONG ? 1_000_000 : 200_000;
  it(`${many} on as many lines: linear, one anomaly listing ten lines`, () => {
    const r = htmlSpaces('&nbsp\n'.repeat(many));
    expect(r.anomalies).toHaveLength(1);
    expect(r.anomalies[0]!.message).toContain(`and ${many - 10} more`);
    expect(r.value.length).toBe(6 * many);
  });
});
