import type { Rule, RuleFinding } from './rule.js';

/** "12 sessions ... 10 authorized ... the remaining portion, 2 sessions": original - authorized = remaining. */
export const partialCertificationMismatch: Rule = {
  meta: { id: 'partial-certification-mismatch', defaultSeverity: 'error', description: 'In a partial certification, original minus authorized is not the remaining portion.', fixable: false, hasSuggestions: true },
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const item of doc.items) {
      const p = item.partial;
      if (!p?.arithmetic || p.arithmetic.agrees || !p.original || !p.authorized || !p.remaining) continue;
      const { expected } = p.arithmetic;
      // Offered only where the remaining portion is written as one number ("2 sessions"): a worked-out
      // count ("1 times 6") has no one number that an edit could set.
      const figure = p.remaining.figure;
      const fixes =
        expected > 0 && figure
          ? [{ title: `Change the remaining portion to ${expected}`, kind: 'suggestion' as const, edits: [{ span: figure, newText: String(expected) }] }]
          : [];
      out.push({
        span: p.remaining.span,
        message: `The remaining portion (${p.remaining.count}) should be the original request (${p.original.count}) minus what was authorized (${p.authorized.count}), that is ${expected}. Check the three numbers.`,
        related: [
          { span: p.original.span, message: `Original request: ${p.original.count}` },
          { span: p.authorized.span, message: `Authorized: ${p.authorized.count}` },
        ],
        fixes,
      });
    }
    return out;
  },
};
