/**
 * The one error gongbao throws on its own: input that cannot be read as text at all
 * (binary, undecodable, empty, missing). Everything else is reported as an anomaly.
 * The CLI prints `message` on one line and exits with `exitCode` (2).
 */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly file: string | null = null,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * How messages and reports name standard input: `<stdin>`, everywhere a person reads it
 * (messages, the text report, report.html).
 */
export const STDIN_LABEL = '<stdin>';

/**
 * How machine fields name standard input: `-`, the argument as given, everywhere a program
 * reads it (`source.name` of issue.json, `file` of the validate json report, the SARIF artifact
 * URI — a valid relative URI reference, where `<stdin>` is not). Input given to the library
 * without a name has `source.name` null. The one exception is a file-system name: a batch
 * export names the folder of standard input `stdin` (when the masthead gives no year and issue).
 */
export const STDIN_NAME = '-';

/** The name a person reads for a source name: `<stdin>` for standard input or no name, else the name. */
export const displayName = (name: string | null | undefined): string =>
  name === null || name === undefined || name === STDIN_NAME ? STDIN_LABEL : name;
