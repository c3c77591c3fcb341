// Completion: what fits where the cursor is, read from the model and the text of the cursor's line.
//   header region: missing header labels (with value snippets), Priority values after "Priority:"
//   start of a line: missing section headings; in the decisions section, the item labels
//   an item title: treatment names; after the title's colon: Upheld / Overturned
//   after "MAXIMUS guideline:" / "Claims Administrator guideline:": citations from the guideline table
import {
  type Command,
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  InsertTextFormat,
  MarkupKind,
  type Range,
} from 'vscode-languageserver-types';
import type { LintResult } from '../engine.js';
import type { GuidelineTable } from '../guidelines/table.js';
import type { DisputedItem, HeaderKey } from '../model/determination.js';
import { HEADER_LABELS } from '../parse/header.js';
import { SECTION_HEADINGS } from '../parse/sections.js';
import { citationFor, primaryRow, summaryTerms } from '../rules/citationText.js';
import { citationsFitTitle } from '../rules/citationTopicMismatch.js';
import { reviewerGuideline } from '../parse/items.js';
import {
  INTRO_RE,
  PART_LABEL_RE,
  clampOffset,
  escapeMarkdown,
  escapeSnippet,
  headerStyle,
  headingPrefix,
  itemAt,
  itemLabelStyle,
  itemTitledAt,
  lineAt,
  lineStartOf,
  markLabel,
  sectionAt,
} from './context.js';
import { citationChoices, describeRow, familyRows, treatmentNames, whereOf } from './guidelineText.js';
import { collapseSpace } from '../text/collapseSpace.js';

export const CA_NO_CITATION = 'The Claims Administrator did not cite any medical evidence for its decision.';
export const REVIEWER_NO_CITATION = 'The Expert Reviewer did not cite any medical evidence for its decision.';

/** Item labels, in the order an item gives them. */
export const ITEM_LABELS = [
  { key: 'ca', label: 'Claims Administrator guideline:', detail: 'the guideline the UR decision cited' },
  { key: 'mx', label: 'MAXIMUS guideline:', detail: 'the guideline the expert reviewer relied on' },
  { key: 'rat', label: 'Decision rationale:', detail: 'the reasoning, ending "Therefore, the request is (not) medically necessary."' },
] as const;

const HEADER_VALUE: Record<HeaderKey, { snippet: string; detail: string }> = {
  caseNumber: { snippet: 'CM${1:yy}-${2:nnnnnnn}', detail: 'CMyy-nnnnnnn' },
  dateAssigned: { snippet: '${1:MM/DD/YYYY}', detail: 'date (MM/DD/YYYY)' },
  dateOfInjury: { snippet: '${1:MM/DD/YYYY}', detail: 'date (MM/DD/YYYY)' },
  decisionDate: { snippet: '${1:MM/DD/YYYY}', detail: 'date (MM/DD/YYYY)' },
  urDenialDate: { snippet: '${1:MM/DD/YYYY}', detail: 'date (MM/DD/YYYY)' },
  priority: { snippet: '${1|Standard,Expedited|}', detail: 'Standard or Expedited' },
  applicationReceived: { snippet: '${1:MM/DD/YYYY}', detail: 'date (MM/DD/YYYY)' },
};
const DATE_ORDER = 'Header dates run Date of Injury ≤ UR Denial Date ≤ Application Received ≤ Date Assigned ≤ Decision Date.';

const SECTION_DOCS: Record<string, string> = {
  howMade: 'The standard paragraph on the expert reviewer\'s independence and qualifications (since 2016 followed by "State(s) of Licensure:" and "Certification(s)/Specialty:").',
  summary: 'The clinical case summary: the injured worker, the industrial injury and its date, treatment to date, the utilization review decision.',
  decisions: 'For each disputed item: the title with its verdict, "Claims Administrator guideline:", "MAXIMUS guideline:" and "Decision rationale:".',
};

