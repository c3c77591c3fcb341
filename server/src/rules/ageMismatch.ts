import type { CalendarDate, DateMention, Determination } from '../model/determination.js';
import type { Span } from '../types.js';
import type { Rule, RuleFinding } from './rule.js';

/** A statement of the patient's age: the number's span and value. */
export interface AgeStatement {
  value: number;
  span: Span;
}

// Words that name the patient after "a 50 year old" (adjectives such as "right-handed" may come between).
const PERSON_RE = /^(?:female|male|woman|man|gentleman|lady|patient|injured|worker|claimant|applicant|employee|individual|person)\b/i;
// Others whose age a letter may give ("her 5-year-old son", "a 70 year old mother").
const OTHER_RE = /^(?:son|daughter|child|children|kid|boy|girl|baby|infant|grand\w*|brother|sister|sibling|mother|father|parent|wife|husband|spouse|partner|friend|dog|cat)\b/i;
// "is a 32-year-old", "a(n) 59 year old female", "this 26 year old male", "a now 58-year-old female".
const YEAR_OLD_RE = /\b(?:(is|was)\s+)?(?:the|this|a|an|a\s*\(\s*n\s*\))\s+(?:now\s+|then\s+)?(\d{1,3})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b/gi;
// "The patient is 50 years old", "she is 50 years of age".
const YEARS_OF_AGE_RE = /\b(?:patient|injured\s+worker|claimant|applicant|employee|he|she)\s+(?:is|was)\s+(?:now\s+)?(\d{1,3})\s+years?\s+(?:old|of\s+age)\b/gi;
// "Age: 50" at the start of a line.
const AGE_LABEL_RE = /(?:^|\n)[ \t]*Age\s*:\s*(\d{1,3})\b/g;
const DOB_BEFORE = /(?:date\s+of\s+birth|\bD\.?O\.?B\.?|\bborn(?:\s+on)?)\s*(?:is|was|of|:|-)?\s*$/i;
// The subject of "is a 5 year old" is a relative: "His son is a 5 year old".
const RELATIVE_SUBJECT = /\b(?:son|daughter|child|wife|husband|mother|father|brother|sister|spouse|grand\w+)\s*$/i;

/** Every statement of the patient's age, outside the reviewer boilerplate, in text order. */
export function ageStatements(doc: Determination): AgeStatement[] {
  const plain = doc.plain;
  const skip = doc.sections.filter((s) => s.kind === 'howMade').map((s) => s.bodySpan);
  const out: AgeStatement[] = [];
  const starts = new Set<number>();
  const add = (value: number, start: number, len: number) => {
    if (value < 1 || value > 120 || starts.has(start) || skip.some((s) => start >= s.start && start < s.end)) return;
    starts.add(start);
    out.push({ value, span: { start, end: start + len } });
  };
  for (const m of plain.matchAll(YEAR_OLD_RE)) {
    // Up to three words after "year old" ("right-handed", "white") before the noun.
    const words = plain.slice(m.index + m[0].length, m.index + m[0].length + 60).replace(/^[\s,-]+/, '').split(/[\s,]+/).slice(0, 4);
    const noun = words.find((w) => PERSON_RE.test(w) || OTHER_RE.test(w));
    if (noun && OTHER_RE.test(noun)) continue;
    if (OTHER_RE.test(words[0] ?? '')) continue;
    // Without a noun naming the patient, only a subject complement counts ("is a 32-year-old that ..."),
    // and only when the subject is not a relative.
    if (!noun && (!m[1] || RELATIVE_SUBJECT.test(plain.slice(Math.max(0, m.index - 30), m.index)))) continue;
    const numAt = m.index + m[0].search(/\d/);
    add(+m[2], numAt, m[2].length);
  }
  for (const m of plain.matchAll(YEARS_OF_AGE_RE)) add(+m[1], m.index + m[0].search(/\d/), m[1].length);
  for (const m of plain.matchAll(AGE_LABEL_RE)) add(+m[1], m.index + m[0].lastIndexOf(m[1]), m[1].length);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** A stated date of birth: a full date right after "date of birth", "DOB" or "born on". */
export function dateOfBirth(doc: Determination): DateMention | undefined {
  return doc.dates.find((d) => d.role !== 'header' && d.date?.day !== undefined && DOB_BEFORE.test(doc.plain.slice(Math.max(0, d.span.start - 30), d.span.start)));
}

/** Whole years from `born` to `at`. */
export function yearsBetween(born: CalendarDate, at: CalendarDate): number {
  let years = at.year - born.year;
  if (at.month < born.month || (at.month === born.month && (at.day ?? 1) < (born.day ?? 1))) years--;
  return years;
}

/**
 * Two statements of the patient's age that disagree ("a 50 year old female" ... "The claimant is a 52 year
 * old female"), or an age that a stated date of birth contradicts at the Decision Date (the age may be a
 * year less: the records predate the decision, and a birthday may fall between).
 */
export const ageMismatch: Rule = {
  meta: { id: 'age-mismatch', defaultSeverity: 'error', description: 'Two statements of the patient\'s age disagree, or the age disagrees with the date of birth.', fixable: true },
  check({ doc }) {
    const out: RuleFinding[] = [];
    const ages = ageStatements(doc);
    const text = doc.text;
    const dob = dateOfBirth(doc);
    const decision = doc.header.decisionDate?.date?.date;
    const expected = dob?.date && decision ? yearsBetween(dob.date, decision) : undefined;
    if (dob && expected !== undefined && expected >= 0) {
      for (const a of ages) {
        if (a.value === expected || a.value === expected - 1) continue;
        out.push({
          span: a.span,
          message: `The patient's age is given as ${a.value}, but the date of birth ${dob.raw} makes the patient ${expected} at the Decision Date (${doc.header.decisionDate!.raw}). Correct the age or the date of birth.`,
          related: [{ span: dob.span, message: 'Date of birth' }, { span: doc.header.decisionDate!.valueSpan, message: 'Decision Date' }],
          fixes: [{ title: `Change the age to ${expected}`, edits: [{ span: a.span, newText: String(expected) }], preferred: true }],
        });
      }
      return out;
    }
    const first = ages[0];
    for (const a of ages.slice(1)) {
      if (a.value === first.value) continue;
      out.push({
        span: a.span,
        message: `The patient's age here (${text.slice(a.span.start, a.span.end)}) differs from the age stated first (${first.value}). One of them is wrong: check the records and make them agree.`,
        related: [{ span: first.span, message: 'Age stated first' }],
        fixes: [
          { title: `Change to ${first.value} (the age stated first)`, edits: [{ span: a.span, newText: String(first.value) }], preferred: true },
          { title: `Change the first statement to ${a.value}`, edits: [{ span: first.span, newText: String(a.value) }] },
        ],
      });
    }
    return out;
  },
};
