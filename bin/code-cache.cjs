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
// Only modules every run has loaded already (fs, os, path, vm, buffer), and no node:crypto:
// loading it costs more than the rest of this file.
'use strict';
const {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} = require('node:fs');
const { isAscii } = require('node:buffer');
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

const WRAP_START = '(function (exports, require, module, __filename, __dirname) {';
const WRAP_END = '\n})';

/**
 * The bundle's text inside a CommonJS module's wrapper: its `size` bytes are put (by `fill`,
 * which says how many it put) straight into one buffer between the wrapper's two ends, which
 * is made one string. The bundle is ASCII (scripts/bundle.mjs `asciiOnly`), so its bytes are
 * its characters. Reading it as UTF-8 and wrapping it in a template made the text three
 * times over (the file's bytes, the string, and the joined string V8 copies flat before it
 * compiles): some 670 more pages of fresh memory, ~10 ms of each start on the development
 * machine (docs/performance.md). A bundle that is not ASCII is read as UTF-8.
 */
function wrapped(size, fill) {
  const buf = Buffer.allocUnsafe(WRAP_START.length + size + WRAP_END.length);
  buf.write(WRAP_START, 0, 'latin1');
  let end = WRAP_START.length + fill(buf, WRAP_START.length, size);
  const body = buf.subarray(WRAP_START.length, end);
  if (!isAscii(body)) return WRAP_START + body.toString('utf8') + WRAP_END;
  end += buf.write(WRAP_END, end, 'latin1');
  return buf.toString('latin1', 0, end);
}

/** The bundle in the file `file`, wrapped (`wrapped`), read into place. */
function wrappedSource(file) {
  const fd = openSync(file, 'r');
  try {
    return wrapped(fstatSync(fd).size, (buf, at, size) => {
      let got = 0;
      for (let n; got < size && (n = readSync(fd, buf, at + got, size - got, null)) > 0;) got += n;
      return got;
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * The bundle `file` compiled as a CommonJS module's wrapper, with `cachedData` if any; `code`:
 * its bytes, when they are not read from the file (the single executable's asset).
 */
function compile(file, cachedData, code) {
  const source =
    code === undefined ? wrappedSource(file) : wrapped(code.byteLength, (buf, at) => (buf.set(new Uint8Array(code), at), code.byteLength));
  return new vm.Script(source, {
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

/**
 * Runs a command-line bundle through its code cache, as the module `file`: what bin/gongbao
 * does with dist/cli.cjs, and the single executable's main (scripts/sea-main.cjs) with the
 * CLI it carries as an asset. `code` is the bundle's bytes (read from `file` when undefined);
 * `file`'s path, inode, size and time name the cache (the bundle, or the executable itself).
 */
function launch(file, code, requireFrom) {
  const cache = cacheOf(file, '');
  // The cache holds the functions the run that wrote it compiled. A run that only prints help,
  // the rules or a schema never compiles the parser, and a cache written by it would leave
  // the parser to be compiled again on every later run; so such a run writes a "partial"
  // cache, and the first run of a command that parses replaces it with a full one. An export
  // keeps a full cache of its own (`.export.bin`, its writers too): with one cache for both, an
  // export after a parse compiled its writers again on every run (1–26 ms more CPU), and a
  // parse after an export restored the writers it never runs (200–300 more pages, 14–25 ms).
  const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const parses = ['parse', 'export', 'extract', 'validate', 'plot'].includes(command);
  const own = command === 'export' ? 'export.bin' : parses ? 'bin' : 'partial.bin';
  const fileOf = (suffix) => join(cache.dir, `${cache.key}.${suffix}`);
  // this command's own cache, else one that holds part of what it runs: an export takes the
  // parse's, a parse never the export's (what it restored would go into its own cache)
  const order = command === 'export' ? ['export.bin', 'bin', 'partial.bin'] : ['bin', 'partial.bin'];
  let cachedData;
  let found;
  for (const suffix of order) {
    cachedData = readCache(fileOf(suffix));
    if (cachedData !== undefined) {
      found = suffix;
      break;
    }
  }
  // Node's built-in modules carry a V8 code cache too, made with V8's default flags: one
  // loaded after a flag has been changed (below) is compiled from its source instead, which
  // makes it load three times slower (crypto, the streams and stdout's stream: ~18 million
  // instructions of a parse, ~2 %). So what a run goes on to load anyway is loaded first:
  // stdout and stderr (every command writes to one of them; the CLI touches stdout as it
  // starts) and, for the commands that parse, crypto (the input's SHA-256).
  process.stdout;
  process.stderr;
  require('node:process');
  if (parses) require('node:crypto');
  // Optimise later. With V8's default budget, a parse makes TurboFan compile some 30
  // functions that each run for a few milliseconds only; on a two-core machine those
  // background compilations cost more CPU than the whole parse (one parse: ~410 ms CPU in all
  // threads, ~340 ms with this budget; eight parses in one process: ~1.9 s, ~0.9 s; an export
  // of 20 issues: 11 s, 8.5 s). Functions that stay hot — large inputs, batches — still get
  // optimised, after 32 times as much work. No function of a parse of one issue like the
  // sample reaches it (--trace-opt), so --maglev, which V8 11.3 also starts from this budget,
  // changes nothing either. Set before the bundle is compiled: the flags are part of the
  // code cache's check (a cache made with other flags is rejected).
  //
  // And compile to Sparkplug (V8's baseline tier, some times faster than the interpreter and
  // cheap to compile) in batches of 256 bytes of estimated code, not 4 096: with the raised
  // budget a one-issue parse runs in the interpreter and Sparkplug only, and functions that
  // run a long loop once (a scan of the whole text) waited in the interpreter for a full
  // batch. A parse of the sample: ~3.5 % fewer instructions (1 585 → 1 531 M, whole process),
  // 440 → 420 ms CPU (21 interleaved runs); batches of 128 to 512 give the same.
  // src/cli/bin.ts sets the same flags again (a test checks).
  const v8 = require('node:v8');
  v8.setFlagsFromString('--interrupt-budget=2162688');
  v8.setFlagsFromString('--baseline-batch-compilation-threshold=256');
  const script = compile(file, cachedData, code);
  if (cachedData === undefined || script.cachedDataRejected || (parses && found !== own)) {
    // Written at exit, when the functions this run used are compiled and go into the cache.
    process.once('exit', (status) => {
      // exit status 2 and above: the input was unreadable or the usage wrong, nothing parsed
      const parsed = parses && status <= 1;
      if (!parsed && cachedData !== undefined && !script.cachedDataRejected) return;
      save(cache, fileOf(parsed ? own : (found ?? 'partial.bin')), script, process.pid);
    });
  }

  return run(script, file, requireFrom);
}

module.exports = { cacheOf, compile, launch, readCache, run, save, wrappedSource };
