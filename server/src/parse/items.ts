import type {
  Citation,
  Conclusion,
  DisputedItem,
  LabeledPart,
  PartialCertification,
  Rationale,
  ReviewerGuideline,
  VerdictValue,
} from '../model/determination.js';
import type { GuidelineTable } from '../guidelines/table.js';
import type { Span } from '../types.js';
import { type Paragraph, paragraphOf, trimSpan } from './paragraphs.js';
import { verdictAtEnd } from './verdictAtEnd.js';
import { parseRequestQuantity } from './quantity.js';
import { medicationItem } from './medication.js';
import { statesException } from './exception.js';
import { bodyRegionsOf } from './mentions/regions.js';
import { collapseSpace } from '../text/collapseSpace.js';

type PartKind = 'ca' | 'mx' | 'rat';
const PART_LABELS: { kind: PartKind; re: RegExp }[] = [
  { kind: 'ca', re: /^\s*claims\s+administrator(?:'s)?\s+guidelines?\s*:/i },
  { kind: 'mx', re: /^\s*(?:maximus|expert\s+reviewer(?:'s)?|reviewer(?:'s)?)\s+guidelines?\s*:/i },
  { kind: 'rat', re: /^\s*decision\s+rationale\s*:/i },
  // The 2013 notice: "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:", "Rationale for the Decision:".
  { kind: 'mx', re: /^\s*medical\s+treatment\s+guideline(?:\s*\(?s\)?)?\s+relied\s+upon(?:\s+by\s+the\s+expert\s+reviewer)?\s*:/i },
  { kind: 'rat', re: /^\s*rationale\s+for\s+the\s+decision\s*:/i },
];
const PART_ORDER: Record<PartKind, number> = { ca: 0, mx: 1, rat: 2 };
const INTRO_RE = /^\s*the\s+final\s+determination\s+was\s+based\s+on\s+decisions/i;
/** A title with its verdict: "...: Upheld" (verdictAtEnd.ts: linear, where a `$`-anchored pattern was cubic). */
const endsWithTitleVerdict = (t: string) => verdictAtEnd(t, true) !== undefined;
// The 2013 notice titles its items "1) Regarding the request for ...:"; their verdicts are in the findings.
export const NOTICE_TITLE_RE = /^\s*(\d{1,2})\)\s*regarding\s+the\s+request\s+for\s+/i;

interface ItemDraft {
  title?: Paragraph[];
  parts: Partial<Record<PartKind, { label: Span; paras: Paragraph[] }>>;
  /** Paragraphs appended to the last part; the last one may turn out to be the next item's title. */
  last?: PartKind;
}

function classify(p: Paragraph, text: string): PartKind | 'intro' | 'title' | 'other' {
  const t = text.slice(p.span.start, p.span.end);
  for (const l of PART_LABELS) if (l.re.test(t)) return l.kind;
  if (INTRO_RE.test(t)) return 'intro';
  if (endsWithTitleVerdict(t) || NOTICE_TITLE_RE.test(t)) return 'title';
  return 'other';
}

/** Splits the decisions section's paragraphs into disputed items. */
export function parseItems(input: Paragraph[], plain: string, table: GuidelineTable): DisputedItem[] {
  const paras = splitAtLabels(input);
  const drafts: ItemDraft[] = [];
  let cur: ItemDraft | undefined;
  // 'other' paragraphs not yet owned by any item; the last one before an item's first label is its title
  let pending: Paragraph[] = [];
  for (const p of paras) {
    const kind = classify(p, plain);
    if (kind === 'intro' && !cur) continue;
    if (kind === 'title') {
      cur = { title: [p], parts: {} };
      pending = [];
      drafts.push(cur);
      continue;
    }
    if (kind === 'ca' || kind === 'mx' || kind === 'rat') {
      const label = PART_LABELS.find((l) => l.kind === kind && l.re.test(plain.slice(p.span.start, p.span.end)))!.re.exec(plain.slice(p.span.start, p.span.end))!;
      const labelSpan = trimSpan(plain, { start: p.span.start + label.index, end: p.span.start + label.index + label[0].length });
      const needsNew =
        !cur || Object.keys(cur.parts).some((k) => PART_ORDER[k as PartKind] >= PART_ORDER[kind]) || pending.length > 0;
      if (needsNew) {
        // The paragraph before an item's first label, not ending in a verdict, is a title whose verdict is missing.
        let title: Paragraph[] | undefined = pending.length ? [pending[pending.length - 1]] : undefined;
        if (!title && cur && cur.last) {
          const owner = cur.parts[cur.last]!;
          if (owner.paras.length > 1 && kind !== 'rat') title = [owner.paras.pop()!];
        }
        cur = { title, parts: {} };
        pending = [];
        drafts.push(cur);
      }
      cur!.parts[kind] = { label: labelSpan, paras: [p] };
      cur!.last = kind;
      continue;
    }
    // 'other' (and an intro sentence after items started)
    if (cur && cur.last) cur.parts[cur.last]!.paras.push(p);
    else if (cur && cur.title && !cur.last) cur.title.push(p);
    else pending.push(p);
  }
  return drafts.map((d) => buildItem(d, plain, table));
}

/**
 * Writers who put no blank line between an item's parts still mean separate parts: a paragraph is cut
 * before each line that starts with a part label, and after a line that ends with a verdict.
 */
function splitAtLabels(paras: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paras) {
    let cur: Paragraph['lines'] = [];
    const flush = () => {
      if (cur.length > 0) out.push(paragraphOf(cur));
      cur = [];
    };
    if (p.lines.length === 1) {
      out.push(p);
      continue;
    }
    for (const line of p.lines) {
      // A title ending in its verdict right after another item's part (or the intro sentence) starts anew.
      if (cur.length > 0 && endsWithTitleVerdict(line.text) && (PART_LABELS.some((l) => l.re.test(cur[0].text)) || INTRO_RE.test(cur[0].text))) flush();
      if (cur.length > 0 && PART_LABELS.some((l) => l.re.test(line.text))) {
        // "...rationale.\nNext title:\nClaims Administrator guideline:": the line before an item's first
        // label, at the end of another part, is the next item's title.
        if (PART_LABELS[0].re.test(line.text) && cur.length > 1 && PART_LABELS.some((l) => l.re.test(cur[0].text))) {
          const title = cur.pop()!;
          flush();
          cur = [title];
        }
        flush();
      }
      cur.push(line);
      // The intro sentence ends its own paragraph, as does a line ending in a verdict.
      if (endsWithTitleVerdict(line.text) || NOTICE_TITLE_RE.test(line.text) || INTRO_RE.test(line.text)) flush();
    }
    flush();
  }
  return out;
}

