// Turns the command line's paths, folders and globs into the list of files to lint.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { compileGlob, expandBraces, hasMagic } from './glob.js';
import type { LanguageId } from '../types.js';

/** Extensions a folder walk picks up (explicitly named files are linted whatever their extension). */
export const LINTABLE_EXTENSIONS = ['.md', '.markdown', '.txt'];
/** Folders never entered by a walk: dependencies, and dot-folders (.git, .vscode, ...). */
export function skipDir(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export function isLintableName(name: string): boolean {
  return LINTABLE_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** `.txt` is plain text (text pasted from PDFs); everything else is read as Markdown. */
export function languageOf(file: string): LanguageId {
  return extname(file).toLowerCase() === '.txt' ? 'plaintext' : 'markdown';
}

export interface FileExpansion {
  /** Absolute paths, in command-line order then sorted within each folder or glob, without duplicates. */
  files: string[];
  /** One message per argument that named nothing (a usage error). */
  problems: string[];
}

export function expandArguments(args: string[], cwd: string): FileExpansion {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  const add = (abs: string) => {
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found: string[] = [];
      walk(abs, Infinity, (file, name) => {
        if (isLintableName(name)) found.push(file);
      });
      if (found.length === 0) problems.push(`No *.md, *.markdown or *.txt files found in folder "${arg}".`);
      found.forEach(add);
    } else if (st) {
      add(abs); // a named file (even if it is not a regular file: reading it reports why)
    } else if (hasMagic(arg)) {
      const found = expandGlob(arg, cwd);
      if (found.length === 0) problems.push(`No files matching the pattern "${arg}" were found.`);
      found.forEach(add);
    } else {
      problems.push(`No such file or folder: "${arg}".`);
    }
  }
  return { files, problems };
}

/** Files matching a glob, sorted. Walks skip node_modules and dot-folders below the pattern's literal base. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const out = new Set<string>();
  for (const p of expandBraces(pattern)) {
    const g = compileGlob(p);
    const base = resolve(cwd, g.base);
    try {
      if (!statSync(base).isDirectory()) continue;
    } catch {
      continue;
    }
    walk(base, g.maxDepth, (file, _name, rel) => {
      if (g.re.test(rel)) out.add(file);
    });
  }
  return [...out].sort();
}

/**
 * Depth-first, sorted walk calling `onFile(absolutePath, name, relativePathWithSlashes)` for every file
 * (symbolic links to files count; links to folders are not followed, so there are no cycles).
 */
function walk(dir: string, maxDepth: number, onFile: (file: string, name: string, rel: string) => void, rel = '', depth = 0): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable folder holds nothing we can lint
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const file = join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        isFile = statSync(file).isFile();
      } catch {
        isFile = false;
      }
    }
    if (e.isDirectory()) {
      if (depth < maxDepth && !skipDir(e.name)) walk(file, maxDepth, onFile, r, depth + 1);
    } else if (isFile) {
      onFile(file, e.name, r);
    }
  }
}
