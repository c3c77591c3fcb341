import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse);

/**
 * Turns Markdown into "plain" text of exactly the same length: every character that is markup (HTML tags,
 * emphasis delimiters, heading hashes, table pipes, list and quote markers, fenced code) becomes a space,
 * line breaks stay. Everything downstream then matches words on plain text and its offsets are the
 * source's offsets, so ranges need no mapping back.
 *
 * Indented code blocks are kept as text: a letter pasted from a PDF is indented, never code.
 *
 * Speed: remark-parse costs about 1 ms per KB, more than the rest of the lint together. So the text is
 * cut into blocks at blank lines (never inside a fence or an HTML comment) and each block takes the
 * cheapest exact path: prose with no Markdown syntax is its own plain text; a block whose only syntax is
 * heading hashes, `**` pairs and a few inline tags (`<b>`) is masked directly; anything else goes through
 * remark-parse, cached by block text so that typing in one paragraph re-parses only that paragraph.
 */
export function markdownToPlain(text: string): string {
  return readMarkdown(text).plain;
}

/**
 * The plain text, and the blocks that were too complex for remark-parse to read in linear time (nested
 * thousands deep, thousands of emphasis marks): those are kept as they are, read as plain text.
 */
export function readMarkdown(text: string): { plain: string; unparsed: { start: number; end: number; why: string }[] } {
  const unparsed: { start: number; end: number; why: string }[] = [];
  // A link reference definition gives meaning to "[text][ref]" in any other block: parse the whole text.
  if (REFERENCE_DEFINITION.test(text) && !tooComplex(text)) return { plain: blankTablePipes(remarkMask(text)), unparsed };
  const parts: string[] = [];
  for (const block of splitBlocks(text)) {
    const b = text.slice(block.start, block.end);
    if (!MAY_HAVE_SYNTAX.test(b)) {
      parts.push(b);
      continue;
    }
    const fast = fastMask(b);
    if (fast !== undefined) {
      parts.push(fast);
      continue;
    }
    const why = tooComplex(b);
    if (why) {
      unparsed.push({ start: block.start, end: block.end, why });
      parts.push(b);
    } else parts.push(cachedRemarkMask(b));
  }
  return { plain: blankTablePipes(parts.join('')), unparsed };
}

// remark-parse (micromark) is superlinear on deep container nesting, on long runs of emphasis delimiters
// on lists of thousands of items and on thousands of HTML tags in one block. No letter comes near these limits (the real letters
// and the seed: quote depth 0, list depth 1, at most 60 delimiters, 30 list items, 2 brackets and 62 lines in a block).
export const MARKDOWN_LIMITS = { depth: 12, delimiters: 400, listItems: 300, tags: 400, commentScan: 100_000, markers: 400, brackets: 400, lines: 500 };

/**
 * How far remark-parse scans for the ends of the block's HTML comments: each "<!--" is read up to the next
 * "-->", or to the end of the block when there is none, so 300 unclosed openers in 12 KB cost 3.6 million
 * steps (fuzzing found one at 150 ms). Linear: the closes are found once, from the end.
 */
function commentScan(block: string): number {
  const closes: number[] = [];
  for (let i = block.indexOf('-->'); i >= 0; i = block.indexOf('-->', i + 3)) closes.push(i);
  let cost = 0;
  let j = 0;
  for (let open = block.indexOf('<!--'); open >= 0; open = block.indexOf('<!--', open + 4)) {
    while (j < closes.length && closes[j] < open + 4) j++;
    cost += (j < closes.length ? closes[j] : block.length) - open;
  }
  return cost;
}

