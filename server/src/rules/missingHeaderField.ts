import { HEADER_LABELS } from '../parse/header.js';
import { LAYOUTS } from '../parse/layouts.js';
import type { Rule, RuleFinding } from './rule.js';

/** The header must give all seven fields, each with a value. */
export const missingHeaderField: Rule = {
  meta: { id: 'missing-header-field', defaultSeverity: 'error', description: 'A header field (Case Number, dates, Priority) is missing or empty.', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    // In the header when it has any field; else on the first heading; else on the first line.
    const anchor = doc.headerFields[0]?.labelSpan ?? doc.sections[0]?.headingSpan ?? { start: 0, end: Math.min(doc.text.length, firstLineEnd(doc.text)) };
    const required = LAYOUTS[doc.layout.id].header;
    for (const h of HEADER_LABELS.filter((x) => required.includes(x.key))) {
      const f = doc.header[h.key];
      if (!f) {
        out.push({ span: anchor, message: `The header has no "${h.label}" field. Add "${h.label}:" with its value to the header.` });
      } else if (!f.raw) {
        out.push({ span: f.labelSpan, message: `The header field "${h.label}" has no value. Fill it in.` });
      }
    }
    return out;
  },
};

function firstLineEnd(text: string): number {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m.index : text.length;
}
