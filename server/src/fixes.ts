import type { Finding, TextEdit } from './types.js';

/**
 * Applies the preferred fix of each finding (the ones `--fix` and "Fix all" apply), skipping any fix whose
 * edits overlap an edit already taken. Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, findings: Finding[]): { text: string; applied: number } {
  const chosen: TextEdit[] = [];
  let applied = 0;
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix) continue;
    const overlaps = fix.edits.some((e) => chosen.some((c) => e.span.start < c.span.end && c.span.start < e.span.end || (e.span.start === c.span.start && e.span.end === c.span.end)));
    if (overlaps) continue;
    chosen.push(...fix.edits);
    applied++;
  }
  chosen.sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of chosen) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return { text: out, applied };
}