/** Asks the editor to open the suggestions again (after a label whose value can be completed too). */
const RETRIGGER: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** What may be typed where a label goes: an opening `<b>` or `**` (or part of one), then words. */
const LABEL_TYPED_RE = /^(<(?:b>?)?|<B>?|\*{1,2})?((?:[A-Za-z][A-Za-z ]*)?)$/;
const HEADING_TYPED_RE = /^(#{1,6}[ \t]*)?((?:[A-Za-z][A-Za-z ,]*)?)$/;

interface Ctx {
  result: LintResult;
  table: GuidelineTable;
  text: string;
  /** The cursor offset. */
  at: number;
  line: { line: number; start: number; end: number };
  /** Text of the cursor's line before the cursor. */
  before: string;
  /** Text of the cursor's line after the cursor. */
  after: string;
}

/** How the list was asked for: typed a trigger character (':'), or asked (Ctrl+Space, or a word typed). */
export type CompletionTrigger = 'invoked' | 'character';

/**
 * The completion list at `offset`. It is marked incomplete, so the editor asks again at each keystroke:
 * the list then follows the typed case, and closes once what is typed is already a whole entry (after
 * "Upheld", Enter ends the line). A trigger character opens it only where a value is expected (a citation,
 * a priority), never in a title, a verdict or prose.
 */
export function completionList(result: LintResult, offset: number, table: GuidelineTable, trigger: CompletionTrigger = 'invoked'): CompletionList {
  const items = completionItems(result, offset, table, trigger);
  return { isIncomplete: items.length > 0, items };
}

/**
 * Completion items at `offset`. Pure and cheap: reads the cursor's line and the model, never re-parses.
 * Every item carries a textEdit replacing what is typed of it (the range ends at the cursor).
 */
export function completionItems(result: LintResult, offset: number, table: GuidelineTable, trigger: CompletionTrigger = 'invoked'): CompletionItem[] {
  const all = candidates(result, offset, table, trigger);
  // Nothing left to complete where the typed text already is the entry.
  const text = result.model.text;
  const at = clampOffset(result, offset);
  const seen = new Set<string>();
  return all.filter((item) => {
    // Never the same entry twice (two table rows with one name, one citation).
    const key = `${item.label}\u0000${item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const edit = item.textEdit;
    if (!edit || !('range' in edit)) return true;
    const start = result.lines.offsetAt(edit.range.start);
    return text.slice(start, at).trim() !== edit.newText.trim();
  });
}

function candidates(result: LintResult, offset: number, table: GuidelineTable, trigger: CompletionTrigger): CompletionItem[] {
  const text = result.model.text;
  const at = clampOffset(result, offset);
  const line = lineAt(result, at);
  const ctx: Ctx = { result, table, text, at, line, before: text.slice(line.start, at), after: text.slice(at, line.end) };
  const doc = result.model;
  const section = sectionAt(result, at);
  const inDecisions = section?.kind === 'decisions' && line.start > lineStartOf(result, section.headingSpan.start);

  if (inDecisions) {
    const cited = citationCompletions(ctx);
    if (cited) return cited;
    if (trigger === 'character') return [];
    const verdicts = verdictCompletions(ctx);
    if (verdicts) return verdicts;
  }
  const out: CompletionItem[] = [];
  if (doc.sections.length === 0 || line.start < doc.headerEnd) {
    const values = priorityCompletions(ctx);
    if (values) return values;
    if (trigger === 'character') return [];
    out.push(...headerLabelCompletions(ctx));
  }
  if (trigger === 'character') return [];
  if (inDecisions) {
    out.push(...itemLabelCompletions(ctx));
    out.push(...treatmentCompletions(ctx));
  }
  out.push(...headingCompletions(ctx));
  return bySortText(out);
}

/** Stable sort by sortText, so that the list reads in the order the editor shows it. */
function bySortText(items: CompletionItem[]): CompletionItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => ((a.item.sortText ?? '') < (b.item.sortText ?? '') ? -1 : (a.item.sortText ?? '') > (b.item.sortText ?? '') ? 1 : a.i - b.i))
    .map((x) => x.item);
}

function rangeOf(ctx: Ctx, start: number, end = ctx.at): Range {
  return ctx.result.lines.rangeOf({ start, end });
}

function markdown(value: string) {
  return { kind: MarkupKind.Markdown, value };
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

// ---------------------------------------------------------------------------------------------- header

/** Where a header field would start on the cursor's line: after leading blanks, the last tab or a run of 2+ spaces. */
function headerSegment(before: string): number {
  let s = before.length;
  while (s > 0) {
    const c = before[s - 1];
    if (c === '\t' || (c === ' ' && (s === 1 || before[s - 2] === ' ' || before[s - 2] === '\t'))) break;
    s--;
  }
  return s;
}

/** In a value position: the text before the segment ends with a label's colon. */
function valueLabelBefore(before: string, seg: number): string | undefined {
  // Only the end of the line matters (and the regex must never see a long line: its lazy group would be quadratic).
  const m = /([A-Za-z][A-Za-z ]*?)[ \t]*:[ \t]*(?:<\/b>|\*\*)?[ \t]*$/i.exec(before.slice(Math.max(0, seg - 60), seg));
  return m ? m[1].toLowerCase() : undefined;
}

function headerLabelCompletions(ctx: Ctx): CompletionItem[] {
  const doc = ctx.result.model;
  const seg = headerSegment(ctx.before);
  const typed = ctx.before.slice(seg);
  const m = LABEL_TYPED_RE.exec(typed);
  if (!m || valueLabelBefore(ctx.before, seg) !== undefined) return [];
  const { style, separator } = headerStyle(doc);
  const range = rangeOf(ctx, ctx.line.start + seg);
  const out: CompletionItem[] = [];
  const words = m[2].trim().toLowerCase();
  HEADER_LABELS.forEach((h, i) => {
    if (doc.header[h.key]) return;
    // Only a label the typed words begin: a title or a sentence is not a label being typed.
    if (!h.label.toLowerCase().startsWith(words)) return;
    const value = HEADER_VALUE[h.key];
    const newText = `${escapeSnippet(markLabel(style, `${h.label}:`))}${separator}${value.snippet}`;
    out.push({
      label: h.label,
      kind: CompletionItemKind.Field,
      detail: `header field: ${value.detail}`,
      documentation: markdown(`Inserts \`${markLabel(style, `${h.label}:`)}\` and the value (${escapeMarkdown(value.detail)}).${h.date ? `\n\n${DATE_ORDER}` : ''}`),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText },
      sortText: `a${pad(i)}`,
      ...(m[1] ? { filterText: `${m[1]}${h.label}` } : {}),
    });
  });
  return out;
}

