// Finds and reads `.imr-lint.jsonc` for a letter: the nearest one in the letter's folder or above it, as
// markdownlint-cli2 finds its configuration. The CLI and the language server both use this class, so
// they read the same file the same way. Each file is parsed once per change (mtime and size, or the
// editor's unsaved text), and a guideline table it names is read once per change too.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CONFIG_FILE, type ConfigProblem, EMPTY_CONFIG, parseProjectConfig, type ProjectConfig } from '../config/projectConfig.js';
import { type GuidelineTable, GuidelineTableError, loadUserGuidelineTable, MAX_GUIDELINE_TABLE_BYTES } from '../guidelines/table.js';

/** The largest configuration file read (a real one is a few hundred bytes; an inline table may be large). */
export const MAX_CONFIG_BYTES = MAX_GUIDELINE_TABLE_BYTES;

export interface LoadedProjectConfig {
  /** The file, when there is one for this letter. */
  path?: string;
  config: ProjectConfig;
  /** Problems of the file, at their offsets in `text`. */
  problems: ConfigProblem[];
  /** The guideline table the file gives (inline or by path), when it could be used. */
  table?: GuidelineTable;
  /** The file's text as read (for placing problems). */
  text: string;
}

const NONE: LoadedProjectConfig = { config: EMPTY_CONFIG, problems: [], text: '' };

export interface ProjectConfigStoreOptions {
  /** The unsaved text of a file open in the editor, which wins over the disk. */
  textOf?: (path: string) => string | undefined;
  /** False: a table named by path is not read (an untrusted workspace); an inline table still applies. */
  readGuidelinePaths?: () => boolean;
}

export class ProjectConfigStore {
  /** Folder -> the configuration file that applies there (null: none up to the root). */
  private readonly found = new Map<string, string | null>();
  /** Path -> what was read, by its stamp (and the stamp of a table file it names). */
  private readonly loaded = new Map<string, { stamp: string; tableStamp?: string; value: LoadedProjectConfig }>();

  constructor(private readonly options: ProjectConfigStoreOptions = {}) {}

  /** The configuration of the letter at `file` (an absolute path). */
  forFile(file: string): LoadedProjectConfig {
    const path = this.find(dirname(file));
    return path ? this.load(path) : NONE;
  }

  /** The nearest configuration file at or above `dir`. */
  find(dir: string): string | undefined {
    const walked: string[] = [];
    let result: string | null = null;
    for (let d = dir; ; ) {
      const known = this.found.get(d);
      if (known !== undefined) {
        result = known;
        break;
      }
      walked.push(d);
      const candidate = join(d, CONFIG_FILE);
      if (this.options.textOf?.(candidate) !== undefined || isFile(candidate)) {
        result = candidate;
        break;
      }
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const d of walked) this.found.set(d, result);
    return result ?? undefined;
  }

  /** Reads one configuration file (`--config FILE`, or the one found). A missing file is a problem. */
  load(path: string): LoadedProjectConfig {
    const open = this.options.textOf?.(path);
    let text: string;
    let stamp: string;
    if (open !== undefined) {
      text = open;
      stamp = `open:${open.length}`;
    } else {
      try {
        const st = statSync(path);
        if (st.size > MAX_CONFIG_BYTES) return failed(path, `${CONFIG_FILE} is too large (${st.size} bytes; the limit is ${MAX_CONFIG_BYTES}); it is ignored.`);
        stamp = `disk:${st.mtimeMs}:${st.size}`;
        const hit = this.cached(path, stamp);
        if (hit) return hit;
        text = readFileSync(path, 'utf8');
      } catch (e) {
        return failed(path, `Cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); it is ignored.`);
      }
    }
    const hit = this.cached(path, stamp, text);
    if (hit) return hit;
    const { config, problems } = parseProjectConfig(text);
    const value: LoadedProjectConfig = { path, config, problems, text, table: config.guidelinesTable };
    if (config.guidelinesPath !== undefined) {
      const table = this.readTable(path, config, problems);
      if (table) value.table = table;
    }
    this.loaded.set(path, { stamp, value, tableStamp: config.guidelinesPath !== undefined ? tableStamp(path, config) : undefined });
    return value;
  }

  /** Forget what was found and read (a configuration or table file was created, changed or deleted). */
  invalidate(): void {
    this.found.clear();
    this.loaded.clear();
  }

  private readTable(configPath: string, config: ProjectConfig, problems: ConfigProblem[]): GuidelineTable | undefined {
    const span = config.guidelinesSpan ?? { start: 0, end: 1 };
    const problem = (message: string) => problems.push({ severity: 'error', ...span, message });
    if (this.options.readGuidelinePaths && !this.options.readGuidelinePaths()) {
      problems.push({ severity: 'warning', ...span, message: 'A guideline table named by path is not read in an untrusted workspace; the built-in table is used.' });
      return undefined;
    }
    const file = tablePath(configPath, config.guidelinesPath!);
    try {
      const size = statSync(file).size;
      if (size > MAX_GUIDELINE_TABLE_BYTES) {
        problem(`The guideline table ${file} is too large (${size} bytes; the limit is ${MAX_GUIDELINE_TABLE_BYTES}); the built-in table is used.`);
        return undefined;
      }
      return loadUserGuidelineTable(readFileSync(file, 'utf8'), file);
    } catch (e) {
      if (e instanceof GuidelineTableError) problem(`${e.message}. The built-in table is used.`);
      else problem(`Cannot read the guideline table ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the built-in table is used.`);
      return undefined;
    }
  }

  /** A cached value for this stamp; a table file named by path is checked again (it may have changed). */
  private cached(path: string, stamp: string, text?: string): LoadedProjectConfig | undefined {
    const c = this.loaded.get(path);
    if (!c || c.stamp !== stamp || (text !== undefined && c.value.text !== text)) return undefined;
    return c.value.config.guidelinesPath !== undefined && c.tableStamp !== tableStamp(path, c.value.config) ? undefined : c.value;
  }
}

/** A table path is relative to the configuration file's folder. */
export function tablePath(configPath: string, value: string): string {
  return isAbsolute(value) ? value : resolve(dirname(configPath), value);
}

function tableStamp(configPath: string, config: ProjectConfig): string {
  try {
    const st = statSync(tablePath(configPath, config.guidelinesPath!));
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'missing';
  }
}

function failed(path: string, message: string): LoadedProjectConfig {
  return { path, config: EMPTY_CONFIG, problems: [{ severity: 'error', start: 0, end: 1, message }], text: '' };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
