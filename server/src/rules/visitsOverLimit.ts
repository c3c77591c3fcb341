import type { GuidelineRow } from '../guidelines/schema.js';
import { escapeRegExp } from '../guidelines/table.js';
import type { Determination, DisputedItem } from '../model/determination.js';
import { summaryTerms, titleContext } from './citationText.js';
import type { Rule, RuleFinding } from './rule.js';

const VISIT_UNITS = new Set(['visits', 'treatments', 'sessions']);

/**
 * Whether the request is a first course: "initial" or "trial" in its title, "a request for an initial" in
 * its rationale, or a summary saying the worker had no prior treatment of this kind.
 */
function isFirstCourse(doc: Determination, item: DisputedItem): boolean {
  if (/\b(?:initial|trial)\b/i.test(item.title.text)) return true;
  if (/\brequest\s+for\s+(?:an?\s+)?initial\b/i.test(item.rationale?.text ?? '')) return true;
  if (/\binitial\s+(?:care|course|trial|set)\b/i.test(item.rationale?.text ?? '')) return true;
  const name = item.treatment ? escapeRegExp(item.treatment.name) : '';
  if (!name) return false;
  const summary = doc.sections.find((s) => s.kind === 'summary');
  const text = summary ? doc.plain.slice(summary.bodySpan.start, Math.min(summary.bodySpan.end, summary.bodySpan.start + 20000)) : '';
  if (/\b(?:receive|begin|start)\s+(?:an?\s+)?initial\s+(?:care|course|trial)\b|\bfor\s+an\s+initial\s+trial\b/i.test(text)) return true;
  return new RegExp(`\\bno\\s+(?:prior|previous)\\s+(?:[\\w-]+\\s+){0,2}?${name}|\\b(?:has|had|have)\\s+not\\s+(?:had|tried|undergone|received)\\s+(?:any\\s+)?(?:prior\\s+)?${name}`, 'i').test(text);
}

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
      const rows = table.applicableRows(item.treatment.treatment, titleContext(item), terms, true).filter((r) => r.limit && VISIT_UNITS.has(r.limit.unit));
      if (rows.length === 0) continue;
      // The most generous applicable row decides: the request exceeds the guideline only if it exceeds them all.
      const row = rows.reduce((a, b) => (b.limit!.max > a.limit!.max ? b : a)) as GuidelineRow & { limit: NonNullable<GuidelineRow['limit']> };
      // A first course is held to the guideline's trial where it gives one (chiropractic: 6 visits).
      const first = row.limit.trialMax !== undefined && isFirstCourse(doc, item);
      const limit = first ? row.limit.trialMax! : row.limit.max;
      if (q.count <= limit) continue;
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
