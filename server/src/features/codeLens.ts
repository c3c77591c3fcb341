// The arithmetic of each disputed item, shown above it: the request against its guideline row, a
// medication's course and daily opioid dose, a partial certification's subtraction. Pure: the server turns
// each into an LSP code lens whose command opens the hover of `target` (the guideline row's).
import type { LintResult } from '../engine.js';
import type { GuidelineTable } from '../guidelines/table.js';
import type { DisputedItem } from '../model/determination.js';
import { formatRange as fmt } from '../model/medication.js';
import { medicationFigures } from '../parse/medicationFigures.js';
import { summaryTerms } from '../rules/citationText.js';
import { cite as citeMedication } from '../rules/medicationOverGuideline.js';
import { visitLimitOf } from '../rules/visitLimit.js';
import { collapseSpace } from '../text/collapseSpace.js';
import type { Span } from '../types.js';

export interface ItemLens {
  /** Where the lens sits: the item's title. */
  span: Span;
  title: string;
  /** Something in it disagrees (the request over its row and Overturned, the subtraction wrong). */
  disagrees: boolean;
  /** Where the hover with the guideline row is. */
  target: Span;
}

const MARK = '⚠ ';

function verdictPart(item: DisputedItem, over: boolean, explained: boolean): { text: string; disagrees: boolean } {
  const v = item.verdict?.value;
  if (!v) return { text: 'no verdict yet', disagrees: false };
  if (!over) return { text: v, disagrees: false };
  if (v === 'Upheld') return { text: 'Upheld: consistent', disagrees: false };
  return explained ? { text: 'Overturned: exception stated', disagrees: false } : { text: 'Overturned: beyond the guideline', disagrees: true };
}

function visitLens(result: LintResult, item: DisputedItem, table: GuidelineTable, terms: ReturnType<typeof summaryTerms>): ItemLens | undefined {
  const v = visitLimitOf(result.model, item, table, terms);
  if (!v) return undefined;
  const q = v.quantity;
  const row = v.row;
  const part = row.guideline.part;
  const source = row.source === 'statute' || row.source === 'regulation' || part.startsWith(row.source) ? '' : `${row.source} `;
  const where = `${source}${part}${row.pages?.length ? ` p. ${row.pages.join(', ')}` : ''}`;
  const limit = v.first ? `trial ${v.max} ${row.limit.unit}` : row.limit.text;
  const verdict = verdictPart(item, v.over, !!item.rationale?.statesException);
  const parts = [`${q.count} ${q.unit ?? 'visits'} ${item.partial ? 'originally requested' : 'requested'}`, `${where}: ${limit}${row.confirmed ? '' : ' (unconfirmed)'}`, verdict.text];
  return { span: item.title.span, title: parts.join(' · '), disagrees: verdict.disagrees && row.confirmed, target: item.treatment?.span ?? q.span };
}

function medicationLens(item: DisputedItem, table: GuidelineTable): ItemLens | undefined {
  const m = item.medication;
  if (!m || (m.drugs.length === 0 && m.strengths.length === 0)) return undefined;
  const f = medicationFigures(m, table.medications);
  const words = (s: string) => collapseSpace(s).trim();
  const s = m.strengths[0];
  const name = m.drugs[0]?.name ?? s?.drug ?? 'medication';
  const head = [`${name[0].toUpperCase()}${name.slice(1)}${s ? ` ${s.value} ${s.unit}` : ''}`];
  if (m.dose) head.push(words(m.dose.raw));
  if (m.frequency) head.push(words(m.frequency.raw));
  if (m.days) head.push(words(m.days.raw));
  let request = head.join(', ');
  if (m.quantity) request += `, ${words(m.quantity.raw)}`;
  if (f.course?.from === 'quantity') request += ` = ${fmt(f.course.days)} days`;
  if (f.units) request += ` = ${fmt(f.units)} units`;
  const parts = [request];
  if (f.mme) parts.push(`${fmt(f.mme.perDay)} MME/day`);
  // What the table says of it: the first row that applies (not recommended, or the course against its limit).
  let over = false;
  for (const d of m.drugs) {
    for (const row of table.medications.rowsForRoute(d.name, m.topical)) {
      if (row.kind === 'daily-dose') continue;
      if (row.kind === 'not-recommended') {
        parts.push(`${citeMedication(row)}: not recommended${row.confirmed ? '' : ' (unconfirmed)'}`);
        over = true;
      } else if (f.course) {
        const beyond = f.course.days.min > row.maxDays!;
        parts.push(`${citeMedication(row)}: at most ${row.maxDays} days${row.confirmed ? '' : ' (unconfirmed)'}`);
        over ||= beyond;
      }
      break;
    }
    if (parts.length > (f.mme ? 2 : 1)) break;
  }
  const [threshold] = table.medications.dailyDoseRows();
  if (f.mme && threshold && f.mme.perDay.min > threshold.maxMme!) over = true;
  if (parts.length === 1 && !m.quantity && !m.dose) return undefined;
  const verdict = verdictPart(item, over, !!item.rationale?.statesException);
  parts.push(verdict.text);
  return { span: item.title.span, title: parts.join(' · '), disagrees: verdict.disagrees, target: m.drugs[0]?.span ?? s?.span ?? item.title.span };
}

function partialLens(item: DisputedItem): ItemLens | undefined {
  const p = item.partial;
  if (!p?.arithmetic || !p.original || !p.authorized || !p.remaining) return undefined;
  const ok = p.arithmetic.agrees;
  const title = ok
    ? `remaining ${p.remaining.count} = ${p.original.count} requested - ${p.authorized.count} authorized`
    : `remaining ${p.remaining.count}, but ${p.original.count} requested - ${p.authorized.count} authorized = ${p.arithmetic.expected}`;
  return { span: item.title.span, title, disagrees: !ok, target: p.remaining.span };
}

/** The lenses of every disputed item, in the letter's order (an item may have a request lens and a partial one). */
export function itemLenses(result: LintResult, table: GuidelineTable): ItemLens[] {
  const out: ItemLens[] = [];
  const terms = summaryTerms(result.model, table);
  for (const item of result.model.items) {
    if (item.title.span.end <= item.title.span.start) continue;
    const lens = visitLens(result, item, table, terms) ?? medicationLens(item, table);
    const partial = partialLens(item);
    for (const l of [lens, partial]) if (l) out.push({ ...l, title: (l.disagrees ? MARK : '') + l.title });
  }
  return out;
}
