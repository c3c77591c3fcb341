// Helpers for the editor-feature tests. Positions are computed from the text here (never copied from the
// features' output), so a wrong range in a feature fails its test.
import assert from 'node:assert/strict';
import { lint, type LanguageId, type LintResult, type Position, type Range } from '../../server/src/index.ts';

export function lintAs(text: string, languageId: LanguageId = 'markdown'): LintResult {
  return lint(text, { languageId });
}

/** Offset -> LSP position: lines end at \r\n, \r or \n; columns are UTF-16 code units. */
export function positionAt(text: string, offset: number): Position {
  assert.ok(offset >= 0 && offset <= text.length, `offset ${offset} outside the text`);
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export function rangeAt(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}

/** Offset of the only occurrence of `needle` (or the first after `after`); fails when absent or ambiguous. */
export function indexOf(text: string, needle: string, after?: string): number {
  const from = after === undefined ? 0 : text.indexOf(after);
  assert.ok(from >= 0, `anchor ${JSON.stringify(after)} not in text`);
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `${JSON.stringify(needle)} not in text`);
  if (after === undefined) assert.equal(text.indexOf(needle, i + 1), -1, `${JSON.stringify(needle)} occurs more than once`);
  return i;
}

/** The offset just after `needle`. */
export function endOf(text: string, needle: string, after?: string): number {
  return indexOf(text, needle, after) + needle.length;
}

/** The range of `needle` in `text`. */
export function rangeOf(text: string, needle: string, after?: string): Range {
  const i = indexOf(text, needle, after);
  return rangeAt(text, i, i + needle.length);
}

export function replaceOnce(text: string, from: string, to: string): string {
  indexOf(text, from);
  return text.replace(from, () => to);
}

/** The line number (0-based) of the line holding `needle`. */
export function lineOf(text: string, needle: string, after?: string): number {
  return positionAt(text, indexOf(text, needle, after)).line;
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** A clean determination in the seed's Markdown layout, two items (Overturned PT, Upheld massage). */
export const MD = `<b>Case Number:</b>\tCM16-0219999\t\t
<b>Date Assigned:</b>\t11/18/2016\t<b>Date of Injury:</b>\t10/13/2015
<b>Decision Date:</b>\t12/19/2016\t<b>UR Denial Date:</b>\t11/03/2016
<b>Priority:</b>\tStandard\t<b>Application Received:</b>\t11/14/2016

### HOW THE IMR FINAL DETERMINATION WAS MADE

MAXIMUS Federal Services sent the complete case file to an expert reviewer.

### CLINICAL CASE SUMMARY

The injured worker is a 50 year old female who sustained an industrial injury on 10/13/2015. In a utilization review dated 11/03/2016, the claims administrator non-certified requests for physical therapy and massage therapy.

### IMR ISSUES, DECISIONS AND RATIONALES

The Final Determination was based on decisions for the disputed items/services set forth below:

**PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE:** Overturned

**Claims Administrator guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.

**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.

**Decision rationale:** The guidelines recommend 9-10 visits over 8 weeks for myalgia. Therefore, the request is medically necessary.

**MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK:** Upheld

**Claims Administrator guideline:** The Claims Administrator did not cite any medical evidence for its decision.

**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.

**Decision rationale:** Massage is limited to 4-6 visits. Further massage is not supported. Therefore, the request is not medically necessary.
`;

/** The same letter as plain text, in the layout pdftotext gives the published letters. */
export const TXT = `Case Number:          CM16-0219999
Date Assigned:        11/18/2016                      Date of Injury:      10/13/2015
Decision Date:        12/19/2016                      UR Denial Date:      11/03/2016
Priority:             Standard                        Application          11/14/2016
                                                      Received:

                 HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer.

                                CLINICAL CASE SUMMARY
The injured worker is a 50 year old female who sustained an industrial injury on 10/13/2015.
In a utilization review dated 11/03/2016, the claims administrator non-certified requests for
physical therapy and massage therapy.

                      IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:

Physical therapy times 8 sessions for the lumbar spine: Overturned

Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment
2016, Section(s): Physical medicine treatment.

MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,
Section(s): Physical medicine treatment.

Decision rationale: The guidelines recommend 9-10 visits over 8 weeks for myalgia.
Therefore, the request is medically necessary.

Massage therapy times 6 sessions for the neck: Upheld

Claims Administrator guideline: The Claims Administrator did not cite any medical evidence
for its decision.

MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,
Section(s): Massage therapy.

Decision rationale: Massage is limited to 4-6 visits. Further massage is not supported.
Therefore, the request is not medically necessary.
`;
