import { VISIT_UNITS, type GuidelineRow } from '../guidelines/schema.js';
import type { GuidelineTable } from '../guidelines/table.js';
import type { Determination, DisputedItem } from '../model/determination.js';
import type { Severity, Span } from '../types.js';
import { summaryTerms, titleContext } from './citationText.js';
import type { Rule, RuleFinding } from './rule.js';
import { sentencesIn } from '../parse/mentions/sentences.js';
import { collapseSpace } from '../text/collapseSpace.js';

type Source = GuidelineRow['source'];

/** A range of whole numbers: "9-10" is {min: 9, max: 10}, "16" is {min: 16, max: 16}. */
interface Range {
  min: number;
  max: number;
}

/** A guideline figure: "9-10 visits over 8 weeks", "up to 18 visits", "1-2 visits every 4-6 months". */
export interface Figure {
  count: Range;
  period?: Range & { unit: 'weeks' | 'months' };
  /** Offsets in the text the figure was read from. */
  start: number;
  end: number;
}

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  'twenty-four': 24, 'twenty four': 24, 'twenty-five': 25, 'twenty-six': 26, thirty: 30,
};
const N = String.raw`(\d{1,3}|twenty[- ](?:four|five|six)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)`;
const num = (s: string) => WORDS[s.toLowerCase()] ?? parseInt(s, 10);
// "9-10 visits", "3 to 6 treatments", "six-visit", "16 visits"; not "3 visits per week" (a frequency).
const FIGURE_RE = new RegExp(String.raw`(?<![\w./#-])${N}(?:\s*(?:-|–|to)\s*${N})?\s*(?:-\s*)?(?:visits?|sessions?|treatments?)\b(?!\s*(?:(?:per|a|an|each|\/)\s*(?:day|week|wk|month)\b|weekly|daily|monthly))`, 'gi');
// The period right after the figure, within a few words: "over 8 weeks", ", over 6-8 weeks", "of physical
// therapy over eight weeks", "every 4-6 months".
const PERIOD_RE = new RegExp(String.raw`^(?:[\s,]+[\w/-]+){0,4}?[\s,]+(?:over|in|within|during|every)\s+(?:a\s+(?:period\s+of\s+)?|up\s+to\s+)?${N}(?:\s*(?:-|–|to)\s*${N})?\s*(weeks?|months?)\b`, 'i');

/** The figures of a text: counts of visits, sessions or treatments, each with the period written after it. */
export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE_RE)) {
    const a = num(m[1]);
    const b = m[2] ? num(m[2]) : a;
    if (!(a > 0 && b >= a && b < 200)) continue;
    const end = m.index + m[0].length;
    const p = PERIOD_RE.exec(text.slice(end, end + 80));
    const figure: Figure = { count: { min: a, max: b }, start: m.index, end };
    if (p) {
      const pa = num(p[1]);
      const pb = p[2] ? num(p[2]) : pa;
      if (pa > 0 && pb >= pa) {
        figure.period = { min: pa, max: pb, unit: p[3].toLowerCase().startsWith('month') ? 'months' : 'weeks' };
        figure.end = end + p[0].length;
      }
    }
    out.push(figure);
  }
  return out;
}


/** The figures a table row states: those its limit text writes, else its structured limit. */
function rowFigures(row: GuidelineRow): Figure[] {
  const l = row.limit;
  if (!l || !VISIT_UNITS.has(l.unit)) return [];
  const written = figuresIn(l.text);
  if (written.length > 0) return written;
  return [{ count: { min: l.min ?? l.max, max: l.max }, period: l.weeks ? { min: l.weeks, max: l.weeksMax ?? l.weeks, unit: 'weeks' } : undefined, start: 0, end: 0 }];
}

/** A quoted range agrees with a stated one: the same range, or one number that is either end of it. */
function sameRange(quoted: Range, stated: Range): boolean {
  if (quoted.min === quoted.max) return quoted.min === stated.min || quoted.min === stated.max;
  return quoted.min === stated.min && quoted.max === stated.max;
}

type Agreement = 'full' | 'count';

function agreement(q: Figure, f: Figure): Agreement | undefined {
  if (!sameRange(q.count, f.count)) return undefined;
  if (!q.period) return 'full';
  return f.period && f.period.unit === q.period.unit && sameRange(q.period, f.period) ? 'full' : 'count';
}

