// The lines the people walks read: found by native searches of the whole text (LineFinder),
// not line by line; the same records as before, and far fewer lines read.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineFinder, Lines } from '../src/model/lines.js';
import { splitLines } from '../src/read/lines.js';
import { readStructure } from '../src/core/structure.js';
import { extractTables } from '../src/features/tables/index.js';
import { extractPeople } from '../src/features/people/index.js';
import { ACTION_CHARS, extractAppointments } from '../src/features/people/appointments.js';
import { extractRosters } from '../src/features/people/rosters.js';
import { APPOINT_WORDS, REMOVE_WORDS } from '../src/features/people/vocab.js';
import { parseIssue } from '../src/parse.js';
import { miniIssue } from './helpers/mini.js';
import { parsePositions } from '../src/features/people/positions.js';
import { headerLineActions } from '../src/features/people/common.js';

afterEach(() => vi.restoreAllMocks());

const sample = readFileSync('samples/changning-2023-02.txt', 'utf8');

describe('LineFinder: the first line at or after i holding a needle', () => {
  const naive = (lines: Lines, needles: readonly string[], i: number): number => {
    for (let k = Math.max(0, i); k < lines.length; k++) if (needles.some((n) => lines.get(k)!.includes(n))) return k;
    return lines.length;
  };
  const texts = ['', 'a', '此', '此\n', '\n此\n\n此此此\n甲\n此', '甲\n乙\n丙此\n丁', 'x:y\n\n：\n同意,\n决\n定\n', sample];
  const needleSets = [['此'], ['：', ':', '由'], ['同意', '决定', '此'], ACTION_CHARS];
  it.each([true, false])('agrees with reading every line, forward, backward and repeated (lines kept: %s)', (keep) => {
    for (const text of texts)
      for (const needles of needleSets) {
        const lines = Lines.fromText(text, keep);
        const f = new LineFinder(lines, needles);
        const order = [...Array(lines.length + 2).keys()];
        // forward one by one, then jumps backward and forward (every query answered as a fresh one would be)
        const queries = [...order, ...order.map((i) => (i * 7919) % (lines.length + 2)), 0, 0, lines.length - 1];
        for (const i of queries) expect([i, f.next(i)]).toEqual([i, naive(lines, needles, i)]);
        expect(f.skip(1)).toBe(naive(lines, needles, 0) + 1);
      }
  });
  it('moving forward it searches each stretch of the text once per needle', () => {
    const lines = Lines.fromText(sample);
    const f = new LineFinder(lines, ['由', '：']);
    const indexOf = vi.spyOn(String.prototype, 'indexOf');
    for (let i = 0; i < lines.length; i = f.next(i) + 1);
    const searches = indexOf.mock.calls.length;
    indexOf.mockRestore();
    // one search per line holding a needle (and one that finds none), not one per line
    const holding = sample.split('\n').filter((l) => l.includes('由') || l.includes('：')).length;
    expect(searches).toBeGreaterThan(0);
    expect(searches).toBeLessThanOrEqual(2 * (holding + 1));
    expect(searches).toBeLessThan(lines.length / 5);
  });
});

