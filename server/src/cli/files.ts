// Turns the command line's paths, folders and globs into the list of files to lint. Globs are matched by
// tinyglobby (picomatch's matcher over fdir's crawl); this file only decides what to crawl and what a
// pattern may be, and gives every problem one sentence.
import { type Dirent, lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { FileSystemAdapter } from 'tinyglobby';
import type { LanguageId } from '../types.js';
import { describeError } from './fileio.js';

// Required, not imported: the CLI is bundled as CommonJS, and the ESM builds of tinyglobby and fdir call
// createRequire(import.meta.url), which is empty in a CommonJS bundle. require() makes esbuild take their
// CommonJS builds ("require" export condition). This file is only ever run from the bundle.
const { globSync } = require('tinyglobby') as typeof import('tinyglobby');

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

/** Whether an argument should be treated as a glob rather than a literal path. */
export function hasMagic(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

export interface UnreadableFolder {
  /** Absolute path. */
  path: string;
  /** Why, in a few words ("permission denied"). */
  reason: string;
}

export interface FileExpansion {
  /** Absolute paths, in command-line order then sorted within each folder or glob, without duplicates. */
  files: string[];
  /** One message per argument that named nothing (a usage error). */
  problems: string[];
  /** Folders met inside a walk that could not be read: the letters in them are not linted. */
  unreadable: UnreadableFolder[];
}

export function expandArguments(args: string[], cwd: string): FileExpansion {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  const unreadable: UnreadableFolder[] = [];
  const add = (abs: string) => {
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let st: ReturnType<typeof statSync> | undefined;
    let statError: NodeJS.ErrnoException | undefined;
    try {
      st = statSync(abs);
    } catch (e) {
      statError = e as NodeJS.ErrnoException;
    }
    if (st?.isDirectory()) {
      const walk = walkFolder(abs);
      const self = walk.unreadable.find((u) => u.path === abs);
      if (self) {
        problems.push(`Cannot read folder "${arg}" (${self.reason}).`);
        continue;
      }
      if (walk.files.length === 0 && walk.unreadable.length === 0) problems.push(`No *.md, *.markdown or *.txt files found in folder "${arg}".`);
      walk.files.forEach(add);
      unreadable.push(...walk.unreadable);
    } else if (st) {
      add(abs); // a named file (even if it is not a regular file: reading it reports why)
    } else if (statError?.code === 'ELOOP') {
      problems.push(`"${arg}" is a symbolic link loop (following it leads back to itself), not a file or folder.`);
    } else if (statError?.code === 'EACCES' || statError?.code === 'EPERM') {
      problems.push(`Cannot read "${arg}" (${describeError(statError)}).`);
    } else if (hasMagic(arg)) {
      const g = expandGlob(arg, cwd);
      if (g.problem) problems.push(g.problem);
      else if (g.files.length === 0 && g.unreadable.length === 0) problems.push(`No files matching the pattern "${arg}" were found.`);
      g.files.forEach(add);
      unreadable.push(...g.unreadable);
    } else {
      const target = brokenLinkTarget(abs);
      problems.push(target !== undefined ? `"${arg}" is a broken symbolic link (to "${target}", which does not exist).` : `No such file or folder: "${arg}".`);
    }
  }
  return { files, problems, unreadable };
}

function brokenLinkTarget(abs: string): string | undefined {
  try {
    return lstatSync(abs).isSymbolicLink() ? readlinkSync(abs) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The lintable files below a folder, in the order of a depth-first walk that sorts each folder's entries
 * by name. node_modules and dot-folders are not entered; dot-files are linted.
 */
export function walkFolder(dir: string): { files: string[]; unreadable: UnreadableFolder[] } {
  const unreadable: UnreadableFolder[] = [];
  const rel = globSync('**', { ...CRAWL, cwd: dir, dot: true, fs: crawlFs(unreadable, skipDir) }).filter((p) => isLintableName(p.slice(p.lastIndexOf('/') + 1)));
  const keyed = rel.map((p) => ({ p, segments: p.split('/') }));
  keyed.sort((a, b) => bySegments(a.segments, b.segments));
  return { files: keyed.map((k) => join(dir, k.p)), unreadable };
}

/** Options shared by every crawl. */
const CRAWL = {
  // `su?` names files only, never a folder's contents; links are handled by crawlFs (see there).
  expandDirectories: false,
  followSymbolicLinks: false,
  onlyFiles: true,
  absolute: false,
  // The CLI's dialect has no extglobs: "+(a|aa)" is text, as in the pattern syntax documented in --help.
  extglob: false,
  caseSensitiveMatch: true,
  debug: false,
} as const;

/**
 * The file-system view a crawl gets: a symbolic link to a file is a file (linted under the link's name);
 * links to folders are not followed (no cycles, nothing outside the folder); folders for which `skip`
 * holds are not entered; and folders that cannot be read are recorded (fdir would skip them silently).
 */
function crawlFs(unreadable: UnreadableFolder[], skip: (name: string) => boolean): FileSystemAdapter {
  const readdir = (path: string): Dirent[] => {
    const dir = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Gone or replaced while we crawled: nothing there to lint, nothing to report.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') unreadable.push({ path: resolve(dir), reason: describeError(e) });
      throw e;
    }
    const out: Dirent[] = [];
    for (const e of entries) {
      if (e.isSymbolicLink()) {
        try {
          if (statSync(join(dir, e.name)).isFile()) out.push(fileEntry(e));
        } catch {
          /* a broken link or a link loop inside a walk: not a letter */
        }
      } else if (!(e.isDirectory() && skip(e.name))) {
        out.push(e);
      }
    }
    return out;
  };
  return { readdirSync: readdir as unknown as FileSystemAdapter['readdirSync'] };
}

function fileEntry(link: Dirent): Dirent {
  return Object.assign(Object.create(Object.getPrototypeOf(link)) as Dirent, link, {
    isFile: () => true,
    isDirectory: () => false,
    isSymbolicLink: () => false,
  });
}

/** Order of a depth-first walk with each folder's entries sorted by name: compare path segment by segment. */
function bySegments(x: string[], y: string[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * How many `*` a pattern may have beyond the first of each path segment (and `**` beyond the first).
 * picomatch's regular expression backtracks polynomially in them on a name it does not match: ten `*a`
 * against a 40-character name take 21 s, `*a*a/*a*a/*a*a` against three 255-character names 31 s. With at
 * most 2 extra, the worst name (255 times "a") takes under 0.4 s.
 */
const MAX_EXTRA_STARS = 2;

/**
 * Why a pattern cannot be used, in one sentence, or undefined. Checks what picomatch would silently turn
 * into "matches nothing" (an invalid character class) and patterns too complex to match quickly.
 */
export function patternProblem(pattern: string): string | undefined {
  let extra = 0;
  let globstars = 0;
  for (const seg of splitSegments(pattern)) {
    if (seg === '**') {
      globstars++;
      continue;
    }
    extra += Math.max(0, starRuns(seg) - 1);
  }
  extra += Math.max(0, globstars - 1);
  if (extra > MAX_EXTRA_STARS) {
    return `The pattern "${pattern}" is too complex to be matched quickly: it has too many "*" wildcards (at most ${MAX_EXTRA_STARS + 1} in one path segment, and at most ${MAX_EXTRA_STARS} beyond the first of each segment in all). Simplify it, or name the folder instead.`;
  }
  try {
    picomatch.makeRe(toPicomatch(pattern), { ...MATCH, debug: true });
  } catch (e) {
    const reason = String((e as Error).message).replace(/^.*: /s, '');
    return `The pattern "${pattern}" is not a valid glob: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`;
  }
  return undefined;
}

/** picomatch options equal to the crawl's (dot files need the dot spelled out). */
const MATCH = { dot: false, noextglob: true, posix: true } as const;

function splitSegments(pattern: string): string[] {
  const segs: string[] = [];
  let cur = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length && process.platform !== 'win32') {
      cur += c + pattern[++i];
    } else if (c === '/' || (c === '\\' && process.platform === 'win32')) {
      segs.push(cur);
      cur = '';
    } else cur += c;
  }
  segs.push(cur);
  return segs;
}

/** Runs of unescaped `*` in a segment, outside character classes. */
function starRuns(seg: string): number {
  let n = 0;
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close > 0) i = close;
    } else if (c === '*') {
      n++;
      while (seg[i + 1] === '*') i++;
    }
  }
  return n;
}

