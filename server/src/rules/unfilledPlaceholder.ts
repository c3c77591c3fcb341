import type { Rule } from './rule.js';

/** Template leftovers (the model's placeholders, parse/placeholders.ts), one quiet finding each. */
export const unfilledPlaceholder: Rule = {
  meta: { id: 'unfilled-placeholder', defaultSeverity: 'info', description: 'A template placeholder (TODO, XX/XX/XXXX, [ITEM], ___) is still in the letter.', fixable: false },
  check({ doc }) {
    return doc.placeholders.map((p) => ({
      span: p.span,
      message: `"${p.text}" is a template placeholder. Replace it with the case's own text before the letter is final.`,
    }));
  },
};
