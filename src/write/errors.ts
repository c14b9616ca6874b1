/** Output could not be written (exit code 3), or would overwrite without --force (exit code 2). */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3 = 3,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}
