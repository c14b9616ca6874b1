// Bundles the CLI and the library with esbuild. The CLI is one ESM entry whose
// rarely used parts (csv, remark, cheerio, proj4) are split into lazily loaded chunks,
// so `gongbao parse` only pays for what it runs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
const banner = {
  js: "import { createRequire as __gbCreateRequire } from 'node:module'; const require = __gbCreateRequire(import.meta.url);",
};
await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.js' },
  chunkNames: 'chunks/[name]-[hash]',
  banner,
  legalComments: 'none',
  logLevel: 'warning',
});
