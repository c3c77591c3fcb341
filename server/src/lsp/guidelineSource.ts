import { open } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  defaultGuidelineTable, type GuidelineTable, GuidelineTableError, loadUserGuidelineTable, MAX_GUIDELINE_TABLE_BYTES,
} from '../guidelines/table.js';

export interface GuidelineState {
  table: GuidelineTable;
  /** The file's URI when a user table is configured (loaded or not). */
  uri?: string;
  /** Why the configured file could not be used; the defaults are in use. */
  error?: { message: string; path?: string };
}

/**
 * Loads the configured guideline table. Never throws: a missing, unreadable or invalid file leaves the
 * built-in table in place and says why. `text` is the file's content when it is open in the editor
 * (unsaved edits count).
 */
export async function loadGuidelines(setting: string, workspaceRoot: string | undefined, text?: string): Promise<GuidelineState> {
  if (!setting.trim()) return { table: defaultGuidelineTable() };
  const file = isAbsolute(setting) ? setting : resolve(workspaceRoot ?? process.cwd(), setting);
  const uri = pathToFileURL(file).toString();
  let content = text;
  // The size is checked before the file is read or parsed: a 100 MB table would take seconds and a gigabyte.
  const tooLarge = (size: string) => ({
    table: defaultGuidelineTable(),
    uri,
    error: { message: `The guideline table ${file} is too large (${size}; the limit is ${megabytes(MAX_GUIDELINE_TABLE_BYTES)}); the built-in limits are used.` },
  });
  if (content === undefined) {
    try {
      const read = await readAtMost(file, MAX_GUIDELINE_TABLE_BYTES);
      if (typeof read !== 'string') return tooLarge(read.exact ? megabytes(read.size) : `more than ${megabytes(MAX_GUIDELINE_TABLE_BYTES)}`);
      content = read;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { table: defaultGuidelineTable(), uri, error: { message: `Cannot read the guideline table ${file} (${code ?? (e as Error).message}); the built-in limits are used.` } };
    }
  } else if (content.length > MAX_GUIDELINE_TABLE_BYTES || Buffer.byteLength(content) > MAX_GUIDELINE_TABLE_BYTES) {
    return tooLarge(megabytes(Buffer.byteLength(content)));
  }
  try {
    return { table: loadUserGuidelineTable(content, file), uri };
  } catch (e) {
    if (e instanceof GuidelineTableError) {
      const first = e.problems[0];
      return { table: defaultGuidelineTable(), uri, error: { message: `${e.message}. The built-in limits are used.`, path: first?.path } };
    }
    return { table: defaultGuidelineTable(), uri, error: { message: `Guideline table ${file}: ${(e as Error).message}. The built-in limits are used.` } };
  }
}

/** The file's text, or its size when it is over `max` bytes (then not read further; `exact` when stat knew it). */
async function readAtMost(file: string, max: number): Promise<string | { size: number; exact: boolean }> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size > max) return { size, exact: true };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) return { size: total, exact: false };
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    await handle.close();
  }
}

function megabytes(bytes: number): string {
  return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
