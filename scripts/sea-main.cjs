// Main of the single executable (npm run package bundles it with bin/code-cache.cjs as
// dist/sea/main.cjs). The CLI itself is an asset of the executable, run through a V8 code
// cache in the temporary folder named after the executable, as bin/gongbao runs
// dist/cli.cjs: the cache that Node's `useCodeCache` makes at build time holds the
// bundle's top level only, so every run compiled the parser's functions again (issue 15).
'use strict';
const { getAsset } = require('node:sea');
const { launch } = require('../bin/code-cache.cjs');

// the CLI's modules can be Node's built-in ones only: everything else is in the bundle
// (its bytes: bin/code-cache.cjs makes them one string inside the CommonJS wrapper)
launch(process.execPath, getAsset('cli.cjs'), () => require);
