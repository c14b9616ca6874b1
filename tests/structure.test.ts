import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseIssue } from '../src/parse.js';
import { Issue } from '../src/model/issue.js';
import { SAMPLE, SAMPLE_PATH, changedNamesVariant } from './helpers/sample.js';
import { miniIssue } from './helpers/mini.js';

const issue = parseIssue(SAMPLE, { name: SAMPLE_PATH });
const golden = JSON.parse(readFileSync(new URL('./golden/sample-structure.json', import.meta.url), 'utf8'));

/** The fields of the golden file, from an issue. */
function digest(i: ReturnType<typeof parseIssue>) {
  return {
    masthead: i.masthead,
    sections: i.sections.map((s) => ({ category: s.category, line: s.line, documents: s.documentIds })),
    documents: i.documents.map((d) => ({
      id: d.id,
      category: d.category,
      kind: d.kind,
      title: d.title,
      date: d.date,
      docNumber: d.docNumber && { raw: d.docNumber.raw, normalized: d.docNumber.normalized, line: d.docNumber.line },
      titleLine: d.titleSpan.startLine,
      span: [d.span.startLine, d.span.endLine],
      toc: d.toc && [d.toc.index, d.toc.page],
      recipients: d.recipients && d.recipients.text,
      attachments: d.attachments.map((a) => [a.index, a.startLine, a.title, a.parent]),
      interprets: d.interprets,
    })),
  };
}