/** After "Priority:" (right after its colon, or after a blank): Standard and Expedited. */
function priorityCompletions(ctx: Ctx): CompletionItem[] | undefined {
  const word = /[A-Za-z]*$/.exec(ctx.before)![0];
  const head = ctx.before.slice(0, ctx.before.length - word.length);
  if (valueLabelBefore(head, head.length) !== 'priority') return undefined;
  // Right after the label: the layout's separator first (a tab in the seed's header, a space otherwise).
  const gap = /[ \t]$/.test(head) ? '' : headerStyle(ctx.result.model).separator;
  const range = rangeOf(ctx, ctx.at - word.length);
  return (['Standard', 'Expedited'] as const).map((v, i) => ({
    label: v,
    kind: CompletionItemKind.EnumMember,
    detail: 'Priority',
    documentation: markdown(v === 'Standard' ? 'A standard review.' : 'An expedited review (an imminent and serious threat to the worker\'s health).'),
    textEdit: { range, newText: `${gap}${v}` },
    ...(gap ? { filterText: v } : {}),
    sortText: `${i}`,
  }));
}

// -------------------------------------------------------------------------------------------- headings

function headingCompletions(ctx: Ctx): CompletionItem[] {
  const lead = /^[ \t]*/.exec(ctx.before)![0].length;
  const typed = ctx.before.slice(lead);
  const m = HEADING_TYPED_RE.exec(typed);
  if (!m || ctx.after.trim() !== '') return [];
  const doc = ctx.result.model;
  const present = new Set(doc.sections.map((s) => s.kind));
  const hashes = m[1] ? `${m[1].trim()} ` : doc.languageId === 'markdown' ? headingPrefix(ctx.result) : '';
  const range = rangeOf(ctx, ctx.line.start + lead);
  const out: CompletionItem[] = [];
  SECTION_HEADINGS.forEach((h, i) => {
    if (present.has(h.kind)) return;
    out.push({
      label: h.title,
      kind: CompletionItemKind.Module,
      detail: 'section heading',
      documentation: markdown(SECTION_DOCS[h.kind]),
      textEdit: { range, newText: `${hashes}${h.title}` },
      sortText: `d${pad(i)}`,
      ...(m[1] ? { filterText: `${m[1]}${h.title}` } : {}),
    });
  });
  return out;
}

