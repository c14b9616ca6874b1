/**
 * A progress bar on stderr, drawn only when stderr is a terminal (never in pipes, logs or
 * CI) and not silenced with --quiet.
 */
export class Progress {
  private readonly on: boolean;
  constructor(
    private readonly total: number,
    quiet = false,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.on = !quiet && total > 1 && stream.isTTY === true;
  }

  update(done: number, label = ''): void {
    if (!this.on) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const cols = this.stream.columns ?? 80;
    const text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total} ${label}`;
    this.stream.write(`\r${text.slice(0, cols - 1).padEnd(Math.min(cols - 1, text.length))}\x1b[K`);
  }

  /** Clears the bar before other output is written. */
  clear(): void {
    if (this.on) this.stream.write('\r\x1b[K');
  }
}
