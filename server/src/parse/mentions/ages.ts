import type { DateMention, Determination } from '../../model/determination.js';
import type { AgeMention, Mentions } from '../../model/mentions.js';

// Words that name the patient after "a 50 year old" (adjectives such as "right-handed" may come between).
const PERSON_RE = /^(?:female|male|woman|man|gentleman|lady|patient|injured|worker|claimant|applicant|employee|individual|person)\b/i;
// Others whose age a letter may give ("her 5-year-old son", "a 70 year old mother").
const OTHER_RE = /^(?:son|daughter|child|children|kid|boy|girl|baby|infant|grand\w*|brother|sister|sibling|mother|father|parent|wife|husband|spouse|partner|friend|dog|cat)\b/i;
// "is a 32-year-old", "a(n) 59 year old female", "this 26 year old male", "a now 58-year-old female".
const YEAR_OLD_RE = /\b(?:(is|was)\s+)?(?:the|this|a|an|a\s*\(\s*n\s*\))\s+(?:now\s+|then\s+)?(\d{1,3})\s*(?:-\s*)?(?:years?|yrs?)\s*(?:-\s*)?old\b/gi;
// "The patient is 50 years old", "she is 50 years of age".
const YEARS_OF_AGE_RE = /\b(?:patient|injured\s+worker|claimant|applicant|employee|he|she)\s+(?:is|was)\s+(?:now\s+)?(\d{1,3})\s+years?\s+(?:old|of\s+age)\b/gi;
// "given her age of 56 years", "the applicant, now 28,", "the patient, aged 60,".
// Also "56 y/o", "56 yo" after the patient, and "the patient, age 56".
const AGE_OF_RE = /\b(?:(?:his|her|the\s+(?:patient|injured\s+worker|applicant|claimant)'s)\s+age\s+of\s+(\d{1,3})\b|(?:patient|injured\s+worker|applicant|claimant|employee)\s*,\s*(?:now|aged?)\s+(\d{1,3})\s*,|(?:is|was)\s+an?\s+(\d{1,3})\s*(?:y\/o|yo|y\.o\.)(?![\w/]))/gi;
// "Age: 50" at the start of a line.
const AGE_LABEL_RE = /(?:^|\n)[ \t]*Age\s*:\s*(\d{1,3})\b/g;
const DOB_BEFORE = /(?:date\s+of\s+birth|\bD\.?O\.?B\.?|\bborn(?:\s+on)?)\s*(?:(?:is|was|of|:|-)\s*)?$/i;
// "born in 1960", "year of birth: 1960", "birth year 1960".
const BIRTH_YEAR_RE = /\b(?:born\s+in|year\s+of\s+birth|birth\s+year)\s*(?:(?:is|was|of|:|-)\s*)?((?:19|20)\d\d)\b(?![/-]\d)/gi;
// The subject of "is a 5 year old" is a relative: "His son is a 5 year old".
const RELATIVE_SUBJECT = /\b(?:son|daughter|child|wife|husband|mother|father|brother|sister|spouse|grand\w+)\s*$/i;

/** Every statement of the patient's age, outside the reviewer boilerplate, in text order. */
export function findAges(doc: Pick<Determination, 'plain' | 'sections'>): AgeMention[] {
  const plain = doc.plain;
  const skip = doc.sections.filter((s) => s.kind === 'howMade').map((s) => s.bodySpan);
  const out: AgeMention[] = [];
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
  for (const m of plain.matchAll(AGE_OF_RE)) {
    const v = m[1] ?? m[2] ?? m[3];
    add(+v, m.index + m[0].lastIndexOf(v), v.length);
  }
  for (const m of plain.matchAll(AGE_LABEL_RE)) add(+m[1], m.index + m[0].lastIndexOf(m[1]), m[1].length);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** A stated date of birth (a full date after "date of birth", "DOB", "born on"), or a year of birth. */
export function findBirth(doc: Pick<Determination, 'plain' | 'dates'>): Mentions['birth'] {
  const d: DateMention | undefined = doc.dates.find((x) => x.role !== 'header' && x.date?.day !== undefined && DOB_BEFORE.test(doc.plain.slice(Math.max(0, x.span.start - 30), x.span.start)));
  if (d?.date) return { span: d.span, year: d.date.year, month: d.date.month, day: d.date.day };
  BIRTH_YEAR_RE.lastIndex = 0;
  const m = BIRTH_YEAR_RE.exec(doc.plain);
  if (!m) return undefined;
  const at = m.index + m[0].lastIndexOf(m[1]);
  return { span: { start: at, end: at + 4 }, year: +m[1] };
}
