import { LAYOUTS } from '../parse/layouts.js';
import type { Rule, RuleFinding } from './rule.js';


/** Sections come in the standard order; a repeated section is reported too. */
export const sectionOrder: Rule = {
  meta: { id: 'section-order', defaultSeverity: 'warning', description: 'Sections are out of the standard order or repeated.', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    const SECTION_HEADINGS = LAYOUTS[doc.layout.id].sections;
    const rank = (kind: string) => SECTION_HEADINGS.findIndex((h) => h.kind === kind);
    let maxRank = -1;
    let maxSection = doc.sections[0];
    const seen = new Map<string, (typeof doc.sections)[number]>();
    for (const s of doc.sections) {
      const r = rank(s.kind);
      if (r < 0) continue;
      const first = seen.get(s.kind);
      if (first) {
        out.push({ span: s.headingSpan, message: `Section "${SECTION_HEADINGS[r].title}" appears twice. Merge the two into one section.`, related: [{ span: first.headingSpan, message: 'First occurrence' }] });
        continue;
      }
      seen.set(s.kind, s);
      if (r < maxRank) {
        out.push({
          span: s.headingSpan,
          message: `Section "${SECTION_HEADINGS[r].title}" should come before "${SECTION_HEADINGS[maxRank].title}". Determinations give the sections in the order: ${SECTION_HEADINGS.map((h) => h.title).join(', ')}.`,
          related: [{ span: maxSection.headingSpan, message: 'The section it should precede' }],
        });
      } else {
        maxRank = r;
        maxSection = s;
      }
    }
    return out;
  },
};
