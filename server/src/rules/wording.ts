import type { DisputedItem, LabeledPart } from '../model/determination.js';
import type { Span } from '../types.js';

/** How messages name an item: its title in quotes, or "the item without a title". */
export function itemName(item: DisputedItem): string {
  return item.title.text ? `"${item.title.text}"` : 'the item without a title';
}

/** The same at the start of a sentence. */
export function ItemName(item: DisputedItem): string {
  const n = itemName(item);
  return n[0].toUpperCase() + n.slice(1);
}

/** Where a finding about the item as a whole is shown: its title, else its first label. */
export function itemAnchor(item: DisputedItem): Span {
  if (item.title.span.end > item.title.span.start) return item.title.span;
  const first: LabeledPart | undefined = item.claimsAdministratorGuideline ?? item.reviewerGuideline ?? item.rationale;
  return first ? first.labelSpan : item.span;
}
