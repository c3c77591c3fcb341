import type { SectionKind } from '../model/determination.js';
import { headingOf, LAYOUTS } from './layouts.js';

/** The standard layout's section headings, in order (other layouts: parse/layouts.ts). */
export const SECTION_HEADINGS = LAYOUTS.standard.sections;

/** Which section a heading line names, in any layout ("### Clinical Case Summary:" -> summary). */
export function sectionKindOf(line: string): Exclude<SectionKind, 'unknown'> | undefined {
  return headingOf(line)?.kind;
}
