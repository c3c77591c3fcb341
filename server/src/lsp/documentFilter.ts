import picomatch from 'picomatch';
import { isDeterminationFileName, looksLikeDetermination } from '../detect.js';
import type { Settings } from '../settings.js';

/**
 * Which documents are linted: `imr.files` globs force a file on or off; files named *.imr.md or
 * *.determination.md always are; otherwise a Markdown or plain-text document that looks like a
 * determination (header labels or standard headings). An ordinary README gets nothing. Never throws: a
 * glob that is not valid is ignored (readSettings tells the user once, from fileGlobProblems).
 */
export function shouldLint(uri: string, languageId: string, text: string, settings: Settings): boolean {
  if (!settings.enable) return false;
  const path = uriPath(uri);
  for (const [glob, on] of Object.entries(settings.files)) if (globMatch(glob, path)) return on;
  if (languageId !== 'markdown' && languageId !== 'plaintext') return false;
  return isDeterminationFileName(path) || looksLikeDetermination(text);
}

/** The path of a URI, decoded (kept as it is when its escapes are malformed). */
function uriPath(uri: string): string {
  const raw = uri.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

interface CompiledGlob {
  match?: (path: string) => boolean;
  /** Why the glob cannot be used (it is then ignored). */
  problem?: string;
}

const globCache = new Map<string, CompiledGlob>();

/**
 * Settings globs, matched by picomatch: `**` any folders, `*` within a name, `?` one character, `[...]`,
 * `{a,b}` choices; letter case is ignored. A pattern without a slash matches the file name anywhere
 * ("*.txt"), as in VS Code's files.exclude; one with a slash matches the end of the path ("drafts/*.txt").
 */
function compile(glob: string): CompiledGlob {
  let c = globCache.get(glob);
  if (c) return c;
  const problem = braceProblem(glob);
  if (problem) {
    c = { problem };
  } else {
    try {
      const body = glob.replace(/^\/+/, '');
      const isMatch = picomatch(body.startsWith('**/') ? body : `**/${body}`, { nocase: true, dot: true, debug: true });
      c = { match: (path: string) => isMatch(path.replace(/^\/+/, '')) };
    } catch (e) {
      const reason = String((e as Error).message).replace(/^.*: /s, '');
      c = { problem: reason.charAt(0).toLowerCase() + reason.slice(1) };
    }
  }
  if (globCache.size >= 256) globCache.clear(); // settings change rarely; keep the cache bounded all the same
  globCache.set(glob, c);
  return c;
}

/** A `{` that is never closed or a `}` never opened: picomatch would take it as text, surely not meant. */
function braceProblem(glob: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return '"}" without "{"';
  }
  return depth > 0 ? '"{" is not closed' : undefined;
}

/** Whether a settings glob matches a path; false for a glob that is not valid. */
export function globMatch(glob: string, path: string): boolean {
  const c = compile(glob);
  return c.match ? c.match(path) : false;
}

/** One problem per `imr.files` glob that is not valid, in the style of parseSettings' problems. */
export function fileGlobProblems(files: Record<string, boolean>): string[] {
  const out: string[] = [];
  for (const glob of Object.keys(files)) {
    const problem = compile(glob).problem;
    if (problem) out.push(`imr.files: ${JSON.stringify(glob)} is not a valid glob (${problem}), it is ignored`);
  }
  return out;
}
