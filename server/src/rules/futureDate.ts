import { compareDates } from '../parse/dates.js';
import type { Rule, RuleFinding } from './rule.js';

/** Nothing the letter reports can have happened after the Decision Date. */
export const futureDate: Rule = {
  meta: { id: 'future-date', defaultSeverity: 'error', description: 'A date in the letter is later than the Decision Date.', fixable: false },
  check({ doc }) {
    const decision = doc.header.decisionDate;
    const dd = decision?.date?.date;
    if (!decision || !dd) return [];
    const out: RuleFinding[] = [];
    for (const d of doc.dates) {
      if (!d.date || d.role === 'header') continue; // header order is date-order's
      // Month-year mentions are compared at month precision.
      const later = d.date.day === undefined ? d.date.year * 12 + d.date.month > dd.year * 12 + dd.month : compareDates(d.date, dd) > 0;
      if (!later) continue;
      out.push({
        span: d.span,
        message: `${d.raw} is after the Decision Date (${decision.raw}); the letter cannot report events after it was decided. Check this date.`,
        related: [{ span: decision.valueSpan, message: 'Decision Date' }],
      });
    }
    return out;
  },
};
