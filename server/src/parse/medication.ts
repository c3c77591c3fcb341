// Reading a medication request as a title writes it: "Norco 10/325mg one tablet twice daily for 14 days,
// #40". Every figure is taken only when it is explicit; what is not understood is left undefined, and the
// rule that uses this module then says nothing. All patterns have bounded repetitions (linear scans).
import type { Figure, MedicationItem, MedicationRequest, Range, Strength } from '../model/medication.js';
import type { MedicationTable } from '../guidelines/medications.js';

export type { Figure, MedicationRequest, Range, Strength };

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90, a: 1, an: 1, single: 1,
};
const NUM = String.raw`(?:\d{1,3}(?:\.\d{1,2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety|half)`;
const NUM_RANGE = String.raw`${NUM}(?:\s{0,3}(?:-|to|or)\s{0,3}${NUM})?`;
// Doses are counted in these forms; "by mouth" / "orally" / "PO" imply one counted unit.
const FORM = String.raw`(?:tablets?|tabs?|capsules?|caps?|pills?|patch(?:es)?|lozenges?|suppositor(?:y|ies))\b`;
const ROUTE = String.raw`(?:by\s+mouth|orally|p\.?o\.?)(?![a-z])`;

function num(s: string): number {
  const t = s.toLowerCase();
  if (t === 'half') return 0.5;
  return WORD_NUMBERS[t] ?? Number(t);
}

function range(s: string): Range {
  const parts = s.split(/\s*(?:-|to|or)\s*/i).filter(Boolean).map(num);
  const a = parts[0];
  const b = parts.length > 1 ? parts[parts.length - 1] : a;
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

// Not "#60 tablets" or "(40 tablets)", which are quantities; a dose is at most 4 units (see doseIn).
const DOSE_RE = new RegExp(String.raw`(?<![\w/.#(])(${NUM_RANGE})\s{0,3}(?:${FORM}(?:\s{0,3}${ROUTE})?|${ROUTE})`, 'gi');
const MAX_DOSE = 4;

function doseIn(t: string, base: number): Figure<Range> | undefined {
  DOSE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DOSE_RE.exec(t))) {
    const r = range(m[1]);
    if (r.max <= MAX_DOSE && r.min > 0) return { value: r, span: { start: base + m.index, end: base + m.index + m[0].length }, raw: m[0] };
  }
  return undefined;
}

const FREQ: { re: RegExp; perDay: (m: RegExpExecArray) => Range }[] = [
  { re: new RegExp(String.raw`\bevery\s{1,3}(${NUM_RANGE})\s{0,3}(?:hours?|hrs?|h)\b`, 'i'), perDay: (m) => { const r = range(m[1]); return { min: 24 / r.max, max: 24 / r.min }; } },
  { re: /\bq\s?(\d{1,2})\s?(?:h|hrs?|hours?)\b/i, perDay: (m) => ({ min: 24 / +m[1], max: 24 / +m[1] }) },
  { re: new RegExp(String.raw`\b(${NUM_RANGE})\s{1,3}times\s{1,3}(?:a|per|each|every)\s{1,3}day\b|\b(${NUM_RANGE})\s{1,3}times\s{1,3}daily\b`, 'i'), perDay: (m) => range(m[1] ?? m[2]) },
  { re: /\b(?:twice\s+(?:a\s+|per\s+|each\s+)?day|twice\s+daily|b\.?i\.?d\.?)(?![a-z])/i, perDay: () => ({ min: 2, max: 2 }) },
  { re: /\b(?:thrice\s+(?:a\s+)?day|thrice\s+daily|t\.?i\.?d\.?)(?![a-z])/i, perDay: () => ({ min: 3, max: 3 }) },
  { re: /\bq\.?i\.?d\.?(?![a-z])/i, perDay: () => ({ min: 4, max: 4 }) },
  // Last: "a day" and "daily" are also parts of the patterns above ("twice a day", "3 times daily").
  { re: /\b(?:once\s+(?:a\s+|per\s+|each\s+)?day|once\s+daily|daily|every\s+day|each\s+day|per\s+day|a\s+day|q\.?\s?d\.?|qhs|q\.?h\.?s\.?|at\s+bedtime|nightly|every\s+(?:night|morning|evening))(?![a-z])/i, perDay: () => ({ min: 1, max: 1 }) },
];

