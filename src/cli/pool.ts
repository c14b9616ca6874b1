import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTask, type Task, type TaskResult } from './task.js';

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
 * Runs tasks on `jobs` worker threads (in the main thread when jobs is 1 or the worker code
 * is unavailable) and calls `done` with each result in input order as soon as it and all
 * before it are finished, so output is deterministic and memory stays bounded.
 */
export async function runAll(
  tasks: Task[],
  jobs: number,
  done: (r: TaskResult, index: number) => Promise<void> | void,
  progress?: (finished: number) => void,
): Promise<void> {
  const results = new Array<TaskResult | undefined>(tasks.length);
  let next = 0;
  let flushed = 0;
  let finished = 0;
  let failure: unknown = null;
  let chain = Promise.resolve();
  const settle = (i: number, r: TaskResult): void => {
    results[i] = r;
    finished++;
    progress?.(finished);
    chain = chain.then(async () => {
      while (failure === null && flushed < tasks.length && results[flushed] !== undefined) {
        const res = results[flushed]!;
        if (res.ok) results[flushed] = { ...res, files: undefined, json: undefined }; // keep no payload once handed on
        try {
          await done(res, flushed);
        } catch (err) {
          failure = err;
        }
        flushed++;
      }
    });
  };
  const src = jobs > 1 && tasks.length > 1 ? workerSource() : null;
  if (!src) {
    for (let i = 0; i < tasks.length && failure === null; i++) {
      const r = await runTask(tasks[i]!);
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
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let live = Math.min(jobs, tasks.length);
      for (let w = 0, n = live; w < n; w++) {
        const worker = src.eval ? new Worker(src.code, { eval: true }) : new Worker(src.file);
        workers.push(worker);
        let current = -1;
        const feed = (): void => {
          if (next >= tasks.length || failure !== null) {
            void worker.terminate();
            if (--live === 0) resolve();
            return;
          }
          current = next++;
          worker.postMessage({ id: current, task: tasks[current] });
        };
        worker.on('message', (msg: { id: number; result: TaskResult }) => {
          settle(msg.id, msg.result);
          void chain.then(feed);
        });
        worker.on('error', (err) => reject(err));
        feed();
      }
    });
    await chain;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure !== null) throw failure;
}
