import { LAYOUTS } from '../parse/layouts.js';
import type { Rule, RuleFinding } from './rule.js';

/** Each standard section must be present; the fix inserts its heading where the section belongs. */
export const missingSection: Rule = {
  meta: { id: 'missing-section', defaultSeverity: 'error', description: 'A standard section of the determination is missing.', fixable: true, hasSuggestions: true, verifyFixes: true },
  check({ doc }) {
    const out: RuleFinding[] = [];
    const present = new Set(doc.sections.map((s) => s.kind));
    const md = doc.languageId === 'markdown';
    const eol = /\r\n|\r|\n/.exec(doc.text)?.[0] ?? '\n';
    const SECTION_HEADINGS = LAYOUTS[doc.layout.id].sections;
    SECTION_HEADINGS.forEach((h, i) => {
      if (present.has(h.kind)) return;
      const heading = `${md ? '### ' : ''}${h.title}`;
      // Before the next standard section that is present; the decisions heading before the first item.
      const next = doc.sections.find((s) => SECTION_HEADINGS.findIndex((x) => x.kind === s.kind) > i);
      const firstItem = h.kind === 'decisions' ? doc.items[0] : undefined;
      const before = next?.headingSpan.start ?? firstItem?.span.start;
      let span;
      let edit;
      if (before !== undefined) {
        const at = lineStartOf(doc.text, before);
        span = next ? next.headingSpan : firstItem!.title.span;
        edit = { span: { start: at, end: at }, newText: `${heading}${eol}${eol}` };
      } else {
        const end = doc.text.length;
        const sep = end === 0 ? '' : /(\r\n|\r|\n)[ \t]*(\r\n|\r|\n)$/.test(doc.text) ? '' : /(\r\n|\r|\n)$/.test(doc.text) ? eol : eol + eol;
        span = lastLineSpan(doc.text);
        edit = { span: { start: end, end }, newText: `${sep}${heading}${eol}` };
      }
      out.push({
        span,
        message: `Section "${h.title}" is missing. Every letter of this layout (${doc.layout.name}) has it; add the heading and its text.`,
        fixes: [{ title: `Insert the "${h.title}" heading`, kind: 'fix', edits: [edit] }],
      });
    });
    return out;
  },
};

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The last non-blank line, where a finding about something missing at the end is shown. */
function lastLineSpan(text: string): { start: number; end: number } {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return { start: lineStartOf(text, end), end };
}