// The sentence quotes a guideline: it names one, or uses the words guidelines use for their figures, or
// gives a figure after a condition and a colon ("Arthritis (ICD9 715): 9 visits over 8 weeks").
const QUOTE_CUE = /\b(?:guidelines?|MTUS|ODG|ACOEM|recommend\w*|limit\w*|up\s+to|allow\w*|maximum|total\s+of|trial\s+of|consists?\s+of|warrant\w*|includes?|indicated|support\w*|state[sd]?|suggest\w*|unspecified|treatment\s*:|ICD\w*)\b/i;
// ... but a figure of the patient's history or of the request is no quotation.
const HISTORY_BEFORE = /\b(?:request\w*|authoriz\w*|approv\w*|certif\w*|modif\w*|complet\w*|attend\w*|receiv\w*|underw\w*|undergone|had|has\s+had|have\s+had|previous(?:ly)?|prior|already|remaining|original(?:ly)?|at\s+least|to\s+date|so\s+far|additional|another|eligible|denied|non-?certified|documented|performed|participated|trialed|tried|this|the\s+(?:current|present))\b[^.;:]{0,25}$/i;
const HISTORY_AFTER = /^[^.;]{0,40}?\b(?:request\w*|were|was|has\s+been|have\s+been|had|authorized|approved|certified|completed|attended|received|to\s+date|so\s+far|previously|exceeds?)\b/i;
// Who the sentence says the figure is from.
const SOURCE_RE = /\b(?:(MTUS|California\s+(?:MTUS|Medical\s+Treatment|Chronic\s+Pain|guidelines?)|Chronic\s+Pain\s+(?:Medical\s+Treatment\s+)?Guidelines)|(ODG|Official\s+Disability\s+Guidelines?)|(ACOEM))\b/gi;

const MAX_SENTENCE = 1500;

/** Every treatment family a text names (not only the first). */
function familiesNamed(text: string, table: GuidelineTable): Set<string> {
  // A name may wrap over a line; the first 20 names are plenty.
  return new Set(table.treatmentsIn(collapseSpace(text), 20).map((t) => t.treatment));
}

/**
 * The treatment families a figure in an item's rationale may be about: the item's own; those its sentence
 * names; those of the guideline parts the item cites ("Acupuncture Medical Treatment"); and, when the
 * rationale never names the item's treatment, those it names instead (a myofascial release item decided
 * on the acupuncture guideline).
 */
function familiesFor(item: DisputedItem, rationaleFamilies: Set<string>, sentence: string, table: GuidelineTable): Set<string> {
  const own = item.treatment!.treatment;
  const out = new Set<string>([own, ...familiesNamed(sentence, table)]);
  for (const c of item.reviewerGuideline?.citations ?? []) for (const f of familiesNamed(c.part, table)) out.add(f);
  if (!rationaleFamilies.has(own)) for (const f of rationaleFamilies) out.add(f);
  return out;
}

interface Verdict {
  figure: Figure;
  /** 'source': only another source of the table gives it; 'period': the count is the table's, the period not; 'none': no row gives it. */
  kind: 'source' | 'period' | 'none';
  rows: GuidelineRow[];
  attributed?: Source;
}

function cite(row: GuidelineRow): string {
  const where = row.pages?.length ? `, page(s) ${row.pages.join(', ')}` : row.sections?.length ? `, ${row.sections[0]}` : '';
  return `${row.source === 'MTUS' ? 'MTUS ' : ''}${row.guideline.part}${where}`;
}

function quoted(text: string, f: Figure, base: number): string {
  return `"${collapseSpace(text.slice(f.start - base, f.end - base))}"`;
}

/** A figure a rationale quotes, with what the table makes of it. */
export interface QuotedFigure {
  item: DisputedItem;
  figure: Figure;
  /** Offsets of the sentence it stands in. */
  sentence: Span;
  /** 'ok': a row of the named source (or any, when none is named) gives it; see Verdict for the others. */
  kind: 'ok' | Verdict['kind'];
  rows: GuidelineRow[];
  attributed?: Source;
}

/** Every guideline figure the rationales quote for their item's treatment, each judged against the table. */
export function quotedFigures(doc: Determination, table: GuidelineTable): QuotedFigure[] {
  const out: QuotedFigure[] = [];
  const terms = summaryTerms(doc, table);
  for (const item of doc.items) {
    const r = item.rationale;
    if (!item.treatment || !r) continue;
    const rationaleFamilies = familiesNamed(r.text, table);
    const statedCache = new Map<string, { row: GuidelineRow; figures: Figure[] }[]>();
    const statedFor = (family: string) => {
      let v = statedCache.get(family);
      if (!v) statedCache.set(family, (v = table.rowsFor(family).filter((row) => row.limit && VISIT_UNITS.has(row.limit.unit)).map((row) => ({ row, figures: rowFigures(row) }))));
      return v;
    };
    if (statedFor(item.treatment.treatment).length === 0) continue;
    for (const s of sentencesIn(doc.plain, r.valueSpan)) {
      if (s.end - s.start > MAX_SENTENCE) continue;
      const sentence = doc.plain.slice(s.start, s.end);
      const figures = figuresIn(sentence);
      if (figures.length === 0) continue;
      const stated = [...familiesFor(item, rationaleFamilies, sentence, table)].flatMap(statedFor);
      for (const local of figures) {
        const before = sentence.slice(0, local.start);
        const after = sentence.slice(local.end, local.end + 60);
        // "patients may receive 10 visits" is the guideline's own wording, not the patient's history.
        const generic = /\b(?:patients|individuals|claimants|workers)\s+(?:may|can|could|should|would)\s+(?:\w+\s+)?$/i.test(before.slice(-60).replace(/receiv\w*\s*$/i, ''));
        if ((!generic && HISTORY_BEFORE.test(before.slice(-60))) || HISTORY_AFTER.test(after)) continue;
        // A guideline word before the figure in its sentence, or a condition label and a colon.
        if (!QUOTE_CUE.test(before) && !/:\s*(?:[\w,() -]{0,30})?$/.test(before.slice(-60))) continue;
        const figure: Figure = { ...local, start: s.start + local.start, end: s.start + local.end };
        let attributed: Source | undefined;
        for (const m of before.matchAll(SOURCE_RE)) attributed = m[1] ? 'MTUS' : m[2] ? 'ODG' : 'ACOEM';
        const full = stated.filter(({ figures }) => figures.some((f) => agreement(figure, f) === 'full')).map((x) => x.row);
        const sourceOk = (row: GuidelineRow) => !attributed || row.source === attributed || row.source === 'statute' || row.source === 'regulation' || row.source === 'other';
        const base = { item, figure, sentence: s, attributed };
        if (full.some(sourceOk)) out.push({ ...base, kind: 'ok', rows: full.filter(sourceOk) });
        else if (full.length > 0) out.push({ ...base, kind: 'source', rows: full });
        else {
          // Only the count agrees, with a row that applies to this item (its condition holds): a period
          // misremembered, information. A count of a row for another condition (CRPS, a postsurgical
          // course) over another period is no figure of this treatment: a misquote.
          const applies = new Set(table.applicableRows(item.treatment.treatment, titleContext(item), terms, false));
          const counts = stated.filter(({ row, figures }) => applies.has(row) && figures.some((f) => agreement(figure, f) === 'count')).map((x) => x.row);
          out.push({ ...base, kind: counts.length ? 'period' : 'none', rows: counts });
        }
      }
    }
  }
  return out;
}

