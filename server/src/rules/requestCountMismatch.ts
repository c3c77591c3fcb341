import type { GuidelineTable } from '../guidelines/table.js';
import type { Determination, DisputedItem, RequestQuantity } from '../model/determination.js';
import { withoutDates } from '../parse/mentions/index.js';
import { parseRequestQuantity } from '../parse/quantity.js';
import type { Span } from '../types.js';
import type { Rule, RuleFinding } from './rule.js';
import { itemName } from './wording.js';
import { collapseSpace } from '../text/collapseSpace.js';

/** Which part of the request a narrative count speaks of. */
type Role = 'original' | 'authorized' | 'remaining';

/** A count the narrative gives for an item's request. */
export interface NarrativeCount {
  item: DisputedItem;
  role: Role;
  count: number;
  span: Span;
  raw: string;
  unit?: string;
  /** "an additional 8 sessions" after the narrative said this many were already authorized. */
  additionalAfterAuthorized?: number;
  where: 'summary' | 'rationale';
}

// The sentence speaks of the request or of the UR decision on it (a count without another cue is the request).
const REQUEST_CUE = /\b(?:request\w*|RFA|utilization\s+review|UR|non-?\s?certif\w*|denied|partial(?:ly)?\s+(?:certif\w*|approv\w*|authoriz\w*)|for\s+review)\b/i;
// ... about something past: an earlier course, an earlier authorization. The count is left alone.
const PAST_CUE = /\b(?:previous(?:ly)?|prior|earlier|past|already|history|completed|attended|underwent|undergone|received|had|has\s+had|have\s+had|at\s+least|to\s+date|so\s+far|last\s+(?:year|month))\b/i;
// The words that say what a count is; the nearest one before the count decides. "to" counts only after
// "modified" ("modified the request ... to 6 sessions"); guideline words make the count a guideline figure.
const CUE_RE = /\b(?:(?<original>requests?\s+for\s+authorization|requested\s+authorization|authorization\s+request|requests?|requested|RFA|original(?:ly)?|instead\s+of|non-?\s?certif\w*|denied|denial|for\s+review)|(?<authorized>authoriz\w*|approv\w*|certified|certification|accommodat\w*)|(?<remaining>remaining\s+(?:IMR\s+)?(?:eligible\s+)?portion(?:\s+of\s+the\s+(?:original\s+)?request)?|eligible\s+portion(?:\s+of\s+the\s+(?:original\s+)?request)?|remaining)|(?<guideline>guidelines?|recommend\w*|MTUS|ODG|ACOEM|allow\w*|limit\w*|up\s+to|maximum|trial\s+of|supports?|exceed\w*)|(?<to>to)|(?<modified>modif\w*|reduc\w*|changed))\b/gi;
const AFTER_AUTHORIZED = /^[^.;]{0,120}?\b(?:was|were|is|are|being|been)\s+(?:authorized|approved|certified|modified\s+to)\b/i;
const AFTER_ORIGINAL = /^[^.;]{0,160}?\b(?:was|is|as)\s+the\s+original\s+request\b/i;
const AFTER_REMAINING = /^\s*(?:\w+\s+)?remaining\b/i;
// "request for (an) (additional) 8 sessions" (the count must follow within a few words).
const REQUEST_FOR_COUNT = /\brequest(?:ed)?\s+(?:is\s+|was\s+)?for\s+(?:an?\s+|the\s+)?(?:(?:additional|initial|further|more)\s+)?(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|sixteen|eighteen|twenty|twenty[- ]four)\s*(?:\(\s*\w+\s*\)\s*)?(?:sessions?|visits?|treatments?)\b/gi;
const ADDITIONAL_BEFORE = /\b(?:additional|more|further)\s+(?:[\w/-]+\s+){0,3}$/i;

const HAS_NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)\b/i;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  'twenty-four': 24, 'twenty four': 24, thirty: 30,
};
const NUM = String.raw`(\d{1,3}|twenty[- ]four|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)`;
const toNumber = (s: string) => NUMBER_WORDS[s.toLowerCase()] ?? parseInt(s, 10);
// "instead of 12": the request, its unit implied by the count before it.
const INSTEAD_OF_RE = new RegExp(String.raw`\binstead\s+of\s+(?:the\s+)?(?:requested\s+|original\s+)?${NUM}(?![\w%/-]|\.\d)`, 'gi');