/** Why a block must not go to remark-parse (undefined: it may). One linear pass over its lines. */
function tooComplex(block: string): string | undefined {
  let delimiters = 0;
  let tags = 0;
  let listItems = 0;
  let depth = 0;
  // "- ", "+ ", "* ": list and rule markers; remark tries a list or a thematic break at each of them
  // (a line of 1,000 "- " took 280 ms). A real letter has at most 2 in a block; 300 list items have 300.
  let markers = 0;
  // "[": link and reference candidates; micromark's label resolution is quadratic in them (8,000
  // "[TREATMENT]" in one block took 1.2 s).
  let brackets = 0;
  for (let i = 0; i < block.length; i++) {
    const c = block.charCodeAt(i);
    if (c === 42 || c === 95) delimiters++; // * _
    else if (c === 60) tags++; // <
    else if (c === 91) brackets++; // [
    if ((c === 45 || c === 43 || c === 42) && block.charCodeAt(i + 1) === 32) markers++;
  }
  if (delimiters > MARKDOWN_LIMITS.delimiters) return `${delimiters} emphasis marks`;
  if (tags > MARKDOWN_LIMITS.tags) return `${tags} HTML tags`;
  if (brackets > MARKDOWN_LIMITS.brackets) return `${brackets} link brackets`;
  if (tags > 1 && commentScan(block) > MARKDOWN_LIMITS.commentScan) return 'HTML comments left open';
  // Each line's container prefix: blanks, quote markers and list markers ("> 1. - x" is three deep).
  let lines = 0;
  for (let i = 0; i < block.length; ) {
    lines++;
    let quotes = 0;
    let markers = 0;
    let columns = 0;
    let j = i;
    for (;;) {
      const ch = block[j];
      if (ch === ' ') (columns++, j++);
      else if (ch === '\t') ((columns += 4), j++);
      else if (ch === '>') (quotes++, j++);
      else {
        const m = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t\r\n]|$)/.exec(block.slice(j, j + 11));
        if (!m) break;
        markers++;
        j += m[0].length;
      }
    }
    if (markers > 0) listItems++;
    depth = Math.max(depth, quotes + markers + (markers > 0 ? Math.floor(columns / 2) : 0));
    if (depth > MARKDOWN_LIMITS.depth) return `Markdown nested ${depth} levels deep`;
    const nl = block.indexOf('\n', j);
    i = nl < 0 ? block.length : nl + 1;
  }
  if (listItems > MARKDOWN_LIMITS.listItems) return `${listItems} list items in one block`;
  // Blocks end at blank lines, except inside a fence or a comment: a fence left open holds the rest of the
  // letter, and remark costs about 7 µs a line even for blank ones, on every re-lint a fix check makes (fuzz:
  // 3,400 lines in 4 KB took 110 ms).
  if (lines > MARKDOWN_LIMITS.lines) return `${lines} lines in one block (a code fence or an HTML comment left open?)`;
  if (markers > MARKDOWN_LIMITS.markers) return `${markers} list or rule markers`;
  return undefined;
}

const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\r\n]+\]:/m;
// Anything that can make a block more than prose. Deliberately broad: a false alarm only costs a remark run.
const MAY_HAVE_SYNTAX = /[*_`<\\[]|^[ \t]*(?:[-+=>#~|]|\d{1,9}[.)](?:[ \t]|$))/m;
// What fastMask cannot decide by itself.
const NEEDS_REMARK = /[*_`<\\]|\]\s*[[(]|^[ \t]*(?:[-+=>~]|\d{1,9}[.)](?:[ \t]|$)|\[[^\]]*\]:|```)/m;
// An ATX heading line; its closing hashes are split off by maskHeading (a lazy body before an optional
// closing run backtracks over a run of blanks: quadratic).
const HEADING_RE = /^( {0,3})(#{1,6})(?=[ \t]|$)([^\r\n]*)$/gm;
const INLINE_TAG_RE = /<\/?(?:b|i|u|em|strong)>|<br\s*\/?>/gi;
const HTML_BLOCK_LINE = /^ {0,3}<\/?[A-Za-z][^>]*>[ \t]*$/m;

/** Masks a block whose only syntax is ATX heading hashes, `**` pairs and simple inline tags; else undefined. */
function fastMask(block: string): string | undefined {
  if (HTML_BLOCK_LINE.test(block)) return undefined; // a tag alone on its line opens an HTML block
  let out = block.replace(HEADING_RE, (_m, indent: string, hashes: string, rest: string) => indent + ' '.repeat(hashes.length) + maskClosingHashes(rest));
  out = out.replace(INLINE_TAG_RE, (t) => ' '.repeat(t.length));
  out = maskStrongPairs(out);
  return NEEDS_REMARK.test(out) ? undefined : out;
}

const isBlank = (c: string) => c === ' ' || c === '\t';

/** A heading's text after its opening hashes, with the closing sequence (blanks, then hashes, then blanks) blanked. */
function maskClosingHashes(rest: string): string {
  let end = rest.length;
  while (end > 0 && isBlank(rest[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === '#') hashes--;
  if (hashes === end || (hashes > 0 && !isBlank(rest[hashes - 1]))) return rest;
  let body = hashes;
  while (body > 0 && isBlank(rest[body - 1])) body--;
  return rest.slice(0, body) + rest.slice(body, end).replace(/[^\t]/g, ' ') + rest.slice(end); // tabs kept, as remark keeps them
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[!-/:-@[-`{-~]/.test(c);

/**
 * Blanks `**` pairs that CommonMark reads as strong emphasis: the opener left-flanking, the closer
 * right-flanking (so "**Label:**text" stays literal, as remark leaves it). Any doubt -> unchanged, and
 * the leftover asterisks send the block to remark.
 */
function maskStrongPairs(text: string): string {
  // Where each run of asterisks starts; any run that is not "**" ends it (no match objects: a block of a
  // megabyte may have hundreds of thousands of asterisks).
  const runs: number[] = [];
  for (let i = text.indexOf('*'); i >= 0; i = text.indexOf('*', i)) {
    let j = i + 1;
    while (text.charCodeAt(j) === 42) j++;
    if (j - i !== 2) return text;
    runs.push(i);
    i = j;
  }
  if (runs.length === 0 || runs.length % 2 !== 0) return text;
  const chars = text.split('');
  for (let i = 0; i < runs.length; i += 2) {
    const o = runs[i];
    const c = runs[i + 1];
    if (/[\r\n]{2}/.test(text.slice(o, c))) return text;
    const [ob, oa] = [text[o - 1], text[o + 2]];
    const [cb, ca] = [text[c - 1], text[c + 2]];
    const leftFlanking = !isSpace(oa) && (!isPunct(oa) || isSpace(ob) || isPunct(ob));
    const rightFlanking = !isSpace(cb) && (!isPunct(cb) || isSpace(ca) || isPunct(ca));
    if (!leftFlanking || !rightFlanking || c === o + 2) return text;
    chars[o] = chars[o + 1] = chars[c] = chars[c + 1] = ' ';
  }
  return chars.join('');
}

/** Blocks: runs of lines ended by a blank line, except inside a fenced code block or an HTML comment. */
function splitBlocks(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let blockStart = 0;
  let fence: string | undefined;
  let inComment = false;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) && m[0].length > 0) {
    const line = m[0];
    const lineEnd = m.index + line.length;
    if (fence) {
      if (line.trimStart().startsWith(fence)) fence = undefined;
    } else {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (f) fence = f[1];
    }
    const open = line.lastIndexOf('<!--');
    if (open >= 0 && line.indexOf('-->', open) < 0) inComment = true;
    else if (inComment && line.includes('-->')) inComment = false;
    if (!fence && !inComment && line.trim() === '') {
      out.push({ start: blockStart, end: lineEnd });
      blockStart = lineEnd;
    }
    if (lineEnd >= text.length) break;
  }
  if (blockStart < text.length) out.push({ start: blockStart, end: text.length });
  return out;
}

