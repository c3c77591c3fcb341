import type { DisputedItem } from '../model/determination.js';
import { citationFor, primaryRow } from './citationText.js';
import { afterLabel } from './edits.js';
import { itemName, ItemName } from './wording.js';
import type { Rule, RuleFinding } from './rule.js';

const NAMES_GUIDELINE = /\b(MTUS|ODG|ACOEM|Official\s+Disability|guidelines?|CCR|Labor\s+Code|Medical\s+Treatment|Complaints|Chronic\s+Pain|Postsurgical|Treatment\s+\d{4}|journal|study|studies|trial|literature|article|review|et\s+al|FDA|Citation|\[GUIDELINE\])\b/i;
const ANCILLARY_REASON = /(surgical|surgery|procedure|operation)[\s\S]*not\s+(?:medically\s+)?necessary|ancillary|associated\s+(?:surgical\s+)?services?/i;

/** An item must say which guideline the reviewer relied on; "did not cite" is for ancillary surgical items only. */
export const missingGuidelineCitation: Rule = {
  meta: { id: 'missing-guideline-citation', defaultSeverity: 'error', description: 'A disputed item has no reviewer (MAXIMUS) guideline citation.', fixable: false, hasSuggestions: true, verifyFixes: true },
  check({ doc, table }) {
    const out: RuleFinding[] = [];
    const md = doc.languageId === 'markdown';
    for (const item of doc.items) {
      const g = item.reviewerGuideline;
      if (g?.statesNoCitation && (item.ancillary || ANCILLARY_REASON.test(item.rationale?.text ?? ''))) continue;
      if (g && g.text.trim() && !g.statesNoCitation && NAMES_GUIDELINE.test(g.text)) continue;
      const row = primaryRow(doc, item, table);
      const citation = row ? citationFor(row) : 'Decision based on MTUS [GUIDELINE], Section(s): [SECTION].';
      const fixTitle = row ? `Cite ${row.guideline.part}${row.pages?.length ? ` page(s) ${row.pages.join(', ')}` : ''}` : 'Insert a citation line to fill in';
      out.push(g ? emptyOrWrong(doc.text, item, g, citation, fixTitle) : missingLine(item, citation, fixTitle, md, doc.text));
    }
    return out;
  },
};

function emptyOrWrong(text: string, item: DisputedItem, g: NonNullable<DisputedItem['reviewerGuideline']>, citation: string, title: string): RuleFinding {
  const empty = !g.text.trim();
  const span = empty ? g.labelSpan : g.valueSpan;
  return {
    span,
    message: empty
      ? `${ItemName(item)} has an empty MAXIMUS guideline. Every decision must rest on a cited guideline (MTUS first).`
      : g.statesNoCitation
        ? `${ItemName(item)} states that no medical evidence was cited, which is acceptable only for services associated with a denied surgery. Cite the guideline the decision rests on.`
        : `The MAXIMUS guideline of ${itemName(item)} names no guideline. Cite the guideline the decision rests on (MTUS first).`,
    // The standard "did not cite" sentence is replaced; any other text is the reviewer's and stays, after
    // the citation.
    fixes: [{
      title,
      kind: 'suggestion',
      edits: [
        empty
          ? insertAfterLabel(text, g.labelSpan.end, citation)
          : (g.statesNoCitation && replaceNoCitation(text, g.valueSpan, citation)) || { span: { start: g.valueSpan.start, end: g.valueSpan.start }, newText: `${citation} ` },
      ],
    }],
  };
}

/** The standard sentence ("The Expert Reviewer did not cite any medical evidence for its decision."). */
const NO_CITATION_RE = /(?:the\s+(?:expert\s+)?reviewer\s+)?did\s+not\s+cite\s+any\s+medical\s+evidence(?:\s+for\s+(?:its|his|her|the)\s+decision)?(?:\s*\.)?/i;

/** The citation in place of the standard sentence only: the reviewer's other words around it stay. */
function replaceNoCitation(text: string, value: { start: number; end: number }, citation: string) {
  const m = NO_CITATION_RE.exec(text.slice(value.start, value.end));
  return m ? { span: { start: value.start + m.index, end: value.start + m.index + m[0].length }, newText: citation } : undefined;
}

function insertAfterLabel(text: string, labelEnd: number, citation: string) {
  const { at } = afterLabel(text, labelEnd);
  return { span: { start: at, end: at }, newText: ` ${citation}` };
}

function missingLine(item: DisputedItem, citation: string, title: string, md: boolean, text: string): RuleFinding {
  // Insert the line before the rationale (or after the Claims Administrator line, or after the title).
  const before = item.rationale?.labelSpan.start;
  const label = md ? '**MAXIMUS guideline:**' : 'MAXIMUS guideline:';
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  let edit;
  if (before !== undefined) {
    let at = before;
    while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
    edit = { span: { start: at, end: at }, newText: `${label} ${citation}${eol}${eol}` };
  } else {
    const after = item.claimsAdministratorGuideline?.valueSpan.end ?? item.title.span.end;
    let at = after;
    while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
    edit = { span: { start: at, end: at }, newText: `${eol}${eol}${label} ${citation}` };
  }
  return {
    span: item.title.span,
    message: `${ItemName(item)} has no MAXIMUS guideline line. Every decision must rest on a cited guideline (MTUS first).`,
    fixes: [{ title, kind: 'suggestion', edits: [edit] }],
  };
}
