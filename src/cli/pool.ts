import { Worker } from 'node:worker_threads';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTask, type Task, type TaskResult } from './task.js';
import { removeTempFiles, writtenFiles } from '../write/atomic.js';
import type { Jobs } from './batch.js';

/**
 * Where the worker code comes from: inside the single executable, the bundled worker is an
 * asset evaluated as code (a Worker cannot load a file from inside the executable);
 * otherwise dist/worker.cjs next to the CLI bundle.
 */
function workerSource(): { code: string; eval: true } | { file: string; eval: false } | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sea = require('node:sea') as { isSea?: () => boolean; getAsset: (k: string, enc: string) => string };
    if (sea.isSea?.()) return { code: sea.getAsset('worker.cjs', 'utf8'), eval: true };
  } catch {
    /* not in an executable */
  }
  // The CLI is a CommonJS bundle run with __dirname = dist/; the library an ES module.
  const here =
    typeof __dirname === 'string' ? __dirname : typeof import.meta?.url === 'string' ? dirname(fileURLToPath(import.meta.url)) : null;
  if (here === null) return null;
  for (const dir of [here, dirname(here)]) {
    const file = join(dir, 'worker.cjs');
    if (existsSync(file)) return { file, eval: false };
  }
  return null;
}

/**
 * What a worker runs to load dist/worker.cjs: the bundle through vm.Script with a V8 code
 * cache, as bin/gongbao loads the CLI (bin/code-cache.cjs, beside the bundle's folder), so
 * that each worker of a batch does not compile the parser and the writers again. A worker
 * that found no usable cache writes one after its first issue (`saveCodeCache`, worker.ts),
 * when what it compiled goes in. An export batch's workers keep a cache of their own
 * (`workerData.family`), with the writers, as `bin/gongbao` does for the export command. The
 * cache is an optimisation only: without the helper (a bundle copied elsewhere) the worker
 * loads its code without one.
 */
const LOADER = `'use strict';
const { createRequire } = require('node:module');
const { threadId, workerData } = require('node:worker_threads');
const file = workerData.file;
let cc = null;
try {
  cc = require(require('node:path').join(file, '..', '..', 'bin', 'code-cache.cjs'));
} catch {}
if (cc === null) {
  require(file);
} else {
  let cache = null;
  try {
    cache = cc.cacheOf(file, 'worker-');
  } catch {}
  const path = cache === null ? null : require('node:path').join(cache.dir, cache.key + (workerData.family ? '.' + workerData.family : '') + '.bin');
  const cachedData = path === null ? undefined : cc.readCache(path);
  const script = cc.compile(file, cachedData);
  if (path !== null && (cachedData === undefined || script.cachedDataRejected))
    globalThis.__gongbaoSaveCodeCache = () => cc.save(cache, path, script, process.pid + '.' + threadId);
  cc.run(script, file, createRequire);
}
`;

/** Messages between the pool and a worker (src/cli/worker.ts). */
export type ToWorker = { type: 'task'; id: number; task: Task } | { type: 'folder'; id: number; folder: string };
export type FromWorker =
  { type: 'place'; id: number; name: string } | { type: 'result'; id: number; result: TaskResult } | { type: 'stopped' };

/**
 * Folders of a batch export given in input order, whatever order the issues are parsed in:
 * the folder of issue i is named once every issue before it has its name or has failed, so
 * the same inputs always give the same folders (`2023-02`, `2023-02-2` …).
 */
class Places {
  private readonly names: (string | null | undefined)[];
  private readonly waiting = new Map<number, (folder: string) => void>();
  private next = 0;
  constructor(
    n: number,
    private readonly folderOf: (name: string) => string,
  ) {
    this.names = new Array<string | null | undefined>(n);
  }
  request(id: number, name: string): Promise<string> {
    return new Promise((resolve) => {
      this.names[id] = name;
      this.waiting.set(id, resolve);
      this.advance();
    });
  }
  /** Issue `id` is finished: if it never asked for a folder, it takes none. */
  finish(id: number): void {
    if (this.names[id] === undefined) this.names[id] = null;
    this.advance();
  }
  private advance(): void {
    while (this.next < this.names.length && this.names[this.next] !== undefined) {
      const name = this.names[this.next];
      if (name !== null && name !== undefined) {
        this.waiting.get(this.next)!(this.folderOf(name));
        this.waiting.delete(this.next);
      }
      this.next++;
    }
  }
}

/**
 * An issue of at least this many bytes is worked on alone. A parse holds about six bytes of
 * memory for each byte of its input (docs/reliability.md), in each worker: two large issues
 * side by side would hold twice that, past the budget of the whole batch (6 × its input +
 * 100 MB), for little gain, the time going to memory rather than to the cores.
 */
