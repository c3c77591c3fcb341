import { HEADER_LABELS } from './parse/header.js';
import { headingOf, LAYOUTS } from './parse/layouts.js';

const LABEL_RE = new RegExp(`(?:^|\\t| {2,}|<b>|\\*\\*|\\|)[ \\t]*(?:${HEADER_LABELS.map((h) => h.label.replace(/ /g, '\\s+')).join('|')})\\s*(?:<\\/b>|\\*\\*|__)?\\s*:`, 'gim');
const STANDARD = new Set(LAYOUTS.standard.sections.map((s) => s.re.source));

/**
 * Whether a Markdown or plain-text document is an IMR determination, from its first 20,000 characters:
 * two header labels, a standard section heading, or two headings of another layout ("ISSUE AT DISPUTE:"
 * and "CASE SUMMARY:"). An ordinary README gets no diagnostics.
 */
export function looksLikeDetermination(text: string): boolean {
  // Fenced code and code spans are quoted material (a rule's documentation quoting a letter), not the document itself.
  const head = (text.length > 20000 ? text.slice(0, 20000) : text)
    .replace(/^ {0,3}(`{3,}|~{3,})[^]*?^ {0,3}\1/gm, '')
    .replace(/`[^`\r\n]*`/g, '');
  const found = new Set<string>();
  for (const line of head.split(/\r\n|\r|\n/)) {
    if (line.length > 200) continue;
    const h = headingOf(line.replace(/^[\s#>*_]+|[\s*_#]+$/g, ''));
    if (!h) continue;
    if (STANDARD.has(h.re.source)) return true;
    found.add(h.re.source);
    if (found.size >= 2) return true;
  }
  // Line by line, and only lines a header row can be: a run of blanks is tried from each of its
  // characters, so on one long line of blanks the pattern would be quadratic.
  let n = 0;
  for (const line of head.split(/\r\n|\r|\n/)) {
    if (line.length > 400) continue;
    LABEL_RE.lastIndex = 0;
    while (LABEL_RE.exec(line)) if (++n >= 2) return true;
  }
  return false;
}

/**
 * Whether a document has begun as a determination: its first non-blank line starts with a header label
 * ("Case Number:", "<b>Case Number:</b>", "**Case Number:**"). Enough for completion to offer the rest of
 * the header; not enough to lint it (one line is not yet a letter).
 */
export function begunAsDetermination(text: string): boolean {
  const first = /^\s*([^\r\n]{0,200})/.exec(text.slice(0, 400))![1];
  return new RegExp(`^(?:<b>|\\*\\*)?[ \\t]*(?:${HEADER_LABELS.map((h) => h.label.replace(/ /g, '\\s+')).join('|')})\\s*(?:<\\/b>|\\*\\*)?\\s*:`, 'i').test(first);
}

/** Files named as determinations are always checked. */
export function isDeterminationFileName(path: string): boolean {
  return /\.(?:imr|determination)\.(?:md|markdown|txt)$/i.test(path);
}
