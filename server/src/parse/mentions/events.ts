import type { CalendarDate, DateMention, Determination } from '../../model/determination.js';
import type { CountMention, EventKind, EventMention, Sentence, TreatmentMention } from '../../model/mentions.js';

/**
 * Requests, UR decisions and authorizations the narrative tells, and which of them is the one in dispute.
 * This is the single definition the rules share (request-count-mismatch, ur-date-mismatch,
 * event-before-injury, visits-over-limit): an event is NOT the disputed one when
 * - it tells a past course: completed, attended, received, "previously approved" (past-course);
 * - it names only treatments that no disputed item is about (other-treatment);
 * - its date is far from the disputed review: a decision more than a month from the header's UR Denial
 *   Date and not the same day and month (a typed year); a request more than a month before it or after it
 *   (earlier-date);
 * - it is marked as another one: "another request", "a separate request", "a prior request" (marked-other).
 * "The prior review dated ..." and "the request was previously reviewed on ..." are the disputed review:
 * from the IMR's side the UR is the prior review.
 */

const REQUEST_RE = /\b(?:requests?\s+for\s+authorization|RFA|requests?|requested|requesting)\b/gi;
const DECISION_RE = /\b(?:utilization\s+review|UR|non-?\s?certif\w*|denied|denial|modified|modification|determination|reviewed)\b/gi;
const AUTHORIZATION_RE = /\b(?:authorized|approved|certified|authorization\s+(?:of|for)\s+\d)/gi;

// A past course: what the patient has had, attended, completed.
const PAST_COURSE = /\b(?:completed|attended|underwent|undergone|received|has\s+had|have\s+had|had\s+(?:had\s+)?(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|many)|to\s+date|so\s+far|already|previously\s+(?:authorized|approved|certified)|(?:was|were)\s+(?:previously\s+)?(?:authorized|approved|certified)\s+(?:and|which)\s+(?:attended|completed)|in\s+the\s+past|last\s+(?:year|month)|history\s+of)\b/i;
const MARKED_OTHER = /\b(?:another|a\s+separate|separate|a\s+different|different|prior|previous|earlier|an\s+earlier|former)\s+(?:request|RFA|authorization\s+request)\b|\b(?:request|RFA)\s+(?:from|of)\s+(?:last|the\s+previous)\b/i;

const DAY = 86400000;
const utc = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day ?? 1);

/** A narrative UR date that could be the header's, mistyped or a few days off; a far one is another review. */
export function couldBeDisputedReview(d: CalendarDate, header: CalendarDate): boolean {
  if (d.day === undefined) return d.year === header.year && Math.abs(d.month - header.month) <= 1;
  if (Math.abs(utc(d) - utc(header)) <= 31 * DAY) return true;
  // The same day and month with another year: a typed year ("11/09/2015" for 11/09/2016).
  return d.month === header.month && d.day === header.day && Math.abs(d.year - header.year) <= 1;
}

/** A request date that can be the disputed request's: from a month before the UR decision to the day after. */
function couldBeDisputedRequest(d: CalendarDate, ur: CalendarDate): boolean {
  if (d.day === undefined) {
    const months = ur.year * 12 + ur.month - (d.year * 12 + d.month);
    return months <= 1 && months >= 0;
  }
  const days = (utc(ur) - utc(d)) / DAY;
  return days <= 30 && days >= -1;
}

function kindAt(sentence: string): { kind: EventKind; start: number; end: number } | undefined {
  const first = (re: RegExp, kind: EventKind) => {
    re.lastIndex = 0;
    const m = re.exec(sentence);
    return m ? { kind, start: m.index, end: m.index + m[0].length } : undefined;
  };
  // A sentence that tells a decision on a request is the decision ("the request was non-certified").
  const decision = first(DECISION_RE, 'decision');
  const request = first(REQUEST_RE, 'request');
  const authorization = first(AUTHORIZATION_RE, 'authorization');
  return decision ?? authorization ?? request;
}

export function findEvents(
  doc: Determination,
  sentences: Sentence[],
  counts: CountMention[],
  treatments: TreatmentMention[],
): EventMention[] {
  const out: EventMention[] = [];
  const bySentence = <T extends { sentence: number }>(xs: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of xs) {
      const l = m.get(x.sentence);
      if (l) l.push(x);
      else m.set(x.sentence, [x]);
    }
    return m;
  };
  const countsOf = bySentence(counts);
  const treatmentsOf = bySentence(treatments);
  const ur = doc.header.urDenialDate?.date?.date;
  const itemFamilies = new Set(doc.items.flatMap((i) => (i.treatment ? [i.treatment.treatment] : [])));
  let di = 0;
  const dates = doc.dates;
  sentences.forEach((s, index) => {
    const text = doc.plain.slice(s.span.start, s.span.end);
    if (text.length > 1500) return;
    const cue = kindAt(text);
    if (!cue) return;
    while (di < dates.length && dates[di].span.start < s.span.start) di++;
    const inSentence: DateMention[] = [];
    for (let k = di; k < dates.length && dates[k].span.start < s.span.end; k++) if (dates[k].date && dates[k].role !== 'header') inSentence.push(dates[k]);
    const ev: EventMention = {
      kind: cue.kind,
      cue: { start: s.span.start + cue.start, end: s.span.start + cue.end },
      sentence: index,
      dates: inSentence,
      counts: countsOf.get(index) ?? [],
      treatments: treatmentsOf.get(index) ?? [],
      disputed: true,
    };
    const named = ev.treatments.map((t) => t.family);
    if (cue.kind !== 'decision' && PAST_COURSE.test(text)) ev.why = 'past-course';
    else if (MARKED_OTHER.test(text) && !/\b(?:prior|previous)\s+(?:review|determination)\b/i.test(text)) ev.why = 'marked-other';
    else if (named.length > 0 && itemFamilies.size > 0 && !named.some((f) => itemFamilies.has(f))) ev.why = 'other-treatment';
    else if (ur && inSentence.length > 0) {
      const ok = cue.kind === 'decision'
        ? inSentence.some((d) => couldBeDisputedReview(d.date!, ur))
        : inSentence.some((d) => couldBeDisputedRequest(d.date!, ur));
      if (!ok) ev.why = 'earlier-date';
    }
    ev.disputed = ev.why === undefined;
    out.push(ev);
  });
  return out;
}
