import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES_END, RULES_START, rulesMarkdown, withRulesTable } from '../src/write/rules.js';
import { CATALOGUE } from '../src/model/catalogue.js';
import { exportIssue } from '../src/index.js';
// @ts-expect-error: a plain ES module without type declarations
import { between, columnsMarkdown, COLUMNS_END, COLUMNS_START, EXTRA_INPUTS, mergePackages, SAMPLE } from '../scripts/gen-docs.mjs';

/** The generated parts of docs/: `npm run docs` (scripts/gen-docs.mjs) rewrites them. */
const doc = (name: string): string => readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8');

describe('docs/anomalies.md', () => {
  const ANOMALIES = doc('anomalies.md');

  it('holds the catalogue of src/model/catalogue.ts (npm run docs rewrites it)', () => {
    expect(ANOMALIES).toContain(RULES_START);
    expect(ANOMALIES).toContain(RULES_END);
    expect(withRulesTable(ANOMALIES), 'docs/anomalies.md is out of date: run npm run docs').toBe(ANOMALIES);
  });

  it('has a row per code', () => {
    const table = rulesMarkdown();
    for (const code of Object.keys(CATALOGUE)) {
      expect(table).toContain(`| \`${code}\` |`);
      expect(ANOMALIES).toContain(`| \`${code}\` |`);
    }
    expect(withRulesTable('x\n' + RULES_START + '\nold\n' + RULES_END + '\ny')).toBe(`x\n${RULES_START}\n\n${table}\n${RULES_END}\ny`);
    expect(withRulesTable('no markers')).toBeNull();
  });
});

describe('docs/output.md', () => {
  const OUTPUT = doc('output.md');
  const dir = join(mkdtempSync(join(tmpdir(), 'gongbao-docs-test-')), 'out');

  it('holds the CSV columns of the datapackage.json of the sample’s export (npm run docs rewrites them)', async () => {
    await exportIssue(readFileSync(SAMPLE), dir, { name: SAMPLE });
    let pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    // files the sample has none of (parcels) come from the export of EXTRA_INPUTS
    for (const input of EXTRA_INPUTS as string[]) {
      const more = join(mkdtempSync(join(tmpdir(), 'gongbao-docs-test-')), 'out');
      await exportIssue(readFileSync(input), more, { name: input });
      pkg = mergePackages(pkg, JSON.parse(readFileSync(join(more, 'datapackage.json'), 'utf8')));
      for (const f of readdirSync(more).filter((x) => x.endsWith('.csv'))) expect(OUTPUT, f).toContain(`### \`${f}\``);
    }
    expect(OUTPUT).toContain('### `parcels.csv`');
    expect(OUTPUT).toContain(COLUMNS_START);
    expect(OUTPUT).toContain(COLUMNS_END);
    expect(between(OUTPUT, COLUMNS_START, COLUMNS_END, columnsMarkdown(pkg)), 'docs/output.md is out of date: run npm run docs').toBe(
      OUTPUT,
    );
    // every CSV file of the folder is described: by its own heading, or as a logical table
    const csv = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(csv.length).toBeGreaterThan(5);
    for (const f of csv) expect(OUTPUT, f).toContain(`### \`${f}\``);
    expect(readdirSync(join(dir, 'tables')).length).toBeGreaterThan(0);
    expect(OUTPUT).toContain('### `tables/<table id>.csv`');
    // and each heading's table lists the header of the file, in order
    for (const f of csv) {
      const header = readFileSync(join(dir, f), 'utf8').split('\n')[0]!.split(',');
      const section = OUTPUT.slice(OUTPUT.indexOf(`### \`${f}\``)).split('\n### ')[0]!;
      const cols = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
      expect(cols, f).toEqual(header);
    }
  });

  it('renders a data package: keys, constraints, escaped cells, one section for all logical tables', () => {
    const pkg = {
      resources: [
        { name: 'issue.json', path: 'issue.json' },
        {
          name: 'things',
          path: 'things.csv',
          title: 'Things',
          description: 'One row per thing',
          schema: {
            fields: [
              { name: 'id', type: 'string', description: 'Id <a|b>', constraints: { required: true, unique: true } },
              { name: 'parent', type: 'string', description: 'Parent' },
            ],
            primaryKey: 'id',
            foreignKeys: [{ fields: 'parent', reference: { resource: '', fields: 'id' } }],
          },
        },
        {
          name: 'table-001',
          path: 'tables/a.csv',
          schema: {
            primaryKey: 'line',
            fields: [
              { name: 'line', type: 'integer', description: 'Source line' },
              { name: '序号', type: 'integer', description: 'Column “序号”' },
            ],
          },
        },
        {
          name: 'table-002',
          path: 'tables/b.csv',
          schema: {
            primaryKey: 'line',
            fields: [
              { name: 'line', type: 'integer', description: 'Source line' },
              { name: 'group', type: 'string', description: 'Group' },
            ],
          },
        },
      ],
    };
    const md = columnsMarkdown(pkg);
    expect(md).toContain('### `things.csv`\n\nThings: One row per thing. Primary key: `id`. `parent` → `id` of this file.');
    expect(md).toContain('| `id` | string, required, unique | Id &lt;a\\|b> |');
    expect(md).not.toContain('issue.json');
    expect(md.match(/### `tables\//g)).toHaveLength(1);
    expect(md).toContain('| `group` | string | Group (only in the tables that have it) |');
    expect(md).not.toContain('序号');
    expect(between('a\n' + COLUMNS_START + '\nold\n' + COLUMNS_END, COLUMNS_START, COLUMNS_END, 'new\n')).toBe(
      `a\n${COLUMNS_START}\n\nnew\n\n${COLUMNS_END}`,
    );
    expect(between('no markers', COLUMNS_START, COLUMNS_END, 'x')).toBeNull();
  });
});