/** An item made of a title alone (the medical professional review's ISSUE AT DISPUTE), parts added by the caller. */
export function itemFromTitle(title: Paragraph[], plain: string, table: GuidelineTable): DisputedItem {
  return buildItem({ title, parts: {} }, plain, table);
}

function partOf(d: { label: Span; paras: Paragraph[] }, plain: string): LabeledPart {
  const last = d.paras[d.paras.length - 1];
  const valueSpan = trimSpan(plain, { start: d.label.end, end: last.span.end });
  return { labelSpan: d.label, valueSpan, text: plain.slice(valueSpan.start, valueSpan.end) };
}

function buildItem(d: ItemDraft, plain: string, table: GuidelineTable): DisputedItem {
  const firstPart = d.parts.ca ?? d.parts.mx ?? d.parts.rat;
  const titleSpan: Span = d.title
    ? { start: d.title[0].span.start, end: d.title[d.title.length - 1].span.end }
    : { start: firstPart!.label.start, end: firstPart!.label.start };
  let titleText = plain.slice(titleSpan.start, titleSpan.end);
  let verdict: DisputedItem['verdict'];
  let titleEnd = titleSpan.end;
  const vm = verdictAtEnd(titleText, true) ?? (d.title ? verdictAtEnd(titleText, false) : undefined);
  if (vm) {
    const word = vm.word;
    const ws = titleSpan.start + vm.wordStart;
    verdict = { value: (word[0].toUpperCase() + word.slice(1).toLowerCase()) as VerdictValue, span: { start: ws, end: ws + word.length } };
    titleEnd = titleSpan.start + vm.index;
  }
  // The title proper: without the verdict, the colon before it and trailing "is".
  let tStart = titleSpan.start;
  const notice = NOTICE_TITLE_RE.exec(plain.slice(titleSpan.start, titleEnd));
  if (notice) tStart += notice[0].length;
  const tSpan = trimSpan(plain, { start: tStart, end: titleEnd });
  titleText = trimEndOf(plain.slice(tSpan.start, tSpan.end), /[\s:]/);
  const titleOnly = { start: tSpan.start, end: tSpan.start + titleText.length };
  const flat = collapseSpace(titleText);

  const partial = parsePartial(plain, titleOnly);
  const quantity = partial?.original ?? parseRequestQuantity(titleText, titleOnly.start);
  const t = table.findTreatment(titleText);
  const medication = titleText.length <= 3000 ? medicationItem(titleText, titleOnly.start, table.medications) : undefined;
  const item: DisputedItem = {
    span: { start: titleSpan.start, end: 0 },
    title: { text: flat, span: titleOnly },
    quantity,
    ...(medication && { medication }),
    bodyRegions: bodyRegionsOf(flat),
    verdict,
    partial,
    ancillary: /^associated\s+surgical\s+service/i.test(flat),
    treatment: t && { name: t.name, treatment: t.treatment, span: { start: titleOnly.start + t.index, end: titleOnly.start + t.index + t.name.length } },
  };
  if (d.parts.ca) item.claimsAdministratorGuideline = partOf(d.parts.ca, plain);
  if (d.parts.mx) item.reviewerGuideline = reviewerGuideline(partOf(d.parts.mx, plain), table);
  if (d.parts.rat) item.rationale = rationale(partOf(d.parts.rat, plain));
  const lastPart = item.rationale ?? item.reviewerGuideline ?? item.claimsAdministratorGuideline;
  item.span.end = Math.max(titleSpan.end, lastPart ? lastPart.valueSpan.end : titleSpan.end);
  return item;
}

