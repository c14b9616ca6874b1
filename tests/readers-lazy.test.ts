/** cheerio is loaded only when the input holds an HTML table: plain text pays nothing. */
import { readFileSync } from 'node:fs';
import { expect, it, vi } from 'vitest';
import { SAMPLE_BYTES } from './helpers/sample.js';

it('the plain sample and pipes without |---| do not load cheerio; converter Markdown with <table> does', async () => {
  // Fresh modules: the files of a worker share theirs (isolate: false), and another file may
  // have parsed an HTML table already.
  vi.resetModules();
  const { cheerioLoaded } = await import('../src/read/html-table.js');
  const { parseIssue } = await import('../src/parse.js');
  expect(cheerioLoaded()).toBe(false);
  parseIssue(SAMPLE_BYTES);
  parseIssue(new Uint8Array(readFileSync('tests/fixtures/readers/changning-2023-02.nosep.txt')));
  parseIssue('# 【一】\n\n## 标题\n\n![](a.png)\n', { from: 'markdown' });
  expect(cheerioLoaded()).toBe(false);
  parseIssue('x\n\n<table><tr><td>a</td></tr></table>\n');
  expect(cheerioLoaded()).toBe(true);
});
