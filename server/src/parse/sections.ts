import type { SectionKind } from '../model/determination.js';

/** The standard section headings, in the order a letter has them. */
export const SECTION_HEADINGS: { kind: Exclude<SectionKind, 'unknown'>; title: string; re: RegExp }[] = [
  { kind: 'howMade', title: 'HOW THE IMR FINAL DETERMINATION WAS MADE', re: /^how\s+the\s+(?:imr\s+)?final\s+determination\s+was\s+made$/i },
  { kind: 'summary', title: 'CLINICAL CASE SUMMARY', re: /^clinical\s+case\s+summary$/i },
  { kind: 'decisions', title: 'IMR ISSUES, DECISIONS AND RATIONALES', re: /^imr\s+issues\s*,?\s*decisions\s*,?\s*and\s+rationales$/i },
];

/** Which standard section a heading line names, if any ("### Clinical Case Summary:" -> summary). */
export function sectionKindOf(line: string): Exclude<SectionKind, 'unknown'> | undefined {
  // Length first: the regexes below must never see a huge line (a run of colons is quadratic for /[:.]+$/).
  if (line.length > 200) return undefined;
  const t = line.trim().replace(/[:.]+$/, '').replace(/\s+/g, ' ');
  if (t.length > 60) return undefined;
  for (const h of SECTION_HEADINGS) if (h.re.test(t)) return h.kind;
  return undefined;
}
