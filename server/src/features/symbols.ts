// The outline: the header and its fields, the sections, and under the decisions section its items.
import { type DocumentSymbol, type Range, SymbolKind } from 'vscode-languageserver-types';
import type { LintResult } from '../engine.js';
import type { DisputedItem, Section } from '../model/determination.js';
import type { Span } from '../types.js';
import { headerSpan, lineStartOf, shorten, trimEnd } from './context.js';
import { collapseSpace } from '../text/collapseSpace.js';

export function documentSymbols(result: LintResult): DocumentSymbol[] {
  const doc = result.model;
  const text = doc.text;
  const range = (span: Span): Range => result.lines.rangeOf(span);
  /** A symbol whose selection range is clamped into its range (LSP requires it to be contained). */
  const symbol = (name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => {
    const sel = { start: Math.max(span.start, Math.min(selection.start, span.end)), end: Math.max(span.start, Math.min(selection.end, span.end)) };
    return { name: name || '(untitled)', kind, range: range(span), selectionRange: range(sel), ...(detail ? { detail } : {}), ...(children ? { children } : {}) };
  };
  const out: DocumentSymbol[] = [];

  if (doc.headerFields.length > 0) {
    const fields = doc.headerFields.map((f) => {
      const end = Math.max(f.labelSpan.end, f.valueSpan.end);
      return symbol(`${f.label}: ${f.raw || '(empty)'}`, SymbolKind.Field, { start: f.labelSpan.start, end }, f.labelSpan);
    });
    const first = doc.headerFields[0];
    const span = headerSpan(result)!;
    // The detail names the layout recognized, so the outline shows how the letter was read.
    out.push(symbol('Header', SymbolKind.Namespace, span, first.labelSpan, `${doc.layout.name}${doc.layout.forced ? ' (forced)' : ''}, ${fields.length} fields`, fields));
  }

  const placed = new Set<DisputedItem>();
  const itemSymbol = (item: DisputedItem): DocumentSymbol => {
    placed.add(item);
    const start = Math.min(lineStartOf(result, item.span.start) + leadLength(text, lineStartOf(result, item.span.start), item.span.start), item.span.start);
    const end = trimEnd(text, start, item.span.end);
    return symbol(shorten(item.title.text) || '(untitled item)', SymbolKind.Event, { start, end }, item.title.span, item.verdict?.value ?? 'no verdict');
  };
  for (const s of doc.sections) {
    const span = sectionSpan(result, s);
    const items = s.kind === 'decisions' ? doc.items.filter((it) => it.span.start >= s.bodySpan.start && it.span.start <= s.bodySpan.end) : [];
    const children = items.map(itemSymbol);
    const detail = s.kind === 'decisions' ? `${items.length} item${items.length === 1 ? '' : 's'}` : undefined;
    out.push(symbol(collapseSpace(s.heading), SymbolKind.Module, span, s.headingSpan, detail, children));
  }
  // Items outside a decisions section (a letter without that heading) stand at the top level.
  for (const it of doc.items) if (!placed.has(it)) out.push(itemSymbol(it));
  return out;
}

/** A section from the start of its heading line to the last non-blank character of its body. */
export function sectionSpan(result: LintResult, s: Section): Span {
  const start = lineStartOf(result, s.headingSpan.start);
  return { start, end: Math.max(s.headingSpan.end, trimEnd(result.model.text, start, s.bodySpan.end)) };
}

/** Leading markup before an item title on its line (`**`, `<b>`): kept inside the item's range. */
function leadLength(text: string, lineStart: number, titleStart: number): number {
  const lead = text.slice(lineStart, titleStart);
  return /^[ \t]*(?:(?:\*\*|<b>|__)[ \t]*)?$/i.test(lead) ? lead.length - lead.trimStart().length : titleStart - lineStart;
}