const PARTIAL_RE =
  /^([\s\S]*?)\s+was\s+the\s+original\s+request\.\s*([\s\S]*?)\s+(?:was|were)\s+(?:authorized|certified|approved)\s+by\s+the\s+claims\s+administrator\.\s*the\s+remaining\s+IMR\s+eligible\s+portion\s+of\s+the\s+original\s+request\s*,?\s*([\s\S]*?)\s*(?:,\s*)?(?:\bis)?$/i;

function parsePartial(plain: string, span: Span): PartialCertification | undefined {
  const text = plain.slice(span.start, span.end);
  // The lazy groups of PARTIAL_RE are quadratic; a real partial-certification title is a few lines.
  if (text.length > 3000 || !/original\s+request/i.test(text)) return undefined;
  const m = PARTIAL_RE.exec(text);
  if (!m) return undefined;
  const at = (group: number) => span.start + text.indexOf(m[group], group === 1 ? 0 : m.index + m[1].length);
  const original = parseRequestQuantity(m[1], at(1));
  const authorized = parseRequestQuantity(m[2], at(2));
  const remaining = parseRequestQuantity(m[3], span.start + text.lastIndexOf(m[3]));
  const expected = original && authorized && original.count !== authorized.count ? original.count - authorized.count : undefined;
  return {
    span,
    original,
    authorized,
    remaining,
    ...(expected !== undefined && remaining && { arithmetic: { expected, agrees: expected === remaining.count } }),
  };
}

const NO_CITATION_RE = /did\s+not\s+cite\s+any\s+(?:medical\s+)?evidence/i;

// A guideline line is a sentence or two; past this many characters the rest is not parsed for citations.
const MAX_CITATION_TEXT = 4000;

