// A small glob implementation for the CLI (Node 20 has no fs.glob). Supports `*`, `?`, `[...]` / `[!...]`,
// `**` as a whole path segment, `{a,b}` alternation (expanded first, may nest) and `\` escapes (POSIX).
// `*`, `?` and `**` never match a name that starts with "." unless the pattern spells the dot out, as in
// a shell. Patterns use `/`; on Windows `\` is also accepted as a separator (and then cannot escape).

const MAGIC_CHARS = /[*?[{]/;

/** Whether an argument should be treated as a glob rather than a literal path. */
export function hasMagic(pattern: string): boolean {
  return MAGIC_CHARS.test(pattern);
}

/** `a/{b,c{d,e}}/*.md` -> `a/b/*.md`, `a/cd/*.md`, `a/ce/*.md`. Braces without a top-level comma are literal. */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = pattern.slice(open + 1, i);
        const alternatives = splitTopLevel(body);
        const head = pattern.slice(0, open);
        const tail = pattern.slice(i + 1);
        const out: string[] = [];
        if (alternatives.length < 2) {
          // Not an alternation ("{draft}"): the braces are literal, though what they hold may expand.
          for (const b of expandBraces(body)) for (const t of expandBraces(tail)) out.push(`${head}{${b}}${t}`);
          return [...new Set(out)];
        }
        for (const alt of alternatives) out.push(...expandBraces(head + alt + tail));
        return [...new Set(out)];
      }
    }
  }
  return [pattern];
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

export interface CompiledGlob {
  /** The literal leading directories, to start walking from ("." when the pattern starts with magic). */
  base: string;
  /** Matches a path relative to `base`, with `/` separators. */
  re: RegExp;
  /** How many directory levels below `base` can match; Infinity with `**`. */
  maxDepth: number;
}

/** Compiles one brace-free pattern. */
export function compileGlob(pattern: string, windows = process.platform === 'win32'): CompiledGlob {
  const p = windows ? pattern.replace(/\\/g, '/') : pattern;
  const segments = p.split('/');
  let i = 0;
  // Leading literal segments form the base. The last segment always belongs to the matcher.
  while (i < segments.length - 1 && !hasMagicSegment(segments[i])) i++;
  const baseSegments = segments.slice(0, i).map(unescapeSegment);
  let base = baseSegments.join('/');
  if (base === '' && baseSegments.length > 0) base = '/'; // absolute pattern "/x/*.md"
  if (base === '') base = '.';
  const rest = segments.slice(i).filter((s, k, all) => !(s === '' && k < all.length - 1)); // collapse "a//b"
  let re = '^';
  rest.forEach((seg, k) => {
    const last = k === rest.length - 1;
    if (seg === '**') {
      re += last ? '(?:(?!\\.)[^/]+(?:/(?!\\.)[^/]+)*)?' : '(?:(?!\\.)[^/]+/)*';
    } else {
      re += segmentToRegExp(seg) + (last ? '' : '/');
    }
  });
  re += '$';
  const maxDepth = rest.includes('**') ? Infinity : rest.length - 1;
  return { base, re: new RegExp(re), maxDepth };
}

function hasMagicSegment(seg: string): boolean {
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

function unescapeSegment(seg: string): string {
  return seg.replace(/\\(.)/g, '$1');
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function segmentToRegExp(seg: string): string {
  let out = seg.startsWith('.') || seg.startsWith('\\.') ? '' : '(?!\\.)';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) {
      out += escapeRe(seg[++i]);
    } else if (c === '*') {
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = findClassEnd(seg, i);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, close);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      const cls = body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]').replace(/\[/g, '\\[');
      out += negate ? `[^/${cls}]` : `[${cls}]`;
      i = close;
    } else {
      out += escapeRe(c);
    }
  }
  return out;
}

/** Index of the `]` closing a class opened at `open`, or -1. A `]` right after `[` or `[!` is literal. */
function findClassEnd(seg: string, open: number): number {
  let i = open + 1;
  if (seg[i] === '!' || seg[i] === '^') i++;
  if (seg[i] === ']') i++;
  for (; i < seg.length; i++) if (seg[i] === ']') return i;
  return -1;
}