const DAYS: { re: RegExp; days: (m: RegExpExecArray) => Range }[] = [
  { re: new RegExp(String.raw`\b(?:for|x|times|over)\s{0,3}(${NUM_RANGE})\s{0,3}(days?|weeks?|months?)\b`, 'i'), days: (m) => scale(range(m[1]), m[2]) },
  // Not "#60 day supply: 30", where 60 is the quantity.
  { re: new RegExp(String.raw`(?<![#\w.])(${NUM_RANGE})[\s-]{1,3}(day|week|month)s?[\s-]{1,3}supply\b`, 'i'), days: (m) => scale(range(m[1]), m[2]) },
  { re: /\bday\s+supply\s*(?::\s*)?(\d{1,3})\b/i, days: (m) => ({ min: +m[1], max: +m[1] }) },
];

function scale(r: Range, unit: string): Range {
  const u = unit.toLowerCase();
  if (u.startsWith('week')) return { min: r.min * 7, max: r.max * 7 };
  if (u.startsWith('month')) return { min: r.min * 28, max: r.max * 31 };
  return r;
}

// "#40", "# 40", "quantity: 40", "qty 40", "dispense 40", "(40 tablets)"; not "#60 grams".
const QUANTITY_RE = new RegExp(
  String.raw`(?:#\s{0,2}(\d{1,4})|\b(?:quantity|qty|dispense|disp)\.?\s{0,3}:?\s{0,3}#?\s{0,2}(\d{1,4})|\((\d{1,4})\s{0,3}${FORM}\))(?!\s{0,3}(?:g|gm|grams?|ml|mls|oz|ounces?|cc|tubes?|bottles?|box(?:es)?)\b)(?![\d.%/])`,
  'i',
);
const REFILLS_RE = new RegExp(String.raw`\b(?:with\s+)?(${NUM}|no)\s{1,3}refills?\b`, 'i');
const AS_NEEDED_RE = /\b(?:as\s+needed|p\.?r\.?n\.?|if\s+needed|when\s+needed)\b/i;

// A drug name, an optional formulation or parenthetical, then the strength: "Norco 10/325mg",
// "Ultram (tramadol) 50mg", "Oxycodone HCL ER 20 mg", "Diclofenac/misoprostol 75-0.2mg".
const STRENGTH_RE =
  /\b([A-Za-z][A-Za-z-]{2,30})(?:\s{1,3}(?:ER|XR|SR|CR|DR|ES|XL|IR|HCL|HCl|hydrochloride|sodium|sod|tartrate|ODT)){0,3}(?:\s{0,3}\([^()\n]{1,40}\))?\s{1,3}(\d{1,4}(?:\.\d{1,3})?(?:\s{0,2}[/-]\s{0,2}\d{1,4}(?:\.\d{1,3})?){0,2})\s{0,2}(mg|mcg|%)(?![a-z])/gi;
const NOT_A_DRUG = new Set([
  'and', 'the', 'with', 'for', 'of', 'take', 'tablet', 'tablets', 'tab', 'tabs', 'capsule', 'capsules', 'cap', 'caps', 'cream',
  'ointment', 'gel', 'patch', 'patches', 'lotion', 'base', 'solution', 'suspension', 'was', 'request', 'original', 'portion',
  'remaining', 'authorized', 'refill', 'refills', 'dose', 'doses', 'daily', 'day', 'oral', 'topical', 'than', 'over', 'under',
]);

