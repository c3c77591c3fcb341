import { ageMismatch } from './ageMismatch.js';
import { citationMismatch } from './citationMismatch.js';
import { complexMarkdown } from './complexMarkdown.js';
import { citationTopicMismatch } from './citationTopicMismatch.js';
import { dateOrder } from './dateOrder.js';
import { duplicateItem } from './duplicateItem.js';
import { eventBeforeInjury } from './eventBeforeInjury.js';
import { futureDate } from './futureDate.js';
import { injuryDateMismatch } from './injuryDateMismatch.js';
import { invalidCaseNumber } from './invalidCaseNumber.js';
import { invalidDate } from './invalidDate.js';
import { invalidPriority } from './invalidPriority.js';
import { lateApplication, lateDecision } from './late.js';
import { medicationQuantityMismatch } from './medicationQuantityMismatch.js';
import { medicationOverGuideline } from './medicationOverGuideline.js';
import { missingConclusion } from './missingConclusion.js';
import { limitMisquoted } from './limitMisquoted.js';
import { missingClaimsAdministratorGuideline } from './missingClaimsAdministratorGuideline.js';
import { missingGuidelineCitation } from './missingGuidelineCitation.js';
import { missingHeaderField } from './missingHeaderField.js';
import { missingRationale } from './missingRationale.js';
import { missingSection } from './missingSection.js';
import { missingVerdict } from './missingVerdict.js';
import { partialCertificationMismatch } from './partialCertificationMismatch.js';
import { pronounMismatch } from './pronounMismatch.js';
import { requestCountMismatch } from './requestCountMismatch.js';
import type { Rule } from './rule.js';
import { sectionOrder } from './sectionOrder.js';
import { unfilledPlaceholder } from './unfilledPlaceholder.js';
import { unknownGuideline } from './unknownGuideline.js';
import { unredactedPhi } from './unredactedPhi.js';
import { urDateMismatch } from './urDateMismatch.js';
import { verdictConflict } from './verdictConflict.js';
import { visitsOverLimit } from './visitsOverLimit.js';

/** The registry: ids are stable, and this list is the only place a rule is added. */
export const RULES: readonly Rule[] = [
  missingSection,
  sectionOrder,
  missingHeaderField,
  invalidDate,
  invalidCaseNumber,
  invalidPriority,
  injuryDateMismatch,
  urDateMismatch,
  dateOrder,
  futureDate,
  lateApplication,
  lateDecision,
  eventBeforeInjury,
  missingGuidelineCitation,
  missingClaimsAdministratorGuideline,
  citationMismatch,
  unknownGuideline,
  visitsOverLimit,
  citationTopicMismatch,
  medicationQuantityMismatch,
  medicationOverGuideline,
  partialCertificationMismatch,
  verdictConflict,
  missingVerdict,
  missingRationale,
  missingConclusion,
  duplicateItem,
  ageMismatch,
  pronounMismatch,
  requestCountMismatch,
  limitMisquoted,
  unfilledPlaceholder,
  unredactedPhi,
  complexMarkdown,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
