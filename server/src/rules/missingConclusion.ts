import type { Rule, RuleFinding } from './rule.js';
import { itemName } from './wording.js';

/**
 * A rationale ends by concluding whether the request is medically necessary ("Therefore, the request is not
 * medically necessary."); verdict-conflict compares the verdict with that sentence. A rationale too short to
 * judge is missing-rationale's finding, not this one.
 */
export const missingConclusion: Rule = {
  meta: { id: 'missing-conclusion', defaultSeverity: 'warning', description: 'A decision rationale has no concluding sentence on medical necessity.', fixable: false, hasSuggestions: true },
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const item of doc.items) {
      const r = item.rationale;
      if (!r || r.conclusion || r.text.trim().length < 20) continue;
      const v = item.verdict?.value;
      const sentence = v === 'Upheld' ? 'Therefore, the request is not medically necessary.' : v === 'Overturned' ? 'Therefore, the request is medically necessary.' : undefined;
      // Insert after the rationale's last character, closing its last sentence first when it is open.
      const end = r.valueSpan.end;
      const last = doc.plain[end - 1] ?? '';
      const insert = sentence ? `${/[.!?"')\]]/.test(last) ? '' : '.'} ${sentence}` : '';
      out.push({
        span: r.labelSpan,
        message: `The decision rationale of ${itemName(item)} does not conclude whether the request is medically necessary. End it with the conclusion ("Therefore, the request is ${v === 'Overturned' ? '' : 'not '}medically necessary."), so that the verdict can be checked against it.`,
        related: item.verdict ? [{ span: item.verdict.span, message: `Verdict: ${item.verdict.value}` }] : [],
        fixes: sentence ? [{ title: `Add "${sentence}" (the ${v} verdict)`, kind: 'suggestion', edits: [{ span: { start: end, end }, newText: insert }] }] : [],
      });
    }
    return out;
  },
};