/**
 * Guideline figures a rationale quotes for the item's treatment ("limited to 4-8 visits", "up to 16 visits
 * over 6-8 weeks") that no row of the guideline table gives: warning, naming what the table gives and
 * where. Information when the figure is another source's than the one the sentence names (CRPS: MTUS 24
 * visits, ODG 26), or when only its period differs from the table's.
 */
export const limitMisquoted: Rule = {
  meta: { id: 'limit-misquoted', defaultSeverity: 'warning', description: 'A rationale quotes guideline figures for the treatment that the guideline table does not give.', fixable: false },
  check({ doc, table }) {
    const out: RuleFinding[] = [];
    const terms = summaryTerms(doc, table);
    const wrong = quotedFigures(doc, table).filter((q) => q.kind !== 'ok');
    // One finding per sentence.
    for (let i = 0; i < wrong.length; ) {
      let j = i + 1;
      while (j < wrong.length && wrong[j].sentence.start === wrong[i].sentence.start && wrong[j].item === wrong[i].item) j++;
      out.push(finding(doc, wrong[i].item, table, terms, wrong.slice(i, j) as Verdict[]));
      i = j;
    }
    return out;
  },
};

/** One finding per sentence: its misquoted figures, each with what the table says instead. */
function finding(doc: Determination, item: DisputedItem, table: GuidelineTable, terms: ReadonlySet<string>, verdicts: Verdict[]): RuleFinding {
  const span: Span = { start: verdicts[0].figure.start, end: verdicts[verdicts.length - 1].figure.end };
  const warning = verdicts.some((v) => v.kind === 'none');
  const treatment = item.treatment!.treatment;
  const parts = verdicts.map((v) => {
    const q = quoted(doc.plain, v.figure, 0);
    if (v.kind === 'source') return `${q} is the figure of ${v.rows.map(cite).join(' and ')}, not of ${v.attributed}`;
    if (v.kind === 'period') return `${q}: the table has this count (${v.rows.map((row) => `${cite(row)}: ${row.limit!.text}`).join('; ')}) but not over that period`;
    return `${q}: no source of the table gives it`;
  });
  // What the table says for this item's treatment: the rows that apply to it, MTUS first.
  const visitRows = (rows: GuidelineRow[]) => rows.filter((row) => row.limit && VISIT_UNITS.has(row.limit.unit));
  const applicable = visitRows(table.applicableRows(treatment, titleContext(item), terms, false));
  const shown = (applicable.length ? applicable : visitRows(table.rowsFor(treatment))).slice(0, 3);
  const says = shown.map((row) => `${cite(row)}: ${row.limit!.text}`).join('; ');
  const advice = warning
    ? 'Check the guideline text and correct the figures (or add their source to the guideline table).'
    : verdicts.every((v) => v.kind === 'source')
      ? 'Name the guideline the figures are from.'
      : 'Check the figures against the guideline text.';
  return {
    span,
    severity: warning ? undefined : 'info',
    message: `The rationale quotes ${verdicts.length > 1 ? 'guideline figures' : 'a guideline figure'} for ${treatment} that the guideline table does not give so: ${parts.join('; ')}. For this item the table gives ${says}. ${advice}`,
    related: item.reviewerGuideline ? [{ span: item.reviewerGuideline.labelSpan, message: 'Guidelines cited for the item' }] : [],
  };
}
