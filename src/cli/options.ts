import { statSync } from 'node:fs';
import { say } from './say.js';
import { Option, type Command } from 'commander';
import { InputError } from '../read/errors.js';
import { parseEncoding, type Encoding } from '../read/decode.js';
import { readInput, DEFAULT_MAX_BYTES } from './io.js';
import { parseHeld, type ParsedSource } from '../parse.js';
import { uninterruptible } from './signals.js';
import type { Issue } from '../model/issue.js';
import { READER_NAMES, type ReaderName } from '../read/readers.js';

export interface InputOpts {
  encoding?: string;
  /** The input form: text, markdown or pdftotext (`--from`); detected when absent. */
  from?: ReaderName;
  maxBytes: number;
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/**
 * A size in bytes: a whole number, optionally with a unit as people write it (`10MB`,
 * `256 MiB`, `1.5G`): k/KB/M/MB/G/GB are powers of 1000, KiB/MiB/GiB of 1024.
 */
export function parseSize(flag: string) {
  return (v: string): number => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(v);
    const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
    const n = m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : NaN;
    if (!Number.isInteger(n) || n <= 0)
      throw new InputError(`${flag}: not a size: ${v} (a number of bytes, or with a unit: 10MB, 256MiB, 1GB)`);
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
        'the input form instead of detecting it: text (converter text, pipe tables), markdown (converter Markdown: MinerU, marker, docling, pandoc) or pdftotext (poppler pdftotext, with or without -layout)',
      ).choices(READER_NAMES),
    )
    .addOption(
      new Option('--max-bytes <size>', 'refuse inputs larger than this (bytes, or 10MB, 256MiB, 1GB)')
        .default(DEFAULT_MAX_BYTES, '256MiB')
        .argParser(parseSize('--max-bytes')),
    );
}

/**
 * `-o -` means standard output, as `-` does for input (not a file named "-"). A folder is
 * refused before anything is read (usage error, exit 2): `-o` takes a file name.
 */
export const outputPath = (value: string): string | undefined => {
  if (value === '-') return undefined;
  let dir = false;
  try {
    dir = statSync(value).isDirectory();
  } catch {
    /* absent: it will be created */
  }
  if (dir) throw new InputError(`-o ${value}: is a folder; -o takes a file name, e.g. -o ${value.replace(/\/+$/, '')}/issue.json`);
  return value;
};

/**
 * `gongbao extract FILE` (or `plot FILE`): commander said "unknown command 'FILE'"; this
 * names what is missing: the KIND before the file, with the kinds there are.
 */
export function kindRequired(cmd: Command, what = 'KIND'): Command {
  return cmd.on('command:*', (operands: string[]) => {
    const given = operands[0] ?? '';
    const kinds = cmd.commands.map((c) => c.name()).join(', ');
    const looksLikeFile = given === '-' || /[./\\]/.test(given);
    cmd.error(
      looksLikeFile
        ? `error: missing ${what} before '${given}': gongbao ${cmd.name()} ${what} FILE, ${what} one of: ${kinds}`
        : `error: unknown ${what} '${given}'; one of: ${kinds}`,
      { exitCode: 2, code: 'gongbao.usage' },
    );
  });
}

/** Reads FILE (or '-' for stdin) and parses it; InputError on unreadable input. */
export function loadIssue(file: string, opts: InputOpts): Issue {
  return loadSource(file, opts).issue;
}

/** Like loadIssue, with the decoded lines (for the Markdown and HTML writers). */
export function loadSource(file: string, opts: InputOpts): ParsedSource {
  const encoding: Encoding | undefined = opts.encoding ? parseEncoding(opts.encoding) : undefined;
  // reading and parsing are synchronous: a signal meanwhile stops the process at once (signals.ts)
  return uninterruptible(() => {
    // handed over in a holder, not as an argument (which this frame would keep alive for the
    // whole parse): the buffer is collected once decoded
    const held: { name: string | null; bytes: Uint8Array | null } = readInput(file, opts.maxBytes);
    return parseHeld(held, { name: held.name, ...(encoding ? { encoding } : {}), ...(opts.from ? { from: opts.from } : {}) });
  });
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
