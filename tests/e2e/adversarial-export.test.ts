// The export folder of every pathological input of `npm run bench:adversarial`, at full
// size, built in memory (the writing of files is tested in tests/fuzz-output.test.ts). The
// parse of these inputs is checked in tests/adversarial.test.ts; here the writers: CSV,
// Markdown, the HTML report, GeoJSON and the SVG plots. Full size matters: Math.max over the
// rows of a 200 000-row table overflowed the stack, and placing the labels of 20 000 stakes
// took a minute (every label was tested against every other). No timing is asserted.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse.js';
import { buildExport } from '../../src/write/export.js';
import { SAMPLE } from '../helpers/sample.js';
// @ts-expect-error a plain ES module shared with the benchmark, without types
import { adversarialCases } from '../../scripts/adversarial-cases.mjs';

const cases = adversarialCases(SAMPLE) as Array<[string, () => string]>;

describe('the export of pathological inputs at full size', () => {
  it.each(cases.map(([name, make]) => [name, make] as const))('%s', async (_name, make) => {
    const { issue, lines } = parseSource(make());
    const files = await buildExport(issue, { lines });
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['issue.json', 'anomalies.json', 'documents.csv', 'report.html', 'datapackage.json']));
    // a Markdown file a document, and docs/matter.md for the lines no record holds, if any
    expect(paths.filter((p) => p.startsWith('docs/'))).toHaveLength(issue.documents.length + (issue.matter.length > 0 ? 1 : 0));
    expect(paths.includes('docs/matter.md')).toBe(issue.matter.length > 0);
    expect(paths.filter((p) => p.startsWith('plots/')).length).toBeLessThanOrEqual(issue.sluices.length);
    expect(new Set(paths).size).toBe(paths.length);
    const pkg = JSON.parse(files.find((f) => f.path === 'datapackage.json')!.data as string) as { resources: { path: string }[] };
    for (const r of pkg.resources) expect(paths).toContain(r.path);
  });
});
