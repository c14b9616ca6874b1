// Worker thread of `--jobs`: runs tasks sent by the pool (src/cli/pool.ts).
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './task.js';

parentPort!.on('message', (msg: { id: number; task: Task }) => {
  void runTask(msg.task).then((result) => parentPort!.postMessage({ id: msg.id, result }));
});
