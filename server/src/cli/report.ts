// What the CLI keeps per file: the findings (never the parsed model) and what went wrong, if anything.
import { isAbsolute, relative, sep } from 'node:path';
import type { Finding } from '../types.js';
import type { FileProblemCode } from './fileio.js';

export interface FileReport {
  /** Absolute path. */
  file: string;
  /** Path as shown to people: relative to the working folder when inside it. */
  display: string;
  findings: Finding[];
  /** The file could not be linted at all (counts as an error). */
  error?: { code: FileProblemCode; message: string };
  /** --fix: how many fixes were written to the file. */
  fixesApplied?: number;
  /** --fix: why fixes that were found were not written (read-only file, write failure). */
  fixNotWritten?: string;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
  fixableInfos: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0, fixableInfos: 0 };
  for (const f of findings) {
    const fixable = f.fixes.some((x) => x.preferred);
    if (f.severity === 'error') {
      c.errors++;
      if (fixable) c.fixableErrors++;
    } else if (f.severity === 'warning') {
      c.warnings++;
      if (fixable) c.fixableWarnings++;
    } else {
      c.infos++;
      if (fixable) c.fixableInfos++;
    }
  }
  return c;
}

/** The path relative to `cwd` when the file is inside it, else undefined. */
export function relativeInside(file: string, cwd: string): string | undefined {
  const rel = relative(cwd, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel;
}

export function displayPath(file: string, cwd: string): string {
  return relativeInside(file, cwd) ?? file;
}

/** Exit code for a finished run: 1 when any error finding, any file that could not be linted, or fixes not written. */
export function exitCodeOf(reports: readonly FileReport[]): 0 | 1 {
  return reports.some((r) => r.error || r.fixNotWritten || r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/**
 * Text for a terminal: control characters (C0, DEL, C1) escaped as JSON escapes them (`\t`, `\n`, `\r`,
 * `\u001b`), so that a file name or a quoted letter cannot move the cursor, change colours or ring the bell.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
