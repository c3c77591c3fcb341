import type { DateMention, DateRole, Determination } from '../model/determination.js';
import type { Span } from '../types.js';
import { collapseSpace } from '../text/collapseSpace.js';

// The words just before a date that make it the date of injury: "industrial injury of", "date of injury:",
// "sustained an injury on", "DOI". Words such as "from" (cumulative trauma ranges) are deliberately absent.
// Also the ways a narrative tells the injury itself: "the injury occurred on", "a work injury on", "was hurt
// on the job on", "sustained an injury to the knee on", "sustained injuries in a motor vehicle accident in
// the course of employment on" (the words between "sustained" and the date tell no other event).
const INJURY_BEFORE =
  /(?:date\s+of\s+(?:the\s+)?(?:industrial\s+|work[- ]related\s+|original\s+)?injury|(?:industrial|work[- ]related|occupational|work|job)\s+injur(?:y|ies)(?:\s+date)?|injury\s+date|\bDOI|sustained\s+(?:an?\s+)?(?:(?!and\b|was\b|were\b|seen\b|treated\b|evaluated\b|presented\b|examined\b|reported\b|had\b|underwent\b|home\b|prior\b|previous\b|another\b|earlier\b|second\b|non-?industrial\b)[\w'-]+\s+){0,10}?(?:on|of)(?=\s*$)|sustained\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?injur(?:y|ies)|(?:was|were|got)\s+(?:injured|hurt)(?:\s+(?:at\s+work|on\s+the\s+job|at\s+(?:his|her)\s+job))?|(?:the|this|(?:his|her)\s+(?:industrial\s+)?)\s*injury\s+(?:occurred|happened|took\s+place)|date\s+of\s+loss|(?:occupational|industrial|work[- ]related|workers'?\s+compensation)\s+claim\s+(?:from|of|dated|on))\s*(?:was|is|of|on|dated|:|,|-)?\s*(?:on|of)?\s*$/i;
// "utilization review dated", "UR report of", "the prior determination on", "prior review dated", "the
// request was previously reviewed on", "non-certified by utilization review on". Whether the review is the
// disputed one or an earlier one is settled by its event (parse/mentions/events.ts), not here.
const UR_BEFORE =
  /(?:(?:utilization\s+review|\bUR|\b(?:prior|previous)\s+(?:determination|review)(?=\s+(?:on|dated|of|letter)\b))(?:\s*\((?:UR|utilization\s+review(?:\s+board)?)\))?(?:\s+(?:report|decision|determination|letter|denial|modification|physician|reviewer|documentation|form|notice))?\s*(?:,?\s*(?:(?:is|was)\s+)?(?:dated|on|of|from|date(?:d)?\s+of|with\s+a\s+decision\s+date\s+of)|,|\()|\b(?:prior|previous|original|the)\s+(?:denial|non-?\s?certification|modification|determination)\s+(?:was\s+(?:made|issued|rendered|dated)\s+)?(?:on|dated|of)|\b(?:previously\s+)?(?:(?:reviewed\s+and\s+)?(?:reviewed|non-?\s?certified|denied|modified)(?:\s+certification)?|deemed\s+not\s+medically\s+necessary)\s+(?:by\s+(?:the\s+)?(?:utilization\s+review|UR|claims\s+administrator)\s+)?(?:on|dated)|\b(?:previous|prior)\s+denial\b[^.;]{0,40}?\bwas\s+on|\b(?:in\s+)?(?:a|the|its)\s+determination\s+(?:letter\s+)?(?:dated|of|on))\s*$/i;
// The words before "reviewed/denied on" must speak of the request or the review: "the claim was denied on" is not it.
const REVIEWED_ON = /^(?:previously\s+)?(?:reviewed|non-?\s?certified|denied|modified|deemed)\b|^(?:in\s+)?(?:a|the|its)\s+determination\b/i;
const ABOUT_REQUEST = /\b(?:request\w*|RFA|utilization\s+review|UR|this\s+case|the\s+(?:requested\s+)?treatment)\b/i;
// "On 11-3-16, utilization review determined"
const UR_AFTER = /^\s*(?:,\s*)?(?:the\s+|a\s+|an\s+)?(?:prior\s+)?(?:utilization\s+review|UR)\b/i;

// "a prior industrial injury on", "a previous utilization review dated": another injury or review.
const OTHER_EVENT = /\b(?:prior|previous|earlier|another|past|separate|former|remote|subsequent|second|non-?industrial)\s+(?:[\w-]+\s+){0,4}$/i;

// The date before its cue: "identify 10/13/2016 as the date of the industrial injury".
const INJURY_AFTER = /^\s*(?:,\s*)?(?:as|was|is)\s+(?:the\s+)?(?:date\s+of\s+(?:the\s+)?(?:industrial\s+|work[- ]related\s+|original\s+)?injury|(?:industrial\s+)?injury\s+date)\b/i;

const DECIDED = /\b(?:non-?\s?certif\w*|not\s+certif\w*|denied|modified|failed\s+to\s+approve|partially\s+(?:certified|approved))\b/i;
const DATE_LIKE = /\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},/;

function roleOf(plain: string, span: Span): DateRole {
  const before = collapseSpace(plain.slice(Math.max(0, span.start - 90), span.start));
  const cue = INJURY_BEFORE.exec(before) ?? UR_BEFORE.exec(before);
  // "a claim from 01/2013 to 06/2014" is a cumulative-trauma range, not the date of injury.
  if (cue && /^\s*(?:to|through|until|-|–)\s*\d/i.test(plain.slice(span.end, span.end + 12))) return 'other';
  if (cue) {
    const injury = cue.index === INJURY_BEFORE.exec(before)?.index;
    // "a prior industrial injury on": another injury. For reviews, "prior" is how IMR letters name the
    // disputed UR; the review's event decides (parse/mentions/events.ts).
    if (injury) return OTHER_EVENT.test(before.slice(0, cue.index)) ? 'other' : 'injury';
    // "the report reviewed by Utilization Review (UR) was dated ...": the date is the report's.
    if (/\b(?:by|to|for|from)\s*$/i.test(before.slice(0, cue.index))) return 'other';
    if (REVIEWED_ON.test(cue[0])) {
      // The subject may be a long request title: read back to the sentence's start (at most 300 characters).
      const wide = collapseSpace(plain.slice(Math.max(0, span.start - 300), span.start));
      const clause = wide.slice(Math.max(0, wide.search(/[^.;!?]*$/)));
      // "denied certification on" is a review's own wording; "denied on" needs the request as its subject.
      if (!/certification/i.test(cue[0]) && !ABOUT_REQUEST.test(clause.slice(0, clause.length - cue[0].length))) return 'other';
    }
    return 'ur';
  }
  if (INJURY_AFTER.test(plain.slice(span.end, span.end + 60)) && !OTHER_EVENT.test(before)) return 'injury';
  const lead = plain.slice(Math.max(0, span.start - 12), span.start);
  // "On 12-19-16 the request was non-certified by utilization review", "On December 30, 2016, the claims
  // administrator failed to approve ...": the sentence opens with the date and tells the decision.
  if (/(?:^|[.\n]\s*)On\s*$/.test(lead)) {
    // Within a short clause, and not "a request was received ... which was non-certified on <date>".
    const rest = plain.slice(span.end, span.end + 250);
    const cut = rest.search(/[.;](?:\s|$)/);
    const clause = (cut >= 0 ? rest.slice(0, cut) : rest).slice(0, 140);
    if (/^\s*(?:,\s*)?(?:(?:the|a|an)\s*)?(?:request|claims\s+administrator|utilization\s+review|UR)\b/i.test(clause) && DECIDED.test(clause) && !DATE_LIKE.test(rest.slice(0, cut >= 0 ? cut : rest.length)) && !/\b(?:received|submitted|dated|that|which)\b/i.test(clause)) return 'ur';
  }
  if (/\b(?:on|dated)\s*$/i.test(lead) || /(?:^|[.\n]\s*)$/.test(lead)) {
    if (UR_AFTER.test(plain.slice(span.end, span.end + 40))) return 'ur';
  }
  return 'other';
}

/** Gives each narrative date its role: injury, UR decision or other. */
export function assignRoles(plain: string, dates: DateMention[]): void {
  for (const d of dates) if (d.role !== 'header' && d.date) d.role = roleOf(plain, d.span);
}

const AGE_SEX_RE = /\b(\d{1,3})[- ](?:year|yr)s?[- ]old\s+(?:(?:right|left)[- ]handed\s+)?(female|male|woman|man|gentleman|lady)?\b/i;
const SEX_RE = /\b(female|male)\b/i;

/** The patient's age and sex from the clinical summary ("a 50 year old female"). */
export function ageAndSex(plain: string, span: Span): Pick<Determination, 'age' | 'sex'> {
  const text = plain.slice(span.start, span.end);
  const out: Pick<Determination, 'age' | 'sex'> = {};
  const m = AGE_SEX_RE.exec(text);
  if (m) {
    out.age = { value: +m[1], span: { start: span.start + m.index, end: span.start + m.index + m[1].length } };
    if (m[2]) {
      const w = m[2].toLowerCase();
      const at = span.start + m.index + m[0].toLowerCase().lastIndexOf(w);
      out.sex = { value: w === 'female' || w === 'woman' || w === 'lady' ? 'female' : 'male', span: { start: at, end: at + w.length } };
    }
  }
  if (!out.sex) {
    const s = SEX_RE.exec(text);
    if (s) out.sex = { value: s[1].toLowerCase() as 'female' | 'male', span: { start: span.start + s.index, end: span.start + s.index + s[1].length } };
  }
  return out;
}
