import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectGolden, underCi } from './helpers/golden.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'gongbao-golden-'));
const CI = { CI: 'true' };
const LOCAL = { CI: undefined };

describe('golden files never write themselves (tests/helpers/golden.ts)', () => {
  it('under CI a missing golden file fails and is not written', () => {
    const file = join(fresh(), 'missing.json');
    expect(() => expectGolden(file, '[1]\n', CI)).toThrow(/missing.*CI never writes/);
    expect(existsSync(file)).toBe(false);
  });

  it('under CI a different golden file fails, and UPDATE_GOLDEN does not rewrite it', () => {
    const file = join(fresh(), 'g.json');
    writeFileSync(file, '[1]\n');
    expect(() => expectGolden(file, '[2]\n', CI)).toThrow();
    expect(() => expectGolden(file, '[2]\n', { ...CI, UPDATE_GOLDEN: '1' })).toThrow(/never written in CI/);
    expect(readFileSync(file, 'utf8')).toBe('[1]\n');
    expectGolden(file, '[\n  1\n]\n', CI); // same JSON value, other layout
  });

  it('outside CI a missing golden file fails unless UPDATE_GOLDEN=1 asks for it', () => {
    const dir = fresh();
    const file = join(dir, 'sub', 'new.json');
    expect(() => expectGolden(file, '{"a":1}\n', LOCAL)).toThrow(/missing.*UPDATE_GOLDEN=1/);
    expect(existsSync(file)).toBe(false);
    expect(() => expectGolden(file, '{"a":1}\n', { ...LOCAL, UPDATE_GOLDEN: 'yes' })).toThrow(/UPDATE_GOLDEN=1/);
    expect(existsSync(file)).toBe(false);
    expectGolden(file, '{"a":1}\n', { ...LOCAL, UPDATE_GOLDEN: '1' });
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
    expect(() => expectGolden(file, '{"a":2}\n', LOCAL)).toThrow();
  });

  it('text golden files compare exactly', () => {
    const file = join(fresh(), 'g.txt');
    writeFileSync(file, 'a\n');
    expectGolden(file, 'a\n', LOCAL);
    expect(() => expectGolden(file, 'a \n', LOCAL)).toThrow();
  });

  it('reads CI as CI does', () => {
    expect(underCi({ CI: 'true' })).toBe(true);
    expect(underCi({ CI: '1' })).toBe(true);
    expect(underCi({ CI: 'false' })).toBe(false);
    expect(underCi({ CI: '' })).toBe(false);
    expect(underCi({})).toBe(false);
  });
});
