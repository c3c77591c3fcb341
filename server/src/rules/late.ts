import type { CalendarDate, Determination, HeaderField, HeaderKey } from '../model/determination.js';
import type { Rule, RuleFinding } from './rule.js';

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day ?? 1) - Date.UTC(a.year, a.month - 1, a.day ?? 1)) / 86_400_000);
}

/**
 * A note when `later` is more than `limit` days after `earlier` (both valid, day-precise header dates).
 * A later date before the earlier one is date-order's finding, not a late one.
 */
function lateNote(doc: Determination, earlierKey: HeaderKey, laterKey: HeaderKey, limit: number | undefined, why: string): RuleFinding[] {
  const earlier = doc.header[earlierKey];
  const later = doc.header[laterKey];
  const a = earlier?.date?.date;
  const b = later?.date?.date;
  if (!limit || !a || !b || a.day === undefined || b.day === undefined) return [];
  const days = daysBetween(a, b);
  if (days <= limit) return [];
  return [
    {
      span: (later as HeaderField).valueSpan,
      message: `${later!.label} (${later!.raw}) is ${days} days after the ${earlier!.label} (${earlier!.raw}), more than ${limit}. ${why} Check both dates.`,
      related: [{ span: earlier!.valueSpan, message: earlier!.label }],
      severity: 'info',
    },
  ];
}

/** Application Received long after the UR Denial Date (information: late applications are still decided). */
export const lateApplication: Rule = {
  meta: {
    id: 'late-application',
    defaultSeverity: 'info',
    description: 'Application Received is long after the UR Denial Date (information only).',
    fixable: false,
  },
  check({ doc, table }) {
    return lateNote(
      doc,
      'urDenialDate',
      'applicationReceived',
      table.timeliness.lateApplicationDays,
      'An application is due 30 days after service of the UR decision (8 CCR 9792.10.1(b)(1)), and real applications arrive up to 37 days after the UR date; this gap is well past that.',
    );
  },
};

/** Decision Date long after the Date Assigned (information: late decisions remain binding). */
export const lateDecision: Rule = {
  meta: {
    id: 'late-decision',
    defaultSeverity: 'info',
    description: 'The Decision Date is long after the Date Assigned (information only).',
    fixable: false,
  },
  check({ doc, table }) {
    return lateNote(
      doc,
      'dateAssigned',
      'decisionDate',
      table.timeliness.lateDecisionDays,
      'A decision is due 30 days after the records arrive (Labor Code 4610.6(d)) and remains binding when later, and real decisions have taken up to 140 days (in the 2014 backlog); this gap is well past that.',
    );
  },
};
