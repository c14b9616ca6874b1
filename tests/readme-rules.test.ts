import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { RULES_END, RULES_START, rulesMarkdown, withRulesTable } from '../src/write/rules.js';
import { CATALOGUE } from '../src/model/catalogue.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README rules table', () => {
  it('is the catalogue of src/model/catalogue.ts (npm run readme:rules rewrites it)', () => {
    expect(README).toContain(RULES_START);
    expect(README).toContain(RULES_END);
    expect(withRulesTable(README), 'README.md is out of date: run npm run readme:rules').toBe(README);
  });

  it('has a row per code', () => {
    const table = rulesMarkdown();
    for (const code of Object.keys(CATALOGUE)) expect(table).toContain(`| \`${code}\` |`);
    expect(withRulesTable('x\n' + RULES_START + '\nold\n' + RULES_END + '\ny')).toBe(`x\n${RULES_START}\n\n${table}\n${RULES_END}\ny`);
    expect(withRulesTable('no markers')).toBeNull();
  });
});
