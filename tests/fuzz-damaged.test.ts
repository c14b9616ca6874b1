// Damaged issues made from the sample: what gongbao keeps (partial results) and what it
// reports (anomalies pointing at the damage). The damage is applied here, in the test, so
// the fixtures follow the sample.
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import type { Issue } from '../src/model/issue.js';
import { SAMPLE, SAMPLE_LINES, checkIssue, lineCount } from './fuzz-helpers.js';

const L = SAMPLE_LINES;
const FULL = parseIssue(SAMPLE);
const parse = (text: string): Issue => {
  const issue = parseIssue(text);
  checkIssue(issue, lineCount(text));
  return issue;
};
const codes = (issue: Issue, code: string) => issue.anomalies.filter((a) => a.code === code);
const titles = (issue: Issue) => issue.documents.map((d) => d.title);
/** 1-based number of the first line equal to `text` at or after line `from`. */
const lineOf = (text: string, from = 1): number => {
  const i = L.findIndex((l, k) => k >= from - 1 && l.trim() === text);
  if (i < 0) throw new Error(`no line ${text}`);
  return i + 1;
};
const without = (...lineNos: number[]): string => L.filter((_, i) => !lineNos.includes(i + 1)).join('\n');
const tablesOf = (i: Issue): unknown[] | null => {
  const t = (i as { tables?: unknown }).tables;
  return Array.isArray(t) ? t : null;
};
const isDelimiter = (l: string) => /^\|[\s|:-]*-[\s|:-]*$/.test(l);

describe('the undamaged sample (baseline)', () => {
  it('has the structure the damaged variants are compared with', () => {
    expect(FULL.documents).toHaveLength(22);
    expect(FULL.toc).toHaveLength(22);
    expect(FULL.sections.map((s) => s.category)).toEqual(['区政府文件', '区政府办公室文件', '人事任免', '部门规范性文件', '政策解读']);
    expect(FULL.masthead.line).toBe(3018);
    for (const code of [
      'INPUT_TRUNCATED',
      'TOC_REPEATED',
      'MASTHEAD_REPEATED',
      'TABLE_DELIMITER_MISSING',
      'TABLE_FULLWIDTH_PIPES',
      'TABLE_TAB_SEPARATED',
      'SECTION_NOT_FOUND',
      'TOC_ENTRY_UNMATCHED',
    ]) {
      expect(codes(FULL, code), code).toEqual([]);
    }
    expect(L.filter(isDelimiter)).toHaveLength(45);
  });
});

