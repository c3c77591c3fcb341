import type { Determination } from '../model/determination.js';
import type { Span } from '../types.js';
import type { Rule, RuleFinding } from './rule.js';
import { sentencesIn } from './sentences.js';

type Sex = 'female' | 'male';

/** Where the letter states the patient's sex: "a 50 year old female", "is a male", "this female patient". */
const SEX_STATEMENT_RE =
  /\b\d{1,3}\s*-?\s*(?:years?|yrs?)\s*-?\s*old\s+(?:[\w-]+\s+){0,2}?(female|male|woman|man|gentleman|lady)\b|\b(?:is|was)\s+an?\s+(female|male|woman|man|gentleman|lady)\b|\b(?:the|this|a)\s+(female|male)\s+(?:patient|injured\s+worker|claimant|applicant|employee|worker)\b/gi;

const sexOf = (w: string): Sex => (/^(?:female|woman|lady)$/i.test(w) ? 'female' : 'male');

/** The patient's sex as the letter states it, and where; undefined when unstated or stated both ways. */
export function statedSex(doc: Determination): { value: Sex; span: Span } | undefined {
  let found: { value: Sex; span: Span } | undefined;
  for (const m of doc.plain.matchAll(SEX_STATEMENT_RE)) {
    const word = m[1] ?? m[2] ?? m[3];
    const at = m.index + m[0].toLowerCase().lastIndexOf(word.toLowerCase());
    const value = sexOf(word);
    if (found && found.value !== value) return undefined;
    found ??= { value, span: { start: at, end: at + word.length } };
  }
  return found;
}

// Reviewer boilerplate for the reviewer or for any patient: "He/she", "his/her", "he or she".
const NEUTRAL_RE = /\b(?:he\s*\/\s*she|she\s*\/\s*he|his\s*\/\s*hers?|hers?\s*\/\s*his|him\s*\/\s*her|her\s*\/\s*him|s\/he|(?:he|she|his|her|him|himself|herself)\s+or\s+(?:he|she|his|her|him|himself|herself))\b/gi;
// Quotations (straight or curly double quotes, at most 400 characters): someone else's words.
const QUOTE_RE = /"[^"\n]{0,400}?"|\u201c[^\u201d]{0,400}?\u201d/g;

// The patient as the subject, at the start of a sentence or after a short lead-in ending with a comma
// ("In this case, the patient ..."; "On October 28, 2016, the injured worker ..."). Not "the patient's wife".
const SUBJECT_RE = /^(?:[^,.;]{0,80},\s*){0,2}(?:the|this)\s+(?:\d{1,3}\s*-?\s*years?\s*-?\s*old\s+(?:female|male|woman|man)\s+)?(?:patient|injured\s+worker|IW|claimant|applicant|employee|worker)\b(?!\s*'s|\u2019s|s\b)/i;
// A modal right after the subject makes the sentence a rule for any patient ("The patient should ...").
const MODAL_RE = /^\s*(?:should|must|may|might|would|could|can|shall|needs?\s+to|has\s+to)\b/i;
// Anyone else a pronoun could stand for.
const OTHER_PERSON_RE =
  /\b(?:Dr|Mr|Mrs|Ms|Miss|M\.?D|D\.?C|physicians?|doctors?|providers?|surgeons?|therapists?|chiropractors?|acupuncturists?|psycholog\w+|psychiatrists?|neurologists?|orthop\w+|podiatrists?|dentists?|specialists?|consultants?|examiners?|evaluators?|reviewers?|clinicians?|practitioners?|nurses?|PA|NP|QME|AME|PTP|PCP|PTPs|treaters?|attorneys?|lawyers?|adjusters?|managers?|employers?|supervisors?|co-?workers?|colleagues?|wife|husband|spouse|partner|son|daughter|mother|father|brother|sister|child|children|friends?|boyfriend|girlfriend|family|relatives?|caregivers?|aides?|counselors?|staff|someone|somebody|person|people|customers?|driver|officer|guard|technician|radiologist|author|writer|requestor|requester|requesting|treating|attending|primary|administrator|UR|witness|eyewitness|coach|teacher|client|passenger|visitor|neighbou?r|owner|boss|foreman)\b/i;
const PRONOUN_RE = /\b(he|him|his|himself|she|her|hers|herself)\b/gi;
const MALE = new Set(['he', 'him', 'his', 'himself']);

/** The pronoun of the other sex, as the patient's ("his" -> "her"); "her" becomes "his" or "him" by what follows. */
function counterpart(word: string, following: string): string {
  const w = word.toLowerCase();
  const map: Record<string, string> = { he: 'she', him: 'her', his: 'her', himself: 'herself', she: 'he', hers: 'his', herself: 'himself' };
  let out = map[w];
  if (w === 'her') out = /^\s*(?:[.,;:!?)]|$|(?:to|for|with|and|or|at|in|into|on|onto|that|from|about|as|by|again|back|up|down|off|out|away|awake|home|well|better|worse|if|when|while|because|was|is|had|has|would|will|the|a|an)\b)/i.test(following) ? 'him' : 'his';
  return word[0] === word[0].toUpperCase() ? out[0].toUpperCase() + out.slice(1) : out;
}

