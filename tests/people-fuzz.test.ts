/** The people rules never throw and always give valid records, whatever the lines look like. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcParams } from './fuzz-helpers.js';
import { parseIssue } from '../src/parse.js';
import { Appointment, Roster } from '../src/model/people.js';
import { parsePeriod, parsePositions, splitName, phrasePerson, roleLabel, bodyHeading } from '../src/features/people/index.js';
import { sentenceActs } from '../src/features/people/sentences.js';
import { SAMPLE } from './helpers/sample.js';

const pieces = [
  '任命',
  '免去',
  '职务',
  '、',
  '(',
  ')',
  '（',
  '）',
  '兼',
  '试用期满',
  '副局长',
  '主任',
  '：',
  ':',
  '由',
  '兼任',
  '同志',
  '为',
  '的',
  '其',
  '欧阳',
  '张',
  '三',
  ' ',
  '\u3000',
  '，',
  ',',
  '。',
  '区',
  '二〇二三年',
  '四月',
  '~',
  '至',
  '六月',
  '**',
  '|',
  '组长',
  '成员',
  '领导小组',
  '办公室',
];
const textArb = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((a) => a.join(''));

describe('people rules on arbitrary text', () => {
  it('line-level functions never throw and keep their contracts', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const n = splitName(s);
        if (n.name !== null) expect(n.name.length).toBeGreaterThanOrEqual(2);
        const p = parsePositions(s);
        for (const q of p.qualifiers) expect(q.trim()).toBe(q);
        const per = parsePeriod(s);
        if (per) expect(per.from <= per.to).toBe(true);
        phrasePerson(s);
        roleLabel(s);
        bodyHeading(s);
        sentenceActs(s);
      }),
      fcParams(2000),
    );
  });

  it('shuffled and mangled personnel lines of the sample still give valid records', () => {
    const lines = SAMPLE.split('\n');
    const people = [...lines.slice(935, 975), ...lines.slice(1616, 1675), ...lines.slice(2775, 2811)];
    fc.assert(
      fc.property(fc.shuffledSubarray(people), fc.array(fc.tuple(fc.nat(), textArb), { maxLength: 5 }), (sub, edits) => {
        const body = [...sub];
        for (const [i, t] of edits) if (body.length) body[i % body.length] = t;
        const text = [...lines.slice(0, 935), ...body, ...lines.slice(2811)].join('\n');
        const issue = parseIssue(text);
        for (const a of issue.appointments) Appointment.parse(a);
        for (const r of issue.rosters) Roster.parse(r);
        const n = text.split('\n').length;
        for (const a of issue.appointments) expect(a.line).toBeLessThanOrEqual(n);
        for (const r of issue.rosters) for (const m of r.members) expect(m.line).toBeLessThanOrEqual(n);
      }),
      fcParams(40),
    );
  });
});