export const ALONE_BYTES = 4 << 20;

/** The size of an input file; 0 when it is not a file that can be stat'ed (standard input). */
function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Which task may start now, in input order: a large one (ALONE_BYTES) only when no other
 * runs, and nothing beside a large one.
 */
export class Turns {
  private running = 0;
  private large = 0;
  constructor(private readonly sizes: readonly number[]) {}
  /** Task `id` starts if it may (and is counted as running). */
  start(id: number): boolean {
    const big = this.sizes[id]! >= ALONE_BYTES;
    if (this.running > 0 && (big || this.large > 0)) return false;
    this.running++;
    if (big) this.large++;
    return true;
  }
  end(id: number): void {
    this.running--;
    if (this.sizes[id]! >= ALONE_BYTES) this.large--;
  }
}

/**
 * Input bytes a worker must have to work on before it pays for itself, by the kind of task.
 * A worker costs ~0.1 s to start and warms V8's code up again on its own first issues, where
 * the main thread is warm after its first; an export does ~2.5× the work of a parse per
 * input byte. On the 2-core development machine (docs/performance.md, "Small batches"):
 * `export` of 2 copies of the sample (0.6 MB) took as long with `--jobs 2` as with
 * `--jobs 1`, of 4 copies 0.79 of the time; `validate` of 16 copies (5 MB) took 1.06 of the
 * time and `parse` 0.92–1.03 (8 copies: 1.10 and 1.10), of 40 copies (12.5 MB) 0.90–0.95 and
 * 0.88.
 */
export const WORKER_BYTES: Record<Task['kind'], number> = { export: 512 << 10, parse: 3 << 20, validate: 3 << 20 };

/**
 * How many workers a batch gets (1: the main thread does the work): `jobs.n`, but no more
 * than the tasks, nor than their input holds work for (`WORKER_BYTES` each); `jobs.forced`
 * (`--jobs n!`) gets n whatever the batch (at most one a task).
 */
export function workersFor(tasks: readonly Task[], jobs: Jobs, sizes: readonly number[]): number {
  const most = Math.min(jobs.n, tasks.length);
  if (most <= 1 || jobs.forced) return Math.max(1, most);
  let bytes = 0;
  for (const s of sizes) bytes += s;
  // (a batch is of one command: its tasks are all of one kind)
  return Math.max(1, Math.min(most, Math.floor(bytes / WORKER_BYTES[tasks[0]!.kind])));
}

/** A worker of the batch: its thread id (its temporary files' names hold it) and the folder of the issue it writes, if any. */
interface Busy {
  thread: number;
  folder: string | null;
}

/** The batch running now, for a signal: its workers, what each writes, and the flag that stops their writes. */
let running: {
  workers: Set<Worker>;
  flag: Int32Array;
  stopping: boolean;
  stopped: Map<Worker, () => void>;
  busy: Map<Worker, Busy>;
} | null = null;

/**
 * A signal came: stops the writes of every worker (they remove their temporary file and the
 * files of their unfinished folder, and say so), waits for them at most `ms`, then ends
 * them, and removes the temporary files that a worker ended so (too busy to answer) left in
 * the folder it was writing. Resolves to false when no worker runs (the main thread does
 * the work itself).
 */
