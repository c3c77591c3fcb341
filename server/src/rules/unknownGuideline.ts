import type { Rule, RuleFinding } from './rule.js';

/** An MTUS citation must name a part of MTUS the table knows ("Chronic Pain Medical Treatment", ...). */
export const unknownGuideline: Rule = {
  meta: { id: 'unknown-guideline', defaultSeverity: 'warning', description: 'A citation names an MTUS part the guideline table does not know.', fixable: false },
  check({ doc, table }) {
    const out: RuleFinding[] = [];
    for (const item of doc.items) {
      for (const c of item.reviewerGuideline?.citations ?? []) {
        if (!c.mtus || !c.part || /\[|\$\{/.test(c.part) || table.isKnownMtusPart(c.part)) continue;
        out.push({
          span: c.span,
          message: `"${c.part}" is not a part of MTUS known to the guideline table. Check the name (e.g. "Chronic Pain Medical Treatment", "Low Back Complaints"), or cite it as "Non-MTUS Citation".`,
        });
      }
    }
    return out;
  },
};
