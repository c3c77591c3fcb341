// Folding: the header block, each section (heading to its last non-blank line), each item (title to its
// last line). Ranges that would fold nothing (one line) are left out.
import type { FoldingRange } from 'vscode-languageserver-types';
import type { LintResult } from '../engine.js';
import { headerSpan, trimEnd } from './context.js';
import { sectionSpan } from './symbols.js';

export function foldingRanges(result: LintResult): FoldingRange[] {
  const doc = result.model;
  const lineOf = (o: number) => result.lines.positionAt(o).line;
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number) => {
    if (endLine > startLine) out.push({ startLine, endLine });
  };
  const header = headerSpan(result);
  if (header) add(lineOf(header.start), lineOf(header.end));
  for (const s of doc.sections) {
    const span = sectionSpan(result, s);
    add(lineOf(span.start), lineOf(span.end));
  }
  for (const it of doc.items) add(lineOf(it.span.start), lineOf(trimEnd(doc.text, it.span.start, it.span.end)));
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}
