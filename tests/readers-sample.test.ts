/**
 * The sample written as other tools write it (scripts/converter-forms.mjs): converter
 * Markdown (MinerU style: HTML tables with rowspan/colspan, # headings, running heads,
 * page numbers, image references) and pipe tables without their |---| rows. Each must
 * give the records of the plain sample; only the reader's own notes are added.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import type { Issue } from '../src/model/issue.js';
// @ts-expect-error: a plain ES module without types
import { converterMarkdown, withoutDelimiters } from '../scripts/converter-forms.mjs';
import { SAMPLE, SAMPLE_BYTES } from './helpers/sample.js';
import { gongbaoIn } from './helpers/cli.js';

const MD_PATH = 'tests/fixtures/readers/changning-2023-02.md';
const NOSEP_PATH = 'tests/fixtures/readers/changning-2023-02.nosep.txt';

/** Drops what depends on where a record stands in its file (lines, columns, offsets). */
const POSITION = new Set([
  'line',
  'column',
  'endLine',
  'startLine',
  'span',
  'summaryLine',
  'titleSpan',
  'dateLine',
  'declaredLine',
  'offset',
  'lines',
  'sourceLines',
  'fragments',
  'joined',
  'caption',
  'notes',
  'tocLine',
]);
const noPositions = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x) => (POSITION.has(k) ? undefined : x)));

const plain = parseIssue(SAMPLE_BYTES, { name: 'changning-2023-02.txt' });
const codes = (i: Issue): Record<string, number> => {
  const m: Record<string, number> = {};
  for (const a of i.anomalies) m[a.code] = (m[a.code] ?? 0) + 1;
  return m;
};
const docs = (i: Issue) =>
  i.documents.map((d) => ({
    id: d.id,
    title: d.title,
    docNumber: d.docNumber?.normalized ?? null,
    date: d.date,
    category: d.category,
    attachments: d.attachments.map((a) => [a.index, a.declaredTitle, a.title]),
  }));
const cells = (i: Issue) =>
  i.tables.map((t) => ({
    id: t.id,
    caption: t.caption?.text ?? null,
    notes: t.notes.map((n) => n.text),
    columns: t.columns.map((c) => [c.name, c.type]),
    rows: t.rows.map((r) => [r.kind, r.cells.map((c) => [c.text, c.value, c.filled ?? false])]),
  }));

