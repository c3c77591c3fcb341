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
 */
export function markdownToPlain(text: string): string {
  let tree: Root;
  try {
    tree = processor.parse(text);
  } catch {
    return text; // micromark does not throw on any input we know of; plain text is the safe fallback
  }
  const keep: [number, number][] = [];
  const visit = (node: Nodes) => {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) return;
    switch (node.type) {
      case 'text':
        keep.push([s, e]);
        return;
      case 'inlineCode':
        keep.push([s, e]);
        return;
      case 'code':
        // Indented code (no fence) is letter text indented by a PDF extraction; fenced code is not letter text.
        if (!/^\s*(```|~~~)/.test(text.slice(s, Math.min(e, s + 64)))) keep.push([s, e]);
        return;
      case 'html':
      case 'thematicBreak':
      case 'definition':
      case 'image':
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    }
  };
  visit(tree);
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
  return blankTablePipes(parts.join(''));
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