/** The narrative spans: the clinical summary and each rationale. */
function narrativeSpans(doc: Determination): Span[] {
  const spans = doc.sections.filter((s) => s.kind === 'summary').map((s) => s.bodySpan);
  for (const item of doc.items) if (item.rationale) spans.push(item.rationale.valueSpan);
  return spans;
}

/**
 * A pronoun of the other sex whose antecedent is plainly the patient: in a sentence whose subject is the
 * patient, with nobody else named before it ("The patient reported that his pain ..."), or opening the
 * sentence right after such a sentence that names nobody else ("This patient did not have nerve
 * deficits. He had normal strength ..."). Boilerplate ("he/she") and quotations are left out.
 */
export const pronounMismatch: Rule = {
  meta: { id: 'pronoun-mismatch', defaultSeverity: 'warning', description: 'The narrative refers to the patient with a pronoun of the other sex than the one stated.', fixable: true },
  check({ doc }) {
    const sex = statedSex(doc);
    if (!sex) return [];
    const out: RuleFinding[] = [];
    // The text the rule reads: boilerplate and quotations blanked (same offsets).
    const blank = (s: string) => s.replace(/[^\n]/g, ' ');
    const text = doc.plain.replace(NEUTRAL_RE, blank).replace(QUOTE_RE, blank);
    const wrong = (w: string) => (MALE.has(w.toLowerCase()) ? 'male' : 'female') !== sex.value;
    const seen = new Set<number>();
    const report = (at: number, word: string) => {
      if (seen.has(at)) return;
      seen.add(at);
      const fixed = counterpart(word, text.slice(at + word.length, at + word.length + 20));
      // "her" is "his" or "him" by its role; the other reading is offered too.
      const alternative = word.toLowerCase() === 'her' ? (fixed.toLowerCase() === 'his' ? 'him' : 'his') : undefined;
      const alt = alternative && (word[0] === 'H' ? alternative[0].toUpperCase() + alternative.slice(1) : alternative);
      out.push({
        span: { start: at, end: at + word.length },
        message: `"${word}" refers to the patient, whom the letter states to be ${sex.value} ("${doc.text.slice(sex.span.start, sex.span.end)}"). Use "${fixed}", or correct the patient's sex.`,
        related: [{ span: sex.span, message: 'Patient\'s sex as stated' }],
        fixes: [
          { title: `Change to "${fixed}"`, edits: [{ span: { start: at, end: at + word.length }, newText: fixed }], preferred: true },
          ...(alt ? [{ title: `Change to "${alt}"`, edits: [{ span: { start: at, end: at + word.length }, newText: alt }] }] : []),
        ],
      });
    };
    for (const span of narrativeSpans(doc)) {
      const sentences = sentencesIn(text, span);
      let prevAboutPatientOnly = false;
      let prevEnd = -1;
      for (const s of sentences) {
        const sentence = text.slice(s.start, s.end);
        // Adjacent sentences only: a blank line between them starts another topic.
        const adjacent = prevEnd >= 0 && !/\n[ \t\r\f]*\n/.test(text.slice(prevEnd, s.start));
        const subject = SUBJECT_RE.exec(sentence);
        const aboutPatient = !!subject && !MODAL_RE.test(sentence.slice(subject[0].length));
        if (sentence.length <= 600) {
          // The sentence opens with the pronoun, and the sentence before is about the patient alone.
          const lead = /^(he|him|his|she|her)\b/i.exec(sentence);
          if (lead && adjacent && prevAboutPatientOnly && wrong(lead[1])) report(s.start, lead[1]);
          // Within a sentence about the patient: the pronouns before anyone else is named.
          if (aboutPatient) {
            const from = subject![0].length;
            const rest = sentence.slice(from);
            const other = OTHER_PERSON_RE.exec(rest);
            for (const m of rest.slice(0, other ? other.index : rest.length).matchAll(PRONOUN_RE)) {
              if (wrong(m[1])) report(s.start + from + m.index, m[1]);
            }
          }
        }
        prevAboutPatientOnly = aboutPatient && !OTHER_PERSON_RE.test(sentence.slice(subject![0].length));
        prevEnd = s.end;
      }
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
};