// --------------------------------------------------------------------------------------- item labels

function itemLabelCompletions(ctx: Ctx): CompletionItem[] {
  const lead = /^[ \t]*/.exec(ctx.before)![0].length;
  const m = LABEL_TYPED_RE.exec(ctx.before.slice(lead));
  if (!m) return [];
  const doc = ctx.result.model;
  const style = itemLabelStyle(doc);
  const item = itemAt(ctx.result, ctx.at);
  const has = {
    ca: !!item?.claimsAdministratorGuideline,
    mx: !!item?.reviewerGuideline,
    rat: !!item?.rationale,
  };
  const next = ITEM_LABELS.find((l) => !has[l.key]);
  const range = rangeOf(ctx, ctx.line.start + lead);
  const words = m[2].trim().toLowerCase();
  // Only labels the typed words begin ("Cl", "MAX"): "AC" starting a title is not "Claims Administrator".
  return ITEM_LABELS.filter((l) => l.label.toLowerCase().startsWith(words)).map((l, i) => ({
    label: l.label,
    kind: CompletionItemKind.Property,
    detail: l.detail,
    documentation: markdown(`Inserts \`${markLabel(style, l.label)}\`.`),
    textEdit: { range, newText: `${markLabel(style, l.label)} ` },
    sortText: `a${has[l.key] ? 1 : 0}${i}`,
    ...(next === l ? { preselect: true } : {}),
    ...(m[1] ? { filterText: `${m[1]}${l.label}` } : {}),
    ...(l.key === 'rat' ? {} : { command: RETRIGGER }),
  }));
}

// ---------------------------------------------------------------------------------------- citations