export async function stopWorkers(ms = 600): Promise<boolean> {
  const r = running;
  if (r === null || r.workers.size === 0) return false;
  r.stopping = true;
  Atomics.store(r.flag, 0, 1);
  const answered = [...r.workers].map(
    (w) =>
      new Promise<void>((resolve) => {
        r.stopped.set(w, resolve);
        w.once('exit', () => resolve());
        w.postMessage({ type: 'stop' });
      }),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(answered), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
  await Promise.all([...r.workers].map((w) => w.terminate()));
  for (const b of r.busy.values()) if (b.folder !== null) removeTempFiles(b.folder, b.thread);
  return true;
}

/**
 * Runs tasks on worker threads, as many as `workersFor` gives (in the main thread when that
 * is 1 or the worker code is unavailable). Each export task writes its own folder where it
 * runs (`folderOf` names it under --out, called in input order); the main thread gets its
 * summary and calls `done` with each result in input order as soon as it and all before it
 * are finished, so output is deterministic and no file's data crosses threads.
 */
export async function runAll(
  tasks: Task[],
  jobs: Jobs,
  done: (r: TaskResult, index: number) => Promise<void> | void,
  progress?: (finished: number) => void,
  folderOf: (name: string) => string = (name) => name,
): Promise<void> {
  const places = new Places(tasks.length, folderOf);
  const results = new Array<TaskResult | undefined>(tasks.length);
  let flushed = 0;
  let finished = 0;
  let failure: unknown = null;
  let chain = Promise.resolve();
  const settle = (i: number, r: TaskResult): Promise<void> => {
    results[i] = r;
    finished++;
    places.finish(i);
    progress?.(finished);
    chain = chain.then(async () => {
      while (failure === null && flushed < tasks.length && results[flushed] !== undefined) {
        const res = results[flushed]!;
        results[flushed] = { ok: false, file: res.file, error: '', exitCode: 0 }; // keep no payload once handed on
        try {
          await done(res, flushed);
        } catch (err) {
          failure = err;
        }
        flushed++;
      }
    });
    return chain;
  };
  const sizes = jobs.n > 1 && tasks.length > 1 ? tasks.map((t) => fileSize(t.file)) : [];
  const workers = workersFor(tasks, jobs, sizes);
  const src = workers > 1 ? workerSource() : null;
  if (!src) {
    for (let i = 0; i < tasks.length && failure === null; i++) {
      const r = await runTask(tasks[i]!, (name) => places.request(i, name));
      // An event-loop turn after reading a file and after writing its output: an interrupt
      // (SIGINT) that came meanwhile is handled here, never half-way through the writes.
      await new Promise((resolve) => setImmediate(resolve));
      settle(i, r);
      await chain;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (failure !== null) throw failure;
    return;
  }
  // What a worker wrote is named in the main thread's list of written files (a signal's
  // message); files written in this thread are on it already.
  const settleWorker = (i: number, r: TaskResult): Promise<void> => {
    if (r.ok && r.written) writtenFiles.push(...r.written);
    return settle(i, r);
  };
  await inWorkers(src, tasks, sizes, workers, places, settleWorker, () => failure !== null);
  await chain;
  if (failure !== null) throw failure;
}

/**
 * Runs the tasks on `n` workers; `settle` takes each result as it comes. A worker gets its
 * next task once the results that can be handed on were (parse results hold their JSON).
 */
async function inWorkers(
  src: { code: string; eval: true } | { file: string; eval: false },
  tasks: Task[],
  sizes: readonly number[],
  n: number,
  places: Places,
  settle: (i: number, r: TaskResult) => Promise<void>,
  failed: () => boolean,
): Promise<void> {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const state = {
    workers: new Set<Worker>(),
    flag,
    stopping: false,
    stopped: new Map<Worker, () => void>(),
    busy: new Map<Worker, Busy>(),
  };
  running = state;
  let next = 0;
  const turns = new Turns(sizes);
  const family = tasks[0]?.kind === 'export' ? 'export' : undefined; // (the workers' code cache)
  const idle = new Set<() => void>(); // workers waiting for a large issue to finish
  try {
    await new Promise<void>((resolve, reject) => {
      let live = n;
      for (let w = 0; w < n; w++) {
        const data = { workerData: { stop: flag.buffer } };
        const worker = src.eval
          ? new Worker(src.code, { eval: true, ...data })
          : new Worker(LOADER, { eval: true, workerData: { ...data.workerData, file: src.file, family } });
        state.workers.add(worker);
        const busy: Busy = { thread: worker.threadId, folder: null };
        state.busy.set(worker, busy);
        const feed = (): void => {
          idle.delete(feed);
          if (next >= tasks.length || failed() || state.stopping) {
            state.workers.delete(worker);
            void worker.terminate();
            if (--live === 0) resolve();
            return;
          }
          if (!turns.start(next)) {
            idle.add(feed);
            return;
          }
          const id = next++;
          worker.postMessage({ type: 'task', id, task: tasks[id] } satisfies ToWorker);
        };
        worker.on('message', (msg: FromWorker) => {
          if (msg.type === 'place')
            void places.request(msg.id, msg.name).then((folder) => {
              // known before the worker can write in it: a signal cleans up after it there
              const task = tasks[msg.id]!;
              busy.folder = task.kind === 'export' ? join(task.out, folder) : null;
              worker.postMessage({ type: 'folder', id: msg.id, folder } satisfies ToWorker);
            });
          else if (msg.type === 'stopped') state.stopped.get(worker)?.();
          else {
            busy.folder = null;
            turns.end(msg.id);
            void settle(msg.id, msg.result).then(() => {
              feed();
              for (const f of [...idle]) f();
            });
          }
        });
        worker.on('error', (err) => reject(err));
        feed();
      }
    });
  } finally {
    await Promise.all([...state.workers].map((w) => w.terminate()));
    if (running === state) running = null;
  }
}
