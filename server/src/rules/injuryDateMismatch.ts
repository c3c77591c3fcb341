import { dateMismatches } from './dateMismatch.js';
import type { Rule } from './rule.js';

/** "industrial injury date of December 22, 2009" while the header says 10/22/2009 (the seed). */
export const injuryDateMismatch: Rule = {
  meta: { id: 'injury-date-mismatch', defaultSeverity: 'error', description: 'A narrative date of injury differs from the header\'s Date of Injury.', fixable: false, hasSuggestions: true },
  check: (ctx) => dateMismatches(ctx, 'injury', 'dateOfInjury', 'date of injury'),
};
