import { isDeterminationFileName, looksLikeDetermination } from '../detect.js';
import type { Settings } from '../settings.js';

/**
 * Which documents are linted: `imr.files` globs force a file on or off; files named *.imr.md or
 * *.determination.md always are; otherwise a Markdown or plain-text document that looks like a
 * determination (header labels or standard headings). An ordinary README gets nothing.
 */
export function shouldLint(uri: string, languageId: string, text: string, settings: Settings): boolean {
  if (!settings.enable) return false;
  const path = decodeURIComponent(uri.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, ''));
  for (const [glob, on] of Object.entries(settings.files)) if (globMatch(glob, path)) return on;
  if (languageId !== 'markdown' && languageId !== 'plaintext') return false;
  return isDeterminationFileName(path) || looksLikeDetermination(text);
}

const globCache = new Map<string, RegExp>();

/**
 * Minimal glob for settings: `**` any folders, `*` within a name, `?` one character, `{a,b}` choices.
 * A pattern without a slash matches the file name anywhere ("*.txt"), as in VS Code's files.exclude.
 */
export function globMatch(glob: string, path: string): boolean {
  let re = globCache.get(glob);
  if (!re) {
    let src = '';
    let depth = 0;
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i];
      if (c === '*' && glob[i + 1] === '*') {
        src += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else if (c === '*') src += '[^/]*';
      else if (c === '?') src += '[^/]';
      else if (c === '{') (src += '(?:'), depth++;
      else if (c === '}' && depth > 0) (src += ')'), depth--;
      else if (c === ',' && depth > 0) src += '|';
      else src += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(glob.includes('/') ? `(?:^|/)${src.replace(/^\//, '')}$` : `(?:^|/)${src}$`, 'i');
    globCache.set(glob, re);
  }
  return re.test(path);
}
