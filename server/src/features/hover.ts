// Hover: what the linter knows of the element under the cursor (a date, a request, a citation, a verdict).
import { type Hover, MarkupKind } from 'vscode-languageserver-types';
import type { LintResult } from '../engine.js';
import type { GuidelineRow } from '../guidelines/schema.js';
import { type GuidelineTable, normalizePart } from '../guidelines/table.js';
import type { Citation, DateMention, Determination, DisputedItem, RequestQuantity } from '../model/determination.js';
import { HEADER_LABELS } from '../parse/header.js';
import { MONTH_NAMES, formatIso, formatUs, sameDate } from '../parse/dates.js';
import { summaryTerms, titleContext } from '../rules/citationText.js';
import { visitLimitOf } from '../rules/visitLimit.js';
import { daysBetween } from '../rules/late.js';
import { cite as citeMedication } from '../rules/medicationOverGuideline.js';
import { medicationFigures } from '../parse/medicationFigures.js';
import { formatRange as fmtRange } from '../model/medication.js';
import type { Span } from '../types.js';
import { clampOffset, contains, escapeMarkdown } from './context.js';
import { VISIT_UNITS, describeRow, whereOf } from './guidelineText.js';
import { collapseSpace } from '../text/collapseSpace.js';

/** The hover at `offset`, or null when nothing there has more to say. */
export function hoverAt(result: LintResult, offset: number, table: GuidelineTable): Hover | null {
  const doc = result.model;
  const at = clampOffset(result, offset);
  const hover = (span: Span, lines: string[]): Hover => ({
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') },
    range: result.lines.rangeOf(span),
  });

  for (const item of doc.items) {
    if (at < item.span.start || at > item.span.end) continue;
    if (item.verdict && contains(item.verdict.span, at)) return hover(item.verdict.span, verdictHover(item));
    const p = item.partial;
    for (const [q, what] of [[p?.authorized, 'authorized'], [p?.remaining, 'remaining']] as const) {
      if (q && contains(q.span, at)) return hover(q.span, partialHover(item, what));
    }
    if (item.quantity && contains(item.quantity.span, at)) return hover(item.quantity.span, requestHover(doc, item, table));
    if (item.treatment && contains(item.treatment.span, at)) return hover(item.treatment.span, requestHover(doc, item, table));
    const rg = item.reviewerGuideline;
    if (rg) {
      for (const c of rg.citations) if (contains(c.span, at)) return hover(c.span, citationHover(c, item, table));
      if (rg.statesNoCitation && rg.citations.length === 0 && contains(rg.valueSpan, at)) return hover(rg.valueSpan, noCitationHover(item));
    }
  }
  for (const item of doc.items) {
    if (at < item.span.start || at > item.span.end) continue;
    for (const d of item.medication?.drugs ?? []) if (contains(d.span, at)) return hover(d.span, drugHover(d.name, item, table));
  }
  for (const d of doc.dates) {
    if (d.span.start > at) break;
    if (contains(d.span, at)) return hover(d.span, dateHover(doc, d));
  }
  for (const f of doc.headerFields) {
    if (f.key !== 'caseNumber' && f.key !== 'priority') continue;
    const span = { start: f.labelSpan.start, end: Math.max(f.labelSpan.end, f.valueSpan.end) };
    if (contains(span, at)) return hover(span, FIELD_TEXT[f.key](f.raw));
  }
  return null;
}

// -------------------------------------------------------------------------------------- header fields

const FIELD_TEXT = {
  caseNumber: (raw: string) => [
    `**Case Number**${raw ? `: ${escapeMarkdown(raw)}` : ''}`,
    'The IMR case number the Division of Workers\' Compensation assigns: `CM`, the two-digit year of the application, a dash and seven digits (`CM16-0219999`). It identifies the case in every letter and record of it.',
  ],
  priority: (raw: string) => [
    `**Priority**${raw ? `: ${escapeMarkdown(raw)}` : ''}`,
    '`Standard` or `Expedited`. A standard review is decided within 30 days of receiving the records (Labor Code 4610.6(d)); an expedited one, for an imminent and serious threat to health, within 3 days.',
  ],
} as const;

