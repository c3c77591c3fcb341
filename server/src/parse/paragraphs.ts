import type { Span } from '../types.js';

export interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  text: string;
}

export interface Paragraph {
  span: Span;
  lines: Line[];
}

const LINE_RE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
// Page footers of letters extracted from PDFs ("Page 2 of 4") are not letter text.
const FOOTER_RE = /^\s*Page\s+\d+\s+of\s+\d+\s*$/i;

/** Lines of `text[start, end)`, split where LSP splits them. */
export function linesOf(text: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  const slice = text.slice(start, end);
  LINE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINE_RE.exec(slice)) && m[0].length > 0) {
    const content = m[0].replace(/(?:\r\n|\r|\n)$/, '');
    out.push({ start: start + m.index, end: start + m.index + content.length, text: content });
    if (LINE_RE.lastIndex >= slice.length) break;
  }
  return out;
}

export function isBlankLine(text: string): boolean {
  return text.trim() === '' || FOOTER_RE.test(text);
}

/** A paragraph of consecutive lines, its span trimmed of the white space around it. */
export function paragraphOf(lines: Line[]): Paragraph {
  const first = lines[0];
  const last = lines[lines.length - 1];
  const s = first.start + (first.text.length - first.text.trimStart().length);
  const e = last.end - (last.text.length - last.text.trimEnd().length);
  return { span: { start: s, end: Math.max(s, e) }, lines };
}

/** Paragraphs: runs of non-blank lines; a page footer line ("Page 2 of 4") counts as blank. */
export function paragraphsOf(lines: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Line[] = [];
  const flush = () => {
    if (cur.length > 0) out.push(paragraphOf(cur));
    cur = [];
  };
  for (const line of lines) {
    if (isBlankLine(line.text)) flush();
    // A form feed (a PDF page break) is not a paragraph break: pages break in mid-sentence, even mid-title.
    else cur.push(line);
  }
  flush();
  return out;
}

/** `span` without its leading and trailing white space. */
export function trimSpan(text: string, span: Span): Span {
  let s = span.start;
  let e = span.end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}
