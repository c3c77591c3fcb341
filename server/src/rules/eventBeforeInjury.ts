import { compareDates } from '../parse/dates.js';
import type { DateMention } from '../model/determination.js';
import type { Rule, RuleFinding } from './rule.js';
import { DOB_CUE } from './unredactedPhi.js';

// How far around a date its clause is read (cut at the sentence's end either way).
const BEFORE = 90;
const AFTER = 50;

// A treatment request or a review decision: these belong to this claim and cannot precede its injury.
const REQUEST_OR_DECISION =
  /\b(?:request(?:ed|s)?|RFA|authori[sz](?:ation|ed)|utilization\s+review|UR|non-?certifi(?:ed|cation)|certifi(?:ed|cation)|denied|denial|approved|approval|modified|modification)\b/i;
// Earlier or other care: a history, a prior event, another injury.
const HISTORY =
  /\b(?:prior|previous(?:ly)?|history|past|earlier|pre-?existing|pre-?injury|another|different|separate|former|remote|old|before\s+(?:the|this|her|his)\s+(?:industrial\s+|work[- ]related\s+)?injury)\b/i;
// The date of a guideline or source, not of an event: "MTUS ... (July 28, 2016)", "accessed 02/18/2017".
const SOURCE_DATE =
  /(?:\b(?:guidelines?|MTUS|ODG|ACOEM|C\.\s?C\.\s?R\.?|9792\.[\d.]+|schedule|edition)\b[^.()]{0,60}\(\s*|\b(?:accessed|effective|revised|updated|published|edition)\s*(?:(?:on|of|:)\s*)?)$/i;

/** The clause around a date: up to BEFORE characters before and AFTER after, not past a sentence end. */
function clauseAround(plain: string, d: DateMention): { before: string; after: string; sentence: string } {
  let before = plain.slice(Math.max(0, d.span.start - BEFORE), d.span.start);
  let cut = -1;
  for (const m of before.matchAll(/[.;!?]\s|\n\s*\n/g)) cut = m.index! + m[0].length;
  if (cut >= 0) before = before.slice(cut);
  let after = plain.slice(d.span.end, d.span.end + AFTER);
  const end = after.search(/[.;!?](?:\s|$)|\n\s*\n/);
  if (end >= 0) after = after.slice(0, end);
  return { before, after, sentence: `${before}${d.raw}${after}` };
}

/**
 * A clinical event dated before the header's Date of Injury. Earlier care is often mentioned and unrelated
 * (information); a treatment request or review decision of this claim dated before the injury cannot be
 * right (warning).
 */
export const eventBeforeInjury: Rule = {
  meta: {
    id: 'event-before-injury',
    defaultSeverity: 'warning',
    description: 'A treatment request or review decision (warning), or another event (information), is dated before the Date of Injury.',
    fixable: false,
  },
  check({ doc }) {
    const injury = doc.header.dateOfInjury;
    const doi = injury?.date?.date;
    if (!injury || !doi || doi.day === undefined) return [];
    const out: RuleFinding[] = [];
    const eventOf = new Map(doc.mentions.events.flatMap((e) => e.dates.map((d) => [d, e] as const)));
    for (const d of doc.dates) {
      // Narrative dates of no other role: injury and UR dates have their own rules. A month-year mention
      // ("in March 2015") counts only when its whole month is before the injury's month.
      if (d.role !== 'other' || !d.date) continue;
      const earlier = d.date.day === undefined ? d.date.year * 12 + d.date.month < doi.year * 12 + doi.month : compareDates(d.date, doi) < 0;
      if (!earlier) continue;
      const near = doc.plain.slice(Math.max(0, d.span.start - 100), d.span.start);
      if (SOURCE_DATE.test(near) || DOB_CUE.test(near)) continue;
      const { before, after, sentence } = clauseAround(doc.plain, d);
      // The date's own clause names a request or decision, or its sentence tells one (the mention layer's
      // event: "the disputed request for <a long title> was first made on <date>") that is no past course.
      const event = eventOf.get(d);
      const told = REQUEST_OR_DECISION.test(before) || REQUEST_OR_DECISION.test(after) || (!!event && event.why !== 'past-course');
      const decision = told && !HISTORY.test(sentence) && !(event && HISTORY.test(doc.plain.slice(doc.mentions.sentences[event.sentence].span.start, d.span.start)));
      out.push(
        decision
          ? {
              span: d.span,
              message: `${d.raw} dates a treatment request or review decision before the Date of Injury (${injury.raw}). A request or decision of this claim cannot precede its injury: check this date and the Date of Injury.`,
              related: [{ span: injury.valueSpan, message: 'Date of Injury' }],
            }
          : {
              span: d.span,
              message: `${d.raw} is before the Date of Injury (${injury.raw}). Earlier, unrelated care is often mentioned; if this event belongs to this claim, one of the two dates is wrong.`,
              related: [{ span: injury.valueSpan, message: 'Date of Injury' }],
              severity: 'info',
            },
      );
    }
    return out;
  },
};
