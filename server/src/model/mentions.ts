import type { DateMention, DisputedItem } from './determination.js';
import type { Span } from '../types.js';

/**
 * The mention layer: what the narrative (clinical summary and rationales) says, read once per parse and
 * shared by every rule, so that "the disputed request", "an earlier course" or "the patient" mean the same
 * thing to all of them. Built by parse/mentions/; spans are offsets in the source text.
 */

export type Sex = 'female' | 'male';
export type NarrativePart = 'summary' | 'rationale';

export interface Sentence {
  span: Span;
  where: NarrativePart;
  /** The item whose rationale holds the sentence. */
  item?: DisputedItem;
  /** First sentence of its paragraph (a blank line before it, or the start of its part). */
  opensParagraph: boolean;
}

/** A number of visits, sessions or treatments the narrative states ("12 sessions", "six visits", "2x6"). */
export interface CountMention {
  span: Span;
  value: number;
  /** "sessions", "visits", "treatments"; undefined for a bare schedule ("2x6"). */
  unit?: string;
  /** Written as a word ("six") rather than digits. */
  word: boolean;
  sentence: number;
}

/** A treatment the narrative names, with the family of the guideline table it belongs to. */
export interface TreatmentMention {
  span: Span;
  family: string;
  /** Body regions named around it (the region words of the guideline table's topics). */
  regions: string[];
  sentence: number;
}

export type EventKind = 'request' | 'decision' | 'authorization';

/**
 * A request, a UR decision or an authorization the narrative tells. `disputed`: it is the request or review
 * this IMR decides (the header's UR Denial Date, the items' treatments); otherwise it is an earlier or other
 * one, and `why` says what marked it.
 */
export interface EventMention {
  kind: EventKind;
  /** The words that make it an event ("utilization review", "request for", "authorized"). */
  cue: Span;
  sentence: number;
  dates: DateMention[];
  counts: CountMention[];
  treatments: TreatmentMention[];
  disputed: boolean;
  why?: 'past-course' | 'other-treatment' | 'earlier-date' | 'marked-other';
}

export interface PronounMention {
  span: Span;
  word: string;
  sex: Sex;
  /** Whom it stands for: the patient, someone else named before it, or nobody the text makes plain. */
  referent: 'patient' | 'other' | 'unclear';
  sentence: number;
}

export interface AgeMention {
  value: number;
  span: Span;
}

export interface Mentions {
  sentences: Sentence[];
  counts: CountMention[];
  treatments: TreatmentMention[];
  events: EventMention[];
  /** The patient's sex as the letter states it; undefined when unstated or stated both ways. */
  sex?: { value: Sex; span: Span };
  pronouns: PronounMention[];
  /** Every statement of the patient's age, in text order. */
  ages: AgeMention[];
  /** A stated date of birth, or a year of birth ("born in 1960"). */
  birth?: { span: Span; year: number; month?: number; day?: number };
}
