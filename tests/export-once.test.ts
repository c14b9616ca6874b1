// What an export makes once per issue (issue 15: nothing done twice), and the shortcuts of
// a small issue, which must give the same bytes as the general way.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/parse.js';
import { Lines } from '../src/read/lines.js';
import { issueReadingBlocks, KEEP_LINES, readingBlocks } from '../src/write/markdown.js';
import { buildExport, fileText, WHOLE_JSON_BYTES } from '../src/write/export.js';
import { jsonChunks, PIECE_CHARS } from '../src/write/json-stream.js';
import { peopleLines } from '../src/core/prose.js';
import { appointmentRows } from '../src/features/people/csv.js';
import { markdownTable } from '../src/write/markdown-flow.js';
import { displayWidth } from '../src/read/text.js';
import { countWork } from '../src/model/work.js';
import { SAMPLE, SAMPLE_PATH } from './helpers/sample.js';
// markdown-table itself (what remark-gfm lays tables out with) as the reference
import { markdownTable as referenceTable } from 'markdown-table';

const { issue, lines } = parseSource(SAMPLE, { name: SAMPLE_PATH });
const people = peopleLines(issue);
const tablesOf = (id: string) => issue.tables.filter((t) => t.documentId === id);

describe('reading blocks, made once for the Markdown export and report.html', () => {
  it('the second reader takes what the first made, and lets it go', () => {
    const d = issue.documents.find((x) => tablesOf(x.id).length > 0)!;
    const first = issueReadingBlocks(issue, d, lines, tablesOf(d.id), people);
    const second = issueReadingBlocks(issue, d, lines, tablesOf(d.id), people);
    expect(second).toBe(first);
    expect(first).toEqual(readingBlocks(d, lines, tablesOf(d.id), people));
    // taken: a third reader (another export of the same issue) makes them again
    const third = issueReadingBlocks(issue, d, lines, tablesOf(d.id), people);
    expect(third).not.toBe(first);
    expect(third).toEqual(first);
    issueReadingBlocks(issue, d, lines, tablesOf(d.id), people); // take it again: nothing left behind
  });

  it('other lines (another reading of the text) are never served from the blocks kept', () => {
    const d = issue.documents[1]!;
    const other = Lines.of(lines.slice());
    const a = issueReadingBlocks(issue, d, lines, tablesOf(d.id), people);
    const b = issueReadingBlocks(issue, d, other, tablesOf(d.id), people);
    expect(b).not.toBe(a);
    expect(issueReadingBlocks(issue, d, other, tablesOf(d.id), people)).toBe(b);
  });

  it('a large issue keeps nothing: its blocks are made by each reader', () => {
    const large = { ...issue, source: { ...issue.source, lines: KEEP_LINES + 1 } };
    const d = large.documents[0]!;
    const a = issueReadingBlocks(large, d, lines, tablesOf(d.id), people);
    expect(issueReadingBlocks(large, d, lines, tablesOf(d.id), people)).not.toBe(a);
  });
});

describe('JSON files of a small issue as one string', () => {
  it('gives the bytes of the pieces a large issue is written in', async () => {
    expect(issue.source.bytes).toBeLessThanOrEqual(WHOLE_JSON_BYTES);
    const text = (files: Awaited<ReturnType<typeof buildExport>>, path: string) => fileText(files.find((f) => f.path === path)!.data);
    const small = await buildExport(issue, {});
    // the same issue said to be large: written in pieces
    const large = { ...issue, source: { ...issue.source, bytes: WHOLE_JSON_BYTES + 1 } };
    const big = await buildExport(large, {});
    const json = text(small, 'issue.json');
    expect(json).toBe(JSON.stringify(issue, null, 2) + '\n');
    expect([...jsonChunks(large, true)].join('') + '\n').toBe(text(big, 'issue.json'));
    expect(text(big, 'issue.json').replace(`"bytes": ${WHOLE_JSON_BYTES + 1}`, `"bytes": ${issue.source.bytes}`)).toBe(json);
    expect(text(big, 'anomalies.json')).toBe(text(small, 'anomalies.json'));
  });
});

describe('markdownTable (markdown-table 3, no alignment)', () => {
  it('pads cells to the widest of their column by display width, delimiters at least one dash', () => {
    expect(
      markdownTable(
        [
          ['名称', 'a'],
          ['x', ''],
          ['长宁区', 'bb', 'extra'],
        ],
        displayWidth,
      ),
    ).toBe(['| 名称   | a  |', '| ------ | -- |', '| x      |    |', '| 长宁区 | bb | extra |'].join('\n'));
    expect(markdownTable([[''], ['']], displayWidth)).toBe(['|   |', '| - |', '|   |'].join('\n'));
  });

  it('gives what markdown-table gives, as mdast-util-gfm-table calls it, on ragged tables of any width', () => {
    let seed = 11;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const words = ['', 'a', '名称', '长宁区人民政府', 'x y', '１２', '—', '😀', 'ab|c'];
    for (let k = 0; k < 300; k++) {
      const rows = Array.from({ length: 1 + rnd(5) }, () => Array.from({ length: rnd(5) }, () => words[rnd(words.length)]!));
      const align = Array.from({ length: rnd(4) }, () => null);
      const opts = { align, fillRows: false, stringLength: displayWidth };
      expect(markdownTable(rows, displayWidth), JSON.stringify(rows)).toBe(
        referenceTable(
          rows.map((r) => [...r]),
          opts,
        ),
      );
    }
  });
});

