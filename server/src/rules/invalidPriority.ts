import type { Rule } from './rule.js';

const VALUES = ['Standard', 'Expedited'];

/** Priority is Standard or Expedited; the fix picks the nearer by spelling. */
export const invalidPriority: Rule = {
  meta: { id: 'invalid-priority', defaultSeverity: 'error', description: 'Priority is neither Standard nor Expedited.', fixable: false, hasSuggestions: true },
  check({ doc }) {
    const f = doc.header.priority;
    if (!f || !f.raw || VALUES.some((v) => v.toLowerCase() === f.raw.toLowerCase())) return [];
    const nearest = VALUES.map((v) => ({ v, d: distance(f.raw.toLowerCase(), v.toLowerCase()) })).sort((a, b) => a.d - b.d)[0].v;
    return [{
      span: f.valueSpan,
      message: `Priority "${f.raw}" is not a priority IMR uses: write Standard or Expedited.`,
      fixes: [
        { title: `Change to ${nearest}`, kind: 'suggestion', edits: [{ span: f.valueSpan, newText: nearest }] },
        ...VALUES.filter((v) => v !== nearest).map((v) => ({ title: `Change to ${v}`, kind: 'suggestion' as const, edits: [{ span: f.valueSpan, newText: v }] })),
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
