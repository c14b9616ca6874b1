import { Lines } from '../../src/read/lines.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse.js';
import type { Anomaly } from '../../src/model/anomaly.js';
import { documentsMarkdown } from '../../src/write/markdown.js';
import { fileText } from '../../src/write/pieces.js';
import { SAMPLE, SAMPLE_PATH } from '../helpers/sample.js';

/**
 * PARAGRAPH_JOINED on the converter forms of the sample (tests/fixtures/readers/): the same
 * cuts as the plain text where the form keeps its line breaks, and the cuts at page breaks
 * of pdftotext -layout (text wrapped at the page width) joined in the Markdown export.
 * tests/repairs.test.ts lists the sample's cuts one by one.
 */
const breaksOf = (issue: { anomalies: Anomaly[] }): number[][] =>
  issue.anomalies
    .filter((a) => a.code === 'PARAGRAPH_JOINED')
    .flatMap((a) => [...a.message.matchAll(/(\d+)→(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]));

describe('PARAGRAPH_JOINED on the converter forms of the sample', () => {
  const { issue, lines } = parseSource(SAMPLE, { name: SAMPLE_PATH });
  const SAMPLE_BREAKS = breaksOf(issue);

  it('the sample has its 29 cuts', () => {
    expect(SAMPLE_BREAKS).toHaveLength(29);
  });

  it('the converter forms of the sample with the same line breaks find the same cuts', () => {
    for (const f of ['changning-2023-02.md', 'changning-2023-02.nosep.txt']) {
      const form = parseSource(readFileSync(`tests/fixtures/readers/${f}`), { name: f });
      const texts = breaksOf(form.issue).map(
        ([p, n]) =>
          `${form.lines
            .get(p! - 1)!
            .trim()
            .slice(-8)}|${form.lines
            .get(n! - 1)!
            .trim()
            .slice(0, 8)}`,
      );
      const want = SAMPLE_BREAKS.map(
        ([p, n]) =>
          `${lines
            .get(p! - 1)!
            .trim()
            .slice(-8)}|${lines
            .get(n! - 1)!
            .trim()
            .slice(0, 8)}`,
      );
      expect(texts, f).toEqual(want);
    }
  });

  it('pdftotext -layout (wrapped at the page width): the cuts at page breaks are found and joined', async () => {
    const form = parseSource(readFileSync('tests/fixtures/readers/changning-2023-02.layout.txt'), { name: 'layout' });
    const found = breaksOf(form.issue);
    // every cut of the plain text is a cut of the layout form too (where the page broke the same way)
    const tail = (l: Lines, p: number): string =>
      l
        .get(p - 1)!
        .trim()
        .slice(-8);
    const layoutTails = new Set(found.map(([p]) => tail(form.lines, p!)));
    const shared = SAMPLE_BREAKS.filter(([p]) => layoutTails.has(tail(lines, p!)));
    expect(shared.length).toBeGreaterThanOrEqual(20);
    const md = (await documentsMarkdown(form.issue, form.lines)).map((f) => fileText(f.data)).join('\n');
    expect(md).toContain('探索有效改进物业管理工作的方式方法，选出一批物业服务优良');
  });
});
