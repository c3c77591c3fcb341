// The suppressions file on disk, for the CLI and the language server alike (so both hide the same
// findings): found by walking up from the letter's folder, as markdownlint-cli2 finds its configuration;
// re-read only when it changes; written through a temporary file and a rename, so a crash never leaves
// half a file.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { SUPPRESSIONS_FILE, addSuppression, parseSuppressionFile, type Suppression } from '../suppressions.js';

export interface LoadedSuppressions {
  /** The suppressions file that holds for the letter, if any. */
  path?: string;
  entries: Suppression[];
  /** The letter relative to the folder holding `.imr-lint`, with "/" (what an entry's `file` names). */
  file?: string;
  /** Why the file could not be used (its entries are then ignored; the findings come back). */
  error?: string;
}

/** The nearest `.imr-lint/suppressions.json` at or above `dir`, or undefined. */
export function findSuppressionFile(dir: string): string | undefined {
  for (let d = dir; ; ) {
    const candidate = join(d, SUPPRESSIONS_FILE);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here: go up
    }
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** The folder an entry's `file` is relative to: the one that holds `.imr-lint`. */
export function baseOf(storePath: string): string {
  return dirname(dirname(storePath));
}

export function relativeFile(storePath: string, letterPath: string): string {
  return relative(baseOf(storePath), letterPath).split(sep).join('/');
}

/** Reads suppressions files, each once per change (mtime and size), for many letters and keystrokes. */
export class SuppressionStore {
  private cache = new Map<string, { mtimeMs: number; size: number; entries: Suppression[]; error?: string }>();

  /** The suppressions that hold for the letter at `letterPath`. Never throws. */
  forLetter(letterPath: string): LoadedSuppressions {
    const path = findSuppressionFile(dirname(letterPath));
    if (!path) return { entries: [] };
    const { entries, error } = this.read(path);
    return { path, entries, error, file: relativeFile(path, letterPath) };
  }

  read(path: string): { entries: Suppression[]; error?: string } {
    let st;
    try {
      st = statSync(path);
    } catch {
      this.cache.delete(path);
      return { entries: [] };
    }
    const hit = this.cache.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    let parsed: { entries: Suppression[]; error?: string };
    try {
      parsed = parseSuppressionFile(readFileSync(path, 'utf8'));
    } catch (e) {
      parsed = { entries: [], error: `it cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    }
    this.cache.set(path, { mtimeMs: st.mtimeMs, size: st.size, ...parsed });
    return parsed;
  }

  /** Adds `entry` to the file at `path` (created with its folder when missing). Returns an error message or undefined. */
  record(path: string, entry: Suppression): string | undefined {
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return `cannot read it (${(e as NodeJS.ErrnoException).code})`;
    }
    const next = addSuppression(current, entry);
    if (next.error !== undefined || next.text === undefined) return `it is not a valid suppressions file: ${next.error}; fix or remove it first`;
    const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, next.text, { flag: 'wx' });
      renameSync(tmp, path);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written
      }
      return `cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    }
    this.cache.delete(path);
    return undefined;
  }
}
