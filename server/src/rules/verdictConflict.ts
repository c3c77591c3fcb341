import type { Rule, RuleFinding } from './rule.js';

/** Upheld goes with "not medically necessary", Overturned with "is medically necessary". */
export const verdictConflict: Rule = {
  meta: { id: 'verdict-conflict', defaultSeverity: 'error', description: 'The verdict contradicts the rationale\'s conclusion.', fixable: true },
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const item of doc.items) {
      const v = item.verdict;
      const c = item.rationale?.conclusion;
      if (!v || !c) continue;
      const expected = c.necessary ? 'Overturned' : 'Upheld';
      if (v.value === expected) continue;
      out.push({
        span: v.span,
        message: `The verdict is ${v.value}, but the rationale concludes the request is ${c.necessary ? '' : 'not '}medically necessary, which means ${expected}. Make the verdict and the conclusion agree.`,
        related: [{ span: c.span, message: 'Conclusion of the rationale' }],
        fixes: [{ title: `Change the verdict to ${expected}`, edits: [{ span: v.span, newText: expected }], preferred: true }],
      });
    }
    return out;
  },
};
