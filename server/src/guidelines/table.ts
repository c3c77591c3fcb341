import type { z } from 'zod';
import { DEFAULT_GUIDELINE_TABLE } from './defaultTable.js';
import { GuidelineTableSchema, type GuidelineRow } from './schema.js';

/** A validated guideline table with the lookups rules need. Immutable once built. */
export class GuidelineTable {
  readonly rows: readonly GuidelineRow[];
  readonly mtusParts: readonly string[];
  private readonly knownParts: ReadonlySet<string>;
  private readonly whenTerms: string[];
  /** Every treatment name, longest first, with the treatment family it names. */
  private readonly names: { name: string; re: RegExp; treatment: string }[];

  constructor(rows: GuidelineRow[], mtusParts: string[]) {
    this.rows = rows;
    this.mtusParts = mtusParts;
    this.knownParts = new Set(mtusParts.map(normalizePart));
    this.whenTerms = [...new Set(rows.flatMap((r) => (r.when ?? []).flatMap((e) => e.toLowerCase().split('|'))))];
    const seen = new Map<string, string>();
    for (const row of rows) for (const n of row.names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), row.treatment);
    this.names = [...seen]
      .sort((a, b) => b[0].length - a[0].length)
      .map(([name, treatment]) => ({ name, treatment, re: new RegExp(`(?<![a-z0-9])${escapeRegExp(name)}(?![a-z0-9])`, 'i') }));
  }

  /** The treatment a request names: the earliest synonym in the text, the longest where several start there. */
  findTreatment(text: string): { treatment: string; name: string; index: number } | undefined {
    let best: { treatment: string; name: string; index: number } | undefined;
    for (const n of this.names) {
      const m = n.re.exec(text);
      if (m && (!best || m.index < best.index)) best = { treatment: n.treatment, name: n.name, index: m.index };
    }
    return best;
  }

  rowsFor(treatment: string): GuidelineRow[] {
    return this.rows.filter((r) => r.treatment === treatment);
  }

  /**
   * Rows whose limit applies to a request. `when` entries must all appear in the item title or the clinical
   * summary (a CRPS diagnosis, a meniscectomy); `unless` entries exclude a row when the title has one
   * ("post-op physical therapy"). An entry may list alternatives: "post-op|postoperative". Rows with a
   * matching `when` are specific and win over general rows of the same rank; MTUS rows outrank all
   * others. The rationale is not consulted: it quotes
   * whole guideline lists (CRPS, post-surgical) that say nothing of this patient.
   * `summaryTerms` is `termsIn(summary)`, computed once per document: the summary can be long.
   */
  applicableRows(treatment: string, title: string, summaryTerms: ReadonlySet<string>, onlyChecked: boolean): GuidelineRow[] {
    const t = title.toLowerCase();
    const inTitle = (entry: string) => entry.toLowerCase().split('|').some((w) => t.includes(w));
    const anywhere = (entry: string) => entry.toLowerCase().split('|').some((w) => t.includes(w) || summaryTerms.has(w));
    const rows = this.rowsFor(treatment).filter((r) => (!onlyChecked || r.checkRequests) && !(r.unless ?? []).some(inTitle));
    const pick = (rs: GuidelineRow[]) => {
      const specific = rs.filter((r) => r.when && r.when.every(anywhere));
      return specific.length > 0 ? specific : rs.filter((r) => !r.when);
    };
    // MTUS first (Labor Code 4610.5(c)(2)): other sources only where no MTUS row applies.
    const mtus = pick(rows.filter((r) => r.source === 'MTUS'));
    return mtus.length > 0 ? mtus : pick(rows.filter((r) => r.source !== 'MTUS'));
  }

  /** Which of the table's `when` words a text contains (lower case), for applicableRows. */
  termsIn(text: string): Set<string> {
    const lower = text.toLowerCase();
    return new Set(this.whenTerms.filter((w) => lower.includes(w)));
  }

  row(id: string): GuidelineRow | undefined {
    return this.rows.find((r) => r.id === id);
  }

  /** Whether a cited part names a part of MTUS, ignoring filler words ("Medical Treatment", "Guidelines", years). */
  isKnownMtusPart(part: string): boolean {
    const p = normalizePart(part);
    return p === '' || this.knownParts.has(p); // nothing left to judge ("ACOEM, 2nd Edition, Chapter 12") is fine
  }
}

export function normalizePart(part: string): string {
  return part
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(mtus|acoem|practice|occupational|medicine|ca|california|the|guidelines?|medical|treatment|schedule|utilization|edition|ed|\d+(?:st|nd|rd|th)?|chapters?|january|february|march|april|may|june|july|august|september|october|november|december)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface TableProblem {
  /** JSON path of the offending value, e.g. `rows[3].limit.max`. */
  path: string;
  message: string;
}

export class GuidelineTableError extends Error {
  constructor(readonly file: string, readonly problems: TableProblem[]) {
    super(
      `Invalid guideline table ${file}: ` +
        problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '),
    );
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out;
}

function problemsOf(error: z.ZodError): TableProblem[] {
  return error.issues.slice(0, 10).map((i) => ({ path: formatPath(i.path), message: i.message }));
}

let defaultTable: GuidelineTable | undefined;

/** The embedded table, validated once. A failure here is a bug in the shipped data, so it throws. */
export function defaultGuidelineTable(): GuidelineTable {
  if (!defaultTable) {
    const parsed = GuidelineTableSchema.parse(DEFAULT_GUIDELINE_TABLE);
    defaultTable = new GuidelineTable(parsed.rows, parsed.mtusParts ?? []);
  }
  return defaultTable;
}

/**
 * Builds the table from a user's JSON text: its rows extend the defaults, and replace default rows with
 * the same id. Throws GuidelineTableError (file, JSON path, problem) when the text is not a valid table;
 * callers report it and keep using `defaultGuidelineTable()`.
 */
export function loadUserGuidelineTable(jsonText: string, file: string): GuidelineTable {
  let data: unknown;
  try {
    data = JSON.parse(jsonText.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new GuidelineTableError(file, [{ path: '', message: `not valid JSON (${(e as Error).message})` }]);
  }
  const parsed = GuidelineTableSchema.safeParse(data);
  if (!parsed.success) throw new GuidelineTableError(file, problemsOf(parsed.error));
  const ids = new Set<string>();
  parsed.data.rows.forEach((r, i) => {
    if (ids.has(r.id)) throw new GuidelineTableError(file, [{ path: `rows[${i}].id`, message: `duplicate id "${r.id}"` }]);
    ids.add(r.id);
  });
  const base = defaultGuidelineTable();
  const rows = base.rows.filter((r) => !ids.has(r.id)).concat(parsed.data.rows);
  const parts = [...base.mtusParts, ...(parsed.data.mtusParts ?? [])];
  return new GuidelineTable(rows, parts);
}
