import type { DisputedItem } from '../model/determination.js';
import type { Rule, RuleFinding } from './rule.js';
import { itemAnchor, itemName, ItemName } from './wording.js';
import { collapseSpace } from '../text/collapseSpace.js';

/** The title as a key: lower case, letters and digits only ("Norco 10/325 mg #60" = "NORCO 10/325MG #60"). */
function titleKey(item: DisputedItem): string | undefined {
  const k = item.title.text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return k.length >= 3 ? k : undefined;
}

const SIDE_RE = /\b(left|right|bilateral|both)\b/gi;
// Numbers that make two requests for one treatment different: strengths, dates of service, levels.
const DETAIL_RE = /\b\d+(?:[./-]\d+)*\s*(?:mg|mcg|ml|g|%|cm)?\b|\b[CTL]\d(?:\s*-\s*[CTLS]?\d)?\b/gi;

// Words that say nothing of what is requested, and the words of a count or schedule.
const FILLER = new Set(['of', 'for', 'the', 'a', 'an', 'and', 'to', 'with', 'x', 'times', 'qty', 'quantity', 'request', 'requested', 'is', 'was', 'in', 'on', 'per', 'at']);
const SCHEDULE = new Set(['sessions', 'session', 'visits', 'visit', 'treatments', 'treatment', 'week', 'weeks', 'wk', 'wks', 'weekly', 'twice', 'once', 'time']);

/** The words of a text, lower case, digits split from letters, filler left out, sorted. */
function bag(text: string, drop: ReadonlySet<string> = FILLER): string[] {
  return text
    .toLowerCase()
    .replace(/(\d)(?=[a-z])|([a-z])(?=\d)/g, '$1$2 ')
    .split(/[^a-z0-9./%]+/)
    .map((w) => w.replace(/^[./]+|[./]+$/g, ''))
    .filter((w) => w && !drop.has(w))
    .sort();
}

/** The title's words and figures in any order: "Tramadol ER 150mg #30" is "Tramadol 150 mg ER #30". */
function wordKey(item: DisputedItem): string | undefined {
  const words = bag(item.title.text);
  return words.length >= 2 ? words.join(' ') : undefined;
}

/**
 * The request as a key when its count is written another way ("6 sessions" or "2 times a week for 3
 * weeks"): the treatment, the count, the body regions and sides, every other figure, and every other word
 * of the title (a modality, an adjunct, another body part make two requests different).
 */
function requestKey(item: DisputedItem): string | undefined {
  const t = item.treatment;
  const q = item.quantity;
  if (!t || !q || item.partial) return undefined;
  const title = item.title.text;
  // The title is flattened (white space runs as one space): the quantity is found in it by its text.
  const raw = collapseSpace(q.raw);
  const at = title.indexOf(raw);
  const rest = at >= 0 ? `${title.slice(0, at)} ${title.slice(at + raw.length)}` : title;
  const sides = [...new Set([...title.matchAll(SIDE_RE)].map((m) => m[1].toLowerCase()))].sort();
  const details = [...rest.matchAll(DETAIL_RE)].map((m) => m[0].toLowerCase().replace(/\s+/g, '')).sort();
  const nameWords = new Set(bag(t.name));
  const others = bag(rest.replace(DETAIL_RE, ' ')).filter((w) => !nameWords.has(w) && !SCHEDULE.has(w) && !/^\d+$/.test(w) && !SIDE_WORDS.has(w));
  return [t.name.toLowerCase(), q.count, [...item.bodyRegions].sort().join('+'), sides.join('+'), details.join('+'), others.join('+')].join('|');
}

const SIDE_WORDS = new Set(['left', 'right', 'bilateral', 'both']);

/**
 * The same disputed item twice: the same title; the same words in another order; or the same treatment,
 * count, body regions and other words with the count written another way.
 */
export const duplicateItem: Rule = {
  meta: { id: 'duplicate-item', defaultSeverity: 'warning', description: 'The same disputed item appears twice.', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    const byTitle = new Map<string, DisputedItem>();
    const byRequest = new Map<string, DisputedItem>();
    const byWords = new Map<string, DisputedItem>();
    for (const item of doc.items) {
      const tk = titleKey(item);
      const wk = wordKey(item);
      const rk = requestKey(item);
      const first = (tk && byTitle.get(tk)) || (wk && byWords.get(wk)) || (rk && byRequest.get(rk)) || undefined;
      if (first) {
        const how = tk && byTitle.get(tk) === first ? 'the same title' : wk && byWords.get(wk) === first ? 'the same words in another order' : `the same request: ${item.treatment!.name}, ${item.quantity!.count} ${item.quantity!.unit ?? 'visits'}${item.bodyRegions.length ? `, ${item.bodyRegions.join(', ')}` : ''}`;
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
      if (wk) byWords.set(wk, item);
    }
    return out;
  },
};
