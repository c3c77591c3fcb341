// The one decision of a visit request against the guideline table, for visits-over-limit, the hover and
// the code lens: the applicable rows, the most generous of them (the request exceeds the guideline only
// if it exceeds them all) and, for a first course, its trial.
import { VISIT_UNITS, type GuidelineRow } from '../guidelines/schema.js';
import { escapeRegExp, type GuidelineTable } from '../guidelines/table.js';
import type { Determination, DisputedItem, RequestQuantity } from '../model/determination.js';
import { summaryTerms, titleContext } from './citationText.js';

export type LimitedRow = GuidelineRow & { limit: NonNullable<GuidelineRow['limit']> };

export interface VisitLimit {
  quantity: RequestQuantity;
  row: LimitedRow;
  /** A first course, held to the row's trial. */
  first: boolean;
  /** The limit that applies: the trial of a first course, or the row's maximum. */
  max: number;
  over: boolean;
}

/** The item's request against its most generous applicable visit row; undefined when there is nothing to compare. */
export function visitLimitOf(doc: Determination, item: DisputedItem, table: GuidelineTable, terms = summaryTerms(doc, table)): VisitLimit | undefined {
  const q = item.quantity;
  if (!q || !item.treatment) return undefined;
  const rows = table.applicableRows(item.treatment.treatment, titleContext(item), terms, true).filter((r): r is LimitedRow => !!r.limit && VISIT_UNITS.has(r.limit.unit));
  if (rows.length === 0) return undefined;
  const row = rows.reduce((a, b) => (b.limit.max > a.limit.max ? b : a));
  // A first course is held to the guideline's trial where it gives one (chiropractic: 6 visits).
  const first = row.limit.trialMax !== undefined && isFirstCourse(doc, item);
  const max = first ? row.limit.trialMax! : row.limit.max;
  return { quantity: q, row, first, max, over: q.count > max };
}

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