export function reviewerGuideline(part: LabeledPart, table: GuidelineTable): ReviewerGuideline {
  const citations: Citation[] = [];
  const text = part.text.slice(0, MAX_CITATION_TEXT);
  // Each "Decision based on ..." starts one statement; MTUS statements list parts joined by ", and".
  const starts = [...text.matchAll(/decision\s+based\s+on\s+/gi)].map((m) => ({ at: m.index!, body: m.index! + m[0].length }));
  if (starts.length === 0 && /\b(?:based\s+(?:its|his\/her|his|her|their)\s+decision\s+on|relied\s+(?:up)?on)\b/i.test(text)) {
    // Prose citations (the 2013 notice): "The Expert Reviewer based his/her decision on the MTUS Chronic Pain
    // Medical Treatment Guidelines, pages 30-32." Only named MTUS parts are taken.
    for (const m of text.matchAll(/\bMTUS\s*(?:\(\w+\)\s*)?(?:,\s*)?((?:[A-Z][\w&'-]*,?\s+(?:and\s+)?){1,6}?)(?:Medical\s+Treatment\s+)?(?:Guidelines?|\d{4}|,|\.|$)/g)) {
      const name = m[1].replace(/[\s,]+$/, '');
      if (!name || !table.isKnownMtusPart(name)) continue;
      const c = citation(part, m.index!, text.slice(m.index!, Math.min(text.length, m.index! + m[0].length + 40)).split(/[.;]/)[0], true);
      c.part = name;
      citations.push(c);
    }
    return { ...part, citations, statesNoCitation: NO_CITATION_RE.test(text) };
  }
  if (starts.length === 0 && text.trim() && !NO_CITATION_RE.test(text)) starts.push({ at: 0, body: 0 });
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].at : text.length;
    let body = text.slice(s.body, end);
    const nonMtus = /^non-?\s*MTUS\s+citations?\s*(?::\s*)?/i.exec(body);
    if (nonMtus) {
      const start = s.body + nonMtus[0].length;
      const t = text.slice(start, end).replace(/[\s.]+$/, '');
      if (t) citations.push(citation(part, start, t, false));
      return;
    }
    const mtus = /^(?:the\s+)?(?:CA\s+)?MTUS\s*/i.exec(body);
    const offset = s.body + (mtus ? mtus[0].length : 0);
    body = text.slice(offset, end);
    // "A 2004, Section(s): X, and B 2016, Section(s): Y": split at ", and" only once the current piece has
    // its pages or sections, so "Neck and Upper Back" and "Forearm, Wrist, and Hand" stay whole.
    const pieces = splitParts(body);
    let cursor = offset;
    for (const piece of pieces) {
      const at = text.indexOf(piece, cursor);
      cursor = at + piece.length;
      const t = piece.replace(/[\s.]+$/, '');
      if (!t.trim()) continue;
      // MTUS when the statement says so, or when it names a part of MTUS; a bare study citation is not MTUS.
      const c = citation(part, at, t, true);
      c.mtus = !!mtus || /\bMTUS\b/.test(t) || table.isKnownMtusPart(c.part);
      citations.push(c);
    }
  });
  return { ...part, citations, statesNoCitation: NO_CITATION_RE.test(text) };
}

function splitParts(body: string): string[] {
  const out: string[] = [];
  // Where each piece gets its pages or sections; a split is allowed only after one of those.
  const anchors = [...body.matchAll(/(?:page|section)s?\s*(?:\(s\)\s*)?:/gi)].map((m) => m.index!);
  let from = 0;
  const re = /,?\s+and\s+(?=[A-Z][\w,&'\s-]{0,80}?(?:\b(?:19|20)\d\d\b|Guidelines?\b))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (!anchors.some((a) => a >= from && a < m!.index)) continue;
    out.push(body.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(body.slice(from));
  return out;
}

function citation(part: LabeledPart, at: number, t: string, mtus: boolean): Citation {
  const lead = t.length - t.trimStart().length;
  const raw = t.trim();
  const text = collapseSpace(raw);
  const start = part.valueSpan.start + at + lead;
  const pages = /pages?\s*(?:\(s\)\s*)?(?::\s*)?([\d\s,;&and-]+)/i.exec(text);
  const sections = /sections?\s*(?:\(s\)\s*)?:\s*(\S[\s\S]*)$/i.exec(text);
  const year = /\b(19|20)\d\d\b/.exec(text);
  const partName = text
    .replace(/,?\s*(?:pages?|sections?)[\s\S]*$/i, '')
    .replace(/\b(19|20)\d\d\b/, '')
    .replace(/[\s,]+$/, '')
    .trim();
  return {
    text,
    span: { start, end: start + raw.length },
    mtus,
    part: partName,
    year: year ? +year[0] : undefined,
    pages: pages ? expandPages(pages[1]) : [],
    sections: sections ? sections[1].split(/;|,(?![^(]*\))/).map((x) => x.trim()).filter(Boolean) : [],
  };
}

function expandPages(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/(\d+)(?:\s*-\s*(\d+))?/g)) {
    const a = +m[1];
    const b = m[2] ? +m[2] : a;
    for (let p = a; p <= b && p - a < 50; p++) out.push(String(p));
  }
  return out;
}

// The conclusion is the last "medically necessary" of the rationale; the clause before it decides the
// polarity: "is determined to not be", "cannot be considered", "was not" make it negative.
const NECESSARY_RE = /medically\s+(?:necessary|appropriate)|medical\s+necessity|\b(?:is|was|are|were)\s+(?:not\s+)?necessary\b/gi;
const VERB_RE = /\b(?:is|was|are|were|be|been|being|can|cannot|could|should|would|will|does|do|did|has|have|had|remains?)\b|n't\b/i;
const NEGATION_RE = /\b(?:not|cannot|can't|no\s+longer|never|neither|nor|un(?:able|supported))\b|n't\b/i;

export function rationale(part: LabeledPart): Rationale {
  const text = part.text;
  let last: RegExpExecArray | undefined;
  NECESSARY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NECESSARY_RE.exec(text))) last = m;
  let conclusion: Conclusion | undefined;
  if (last) {
    // The clause that governs the phrase: back over comma-separated pieces until one has a verb, so that
    // "is not, at this time, medically necessary" keeps its "not" while a leading subordinate clause
    // ("As she has not had therapy before, the request is medically necessary") is left out.
    let s = last.index;
    for (;;) {
      let p = s;
      while (p > 0 && last.index - p < 160 && !/[.;!?,]/.test(text[p - 1])) p--;
      s = p;
      if (VERB_RE.test(text.slice(s, last.index)) || p === 0 || text[p - 1] !== ',' || last.index - p >= 160) break;
      s = p - 1;
    }
    const clause = text.slice(s, last.index);
    // "medical necessity ... has not been established" puts the negation after the phrase.
    let after = last.index + last[0].length;
    while (after < text.length && !/[.;!?]/.test(text[after])) after++;
    const neg = NEGATION_RE.exec(clause) ?? (/necessity/i.test(last[0]) ? NEGATION_RE.exec(text.slice(last.index, after)) : null);
    const negAt = neg ? (neg.index + (NEGATION_RE.exec(clause) ? s : last.index)) : 0;
    // The whole sentence, for the message and related location.
    let ss = s;
    while (ss > 0 && !/[.!?]/.test(text[ss - 1])) ss--;
    let e = last.index + last[0].length;
    while (e < text.length && !/[.!?]/.test(text[e])) e++;
    if (e < text.length) e++;
    const span = trimSpan(text, { start: ss, end: e });
    const base = part.valueSpan.start;
    const phraseStart = neg ? Math.min(negAt, last.index) : last.index;
    conclusion = {
      span: { start: base + span.start, end: base + span.end },
      text: collapseSpace(text.slice(span.start, span.end)),
      necessary: !neg,
      phraseSpan: { start: base + phraseStart, end: base + last.index + last[0].length },
    };
  }
  return { ...part, conclusion, statesException: statesException(text) };
}

/** `s` without the trailing characters that match `re` (one character each): linear, unlike /[...]+$/. */
function trimEndOf(s: string, re: RegExp): string {
  let end = s.length;
  while (end > 0 && re.test(s[end - 1])) end--;
  return s.slice(0, end);
}