describe('sluice plots, drawn once for plots/*.svg and report.html', () => {
  it('the second reader takes the drawing the first made; another issue object draws its own', async () => {
    const { plotSluice, KEEP_PLOTS_LINES } = await import('../src/features/sluices/plot.js');
    const s = issue.sluices[0]!;
    const draws = (f: () => void): number => countWork(f).get('plots drawn') ?? 0;
    let first = '';
    expect(draws(() => (first = plotSluice(issue, s)))).toBe(1);
    expect(draws(() => expect(plotSluice(issue, s)).toBe(first))).toBe(0); // taken
    // the same sluice objects in another issue object: never served the first's drawing
    expect(draws(() => plotSluice({ ...issue }, s))).toBe(1);
    expect(draws(() => plotSluice(issue, s))).toBe(1);
    expect(draws(() => plotSluice(issue, s))).toBe(0);
    const large = { ...issue, source: { ...issue.source, lines: KEEP_PLOTS_LINES + 1 } };
    expect(draws(() => [plotSluice(large, s), plotSluice(large, s)])).toBe(2);
  });
});

describe('a whole export', () => {
  it('makes the reading blocks of each document once and draws each plot once, report.html embedding them', async () => {
    const files = await buildExport(issue, { lines });
    let texts = new Map<string, string>();
    const counts = countWork(() => (texts = new Map(files.map((f) => [f.path, fileText(f.data)]))));
    expect(counts.get('reading blocks made')).toBe(issue.documents.length);
    expect(counts.get('plots drawn')).toBe(issue.sluices.length);
    const report = texts.get('report.html')!;
    const plots = [...texts].filter(([p]) => p.startsWith('plots/'));
    expect(plots.length).toBe(issue.sluices.length);
    // each plot's drawing is in the report, its ids scoped
    for (const [, svg] of plots) expect(report).toContain(/<text[^>]*>[^<]+<\/text>/.exec(svg)![0].replace(/ id="[^"]*"/, ''));
  });
});

describe('file texts made when they are written', () => {
  it('no file of the export holds its text before it is written, and each gives the same text when read again', async () => {
    const files = await buildExport(issue, { lines, crs: '+proj=tmerc +lat_0=31.2 +lon_0=121.4 +k=1 +x_0=0 +y_0=0 +ellps=WGS84' });
    // CSVs (appointments.csv and rosters.csv come from one-pass generators), GeoJSON, plots, Markdown, JSON, the report
    for (const path of [
      'appointments.csv',
      'rosters.csv',
      'documents.csv',
      'tables/长府办-2023-10-t1.csv',
      'sluice-points.local.geojson',
      'sluices.geojson',
      'issue.json',
      'report.html',
    ]) {
      const f = files.find((x) => x.path === path);
      expect(f, path).toBeDefined();
      expect(typeof f!.data, path).not.toBe('string');
      const once = fileText(f!.data);
      expect(once.length, path).toBeGreaterThan(100);
      expect(fileText(f!.data), path).toBe(once);
    }
    // read twice, the generator's rows are there both times: the header and one line a row
    const rows = [...appointmentRows(issue)].length;
    expect(rows).toBeGreaterThanOrEqual(26);
    expect(
      fileText(files.find((x) => x.path === 'appointments.csv')!.data)
        .trim()
        .split('\n').length,
    ).toBe(rows + 1);
  });

  it('pieces of a large file stay under V8’s large-object size: 32 768 characters at most, before the last', async () => {
    const large = { ...issue, source: { ...issue.source, bytes: WHOLE_JSON_BYTES + 1 } };
    const json = (await buildExport(large, {})).find((f) => f.path === 'issue.json')!.data as Iterable<string>;
    const sizes = [...json].map((p) => p.length);
    expect(sizes.length).toBeGreaterThan(5);
    // a batch closes at the first small piece past PIECE_CHARS (one element of the issue more
    // at most), or before a piece of PIECE_CHARS or more, which goes on alone
    for (let i = 0; i + 1 < sizes.length; i++) expect(sizes[i]! >= PIECE_CHARS || sizes[i + 1]! >= PIECE_CHARS, `piece ${i}`).toBe(true);
    expect(sizes.filter((n) => n < PIECE_CHARS).length).toBeLessThan(sizes.length / 2);
    expect(Math.max(...sizes)).toBeLessThan(4 * PIECE_CHARS);
  });
});
