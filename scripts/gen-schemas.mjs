// Writes schemas/<name>.schema.json for every record type of src/write/schemas.ts (the
// structure's, each feature's, the validation report), then the code that checks outputs
// against them (scripts/schema-check-code.mjs). Tests fail when these files differ from what
// the zod model generates.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { GENERATED_DTS, GENERATED_JS, schemaCheckCode } from './schema-check-code.mjs';

const out = `node_modules/.cache/gongbao/registry-schemas-${process.pid}.mjs`;
await build({ entryPoints: ['src/write/schemas.ts'], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
const { schemas, jsonSchema } = await import(pathToFileURL(out).href);
rmSync(out, { force: true });
mkdirSync('schemas', { recursive: true });
const names = Object.keys(await schemas());
for (const f of readdirSync('schemas')) {
  if (f.endsWith('.schema.json') && !names.includes(f.slice(0, -'.schema.json'.length))) rmSync(`schemas/${f}`);
}
for (const name of names) writeFileSync(`schemas/${name}.schema.json`, JSON.stringify(await jsonSchema(name), null, 2) + '\n');
console.log(`wrote ${names.length} schemas to schemas/`);
const { js, dts } = schemaCheckCode();
writeFileSync(GENERATED_JS, js);
writeFileSync(GENERATED_DTS, dts);
console.log(`wrote ${GENERATED_JS}`);
