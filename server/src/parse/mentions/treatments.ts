import { escapeRegExp, type GuidelineTable } from '../../guidelines/table.js';

/**
 * Regular expressions for the treatment names of each family of the guideline table: the words, and the
 * upper-case abbreviations (PT, OT, CMT). Compiled once per table.
 */
const cache = new WeakMap<GuidelineTable, Map<string, RegExp[]>>();

export function familyRegexes(table: GuidelineTable): Map<string, RegExp[]> {
  let out = cache.get(table);
  if (out) return out;
  out = new Map();
  for (const family of new Set(table.rows.map((r) => r.treatment))) {
    const names = [...new Set(table.rowsFor(family).flatMap((r) => r.names.map((n) => n.toLowerCase())))].sort((a, b) => b.length - a.length);
    // Short names ("pt", "ot") are matched in upper case only: in running text "pt" is often the patient.
    // A name may wrap over a line: "physical\ntherapy".
    const words = names.filter((n) => n.length > 3).map((n) => escapeRegExp(n).replace(/ /g, '\\s+'));
    const short = names.filter((n) => n.length <= 3 && /^[a-z/]+$/.test(n)).map((n) => escapeRegExp(n.toUpperCase()));
    const res: RegExp[] = [];
    if (words.length) res.push(new RegExp(`(?<![a-z0-9])(?:${words.join('|')})(?![a-z0-9])`, 'gi'));
    if (short.length) res.push(new RegExp(`(?<![A-Za-z0-9/])(?:${short.join('|')})(?![A-Za-z0-9/])`, 'g'));
    out.set(family, res);
  }
  cache.set(table, out);
  return out;
}

/** The treatment names in `text` (one sentence), left to right, the first family found at a place winning. */
export function treatmentNamesIn(text: string, table: GuidelineTable, families?: ReadonlySet<string>): { start: number; end: number; family: string }[] {
  const names: { start: number; end: number; family: string }[] = [];
  for (const [family, res] of familyRegexes(table)) {
    if (families && !families.has(family)) continue;
    for (const re of res) for (const m of text.matchAll(re)) {
      if (!names.some((x) => x.start <= m.index && m.index < x.end)) names.push({ start: m.index, end: m.index + m[0].length, family });
    }
  }
  return names.sort((a, b) => a.start - b.start);
}
