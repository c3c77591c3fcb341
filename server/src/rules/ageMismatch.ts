import type { CalendarDate } from '../model/determination.js';
import type { Rule, RuleFinding } from './rule.js';

/** Whole years from `born` to `at`. */
export function yearsBetween(born: CalendarDate, at: CalendarDate): number {
  let years = at.year - born.year;
  if (at.month < born.month || (at.month === born.month && (at.day ?? 1) < (born.day ?? 1))) years--;
  return years;
}

/**
 * Two statements of the patient's age that disagree ("a 50 year old female" ... "The claimant is a 52 year
 * old female"), or an age that a stated date of birth contradicts at the Decision Date (the age may be a
 * year less: the records predate the decision, and a birthday may fall between).
 */
export const ageMismatch: Rule = {
  meta: { id: 'age-mismatch', defaultSeverity: 'error', description: 'Two statements of the patient\'s age disagree, or the age disagrees with the date of birth.', fixable: false, hasSuggestions: true },
  check({ doc }) {
    const out: RuleFinding[] = [];
    const { ages, birth } = doc.mentions;
    const text = doc.text;
    const decision = doc.header.decisionDate?.date?.date;
    // A full date of birth gives the age at the Decision Date; a year of birth alone gives it within a year.
    const expected = birth && decision ? yearsBetween({ year: birth.year, month: birth.month ?? 12, day: birth.day ?? 31 }, decision) : undefined;
    if (birth && decision && expected !== undefined && expected >= 0) {
      const raw = text.slice(birth.span.start, birth.span.end);
      const fullDate = birth.day !== undefined;
      // The records may predate the decision: the age may be a year less (two years with a year of birth only).
      const lowest = expected - 1;
      const highest = fullDate ? expected : expected + 1;
      for (const a of ages) {
        if (a.value >= lowest && a.value <= highest) continue;
        out.push({
          span: a.span,
          message: fullDate
            ? `The patient's age is given as ${a.value}, but the date of birth ${raw} makes the patient ${expected} at the Decision Date (${doc.header.decisionDate!.raw}). Correct the age or the date of birth.`
            : `The patient's age is given as ${a.value}, but a year of birth of ${raw} makes the patient ${expected} or ${expected + 1} at the Decision Date (${doc.header.decisionDate!.raw}). Correct the age or the year of birth.`,
          related: [{ span: birth.span, message: fullDate ? 'Date of birth' : 'Year of birth' }, { span: doc.header.decisionDate!.valueSpan, message: 'Decision Date' }],
          fixes: fullDate ? [{ title: `Change the age to ${expected}`, kind: 'suggestion', edits: [{ span: a.span, newText: String(expected) }] }] : [],
        });
      }
      return out;
    }
    const first = ages[0];
    for (const a of ages.slice(1)) {
      if (a.value === first.value) continue;
      out.push({
        span: a.span,
        message: `The patient's age here (${text.slice(a.span.start, a.span.end)}) differs from the age stated first (${first.value}). One of them is wrong: check the records and make them agree.`,
        related: [{ span: first.span, message: 'Age stated first' }],
        fixes: [
          { title: `Change to ${first.value} (the age stated first)`, kind: 'suggestion', edits: [{ span: a.span, newText: String(first.value) }] },
          { title: `Change the first statement to ${a.value}`, kind: 'suggestion', edits: [{ span: first.span, newText: String(a.value) }] },
        ],
      });
    }
    return out;
  },
};