const CACHE_LIMIT = 4000;
const cache = new Map<string, string>();

function cachedRemarkMask(block: string): string {
  const hit = cache.get(block);
  if (hit !== undefined) {
    cache.delete(block); // refresh its place in the LRU order
    cache.set(block, hit);
    return hit;
  }
  const masked = remarkMask(block);
  cache.set(block, masked);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return masked;
}

/** The exact path: parse with remark-parse and keep only what mdast says is text. */
export function remarkMask(text: string): string {
  let tree: Root;
  try {
    tree = processor.parse(text);
  } catch {
    return text; // micromark does not throw on any input we know of; plain text is the safe fallback
  }
  const keep: [number, number][] = [];
  // Iterative walk: deeply nested quotes or lists must not overflow the stack.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        keep.push([s, e]);
        break;
      case 'code':
        // Indented code (no fence) is letter text indented by a PDF extraction; fenced code is not letter text.
        if (!/^\s*(```|~~~)/.test(text.slice(s, Math.min(e, s + 64)))) keep.push([s, e]);
        break;
      case 'html':
      case 'thematicBreak':
      case 'definition':
      case 'image':
        break;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
    }
  }
  keep.sort((a, b) => a[0] - b[0]);

  const parts: string[] = [];
  let pos = 0;
  for (const [s, e] of keep) {
    if (e <= pos) continue;
    const from = Math.max(s, pos);
    if (from > pos) parts.push(blank(text.slice(pos, from)));
    parts.push(text.slice(from, e));
    pos = e;
  }
  if (pos < text.length) parts.push(blank(text.slice(pos)));
  return parts.join('');
}

// remark-parse is CommonMark, without GFM tables: a header written as a table stays a paragraph with its
// pipes. Table rows (lines that start and end with a pipe) lose their pipes and delimiter rows here.
const TABLE_ROW_RE = /^[ \t]*\|.*\|[ \t]*$/gm;

function blankTablePipes(plain: string): string {
  if (!plain.includes('|')) return plain;
  return plain.replace(TABLE_ROW_RE, (row) =>
    /^[\s|:-]+$/.test(row) ? blank(row) : row.replace(/\|/g, ' '),
  );
}

function blank(s: string): string {
  return s.replace(/[^\r\n\t\f]/g, ' ');
}

/** Empties the block cache (benchmarks measure cold parses with it). */
export function clearMarkdownCache(): void {
  cache.clear();
}
