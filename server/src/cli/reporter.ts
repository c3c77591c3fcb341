// Output formats stream: begin() once, file() after each file is linted, end() once. Each returns text for
// stdout, so that a run over thousands of letters keeps nothing but totals in memory.
import type { FileReport } from './report.js';

export interface Reporter {
  begin(): string;
  file(report: FileReport): string;
  end(): string;
}

/** Indents every line but the first (which follows a `"key": ` already in place). */
export function indentJson(value: unknown, spaces: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(spaces)}`);
}