/**
 * The CLI's dialect (`*`, `?`, `[...]`, `[!...]`, `**`, `{a,b}`, `\` escapes) in picomatch's: parentheses,
 * `|` and a leading `!` are text in file names ("letter (2).md"), not groups or a negation.
 */
function toPicomatch(pattern: string): string {
  const p = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\' && i + 1 < p.length) {
      out += c + p[++i];
    } else if (c === '(' || c === ')' || c === '|' || (c === '!' && i === 0)) {
      out += `\\${c}`;
    } else out += c;
  }
  return out;
}

/**
 * Files matching a glob, sorted. The crawl starts at the pattern's literal leading folders and skips
 * node_modules below them; `*`, `?` and `**` never match a name starting with "." unless the pattern
 * spells the dot out.
 */
export function expandGlob(pattern: string, cwd: string): { files: string[]; unreadable: UnreadableFolder[]; problem?: string } {
  const problem = patternProblem(pattern);
  if (problem) return { files: [], unreadable: [], problem };
  const p = toPicomatch(pattern);
  const scan = picomatch.scan(p);
  const base = resolve(cwd, scan.base.replace(/\\(.)/g, '$1') || '.');
  if (!scan.glob) {
    // Only escaped magic ("draft\*.md"): the name itself.
    try {
      return { files: statSync(base).isFile() ? [base] : [], unreadable: [] };
    } catch {
      return { files: [], unreadable: [] };
    }
  }
  try {
    if (!statSync(base).isDirectory()) return { files: [], unreadable: [] };
  } catch {
    return { files: [], unreadable: [] };
  }
  const unreadable: UnreadableFolder[] = [];
  let rel: string[];
  try {
    rel = globSync(scan.glob, { ...CRAWL, cwd: base, dot: false, fs: crawlFs(unreadable, (name) => name === 'node_modules') });
  } catch (e) {
    return { files: [], unreadable: [], problem: `The pattern "${pattern}" cannot be used: ${(e as Error).message}.` };
  }
  return { files: rel.map((r) => join(base, r)).sort(), unreadable };
}
