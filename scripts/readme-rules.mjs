// Writes the anomaly catalogue (src/model/catalogue.ts) into README.md as a Markdown table,
// between the rules markers. tests/readme-rules.test.ts fails when the two differ.
//   node scripts/readme-rules.mjs          rewrite README.md
//   node scripts/readme-rules.mjs --check  exit 1 when README.md is out of date
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const out = `node_modules/.cache/gongbao/rules-${process.pid}.mjs`;
await build({ entryPoints: ['src/write/rules.ts'], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
const { withRulesTable, RULES_START, RULES_END } = await import(pathToFileURL(out).href);
rmSync(out, { force: true });
const readme = readFileSync('README.md', 'utf8');
const next = withRulesTable(readme);
if (next === null) {
  console.error(`README.md has no rules markers: add\n${RULES_START}\n${RULES_END}\nwhere the table belongs`);
  process.exit(2);
}
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md: the rules table is out of date; run npm run readme:rules');
    process.exit(1);
  }
} else if (next !== readme) {
  writeFileSync('README.md', next);
  console.log('README.md: rules table updated');
}
