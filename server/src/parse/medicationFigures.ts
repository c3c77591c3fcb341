// The arithmetic of a medication request, defined once for the rule, the code lens and the inlay hints:
// units a day (dose x doses a day), the course in days (stated, or the quantity over the units a day) and,
// for an opioid, morphine milligram equivalents a day. Every figure is a range read the way that makes it
// smallest, so that "over the guideline" is said only when even the most generous reading is over.
import type { MedicationTable } from '../guidelines/medications.js';
import type { OpioidFactor } from '../guidelines/schema.js';
import type { MedicationItem, Range, Strength } from '../model/medication.js';

export interface MedicationFigures {
  /** Units a day: dose x doses a day. */
  perDay?: Range;
  /** The course in days: as stated ("for 14 days"), or the quantity over the units a day. */
  course?: { days: Range; from: 'stated' | 'quantity' };
  /** Units the dosing adds up to when the request states dose, frequency and days but no quantity. */
  units?: Range;
  /** For an opioid: its strength, factor and the MME a day. */
  mme?: { drug: string; strength: Strength; factor: OpioidFactor; perDay: Range };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function medicationFigures(m: MedicationItem, table: MedicationTable): MedicationFigures {
  const out: MedicationFigures = {};
  if (m.dose && m.frequency) out.perDay = { min: m.dose.value.min * m.frequency.value.min, max: m.dose.value.max * m.frequency.value.max };
  if (m.days) out.course = { days: m.days.value, from: 'stated' };
  else if (m.quantity && out.perDay && out.perDay.min > 0) {
    const q = m.quantity.value;
    out.course = { days: { min: Math.floor(q / out.perDay.max + 1e-9), max: Math.ceil(q / out.perDay.min - 1e-9) }, from: 'quantity' };
  }
  if (!m.quantity && m.days && out.perDay) out.units = { min: Math.floor(out.perDay.min * m.days.value.min + 1e-9), max: Math.ceil(out.perDay.max * m.days.value.max - 1e-9) };
  const opioid = m.drugs.map((d) => ({ d, f: table.factorFor(d.name) })).find((x) => x.f);
  if (opioid) {
    const strength = m.strengths.find((s) => s.span.start <= opioid.d.span.start + 40 && s.span.end >= opioid.d.span.start) ?? m.strengths[0];
    // In a combined strength ("10/325": hydrocodone and acetaminophen) the opioid's is the first number.
    const mg = strength && Number(strength.value.split('/')[0]);
    if (strength && Number.isFinite(mg) && mg > 0) {
      if (opioid.f!.per === 'mcg/h' && strength.unit === 'mcg') {
        out.mme = { drug: opioid.d.name, strength, factor: opioid.f!, perDay: { min: round(mg * opioid.f!.factor), max: round(mg * opioid.f!.factor) } };
      } else if (opioid.f!.per === 'mg' && strength.unit === 'mg' && out.perDay) {
        out.mme = { drug: opioid.d.name, strength, factor: opioid.f!, perDay: { min: round(mg * out.perDay.min * opioid.f!.factor), max: round(mg * out.perDay.max * opioid.f!.factor) } };
      }
    }
  }
  return out;
}
