import type { Rule } from './rule.js';

const VALUES = ['Standard', 'Expedited'];
/** The longest value a suggestion replaces: a word, misspelt. */
const MAX_REPLACED = 20;

/** Priority is Standard or Expedited; the fix picks the nearer by spelling. */
export const invalidPriority: Rule = {
  meta: { id: 'invalid-priority', defaultSeverity: 'error', description: 'Priority is neither Standard nor Expedited.', fixable: false, hasSuggestions: true },
  check({ doc }) {
    const f = doc.header.priority;
    if (!f || !f.raw || VALUES.some((v) => v.toLowerCase() === f.raw.toLowerCase())) return [];
    const shown = f.raw.length > 40 ? `${f.raw.slice(0, 37)}...` : f.raw;
    const message = `Priority "${shown}" is not a priority IMR uses: write Standard or Expedited.`;
    // A misspelt word is replaced; anything longer (text that ran into the field) is the reviewer's to
    // move, never deleted by a suggestion.
    if (f.raw.length > MAX_REPLACED) return [{ span: f.valueSpan, message }];
    const nearest = VALUES.map((v) => ({ v, d: distance(f.raw.toLowerCase(), v.toLowerCase()) })).sort((a, b) => a.d - b.d)[0].v;
    // A value run into the next label ("Priority:>Date of Injury:") keeps the label a label.
    const gap = /\w/.test(doc.plain[f.valueSpan.end] ?? '') ? ' ' : '';
    return [{
      span: f.valueSpan,
      message,
      fixes: [
        { title: `Change to ${nearest}`, kind: 'suggestion', edits: [{ span: f.valueSpan, newText: nearest + gap }] },
        ...VALUES.filter((v) => v !== nearest).map((v) => ({ title: `Change to ${v}`, kind: 'suggestion' as const, edits: [{ span: f.valueSpan, newText: v + gap }] })),
      ],
    }];
  },
};

/** Levenshtein distance; the strings are a few letters long. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
