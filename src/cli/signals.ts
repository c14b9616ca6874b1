// Signals (SIGINT, SIGTERM, SIGHUP): what the command line does when it is stopped.
import { say } from './say.js';
import { abandonUnfinished, nothingToClean, writtenFiles } from '../write/atomic.js';

/** Exit code of each signal handled: 128 + its number. */
export const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Signal = keyof typeof SIGNALS;

let finished = false;
let stopping = false;
const handlers = new Map<Signal, () => void>();

/**
 * Interrupted (Ctrl-C), terminated (timeout, CI cancellation) or hung up: stop at the next
 * event-loop turn — files are written whole (temp file + rename) between turns, and the
 * export yields after each file —, remove any temporary file and the files of an unfinished
 * export folder (all of an issue's files or none), say which files are complete, and exit
 * 128 + the signal's number. A signal after the work is done changes nothing.
 * `stopWorkers` first asks the workers of --jobs to stop their own writes (and waits for them).
 */
export function installSignalHandlers(stopWorkers: () => Promise<unknown> = async () => {}): void {
  for (const [signal, code] of Object.entries(SIGNALS) as Array<[Signal, number]>) {
    process.removeAllListeners(signal); // the launcher's provisional handler
    // Workers of --jobs stop their own writes the same way; the main thread waits for them
    // (at most 0.6 s) before it names what stays.
    const handler = (): void => {
      if (finished || stopping) return;
      stopping = true;
      const exit = (): void => exitOn(signal, code);
      void stopWorkers().then(exit, exit);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
}

function exitOn(signal: Signal, code: number): void {
  abandonUnfinished();
  const n = writtenFiles.length;
  const list = writtenFiles.slice(0, 20).join(', ') + (n > 20 ? `, … (${n - 20} more)` : '');
  const what = signal === 'SIGINT' ? 'interrupted' : `stopped by ${signal}`;
  say(`gongbao: ${what}${n ? `; ${n} file${n === 1 ? '' : 's'} written before: ${list}` : '; no file written'}\n`);
  process.exit(code);
}

/** The work is done: a signal from now on changes nothing. */
export function signalsFinished(): void {
  finished = true;
}

/**
 * Runs synchronous work (reading and parsing a file: seconds for a large one) during which
 * a handler could not run — the event loop is not turning. Before any file is written there
 * is nothing to clean and nothing to name, so the signals take their default action
 * meanwhile: the process stops at once, by the signal (exit 130 / 143 / 129 in the shell).
 * Once files are written (a batch's later issues), the handlers stay, and run when the work
 * returns, to name them.
 */
export function uninterruptible<T>(work: () => T): T {
  if (handlers.size === 0 || !nothingToClean() || writtenFiles.length > 0) return work();
  for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  try {
    return work();
  } finally {
    for (const [signal, handler] of handlers) process.on(signal, handler);
  }
}
