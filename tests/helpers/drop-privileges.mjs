// Runs a Node script as a process that cannot read a file of mode 0o000:
// `node drop-privileges.mjs script.mjs args...`. Root reads every file whatever its mode
// through two capabilities, CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH; tests/helpers/
// unprivileged.ts starts this script without them (setpriv), still as root, so the repository
// and the temporary folders stay readable wherever they are. Here it only checks that the
// capabilities are really gone, and refuses to go on otherwise (exit 99: fail, never skip).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const DAC_OVERRIDE = 1n;
const DAC_READ_SEARCH = 2n;
if (process.getuid && process.getuid() === 0) {
  const m = /^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  const eff = m ? BigInt(`0x${m[1]}`) : -1n;
  if (eff < 0n || (eff >> DAC_OVERRIDE) & 1n || (eff >> DAC_READ_SEARCH) & 1n) {
    process.stderr.write(`drop-privileges: still able to read every file (CapEff ${m?.[1] ?? 'unknown'})\n`);
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
