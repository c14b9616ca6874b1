// npm run package: builds dist/gongbao, a single executable (Node single executable
// application): the CLI bundled as one CommonJS file, the worker of --jobs as an asset,
// injected into a copy of this machine's node binary with postject. Nothing is downloaded.
import { cjsBundle } from './bundle.mjs';
import { copyFileSync, chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const dir = 'dist/sea';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// The CLI, an asset run by the main through a code cache of its own (scripts/sea-main.cjs).
await cjsBundle('src/cli/bin.ts', `${dir}/cli.cjs`);
await cjsBundle('scripts/sea-main.cjs', `${dir}/main.cjs`);
// The worker, self-contained: inside the executable there is no node_modules to load zod from.
await cjsBundle('src/cli/worker.ts', `${dir}/worker.cjs`);
writeFileSync(
  `${dir}/sea-config.json`,
  JSON.stringify({
    main: `${dir}/main.cjs`,
    output: `${dir}/sea-prep.blob`,
    disableExperimentalSEAWarning: true,
    // V8's code cache of main.cjs, made at build time (the CLI has its own, made at run time).
    useCodeCache: true,
    assets: { 'cli.cjs': `${dir}/cli.cjs`, 'worker.cjs': `${dir}/worker.cjs` },
  }),
);
execFileSync(process.execPath, ['--experimental-sea-config', `${dir}/sea-config.json`], { stdio: 'inherit' });
const exe = 'dist/gongbao';
rmSync(exe, { force: true });
copyFileSync(process.execPath, exe);
chmodSync(exe, 0o755);
execFileSync(
  process.execPath,
  [
    'node_modules/postject/dist/cli.js',
    exe,
    'NODE_SEA_BLOB',
    `${dir}/sea-prep.blob`,
    '--sentinel-fuse',
    'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
console.log(`built ${exe}`);
