import type { MedicationRow } from '../guidelines/schema.js';
import type { MedicationTable } from '../guidelines/medications.js';
import type { DisputedItem } from '../model/determination.js';
import type { Span } from '../types.js';
import { medicationFigures, type MedicationFigures } from '../parse/medicationFigures.js';
import { formatRange as fmt } from '../model/medication.js';
import { collapseSpace } from '../text/collapseSpace.js';
import type { Rule, RuleFinding } from './rule.js';

// A rationale that allows the drug in order to stop it ("to allow for weaning") explains going past the course.
const WEANING_RE = /\b(?:wean(?:ing|ed)?|taper(?:ing|ed)?|discontinu\w*)\b/i;

export function cite(row: MedicationRow): string {
  const where = row.pages?.length ? `, page${row.pages.length > 1 || /-/.test(row.pages[0]) ? 's' : ''} ${row.pages.join(', ')}` : row.sections?.length ? `, ${row.sections[0]}` : '';
  return `${row.source === 'MTUS' ? 'MTUS ' : ''}${row.guideline.part}${row.guideline.edition ? ` (${row.guideline.edition})` : ''}${where}`;
}

/** The rows of the drugs an item names that apply to its route. */
function rowsOf(item: DisputedItem, kinds: MedicationRow['kind'][], table: MedicationTable): { row: MedicationRow; drug: string; at: Span }[] {
  const m = item.medication!;
  const out: { row: MedicationRow; drug: string; at: Span }[] = [];
  const seen = new Set<string>();
  for (const d of m.drugs) {
    for (const row of table.rowsForRoute(d.name, m.topical)) {
      if (!kinds.includes(row.kind) || seen.has(row.id)) continue;
      seen.add(row.id);
      out.push({ row, drug: d.name, at: d.span });
    }
  }
  return out;
}

/** How the verdict reads the excess: consistent (Upheld), explained, or a contradiction. */
function ending(item: DisputedItem, row: MedicationRow): { text: string; info: boolean } {
  if (item.verdict?.value === 'Upheld') return { text: 'The Upheld verdict is consistent with the guideline.', info: true };
  const rationale = item.rationale?.text ?? '';
  const explained = !!item.rationale?.statesException || WEANING_RE.test(rationale);
  const soft = !row.confirmed || !!item.partial;
  if (explained) return { text: 'The rationale states an exception (or a weaning); check that it is documented.', info: true };
  const text = item.verdict ? 'An Overturned verdict goes beyond the guideline: state the exception that justifies it, or uphold.' : 'A decision to overturn would need a stated exception.';
  return { text: `${text}${row.confirmed ? '' : ' (The figure is not yet confirmed from the guideline text.)'}`, info: soft };
}

function related(item: DisputedItem): { span: Span; message: string }[] {
  return item.verdict ? [{ span: item.verdict.span, message: `Verdict: ${item.verdict.value}` }] : [];
}

/**
 * A medication request beyond what the guideline table says of it: a drug the guideline does not
 * recommend, a course longer than the guideline's, or opioids adding up to more morphine milligram
 * equivalents a day than its threshold. Upheld is consistent (information, with the figures); Overturned
 * without a stated exception is the rule's severity (information by default; a warning where the reviewer
 * raises it), when the row is confirmed and the figures are the request's own.
 */
export const medicationOverGuideline: Rule = {
  meta: {
    id: 'medication-over-guideline',
    // Information until its warnings have a measured precision: none of the 144 real letters has an
    // Overturned medication beyond its row (docs/rules/medication-over-guideline.md, "Accuracy").
    defaultSeverity: 'info',
    description: 'A medication request goes beyond its guideline: not recommended, a longer course, or more opioid a day (MME).',
    fixable: false,
  },
  check({ doc, table }) {
    const out: RuleFinding[] = [];
    const figures = new Map<DisputedItem, MedicationFigures>();
    for (const item of doc.items) if (item.medication) figures.set(item, medicationFigures(item.medication, table.medications));
    for (const [item] of figures) {
      for (const { row, drug, at } of rowsOf(item, ['not-recommended'], table.medications)) {
        const e = ending(item, row);
        out.push({
          span: at,
          message: `${cap(drug)}${row.route === 'topical' ? ' (topical)' : ''}: ${cite(row)} does not recommend ${row.drugClass} ("${row.words.replace(/\.$/, '')}"). ${e.text}`,
          severity: e.info ? 'info' : undefined,
          related: related(item),
        });
      }
      const f = figures.get(item)!;
      if (f.course) {
        for (const { row, drug } of rowsOf(item, ['course'], table.medications)) {
          if (f.course.days.min <= row.maxDays!) continue;
          const m = item.medication!;
          const how = f.course.from === 'stated' ? collapseSpace(m.days!.raw) : `${collapseSpace(m.quantity!.raw)} at ${fmt(f.perDay!)} a day`;
          const e = ending(item, row);
          out.push({
            span: f.course.from === 'stated' ? m.days!.span : m.quantity!.span,
            message: `${cap(drug)}: ${how} is a course of ${fmt(f.course.days)} days; ${cite(row)} recommends ${row.drugClass} for at most ${row.maxDays} days ("${row.words.replace(/\.$/, '')}"). ${e.text}`,
            severity: e.info ? 'info' : undefined,
            related: related(item),
          });
        }
      }
    }
    // The daily opioid dose: every opioid requested in the letter, added.
    const opioids = [...figures].filter(([, f]) => f.mme);
    const [threshold] = table.medications.dailyDoseRows();
    if (threshold && opioids.length) {
      const total = opioids.reduce((s, [, f]) => s + f.mme!.perDay.min, 0);
      if (total > threshold.maxMme!) {
        const parts = opioids.map(([, f]) => `${f.mme!.drug} ${f.mme!.strength.value} ${f.mme!.strength.unit}: ${fmt(f.mme!.perDay)}`).join('; ');
        for (const [item, f] of opioids) {
          const e = ending(item, threshold);
          out.push({
            span: f.mme!.strength.span,
            message: `The opioids requested add up to at least ${total} MME a day (${parts}); ${cite(threshold)} sets ${threshold.maxMme} MME a day ("${threshold.words.replace(/\.$/, '')}"). ${e.text}`,
            severity: e.info ? 'info' : undefined,
            related: related(item),
          });
        }
      }
    }
    return out;
  },
};

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
