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
