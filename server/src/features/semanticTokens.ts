import type { LintResult } from '../engine.js';
import type { Span } from '../types.js';

/**
 * Colouring for plain-text determinations, which have no TextMate grammar to inject into: header and item
 * labels, section headings, dates, citations and verdicts, from the model. (Markdown gets the injected
 * grammar in syntaxes/ instead.) `imrUpheld` / `imrOverturned` are declared in package.json with
 * fallback scopes, so themes colour the two verdicts differently.
 */
export const TOKEN_TYPES = ['keyword', 'class', 'number', 'string', 'imrUpheld', 'imrOverturned'] as const;
export const TOKEN_MODIFIERS: string[] = [];
type TokenType = (typeof TOKEN_TYPES)[number];

/** LSP semantic tokens data (relative encoding), one token per line piece: tokens never span lines. */
export function semanticTokens(result: LintResult): number[] {
  const { model, lines } = result;
  const raw: { span: Span; type: TokenType }[] = [];
  for (const f of model.headerFields) raw.push({ span: f.labelSpan, type: 'keyword' });
  for (const s of model.sections) raw.push({ span: s.headingSpan, type: 'class' });
  for (const d of model.dates) raw.push({ span: d.span, type: 'number' });
  for (const item of model.items) {
    for (const part of [item.claimsAdministratorGuideline, item.reviewerGuideline, item.rationale]) if (part) raw.push({ span: part.labelSpan, type: 'keyword' });
    for (const c of item.reviewerGuideline?.citations ?? []) raw.push({ span: c.span, type: 'string' });
    if (item.verdict) raw.push({ span: item.verdict.span, type: item.verdict.value === 'Upheld' ? 'imrUpheld' : 'imrOverturned' });
  }
  // Sorted, and a token inside an earlier one (a date inside a citation) is dropped: tokens must not overlap.
  raw.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let covered = 0;
  for (const t of raw) {
    if (t.span.start < covered || t.span.end <= t.span.start) continue;
    covered = t.span.end;
    const start = lines.positionAt(t.span.start);
    const end = lines.positionAt(t.span.end);
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : lines.lineEnd(line) - lines.lineStarts[line];
      if (to <= from) continue;
      data.push(line - prevLine, line === prevLine ? from - prevChar : from, to - from, TOKEN_TYPES.indexOf(t.type), 0);
      prevLine = line;
      prevChar = from;
    }
  }
  return data;
}