describe('the walks read only the lines that can matter', () => {
  it('every action word holds one of the characters the appointment walk looks for', () => {
    for (const w of [...APPOINT_WORDS, ...REMOVE_WORDS, '任命', '免去', '聘任', '提名'])
      expect([w, ACTION_CHARS.some((c) => w.includes(c))]).toEqual([w, true]);
  });

  it('on the sample, people read a part of the lines, not every line twice (measured: 821 reads of 3 026 lines; 7 239 when every line of every document was read by both walks)', () => {
    const src = splitLines(sample);
    const structure = readStructure(src).value;
    const tables = extractTables(src, structure.documents).value;
    const get = vi.spyOn(Lines.prototype, 'get');
    const people = extractPeople(src, structure.documents, tables).value;
    const reads = get.mock.calls.length;
    get.mockRestore();
    expect(people.appointments.length).toBeGreaterThan(20);
    expect(people.rosters.length).toBeGreaterThan(0);
    expect(reads).toBeLessThan(src.lines.length / 2);
  });

  it('one finder shared by the documents of an issue gives what a finder per document gives', () => {
    const src = splitLines(sample);
    const structure = readStructure(src).value;
    const tables = extractTables(src, structure.documents).value;
    const shared = extractPeople(src, structure.documents, tables);
    const own = structure.documents.map((d) => {
      const t = tables.filter((x) => x.documentId === d.id);
      return [extractAppointments(src, d, t), extractRosters(src, d, t)] as const;
    });
    expect(shared.value.appointments).toEqual(own.flatMap(([a]) => a.value));
    expect(shared.value.rosters).toEqual(own.flatMap(([, r]) => r.value));
  });

  it('headers spelled with spaces or by one action word, ASCII colons and 决定 sentences are still read', () => {
    const text = miniIssue({
      category: '人事任免',
      docs: [
        { title: '关于张三等同志职务任免的通知', body: ['解 聘：', '王小明  区教育局副局长', '', '撤销职务：', '李四  区民政局局长'] },
      ],
    });
    const issue = parseIssue(text);
    expect(issue.appointments.map((a) => [a.action, a.name])).toEqual([
      ['remove', '王小明'],
      ['remove', '李四'],
    ]);
    const roster = parseIssue(
      miniIssue({
        docs: [
          {
            title: '关于调整区安全生产工作的通知',
            body: ['经研究，决定成立区安全生产领导小组，成员如下:', '组长:王小明  区长', '成员:李四  区应急局局长'],
          },
        ],
      }),
    );
    expect(roster.rosters.map((r) => [r.body, r.members.map((m) => m.name)])).toEqual([['区安全生产领导小组', ['王小明', '李四']]]);
  });
});

describe('posts and headers read by character code', () => {
  it('every kind of bracket keeps a 、 or ； inside it from splitting posts; ; and ； split at the top level', () => {
    const posts = (s: string) => parsePositions(s).positions.map((p) => p.text);
    expect(posts('区甲局局长；区乙局副局长')).toEqual(['区甲局局长', '区乙局副局长']);
    expect(posts('区甲局局长;区乙局副局长')).toEqual(['区甲局局长', '区乙局副局长']);
    expect(posts('区甲局局长、区乙局副局长')).toEqual(['区甲局局长', '区乙局副局长']);
    for (const [o, c] of [
      ['(', ')'],
      ['（', '）'],
      ['[', ']'],
      ['［', '］'],
      ['【', '】'],
      ['〔', '〕'],
    ])
      expect([o, posts(`某${o}甲局局长、乙；丙${c}公司总经理`)]).toEqual([o, [`某${o}甲局局长、乙；丙${c}公司总经理`]]);
    // a closing bracket too many does not open a level below the top
    expect(posts('区甲局局长）；区乙局副局长')).toEqual(['区甲局局长）', '区乙局副局长']);
    expect(parsePositions('区甲局副局长（试用期一年）').qualifiers).toEqual(['试用期一年']);
  });
  it('a header line holds only header words besides its actions, taken out in turn', () => {
    expect(headerLineActions('姓 名**免 去 职 务**')).toEqual(['remove']);
    expect(headerLineActions('任免人员名单如下：')).toEqual([]);
    expect(headerLineActions('任命人员名单如下：')).toEqual(['appoint']);
    expect(headerLineActions('任命事项三条')).toEqual(['appoint']);
    expect(headerLineActions('任命事项三条款')).toEqual([]);
    // in turn: 姓名 is taken out before 的, so 姓的名 leaves 姓名 behind
    expect(headerLineActions('任命姓名的甲')).toEqual(['appoint']);
    expect(headerLineActions('任命姓的名甲')).toEqual([]);
  });
});
