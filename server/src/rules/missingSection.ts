import { SECTION_HEADINGS } from '../parse/sections.js';
import type { Rule, RuleFinding } from './rule.js';

/** Each standard section must be present; the finding sits where the section belongs. */
export const missingSection: Rule = {
  meta: { id: 'missing-section', defaultSeverity: 'error', description: 'A standard section of the determination is missing.', fixable: true },
  check({ doc }) {
    const out: RuleFinding[] = [];
    const present = new Set(doc.sections.map((s) => s.kind));
    const md = doc.languageId === 'markdown';
    SECTION_HEADINGS.forEach((h, i) => {
      if (present.has(h.kind)) return;
      // Insert before the next standard section that is present, else at the end.
      const next = doc.sections.find((s) => SECTION_HEADINGS.findIndex((x) => x.kind === s.kind) > i);
      const at = next ? lineStartOf(doc.text, next.headingSpan.start) : doc.text.length;
      const anchor = next ? next.headingSpan : { start: Math.max(0, doc.text.length - 1), end: doc.text.length };
      const heading = `${md ? '### ' : ''}${h.title}`;
      const newText = next ? `${heading}\n\n\n\n` : `${/\n\s*$/.test(doc.text) || !doc.text ? '' : '\n\n'}${heading}\n\n`;
      out.push({
        span: next ? next.headingSpan : { start: anchor.start, end: anchor.end },
        message: `Section "${h.title}" is missing. Every final determination has it; add the heading and its text.`,
        fixes: [{ title: `Insert the "${h.title}" heading`, edits: [{ span: { start: at, end: at }, newText }] }],
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
