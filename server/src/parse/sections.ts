import { LAYOUTS } from './layouts.js';

/** The standard layout's section headings, in order (other layouts: parse/layouts.ts). */
export const SECTION_HEADINGS = LAYOUTS.standard.sections;
