import type { Finding, TextEdit } from './types.js';

/**
 * The edits of each finding's fix of kind 'fix' (what `--fix`, Fix All and fix on save apply), skipping any fix whose
 * edits overlap an edit already taken, so the set can be applied at once. Sorted from the end of the text.
 */
export function selectFixEdits(findings: Finding[]): { edits: TextEdit[]; applied: number } {
  const chosen: TextEdit[] = [];
  let applied = 0;
  for (const f of findings) {
    // Only fixes of kind 'fix': a suggestion is never applied unattended, whatever else marks it.
    const fix = f.fixes.find((x) => x.preferred && x.kind === 'fix');
    if (!fix) continue;
    const overlaps = fix.edits.some((e) =>
      chosen.some((c) => (e.span.start < c.span.end && c.span.start < e.span.end) || (e.span.start === c.span.start && e.span.end === c.span.end)),
    );
    if (overlaps) continue;
    chosen.push(...fix.edits);
    applied++;
  }
  chosen.sort((a, b) => b.span.start - a.span.start);
  return { edits: chosen, applied };
}

/** Applies the preferred fixes (see selectFixEdits). Returns the new text and how many fixes were applied. */
export function applyFixes(text: string, findings: Finding[]): { text: string; applied: number } {
  const { edits, applied } = selectFixEdits(findings);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return { text: out, applied };
}
