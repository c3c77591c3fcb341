import { z } from 'zod';

/** One limit as a guideline states it: "9-10 visits over 8 weeks" is {min: 9, max: 10, unit: 'visits', weeks: 8}. */
export const LimitSchema = z
  .object({
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().positive(),
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

export const GuidelineTableSchema = z
  .object({
    $schema: z.string().optional(),
    /** Names of MTUS parts a citation may name ("Chronic Pain Medical Treatment", "Low Back Complaints"). */
    mtusParts: z.array(z.string().min(1)).optional(),
    rows: z.array(GuidelineRowSchema),
  })
  .strict();

export type GuidelineLimit = z.infer<typeof LimitSchema>;
export type GuidelineRow = z.infer<typeof GuidelineRowSchema>;
export type GuidelineTableInput = z.input<typeof GuidelineTableSchema>;
