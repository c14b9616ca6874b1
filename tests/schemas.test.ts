import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { schemas, jsonSchema } from '../src/write/schemas.js';
import { gongbaoIn } from './helpers/cli.js';

describe('schemas/', () => {
  it('holds exactly one file per registered record type, up to date (run `npm run schemas`)', async () => {
    const names = Object.keys(await schemas());
    const files = readdirSync('schemas')
      .filter((f) => f.endsWith('.schema.json'))
      .sort();
    expect(files).toEqual(names.map((n) => `${n}.schema.json`).sort());
    for (const name of names) {
      expect(JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8')), name).toEqual(await jsonSchema(name));
    }
  });
  it('every feature registers the schemas of its records, each once', async () => {
    const { FEATURES } = await import('../src/features/index.js');
    const all = await schemas();
    const seen = new Set<string>();
    for (const f of FEATURES) {
      for (const name of Object.keys(await f.schemas())) {
        expect(seen.has(name), name).toBe(false);
        seen.add(name);
        expect(all[name], name).toBeDefined();
      }
    }
    for (const name of ['issue', 'document', 'anomaly', 'table', 'appointment', 'roster', 'sluice', 'sluice-point', 'validation-report']) {
      expect(all[name], name).toBeDefined();
    }
  });
  it('the 1-based source line is one schema shared by every record (model/line.ts)', async () => {
    const defs = Object.values(((await jsonSchema('issue')) as { $defs?: Record<string, { description?: string }> }).$defs ?? {});
    expect(defs.filter((d) => d.description === '1-based line in the original file')).toHaveLength(1);
  });
  it('gongbao schema prints them', async () => {
    const list = await gongbaoIn(['schema']);
    expect(list.stdout.trim().split('\n')).toEqual(Object.keys(await schemas()));
    const doc = await gongbaoIn(['schema', 'document']);
    expect(JSON.parse(doc.stdout)).toEqual(await jsonSchema('document'));
    expect((await gongbaoIn(['schema', 'nope'])).code).toBe(2);
  });
  it('package.json version and the CLI version agree', async () => {
    const { VERSION } = await import('../src/version.js');
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
