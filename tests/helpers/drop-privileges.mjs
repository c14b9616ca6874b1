// Runs a Node script as a user who cannot read a file of mode 0o000: `node drop-privileges.mjs
// script.mjs args...`. Root reads every file whatever its mode, so as root this first drops to
// nobody (uid and gid 65534, no supplementary groups) and refuses to go on if that failed;
// otherwise it runs the script as the current user.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const NOBODY = 65534;
if (process.getuid && process.getuid() === 0) {
  process.setgroups([]);
  process.setgid(NOBODY);
  process.setuid(NOBODY);
  if (process.getuid() === 0 || process.geteuid() === 0) {
    process.stderr.write('drop-privileges: still root\n');
    process.exit(99);
  }
}
const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node drop-privileges.mjs script [args...]\n');
  process.exit(99);
}
process.argv = [process.argv[0], resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
