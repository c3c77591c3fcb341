import type { Rule, RuleFinding } from './rule.js';

const PAGE_RE = /\bpages?\s+(\d{1,4})(?:\s*(?:-|to)\s*(\d{1,4}))?/gi;
const OTHER_GUIDELINE = /\b(ACOEM|ODG|Official\s+Disability|Table\s+\d|Chapter|edition|ed\.)\b/i;

/**
 * The rationale quotes MTUS at pages the item's guideline line does not cite ("page 58" against
 * "Page(s): 60"). Compared only when the line gives pages and the sentence names no other guideline.
 */
export const citationMismatch: Rule = {
  meta: { id: 'citation-mismatch', defaultSeverity: 'warning', description: 'The rationale cites other pages than the item\'s guideline line.', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const item of doc.items) {
      const g = item.reviewerGuideline;
      const r = item.rationale;
      if (!g || !r) continue;
      const cited = g.citations.filter((c) => c.mtus && c.pages.length > 0);
      if (cited.length === 0) continue;
      const pages = new Set(cited.flatMap((c) => c.pages));
      PAGE_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PAGE_RE.exec(r.text))) {
        const sentence = sentenceAround(r.text, m.index);
        if (OTHER_GUIDELINE.test(sentence)) continue;
        const from = +m[1];
        const to = m[2] ? +m[2] : from;
        let overlap = false;
        for (let p = from; p <= to && p - from < 50; p++) if (pages.has(String(p))) overlap = true;
        if (overlap) continue;
        const start = r.valueSpan.start + m.index + (m[0].length - m[0].trimStart().length);
        out.push({
          span: { start, end: r.valueSpan.start + m.index + m[0].length },
          message: `The rationale cites ${m[0].trim()}, but the MAXIMUS guideline line cites page(s) ${[...pages].join(', ')}. Make the citation and the rationale name the same pages.`,
          related: cited.map((c) => ({ span: c.span, message: 'The item\'s citation' })),
        });
      }
    }
    return out;
  },
};

function sentenceAround(text: string, i: number): string {
  let s = i;
  while (s > 0 && !/[.!?]\s/.test(text.slice(s - 1, s + 1))) s--;
  let e = i;
  while (e < text.length && !/[.!?]/.test(text[e])) e++;
  return text.slice(s, e);
}
