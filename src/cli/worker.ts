// Worker thread of `--jobs`: runs tasks sent by the pool (src/cli/pool.ts).
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './task.js';

parentPort!.on('message', (msg: { id: number; task: Task }) => {
  void runTask(msg.task).then((result) => {
    // A generator, or a file made in pieces as it is written, cannot cross threads: send
    // the pieces as an array.
    if (result.ok && result.json) result = { ...result, json: [...result.json] };
    if (result.ok && result.files) {
      result = {
        ...result,
        files: result.files.map((f) =>
          typeof f.data === 'string' || f.data instanceof Uint8Array || Array.isArray(f.data) ? f : { ...f, data: [...f.data] },
        ),
      };
    }
    parentPort!.postMessage({ id: msg.id, result });
  });
});
