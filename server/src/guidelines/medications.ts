import type { MedicationRow, OpioidFactor } from './schema.js';

/** A drug the table knows, named in a text: its rows and, for an opioid, its conversion factor. */
export interface DrugNamed {
  /** The name as the table has it (lower case). */
  name: string;
  index: number;
  rows: MedicationRow[];
  opioid?: OpioidFactor;
}

/** The medication part of the guideline table: rows by drug name, and opioid conversion factors. */
export class MedicationTable {
  readonly rows: readonly MedicationRow[];
  readonly factors: readonly OpioidFactor[];
  private readonly byName = new Map<string, { rows: MedicationRow[]; opioid?: OpioidFactor }>();
  private readonly anyName: RegExp | undefined;

  constructor(rows: MedicationRow[], factors: OpioidFactor[]) {
    this.rows = rows;
    this.factors = factors;
    const entry = (n: string) => {
      const k = n.toLowerCase();
      let e = this.byName.get(k);
      if (!e) this.byName.set(k, (e = { rows: [] }));
      return e;
    };
    for (const r of rows) for (const n of r.names) entry(n).rows.push(r);
    for (const f of factors) for (const n of f.names) entry(n).opioid ??= f;
    const names = [...this.byName.keys()].sort((a, b) => b.length - a.length);
    // One pattern of every name, longest first, whole words (a pass per text, not a pass per name).
    this.anyName = names.length ? new RegExp(`(?<![a-z0-9])(?:${names.map(escape).join('|')})(?![a-z0-9])`, 'gi') : undefined;
  }

  /** The drugs a text names, left to right, each the longest name at its place. */
  drugsIn(text: string, max = 20): DrugNamed[] {
    const out: DrugNamed[] = [];
    if (!this.anyName) return out;
    const re = this.anyName;
    re.lastIndex = 0;
    for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) {
      const e = this.byName.get(m[0].toLowerCase());
      if (e) out.push({ name: m[0].toLowerCase(), index: m.index, rows: e.rows, opioid: e.opioid });
    }
    return out;
  }

  /** The rows of a drug name as the table has it (drugsIn's `name`). */
  rowsFor(name: string): MedicationRow[] {
    return this.byName.get(name.toLowerCase())?.rows ?? [];
  }

  /** The rows of a drug name that apply to a request of this route (a topical row needs a topical request). */
  rowsForRoute(name: string, topical: boolean): MedicationRow[] {
    return this.rowsFor(name).filter((r) => r.route === 'any' || (r.route === 'topical') === topical);
  }

  /** The conversion factor of an opioid's name. */
  factorFor(name: string): OpioidFactor | undefined {
    return this.byName.get(name.toLowerCase())?.opioid;
  }

  /** The daily-dose rows (the MME threshold), confirmed ones first. */
  dailyDoseRows(): MedicationRow[] {
    return this.rows.filter((r) => r.kind === 'daily-dose').sort((a, b) => Number(b.confirmed) - Number(a.confirmed));
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** User rows extend the built-in ones: the same id replaces a row; a factor naming a built-in drug replaces it. */
export function mergeMedications(base: MedicationTable, rows: MedicationRow[] | undefined, factors: OpioidFactor[] | undefined): MedicationTable {
  const ids = new Set((rows ?? []).map((r) => r.id));
  const named = new Set((factors ?? []).flatMap((f) => f.names.map((n) => n.toLowerCase())));
  return new MedicationTable(
    base.rows.filter((r) => !ids.has(r.id)).concat(rows ?? []),
    base.factors.filter((f) => !f.names.some((n) => named.has(n.toLowerCase()))).concat(factors ?? []),
  );
}
