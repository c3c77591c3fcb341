import type { DateRole, HeaderKey } from '../model/determination.js';
import { formatLike, formatUs, sameDate } from '../parse/dates.js';
import type { RuleContext, RuleFinding } from './rule.js';

/**
 * Shared by injury-date-mismatch and ur-date-mismatch: each narrative mention of the date in `role` must
 * agree with the header field `key`. Fixes: rewrite the mention (in its own format), or change the header.
 */
export function dateMismatches({ doc }: RuleContext, role: DateRole, key: HeaderKey, what: string): RuleFinding[] {
  const field = doc.header[key];
  const h = field?.date?.date;
  if (!field || !h) return [];
  const out: RuleFinding[] = [];
  for (const d of doc.dates) {
    if (d.role !== role || !d.date || sameDate(d.date, h)) continue;
    const rewrite = formatLike(h, d);
    const headerValue = d.date.day === undefined ? undefined : formatUs(d.date);
    out.push({
      span: d.span,
      message: `The ${what} here (${d.raw}) differs from the header's ${field.label} (${field.raw}). One of them is wrong: check the records and make them agree.`,
      related: [{ span: field.valueSpan, message: `Header ${field.label}` }],
      fixes: [
        { title: `Change to ${rewrite} (the header's date)`, kind: 'suggestion', edits: [{ span: d.span, newText: rewrite }] },
        ...(headerValue ? [{ title: `Change the header's ${field.label} to ${headerValue}`, kind: 'suggestion' as const, edits: [{ span: field.valueSpan, newText: headerValue }] }] : []),
      ],
    });
  }
  return out;
}
