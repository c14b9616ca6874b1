// Entry of the command line (dist/cli.js, and the single executable's main).
import { say } from './say.js';
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';
import { writtenFiles } from '../write/atomic.js';
import { watchStdout } from './options.js';

// The single executable does not go through bin/gongbao, which sets this first: see there
// why the CLI optimises later than V8 would by default (setting it twice is harmless).
setFlagsFromString('--interrupt-budget=2162688');

watchStdout(); // `gongbao … | head` must not crash when head stops reading
process.removeAllListeners('SIGINT'); // the launcher's provisional handler
process.on('SIGINT', () => {
  // Files are written whole (temp file + rename) between event-loop turns, so none is
  // half-written here; say which ones are complete.
  const n = writtenFiles.length;
  const list = writtenFiles.slice(0, 20).join(', ') + (n > 20 ? `, … (${n - 20} more)` : '');
  say(`gongbao: interrupted${n ? `; ${n} file${n === 1 ? '' : 's'} written before: ${list}` : '; no file written'}\n`);
  process.exit(130);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    say(`gongbao: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 70;
  },
);
