import type { HeaderKey } from '../model/determination.js';
import { compareDates } from '../parse/dates.js';
import type { Rule, RuleFinding } from './rule.js';

/** The order every real letter keeps (DOMAIN.md): injury <= UR denial <= application <= assigned <= decision. */
export const HEADER_DATE_ORDER: HeaderKey[] = ['dateOfInjury', 'urDenialDate', 'applicationReceived', 'dateAssigned', 'decisionDate'];

export const dateOrder: Rule = {
  meta: { id: 'date-order', defaultSeverity: 'error', description: 'Header dates are out of order (injury, UR denial, application, assignment, decision).', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    const present = HEADER_DATE_ORDER.map((k) => doc.header[k]).filter((f) => f?.date?.date) as NonNullable<(typeof doc.header)[HeaderKey]>[];
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const a = present[i];
        const b = present[j];
        if (compareDates(a.date!.date!, b.date!.date!) > 0) {
          out.push({
            span: b.valueSpan,
            message: `${b.label} (${b.raw}) is before ${a.label} (${a.raw}). In a determination the ${a.label} always comes first; one of the two dates is wrong.`,
            related: [{ span: a.valueSpan, message: a.label }],
          });
        }
      }
    }
    return out;
  },
};