function first<T>(text: string, base: number, re: RegExp, value: (m: RegExpExecArray) => T): Figure<T> | undefined {
  const m = re.exec(text);
  return m ? { value: value(m), span: { start: base + m.index, end: base + m.index + m[0].length }, raw: m[0] } : undefined;
}

/** Drug strengths written in `text` ("norco" 10/325 mg at its span). */
export function strengthsIn(text: string, base = 0): Strength[] {
  const out: Strength[] = [];
  STRENGTH_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STRENGTH_RE.exec(text))) {
    const drug = m[1].toLowerCase();
    if (NOT_A_DRUG.has(drug)) continue;
    out.push({
      drug,
      value: m[2].split(/\s*[/-]\s*/).map((x) => String(Number(x))).join('/'),
      unit: m[3].toLowerCase() as Strength['unit'],
      span: { start: base + m.index, end: base + m.index + m[0].length },
      raw: m[0],
    });
  }
  return out;
}

/** Reads one medication request (a title or the original part of one). `base` is the text's offset. */
export function parseMedication(text: string, base = 0): MedicationRequest {
  const t = text.slice(0, 1000);
  const refills = REFILLS_RE.exec(t);
  return {
    strengths: strengthsIn(t, base),
    dose: doseIn(t, base),
    frequency: FREQ.map((f) => first(t, base, f.re, f.perDay)).find((x) => x),
    days: DAYS.map((d) => first(t, base, d.re, d.days)).find((x) => x),
    quantity: first(t, base, QUANTITY_RE, (m) => +(m[1] ?? m[2] ?? m[3])),
    refills: refills ? (refills[1].toLowerCase() === 'no' ? 0 : num(refills[1])) : undefined,
    asNeeded: AS_NEEDED_RE.test(t),
  };
}

/** Units the dosing adds up to over the duration (dose x doses per day x days), rounded outward. */
export function expectedQuantity(r: MedicationRequest): Range | undefined {
  if (!r.dose || !r.frequency || !r.days) return undefined;
  return {
    min: Math.floor(r.dose.value.min * r.frequency.value.min * r.days.value.min + 1e-9),
    max: Math.ceil(r.dose.value.max * r.frequency.value.max * r.days.value.max - 1e-9),
  };
}

/**
 * The parts of a partial-certification title that state the request itself: the original request and the
 * remaining portion, not what the Claims Administrator authorized (which may legitimately differ).
 */
export function requestParts(title: string, base = 0): { text: string; base: number }[] {
  const orig = /\bwas\s+the\s+original\s+request\b/i.exec(title);
  if (!orig) return [{ text: title, base }];
  const parts = [{ text: title.slice(0, orig.index), base }];
  const rest = /\b(?:remaining\s+IMR\s+eligible\s+portion\s+of\s+the\s+original\s+request|the\s+original\s+request)\s*,/gi;
  rest.lastIndex = orig.index + orig[0].length;
  const r = rest.exec(title);
  if (r) parts.push({ text: title.slice(r.index + r[0].length), base: base + r.index + r[0].length });
  return parts;
}

const TOPICAL_RE = /\b(?:creams?|gels?|lotions?|ointments?|patch(?:es)?|sprays?|topicals?|compound(?:ed)?|liniments?|transdermal)\b/i;

/**
 * A disputed item's request read as a medication, or undefined when it states nothing of one (no drug of
 * the table, no strength, dose or quantity). Of a partial certification, the original request is read.
 */
export function medicationItem(title: string, base: number, table: MedicationTable): MedicationItem | undefined {
  const [original] = requestParts(title, base);
  const req = parseMedication(original.text, original.base);
  const t = original.text.slice(0, 1000);
  const drugs = table.drugsIn(t).map((d) => ({ name: d.name, span: { start: original.base + d.index, end: original.base + d.index + d.name.length } }));
  if (drugs.length === 0 && req.strengths.length === 0 && !req.quantity && !req.dose) return undefined;
  return { ...req, drugs, topical: TOPICAL_RE.test(t) };
}
