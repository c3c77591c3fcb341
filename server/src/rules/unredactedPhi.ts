import type { Span } from '../types.js';
import type { Rule, RuleFinding } from './rule.js';

export const REDACTION_MARK = '[REDACTED]';

// Identifiers a published determination must not contain. Every pattern is anchored on something specific
// (dashes in fixed places, an "@", a street suffix, a birth-date label) and has bounded repetitions only,
// so a scan is linear in the text. Case numbers (CM16-0219557), dates of service, page numbers and
// CPT/ICD codes (97110, M54.5) match none of them.
interface PhiPattern {
  kind: string;
  re: RegExp;
  /** Group whose text is the identifier (0: the whole match). */
  group?: number;
}

const STREET_SUFFIX =
  'Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Terrace|Ter|Square|Sq';

const PATTERNS: PhiPattern[] = [
  { kind: 'social security number', re: /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])/g },
  { kind: 'social security number', re: /\b(?:SSN|SS#|social\s+security(?:\s+(?:number|no\.?|#))?)\s*(?:[:#]\s*)?(\d{9}|\d{3}\s\d{2}\s\d{4})(?!\w)/gi, group: 1 },
  { kind: 'phone number', re: /(?<![\w-])(?:1[-. ])?(?:\(\d{3}\)[ \t]?|\d{3}[-.])\d{3}[-.]\d{4}(?![\w-])/g },
  { kind: 'e-mail address', re: /(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,5}\.[A-Za-z]{2,24}(?![\w-])/g },
  {
    kind: 'street address',
    // 1234 Main Street, 12 N. Oak Ave., 500 West 5th St: a number, one to four capitalised words (or an
    // ordinal), a street suffix; all on one line.
    re: new RegExp(String.raw`(?<![\w/.#-])\d{1,6}(?:-\d{1,4})?[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))(?:[ \t]+(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))){0,3}[ \t]+(?:${STREET_SUFFIX})\b\.?`, 'g'),
  },
  { kind: 'post office box', re: /\bP\.?[ \t]?O\.?[ \t]+Box[ \t]+\d{1,6}\b/gi },
];

// A full date (month, day, year) right after a birth-date label: "DOB: 01/02/1960", "date of birth of 01/02/1960".
// "born" only right before the date: "born on 01/02/1960" (not "born in Mexico, and on 10/12/2016 ...").
export const DOB_CUE = /(?:(?:\bDOB\b|\bD\.O\.B\b\.?|\bdate\s+of\s+birth\b|\bbirth\s*date\b)[^.;\n]{0,30}|\bborn(?:\s+on)?\s*(?:[:,]\s*)?)$/i;

// An address or phone number of an organization (the IMR organization, the Division, a clinic) in a footer
// or a "send correspondence to" sentence is public, not the patient's: its clause names the organization.
const ORGANIZATION_BEFORE =
  /\b(?:MAXIMUS|Federal\s+Services|Division\s+of\s+Workers'?\s*Compensation|DWC|Department\s+of\s+Industrial\s+Relations|DIR|Independent\s+Medical\s+Review|IMR|Inc|LLC|L\.L\.C|Corp(?:oration)?|Company|Services|Hospital|Medical\s+(?:Center|Group|Clinic)|Clinic|Institute|University|Administrator|Insurance|Office\s+of)\b[^.;!?]{0,120}$/i;
// ... unless the clause says it is the patient's.
const PATIENT_OWNED = /\b(?:patient|injured\s+worker|applicant|claimant|employee)(?:'s)?\b[^.;!?]{0,60}\b(?:lives|resides|residing|home|residence|address|phone|cell|telephone)\b|\b(?:his|her)\s+(?:home|residence|address|phone|cell)\b/i;

function organizationAddress(text: string, start: number, kind: string): boolean {
  if (kind !== 'street address' && kind !== 'post office box' && kind !== 'phone number') return false;
  const before = text.slice(Math.max(0, start - 160), start);
  return ORGANIZATION_BEFORE.test(before) && !PATIENT_OWNED.test(before);
}

/** Social security numbers, phone numbers, e-mail and street addresses, full dates of birth. */
export const unredactedPhi: Rule = {
  meta: {
    id: 'unredacted-phi',
    defaultSeverity: 'warning',
    description: 'The letter contains personal identifiers (SSN, phone, e-mail, street address, date of birth) that must be redacted.',
    fixable: true,
    // A redaction inside a header line can turn it into a label with a value ("Application [REDACTED]
    // Received:"): checked by doing it, like the structural remedies.
    verifyFixes: true,
  },
  check({ doc }) {
    const text = doc.text;
    const found: { span: Span; kind: string }[] = [];
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = p.re.exec(text))) {
        const g = p.group ?? 0;
        const start = m.index + (g ? m[0].lastIndexOf(m[g]) : 0);
        if (organizationAddress(text, start, p.kind)) continue;
        found.push({ span: { start, end: start + m[g].length }, kind: p.kind });
      }
    }
    for (const d of doc.dates) {
      if (!d.date || d.date.day === undefined || d.role === 'header') continue;
      if (DOB_CUE.test(doc.plain.slice(Math.max(0, d.span.start - 60), d.span.start))) found.push({ span: d.span, kind: 'date of birth' });
    }
    // One finding per place: the first-found of overlapping matches.
    found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    const out: RuleFinding[] = [];
    let lastEnd = -1;
    // A header value (Case Number, a date, the priority) is case metadata, never an identifier to redact.
    const inHeaderValue = (s: Span) => doc.headerFields.some((h) => s.start < h.valueSpan.end && h.valueSpan.start < s.end);
    for (const f of found) {
      if (f.span.start < lastEnd || inHeaderValue(f.span)) continue;
      lastEnd = f.span.end;
      // The identifier itself is not repeated in the message: messages end up in logs and reports.
      out.push({
        span: f.span,
        message: `${/^[aeiou]/.test(f.kind) ? 'An' : 'A'} ${f.kind} is in the letter. Published determinations are redacted: replace it with ${REDACTION_MARK}.`,
        fixes: [{ title: `Replace the ${f.kind} with ${REDACTION_MARK}`, kind: 'fix', edits: [{ span: f.span, newText: REDACTION_MARK }] }],
      });
    }
    return out;
  },
};
