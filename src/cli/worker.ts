// Worker thread of `--jobs`: runs tasks sent by the pool (src/cli/pool.ts). An export task
// parses its issue and writes its folder here; only a summary goes back.
import { parentPort, workerData } from 'node:worker_threads';
import { runTask } from './task.js';
import { abandonUnfinished, Interrupted, watchStop } from '../write/atomic.js';
import type { FromWorker, ToWorker } from './pool.js';

const port = parentPort!;
const post = (msg: FromWorker): void => port.postMessage(msg);
const stop = (workerData as { stop?: SharedArrayBuffer } | undefined)?.stop;
if (stop) watchStop(new Int32Array(stop));

/**
 * After the first task, once: writes the V8 code cache of this bundle when the loader found
 * none it could use (pool.ts `LOADER`); what the task compiled goes in.
 */
function saveCodeCache(): void {
  const g = globalThis as { __gongbaoSaveCodeCache?: () => void };
  const save = g.__gongbaoSaveCodeCache;
  delete g.__gongbaoSaveCodeCache;
  save?.();
}

/** The folders asked for and not given yet, by task id. */
const waiting = new Map<number, (folder: string) => void>();

/** A signal in the main thread: remove the temporary file and the unfinished folder's files. */
function stopped(): void {
  abandonUnfinished();
  post({ type: 'stopped' });
}

port.on('message', (msg: ToWorker | { type: 'stop' }) => {
  if (msg.type === 'stop') return stopped();
  if (msg.type === 'folder') {
    waiting.get(msg.id)?.(msg.folder);
    waiting.delete(msg.id);
    return;
  }
  const { id, task } = msg;
  const place = (name: string): Promise<string> =>
    new Promise((resolve) => {
      waiting.set(id, resolve);
      post({ type: 'place', id, name });
    });
  runTask(task, place).then(
    (result) => {
      // A generator cannot cross threads: send the JSON's pieces as an array.
      if (result.ok && result.json) result = { ...result, json: [...result.json] };
      // before the result: the pool may end this worker as soon as it has it
      saveCodeCache();
      post({ type: 'result', id, result });
    },
    (err: unknown) => {
      if (err instanceof Interrupted) return stopped();
      throw err;
    },
  );
});
