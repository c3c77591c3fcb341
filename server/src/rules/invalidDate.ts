import type { Rule, RuleFinding } from './rule.js';

/** Impossible or malformed dates anywhere in the letter: 02/30/2014, 13/45/2016, "June 20216". */
export const invalidDate: Rule = {
  meta: { id: 'invalid-date', defaultSeverity: 'error', description: 'A date is impossible or malformed.', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const d of doc.dates) {
      if (d.invalidReason) out.push({ span: d.span, message: `"${d.raw}" is not a valid date: ${d.invalidReason}. Correct it from the records.` });
    }
    // Header date fields whose value is not a date at all.
    for (const f of doc.headerFields) {
      if (!f.raw || f.date || !['dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate', 'applicationReceived'].includes(f.key)) continue;
      if (doc.dates.some((d) => d.span.start >= f.valueSpan.start && d.span.end <= f.valueSpan.end)) continue;
      out.push({ span: f.valueSpan, message: `"${f.raw}" in "${f.label}" is not a date. Write it as MM/DD/YYYY.` });
    }
    return out;
  },
};
