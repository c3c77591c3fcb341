import type { Finding, Span } from '../types.js';

// Drafting: what the reviewer is typing right now is not yet a mistake. A finding that is new (not shown
// before this edit) and lies on the lines just typed, or in the disputed item being typed, waits until
// typing pauses (imr.holdWhileTypingMs) or the document is saved; then it is shown in full. Findings
// already shown stay shown (no flicker), and a paste or a snippet (more than a few words) is checked at
// once. LTeX holds back problems at the caret and markdownlint's focusMode does the same; ours is keyed on
// the edit, which the server sees, rather than the caret, which it does not.

/** Inserted text longer than this is a paste or a snippet, not typing: nothing is held for it. */
export const TYPING_MAX_CHARS = 80;

export interface Edit {
  /** The changed text in the new document: [start, end). */
  start: number;
  end: number;
  /** How many characters the change inserted. */
  inserted: number;
}

/** The one region that differs between two versions (common prefix and suffix removed). Linear. */
export function changedRegion(before: string, after: string): Edit {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { start: p, end: after.length - s, inserted: after.length - s - p };
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * Where new findings wait: the whole lines of the edit, and the disputed item it falls in (its title, its
 * guideline lines and rationale are written one after the other). Undefined for a paste or a snippet.
 */
export function heldRegion(text: string, edit: Edit, items: readonly { span: Span }[]): Span | undefined {
  if (edit.inserted > TYPING_MAX_CHARS) return undefined;
  let start = lineStart(text, Math.min(edit.start, text.length));
  let end = lineEnd(text, Math.min(edit.end, text.length));
  for (const item of items) {
    if (item.span.start <= end && start <= item.span.end) {
      start = Math.min(start, item.span.start);
      end = Math.max(end, item.span.end);
    }
  }
  return { start, end };
}

/** A finding's identity across versions: its rule and message (ranges move as the reviewer types). */
export const findingKey = (f: Pick<Finding, 'ruleId' | 'message'>) => `${f.ruleId}\u0000${f.message}`;

/** Indexes of the findings to show now; the rest wait (new ones on the held region or related to it). `shown` holds the keys shown in the last publication. */
export function visibleFindings(findings: readonly Finding[], region: Span | undefined, shown: ReadonlySet<string>): { visible: number[]; held: number } {
  const visible: number[] = [];
  let held = 0;
  findings.forEach((f, i) => {
    // On the text being typed, or about it (a mismatch whose other half is the half-typed header date).
    const touches = (s: Span) => region !== undefined && s.start <= region.end && region.start <= s.end;
    const inRegion = touches(f.span) || f.related.some((r) => touches(r.span));
    if (inRegion && !shown.has(findingKey(f))) held++;
    else visible.push(i);
  });
  return { visible, held };
}
