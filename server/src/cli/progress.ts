// A one-line progress bar on stderr for long runs in a terminal. Never drawn when stderr is piped or in CI.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): boolean;
}

/** Runs with more files than this show a bar. */
export const PROGRESS_MIN_FILES = 20;

export function wantsProgress(stream: ProgressStream, env: NodeJS.ProcessEnv, files: number): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return stream.isTTY === true && !ci && env.TERM !== 'dumb' && files > PROGRESS_MIN_FILES;
}

export class Progress {
  private done = 0;
  private drawn = false;
  private lastDraw = 0;

  constructor(private readonly stream: ProgressStream, private readonly total: number, private readonly enabled: boolean) {}

  /** Call after each file. Redraws at most every 50 ms, and for the last file. */
  tick(label: string): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (this.drawn && now - this.lastDraw < 50 && this.done < this.total) return;
    this.lastDraw = now;
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    const counter = ` ${this.done}/${this.total} `;
    const barWidth = Math.min(30, Math.max(10, width - counter.length - 20));
    const filled = Math.round((barWidth * this.done) / this.total);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
    let line = `${bar}${counter}`;
    const room = width - line.length;
    if (room > 4) line += label.length > room ? `\u2026${label.slice(label.length - room + 1)}` : label;
    this.stream.write(`\r${line}\u001b[K`);
    this.drawn = true;
  }

  /** Erases the bar (before other stderr output, and at the end). */
  clear(): void {
    if (this.drawn) {
      this.stream.write('\r\u001b[K');
      this.drawn = false;
    }
  }
}
