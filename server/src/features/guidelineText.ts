// How the editor features describe guideline rows, and the per-table lists completion offers (built once
// per table, not on every keystroke).
import type { GuidelineRow } from '../guidelines/schema.js';
import type { GuidelineTable } from '../guidelines/table.js';
import { citationFor } from '../rules/citationText.js';
import { escapeMarkdown } from './context.js';

/** Units a request's count can be compared with. */
export { VISIT_UNITS } from '../guidelines/schema.js';

/** "MTUS Chronic Pain Medical Treatment (2009), page(s) 60, section(s): Massage therapy" */
export function whereOf(row: GuidelineRow): string {
  const part = row.guideline.part;
  const name = row.source === 'MTUS' ? `MTUS ${part}`
    : row.source === 'statute' || row.source === 'regulation' || part.startsWith(row.source) ? part
    : `${row.source} ${part}`;
  const parts = [`${name}${row.guideline.edition ? ` (${row.guideline.edition})` : ''}`];
  if (row.pages?.length) parts.push(`page(s) ${row.pages.join(', ')}`);
  if (row.sections?.length) parts.push(`section(s): ${row.sections.join('; ')}`);
  return parts.join(', ');
}

/** One Markdown bullet for a row: where, limit, conditions, and "not yet confirmed" when so. */
export function describeRow(row: GuidelineRow): string {
  let s = `- ${escapeMarkdown(whereOf(row))}`;
  s += row.limit ? `: **${escapeMarkdown(row.limit.text)}**` : ': no numeric limit';
  if (row.conditions) s += `. ${escapeMarkdown(row.conditions.replace(/\.$/, ''))}`;
  s += row.confirmed ? '.' : '. *Not yet confirmed from the guideline text.*';
  return s;
}

export interface CitationChoice {
  text: string;
  rows: GuidelineRow[];
}

export interface TreatmentName {
  name: string;
  treatment: string;
}

const cache = new WeakMap<GuidelineTable, { citations: CitationChoice[]; names: TreatmentName[]; families: Map<string, string> }>();

function lists(table: GuidelineTable) {
  let c = cache.get(table);
  if (!c) {
    const byText = new Map<string, CitationChoice>();
    // A statute (Labor Code 4604.5) caps visits; it is not the medical evidence a reviewer cites.
    for (const row of table.rows) {
      if (row.source === 'statute') continue;
      const text = citationFor(row);
      const choice = byText.get(text);
      if (choice) choice.rows.push(row);
      else byText.set(text, { text, rows: [row] });
    }
    const seen = new Set<string>();
    const names: TreatmentName[] = [];
    for (const row of table.rows) {
      for (const n of row.names) {
        const key = n.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        names.push({ name: key, treatment: row.treatment });
      }
    }
    const families = new Map<string, string>();
    for (const t of new Set(table.rows.map((r) => r.treatment))) {
      families.set(t, table.rowsFor(t).map(describeRow).join('\n'));
    }
    c = { citations: [...byText.values()], names, families };
    cache.set(table, c);
  }
  return c;
}

/** Every citation sentence the table's rows give (`citationFor`), deduplicated, in table order. */
export function citationChoices(table: GuidelineTable): readonly CitationChoice[] {
  return lists(table).citations;
}

/** Every treatment name of the table (lower case), deduplicated, in table order. */
export function treatmentNames(table: GuidelineTable): readonly TreatmentName[] {
  return lists(table).names;
}

/** Markdown bullets for every row of a treatment family. */
export function familyRows(table: GuidelineTable, treatment: string): string {
  return lists(table).families.get(treatment) ?? '';
}
