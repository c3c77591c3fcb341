import { expectedQuantity, requestParts, strengthsIn, type MedicationRequest, type Range, type Strength } from '../parse/medication.js';
import type { Rule, RuleFinding } from './rule.js';
import { collapseSpace } from '../text/collapseSpace.js';
import { formatRange as fmt } from '../model/medication.js';

const inRange = (n: number, r: Range) => n >= r.min && n <= r.max;

/** Quantity against dosing x duration, in the original request (all four explicit, or nothing is said). */
function quantityFinding(req: MedicationRequest | undefined): RuleFinding | undefined {
  if (!req) return undefined;
  const expected = expectedQuantity(req);
  if (!expected || !req.quantity) return undefined;
  const q = req.quantity.value;
  const fills = req.refills ? q * (1 + req.refills) : undefined;
  const fits = req.asNeeded ? q <= expected.max : inRange(q, expected) || (fills !== undefined && inRange(fills, expected));
  if (fits) return undefined;
  const words = (x: string) => collapseSpace(x).trim();
  const dosing = `${words(req.dose!.raw)}, ${words(req.frequency!.raw)}, ${words(req.days!.raw)}`;
  return {
    span: req.quantity.span,
    message:
      `The quantity ${words(req.quantity.raw)} disagrees with the request's own dosing: ${dosing} adds up to ${fmt(expected)}` +
      `${req.asNeeded ? ' at most (as needed)' : ''}. Check the quantity, the dose, the frequency or the duration.`,
    related: [
      { span: req.dose!.span, message: 'dose' },
      { span: req.frequency!.span, message: 'frequency' },
      { span: req.days!.span, message: 'duration' },
    ],
  };
}

/** One drug with two strengths in the same request ("Norco 10/325mg ... Norco 5/325mg"). */
function strengthFinding(title: string, titleStart: number): RuleFinding | undefined {
  const seen = new Map<string, Strength>();
  for (const part of requestParts(title, titleStart)) {
    for (const s of strengthsIn(part.text, part.base)) {
      const key = `${s.drug} ${s.unit}`;
      const before = seen.get(key);
      if (!before) {
        seen.set(key, s);
      } else if (before.value !== s.value) {
        const w = (x: string) => collapseSpace(x);
        return {
          span: s.span,
          message: `The request states two strengths of ${w(before.raw).split(' ')[0]}: "${w(before.raw)}" and "${w(s.raw)}". Keep the strength that was requested.`,
          related: [{ span: before.span, message: 'the first strength' }],
        };
      }
    }
  }
  return undefined;
}

/** A medication request whose quantity disagrees with its dosing and duration, or with two strengths. */
export const medicationQuantityMismatch: Rule = {
  meta: {
    id: 'medication-quantity-mismatch',
    defaultSeverity: 'warning',
    description: "A medication request's quantity disagrees with its own dosing and duration, or its strength is stated two ways.",
    fixable: false,
  },
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const item of doc.items) {
      const span = item.title.span;
      if (span.end <= span.start || span.end - span.start > 3000) continue;
      // The title as written (line breaks included), so that offsets are the document's.
      const title = doc.plain.slice(span.start, span.end);
      const q = quantityFinding(item.medication);
      if (q) out.push(q);
      const s = strengthFinding(title, span.start);
      if (s) out.push(s);
    }
    return out;
  },
};
