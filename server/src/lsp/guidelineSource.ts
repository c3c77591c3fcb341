import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultGuidelineTable, type GuidelineTable, GuidelineTableError, loadUserGuidelineTable } from '../guidelines/table.js';

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
  if (content === undefined) {
    try {
      content = await readFile(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { table: defaultGuidelineTable(), uri, error: { message: `Cannot read the guideline table ${file} (${code ?? (e as Error).message}); the built-in limits are used.` } };
    }
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

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