/** What a header date is measured against: the intervals the statute speaks of, as information. */
function headerIntervals(doc: Determination, key: string | undefined): string[] {
  const d = (k: 'urDenialDate' | 'applicationReceived' | 'dateAssigned' | 'decisionDate' | 'dateOfInjury') => {
    const x = doc.header[k]?.date?.date;
    return x && x.day !== undefined ? x : undefined;
  };
  const between = (a: ReturnType<typeof d>, b: ReturnType<typeof d>) => (a && b ? daysBetween(a, b) : undefined);
  const out: string[] = [];
  if (key === 'urDenialDate' || key === 'applicationReceived') {
    const n = between(d('urDenialDate'), d('applicationReceived'));
    if (n !== undefined) out.push(`UR Denial Date to Application Received: **${n} days**. An application is due 30 days after service of the UR decision (8 CCR 9792.10.1(b)(1)); information only, as service may follow the decision.`);
  }
  if (key === 'dateAssigned' || key === 'decisionDate') {
    const n = between(d('dateAssigned'), d('decisionDate'));
    if (n !== undefined) out.push(`Date Assigned to Decision Date: **${n} days**. A standard review is due 30 days after the records arrive (Labor Code 4610.6(d)); information only, as a late decision remains binding.`);
  }
  if (key === 'dateOfInjury') {
    const n = between(d('dateOfInjury'), d('urDenialDate'));
    if (n !== undefined) out.push(`Date of Injury to UR Denial Date: **${n} days** (${(n / 365.25).toFixed(1)} years).`);
  }
  return out;
}

// ------------------------------------------------------------------------------------------- drugs

/** A drug the guideline table knows: its rows, with source and words, and what the request's figures are. */
function drugHover(name: string, item: DisputedItem, table: GuidelineTable): string[] {
  const rows = table.medications.rowsFor(name);
  const factor = table.medications.factorFor(name);
  const out = [`**${escapeMarkdown(name)}**`];
  for (const r of rows) {
    const what = r.kind === 'course' ? `at most ${r.maxDays} days` : r.kind === 'not-recommended' ? 'not recommended' : `at most ${r.maxMme} MME a day`;
    const route = r.route === 'any' ? '' : ` (${r.route})`;
    out.push(`- ${escapeMarkdown(citeMedication(r))}, ${escapeMarkdown(r.drugClass)}${route}: **${what}**. "${escapeMarkdown(r.words)}"${r.confirmed ? '' : ' *Not yet confirmed from the guideline text.*'}`);
  }
  if (factor) out.push(`Opioid: ${factor.factor} MME per ${factor.per} (${escapeMarkdown(factor.source)})${factor.confirmed ? '' : ', not yet confirmed'}.`);
  const f = item.medication ? medicationFigures(item.medication, table.medications) : {};
  const figures: string[] = [];
  if (f.perDay) figures.push(`${fmtRange(f.perDay)} a day`);
  if (f.course) figures.push(`a course of ${fmtRange(f.course.days)} days`);
  if (f.mme) figures.push(`${fmtRange(f.mme.perDay)} MME a day`);
  if (figures.length) out.push(`This request: ${figures.join(', ')}.`);
  if (rows.length === 0 && !factor) out.push('The guideline table has no row for it.');
  return out;
}


// -------------------------------------------------------------------------------------------- dates

const ROLE_TEXT = {
  injury: 'date of injury (narrative mention)',
  ur: 'utilization review decision date (narrative mention)',
  other: 'other date (not the injury or utilization review date)',
} as const;

/** "December 22, 2009"; "November 2009" for month-year dates. */
export function writtenOut(d: { year: number; month: number; day?: number }): string {
  return d.day === undefined ? `${MONTH_NAMES[d.month - 1]} ${d.year}` : `${MONTH_NAMES[d.month - 1]} ${d.day}, ${d.year}`;
}

