import { itemAnchor, itemName, ItemName } from './wording.js';
import type { Rule, RuleFinding } from './rule.js';

/** Each item records what the Claims Administrator relied on (or that it cited nothing). */
export const missingClaimsAdministratorGuideline: Rule = {
  meta: { id: 'missing-claims-administrator-guideline', defaultSeverity: 'warning', description: 'A disputed item has no Claims Administrator guideline line.', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    // The 2013 notice and the professional review have no Claims Administrator line.
    if (doc.layout.id === 'notice-2013' || doc.layout.id === 'professional-review') return out;
    for (const item of doc.items) {
      const g = item.claimsAdministratorGuideline;
      if (g && g.text.trim()) continue;
      out.push({
        span: g ? g.labelSpan : itemAnchor(item),
        message: g
          ? `The Claims Administrator guideline of ${itemName(item)} is empty. Give its citation, or write "The Claims Administrator did not cite any medical evidence for its decision."`
          : `${ItemName(item)} has no "Claims Administrator guideline:" line. Give its citation, or state that it cited none.`,
      });
    }
    return out;
  },
};
