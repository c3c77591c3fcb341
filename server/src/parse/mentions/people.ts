import type { Determination } from '../../model/determination.js';
import type { PronounMention, Sentence, Sex } from '../../model/mentions.js';
import type { Span } from '../../types.js';

/**
 * The patient, the other people of the narrative, and whom each gendered pronoun stands for. The referent
 * is the person last named in the paragraph: the patient ("the injured worker", "the patient"), or anyone
 * else (a physician, a relative, a reviewer, another patient in general). A pronoun with nobody named
 * before it in its paragraph is unclear. Boilerplate ("he/she") and quotations name nobody.
 */

/** Where the letter states the patient's sex: "a 50 year old female", "is a male", "this female patient". */
const SEX_STATEMENT_RE =
  /\b\d{1,3}\s*(?:-\s*)?(?:years?|yrs?)\s*(?:-\s*)?old\s+(?:[\w-]+\s+){0,2}?(female|male|woman|man|gentleman|lady)\b|\b(?:is|was)\s+an?\s+(female|male|woman|man|gentleman|lady)\b|\b(?:the|this|a)\s+(female|male)\s+(?:patient|injured\s+worker|claimant|applicant|employee|worker)\b/gi;
const sexOf = (w: string): Sex => (/^(?:female|woman|lady)$/i.test(w) ? 'female' : 'male');

/** The patient's sex as the letter states it, and where; undefined when unstated or stated both ways. */
export function statedSex(plain: string): { value: Sex; span: Span } | undefined {
  let found: { value: Sex; span: Span } | undefined;
  for (const m of plain.matchAll(SEX_STATEMENT_RE)) {
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

// The patient: "the patient", "this injured worker", "the 50-year-old female claimant". Not "patients",
// not "a patient" (any patient, in a guideline's words), not "the patient's wife" (the wife is named next).
const PATIENT = String.raw`\b(?:the|this|our)\s+(?:\d{1,3}\s*(?:-\s*)?years?\s*(?:-\s*)?old\s+(?:female|male|woman|man)\s+)?(?:patient|injured\s+worker|IW|claimant|applicant|employee|worker)\b(?!s\b)`;
// Anyone else a pronoun could stand for (a generic "a patient" or "patients" too).
const OTHER = String.raw`\b(?:Dr|Mr|Mrs|Ms|Miss|M\.?D|D\.?C|physicians?|doctors?|providers?|surgeons?|therapists?|chiropractors?|acupuncturists?|psycholog\w+|psychiatrists?|neurologists?|orthop\w+|podiatrists?|dentists?|specialists?|consultants?|examiners?|evaluators?|reviewers?|clinicians?|practitioners?|nurses?|PA|NP|QME|AME|PTP|PCP|PTPs|treaters?|attorneys?|lawyers?|adjusters?|managers?|employers?|supervisors?|co-?workers?|colleagues?|wife|husband|spouse|partner|son|daughter|mother|father|brother|sister|child|children|friends?|boyfriend|girlfriend|family|relatives?|caregivers?|aides?|counselors?|staff|someone|somebody|person|people|customers?|driver|officer|guard|technician|radiologist|author|writer|requestor|requester|administrator|witness|coach|teacher|client|passenger|visitor|neighbou?r|owner|boss|foreman|an?\s+(?:patient|injured\s+worker|individual|claimant)|patients|individuals)\b`;
const PRONOUN = String.raw`\b(he|him|his|himself|she|her|hers|herself)\b`;
const TOKEN_RE = new RegExp(`(?<patient>${PATIENT})|(?<other>${OTHER})|(?<pronoun>${PRONOUN})`, 'gi');
// A modal after the patient makes the sentence a rule for any patient ("The patient should be able to ...").
const MODAL_RE = /^\s*(?:should|must|may|might|would|could|can|shall|needs?\s+to|has\s+to)\b/i;
const MALE = new Set(['he', 'him', 'his', 'himself']);

/** The narrative text rules read for people: boilerplate and quotations blanked, same offsets. */
export function peopleText(plain: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return plain.replace(NEUTRAL_RE, blank).replace(QUOTE_RE, blank);
}

export function findPronouns(doc: Determination, sentences: Sentence[]): PronounMention[] {
  const text = peopleText(doc.plain);
  const out: PronounMention[] = [];
  let referent: 'patient' | 'other' | 'unclear' = 'unclear';
  // Someone else was named earlier in the paragraph: a pronoun in a later sentence that does not name the
  // patient itself could stand for either ("Dr. X saw the patient. She ...").
  let otherSeen = false;
  let part: unknown;
  sentences.forEach((s, index) => {
    // Each paragraph, and each part (the summary, a rationale), starts with nobody named.
    if (s.opensParagraph || s.item !== part) {
      referent = 'unclear';
      otherSeen = false;
    }
    part = s.item;
    let patientHere = false;
    let otherHere = false;
    if (s.span.end - s.span.start > 1500) {
      referent = 'unclear';
      return;
    }
    const sentence = text.slice(s.span.start, s.span.end);
    for (const m of sentence.matchAll(TOKEN_RE)) {
      const g = m.groups!;
      if (g.patient) {
        // "Dr. X examined the patient and noted that she ...": someone else named before the patient in the
        // sentence may be the subject; the pronouns after it are unclear.
        referent = MODAL_RE.test(sentence.slice(m.index + m[0].length)) ? 'other' : otherHere ? 'unclear' : 'patient';
        patientHere = referent === 'patient';
      } else if (g.other) {
        referent = 'other';
        otherSeen = true;
        otherHere = true;
      } else {
        const word = m[0];
        const who = referent === 'patient' && otherSeen && !patientHere ? 'unclear' : referent;
        out.push({ span: { start: s.span.start + m.index, end: s.span.start + m.index + word.length }, word, sex: MALE.has(word.toLowerCase()) ? 'male' : 'female', referent: who, sentence: index });
      }
    }
  });
  return out;
}