describe('damaged issues', () => {
  it('truncated in the middle of a table: every document before the cut kept, the cut reported', () => {
    // A row of the boundary-stake tables of the sluice document (doc 16, lines 2510–2773).
    const cut = 2600;
    expect(L[cut - 1]).toMatch(/^\| 7 \| 右岸 \| JZD7 \|/);
    const text = [...L.slice(0, cut - 1), L[cut - 1]!.slice(0, 12)].join('\n');
    const issue = parse(text);
    const before = FULL.documents.filter((d) => d.span.startLine < cut);
    expect(before).toHaveLength(16);
    expect(issue.documents).toHaveLength(16);
    expect(titles(issue)).toEqual(before.map((d) => d.title));
    expect(issue.documents[15]!.span).toEqual({ startLine: 2510, endLine: cut });
    const t = codes(issue, 'INPUT_TRUNCATED');
    expect(t).toHaveLength(1);
    expect(t[0]!.line).toBe(cut);
    expect(t[0]!.message).toMatch(/inside a table row/);
    expect(codes(issue, 'MASTHEAD_NOT_FOUND')).toHaveLength(1);
    // The six TOC entries after the cut are reported, not the sixteen before it.
    expect(codes(issue, 'TOC_ENTRY_UNMATCHED').map((a) => a.line)).toEqual(FULL.toc.filter((e) => e.line > 27).map((e) => e.line));
    const tables = tablesOf(issue);
    if (tables !== null) {
      // Tables before the cut are still read (the sample's tables once issue 3 plugs them in).
      expect(tables.length).toBeGreaterThan(0);
      expect(tables.length).toBeLessThanOrEqual(tablesOf(FULL)!.length);
    }
  });

  it('truncated at a line boundary inside a table: reported too', () => {
    const issue = parse(L.slice(0, 2600).join('\n'));
    expect(codes(issue, 'INPUT_TRUNCATED').map((a) => a.line)).toEqual([2600]);
    expect(issue.documents).toHaveLength(16);
  });

  it('the table of contents missing: all documents found, TOC_NOT_FOUND', () => {
    const from = lineOf('目 录');
    const to = lineOf('【区政府文件】', 40) - 1; // the body's first header
    const text = [...L.slice(0, from - 1), ...L.slice(to)].join('\n');
    const issue = parse(text);
    expect(issue.toc).toEqual([]);
    expect(titles(issue)).toEqual(titles(FULL));
    expect(issue.documents.map((d) => d.id)).toEqual(FULL.documents.map((d) => d.id));
    expect(codes(issue, 'TOC_NOT_FOUND')).toHaveLength(1);
    expect(issue.masthead.issue).toBe(2);
  });

  it('the colophon missing: all documents found, MASTHEAD_NOT_FOUND, masthead fields null', () => {
    const title = L.findLastIndex((l) => /公报\s*$/.test(l)) + 1;
    expect(title).toBe(3018);
    const issue = parse(L.slice(0, title - 1).join('\n'));
    expect(titles(issue)).toEqual(titles(FULL));
    expect(codes(issue, 'MASTHEAD_NOT_FOUND')).toHaveLength(1);
    expect(issue.masthead).toMatchObject({ title: null, year: null, issue: null, publicationDate: null, line: null });
    // The text ends with a full sentence: nothing says it was cut.
    expect(codes(issue, 'INPUT_TRUNCATED')).toEqual([]);
  });

  it('the colophon cut mid-sentence: the truncation is reported', () => {
    const issue = parse(L.slice(0, 3015).join('\n') + '\n' + L[3015]!.slice(0, 20));
    expect(codes(issue, 'INPUT_TRUNCATED').map((a) => a.line)).toEqual([3016]);
  });

  it('a section header missing: documents kept and still matched to the TOC, SECTION_NOT_FOUND at the TOC category', () => {
    const header = lineOf('【区政府办公室文件】', 40);
    expect(header).toBe(324);
    const issue = parse(without(header));
    expect(issue.documents).toHaveLength(22);
    expect(titles(issue)).toEqual(titles(FULL));
    expect(issue.sections).toHaveLength(4);
    const s = codes(issue, 'SECTION_NOT_FOUND');
    expect(s).toHaveLength(1);
    expect(s[0]!.line).toBe(14); // the first TOC entry under 【区政府办公室文件】
    // The documents of the lost section keep their TOC entries and category.
    expect(codes(issue, 'TOC_ENTRY_UNMATCHED')).toEqual([]);
    expect(codes(issue, 'DOCUMENT_NOT_IN_TOC')).toEqual([]);
    expect(issue.documents.filter((d) => d.category === '区政府办公室文件')).toHaveLength(12);
    expect(issue.documents.map((d) => d.id)).toEqual(FULL.documents.map((d) => d.id));
  });

  it('two issues concatenated: both halves read, the second TOC read as a TOC, the damage reported', () => {
    const issue = parse(SAMPLE + SAMPLE);
    const n = L.length - (L[L.length - 1] === '' ? 1 : 0);
    const tocEnd = FULL.toc[FULL.toc.length - 1]!.line;
    // The first issue's documents are all there, on the same lines; the last one ends before
    // the inner colophon (lines 3018–3026), which belongs to no document.
    expect(issue.documents).toHaveLength(44);
    expect(issue.documents.slice(0, 22).map((d) => [d.title, d.titleSpan.startLine, d.toc?.line])).toEqual(
      FULL.documents.map((d) => [d.title, d.titleSpan.startLine, d.toc?.line]),
    );
    expect(issue.documents[21]!.span.endLine).toBe(3017);
    // …and the second issue's, n lines further, each matched with its entry of the second TOC.
    expect(issue.documents.slice(22).map((d) => [d.title, d.titleSpan.startLine, d.span.endLine, d.category, d.toc?.line])).toEqual(
      FULL.documents.map((d) => [d.title, d.titleSpan.startLine + n, d.span.endLine + n, d.category, d.toc!.line + n]),
    );
    expect(new Set(issue.documents.map((d) => d.id)).size).toBe(44);
    // No TOC line became a document or a section.
    expect(issue.documents.filter((d) => d.span.startLine <= n + tocEnd && d.span.endLine >= n + 1)).toEqual([]);
    expect(issue.sections.map((s) => [s.category, s.line, s.documentIds.length])).toEqual(
      [...FULL.sections, ...FULL.sections.map((s) => ({ ...s, line: s.line + n }))].map((s) => [s.category, s.line, s.documentIds.length]),
    );
    // Both TOCs: the entries of each say which 目录 they are listed under and name their document.
    expect(issue.toc.map((e) => [e.line, e.title, e.tocLine])).toEqual([
      ...FULL.toc.map((e) => [e.line, e.title, 3]),
      ...FULL.toc.map((e) => [e.line + n, e.title, n + 3]),
    ]);
    expect(issue.toc.every((e) => e.documentId !== null)).toBe(true);
    for (const code of [
      'DOCUMENT_NOT_IN_TOC',
      'TOC_ENTRY_UNMATCHED',
      'TOC_PAGE_ORDER',
      'TOC_ORDER_MISMATCH',
      'SECTION_NOT_FOUND',
      'TOC_NOT_FOUND',
    ]) {
      expect(codes(issue, code), code).toEqual([]);
    }
    // The damage: the second TOC and the inner colophon; the last colophon is the masthead.
    expect(codes(issue, 'TOC_REPEATED').map((a) => a.line)).toEqual([n + 3]);
    expect(codes(issue, 'MASTHEAD_REPEATED').map((a) => a.line)).toEqual([3020]);
    expect(issue.masthead.line).toBe(n + 3018);
    // Every 文号 of the second issue is the 文号 of a document of the first.
    const dup = codes(issue, 'DOCNUMBER_DUPLICATE');
    expect(dup.length).toBe(FULL.documents.filter((d) => d.docNumber).length);
    expect(dup.every((a) => a.line > n)).toBe(true);
  });

  it('two issues concatenated, the second TOC without 【categories】: read as a TOC after the inner colophon', () => {
    const n = L.length - (L[L.length - 1] === '' ? 1 : 0);
    const tocEnd = FULL.toc[FULL.toc.length - 1]!.line;
    const second = L.slice(0, tocEnd + 1).filter((l) => !l.startsWith('【'));
    const removed = tocEnd + 1 - second.length;
    const issue = parse([...L.slice(0, n), ...second, ...L.slice(tocEnd + 1)].join('\n'));
    expect(issue.documents).toHaveLength(44);
    expect(issue.documents.slice(22).map((d) => [d.title, d.category, d.titleSpan.startLine])).toEqual(
      FULL.documents.map((d) => [d.title, d.category, d.titleSpan.startLine + n - removed]),
    );
    expect(issue.toc.slice(22).every((e) => e.category === null && e.tocLine === n + 3 && e.documentId !== null)).toBe(true);
    expect(codes(issue, 'DOCUMENT_NOT_IN_TOC')).toEqual([]);
    expect(codes(issue, 'TOC_ENTRY_UNMATCHED')).toEqual([]);
    expect(codes(issue, 'TOC_REPEATED').map((a) => a.line)).toEqual([n + 3]);
    expect(codes(issue, 'MASTHEAD_REPEATED').map((a) => a.line)).toEqual([3020]);
  });

  it('a 目录 with paged entries inside a document (no 【categories】, no colophon before it) is reported but does not split the issue', () => {
    const at = FULL.documents[1]!.titleSpan.startLine + 8;
    const inner = ['', '目 录', '', '1. 总体要求……(1)', '2. 主要任务……(2)', '3. 保障措施……(5)', ''];
    const issue = parse([...L.slice(0, at), ...inner, ...L.slice(at)].join('\n'));
    expect(codes(issue, 'TOC_REPEATED').map((a) => a.line)).toEqual([at + 2]);
    expect(issue.documents).toHaveLength(22);
    expect(issue.toc).toHaveLength(22);
    expect(issue.toc.every((e) => e.tocLine === FULL.toc[0]!.tocLine)).toBe(true); // all under the first 目录
    expect(issue.documents[1]!.span.endLine).toBe(FULL.documents[1]!.span.endLine + inner.length);
    expect(codes(issue, 'DOCUMENT_NOT_IN_TOC')).toEqual([]);
    expect(codes(issue, 'TOC_ENTRY_UNMATCHED')).toEqual([]);
  });

  it("a document's title lines lost: the document kept (date, 文号), DOCUMENT_WITHOUT_TITLE at its date line", () => {
    const first = FULL.documents[0]!;
    const issue = parse(without(first.titleSpan.startLine));
    expect(issue.documents).toHaveLength(22);
    const d = issue.documents[0]!;
    expect(d.title).toBe('');
    expect(d.date).toBe(first.date);
    expect(d.docNumber?.normalized).toBe(first.docNumber?.normalized);
    const w = codes(issue, 'DOCUMENT_WITHOUT_TITLE');
    expect(w).toHaveLength(1);
    expect(w[0]!.line).toBe(first.dateLine! - 1);
    expect(w[0]!.documentId).toBe(d.id);
    // Its TOC entry is reported unmatched; the 21 others still match.
    expect(codes(issue, 'TOC_ENTRY_UNMATCHED').map((a) => a.line)).toEqual([FULL.toc[0]!.line]);
    expect(issue.documents.slice(1).every((x) => x.toc !== null)).toBe(true);
  });

  it("all tables' delimiter rows lost: documents kept, every table reported", () => {
    const text = L.filter((l) => !isDelimiter(l)).join('\n');
    const issue = parse(text);
    expect(titles(issue)).toEqual(titles(FULL));
    const m = codes(issue, 'TABLE_DELIMITER_MISSING');
    expect(m).toHaveLength(45);
    const lines = text.split('\n');
    for (const a of m) expect(lines[a.line - 1]).toMatch(/^\|/);
  });

  it('tabs instead of pipes: documents kept, the tab-separated blocks reported', () => {
    const text = L.map((l) => (l.startsWith('|') ? l.replace(/\|/g, '\t') : l)).join('\n');
    const issue = parse(text);
    expect(titles(issue)).toEqual(titles(FULL));
    const m = codes(issue, 'TABLE_TAB_SEPARATED');
    expect(m.length).toBeGreaterThanOrEqual(45);
    for (const a of m) expect(L[a.line - 1]).toMatch(/^\|/);
    // Every table row with text is inside a reported block.
    const covered = new Set<number>();
    for (const a of m) for (let k = a.line; k <= (a.endLine ?? a.line); k++) covered.add(k);
    const filled = (l: string) => l.split('|').filter((c) => c.trim() !== '').length;
    L.forEach((l, i) => {
      if (l.startsWith('|') && filled(l) >= 1 && !covered.has(i + 1)) throw new Error(`line ${i + 1} not reported`);
    });
  });

  it('full-width ｜ pipes: documents kept, every table reported', () => {
    const text = L.map((l) => (l.startsWith('|') ? l.replace(/\|/g, '｜') : l)).join('\n');
    const issue = parse(text);
    expect(titles(issue)).toEqual(titles(FULL));
    const m = codes(issue, 'TABLE_FULLWIDTH_PIPES');
    expect(m).toHaveLength(45);
    for (const a of m) expect(L[a.line - 1]).toMatch(/^\|/);
  });

  it('one stray full-width row or one tab line alone is not reported, nor paragraphs indented with tabs', () => {
    const issue = parse('标题\n(2023 年 4 月 10 日)\n｜ a ｜ b ｜\n正文\tx\ty\n\t\t第一条 正文。\n\t\t第二条 正文。\n');
    expect(codes(issue, 'TABLE_FULLWIDTH_PIPES')).toEqual([]);
    expect(codes(issue, 'TABLE_TAB_SEPARATED')).toEqual([]);
  });
});

describe('damaged bytes', () => {
  it('a file cut inside its last UTF-8 character keeps its text; the lost character is reported', () => {
    const bytes = Buffer.from(SAMPLE, 'utf8');
    // Cut inside the last character of a body line of the first document.
    const end = bytes.indexOf(Buffer.from('现将办理情况答复如下', 'utf8')) + 4;
    const cut = new Uint8Array(bytes.subarray(0, end));
    const issue = parseIssue(cut);
    checkIssue(issue);
    expect(issue.source.encoding).toBe('utf-8');
    expect(issue.documents).toHaveLength(1);
    const last = issue.source.lines;
    // The cut character is a damaged place of the file, with its byte offset (no second report as U+FFFD).
    const damaged = codes(issue, 'INPUT_DAMAGED_BYTES');
    expect(damaged.map((a) => a.line)).toEqual([last]);
    expect(damaged[0]!.message).toContain(`at byte offset ${end - 1}`);
    expect(codes(issue, 'INPUT_REPLACEMENT_CHARACTER')).toEqual([]);
    expect(codes(issue, 'INPUT_TRUNCATED').map((a) => a.line)).toEqual([last]);
  });
});
