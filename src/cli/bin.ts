// Entry of the command line (dist/cli.js, and the single executable's main).
import { say } from './say.js';
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';
import { installSignalHandlers, signalsFinished } from './signals.js';
import { watchStdout } from './options.js';
import { stopWorkers } from './pool.js';

// The single executable does not go through bin/gongbao, which sets this first: see there
// why the CLI optimises later than V8 would by default (setting it twice is harmless).
setFlagsFromString('--interrupt-budget=2162688');
setFlagsFromString('--baseline-batch-compilation-threshold=256');

watchStdout(); // `gongbao … | head` must not crash when head stops reading
installSignalHandlers(stopWorkers);

main(process.argv.slice(2)).then(
  (code) => end(code),
  (err: unknown) => {
    say(`gongbao: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return end(70);
  },
);

/**
 * The work is done: a signal from now on changes nothing. The process ends by
 * process.exit once stdout and stderr are flushed, not by letting the event loop run dry:
 * Node's natural exit closes its signal watchers before the process is gone, and a signal
 * in that last moment (a `timeout` or a CI cancellation just too late) took its default
 * action and killed the finished run by the signal.
 */
async function end(code: number): Promise<void> {
  signalsFinished();
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

function flushed(stream: NodeJS.WriteStream): Promise<unknown> {
  if (stream.writableLength === 0 || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('drain', resolve);
    stream.once('close', resolve);
    stream.once('error', resolve);
  });
}
