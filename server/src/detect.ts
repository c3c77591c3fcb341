import { HEADER_LABELS } from './parse/header.js';
import { SECTION_HEADINGS } from './parse/sections.js';

const LABEL_RE = new RegExp(`(?:^|\\t| {2,}|<b>|\\*\\*|\\|)[ \\t]*(?:${HEADER_LABELS.map((h) => h.label.replace(/ /g, '\\s+')).join('|')})\\s*(?:<\\/b>|\\*\\*|__)?\\s*:`, 'gim');
const HEADING_RE = new RegExp(
  `^[\\s#>*_]*(?:${SECTION_HEADINGS.map((h) => h.re.source.replace(/^\^|\$$/g, '')).join('|')})[\\s:*_#]*$`,
  'im',
);

/**
 * Whether a Markdown or plain-text document is an IMR determination: at least two header labels, or a
 * standard section heading, in its first 20,000 characters. An ordinary README gets no diagnostics.
 */
export function looksLikeDetermination(text: string): boolean {
  // Fenced code and code spans are quoted material (a rule's documentation quoting a letter), not the document itself.
  const head = (text.length > 20000 ? text.slice(0, 20000) : text).replace(/^ {0,3}(`{3,}|~{3,})[^]*?^ {0,3}\1/gm, '')
    .replace(/`[^`\r\n]*`/g, '');
  if (HEADING_RE.test(head)) return true;
  LABEL_RE.lastIndex = 0;
  let n = 0;
  while (LABEL_RE.exec(head)) if (++n >= 2) return true;
  return false;
}

/** Files named as determinations are always checked. */
export function isDeterminationFileName(path: string): boolean {
  return /\.(?:imr|determination)\.(?:md|markdown|txt)$/i.test(path);
}
