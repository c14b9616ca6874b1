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
 * How messages and reports name standard input (and input given without a file name):
 * `<stdin>`, everywhere a person reads it. Machine fields keep their own forms:
 * `source.name` is null, the validate json report keeps the argument `-`, SARIF writes
 * the URI `stdin` (`<` and `>` are not allowed in a URI), a batch export names its folder `stdin`.
 */
export const STDIN_LABEL = '<stdin>';
