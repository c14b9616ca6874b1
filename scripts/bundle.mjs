// One self-contained CommonJS file for Node 20 from a TypeScript entry: the CLI run by
// bin/gongbao, the worker of --jobs, and the single executable's main all use it.
import { build } from 'esbuild';

export function cjsBundle(entry, outfile, extra = {}) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    // import.meta is only used where a CommonJS bundle takes another path (src/cli/pool.ts).
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning',
    ...extra,
  });
}
