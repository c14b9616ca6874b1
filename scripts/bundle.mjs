// One self-contained CommonJS file for Node 20 from a TypeScript entry: the CLI run by
// bin/gongbao, the worker of --jobs and the single executable's main all use it.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Node's built-in modules that only some commands use, and that cost a fresh process time
// to load: child_process (commander requires it for executable subcommands, which gongbao
// has none of; with it come net, dgram …), worker_threads (--jobs) and crypto (the input's
// SHA-256 and SARIF fingerprints: some twenty internal modules and the streams, which
// --help, --version, rules and schema never need). In the bundle they load on first use,
// through a proxy that requires them when a property is read.
const LAZY_BUILTINS = ['node:child_process', 'child_process', 'node:worker_threads', 'worker_threads', 'node:crypto', 'crypto'];
// chalk detects the terminal's colours when it is loaded (its vendored supports-color calls
// tty.isatty, and loading node:tty loads net, streams …: ~7 ms of a fresh process). gongbao
// never uses chalk's detected level: the text report decides colour itself (useColor, in
// src/cli/validate-cmd.ts) and passes it as `new Chalk({ level })`. So chalk's own import of
// its detection is resolved to its browser version, which detects nothing without a
// navigator (Node 20) and loads no module.
const chalkNoDetection = {
  name: 'chalk-no-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => {
      const browser = join(dirname(args.importer), 'vendor', 'supports-color', 'browser.js');
      return /[\\/]chalk[\\/]/.test(args.importer) && existsSync(browser) ? { path: browser } : undefined;
    });
  },
};
const LAZY = 'var __gbLazy=(id)=>{let m;return new Proxy({},{get:(_,k)=>(m??=require(id))[k],has:(_,k)=>k in(m??=require(id))})};';

export async function cjsBundle(entry, outfile, extra = {}) {
  const result = await build({
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
    plugins: [chalkNoDetection, ...(extra.plugins ?? [])],
  });
  let code = readFileSync(outfile, 'utf8');
  let lazy = 0;
  for (const id of LAZY_BUILTINS) {
    const call = `require(${JSON.stringify(id)})`;
    lazy += code.split(call).length - 1;
    code = code.replaceAll(call, `__gbLazy(${JSON.stringify(id)})`);
  }
  if (lazy > 0) code = code.startsWith('"use strict";') ? `"use strict";${LAZY}${code.slice(13)}` : LAZY + code;
  writeFileSync(outfile, asciiOnly(code));
  return result;
}

/**
 * The bundle with every non-ASCII character written as a \uXXXX escape. esbuild escapes
 * them in strings but leaves them in regular expression literals (〔〕, 号, 第…条 … some 1 000
 * characters), and one such character makes the whole 1.5 MB file a two-byte string that
 * Node decodes from UTF-8 character by character at every start (~40 million instructions,
 * a few ms; pure ASCII is copied, and the string takes half the memory). The escape means the same character in a string, a
 * template, an identifier and a regular expression (with or without the u flag; a surrogate
 * pair stays a pair); an identity escape (\（ in a regular expression) becomes the escape of
 * its character. Only a regular expression's `source` text changes.
 */
export function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, ch) => {
    const esc = `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    // an odd number of backslashes escapes the character itself: that backslash goes
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + esc;
  });
}
