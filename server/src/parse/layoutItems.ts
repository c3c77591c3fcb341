import type { GuidelineTable } from '../guidelines/table.js';
import type { DisputedItem, HeaderField, HeaderKey, Section } from '../model/determination.js';
import { parseDateValue } from './dates.js';
import { itemFromTitle, parseItems, rationale, reviewerGuideline } from './items.js';
import { linesOf, paragraphsOf, trimSpan } from './paragraphs.js';
import { collapseSpace } from '../text/collapseSpace.js';

// What the two non-standard layouts need beyond the common parser: the 2013 notice states its dates in
// sentences and its verdicts in numbered findings; the medical professional review is one item spread
// over sections.

const NOTICE_DATES: { key: HeaderKey; label: string; re: RegExp }[] = [
  { key: 'decisionDate', label: 'Decision Date', re: /Determination\s+Dated\s*:\s*(\S+)/i },
  { key: 'applicationReceived', label: 'Application Received', re: /application\s+for\s+independent\s+medical\s+review\s+was\s+filed\s+on\s+(\S+?)[,.]?\s+disputing/i },
  { key: 'urDenialDate', label: 'UR Denial Date', re: /disputing\s+the\s+utilization\s+review\s+(?:denial|decision|determination)\s+dated\s+(\S+?)[,.]?(?=\s|$)/i },
  { key: 'dateAssigned', label: 'Date Assigned', re: /notice\s+of\s+assignment\s+and\s+request\s+for\s+information\s+was\s+provided\s+to\s+the\s+above\s+parties\s+on\s+(\S+?)[,.]?(?=\s|$)/i },
];

/** Header fields the 2013 notice gives in sentences ("... was filed on 9/6/2013 disputing ..."). */
export function noticeHeaderFields(plain: string): HeaderField[] {
  const head = plain.slice(0, 8000);
  const out: HeaderField[] = [];
  for (const d of NOTICE_DATES) {
    const m = d.re.exec(head);
    if (!m) continue;
    const start = m.index + m[0].indexOf(m[1], m[0].length - m[1].length - 2);
    const raw = m[1];
    const field: HeaderField = {
      key: d.key,
      label: d.label,
      labelSpan: { start: m.index, end: start },
      raw,
      valueSpan: { start, end: start + raw.length },
    };
    const date = parseDateValue(raw, start);
    if (date) field.date = { ...date, role: 'header', headerKey: d.key };
    out.push(field);
  }
  return out;
}

const FINDING_RE = /(\d{1,2})\)\s*MAXIMUS\s+Federal\s+Services,?\s+Inc\.?,?\s+has\s+determined\s+the\s+request\s+for\s+([\s\S]{1,400}?)\s+is\s+(not\s*)?medically\s+necessary(?:\s+and\s+appropriate)?/gi;

/**
 * Items of the 2013 notice: the "N) Regarding the request for ...:" blocks, each given the verdict of its
 * numbered finding ("N) MAXIMUS ... has determined the request for ... is not medically necessary").
 * Where a letter has findings but no blocks, each finding is an item of its own.
 */
export function noticeItems(plain: string, from: number, table: GuidelineTable): DisputedItem[] {
  const findings = new Map<number, { title: { start: number; end: number }; necessary: boolean; phrase: { start: number; end: number } }>();
  FINDING_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FINDING_RE.exec(plain))) {
    const titleStart = m.index + m[0].indexOf(m[2], m[1].length);
    const phraseStart = m.index + m[0].toLowerCase().lastIndexOf(m[3] ? 'not' : 'medically');
    findings.set(+m[1], {
      title: { start: titleStart, end: titleStart + m[2].length },
      necessary: !m[3],
      phrase: { start: phraseStart, end: m.index + m[0].length },
    });
  }
  const items = parseItems(paragraphsOf(linesOf(plain, from, plain.length)), plain, table).filter((i) => i.reviewerGuideline || i.rationale);
  const verdictFor = (n: number) => {
    const f = findings.get(n);
    return f && { value: f.necessary ? ('Overturned' as const) : ('Upheld' as const), span: f.phrase };
  };
  if (items.length > 0) {
    for (const item of items) {
      const n = /^\s*(\d{1,2})\)/.exec(plain.slice(item.span.start, item.span.start + 6));
      if (n && !item.verdict) item.verdict = verdictFor(+n[1]);
    }
    return items;
  }
  return [...findings.entries()].map(([n, f]) => ({
    span: { start: f.title.start, end: f.phrase.end },
    title: { text: collapseSpace(plain.slice(f.title.start, f.title.end)), span: f.title },
    bodyRegions: [],
    verdict: verdictFor(n),
    ancillary: false,
  }));
}

/** The one item of a medical professional review: the issue is its title, two sections its guideline and rationale. */
export function professionalReviewItem(plain: string, sections: Section[], table: GuidelineTable): DisputedItem[] {
  const issue = sections.find((s) => s.kind === 'issue');
  if (!issue) return [];
  const titlePara = paragraphsOf(linesOf(plain, issue.bodySpan.start, issue.bodySpan.end))[0];
  const guidelines = sections.find((s) => s.kind === 'guidelines');
  const rationaleSection = sections.find((s) => s.kind === 'rationale');
  const base: DisputedItem = titlePara ? itemFromTitle([titlePara], plain, table) : {
    span: issue.headingSpan,
    title: { text: '', span: { start: issue.bodySpan.start, end: issue.bodySpan.start } },
    bodyRegions: [],
    ancillary: false,
  };
  const part = (s: Section | undefined) => {
    if (!s) return undefined;
    const valueSpan = trimSpan(plain, s.bodySpan);
    return { labelSpan: s.headingSpan, valueSpan, text: plain.slice(valueSpan.start, valueSpan.end) };
  };
  const mx = part(guidelines);
  const rat = part(rationaleSection);
  if (mx) base.reviewerGuideline = reviewerGuideline(mx, table);
  if (rat) base.rationale = rationale(rat);
  // The heading says what was decided: "... IS/WAS NOT MEDICALLY NECESSARY" is a denial upheld.
  if (rationaleSection && !base.verdict) {
    const h = rationaleSection.headingSpan;
    const hm = /\bnot\s+medically\s+necessary/i.exec(plain.slice(h.start, h.end));
    if (hm) base.verdict = { value: 'Upheld', span: { start: h.start + hm.index, end: h.start + hm.index + hm[0].length } };
  }
  base.span = { start: base.span.start, end: Math.max(base.span.end, rat?.valueSpan.end ?? mx?.valueSpan.end ?? base.span.end) };
  return [base];
}
