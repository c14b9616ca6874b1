// The floors of src/ (docs/architecture.md): a module imports only from its own floor or
// the floors below it, and no import cycle exists. Prints every violation; exit 1 if any.
//   node scripts/floors.mjs
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Floor of a file under src/, lowest first. */
export const FLOORS = ['model', 'read', 'core', 'features', 'check', 'parse', 'write', 'cli'];
export function floorOf(rel) {
  const top = rel.split('/')[0];
  if (top === 'version.ts') return 0;
  if (top === 'parse.ts') return FLOORS.indexOf('parse');
  if (top === 'index.ts' || top === 'api.ts') return FLOORS.indexOf('cli');
  const i = FLOORS.indexOf(top);
  if (i < 0) throw new Error(`src/${rel}: not on any floor`);
  return i;
}

/** Every import (static, dynamic, type-only) of every .ts file under src/: [from, to] pairs. */
export function imports(root = 'src') {
  const files = [];
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.ts')) files.push(p);
    }
  };
  walk(root);
  const edges = [];
  const re = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(re)) {
      const to = path.resolve(path.dirname(f), m[1]).replace(/\.js$/, '.ts');
      if (!to.startsWith(path.resolve(root) + path.sep)) continue; // data outside src/ (schemas/*.json)
      edges.push([path.relative(root, f), path.relative(root, to)]);
    }
  }
  return { files: files.map((f) => path.relative(root, f)), edges };
}

export function violations(root = 'src') {
  const { files, edges } = imports(root);
  const out = [];
  for (const [a, b] of edges) {
    const fa = floorOf(a),
      fb = floorOf(b);
    if (fb > fa) out.push(`${a} → ${b}: ${FLOORS[fa]} imports from ${FLOORS[fb]}, a higher floor`);
  }
  // Cycles: strongly connected components of more than one file (Tarjan).
  const next = new Map(files.map((f) => [f, []]));
  for (const [a, b] of edges) next.get(a)?.push(b);
  let index = 0;
  const idx = new Map(),
    low = new Map(),
    stack = [],
    on = new Set();
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(`cycle: ${scc.sort().join(' ↔ ')}`);
    }
  };
  for (const f of files) if (!idx.has(f)) strong(f);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const v = violations();
  for (const line of v) console.log(line);
  console.log(v.length ? `${v.length} violations` : 'floors: no violations');
  process.exit(v.length ? 1 : 0);
}
