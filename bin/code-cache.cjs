// V8 code caches of the bundles, kept in the temporary folder: what Node 22's
// module.enableCompileCache() does, done by hand for Node 20. bin/gongbao loads the CLI
// (dist/cli.cjs) through it, and each worker of --jobs its code (dist/worker.cjs,
// src/cli/pool.ts). A cache is an optimisation only: every failure here is let be.
//
// A cache is named `<prefix><tag>-<identity>.bin`: the tag is a hash of the bundle's path,
// the identity its Node version, architecture, inode, size and modification time in ns
// (not a hash of its text, which cost about as much as running the bundle from the cache).
// Every build writes a new bundle (renamed into place), so a new cache removes those of
// earlier builds of the same bundle, which share its prefix and tag (each is 1–2 MB).
//
// Only modules every run has loaded already (fs, os, path, vm), and no node:crypto: loading
// it costs more than the rest of this file.
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

/** Names made before the tag (24 hex digits), by older launchers and workers. */
const LEGACY = /^(worker-)?[0-9a-f]{24}(\.partial)?\.bin$/;

/** FNV-1a of a string, 8 hex digits. */
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The cache of `file`: its folder, the name every cache of this bundle starts with, and this build's. */
function cacheOf(file, prefix) {
  const st = statSync(file, { bigint: true });
  const tag = `${prefix}${fnv1a(file)}-`;
  return {
    dir: join(tmpdir(), `gongbao-v8-cache-${process.getuid ? process.getuid() : 'u'}`),
    tag,
    key: `${tag}${process.version}-${process.arch}-${st.ino}-${st.size}-${st.mtimeNs}`,
  };
}

/** The bytes of a cache file, or undefined. */
function readCache(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The bundle `file` compiled as a CommonJS module's wrapper, with `cachedData` if any. */
function compile(file, cachedData) {
  const code = readFileSync(file, 'utf8');
  return new vm.Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
}

/** Runs the compiled bundle as the module `file`. */
function run(script, file, requireFrom) {
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, requireFrom(file), mod, file, dirname(file));
  return mod;
}

/**
 * Writes what `script` has compiled so far as `path` (through a temporary file renamed into
 * place), then removes the caches of earlier builds of the same bundle.
 */
function save(cache, path, script, unique) {
  try {
    mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
    const tmp = `${path}.${unique}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, path);
    for (const name of readdirSync(cache.dir)) {
      const stale = (name.startsWith(cache.tag) && !name.startsWith(`${cache.key}.`)) || LEGACY.test(name);
      if (!stale || !name.endsWith('.bin')) continue;
      try {
        unlinkSync(join(cache.dir, name));
      } catch {
        /* removed by another run meanwhile */
      }
    }
  } catch {
    /* a cache is an optimisation only */
  }
}

module.exports = { cacheOf, compile, readCache, run, save };
