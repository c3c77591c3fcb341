// A medication request as the model holds it: each figure only when the title states it explicitly
// (read by parse/medication.ts); what is not understood stays undefined and the rules say nothing.
import type { Span } from '../types.js';

/** A closed range of numbers; min === max for an exact figure. */
export interface Range {
  min: number;
  max: number;
}

/** "30", or "20-30" for a range. */
export function formatRange(r: Range): string {
  return r.min === r.max ? `${r.min}` : `${r.min}-${r.max}`;
}

export interface Figure<T> {
  value: T;
  /** Offsets in the text given to the parser (plus its base). */
  span: Span;
  raw: string;
}

export interface Strength {
  /** The drug name as written before the strength, lower case ("norco"). */
  drug: string;
  /** The strength's numbers, normalized ("10/325"). */
  value: string;
  unit: 'mg' | 'mcg' | '%';
  span: Span;
  raw: string;
}

export interface MedicationRequest {
  strengths: Strength[];
  /** Units per dose ("one tablet", "1-2 tabs"): only with a counted form (tablet, capsule, pill, patch) or "by mouth". */
  dose?: Figure<Range>;
  /** Doses per day ("twice daily", "every 4-6 hours"). */
  frequency?: Figure<Range>;
  /** Days of treatment ("for 14 days", "x 2 weeks", "30-day supply"). */
  days?: Figure<Range>;
  /** Units dispensed ("#40", "quantity: 40", "(40 tablets)"); never a weight or a volume ("#60 grams"). */
  quantity?: Figure<number>;
  /** Refills of the dispensed quantity ("with 2 refills"). */
  refills?: number;
  /** "as needed", "PRN": the dosing is a ceiling. */
  asNeeded: boolean;
}

/** A drug the guideline table knows, named in a request. */
export interface DrugMention {
  /** As the table names it, lower case ("cyclobenzaprine", "norco"). */
  name: string;
  span: Span;
}

/** A disputed item read as a medication request: its original request (of a partial certification). */
export interface MedicationItem extends MedicationRequest {
  /** Drugs of the guideline table the request names, left to right. */
  drugs: DrugMention[];
  /** A cream, gel, lotion, ointment, patch, spray or compound: the rows of route "topical" apply. */
  topical: boolean;
}