function dateHover(doc: Determination, d: DateMention): string[] {
  const label = d.headerKey ? HEADER_LABELS.find((h) => h.key === d.headerKey)!.label : undefined;
  const role = d.role === 'header' ? `header field ${label ?? ''}`.trim() : ROLE_TEXT[d.role];
  const out = [`**${escapeMarkdown(collapseSpace(d.raw))}**: ${role}`];
  if (!d.date) {
    out.push(`Invalid date: ${escapeMarkdown((d.invalidReason ?? 'not a calendar date').replace(/\.$/, ''))}.`);
    return out;
  }
  out.push(`${formatIso(d.date)} (${writtenOut(d.date)})${d.date.day === undefined ? ', month and year only' : ''}`);
  if (d.role === 'header') out.push(...headerIntervals(doc, d.headerKey));
  const key = d.role === 'injury' ? 'dateOfInjury' : d.role === 'ur' ? 'urDenialDate' : undefined;
  if (key) {
    const name = HEADER_LABELS.find((h) => h.key === key)!.label;
    const field = doc.header[key];
    if (!field?.date?.date) out.push(`The header has no valid ${name} to compare with.`);
    else if (sameDate(d.date, field.date.date)) out.push(`Agrees with the header's ${name} (${formatUs(field.date.date)})`);
    else out.push(`Differs from the header's ${name} (${formatUs(field.date.date)})`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------- requests

function describeCount(q: RequestQuantity): string {
  return `${q.count} ${q.unit ?? (q.count === 1 ? 'visit' : 'visits')}`;
}

function requestHover(doc: Determination, item: DisputedItem, table: GuidelineTable): string[] {
  const q = item.quantity;
  const original = item.partial?.original === q && q ? 'original request' : 'request';
  if (!item.treatment) {
    return [`**Request**${q ? `: ${describeCount(q)}` : ''}`, 'No treatment of the guideline table is named in this title, so there is no limit to compare with.'];
  }
  const t = item.treatment;
  const out = [`**${escapeMarkdown(t.treatment)}**${t.name !== t.treatment ? ` (as "${escapeMarkdown(t.name)}")` : ''}${q ? `, ${original}: ${describeCount(q)}` : ''}`];
  const rows = table.applicableRows(t.treatment, titleContext(item), summaryTerms(doc, table), false);
  if (rows.length === 0) {
    out.push('No row of the guideline table applies to this request.');
    return out;
  }
  out.push(`Applicable guideline${rows.length > 1 ? 's' : ''}:\n\n${rows.map(describeRow).join('\n')}`);
  const v = visitLimitOf(doc, item, table);
  if (!q) out.push('The title states no number of visits to compare with the limit.');
  else if (!v) out.push('No visit limit in these rows to compare the request with.');
  else {
    // As visits-over-limit decides (rules/visitLimit.ts): the most generous row, or its trial for a first course.
    const unconfirmed = v.row.confirmed ? '' : ' (a figure not yet confirmed)';
    const limitText = v.first ? `${v.max} ${v.row.limit.unit}, the trial of a first course` : `${v.max} ${v.row.limit.unit}`;
    if (!v.over) out.push(`Within the limit: ${describeCount(q)} ≤ ${limitText}${unconfirmed}.`);
    else {
      const verdict = item.verdict?.value === 'Upheld'
        ? ' The Upheld verdict is consistent with the guideline.'
        : item.verdict?.value === 'Overturned' ? ' An Overturned verdict needs a stated exception to the guideline.' : '';
      out.push(`Over the limit: ${describeCount(q)} > ${limitText} (${escapeMarkdown(v.row.limit.text)})${unconfirmed}.${verdict}`);
    }
  }
  return out;
}

function partialHover(item: DisputedItem, what: 'authorized' | 'remaining'): string[] {
  const p = item.partial!;
  const q = p[what]!;
  const out = [`**${what === 'authorized' ? 'Authorized by the Claims Administrator' : 'Remaining IMR eligible portion'}**: ${describeCount(q)}`];
  if (p.arithmetic && p.original && p.authorized && p.remaining) {
    out.push(
      p.arithmetic.agrees
        ? `Original ${p.original.count} − authorized ${p.authorized.count} = remaining ${p.remaining.count}.`
        : `Original ${p.original.count} − authorized ${p.authorized.count} = ${p.arithmetic.expected}, not the ${p.remaining.count} stated as remaining.`,
    );
  }
  return out;
}

// --------------------------------------------------------------------------------------- citations

/** Rows of the table citing the same part, narrowed to the cited pages or sections when any match. */
function rowsCiting(c: Citation, table: GuidelineTable): { rows: GuidelineRow[]; narrowed: boolean } {
  const part = normalizePart(c.part);
  const sameSource = (r: GuidelineRow) => (r.source === 'MTUS') === c.mtus;
  const ofPart = table.rows.filter((r) => sameSource(r) && r.source !== 'statute' && normalizePart(r.guideline.part) === part);
  if (c.pages.length === 0 && c.sections.length === 0) return { rows: ofPart, narrowed: false };
  const sections = c.sections.map((s) => s.toLowerCase().trim());
  const narrowed = ofPart.filter(
    (r) =>
      (r.pages ?? []).some((p) => c.pages.includes(p)) ||
      (r.sections ?? []).some((s) => sections.some((x) => x === s.toLowerCase() || x.startsWith(s.toLowerCase()) || s.toLowerCase().startsWith(x))),
  );
  return narrowed.length > 0 ? { rows: narrowed, narrowed: true } : { rows: ofPart, narrowed: false };
}

function citationHover(c: Citation, item: DisputedItem, table: GuidelineTable): string[] {
  const where = [c.pages.length ? `page(s) ${c.pages.join(', ')}` : '', c.sections.length ? `section(s): ${c.sections.join('; ')}` : ''].filter(Boolean).join(', ');
  const out = [`**${c.mtus ? 'MTUS' : 'Non-MTUS'} citation**: ${escapeMarkdown(c.part || c.text)}${where ? `, ${escapeMarkdown(where)}` : ''}`];
  if (c.mtus) {
    out.push(
      table.isKnownMtusPart(c.part)
        ? `"${escapeMarkdown(c.part)}" is a known part of MTUS.`
        : `"${escapeMarkdown(c.part)}" is not a part of MTUS known to the guideline table.`,
    );
  } else {
    out.push('Not MTUS: other guidelines apply only where MTUS is silent (Labor Code 4610.5(c)(2)).');
  }
  const { rows, narrowed } = rowsCiting(c, table);
  if (rows.length === 0) out.push('No row of the guideline table cites this part.');
  else if (!narrowed && where) {
    out.push(`No row of the guideline table cites ${escapeMarkdown(where)} of this part (${rows.length} row${rows.length === 1 ? '' : 's'} cite${rows.length === 1 ? 's' : ''} other pages or sections).`);
  } else {
    const shown = rows.slice(0, 8);
    const head = narrowed ? `Rows of the guideline table citing ${escapeMarkdown(where)}:` : 'Rows of the guideline table citing this part:';
    out.push(`${head}\n\n${shown.map((r) => `- ${escapeMarkdown(r.treatment)}: ${escapeMarkdown(whereOf(r))}${r.limit ? `: ${escapeMarkdown(r.limit.text)}` : ''}${r.confirmed ? '' : ' (not yet confirmed)'}`).join('\n')}${rows.length > shown.length ? `\n- and ${rows.length - shown.length} more` : ''}`);
    if (item.treatment && narrowed) {
      out.push(
        rows.some((r) => r.treatment === item.treatment!.treatment)
          ? `Covers the item's treatment (${escapeMarkdown(item.treatment.treatment)}).`
          : `None of these rows is about the item's treatment (${escapeMarkdown(item.treatment.treatment)}).`,
      );
    }
  }
  return out;
}

function noCitationHover(item: DisputedItem): string[] {
  return [
    '**No citation by the expert reviewer**',
    item.ancillary
      ? 'Legitimate for an item associated with a denied surgery, when the rationale says so.'
      : 'Legitimate only for an item associated with a denied surgery ("Associated surgical service: ..."); this item is not one.',
  ];
}

// ----------------------------------------------------------------------------------------- verdicts

function verdictHover(item: DisputedItem): string[] {
  const v = item.verdict!.value;
  const out = [
    v === 'Upheld'
      ? '**Upheld**: the UR denial stands (not medically necessary)'
      : '**Overturned**: the UR denial is reversed (medically necessary)',
  ];
  const c = item.rationale?.conclusion;
  if (!c) {
    out.push(item.rationale ? 'The rationale has no concluding sentence ("Therefore, the request is (not) medically necessary").' : 'The item has no decision rationale.');
    return out;
  }
  const agrees = c.necessary === (v === 'Overturned');
  out.push(`The rationale concludes: "${escapeMarkdown(collapseSpace(c.text))}"`);
  out.push(agrees ? `This agrees with ${v}.` : `This contradicts ${v}: the conclusion means ${c.necessary ? 'Overturned' : 'Upheld'}.`);
  return out;
}
