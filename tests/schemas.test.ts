import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { SCHEMAS, jsonSchema } from '../src/model/registry.js';
import { gongbao } from './helpers/cli.js';

describe('schemas/', () => {
  it('holds exactly one file per registered record type, up to date (run `npm run schemas`)', () => {
    const files = readdirSync('schemas').filter((f) => f.endsWith('.schema.json')).sort();
    expect(files).toEqual(Object.keys(SCHEMAS).map((n) => `${n}.schema.json`).sort());
    for (const name of Object.keys(SCHEMAS)) {
      expect(JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8')), name).toEqual(jsonSchema(name));
    }
  });
  it('gongbao schema prints them', () => {
    const list = gongbao(['schema']);
    expect(list.stdout.trim().split('\n')).toEqual(Object.keys(SCHEMAS));
    const doc = gongbao(['schema', 'document']);
    expect(JSON.parse(doc.stdout)).toEqual(jsonSchema('document'));
    expect(gongbao(['schema', 'nope']).code).toBe(2);
  });
  it('package.json version and the CLI version agree', async () => {
    const { VERSION } = await import('../src/version.js');
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
