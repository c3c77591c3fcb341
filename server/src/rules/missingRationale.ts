import { itemAnchor, itemName, ItemName } from './wording.js';
import type { Rule, RuleFinding } from './rule.js';

/** Each disputed item explains its decision under "Decision rationale:". */
export const missingRationale: Rule = {
  meta: { id: 'missing-rationale', defaultSeverity: 'error', description: 'A disputed item has no decision rationale.', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const item of doc.items) {
      const r = item.rationale;
      if (r && r.text.trim().length >= 20) continue;
      out.push({
        span: r ? r.labelSpan : itemAnchor(item),
        message: r
          ? `The decision rationale of ${itemName(item)} is empty. Explain how the guideline applies to this case and conclude whether the request is medically necessary.`
          : `${ItemName(item)} has no "Decision rationale:". Explain how the guideline applies and conclude whether the request is medically necessary.`,
      });
    }
    return out;
  },
};
