import type { LayoutId } from '../parse/layouts.js';
import type { LanguageId, Span } from '../types.js';
import type { Mentions } from './mentions.js';
import type { MedicationItem } from './medication.js';

/** A calendar date as written; `day` is absent for month-year mentions ("November 2009"). */
export interface CalendarDate {
  year: number;
  month: number;
  day?: number;
}

export type DateFormat =
  | 'numeric-slash' // 10/22/2009, 10/22/09
  | 'numeric-dash' // 10-22-2009, 10-22-09
  | 'iso' // 2009-10-22
  | 'month-name' // October 22, 2009
  | 'month-abbr' // Oct. 22, 2009
  | 'month-year'; // November 2009

export type DateRole = 'header' | 'injury' | 'ur' | 'other';

export interface DateMention {
  span: Span;
  raw: string;
  /** Undefined when the text looks like a date but is impossible or malformed (02/30/2014, June 20216). */
  date?: CalendarDate;
  invalidReason?: string;
  format: DateFormat;
  /** Number of year digits written (2 or 4), for rewriting a date in its own format. */
  yearDigits: number;
  role: DateRole;
  /** For header dates, which field holds it. */
  headerKey?: HeaderKey;
}

export type HeaderKey =
  | 'caseNumber'
  | 'dateAssigned'
  | 'dateOfInjury'
  | 'decisionDate'
  | 'urDenialDate'
  | 'priority'
  | 'applicationReceived';

export interface HeaderField {
  key: HeaderKey;
  label: string;
  labelSpan: Span;
  /** The value as written, trimmed; '' when the label has no value. */
  raw: string;
  /** Where the value is, or where it would be inserted (zero length) when it is empty. */
  valueSpan: Span;
  /** For date fields: the parsed date mention (its `date` is undefined when invalid). */
  date?: DateMention;
}

export type SectionKind =
  | 'howMade'
  | 'summary'
  | 'decisions'
  | 'documents'
  | 'issue'
  | 'guidelines'
  | 'rationale'
  | 'qualifications'
  | 'unknown';

export interface Section {
  kind: SectionKind;
  heading: string;
  headingSpan: Span;
  /** From the end of the heading line to the start of the next section (or the end of the text). */
  bodySpan: Span;
}

export type VerdictValue = 'Upheld' | 'Overturned';

export interface Verdict {
  value: VerdictValue;
  span: Span;
}

export interface RequestQuantity {
  /** Number of visits/sessions the request adds up to; `#90` drug quantities never appear here. */
  count: number;
  /** The unit the request names ("sessions", "visits", "treatments"); undefined when it names none (2x6). */
  unit?: string;
  span: Span;
  raw: string;
  /**
   * The one number that is the count, where the request writes it as one number ("12 sessions", "x12",
   * "twelve visits"); undefined where the count is worked out (2x6, "3 times a week for 4 weeks", a range).
   * An edit that changes the count changes this number.
   */
  figure?: Span;
}

export interface PartialCertification {
  original?: RequestQuantity;
  authorized?: RequestQuantity;
  remaining?: RequestQuantity;
  span: Span;
  /**
   * Original minus authorized, when the three counts are stated and the first two differ (equal counts
   * mean they differ in what is not counted: hours a day, a strength), and whether the remaining agrees.
   */
  arithmetic?: { expected: number; agrees: boolean };
}

export interface Citation {
  text: string;
  span: Span;
  mtus: boolean;
  /** Guideline part as written ("Chronic Pain Medical Treatment", "Official Disability Guidelines ..."). */
  part: string;
  year?: number;
  pages: string[];
  sections: string[];
}

/** A labelled part of an item ("MAXIMUS guideline: ..."): the label, then the text that follows it. */
export interface LabeledPart {
  labelSpan: Span;
  /** The text after the label, through the last paragraph that belongs to this part. */
  valueSpan: Span;
  text: string;
}

export interface ReviewerGuideline extends LabeledPart {
  citations: Citation[];
  /** "The Expert Reviewer did not cite any medical evidence for its decision." */
  statesNoCitation: boolean;
}

export interface Conclusion {
  span: Span;
  text: string;
  /** true for "is medically necessary", false for "is not medically necessary". */
  necessary: boolean;
  /** Span of the words that decide it ("not medically necessary"). */
  phraseSpan: Span;
}

export interface Rationale extends LabeledPart {
  conclusion?: Conclusion;
  /** It argues for going beyond the guideline ("an exception is warranted"; not "no exceptional circumstances"). */
  statesException: boolean;
}

export interface DisputedItem {
  span: Span;
  title: { text: string; span: Span };
  treatment?: { name: string; treatment: string; span: Span };
  quantity?: RequestQuantity;
  /** The request read as a medication (strength, dose, frequency, days, quantity, drugs), when it is one. */
  medication?: MedicationItem;
  bodyRegions: string[];
  verdict?: Verdict;
  partial?: PartialCertification;
  claimsAdministratorGuideline?: LabeledPart;
  reviewerGuideline?: ReviewerGuideline;
  rationale?: Rationale;
  /** "Associated surgical service: ..." items, which may legitimately cite nothing. */
  ancillary: boolean;
}

export interface InlineDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[];
  span: Span;
  line: number;
}

export interface Determination {
  text: string;
  languageId: LanguageId;
  /** The letter layout recognized (or forced by an option or an `imr-layout:` line); see parse/layouts.ts. */
  layout: { id: LayoutId; name: string; forced: boolean };
  header: Partial<Record<HeaderKey, HeaderField>>;
  /** All header fields in source order (duplicates included). */
  headerFields: HeaderField[];
  /** End of the header region (start of the first section heading). */
  headerEnd: number;
  sections: Section[];
  items: DisputedItem[];
  dates: DateMention[];
  age?: { value: number; span: Span };
  sex?: { value: 'female' | 'male'; span: Span };
  directives: InlineDirective[];
  /** Template leftovers still in the text (TODO, XX/XX/XXXX, [TREATMENT], ___, snippet tab stops). */
  placeholders: { span: Span; text: string }[];
  /** Markdown blocks too complex to parse in linear time (nested thousands deep...): read as plain text. */
  unparsedMarkdown: { start: number; end: number; why: string }[];
  /** What the narrative says, read once for every rule: sentences, counts, treatments, events, people. */
  mentions: Mentions;
  /** Markdown-aware text: same length as `text`, markup (HTML tags, `**`, `#`, table pipes) blanked. */
  plain: string;
}
