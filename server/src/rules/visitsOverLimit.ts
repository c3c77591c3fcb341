import { summaryTerms } from './citationText.js';
import type { Rule, RuleFinding } from './rule.js';
import { visitLimitOf } from './visitLimit.js';

/**
 * The course as requested (the original request of a partial certification) against the table's limit.
 * Over the limit and Overturned (or no verdict yet) contradicts the guideline: warning. Upheld is
 * consistent: information, so the reviewer sees the figure but nothing is wrong.
 */
export const visitsOverLimit: Rule = {
  meta: { id: 'visits-over-limit', defaultSeverity: 'warning', description: 'The requested number of visits exceeds the guideline\'s limit.', fixable: false },
  check({ doc, table }) {
    const out: RuleFinding[] = [];
    const terms = summaryTerms(doc, table);
    for (const item of doc.items) {
      const q = item.quantity;
      if (!q || !item.treatment) continue;
      const v = visitLimitOf(doc, item, table, terms);
      if (!v || !v.over) continue;
      const { row, first } = v;
      const cite = `${row.source === 'MTUS' ? 'MTUS ' : ''}${row.guideline.part}${row.pages?.length ? `, page(s) ${row.pages.join(', ')}` : row.sections?.length ? `, ${row.sections[0]}` : ''}`;
      const consistent = item.verdict?.value === 'Upheld';
      const exception = !consistent && !!item.rationale?.statesException;
      const base = `${q.count} ${q.unit ?? row.limit.unit} requested for ${item.treatment.treatment}${first ? ', a first course' : ''}; ${cite} allows ${row.limit.text}${row.confirmed ? '' : ' (figure not yet confirmed from the guideline text)'}.`;
      const message = consistent
        ? `${base} The Upheld verdict is consistent with the guideline.`
        : exception
          ? `${base} The rationale states an exception to the guideline; check that it is documented.`
          : item.verdict
          ? `${base} An Overturned verdict exceeds the guideline: state the exception that justifies it, or uphold.`
          : `${base} A decision to overturn would need a stated exception.`;
      out.push({
        span: q.span,
        message,
        severity: consistent || exception || !row.confirmed ? 'info' : undefined,
        related: item.verdict ? [{ span: item.verdict.span, message: `Verdict: ${item.verdict.value}` }] : [],
      });
    }
    return out;
  },
};
