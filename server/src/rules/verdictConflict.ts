import type { Span } from '../types.js';
import type { Rule, RuleFinding, RuleFix } from './rule.js';

/** Upheld goes with "not medically necessary", Overturned with "is medically necessary". */
export const verdictConflict: Rule = {
  meta: { id: 'verdict-conflict', defaultSeverity: 'error', description: 'The verdict contradicts the rationale\'s conclusion.', fixable: false, hasSuggestions: true },
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
        // Either may be the mistake, so both directions are offered, and neither runs unattended.
        fixes: [
          { title: `Change the verdict to ${expected} (as the rationale concludes)`, kind: 'suggestion', edits: [{ span: v.span, newText: expected }] },
          ...conclusionEdit(doc.text, c.phraseSpan, c.necessary, v.value),
        ],
      });
    }
    return out;
  },
};

/**
 * The conclusion rewritten to follow the verdict, where one word does it: "is not medically necessary"
 * loses its "not", "is medically necessary" gains one. Other wordings ("cannot be considered") are left to
 * the reviewer.
 */
function conclusionEdit(text: string, phrase: Span, necessary: boolean, verdict: string): RuleFix[] {
  const words = text.slice(phrase.start, phrase.end);
  const title = `Change the conclusion to "${necessary ? 'not ' : ''}medically necessary" (as the verdict ${verdict} says)`;
  if (!necessary) {
    const not = /^not\s+(?=medically\s)/i.exec(words);
    return not ? [{ title, kind: 'suggestion', edits: [{ span: { start: phrase.start, end: phrase.start + not[0].length }, newText: '' }] }] : [];
  }
  if (!/\b(?:is|are|was|were|be)\s+$/i.test(text.slice(Math.max(0, phrase.start - 8), phrase.start))) return [];
  return [{ title, kind: 'suggestion', edits: [{ span: { start: phrase.start, end: phrase.start }, newText: 'not ' }] }];
}
