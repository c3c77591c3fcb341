import type { HeaderKey, SectionKind } from '../model/determination.js';
import { collapseSpace } from '../text/collapseSpace.js';

export type LayoutId = 'standard' | 'notice-2013' | 'documents-reviewed' | 'professional-review';

export interface SectionHeading {
  kind: Exclude<SectionKind, 'unknown'>;
  /** The heading as letters write it (what missing-section inserts). */
  title: string;
  re: RegExp;
}

export interface Layout {
  id: LayoutId;
  /** Shown in the outline and in messages. */
  name: string;
  /** The layout's sections, in the order its letters give them. */
  sections: SectionHeading[];
  /** Header fields every letter of this layout states (where the 2013 notice states them in sentences). */
  header: HeaderKey[];
}

const ALL_HEADER: HeaderKey[] = ['caseNumber', 'dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate', 'priority', 'applicationReceived'];
const h = (kind: SectionHeading['kind'], title: string, re: RegExp): SectionHeading => ({ kind, title, re });

const HOW_MADE = h('howMade', 'HOW THE IMR FINAL DETERMINATION WAS MADE', /^how\s+the\s+(?:imr\s+)?final\s+determination\s+was\s+made$/i);
const CLINICAL_SUMMARY = h('summary', 'CLINICAL CASE SUMMARY', /^clinical\s+case\s+summary$/i);

/**
 * The letter layouts DOMAIN.md describes, as data. Each rule works on the common model; missing-section and
 * section-order read the sections of the document's layout from here.
 */
export const LAYOUTS: Record<LayoutId, Layout> = {
  standard: {
    id: 'standard',
    name: 'IMR final determination (2014 and later)',
    sections: [
      HOW_MADE,
      CLINICAL_SUMMARY,
      h('decisions', 'IMR ISSUES, DECISIONS AND RATIONALES', /^imr\s+issues\s*(?:,\s*)?decisions\s*(?:,\s*)?and\s+rationales$/i),
    ],
    header: ALL_HEADER,
  },
  'notice-2013': {
    id: 'notice-2013',
    name: 'Notice of IMR determination (2013, numbered findings)',
    sections: [
      h('decisions', 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE', /^independent\s+medical\s+review\s+decision\s+and\s+rationale$/i),
      h('qualifications', 'Medical Qualifications of the Expert Reviewer:', /^medical\s+qualifications\s+of\s+the\s+expert\s+reviewer$/i),
      h('summary', 'Case Summary:', /^case\s+summary$/i),
    ],
    // Stated in sentences: "Dated: 9/26/2013", "filed on 9/6/2013 disputing the Utilization Review Denial dated 8/30/2013".
    header: ['decisionDate', 'applicationReceived', 'urDenialDate'],
  },
  'documents-reviewed': {
    id: 'documents-reviewed',
    name: 'IMR final determination with DOCUMENTS REVIEWED',
    sections: [
      HOW_MADE,
      CLINICAL_SUMMARY,
      h('documents', 'DOCUMENTS REVIEWED', /^documents\s+reviewed$/i),
      h('decisions', 'IMR DECISION(S) AND RATIONALE(S)', /^imr\s+decision(?:\s*\(?s\)?)?\s+and\s+rationale(?:\s*\(?s\)?)?$/i),
    ],
    header: ALL_HEADER,
  },
  'professional-review': {
    id: 'professional-review',
    name: 'Medical professional review',
    sections: [
      h('issue', 'ISSUE AT DISPUTE:', /^issue\s+at\s+dispute$/i),
      h('summary', 'CASE SUMMARY:', /^case\s+summary$/i),
      h('documents', 'DOCUMENTS REVIEWED FOR DETERMINATION:', /^documents\s+reviewed\s+for\s+determination$/i),
      h('guidelines', 'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:', /^medical\s+treatment\s+guideline(?:\s*\(?s\)?)?\s+relied\s+upon\s+by\s+(?:the\s+)?professional\s+reviewer\s+and\s+why$/i),
      h('rationale', 'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:', /^rationale\s+for\s+why\s+the\s+requested\s+treatment(?:\s*\/\s*(?:service\s+)?|\s+service\s+|\s+)is(?:\s*\/\s*(?:was\s+)?|\s+was\s+|\s+)(?:not\s+)?medically\s+necessary$/i),
      h('qualifications', 'MEDICAL REVIEWER QUALIFICATIONS:', /^medical\s+reviewer\s+qualifications$/i),
    ],
    header: ['caseNumber', 'dateOfInjury'],
  },
};

export const LAYOUT_IDS = Object.keys(LAYOUTS) as LayoutId[];

/** Every heading of every layout (one per distinct text), for finding sections before the layout is known. */
const ALL_HEADINGS: SectionHeading[] = LAYOUT_IDS.flatMap((id) => LAYOUTS[id].sections).filter(
  (s, i, all) => all.findIndex((x) => x.re.source === s.re.source) === i,
);

/** The heading a line is, of any layout ("### Clinical Case Summary:" -> CLINICAL CASE SUMMARY). */
export function headingOf(line: string): SectionHeading | undefined {
  // Length first: the regexes below must never see a huge line (a run of colons is quadratic for /[:.]+$/).
  if (line.length > 200) return undefined;
  const t = collapseSpace(line.trim().replace(/[:.]+$/, ''));
  if (t.length > 110) return undefined;
  return ALL_HEADINGS.find((hd) => hd.re.test(t));
}

// "imr-layout: notice-2013" in a front-matter block or an HTML comment forces a layout.
const FORCED_RE = /^[ \t]*(?:<!--\s*)?imr-layout\s*:\s*([a-z0-9-]+)/im;
const NOTICE_RE = /\b\d\)\s*MAXIMUS\s+Federal\s+Services,?\s+Inc\.?\s+has\s+determined/i;

/**
 * Which layout a letter is: forced by an option or an `imr-layout:` line, else the layout whose headings
 * the letter has most of (the standard one on a tie, and when nothing is found).
 */
export function detectLayout(text: string, headings: SectionHeading[], forced?: LayoutId): { layout: Layout; forced: boolean } {
  if (forced && LAYOUTS[forced]) return { layout: LAYOUTS[forced], forced: true };
  const m = FORCED_RE.exec(text.slice(0, 2000));
  if (m && (LAYOUTS as Record<string, Layout>)[m[1]]) return { layout: LAYOUTS[m[1] as LayoutId], forced: true };
  let best: Layout = LAYOUTS.standard;
  let bestScore = 0;
  for (const id of LAYOUT_IDS) {
    const layout = LAYOUTS[id];
    let score = layout.sections.filter((s) => headings.some((x) => x.re.source === s.re.source)).length;
    // Headings only this layout has weigh more than shared ones ("Case Summary:", CLINICAL CASE SUMMARY).
    score += layout.sections.filter((s) => headings.some((x) => x.re.source === s.re.source) && !LAYOUT_IDS.some((o) => o !== id && LAYOUTS[o].sections.some((y) => y.re.source === s.re.source))).length;
    if (id === 'notice-2013' && NOTICE_RE.test(text)) score += 2;
    if (score > bestScore) {
      best = layout;
      bestScore = score;
    }
  }
  return { layout: best, forced: false };
}
