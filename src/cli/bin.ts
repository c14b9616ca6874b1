// Entry of the command line (dist/cli.js, and the single executable's main).
import { say } from './say.js';
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';
import { abandonUnfinished, writtenFiles } from '../write/atomic.js';
import { watchStdout } from './options.js';
import { stopWorkers } from './pool.js';

// The single executable does not go through bin/gongbao, which sets this first: see there
// why the CLI optimises later than V8 would by default (setting it twice is harmless).
setFlagsFromString('--interrupt-budget=2162688');

watchStdout(); // `gongbao … | head` must not crash when head stops reading
// Interrupted (Ctrl-C), terminated (timeout, CI cancellation) or hung up: stop at the next
// event-loop turn — files are written whole (temp file + rename) between turns, and the
// export yields after each file —, remove any temporary file and the files of an unfinished
// export folder (all of an issue's files or none), say which files are complete,
// and exit 128 + the signal's number. A signal after the work is done changes nothing.
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
// Workers of --jobs stop their own writes the same way; the main thread waits for them (at
// most 0.6 s) before it names what stays.
let finished = false;
let stopping = false;
for (const [signal, code] of Object.entries(SIGNALS)) {
  process.removeAllListeners(signal); // the launcher's provisional handler
  process.on(signal, () => {
    if (finished || stopping) return;
    stopping = true;
    void stopWorkers().then(
      () => exitOn(signal, code),
      () => exitOn(signal, code),
    );
  });
}

function exitOn(signal: string, code: number): void {
  abandonUnfinished();
  const n = writtenFiles.length;
  const list = writtenFiles.slice(0, 20).join(', ') + (n > 20 ? `, … (${n - 20} more)` : '');
  const what = signal === 'SIGINT' ? 'interrupted' : `stopped by ${signal}`;
  say(`gongbao: ${what}${n ? `; ${n} file${n === 1 ? '' : 's'} written before: ${list}` : '; no file written'}\n`);
  process.exit(code);
}

main(process.argv.slice(2)).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (err: unknown) => {
    finished = true;
    say(`gongbao: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 70;
  },
);
