// Small helpers the editor features share: where an offset is (line, section, item) and how the document
// writes its labels. Everything reads the model the engine already built; nothing re-parses the text.
import type { LintResult } from '../engine.js';
import type { Determination, DisputedItem, Section } from '../model/determination.js';
import type { Span } from '../types.js';
import { collapseSpace } from '../text/collapseSpace.js';

export function clampOffset(result: LintResult, offset: number): number {
  return Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, result.model.text.length));
}

/** The line holding `offset`: its number, start, end (before the line break). */
export function lineAt(result: LintResult, offset: number): { line: number; start: number; end: number } {
  const line = result.lines.positionAt(offset).line;
  return { line, start: result.lines.lineStarts[line], end: result.lines.lineEnd(line) };
}

export function lineStartOf(result: LintResult, offset: number): number {
  return result.lines.lineStarts[result.lines.positionAt(offset).line];
}

/** `end` moved back over trailing whitespace, never before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text[e - 1])) e--;
  return Math.max(start, e);
}

/** The section whose heading line or body holds `offset`. */
export function sectionAt(result: LintResult, offset: number): Section | undefined {
  const doc = result.model;
  for (let i = doc.sections.length - 1; i >= 0; i--) {
    const s = doc.sections[i];
    if (lineStartOf(result, s.headingSpan.start) <= offset) return offset <= s.bodySpan.end ? s : undefined;
  }
  return undefined;
}

/** Index of the last item whose `key` is at or before `limit` (items are in text order), or -1. */
function lastItemAtOrBefore(items: readonly DisputedItem[], key: (it: DisputedItem) => number, limit: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= limit) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The item `offset` belongs to: the last item starting on or before its line, within the same section. */
export function itemAt(result: LintResult, offset: number): DisputedItem | undefined {
  const items = result.model.items;
  const found = items[lastItemAtOrBefore(items, (it) => lineStartOf(result, it.span.start), offset)];
  const section = sectionAt(result, offset);
  if (found && section && (found.span.start < section.bodySpan.start || found.span.start > section.bodySpan.end)) return undefined;
  return found;
}

/** The item whose title (with its verdict) covers line `line`. */
export function itemTitledAt(result: LintResult, line: number): DisputedItem | undefined {
  const lineOf = (o: number) => result.lines.positionAt(o).line;
  const items = result.model.items;
  const it = items[lastItemAtOrBefore(items, (i) => lineOf(i.title.span.start), line)];
  return it && line <= lineOf(Math.max(it.title.span.end, it.verdict?.span.end ?? 0)) ? it : undefined;
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** Escapes text quoted from the letter for Markdown hovers and documentation. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|~]/g, '\\$&');
}

/** Escapes literal text inside a snippet. */
export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

/** Whitespace collapsed, cut at a word boundary near `max` characters with an ellipsis. */
export function shorten(s: string, max = 80): string {
  const flat = collapseSpace(s).trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:]+$/, '')}…`;
}

export type LabelStyle = 'html' | 'bold' | 'plain';

/** How a label at `span` is marked up: `<b>Label:</b>`, `**Label:**`, or bare. */
export function styleOfLabel(text: string, span: Span): LabelStyle {
  const before = text.slice(Math.max(0, span.start - 8), span.start).replace(/[ \t]+$/, '');
  if (/<b>$/i.test(before)) return 'html';
  if (before.endsWith('**')) return 'bold';
  return 'plain';
}

export function markLabel(style: LabelStyle, label: string): string {
  return style === 'html' ? `<b>${label}</b>` : style === 'bold' ? `**${label}**` : label;
}

/**
 * The header's style and the separator between a label and its value. A document without header fields:
 * the seed's layout (`<b>`, tab) in Markdown, bare labels in plain text.
 */
export function headerStyle(doc: Determination): { style: LabelStyle; separator: string } {
  const f = doc.headerFields[0];
  if (!f) return doc.languageId === 'markdown' ? { style: 'html', separator: '\t' } : { style: 'plain', separator: ' ' };
  const style = styleOfLabel(doc.text, f.labelSpan);
  const withValue = doc.headerFields.find((h) => h.raw && h.valueSpan.start > h.labelSpan.end);
  const gap = withValue ? doc.text.slice(withValue.labelSpan.end, withValue.valueSpan.start) : '';
  const separator = gap.includes('\t') || (!withValue && style === 'html') ? '\t' : ' ';
  return { style, separator };
}

/** The style of item labels ("**MAXIMUS guideline:**"): the document's own, else by language. */
export function itemLabelStyle(doc: Determination): LabelStyle {
  for (const it of doc.items) {
    const part = it.claimsAdministratorGuideline ?? it.reviewerGuideline ?? it.rationale;
    if (part) return styleOfLabel(doc.text, part.labelSpan);
  }
  return doc.languageId === 'markdown' ? 'bold' : 'plain';
}

/** What precedes a section heading on its line ("### "): the document's own, else by language. */
export function headingPrefix(result: LintResult): string {
  const doc = result.model;
  if (doc.languageId !== 'markdown') return '';
  for (const s of doc.sections) {
    const lead = doc.text.slice(lineStartOf(result, s.headingSpan.start), s.headingSpan.start).trim();
    if (/^#{1,6}$/.test(lead)) return `${lead} `;
  }
  return '### ';
}

/** Lines that start an item part or the decisions section's opening sentence (matched on `plain`). */
export const PART_LABEL_RE = /^\s*(?:claims\s+administrator(?:'s)?\s+guidelines?|(?:maximus|expert\s+reviewer(?:'s)?|reviewer(?:'s)?)\s+guidelines?|decision\s+rationale)\s*:/i;
export const INTRO_RE = /^\s*the\s+final\s+determination\s+was\s+based\s+on\s+decisions/i;

/**
 * The header block: from the line of its first field to the end of its last value, and over the
 * "Received:" line of plain text that wraps the "Application / Received:" label around its value.
 */
export function headerSpan(result: LintResult): Span | undefined {
  const fields = result.model.headerFields;
  if (fields.length === 0) return undefined;
  const start = lineStartOf(result, Math.min(...fields.map((f) => f.labelSpan.start)));
  let end = Math.max(...fields.map((f) => Math.max(f.labelSpan.end, f.valueSpan.end)));
  const line = result.lines.positionAt(end).line;
  if (line + 1 < result.lines.lineCount) {
    const next = result.model.text.slice(result.lines.lineStarts[line + 1], result.lines.lineEnd(line + 1));
    if (/^\s*Received\s*:\s*$/i.test(next) && fields.some((f) => f.key === 'applicationReceived')) end = result.lines.lineEnd(line + 1);
  }
  return { start, end };
}
