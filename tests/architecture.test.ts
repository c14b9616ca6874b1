// The floors of src/ (docs/architecture.md): model → read → core → features → check →
// parse → write → cli. A module imports only from its own floor or a lower one, and no
// import cycle exists; scripts/floors.mjs is the checker (also run by npm run lint).
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { FLOORS, floorOf, imports, violations } from '../scripts/floors.mjs';

describe('floors', () => {
  it('puts every module of src/ on a floor', () => {
    const { files } = imports('src') as { files: string[] };
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) expect(FLOORS[floorOf(f)], f).toBeDefined();
  });

  it('no import climbs to a higher floor, and no cycle', () => {
    expect(violations('src')).toEqual([]);
  });

  it('the checker sees an upward import and a cycle', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = mkdtempSync(join(tmpdir(), 'floors-'));
    mkdirSync(join(root, 'model'));
    mkdirSync(join(root, 'write'));
    writeFileSync(join(root, 'model', 'a.ts'), "import { b } from '../write/b.js';\nexport const a = 1;\n");
    writeFileSync(join(root, 'write', 'b.ts'), "import { a } from '../model/a.js';\nexport const b = a;\n");
    const v = violations(root) as string[];
    expect(v.some((x) => x.includes('model/a.ts → write/b.ts'))).toBe(true);
    expect(v.some((x) => x.startsWith('cycle:'))).toBe(true);
  });
});
