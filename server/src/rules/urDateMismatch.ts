import { dateMismatches } from './dateMismatch.js';
import type { Rule } from './rule.js';

/** "A utilization review from December 27, 2013 ..." must agree with the header's UR Denial Date. */
export const urDateMismatch: Rule = {
  meta: { id: 'ur-date-mismatch', defaultSeverity: 'warning', description: 'A narrative date of the utilization review differs from the header\'s UR Denial Date.', fixable: false, hasSuggestions: true },
  check: (ctx) => dateMismatches(ctx, 'ur', 'urDenialDate', 'utilization review date'),
};
