// Entry of the command line (dist/cli.js, and the single executable's main).
import { main } from './main.js';

process.on('SIGINT', () => {
  process.stderr.write('gongbao: interrupted\n');
  process.exit(130);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`gongbao: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 70;
  },
);
