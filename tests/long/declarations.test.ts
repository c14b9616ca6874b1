// In `npm run test:long` only (vitest.long.config.ts): tsc over the whole library takes
// about ten seconds of CPU, and `npm run lint` typechecks the same sources on every change.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

describe('the library ships its declarations', () => {
  it('ships type declarations (npm run build:types)', () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(existsSync(pkg.types)).toBe(true);
    const index = readFileSync(pkg.types, 'utf8');
    for (const name of ['parseIssue', 'exportIssue', 'InputError', 'Issue', 'Anomaly']) expect(index).toContain(name);
    expect(readFileSync('dist/types/parse.d.ts', 'utf8')).toMatch(/export declare function parseIssue\(input: string \| Uint8Array/);
  });
});
