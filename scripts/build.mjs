// Build: bundle the CLI, the library and the worker of --jobs with esbuild.
//
// Outputs are checked against schemas/issue.schema.json (generated from the zod model by
// npm run schemas) by code that ajv generates from it at the same time
// (src/model/schema-check.generated.js, wrapped by src/model/conform.ts), so the parse path
// loads neither zod nor ajv.
import { build } from 'esbuild';
import { cjsBundle } from './bundle.mjs';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';

// Several builds may run at once (parallel test runs): every output is written under a
// name of its own and swapped into place.
const tag = `${process.pid}-${Date.now()}`;

const outdir = `dist.${tag}`;
const banner = {
  js: "import { createRequire as __gbCreateRequire } from 'node:module'; const require = __gbCreateRequire(import.meta.url);",
};
await build({
  entryPoints: { index: 'src/index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner,
  legalComments: 'none',
  logLevel: 'warning',
});
// The command line: one CommonJS file, run by bin/gongbao through vm.Script with a V8 code
// cache. Everything the commands load lazily (CSV, Markdown, HTML, projections) is inside,
// compiled only when called.
await cjsBundle('src/cli/bin.ts', `${outdir}/cli.cjs`, {
  // zod (800 KB, more than half the bundle) is only used by `gongbao schema`: it is loaded
  // from node_modules there (a dependency of the package), so that every other run reads,
  // and restores from the code cache, a bundle half the size (~15 ms less per run). The
  // single executable (scripts/package.mjs) still bundles it.
  external: ['zod', 'zod/*'],
});
// The worker of --jobs: one CommonJS file (a worker can't load split chunks when it is
// evaluated from inside the single executable). zod is left out as in the CLI: a worker
// never asks for a schema, and each worker of a batch read and restored from its code cache
// a bundle a third larger (~20 ms more per worker to start; the single executable bundles
// its own worker, with zod).
await cjsBundle('src/cli/worker.ts', `${outdir}/worker.cjs`, { external: ['zod', 'zod/*'] });
// Swap the new files into dist/ one entry at a time, keeping what other steps put there
// (npm run package's dist/gongbao).
mkdirSync('dist', { recursive: true });
const old = `dist.old.${tag}`;
mkdirSync(old);
for (const name of readdirSync(outdir)) {
  if (existsSync(`dist/${name}`)) renameSync(`dist/${name}`, `${old}/${name}`);
  renameSync(`${outdir}/${name}`, `dist/${name}`);
}
rmSync(outdir, { recursive: true, force: true });
rmSync(old, { recursive: true, force: true });
