import type { GuidelineTable } from '../guidelines/table.js';
import type { Topic, TopicWords } from '../guidelines/schema.js';
import type { Citation, DisputedItem } from '../model/determination.js';
import type { Rule, RuleFinding } from './rule.js';

// Titles and citations are a line or two; past this many characters the rest is not looked at.
const MAX_TEXT = 2000;

/** Lower case, "&" as "and", "%" as "percent", punctuation as spaces, digits split from letters ("20mg" -> "20 mg"), padded. */
export function topicText(s: string): string {
  return ` ${s
    .slice(0, MAX_TEXT)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/%/g, ' percent ')
    .replace(/(\d)(?=[a-z])|([a-z])(?=\d)/g, '$1$2 ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

interface Compiled {
  regions: (TopicWords & { keys: string[] })[];
  kinds: (TopicWords & { keys: string[] })[];
  chapters: (Topic & { keys: string[] })[];
  sections: (Topic & { keys: string[] })[];
  labels: Map<string, string>;
}

const compiled = new WeakMap<GuidelineTable, Compiled>();

function compile(table: GuidelineTable): Compiled {
  let c = compiled.get(table);
  if (!c) {
    const keys = (ws: string[]) => ws.map(topicText).filter((k) => k.trim());
    const t = table.topics;
    c = {
      regions: t.regions.map((r) => ({ ...r, keys: keys(r.words) })),
      kinds: t.kinds.map((k) => ({ ...k, keys: keys(k.words) })),
      chapters: t.chapters.map((x) => ({ ...x, keys: keys(x.names) })),
      sections: t.sections.map((x) => ({ ...x, keys: keys(x.names) })),
      labels: new Map([...t.regions, ...t.kinds].map((x) => [x.id, x.label ?? x.id.replace(/-/g, ' ')])),
    };
    compiled.set(table, c);
  }
  return c;
}

const has = (text: string, keys: string[]) => keys.some((k) => text.includes(k));

/** The body regions an item title names: specific ones, or the broad ones ("spine") when it names none. */
export function itemRegions(title: string, table: GuidelineTable): string[] {
  const text = topicText(title);
  const found = compile(table).regions.filter((r) => has(text, r.keys));
  const specific = found.filter((r) => !r.broad);
  return (specific.length ? specific : found).map((r) => r.id);
}

/** The treatment kinds an item title names (imaging, injection, medication...). */
export function itemKinds(title: string, table: GuidelineTable): string[] {
  const text = topicText(title);
  return compile(table).kinds.filter((k) => has(text, k.keys)).map((k) => k.id);
}

interface CitationTopic {
  /** Matched chapters (empty: the chapter is unknown, which fits every item). */
  chapters: (Topic & { keys: string[] })[];
  /** Kinds of the matched sections, or of the chapters when no section is known; empty: unknown. */
  kinds: string[];
  /** Names of what was matched, for the message. */
  sectionNames: string[];
}

const GUIDELINE_NAMED = /\b(?:ODG|Official\s+Disability|ACOEM|American\s+College\s+of\s+Occupational)\b/i;

function citationTopic(c: Citation, table: GuidelineTable): CitationTopic | undefined {
  const t = compile(table);
  // MTUS citations name their part and sections; other citations are free text, read only when they
  // name ODG or ACOEM (a study's title says nothing reliable about chapters).
  if (!c.mtus && !GUIDELINE_NAMED.test(c.text)) return undefined;
  const chapterText = topicText(c.mtus ? c.part : c.text);
  const chapters = t.chapters.filter((x) => has(chapterText, x.keys));
  const sectionTexts = c.mtus ? c.sections.map(topicText) : [topicText(c.text)];
  const kinds = new Set<string>();
  const sectionNames: string[] = [];
  for (const s of sectionTexts) {
    const hits = t.sections.filter((x) => has(s, x.keys));
    if (!hits.length) continue;
    hits.forEach((h) => (h.kinds ?? []).forEach((k) => kinds.add(k)));
    if (c.mtus) sectionNames.push(s.trim());
  }
  // A cited section the table does not know: its topic is unknown, which fits.
  const unknownSection = c.mtus && sectionTexts.some((s) => !t.sections.some((x) => has(s, x.keys)));
  if (unknownSection) kinds.clear();
  if (!kinds.size && !(c.mtus && c.sections.length)) chapters.forEach((ch) => (ch.kinds ?? []).forEach((k) => kinds.add(k)));
  return { chapters, kinds: [...kinds], sectionNames };
}

interface Verdict {
  fits: boolean;
  /** What was cited and what it is about ('"Low Back Complaints" (the low back and thoracic spine)'). */
  cited?: string;
  /** What the item is about, in the same terms ('the knee'). */
  item?: string;
}

/** "a", "a and b", "a, b and c". */
function andList(xs: string[]): string {
  const u = [...new Set(xs)];
  return u.length <= 1 ? (u[0] ?? '') : `${u.slice(0, -1).join(', ')} and ${u[u.length - 1]}`;
}

function judge(c: Citation, regions: string[], kinds: string[], table: GuidelineTable): Verdict {
  const topic = citationTopic(c, table);
  if (!topic) return { fits: true };
  const labels = compile(table).labels;
  const label = (id: string) => labels.get(id) ?? id;
  const list = (ids: string[]) => andList(ids.map(label));
  // Region: no region named, no chapter known, a general chapter, or a chapter without regions all fit.
  const regionFits =
    regions.length === 0 ||
    topic.chapters.length === 0 ||
    topic.chapters.some((ch) => ch.general || !ch.regions?.length || ch.regions.some((r) => regions.includes(r)));
  if (!regionFits) {
    const chapterRegions = topic.chapters.flatMap((ch) => (ch.regions ?? []).filter((r) => !compile(table).regions.find((x) => x.id === r)?.broad));
    return { fits: false, cited: `"${citedName(c)}" (the ${list(chapterRegions)})`, item: `the ${list(regions)}` };
  }
  const kindFits = kinds.length === 0 || topic.kinds.length === 0 || topic.kinds.some((k) => kinds.includes(k));
  if (!kindFits) {
    const what = topic.sectionNames.length ? `the section "${c.sections.join(', ')}"` : `"${citedName(c)}"`;
    return { fits: false, cited: `${what} (${list(topic.kinds)})`, item: list(kinds) };
  }
  return { fits: true };
}

function citedName(c: Citation): string {
  const name = c.mtus ? c.part : c.text;
  return name.length > 120 ? `${name.slice(0, 117)}...` : name;
}

/** Whether any of the citations fits an item with this title (what the rule checks; completion ranks by it). */
export function citationsFitTitle(citations: readonly Citation[], title: string, table: GuidelineTable): boolean {
  const regions = itemRegions(title, table);
  const kinds = itemKinds(title, table);
  if (!citations.length || (!regions.length && !kinds.length)) return true;
  return citations.some((c) => judge(c, regions, kinds, table).fits);
}

function check(item: DisputedItem, table: GuidelineTable): RuleFinding | undefined {
  const citations = item.reviewerGuideline?.citations ?? [];
  if (!citations.length || !item.title.text) return undefined;
  const regions = itemRegions(item.title.text, table);
  const kinds = itemKinds(item.title.text, table);
  if (!regions.length && !kinds.length) return undefined;
  const verdicts = citations.map((c) => judge(c, regions, kinds, table));
  // Any cited chapter that fits is enough ("Low Back Complaints ... and Chronic Pain ...").
  if (verdicts.some((v) => v.fits)) return undefined;
  const first = citations[0];
  const last = citations[citations.length - 1];
  const title = item.title.text.length > 80 ? `${item.title.text.slice(0, 77)}...` : item.title.text;
  return {
    span: citations.length === 1 ? first.span : { start: first.span.start, end: last.span.end },
    message: `The MAXIMUS guideline cites ${andList(verdicts.map((v) => v.cited!))} for "${title}" (${andList(verdicts.map((v) => v.item!))}). Cite the chapter or section about this item, or check the item.`,
    related: [{ span: item.title.span, message: 'the disputed item' }],
  };
}

/** The cited guideline chapter or section is about another body part or kind of treatment than the item. */
export const citationTopicMismatch: Rule = {
  meta: {
    id: 'citation-topic-mismatch',
    defaultSeverity: 'warning',
    description: 'The cited guideline chapter or section is about another body part or treatment than the item.',
    fixable: false,
  },
  check({ doc, table }) {
    const out: RuleFinding[] = [];
    for (const item of doc.items) {
      const f = check(item, table);
      if (f) out.push(f);
    }
    return out;
  },
};
