import type { GuidelineTable } from '../../guidelines/table.js';
import type { Determination } from '../../model/determination.js';
import type { CountMention, Mentions, Sentence, TreatmentMention } from '../../model/mentions.js';
import { requestQuantitiesIn } from '../quantity.js';
import { findAges, findBirth } from './ages.js';
import { findEvents } from './events.js';
import { findPronouns, statedSex } from './people.js';
import { bodyRegionsOf } from './regions.js';
import { sentencesIn } from './sentences.js';
import { treatmentNamesIn } from './treatments.js';

// A "sentence" longer than this is a run-on of extracted text: nothing is read from it.
const MAX_SENTENCE = 1500;
const HAS_NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|once|twice|thrice)\b/i;

/** The narrative's sentences: the clinical summary's, then each rationale's, in text order. */
function narrativeSentences(doc: Determination): Sentence[] {
  const parts: { span: { start: number; end: number }; where: Sentence['where']; item?: Sentence['item'] }[] = [
    ...doc.sections.filter((s) => s.kind === 'summary').map((s) => ({ span: s.bodySpan, where: 'summary' as const })),
    ...doc.items.filter((i) => i.rationale).map((i) => ({ span: i.rationale!.valueSpan, where: 'rationale' as const, item: i })),
  ];
  parts.sort((a, b) => a.span.start - b.span.start);
  const out: Sentence[] = [];
  for (const p of parts) {
    let prevEnd = -1;
    for (const span of sentencesIn(doc.plain, p.span)) {
      const opensParagraph = prevEnd < 0 || /\n[ \t\r\f]*\n/.test(doc.plain.slice(prevEnd, span.start));
      out.push({ span, where: p.where, item: p.item, opensParagraph });
      prevEnd = span.end;
    }
  }
  return out;
}

/** The plain text with date mentions blanked (same offsets), so that "12-8-16" is never read as a count. */
export function withoutDates(doc: Pick<Determination, 'plain' | 'dates'>): string {
  const parts: string[] = [];
  let at = 0;
  for (const d of doc.dates) {
    if (d.span.start < at) continue;
    parts.push(doc.plain.slice(at, d.span.start), ' '.repeat(d.span.end - d.span.start));
    at = d.span.end;
  }
  parts.push(doc.plain.slice(at));
  return parts.join('');
}

/**
 * Builds the mention layer of a parsed determination (dates, sections and items already read), and
 * settles the role of each narrative UR date by the event it belongs to: a date of another, earlier review
 * is not the disputed review's.
 */
export function buildMentions(doc: Determination, table: GuidelineTable): Mentions {
  const sentences = narrativeSentences(doc);
  const blanked = withoutDates(doc);
  const counts: CountMention[] = [];
  const treatments: TreatmentMention[] = [];
  // Treatment names are searched once per part of the narrative (not once per sentence: the table has many
  // families) and given to their sentence by position.
  let si = 0;
  const partsOf = new Map<string, { start: number; end: number }>();
  for (const s of sentences) {
    const key = s.item ? `r${s.item.span.start}` : 'summary';
    const p = partsOf.get(key);
    if (p) p.end = s.span.end;
    else partsOf.set(key, { start: s.span.start, end: s.span.end });
  }
  const found: { start: number; end: number; family: string }[] = [];
  for (const p of partsOf.values()) {
    for (const n of treatmentNamesIn(blanked.slice(p.start, p.end), table)) found.push({ start: p.start + n.start, end: p.start + n.end, family: n.family });
  }
  found.sort((a, b) => a.start - b.start);
  for (const n of found) {
    while (si < sentences.length && sentences[si].span.end <= n.start) si++;
    const s = sentences[si];
    if (!s || n.start < s.span.start || n.end > s.span.end || s.span.end - s.span.start > MAX_SENTENCE) continue;
    const around = blanked.slice(Math.max(s.span.start, n.start - 60), Math.min(s.span.end, n.end + 100));
    treatments.push({ span: { start: n.start, end: n.end }, family: n.family, regions: bodyRegionsOf(around), sentence: si });
  }
  sentences.forEach((s, index) => {
    if (s.span.end - s.span.start > MAX_SENTENCE) return;
    const text = blanked.slice(s.span.start, s.span.end);
    if (!HAS_NUMBER.test(text)) return;
    for (const q of requestQuantitiesIn(text, s.span.start)) counts.push({ span: q.span, value: q.count, unit: q.unit, word: q.word, sentence: index });
  });
  const events = findEvents(doc, sentences, counts, treatments);
  for (const e of events) {
    if (e.disputed || e.kind !== 'decision') continue;
    for (const d of e.dates) if (d.role === 'ur') d.role = 'other';
  }
  const sex = statedSex(doc.plain);
  return {
    sentences,
    counts,
    treatments,
    events,
    sex,
    pronouns: findPronouns(doc, sentences),
    ages: findAges(doc),
    birth: findBirth(doc),
  };
}
