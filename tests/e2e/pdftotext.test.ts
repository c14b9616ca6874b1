/**
 * The PDF fixtures made afresh (scripts/make-pdf-fixtures.mjs: the sample → HTML → PDF with
 * Debian's headless chromium → poppler's pdftotext, with and without -layout). Fonts and
 * versions may move a character, so the records are compared, not the bytes: a fresh PDF
 * must give what the committed fixtures give (tests/readers-pdftotext.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseIssue } from '../../src/parse.js';
import type { Issue } from '../../src/model/issue.js';
// @ts-expect-error: a plain ES module without types
import { CHROMIUM, pdfHtml, pdftotext, printPdf, REAL } from '../../scripts/make-pdf-fixtures.mjs';

const dir = mkdtempSync(join(tmpdir(), 'gb-pdftotext-'));
const pdf = join(dir, 'changning-2023-02.pdf');
const realPdf = join(dir, 'real.pdf');
const indentPdf = join(dir, 'indent.pdf');
const realText = readFileSync(`tests/fixtures/real/${REAL.name}.txt`, 'utf8');
const sample = readFileSync('samples/changning-2023-02.txt', 'utf8');
const plain = parseIssue(sample, { name: 'changning-2023-02.txt' });
const fixture = (form: string) => parseIssue(readFileSync(`tests/fixtures/readers/changning-2023-02.${form}.txt`, 'utf8'), { name: form });

const docs = (i: Issue) => i.documents.map((d) => [d.title, d.docNumber?.normalized ?? null, d.date]);
const people = (i: Issue) => i.appointments.map((a) => JSON.stringify([a.name, a.action, a.documentId]));
const stakes = (i: Issue) => i.points.map((p) => [p.stake, p.y, p.x].join(' ')).sort();

describe('the sample printed to PDF afresh and read back with pdftotext', () => {
  beforeAll(async () => {
    // In CI a missing tool is a failure, never a skip (.ci/run installs chromium and poppler-utils).
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    expect(spawnSync('pdftotext', ['-v']).status, 'pdftotext is missing: apt-get install -y poppler-utils').toBe(0);
    await printPdf(pdfHtml(sample), pdf);
    await printPdf(pdfHtml(realText, REAL.head), realPdf, REAL.head);
    await printPdf(pdfHtml(sample, undefined, { indent: true }), indentPdf);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [form, layout] of [
    ['layout', true],
    ['pdftotext', false],
  ] as const) {
    it(`pdftotext${layout ? ' -layout' : ''}: the same documents, appointments and stakes as the sample and the committed fixture`, () => {
      const text = pdftotext(pdf, layout) as string;
      expect(text.split('\f').length).toBeGreaterThan(80);
      const fresh = parseIssue(text, { name: `fresh.${form}.txt` });
      const committed = fixture(form);
      expect(fresh.source.reader).toBe('pdftotext');
      expect(docs(fresh)).toEqual(docs(plain));
      expect(fresh.toc.map((e) => e.title)).toEqual(plain.toc.map((e) => e.title));
      expect(people(fresh)).toEqual(people(committed));
      expect(stakes(fresh)).toEqual(stakes(committed));
      expect(fresh.tables.length).toBe(committed.tables.length);
    });
  }

  it('pdftotext -layout of a real text (other documents, another running head): the same documents as the text and the committed fixture', () => {
    const fresh = parseIssue(pdftotext(realPdf, true) as string, { name: 'fresh.real.layout.txt' });
    const committed = parseIssue(readFileSync(`tests/fixtures/printed/${REAL.name}.layout.txt`, 'utf8'), { name: 'real.layout' });
    expect(fresh.source.reader).toBe('pdftotext');
    expect(docs(fresh)).toEqual(docs(parseIssue(realText, { name: 'real.txt' })));
    expect(docs(fresh)).toEqual(docs(committed));
    expect(fresh.tables.length).toBe(committed.tables.length);
  });

  it('pdftotext -layout of the sample printed with paragraphs two characters in: the same records as the sample and the committed fixture', () => {
    const fresh = parseIssue(pdftotext(indentPdf, true) as string, { name: 'fresh.indent.layout.txt' });
    const committed = parseIssue(readFileSync('tests/fixtures/printed/changning-2023-02.indent.layout.txt', 'utf8'), { name: 'indent' });
    expect(docs(fresh)).toEqual(docs(plain));
    expect(people(fresh)).toEqual(people(plain));
    expect(stakes(fresh)).toEqual(stakes(plain));
    expect(fresh.tables.length).toBe(committed.tables.length);
  });
});
