import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModules } from 'node:module';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Packages src/ loads at run time (static or dynamic import, type-only imports left out), and those it names only in types. */
function srcImports(): { runtime: Set<string>; typeOnly: Set<string> } {
  const runtime = new Set<string>();
  const typeOnly = new Set<string>();
  const files = readdirSync('src', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'));
  const packageOf = (spec: string) =>
    spec
      .split('/')
      .slice(0, spec.startsWith('@') ? 2 : 1)
      .join('/');
  for (const f of files) {
    const text = readFileSync(join('src', f), 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm)) {
      const spec = m[3] ?? m[4]!;
      if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      (m[2] ? typeOnly : runtime).add(packageOf(spec));
    }
  }
  for (const p of runtime) typeOnly.delete(p);
  return { runtime, typeOnly };
}

describe('package.json', () => {
  it('runtime dependencies are exactly the packages src/ loads; what only tests and scripts use is a devDependency', () => {
    const { runtime, typeOnly } = srcImports();
    expect(runtime.size).toBeGreaterThan(3);
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...runtime].sort());
    for (const p of typeOnly) expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }), p).toContain(p);
    // Only the tests use these (remark-parse as the oracle of the table scanner, cheerio of the tag stripper).
    expect(pkg.devDependencies).toMatchObject({ cheerio: expect.any(String), 'remark-parse': expect.any(String) });
  });

  it('pins exact versions, and package-lock.json agrees with package.json', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; dev?: boolean }>;
    };
    const root = lock.packages['']!;
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }))
      expect(version, name).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    for (const name of Object.keys(pkg.dependencies)) expect(lock.packages[`node_modules/${name}`]?.dev, name).toBeUndefined();
  });
});
