import type { GuidelineRow } from '../guidelines/schema.js';
import type { GuidelineTable } from '../guidelines/table.js';
import type { Determination, DisputedItem } from '../model/determination.js';

/** The citation sentence a letter uses for a table row ("Decision based on MTUS Chronic Pain ... Page(s): 60."). */
export function citationFor(row: GuidelineRow): string {
  const where = row.pages?.length ? `Page(s): ${pageList(row.pages)}` : row.sections?.length ? `Section(s): ${row.sections[0]}` : '';
  const edition = row.guideline.edition ? ` ${row.guideline.edition.split(',').pop()!.trim()}` : '';
  if (row.source === 'MTUS') return `Decision based on MTUS ${row.guideline.part}${edition}${where ? `, ${where}` : ''}.`;
  return `Decision based on Non-MTUS Citation ${row.guideline.part}${where ? `, ${where}` : ''}.`;
}

function pageList(pages: string[]): string {
  const nums = pages.map(Number);
  const contiguous = nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
  return nums.length > 1 && contiguous ? `${nums[0]}-${nums[nums.length - 1]}` : pages.join(', ');
}

const summaryTermsCache = new WeakMap<Determination, ReadonlySet<string>>();

/** The table's `when` words that the clinical summary contains (CRPS, meniscectomy...), once per document. */
export function summaryTerms(doc: Determination, table: GuidelineTable): ReadonlySet<string> {
  let terms = summaryTermsCache.get(doc);
  if (!terms) {
    const s = doc.sections.find((x) => x.kind === 'summary');
    terms = table.termsIn(s ? doc.plain.slice(s.bodySpan.start, s.bodySpan.end) : '');
    summaryTermsCache.set(doc, terms);
  }
  return terms;
}

/** What the request is: its title, and the guideline parts cited for it ("Postsurgical Treatment"). */
export function titleContext(item: DisputedItem): string {
  return `${item.title.text} ${item.reviewerGuideline?.citations.map((c) => c.part).join(' ') ?? ''}`;
}

/** The table row to cite for an item: its treatment's primary (MTUS first) row that applies. */
export function primaryRow(doc: Determination, item: DisputedItem, table: GuidelineTable): GuidelineRow | undefined {
  if (!item.treatment) return undefined;
  const rows = table.applicableRows(item.treatment.treatment, titleContext(item), summaryTerms(doc, table), false);
  return rows.find((r) => r.source === 'MTUS') ?? rows[0];
}
