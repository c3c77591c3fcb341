import type { DisputedItem } from '../model/determination.js';
import type { Rule, RuleFinding } from './rule.js';
import { itemAnchor, itemName, ItemName } from './wording.js';

/** The title as a key: lower case, letters and digits only ("Norco 10/325 mg #60" = "NORCO 10/325MG #60"). */
function titleKey(item: DisputedItem): string | undefined {
  const k = item.title.text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return k.length >= 3 ? k : undefined;
}

const SIDE_RE = /\b(left|right|bilateral|both)\b/gi;
// Numbers that make two requests for one treatment different: strengths, dates of service, levels.
const DETAIL_RE = /\b\d+(?:[./-]\d+)*\s*(?:mg|mcg|ml|g|%|cm)?\b|\b[CTL]\d(?:\s*-\s*[CTLS]?\d)?\b/gi;

/**
 * The request as a key: the treatment as the title names it, the count, the body regions and sides, and
 * every other figure of the title outside the quantity (a strength, a date of service, a spinal level).
 * Only for items with a treatment and a count.
 */
function requestKey(item: DisputedItem): string | undefined {
  const t = item.treatment;
  const q = item.quantity;
  if (!t || !q || item.partial) return undefined;
  const title = item.title.text;
  // The title is flattened (white space runs as one space): the quantity is found in it by its text.
  const raw = q.raw.replace(/\s+/g, ' ');
  const at = title.indexOf(raw);
  const rest = at >= 0 ? `${title.slice(0, at)} ${title.slice(at + raw.length)}` : title;
  const sides = [...new Set([...title.matchAll(SIDE_RE)].map((m) => m[1].toLowerCase()))].sort();
  const details = [...rest.matchAll(DETAIL_RE)].map((m) => m[0].toLowerCase().replace(/\s+/g, '')).sort();
  return [t.name.toLowerCase(), q.count, [...item.bodyRegions].sort().join('+'), sides.join('+'), details.join('+')].join('|');
}

/** The same disputed item twice: the same title, or the same treatment, count and body regions. */
export const duplicateItem: Rule = {
  meta: { id: 'duplicate-item', defaultSeverity: 'warning', description: 'The same disputed item appears twice.', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    const byTitle = new Map<string, DisputedItem>();
    const byRequest = new Map<string, DisputedItem>();
    for (const item of doc.items) {
      const tk = titleKey(item);
      const rk = requestKey(item);
      const first = (tk && byTitle.get(tk)) || (rk && byRequest.get(rk)) || undefined;
      if (first) {
        const how = tk && byTitle.get(tk) === first ? 'the same title' : `the same request: ${item.treatment!.name}, ${item.quantity!.count} ${item.quantity!.unit ?? 'visits'}${item.bodyRegions.length ? `, ${item.bodyRegions.join(', ')}` : ''}`;
        const verdicts = first.verdict && item.verdict && first.verdict.value !== item.verdict.value
          ? ` The two verdicts differ (${first.verdict.value}, then ${item.verdict.value}).`
          : '';
        out.push({
          span: itemAnchor(item),
          message: `${ItemName(item)} repeats the disputed item ${itemName(first)} (${how}).${verdicts} Decide each item once: remove the repetition, or make the titles say what differs.`,
          related: [{ span: itemAnchor(first), message: 'First occurrence of the item' }],
        });
        continue;
      }
      if (tk) byTitle.set(tk, item);
      if (rk) byRequest.set(rk, item);
    }
    return out;
  },
};
