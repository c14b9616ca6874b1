// Worker thread of `--jobs`: runs tasks sent by the pool (src/cli/pool.ts).
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './task.js';

parentPort!.on('message', (msg: { id: number; task: Task }) => {
  void runTask(msg.task).then((result) => {
    // A generator cannot cross threads: send the JSON pieces as an array.
    if (result.ok && result.json) result = { ...result, json: [...result.json] };
    parentPort!.postMessage({ id: msg.id, result });
  });
});
