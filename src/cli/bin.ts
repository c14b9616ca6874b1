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

watchStdout(); // `gongbao … | head` must not crash when head stops reading
installSignalHandlers(stopWorkers);

main(process.argv.slice(2)).then(
  (code) => {
    signalsFinished();
    process.exitCode = code;
  },
  (err: unknown) => {
    signalsFinished();
    say(`gongbao: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 70;
  },
);
