import { say } from './say.js';
import { Option, type Command } from 'commander';
import { InputError } from '../read/errors.js';
import { parseEncoding, type Encoding } from '../read/decode.js';
import { readInput, DEFAULT_MAX_BYTES } from './io.js';
import { parseSource, type ParsedSource } from '../parse.js';
import type { Issue } from '../model/issue.js';
import { READER_NAMES, type ReaderName } from '../read/readers.js';

export interface InputOpts {
  encoding?: string;
  /** The input form: text or markdown (`--from`); detected when absent. */
  from?: ReaderName;
  maxBytes: number;
}

function positiveInt(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new InputError(`${flag}: not a positive integer: ${v}`);
    return n;
  };
}

/** Options shared by every command that reads an issue. */
export function inputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--encoding <name>', 'force the input encoding: utf-8, utf-16le, utf-16be, gb18030'))
    .addOption(
      new Option(
        '--from <form>',
        'the input form instead of detecting it: text (converter text, pipe tables) or markdown (converter Markdown: MinerU, marker, docling)',
      ).choices(READER_NAMES),
    )
    .addOption(
      new Option('--max-bytes <n>', 'refuse inputs larger than this')
        .default(DEFAULT_MAX_BYTES, '256 MiB')
        .argParser(positiveInt('--max-bytes')),
    );
}

/** Reads FILE (or '-' for stdin) and parses it; InputError on unreadable input. */
/** `-o -` means standard output, as `-` does for input (not a file named "-"). */
export const outputPath = (value: string): string | undefined => (value === '-' ? undefined : value);

export function loadIssue(file: string, opts: InputOpts): Issue {
  return loadSource(file, opts).issue;
}

/** Like loadIssue, with the decoded lines (for the Markdown and HTML writers). */
export function loadSource(file: string, opts: InputOpts): ParsedSource {
  const encoding: Encoding | undefined = opts.encoding ? parseEncoding(opts.encoding) : undefined;
  const raw: { name: string | null; bytes: Uint8Array | null } = readInput(file, opts.maxBytes);
  const bytes = raw.bytes!;
  raw.bytes = null; // parseSource drops its reference once decoded: the buffer can be collected
  return parseSource(bytes, { name: raw.name, ...(encoding ? { encoding } : {}), ...(opts.from ? { from: opts.from } : {}) });
}

let stdoutClosed = false;
let stdoutWatched = false;
const waiting = new Set<() => void>();

/**
 * The one listener for stdout errors of the whole run (one per write piled up past
 * MaxListeners). EPIPE — the reader went away, as `| head` does — ends writing quietly;
 * any other error is reported and exits 3 (output could not be written). Without it, help
 * text piped into `head` crashed with an unhandled 'error' event.
 */
export function watchStdout(): void {
  if (stdoutWatched) return;
  stdoutWatched = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      stdoutClosed = true;
      for (const r of waiting) r();
      waiting.clear();
      return;
    }
    say(`gongbao: cannot write to standard output: ${err.message}\n`);
    process.exit(3);
  });
}

/** Writes data to stdout, waiting for the pipe to drain (and ignoring EPIPE from `| head`). */
export function writeStdout(data: string): Promise<void> {
  if (stdoutClosed) return Promise.resolve();
  watchStdout();
  return new Promise((resolve) => {
    if (process.stdout.write(data)) resolve();
    else {
      waiting.add(resolve);
      process.stdout.once('drain', () => {
        waiting.delete(resolve);
        resolve();
      });
    }
  });
}