describe('structure of the sample issue', () => {
  it('validates against the Issue schema', () => {
    expect(() => Issue.parse(issue)).not.toThrow();
  });

  it('matches the golden structure (every 文号, date, title, span reviewed by eye)', () => {
    expect(digest(issue)).toEqual(golden);
  });

  it('reads the masthead from the colophon', () => {
    expect(issue.masthead).toEqual({
      title: '上海市长宁区人民政府公报',
      year: 2023,
      issue: 2,
      totalIssue: 68,
      publicationDate: '2023-07-25',
      publisher: '上海市长宁区人民政府办公室',
      website: 'www.shcn.gov.cn',
      line: 3018,
      endLine: 3026,
    });
  });

  it('reads all 22 TOC entries with category, index, page and line', () => {
    expect(issue.toc).toHaveLength(22);
    expect(issue.toc[0]).toMatchObject({
      category: '区政府文件',
      index: 1,
      page: 1,
      line: 7,
      title: '上海市长宁区人民政府对市政协十四届一次会议第 0564 号提案的答复',
    });
    expect(issue.toc.find((t) => t.category === '人事任免')).toMatchObject({
      index: null,
      page: 84,
      title: '二〇二三年四月~六月份区政府人事任免事项',
    });
    expect(issue.toc.map((t) => t.page)).toEqual([1, 2, 4, 6, 11, 18, 21, 27, 30, 31, 37, 39, 45, 48, 49, 75, 84, 86, 90, 91, 92, 94]);
  });

  it('matches every TOC entry to exactly one document and every document to one entry', () => {
    const ids = issue.toc.map((t) => t.documentId);
    expect(ids.every((x) => x !== null)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(issue.documents.every((d) => d.toc !== null)).toBe(true);
    expect(new Set(issue.documents.map((d) => d.toc!.line)).size).toBe(issue.documents.length);
    for (const t of issue.toc) {
      const d = issue.documents.find((x) => x.id === t.documentId)!;
      expect(d.category).toBe(t.category);
      expect(d.toc!.line).toBe(t.line);
    }
  });

  it('counts documents per category', () => {
    const counts: Record<string, number> = {};
    for (const d of issue.documents) counts[d.category!] = (counts[d.category!] ?? 0) + 1;
    expect(counts).toEqual({ 区政府文件: 4, 区政府办公室文件: 12, 人事任免: 1, 部门规范性文件: 1, 政策解读: 4 });
  });

  it('gives contiguous, non-overlapping spans inside each section', () => {
    for (const s of issue.sections) {
      const docs = issue.documents.filter((d) => s.documentIds.includes(d.id));
      expect(docs.length).toBeGreaterThan(0);
      expect(docs[0]!.span.startLine).toBeGreaterThan(s.line);
      for (let i = 1; i < docs.length; i++) expect(docs[i]!.span.startLine).toBe(docs[i - 1]!.span.endLine + 1);
      expect(docs[docs.length - 1]!.span.endLine).toBe(s.span.endLine);
    }
    const all = issue.documents;
    for (let i = 1; i < all.length; i++) expect(all[i]!.span.startLine).toBeGreaterThan(all[i - 1]!.span.endLine);
    for (const d of all) {
      expect(d.titleSpan.startLine).toBe(d.span.startLine);
      expect(d.span.endLine).toBeGreaterThanOrEqual(d.titleSpan.endLine);
    }
  });

  it('normalises every 文号 to the standard form and flags the non-standard ones', () => {
    const nonstandard = issue.anomalies.filter((a) => a.code === 'DOCNUMBER_NONSTANDARD').map((a) => a.line);
    expect(nonstandard).toEqual([48, 140, 866, 940, 1247, 1621, 2514, 2818]);
    for (const d of issue.documents) if (d.docNumber) expect(d.docNumber.normalized).toMatch(/^[\u4e00-\u9fff]+〔\d{4}〕\d+号$/);
  });

  it('links each policy interpretation to the document it interprets', () => {
    const links = issue.documents.filter((d) => d.kind === '解读').map((d) => [d.id, d.interprets]);
    expect(links).toEqual([
      ['政策解读-1', '长府-2023-18'],
      ['政策解读-2', '长府-2023-25'],
      ['政策解读-3', '长府-2023-26'],
      ['政策解读-4', '长发改规-2023-6'],
    ]);
  });

  it('finds cited 文号, including one broken over a page break', () => {
    const nums = issue.citations.filter((c) => c.kind === 'docNumber').map((c) => `${c.line}:${c.normalized}`);
    expect(nums).toContain('96:国发〔2022〕22号');
    expect(nums).toContain('150:沪精细化办〔2023〕6号');
    expect(nums).toContain('226:文旅公共发〔2020〕32号');
    expect(nums).toContain('2524:沪水务〔2021〕455号');
    const titles = issue.citations.filter((c) => c.kind === 'title');
    expect(titles.find((c) => c.line === 378)).toMatchObject({
      text: '长宁区行政机关政策文件解读实施办法',
      targetDocumentId: '长府办-2023-12',
    });
    for (const c of issue.citations) expect(SAMPLE.split('\n')[c.line - 1]!.length).toBeGreaterThanOrEqual(c.column - 1);
  });

  it('declares and finds attachments, nested ones included', () => {
    const d21 = issue.documents.find((d) => d.id === '长府办-2023-21')!;
    expect(d21.attachments.map((a) => [a.index, a.startLine, a.parent])).toEqual([
      [1, 1915, null],
      [2, 2021, null],
      [3, 2077, null],
      [4, 2214, null],
      [null, 2362, 3],
      [5, 2398, null],
      [6, 2472, null],
    ]);
    // Every declared attachment is found; two are headed otherwise than declared (checked in tests/consistency.test.ts).
    expect(issue.anomalies.filter((a) => a.code.startsWith('ATTACHMENT_')).map((a) => [a.code, a.line])).toEqual([
      ['ATTACHMENT_TITLE_MISMATCH', 611],
      ['ATTACHMENT_TITLE_MISMATCH', 2474],
    ]);
  });

  it('titles: wrap spaces removed, genuine spaces kept, raw text kept', () => {
    const d = issue.documents[0]!;
    expect(d.titleRaw).toBe('上海市长宁区人民政府对市政协十四届 一次会议第 0564 号提案的答复');
    expect(d.title).toBe('上海市长宁区人民政府对市政协十四届一次会议第 0564 号提案的答复');
    expect(issue.documents[2]!.title).toContain('“加强物业管理 共建美好家园”');
    expect(issue.documents.find((x) => x.id === '长府办-2023-15')!.title).toBe(
      '上海市长宁区人民政府办公室关于建立长宁区打击野生动植物非法贸易联席会议的通知',
    );
  });
});

describe('changed-names variant (another district, year and serials)', () => {
  const variant = parseIssue(changedNamesVariant());
  it('has the same structure', () => {
    const shape = (i: ReturnType<typeof parseIssue>) =>
      i.documents.map((d) => ({
        category: d.category?.replaceAll('长宁', '静安'),
        kind: d.kind,
        span: d.span,
        titleSpan: d.titleSpan,
        dateLine: d.dateLine,
        hasNumber: d.docNumber !== null,
        serial: d.docNumber ? d.docNumber.serial % 100 : null,
        attachments: d.attachments.length,
        toc: d.toc,
        interprets: d.interprets !== null,
        recipients: d.recipients?.line ?? null,
      }));
    expect(shape(variant)).toEqual(shape(issue));
    expect(variant.toc.map((t) => t.documentId !== null)).toEqual(issue.toc.map(() => true));
    expect(variant.masthead).toMatchObject({
      title: '上海市静安区人民政府公报',
      year: 2024,
      issue: 2,
      totalIssue: 68,
      publicationDate: '2024-07-25',
    });
    expect(variant.documents[0]!.docNumber).toMatchObject({ issuer: '静府', year: 2024, serial: 113, normalized: '静府〔2024〕113号' });
    expect(variant.documents.map((d) => d.id)).toContain('静府办-2024-110');
  });
});

describe('a table of contents of thousands of entries', () => {
  // entries numbered past 999 and pages past 9999 are still entries; every document finds its
  // own entry (by key, or by similarity near the last match), none another's
  const n = 12_000;
  const text =
    '目 录\n【区政府文件】\n' +
    Array.from({ length: n }, (_, i) => `${i + 1}. 关于第${i}号事项的通知…… (${i + 1})\n`).join('') +
    '【区政府文件】\n' +
    Array.from({ length: n }, (_, i) => `关于第${i}号事项的${i % 1000 === 7 ? '紧急' : ''}通知\n(2023 年 4 月 10 日)\n正文。\n`).join('');
  const issue = parseIssue(text);
  it('reads every entry and matches every document to its own', () => {
    expect(issue.toc).toHaveLength(n);
    expect(issue.toc[n - 1]).toMatchObject({ index: n, page: n, title: `关于第${n - 1}号事项的通知` });
    expect(issue.documents).toHaveLength(n);
    expect(issue.documents.every((d, i) => d.toc?.index === i + 1)).toBe(true);
    const codes = new Set(issue.anomalies.map((a) => a.code));
    expect(codes.has('DOCUMENT_NOT_IN_TOC')).toBe(false);
    expect(codes.has('TOC_ENTRY_UNMATCHED')).toBe(false);
    // the reworded titles (紧急) are matched by similarity and reported as worded differently
    expect(issue.anomalies.filter((a) => a.code === 'TOC_TITLE_MISMATCH')).toHaveLength(12);
  });
});

describe('documents found only by their title in the table of contents', () => {
  // no date line, 文号 or 主送 line: only the TOC title finds them, by key or as a prefix
  const body = ['一、总体要求', '', '坚持稳中求进。'];
  const docs = [
    { title: '“十四五”时期某某区社区服务体系建设规划', date: null, body },
    { title: '【】某某区居家养老服务工作要点', tocTitle: '某某区居家养老服务工作要点', date: null, body },
    { title: '某某区公共文化服务体系建设三年行动计划', tocTitle: '某某区公共文化服务体系建设三年行动计划（试行）', date: null, body },
  ];
  const found = (issue: Issue) => issue.documents.map((d) => [d.titleSpan.startLine, d.toc?.index]);
  const unmatched = (issue: Issue) => issue.anomalies.filter((a) => a.code === 'TOC_ENTRY_UNMATCHED' || a.code === 'DOCUMENT_NOT_IN_TOC');
  it('finds each, after quotes and brackets, by key and as a prefix', () => {
    const issue = parseIssue(miniIssue({ docs }));
    expect(found(issue)).toEqual([
      [11, 1],
      [19, 2],
      [27, 3],
    ]);
    expect(unmatched(issue)).toEqual([]);
  });
  it('also beside a title whose key starts with a digit', () => {
    const issue = parseIssue(miniIssue({ docs: [...docs, { title: '2023年某某区为民办实事项目', date: null, body }] }));
    expect(found(issue)).toEqual([
      [12, 1],
      [20, 2],
      [28, 3],
      [36, 4],
    ]);
    expect(unmatched(issue)).toEqual([]);
  });
});
