import { z } from 'zod';

/** One limit as a guideline states it: "9-10 visits over 8 weeks" is {min: 9, max: 10, unit: 'visits', weeks: 8}. */
export const LimitSchema = z
  .object({
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().positive(),
    /** The initial trial where the guideline gives one (chiropractic: 6 visits); applies to a first course. */
    trialMax: z.number().int().positive().optional().describe('Initial trial, where the guideline gives one: a first course above it is reported.'),
    unit: z.enum(['visits', 'treatments', 'sessions', 'months', 'mg-med']),
    weeks: z.number().positive().optional(),
    weeksMax: z.number().positive().optional(),
    text: z.string().min(1),
  })
  .strict()
  .refine((l) => l.min === undefined || l.min <= l.max, { message: 'min must not exceed max' });

export const GuidelineRowSchema = z
  .object({
    /** Stable id; a user row with the same id replaces the default row. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    /** Treatment family this row applies to (rows of one family share synonyms). */
    treatment: z.string().min(1),
    /** Words a request uses for this treatment, lower case ("massage therapy", "soft tissue release"). */
    names: z.array(z.string().min(1)).min(1),
    source: z.enum(['MTUS', 'ODG', 'ACOEM', 'statute', 'regulation', 'other']),
    guideline: z.object({ part: z.string().min(1), edition: z.string().optional() }).strict(),
    pages: z.array(z.string()).optional(),
    sections: z.array(z.string()).optional(),
    limit: LimitSchema.optional(),
    /** The row applies only when the item title or clinical summary has every entry; "a|b" = a or b (CRPS, postsurgical...). */
    when: z.array(z.string().min(1)).optional(),
    /** The row does not apply when the item title has one of these entries ("a|b" = a or b). */
    unless: z.array(z.string().min(1)).optional(),
    /** Compare requested courses with this row's limit (visits-over-limit). */
    checkRequests: z.boolean().default(false),
    conditions: z.string().optional(),
    /** False until the figure is confirmed from a primary text; such rows only ever yield information. */
    confirmed: z.boolean(),
    note: z.string().optional(),
  })
  .strict();

const ROW_ID = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');
const SOURCE = z.enum(['MTUS', 'ODG', 'ACOEM', 'statute', 'regulation', 'other']);
const GUIDELINE = z.object({ part: z.string().min(1), edition: z.string().optional() }).strict();

/**
 * What a guideline says of a medication: the longest course it recommends, that it does not recommend it,
 * or (for opioids) the daily dose in morphine milligram equivalents not to exceed. Same provenance as a
 * visit row: the guideline's own words, where it says them, and `confirmed` only when a primary text or a
 * real letter quoting the guideline verbatim gives the figure.
 */