const CITE_LABEL_RE =
  /^[ \t]*(?:(?:\*\*|<b>)[ \t]*)?(claims\s+administrator(?:'s)?\s+guidelines?|(?:maximus|expert\s+reviewer(?:'s)?|reviewer(?:'s)?)\s+guidelines?)[ \t]*(?:(?:\*\*|<\/b>)[ \t]*)?:[ \t]*(?:(?:\*\*|<\/b>)[ \t]*)?/i;

/** After a guideline label: the table's citations, the item's own first. Undefined when not after one. */
function citationCompletions(ctx: Ctx): CompletionItem[] | undefined {
  const m = CITE_LABEL_RE.exec(ctx.before);
  if (!m) return undefined;
  const typed = ctx.before.slice(m[0].length);
  if (typed.length > 160 || /[.!?]\s/.test(typed)) return [];
  const claims = /^claims/i.test(m[1]);
  const start = ctx.line.start + m[0].length;
  const space = /[ \t]$/.test(m[0]) || start === ctx.line.start ? '' : ' ';
  const doc = ctx.result.model;
  // A snippet's "[GUIDELINE]" at the cursor (selected at its tab stop) is replaced whole, and every entry
  // matches it, or Ctrl+Space there would say "No suggestions".
  const placeholder = doc.placeholders.find((p) => p.span.start >= start && p.span.start <= ctx.at && p.span.end >= ctx.at && p.span.end <= ctx.line.end);
  const range = rangeOf(ctx, start, placeholder ? placeholder.span.end : ctx.at);
  const item = itemAt(ctx.result, ctx.at);
  const own = item && primaryRow(doc, item, ctx.table);
  const ownText = own && citationFor(own);
  const treatment = item?.treatment?.treatment;
  const title = item?.title.text ?? '';
  const typedSoFar = ctx.text.slice(start, ctx.at);
  const onPlaceholder = placeholder !== undefined;

  const out: CompletionItem[] = citationChoices(ctx.table).map((c, i) => {
    // Chapters about another body region (ODG Knee for a lumbar item) come last.
    const fits = !title || citationsFitTitle(citationsOf(c.text, ctx.table), title, ctx.table);
    const group = !fits ? 5 : c.text === ownText ? 0 : treatment && c.rows.some((r) => r.treatment === treatment) ? 2 : c.rows[0].source === 'MTUS' ? 3 : 4;
    const treatments = [...new Set(c.rows.map((r) => r.treatment))];
    const label = shortCitation(c.text);
    return {
      label,
      kind: CompletionItemKind.Reference,
      detail: treatments.join(', '),
      documentation: markdown(
        `${escapeMarkdown(c.text)}\n\n${group === 0 ? `The guideline for this item's treatment (${escapeMarkdown(treatment!)}).\n\n` : ''}${group === 5 ? 'About another body region than this item.\n\n' : ''}Rows of the guideline table with this citation:\n\n${c.rows.map(describeRow).join('\n')}`,
      ),
      textEdit: { range, newText: `${space}${c.text}` },
      filterText: onPlaceholder ? `${typedSoFar}${label}` : /^\s*d/i.test(typedSoFar) ? c.text : label,
      sortText: `${group}${pad(i)}`,
      ...(group === 0 ? { preselect: true } : {}),
    };
  });
  const none = claims ? CA_NO_CITATION : item?.ancillary ? REVIEWER_NO_CITATION : undefined;
  if (none) {
    out.push({
      label: none,
      kind: CompletionItemKind.Text,
      detail: claims ? 'no citation by the claims administrator' : 'no citation: an item associated with a denied surgery',
      documentation: markdown(
        claims
          ? 'The standard sentence when the UR decision cited no guideline.'
          : 'Legitimate only for an item associated with a denied surgery, when the rationale says so.',
      ),
      textEdit: { range, newText: `${space}${none}` },
      sortText: `1${pad(0)}`,
    });
  }
  return bySortText(out);
}

/**
 * A citation as the list shows it: without the words every entry shares ("Decision based on", "Non-MTUS
 * Citation"), so that two entries never look the same when the list is narrow. The whole text is inserted
 * and shown in the documentation.
 */
export function shortCitation(text: string): string {
  return text.replace(/^Decision based on\s+/i, '').replace(/^Non-MTUS Citation\s+/i, '').replace(/\.$/, '');
}

const parsedCitations = new WeakMap<GuidelineTable, Map<string, ReturnType<typeof reviewerGuideline>['citations']>>();

/** The table's citation text read as a MAXIMUS guideline line would be (cached per table). */
function citationsOf(text: string, table: GuidelineTable) {
  let cache = parsedCitations.get(table);
  if (!cache) parsedCitations.set(table, (cache = new Map()));
  let c = cache.get(text);
  if (!c) {
    c = reviewerGuideline({ labelSpan: { start: 0, end: 0 }, valueSpan: { start: 0, end: text.length }, text }, table).citations;
    cache.set(text, c);
  }
  return c;
}

// ------------------------------------------------------------------------------------------ verdicts

/** After an item title's colon: Upheld and Overturned, the one the rationale's conclusion means first. */
function verdictCompletions(ctx: Ctx): CompletionItem[] | undefined {
  const word = /[A-Za-z]*$/.exec(ctx.before)![0];
  const head = ctx.before.slice(0, ctx.before.length - word.length);
  if (!/:[ \t]*(?:(?:\*\*|<\/b>)[ \t]*)?$/i.test(head)) return undefined;
  if (/associated\s+surgical\s+services?[ \t]*(?:(?:\*\*|<\/b>)[ \t]*)?:[ \t]*(?:(?:\*\*|<\/b>)[ \t]*)?$/i.test(head)) return undefined;
  const item = itemTitledAt(ctx.result, ctx.line.line);
  if (!item && !inTitleParagraph(ctx, true)) return undefined;
  if (item && ctx.at < item.title.span.end) return undefined;
  const conclusion = item?.rationale?.conclusion;
  const start = ctx.at - word.length;
  const space = /\s$/.test(head) || head === '' ? '' : ' ';
  const range = rangeOf(ctx, start);
  const verdicts = [
    { label: 'Upheld', necessary: false, detail: 'the UR denial stands: not medically necessary' },
    { label: 'Overturned', necessary: true, detail: 'the UR denial is reversed: medically necessary' },
  ];
  return bySortText(verdicts.map((v, i) => {
    const agrees = conclusion ? conclusion.necessary === v.necessary : undefined;
    const said = conclusion ? `\n\nThe rationale concludes: "${escapeMarkdown(collapseSpace(conclusion.text))}"${agrees ? ', which goes with this verdict.' : `, which means ${v.necessary ? 'Upheld' : 'Overturned'}.`}` : '';
    return {
      label: v.label,
      kind: CompletionItemKind.EnumMember,
      detail: v.detail,
      documentation: markdown(`**${v.label}**: ${v.detail}.${said}`),
      textEdit: { range, newText: `${space}${v.label}` },
      sortText: agrees === undefined ? `${i}` : agrees ? '0' : '1',
      ...(agrees ? { preselect: true } : {}),
    };
  }));
}

// ----------------------------------------------------------------------------------------- treatments

/**
 * Whether the cursor's line belongs to a paragraph that reads as an item title being written: it does not
 * start with an item label or the section's opening sentence, and before the cursor it has no sentence end
 * (partial certifications, "12 sessions was the original request. ...", excepted when `allowPartial`).
 */
function inTitleParagraph(ctx: Ctx, allowPartial: boolean): boolean {
  const { result } = ctx;
  const plain = result.model.plain;
  const section = sectionAt(result, ctx.at);
  const floor = section ? section.bodySpan.start : 0;
  let first = ctx.line.line;
  for (let n = 0; n < 8 && first > 0; n++) {
    const prev = result.lines.lineStarts[first - 1];
    if (prev < floor || plain.slice(prev, result.lines.lineEnd(first - 1)).trim() === '') break;
    first--;
  }
  if (first !== ctx.line.line && ctx.line.line - first >= 8) return false;
  const pStart = result.lines.lineStarts[first];
  const firstLine = plain.slice(pStart, result.lines.lineEnd(first));
  if (PART_LABEL_RE.test(firstLine) || INTRO_RE.test(firstLine)) return false;
  const soFar = plain.slice(pStart, ctx.at);
  if (/[.!?]\s/.test(soFar) && !(allowPartial && /original\s+request/i.test(soFar))) return false;
  return true;
}

/**
 * Title casing: capitals when the title is written in capitals (the seed's layout); otherwise the name
 * starts with a capital where the replaced text does, or where it begins the title; abbreviations (PT, TENS)
 * are always capitals.
 */
function caseFor(ctx: Ctx, titleTyped: string, item: DisputedItem | undefined): (name: string, from: number) => string {
  const letters = (item?.title.text ?? titleTyped).replace(/[^A-Za-z]/g, '');
  const upper = letters.length >= 2
    ? letters === letters.toUpperCase()
    : ctx.result.model.items.some((it) => /[A-Z]{2}/.test(it.title.text) && it.title.text === it.title.text.toUpperCase());
  const abbreviation = (n: string) => !n.includes(' ') && n.split('/').every((p) => /^[a-z]{2,4}$/.test(p));
  return (name, from) => {
    if (upper || abbreviation(name)) return name.toUpperCase();
    const capital = from < titleTyped.length ? /^[A-Z]/.test(titleTyped[from]) : titleTyped.trim() === '';
    return capital ? name[0].toUpperCase() + name.slice(1) : name;
  };
}

function treatmentCompletions(ctx: Ctx): CompletionItem[] {
  const { result, before } = ctx;
  const plainLine = result.model.plain.slice(ctx.line.start, ctx.line.end);
  if (PART_LABEL_RE.test(plainLine) || INTRO_RE.test(plainLine)) return [];
  const item = itemTitledAt(result, ctx.line.line);
  if (item ? ctx.at > item.title.span.end : !inTitleParagraph(ctx, false)) return [];
  // The title's text on this line, after blanks and an opening `**` / `<b>`.
  const lead = /^[ \t]*(?:\*\*|<b>)?[ \t]*/i.exec(before)![0].length;
  let titleTyped = before.slice(lead);
  const surgical = /^associated\s+surgical\s+services?\s*:\s*/i.exec(titleTyped);
  const titleFrom = lead + (surgical ? surgical[0].length : 0);
  titleTyped = before.slice(titleFrom);
  if (titleTyped.includes(':')) return [];
  const word = /[A-Za-z0-9/-]*$/.exec(titleTyped)![0];
  // Candidate starts of a multi-word name already partly typed ("MASSAGE TH"): the last few word starts.
  const starts: number[] = [];
  for (let i = titleTyped.length - word.length - 1; i >= 0 && starts.length < 4; i--) {
    if (/[A-Za-z0-9]/.test(titleTyped[i]) && (i === 0 || /[\s(,]/.test(titleTyped[i - 1]))) starts.push(i);
  }
  const cased = caseFor(ctx, titleTyped, item);
  const table = ctx.table;
  const terms = summaryTerms(result.model, table);
  const titleText = item?.title.text ?? titleTyped;
  const details = new Map<string, string>();
  const detailOf = (treatment: string) => {
    let d = details.get(treatment);
    if (d === undefined) {
      const rows = table.applicableRows(treatment, titleText, terms, false);
      const row = rows.find((r) => r.limit) ?? table.rowsFor(treatment).find((r) => r.limit) ?? rows[0] ?? table.rowsFor(treatment)[0];
      d = row?.limit ? row.limit.text : row ? whereOf(row) : '';
      details.set(treatment, d);
    }
    return d;
  };
  return treatmentNames(table).map((n, i) => {
    let from = titleTyped.length - word.length;
    for (const s of starts) {
      // the longest typed run of words that begins the name
      const typed = titleTyped.slice(s).toLowerCase();
      if (n.name.startsWith(typed)) from = s;
    }
    const label = cased(n.name, from);
    return {
      label,
      kind: CompletionItemKind.Value,
      detail: detailOf(n.treatment),
      documentation: markdown(`**${escapeMarkdown(n.treatment)}**${n.name === n.treatment ? '' : ` (as "${escapeMarkdown(n.name)}")`}\n\n${familyRows(table, n.treatment)}`),
      textEdit: { range: rangeOf(ctx, ctx.line.start + titleFrom + from), newText: label },
      sortText: `c${pad(i)}`,
    };
  });
}
