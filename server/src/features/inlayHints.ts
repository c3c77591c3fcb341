// What a request written as a schedule adds up to, shown after it: "2 times a week for 6 weeks" gets
// "= 12 visits", "1 tab every 6 hours for 30 days" gets "= 120 tablets", "1 tab every 6 hours #120" gets
// "= 30 days". Only where the figure is not already written: a hint never repeats the letter.
import type { LintResult } from '../engine.js';
import type { GuidelineTable } from '../guidelines/table.js';
import type { RequestQuantity } from '../model/determination.js';
import { formatRange as fmt } from '../model/medication.js';
import { medicationFigures } from '../parse/medicationFigures.js';
import type { Span } from '../types.js';

export interface Hint {
  /** The offset the hint follows. */
  at: number;
  label: string;
  tooltip: string;
}

const NUMBER_RE = /\d+/g;

/** A count multiplied out of the numbers written ("2 times a week for 6 weeks"), not one of them. */
function computed(q: RequestQuantity): boolean {
  const numbers = (q.raw.match(NUMBER_RE) ?? []).map(Number);
  return numbers.length >= 2 && !numbers.includes(q.count);
}

function unitOf(raw: string): string {
  if (/\bcap/i.test(raw)) return 'capsules';
  if (/\btab/i.test(raw)) return 'tablets';
  if (/\bpatch/i.test(raw)) return 'patches';
  return 'units';
}

export function inlayHints(result: LintResult, table: GuidelineTable, range?: Span): Hint[] {
  const out: Hint[] = [];
  const inside = (at: number) => !range || (at >= range.start && at <= range.end);
  for (const item of result.model.items) {
    const q = item.quantity;
    if (q && computed(q) && inside(q.span.end)) {
      out.push({ at: q.span.end, label: `= ${q.count} ${q.unit ?? 'visits'}`, tooltip: `The schedule "${q.raw}" adds up to ${q.count} ${q.unit ?? 'visits'} (the larger figure of a range).` });
    }
    const m = item.medication;
    if (!m) continue;
    const f = medicationFigures(m, table.medications);
    if (f.units && m.days && inside(m.days.span.end)) {
      const unit = unitOf(m.dose?.raw ?? '');
      out.push({ at: m.days.span.end, label: `= ${fmt(f.units)} ${unit}`, tooltip: `${m.dose!.raw.trim()} × ${fmt(m.frequency!.value)} a day × ${fmt(m.days.value)} days` });
    }
    if (f.course?.from === 'quantity' && m.quantity && inside(m.quantity.span.end)) {
      out.push({ at: m.quantity.span.end, label: `= ${fmt(f.course.days)} days`, tooltip: `${m.quantity.value} at ${fmt(f.perDay!)} a day (${m.dose!.raw.trim()}, ${m.frequency!.raw.trim()})` });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
