// Synthetic determinations for scripts/bench.ts: the seed letter grown to a target size by repeating its
// clinical narrative and its disputed item with varied treatments, counts, pages and dates, so a large
// document is realistic (many items, many dates, a mix of upheld and overturned) rather than one
// paragraph pasted a thousand times.

/** Deterministic PRNG (mulberry32), so every run benchmarks the same text. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_RE = MONTHS.join('|');
const pad = (n: number) => String(n).padStart(2, '0');

interface Ymd { y: number; m: number; d: number }

function randomDate(r: () => number, fromYear: number, toYear: number): Ymd {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return { y, m, d };
}

/** Replaces every date in `text` with a random one written in the same format. */
export function varyDates(text: string, r: () => number, fromYear: number, toYear: number): string {
  return text
    .replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, () => {
      const t = randomDate(r, fromYear, toYear);
      return `${pad(t.m)}/${pad(t.d)}/${t.y}`;
    })
    .replace(new RegExp(String.raw`\b(${MONTH_RE}) (\d{1,2}), (\d{4})\b`, 'g'), () => {
      const t = randomDate(r, fromYear, toYear);
      return `${MONTHS[t.m - 1]} ${t.d}, ${t.y}`;
    })
    .replace(new RegExp(String.raw`\b(${MONTH_RE}) (\d{4})\b`, 'g'), () => {
      const t = randomDate(r, fromYear, toYear);
      return `${MONTHS[t.m - 1]} ${t.y}`;
    });
}

interface Treatment {
  title: string;
  name: string;
  cite: string;
  page: string;
  limit: string;
  max: number;
}

const TREATMENTS: Treatment[] = [
  { title: 'MASSAGE THERAPY, SOFT TISSUE RELEASE', name: 'massage therapy', cite: 'MTUS Chronic Pain Treatment Guidelines Page(s): 60', page: '60', limit: '4-6 visits', max: 6 },
  { title: 'PHYSICAL THERAPY', name: 'physical therapy', cite: 'MTUS Chronic Pain Medical Treatment Guidelines Page(s): 98-99', page: '98-99', limit: '9-10 visits', max: 10 },
  { title: 'CHIROPRACTIC MANIPULATION', name: 'chiropractic manipulation', cite: 'MTUS Chronic Pain Medical Treatment Guidelines Page(s): 58-59', page: '58-59', limit: '18 visits', max: 18 },
  { title: 'ACUPUNCTURE', name: 'acupuncture', cite: 'MTUS Acupuncture Medical Treatment Guidelines', page: '9', limit: '3-6 treatments', max: 6 },
  { title: 'AQUATIC THERAPY', name: 'aquatic therapy', cite: 'MTUS Chronic Pain Medical Treatment Guidelines Page(s): 22, 98-99', page: '22', limit: '9-10 visits', max: 10 },
  { title: 'COGNITIVE BEHAVIORAL THERAPY', name: 'cognitive behavioral therapy', cite: 'MTUS Chronic Pain Medical Treatment Guidelines Page(s): 23', page: '23', limit: '6-10 visits', max: 10 },
];
const REGIONS = ['THE LUMBAR AND NECK', 'THE LUMBAR SPINE', 'THE CERVICAL SPINE', 'THE RIGHT SHOULDER', 'THE LEFT KNEE', 'BOTH WRISTS'];

export interface SeedParts {
  /** Header, first two sections and the decisions heading + intro: everything before the first item. */
  head: string;
  /** The clinical narrative paragraph (longest paragraph of the summary section). */
  narrative: string;
  /** Where the narrative ends in `head` (more narrative goes there). */
  narrativeEnd: number;
  /** The first disputed item through the end of the letter. */
  item: string;
}

/** Cuts the seed into the pieces the generator repeats. Throws if the seed does not have the layout. */
export function splitSeed(seed: string): SeedParts {
  const text = seed.replace(/\r\n?/g, '\n').trimEnd() + '\n';
  const dec = /^.*IMR ISSUES, DECISIONS AND RATIONALES.*$/im.exec(text);
  const sum = /^.*CLINICAL CASE SUMMARY.*$/im.exec(text);
  if (!dec || !sum) throw new Error('seed has no CLINICAL CASE SUMMARY / IMR ISSUES headings');
  const itemStart = text.slice(dec.index).search(/^.*:[ \t]*(?:\*\*)?[ \t]*(?:Upheld|Overturned)[ \t]*$/im);
  if (itemStart < 0) throw new Error('seed has no disputed item with a verdict');
  const summary = text.slice(sum.index, dec.index);
  let best = { start: 0, end: 0 };
  const paraRe = /[^\n]+(?:\n[^\n]+)*/g;
  for (let m; (m = paraRe.exec(summary)); ) if (m[0].length > best.end - best.start) best = { start: m.index, end: m.index + m[0].length };
  return {
    head: text.slice(0, dec.index + itemStart),
    narrative: summary.slice(best.start, best.end),
    narrativeEnd: sum.index + best.end,
    item: text.slice(dec.index + itemStart),
  };
}

