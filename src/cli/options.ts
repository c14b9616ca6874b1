import { Option, type Command } from 'commander';
import { InputError } from '../read/errors.js';
import { parseEncoding, type Encoding } from '../read/decode.js';
import { readInput, DEFAULT_MAX_BYTES } from './io.js';
import { parseSource, type ParsedSource } from '../parse.js';
import type { Issue } from '../model/issue.js';

export interface InputOpts {
  encoding?: string;
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
    .addOption(new Option('--max-bytes <n>', 'refuse inputs larger than this').default(DEFAULT_MAX_BYTES, '256 MiB').argParser(positiveInt('--max-bytes')));
}

/** Reads FILE (or '-' for stdin) and parses it; InputError on unreadable input. */
export function loadIssue(file: string, opts: InputOpts): Issue {
  return loadSource(file, opts).issue;
}

/** Like loadIssue, with the decoded lines (for the Markdown and HTML writers). */
export function loadSource(file: string, opts: InputOpts): ParsedSource {
  const encoding: Encoding | undefined = opts.encoding ? parseEncoding(opts.encoding) : undefined;
  const raw = readInput(file, opts.maxBytes);
  return parseSource(raw.bytes, { name: raw.name, ...(encoding ? { encoding } : {}) });
}

/** Writes data to stdout, waiting for the pipe to drain (and ignoring EPIPE from `| head`). */
export function writeStdout(data: string): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') resolve();
    });
    if (process.stdout.write(data)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