/**
 * The count written with the treatment name between the number and the unit ("4 massage therapy
 * sessions", "six chiropractic visits"), which the request parser does not read for every treatment.
 */
function countAroundName(sentence: string, name: { start: number; end: number }, base: number): RequestQuantity | undefined {
  const before = /(?<![\w#.\/-])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|sixteen|eighteen|twenty|twenty[- ]four)\s*(?:\(\s*\d+\s*\)\s*)?(?:(?:additional|more|further|initial)\s+)?$/i.exec(sentence.slice(Math.max(0, name.start - 40), name.start));
  const after = /^\s*(sessions?|visits?|treatments?)\b/i.exec(sentence.slice(name.end, name.end + 20));
  if (!before || !after) return undefined;
  const start = Math.max(0, name.start - 40) + before.index;
  const end = name.end + after[0].length;
  const raw = sentence.slice(start, end);
  const unit = after[1].toLowerCase();
  return { count: toNumber(before[1]), unit: unit.endsWith('s') ? unit : `${unit}s`, span: { start: base + start, end: base + end }, raw };
}

/** The role of a count from the words before and after it in its sentence; undefined when it is not this request's. */
function roleOf(before: string, after: string, sentenceHasCue: boolean): Role | 'guideline' | undefined {
  if (AFTER_REMAINING.test(after)) return 'remaining';
  if (AFTER_ORIGINAL.test(after)) return 'original';
  let last: Role | 'guideline' | undefined;
  let modified = false;
  for (const m of before.matchAll(CUE_RE)) {
    const g = m.groups!;
    if (g.modified) modified = true;
    else if (g.to) { if (modified) last = 'authorized'; }
    else last = g.original ? 'original' : g.authorized ? 'authorized' : g.remaining ? 'remaining' : 'guideline';
  }
  if (last) return last;
  if (AFTER_AUTHORIZED.test(after)) return 'authorized';
  return sentenceHasCue ? 'original' : undefined;
}

/**
 * Counts the narrative (clinical summary and rationales) gives for the disputed requests: in sentences that
 * name the item's treatment and speak of the request or the UR decision, the count written next to the
 * treatment name, with its role (original request, authorized part, remaining part).
 */
export function narrativeCounts(doc: Determination, table: GuidelineTable): NarrativeCount[] {
  const out: NarrativeCount[] = [];
  const withCount = doc.items.filter((i) => i.treatment && (i.quantity || i.partial));
  if (withCount.length === 0) return out;
  const families = new Set(withCount.map((i) => i.treatment!.treatment));
  const { sentences, treatments, events } = doc.mentions;
  const blanked = withoutDates(doc);
  // Sentences that tell another request or review than the disputed one (an earlier course, another
  // treatment, a review months before): the mention layer's one definition.
  const other = new Set(events.filter((e) => !e.disputed).map((e) => e.sentence));
  const namesOf = new Map<number, typeof treatments>();
  for (const t of treatments) if (families.has(t.family)) (namesOf.get(t.sentence) ?? namesOf.set(t.sentence, []).get(t.sentence)!).push(t);
  let authorizedBefore: number | undefined;
  let part: unknown = null;
  sentences.forEach((s, index) => {
    const owner = s.where === 'rationale' ? s.item : undefined;
    if (s.item !== part) authorizedBefore = undefined;
    part = s.item;
    if (s.span.end - s.span.start > 1000) return;
    const sentence = blanked.slice(s.span.start, s.span.end);
    // No count without a digit or a number word.
    if (!HAS_NUMBER.test(sentence)) return;
    const hasCue = REQUEST_CUE.test(sentence);
    // Quotations (of the guideline, of a report) are not the letter's account of the request.
    const quotes = [...sentence.matchAll(/"[^"]{0,400}"|\u201c[^\u201d]{0,400}\u201d/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    // Every treatment name of the sentence (of the items' families), for the boundaries between them.
    const names = (namesOf.get(index) ?? [])
      .map((t) => ({ start: t.span.start - s.span.start, end: t.span.end - s.span.start, family: t.family, regions: t.regions }));
    if (names.length === 0 && !owner) return;
    const earlier = other.has(index);
    // Where to look for counts: beside each treatment name, for the item of that treatment.
    const anchors: { item: DisputedItem; lo: number; hi: number; name?: { start: number; end: number } }[] = [];
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      // The item: the only item of that treatment, or the one the body region names when there are several
      // (in a rationale too: it may speak of the other item); in a rationale, only its own item.
      let candidates = withCount.filter((i) => i.treatment!.treatment === name.family);
      if (candidates.length > 1) {
        const regions = new Set(name.regions);
        candidates = candidates.filter((i) => i.bodyRegions.some((r) => regions.has(r)));
        if (candidates.length > 1) candidates = candidates.filter((i) => i.bodyRegions.every((r) => regions.has(r)) && [...regions].every((r) => i.bodyRegions.includes(r)));
      }
      if (owner) candidates = candidates.filter((i) => i === owner);
      if (candidates.length !== 1) continue;
      // The count beside the name: not past the name of another treatment.
      const prev = names.slice(0, k).reverse().find((x) => x.family !== name.family);
      const next = names.slice(k + 1).find((x) => x.family !== name.family);
      let hi = Math.min(next ? next.start : sentence.length, name.end + 70);
      while (hi < sentence.length && /\w/.test(sentence[hi]) && (!next || hi < next.start)) hi++; // not in the middle of a word
      anchors.push({ item: candidates[0], lo: Math.max(prev ? prev.end : 0, name.start - 45), hi, name });
    }
    // In a rationale, "a request for an additional 8 sessions" names no treatment but can only be the item's
    // own request, when the sentence names no treatment at all.
    if (owner && names.length === 0 && withCount.includes(owner) && !table.findTreatment(collapseSpace(sentence))) {
      for (const m of sentence.matchAll(REQUEST_FOR_COUNT)) anchors.push({ item: owner, lo: m.index, hi: m.index + m[0].length });
    }
    const where = s.where;
    for (const { item, lo, hi, name } of anchors) {
      const q: RequestQuantity | undefined = (name && countAroundName(sentence, name, s.span.start)) ?? parseRequestQuantity(sentence.slice(lo, hi), s.span.start + lo);
      if (!q) continue;
      const at = q.span.start - s.span.start;
      if (out.some((c) => c.span.start === q.span.start) || quotes.some((x) => at >= x.start && at < x.end)) continue;
      const before = sentence.slice(0, at);
      const after = sentence.slice(at + q.raw.length, at + q.raw.length + 200);
      if (earlier || PAST_CUE.test(sentence.slice(Math.max(0, at - 70), at)) || PAST_CUE.test(after.slice(0, 40))) {
        // "has already authorized ... an initial 6 sessions": remembered for "an additional 8 sessions".
        if (/authoriz|approv|certif/i.test(sentence.slice(Math.max(0, at - 70), at) + after.slice(0, 60))) authorizedBefore = q.count;
        continue;
      }
      const role = roleOf(before, after, hasCue);
      if (!role || role === 'guideline') continue;
      out.push({
        item, role, count: q.count, span: q.span, raw: q.raw, unit: q.unit, where,
        additionalAfterAuthorized: role === 'original' && ADDITIONAL_BEFORE.test(sentence.slice(Math.max(0, at - 40), at)) ? authorizedBefore : undefined,
      });
      // "partial certification of 4 sessions instead of 12": the 12 is the request.
      const instead = new RegExp(INSTEAD_OF_RE.source, 'gi');
      instead.lastIndex = at + q.raw.length;
      const m = instead.exec(sentence);
      if (m && m.index - (at + q.raw.length) < 40 && role === 'authorized') {
        const numAt = m.index + m[0].length - m[1].length;
        out.push({ item, role: 'original', count: toNumber(m[1]), span: { start: s.span.start + numAt, end: s.span.start + numAt + m[1].length }, raw: m[1], unit: q.unit, where });
      }
    }
  });
  return out;
}

const ROLE_WORDS: Record<Role, string> = { original: 'the request', authorized: 'the part the Claims Administrator authorized', remaining: 'the remaining IMR-eligible portion' };
const RELATED: Record<Role, string> = { original: 'Request in the item\'s title', authorized: 'Authorized part in the item\'s title', remaining: 'Remaining portion in the item\'s title' };

/** "12 sessions", "8 visits": a count in the unit it was written with (visits when it names none). */
function counted(q: { count: number; unit?: string }): string {
  const unit = q.unit ?? 'visits';
  return `${q.count} ${q.count === 1 ? unit.replace(/s$/, '') : unit}`;
}

/** The item's title for a message, shortened when it is a long partial-certification title. */
function titleOf(item: DisputedItem): string {
  const t = item.title.text;
  return `"${t.length > 90 ? `${t.slice(0, 87).trimEnd()}...` : t}"`;
}

/**
 * The narrative's account of the request or the UR decision ("a request for 12 sessions", "modified to 6
 * sessions", "partial certification of 4 ... instead of 12") disagrees with the item's title; for partial
 * certifications, with the title's original, authorized and remaining parts.
 */
export const requestCountMismatch: Rule = {
  meta: { id: 'request-count-mismatch', defaultSeverity: 'warning', description: 'The narrative\'s account of the request or the UR decision gives another count than the item\'s title.', fixable: false },
  check({ doc, table }) {
    const out: RuleFinding[] = [];
    const counts = narrativeCounts(doc, table);
    for (const c of counts) {
      const item = c.item;
      const p = item.partial;
      let title: RequestQuantity | undefined;
      if (p) {
        title = c.role === 'original' ? p.original : c.role === 'authorized' ? p.authorized : p.remaining;
        // "the request for 2 sessions is not medically necessary": the request under review is the remaining part.
        if (c.role === 'original' && p.remaining?.count === c.count) continue;
      } else if (item.quantity) {
        // Without a partial certification in the title, only the request itself can be compared (or the
        // remaining part, when the title is only that).
        const titleIsRemaining = /remaining|eligible\s+portion/i.test(item.title.text);
        if (c.role === 'authorized' || (c.role === 'remaining') !== titleIsRemaining) continue;
        title = item.quantity;
        // The title may be the remaining part of a partial certification the narrative tells in full.
        if (c.role === 'original') {
          const mine = counts.filter((x) => x.item === item);
          if (mine.some((x) => x.role === 'authorized' && c.count - x.count === title!.count)) continue;
          if (mine.some((x) => x.role === 'remaining' && x.count === title!.count && x.count !== c.count)) continue;
        }
      }
      if (!title) continue;
      const where = c.where === 'summary' ? 'The clinical summary' : 'The rationale';
      const unit = title.unit ?? c.unit;
      if (c.additionalAfterAuthorized !== undefined && p?.original && p.remaining && c.count === p.original.count && p.remaining.count !== c.count && (!p.authorized || p.authorized.count === c.additionalAfterAuthorized)) {
        out.push({
          span: c.span,
          message: `${where} calls ${counted({ count: c.count, unit })} additional to the ${c.additionalAfterAuthorized} already authorized, but ${counted({ count: c.count, unit })} was the whole original request (${titleOf(item)}); the remaining IMR-eligible portion is ${counted(p.remaining)}.`,
          related: [{ span: p.remaining.span, message: RELATED.remaining }, { span: p.original.span, message: RELATED.original }],
        });
        continue;
      }
      if (c.count === title.count) continue;
      out.push({
        span: c.span,
        message: `${where} gives ${ROLE_WORDS[c.role]} for ${item.treatment!.treatment} as ${counted({ count: c.count, unit: c.unit ?? title.unit })}, but the item's title says ${counted({ count: title.count, unit: title.unit ?? c.unit })} (${titleOf(item)}). One of them is wrong: check the request for authorization and the UR decision.`,
        related: [{ span: title.span, message: RELATED[c.role] }],
      });
    }
    return out;
  },
};