/** One more narrative paragraph: the seed's, minus its first (age / injury date) sentence, dates varied. */
function narrativeVariant(p: SeedParts, r: () => number, i: number): string {
  const body = p.narrative.replace(/^[^.]*\.\s*/, '');
  const visit = randomDate(r, 2012, 2013);
  const pain = 3 + Math.floor(r() * 7);
  return varyDates(
    `On ${MONTHS[visit.m - 1]} ${visit.d}, ${visit.y}, follow-up visit ${i + 2} documented pain graded ${pain}/10. ${body}`,
    r,
    2010,
    2013,
  );
}

/** One more disputed item: another treatment, count, region, page and verdict, with a consistent rationale. */
function itemVariant(p: SeedParts, r: () => number, i: number): string {
  const t = TREATMENTS[i % TREATMENTS.length];
  const overturned = r() < 0.3;
  const count = overturned ? Math.max(1, Math.floor(t.max / 2) + Math.floor(r() * (t.max / 2))) : t.max + 2 + Math.floor(r() * 12);
  const region = REGIONS[Math.floor(r() * REGIONS.length)];
  let s = p.item;
  // Title: "**MASSAGE THERAPY, SOFT TISSUE RELEASE TIMES 12 SESSIONS FOR THE LUMBAR AND NECK:** Upheld"
  s = s.replace(/^([^\w\n]*)[^\n]*?(:[^\w\n]*)(Upheld|Overturned)[ \t]*$/m, (_m, pre: string, colon: string) =>
    `${pre}${t.title} TIMES ${count} SESSIONS FOR ${region}${colon}${overturned ? 'Overturned' : 'Upheld'}`);
  s = s.replace(/MTUS Chronic Pain Treatment Guidelines Page\(s\): 60/g, t.cite);
  s = s.replace(/massage therapy page 60/gi, `${t.name} page ${t.page}`);
  s = s.replace(/massage therapy/g, t.name);
  s = s.replace(/4-6 visits/g, t.limit);
  s = s.replace(/request of 12 visits clearly exceeds/g, overturned ? `request of ${count} visits is within` : `request of ${count} visits clearly exceeds`);
  if (overturned) s = s.replace(/is not medically necessary/g, 'is medically necessary');
  return varyDates(s, r, 2012, 2013);
}

/**
 * A determination of about `targetBytes` (UTF-8 length; the seed is ASCII): the seed's header, about 40%
 * clinical narrative and 60% disputed items.
 */
export function generateDetermination(seed: string, targetBytes: number, seedNo = 42): string {
  const p = splitSeed(seed);
  const r = rng(seedNo);
  const base = p.head.length + p.item.length;
  const narrativeBudget = Math.max(0, (targetBytes - base) * 0.4);
  const narr: string[] = [];
  let n = 0;
  for (let i = 0; n < narrativeBudget; i++) {
    const v = narrativeVariant(p, r, i);
    narr.push(v);
    n += v.length + 2;
  }
  const head = p.head.slice(0, p.narrativeEnd) + (narr.length ? '\n\n' + narr.join('\n\n') : '') + p.head.slice(p.narrativeEnd);
  const items: string[] = [p.item.trimEnd()];
  let total = head.length + p.item.length;
  for (let i = 1; total < targetBytes; i++) {
    const v = itemVariant(p, r, i).trimEnd();
    items.push(v);
    total += v.length + 2;
  }
  return head + items.join('\n\n') + '\n';
}

/** A letter-sized variant of any letter (seed or real): dates and visit counts varied. */
export function letterVariant(text: string, seedNo: number): string {
  const r = rng(seedNo);
  return varyDates(text, r, 2012, 2016).replace(/\b(\d{1,2}) (sessions|visits)\b/g, (_m, _n: string, unit: string) => `${2 + Math.floor(r() * 22)} ${unit}`);
}