describe('the converter forms of the sample are up to date', () => {
  it('tests/fixtures/readers/ holds what scripts/converter-forms.mjs writes (node scripts/converter-forms.mjs)', async () => {
    expect(readFileSync(MD_PATH, 'utf8') === converterMarkdown(SAMPLE)).toBe(true);
    expect(readFileSync(NOSEP_PATH, 'utf8') === withoutDelimiters(SAMPLE)).toBe(true);
  });

  it('the Markdown form has what the test relies on: HTML tables with rowspan and colspan, headings, furniture, images', async () => {
    const md = readFileSync(MD_PATH, 'utf8');
    expect(md).toMatch(/<td rowspan="\d+">/);
    expect(md).toMatch(/<td colspan="2">/);
    expect(md).not.toMatch(/^\|/m);
    expect(md).toMatch(/^# 【/m);
    expect(md).toMatch(/^## /m);
    expect(md).toMatch(/^!\[\]\(images\//m);
    expect(md.split('上海市长宁区人民政府公报 2023 年第 2 期').length).toBeGreaterThan(10);
    expect(withoutDelimiters(SAMPLE)).not.toMatch(/^\|\s*-+/m);
  });
});

for (const [form, path, reader, added] of [
  ['converter Markdown', MD_PATH, 'markdown', { INPUT_PAGE_FURNITURE: 2, INPUT_IMAGE_REFERENCE: 2 }],
  ['pipe tables without |---| rows', NOSEP_PATH, 'text', { TABLE_DELIMITER_MISSING: 45 }],
] as const) {
  describe(`the sample as ${form}`, () => {
    const issue = parseIssue(new Uint8Array(readFileSync(path)), { name: path });

    it(`is read by the ${reader} reader, named in source`, async () => {
      expect(issue.source.reader).toBe(reader);
      expect(plain.source.reader).toBe('text');
    });

    it('gives the same 22 documents: title, 文号, date, attachments', async () => {
      expect(issue.documents).toHaveLength(22);
      expect(docs(issue)).toEqual(docs(plain));
      expect(noPositions(issue.toc)).toEqual(noPositions(plain.toc));
      expect(noPositions(issue.masthead)).toEqual(noPositions(plain.masthead));
      expect(noPositions(issue.sections)).toEqual(noPositions(plain.sections));
    });

    it('gives the same citations, those inside table cells too', async () => {
      expect(issue.citations).toHaveLength(plain.citations.length);
      expect(noPositions(issue.citations)).toEqual(noPositions(plain.citations));
    });

    it('gives the same 26 logical tables, cell by cell', async () => {
      expect(issue.tables).toHaveLength(26);
      expect(cells(issue)).toEqual(cells(plain));
    });

    it('gives the same 26 appointments and 2 rosters', async () => {
      expect(issue.appointments).toHaveLength(26);
      expect(noPositions(issue.appointments)).toEqual(noPositions(plain.appointments));
      expect(noPositions(issue.rosters)).toEqual(noPositions(plain.rosters));
    });

    it('gives the same 10 sluices and 143 stakes', async () => {
      expect(issue.sluices).toHaveLength(10);
      expect(issue.points).toHaveLength(143);
      expect(noPositions(issue.sluices)).toEqual(noPositions(plain.sluices));
      expect(noPositions(issue.points)).toEqual(noPositions(plain.points));
    });

    it('adds only the anomalies of its form, named', async () => {
      const want = { ...codes(plain) };
      for (const [k, n] of Object.entries(added)) want[k] = (want[k] ?? 0) + n;
      expect(codes(issue)).toEqual(want);
    });

    it('keeps line numbers 1:1 with its file: every table row and stake points into it', async () => {
      const lines = readFileSync(path, 'utf8').split('\n');
      expect(issue.source.lines).toBe(lines.length - (lines[lines.length - 1] === '' ? 1 : 0));
      for (const t of issue.tables)
        for (const r of t.rows)
          for (const c of r.cells) {
            if (c.filled || c.text === '') continue;
            expect(lines[c.line - 1]!.includes(c.raw.slice(0, 4)), `${t.id} ${c.line}:${c.column}`).toBe(true);
          }
      for (const d of issue.documents) expect(lines[d.titleSpan.startLine - 1]).toContain(d.titleRaw.split('\n')[0]!.trim().slice(0, 8));
    });
  });
}

describe('gongbao parse on the converter forms (the built CLI: cheerio bundled, loaded on demand)', () => {
  it('converter Markdown: detected, the same counts as the sample', async () => {
    const r = await gongbaoIn(['parse', MD_PATH]);
    expect(r.code).toBe(0);
    const i = JSON.parse(r.stdout) as Issue;
    expect(i.source.reader).toBe('markdown');
    expect([i.documents.length, i.tables.length, i.appointments.length, i.sluices.length, i.points.length]).toEqual([22, 26, 26, 10, 143]);
  });

  it('--from text reads the same Markdown as plain text: its HTML tables are then no tables', async () => {
    const i = JSON.parse((await gongbaoIn(['parse', '--from', 'text', MD_PATH])).stdout) as Issue;
    expect(i.source.reader).toBe('text');
    expect(i.tables).toHaveLength(0);
  });

  it('pipes without |---|: the same counts as the sample, each run reported', async () => {
    const r = await gongbaoIn(['parse', NOSEP_PATH]);
    const i = JSON.parse(r.stdout) as Issue;
    expect([i.documents.length, i.tables.length, i.appointments.length, i.sluices.length, i.points.length]).toEqual([22, 26, 26, 10, 143]);
    expect(i.anomalies.filter((a) => a.code === 'TABLE_DELIMITER_MISSING')).toHaveLength(45);
  });
});

describe('the CSV of a table read from one line of HTML', () => {
  it('does not claim `line` as its key: every row of the table stands on the same line', async () => {
    const { tableCsv } = await import('../src/features/tables/csv.js');
    const { tableSpec } = await import('../src/model/export.js');
    const md = parseIssue(readFileSync(MD_PATH));
    const html = md.tables.filter((t) => {
      const rows = t.rows.filter((r) => r.kind === 'data');
      return rows.length > 1 && new Set(rows.map((r) => r.line)).size < rows.length;
    });
    expect(html.length).toBeGreaterThan(0);
    for (const t of html) {
      const spec = tableSpec(tableCsv(t, 1).table);
      expect(spec.primaryKey, t.id).toBeUndefined();
      expect(spec.fields[0]).toMatchObject({ name: 'line', constraints: { required: true } });
      expect(spec.fields[0]!.constraints!.unique, t.id).toBeUndefined();
    }
    // the plain sample's tables keep `line` as their key (its parse above)
    for (const t of plain.tables) expect(tableSpec(tableCsv(t, 1).table).primaryKey, t.id).toBe('line');
  });
});