export const MedicationRowSchema = z
  .object({
    id: ROW_ID.describe('Stable id; a user row with the same id replaces the default row.'),
    drugClass: z.string().min(1).describe('What the row is about, as messages name it ("muscle relaxants").'),
    names: z.array(z.string().min(1)).min(1).describe('Drug names, generic and brand, lower case, matched as whole words ("cyclobenzaprine", "flexeril").'),
    route: z.enum(['any', 'oral', 'topical']).default('any').describe('topical: the row applies only to a cream, gel, lotion, ointment, patch or compound; oral: only to others.'),
    kind: z.enum(['course', 'not-recommended', 'daily-dose']).describe('course: maxDays is the longest course; not-recommended: any request; daily-dose: maxMme per day, all opioids of the letter added.'),
    maxDays: z.number().int().positive().optional().describe('course: the longest course the guideline recommends, in days.'),
    maxMme: z.number().positive().optional().describe('daily-dose: morphine milligram equivalents per day not to exceed.'),
    source: SOURCE,
    guideline: GUIDELINE,
    pages: z.array(z.string()).optional(),
    sections: z.array(z.string()).optional(),
    words: z.string().min(1).describe("The guideline's own words for the figure or the verdict."),
    quotedIn: z.array(z.string().min(1)).optional().describe('Real letters that quote the words verbatim ("CM16-0219557 line 88").'),
    confirmed: z.boolean().describe('False until a primary text or a verbatim quote in a real letter gives the figure; such rows only ever yield information.'),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => r.kind !== 'course' || r.maxDays !== undefined, { message: 'a course row needs maxDays', path: ['maxDays'] })
  .refine((r) => r.kind !== 'daily-dose' || r.maxMme !== undefined, { message: 'a daily-dose row needs maxMme', path: ['maxMme'] });

/** An opioid's conversion factor to oral morphine milligrams (per mg, or per mcg/h of a patch). */
export const OpioidFactorSchema = z
  .object({
    names: z.array(z.string().min(1)).min(1).describe('Generic and brand names, lower case ("hydrocodone", "norco").'),
    factor: z.number().positive().describe('Morphine milligram equivalents per unit of strength.'),
    per: z.enum(['mg', 'mcg/h']).default('mg').describe('The unit of the strength the factor multiplies (mcg/h: a transdermal patch, per day worn).'),
    source: z.string().min(1).describe('The conversion table the factor comes from, with its edition.'),
    confirmed: z.boolean(),
  })
  .strict();

const TOPIC_ID = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

/** A body region or a treatment kind, and the words of an item title that name it. */
export const TopicWordsSchema = z
  .object({
    id: TOPIC_ID.describe('Stable id, referred to by topics.chapters and topics.sections ("neck", "imaging").'),
    label: z.string().min(1).optional().describe('Name used in messages; the id with spaces by default.'),
    words: z.array(z.string().min(1)).min(1).describe('Words of an item title that name it, matched as whole words, case and punctuation ignored ("cervical", "x-ray").'),
    broad: z.boolean().optional().describe('A broad word ("spine", "back"): counted only when the title names no specific region.'),
  })
  .strict();

/** What a guideline chapter or section is about: body regions, treatment kinds, or everything. */
export const TopicSchema = z
  .object({
    names: z.array(z.string().min(1)).min(1).describe('Names as citations write them, matched as whole words, case and punctuation ignored ("low back complaints").'),
    regions: z.array(TOPIC_ID).optional().describe('Body regions (ids of topics.regions) it is about.'),
    kinds: z.array(TOPIC_ID).optional().describe('Treatment kinds (ids of topics.kinds) it is about.'),
    general: z.boolean().optional().describe('About every region and treatment (Chronic Pain, General Approaches): fits any item.'),
  })
  .strict();

/** Topics of guideline chapters and sections, for citation-topic-mismatch. User tables extend the built-in topics. */
export const TopicsSchema = z
  .object({
    regions: z.array(TopicWordsSchema).optional().describe('Body regions; an entry with the id of a built-in region replaces it.'),
    kinds: z.array(TopicWordsSchema).optional().describe('Treatment kinds; an entry with the id of a built-in kind replaces it.'),
    chapters: z.array(TopicSchema).optional().describe('MTUS parts and ODG or ACOEM chapters; an entry sharing a name with a built-in entry replaces it.'),
    sections: z.array(TopicSchema).optional().describe('Guideline sections ("Epidural steroid injections"); an entry sharing a name with a built-in entry replaces it.'),
  })
  .strict();

/** Days past which a date gap is worth a note (information only: late letters are valid). */
export const TimelinessSchema = z
  .object({
    lateApplicationDays: z.number().int().positive().optional().describe('Application Received more than this many days after the UR Denial Date is noted (rule late-application).'),
    lateDecisionDays: z.number().int().positive().optional().describe('Decision Date more than this many days after the Date Assigned is noted (rule late-decision).'),
  })
  .strict();

export const GuidelineTableSchema = z
  .object({
    $schema: z.string().optional(),
    /** Names of MTUS parts a citation may name ("Chronic Pain Medical Treatment", "Low Back Complaints"). */
    mtusParts: z.array(z.string().min(1)).optional(),
    rows: z.array(GuidelineRowSchema),
    topics: TopicsSchema.optional().describe('What guideline chapters and sections are about (rule citation-topic-mismatch).'),
    timeliness: TimelinessSchema.optional().describe('Thresholds of the late-application and late-decision notes, in days.'),
    medications: z.array(MedicationRowSchema).optional().describe('Course limits, drugs not recommended and the daily opioid dose (rule medication-over-guideline).'),
    opioidFactors: z.array(OpioidFactorSchema).optional().describe('Conversion to morphine milligram equivalents; a user entry naming a built-in drug replaces it.'),
  })
  .strict();

/** The limit units that count visits (a request of 12 sessions is compared with them). */
export const VISIT_UNITS: ReadonlySet<string> = new Set(['visits', 'treatments', 'sessions']);

export type GuidelineLimit = z.infer<typeof LimitSchema>;
export type GuidelineRow = z.infer<typeof GuidelineRowSchema>;
export type GuidelineTableInput = z.input<typeof GuidelineTableSchema>;
export type TopicWords = z.infer<typeof TopicWordsSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Topics = z.infer<typeof TopicsSchema>;
export type Timeliness = z.infer<typeof TimelinessSchema>;
export type MedicationRow = z.infer<typeof MedicationRowSchema>;
export type OpioidFactor = z.infer<typeof OpioidFactorSchema>;
