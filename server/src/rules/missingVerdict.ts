import { afterLabel } from './edits.js';
import { ItemName } from './wording.js';
import type { Rule, RuleFinding } from './rule.js';

/** Each disputed item's title ends with its verdict: "...: Upheld" or "...: Overturned". */
export const missingVerdict: Rule = {
  meta: { id: 'missing-verdict', defaultSeverity: 'error', description: 'A disputed item has no verdict (Upheld or Overturned).', fixable: false, hasSuggestions: true, verifyFixes: true },
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const item of doc.items) {
      if (item.verdict) continue;
      const c = item.rationale?.conclusion;
      // After the title's own colon and closing markup ("**TITLE:**" -> "**TITLE:** Upheld").
      const after = afterLabel(doc.text, item.title.span.end);
      const at = after.colon ? after.at : item.title.span.end;
      const prefix = after.colon ? ' ' : ': ';
      const suggested = c ? (c.necessary ? 'Overturned' : 'Upheld') : undefined;
      const hasTitle = item.title.span.end > item.title.span.start;
      out.push({
        // An item with no title has a part label, except a professional review's bare "ISSUE AT DISPUTE".
        span: hasTitle ? item.title.span : ((item.claimsAdministratorGuideline ?? item.reviewerGuideline ?? item.rationale)?.labelSpan ?? { start: item.span.start, end: item.span.start }),
        message: hasTitle
          ? `${ItemName(item)} has no verdict. End the title with ": Upheld" or ": Overturned".`
          : 'This disputed item has no title and no verdict. Start it with the treatment requested, then ": Upheld" or ": Overturned".',
        fixes: hasTitle
          ? (suggested === 'Overturned' ? ['Overturned', 'Upheld'] : ['Upheld', 'Overturned']).map((v) => ({
              title: `Add the verdict ${v}${v === suggested ? ' (as the rationale concludes)' : ''}`,
              kind: 'suggestion' as const,
              edits: [{ span: { start: at, end: at }, newText: `${prefix}${v}` }],
            }))
          : [],
      });
    }
    return out;
  },
};
