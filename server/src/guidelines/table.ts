import type { z } from 'zod';
import { DEFAULT_GUIDELINE_TABLE } from './defaultTable.js';
import { GuidelineTableSchema, type GuidelineRow, type Timeliness, type Topics } from './schema.js';
import { MedicationTable, mergeMedications } from './medications.js';

/** A validated guideline table with the lookups rules need. Immutable once built. */
export class GuidelineTable {
  readonly rows: readonly GuidelineRow[];
  readonly mtusParts: readonly string[];
  private readonly knownParts: ReadonlySet<string>;
  private readonly whenTerms: string[];
  /** Every treatment name, longest first, with the treatment family it names. */
  private readonly names: { name: string; treatment: string }[];
  private readonly byName: ReadonlyMap<string, { name: string; treatment: string }>;
  /** All names in one pattern, longest first (built on first use). */
  private anyName: RegExp | undefined;

  /** What cited chapters and sections are about (citation-topic-mismatch); every list present. */
  readonly topics: Required<Topics>;
  /** Thresholds of late-application and late-decision, in days. */
  readonly timeliness: Timeliness;
  /** Course limits, drugs not recommended, the daily opioid dose and the conversion to MME. */
  readonly medications: MedicationTable;

  constructor(rows: GuidelineRow[], mtusParts: string[], extras: { topics?: Topics; timeliness?: Timeliness; medications?: MedicationTable } = {}) {
    this.rows = rows;
    this.medications = extras.medications ?? new MedicationTable([], []);
    const t = extras.topics ?? {};
    this.topics = { regions: t.regions ?? [], kinds: t.kinds ?? [], chapters: t.chapters ?? [], sections: t.sections ?? [] };
    this.timeliness = extras.timeliness ?? {};
    this.mtusParts = mtusParts;
    this.knownParts = new Set(mtusParts.map(normalizePart));
    this.whenTerms = [...new Set(rows.flatMap((r) => (r.when ?? []).flatMap((e) => e.toLowerCase().split('|'))))];
    const seen = new Map<string, string>();
    for (const row of rows) for (const n of row.names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), row.treatment);
    this.names = [...seen]
      .sort((a, b) => b[0].length - a[0].length)
      .map(([name, treatment]) => ({ name, treatment }));
    this.byName = new Map(this.names.map((n) => [n.name, n]));
  }

  /** The treatment a request names: the earliest synonym in the text, the longest where several start there. */
  findTreatment(text: string): { treatment: string; name: string; index: number } | undefined {
    return this.treatmentsIn(text, 1)[0];
  }

  /**
   * The treatments a text names, in order, each the longest synonym at its place: one pass of one pattern
   * (all names, longest first), where a search per name was a pass per name.
   */
  treatmentsIn(text: string, max = Infinity): { treatment: string; name: string; index: number }[] {
    const out: { treatment: string; name: string; index: number }[] = [];
    if (this.names.length === 0) return out;
    this.anyName ??= new RegExp(`(?<![a-z0-9])(?:${this.names.map((n) => escapeRegExp(n.name)).join('|')})(?![a-z0-9])`, 'gi');
    this.anyName.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (out.length < max && (m = this.anyName.exec(text))) {
      const n = this.byName.get(m[0].toLowerCase());
      if (n) out.push({ treatment: n.treatment, name: n.name, index: m.index });
    }
    return out;
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
    const problems = topicReferenceProblems(parsed.topics, parsed.topics);
    if (problems.length) throw new Error(`Invalid built-in guideline table: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    const medications = new MedicationTable(parsed.medications ?? [], parsed.opioidFactors ?? []);
    defaultTable = new GuidelineTable(parsed.rows, parsed.mtusParts ?? [], { topics: parsed.topics, timeliness: parsed.timeliness, medications });
  }
  return defaultTable;
}

/**
 * The largest user guideline table read, checked before it is read or parsed: a table of 100 MB takes
 * seconds and more than a gigabyte to parse. The built-in table is a few dozen KB.
 */
export const MAX_GUIDELINE_TABLE_BYTES = 5 * 1024 * 1024;

/**
 * Builds the table from a user's JSON text: its rows extend the defaults, and replace default rows with
 * the same id. Throws GuidelineTableError (file, JSON path, problem) when the text is not a valid table;
 * callers report it and keep using `defaultGuidelineTable()`.
 */
export function loadUserGuidelineTable(jsonText: string, file: string): GuidelineTable {
  // Front ends check the file's size before reading it; this guards text handed over otherwise.
  if (jsonText.length > MAX_GUIDELINE_TABLE_BYTES) {
    throw new GuidelineTableError(file, [{ path: '', message: `too large (over ${MAX_GUIDELINE_TABLE_BYTES / (1024 * 1024)} MB, the limit)` }]);
  }
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
  const topics = mergeTopics(base.topics, parsed.data.topics);
  const refs = topicReferenceProblems(parsed.data.topics, topics);
  if (refs.length) throw new GuidelineTableError(file, refs);
  const medIds = new Set<string>();
  (parsed.data.medications ?? []).forEach((r, i) => {
    if (medIds.has(r.id)) throw new GuidelineTableError(file, [{ path: `medications[${i}].id`, message: `duplicate id "${r.id}"` }]);
    medIds.add(r.id);
  });
  const medications = mergeMedications(base.medications, parsed.data.medications, parsed.data.opioidFactors);
  return new GuidelineTable(rows, parts, { topics, timeliness: { ...base.timeliness, ...parsed.data.timeliness }, medications });
}

/** User topics extend the built-in ones: same region or kind id, or a shared chapter or section name, replaces. */
function mergeTopics(base: Required<Topics>, user: Topics | undefined): Required<Topics> {
  if (!user) return base;
  const byId = <T extends { id: string }>(a: T[], b: T[] | undefined) => (b ? a.filter((x) => !b.some((y) => y.id === x.id)).concat(b) : a);
  const byName = <T extends { names: string[] }>(a: T[], b: T[] | undefined) => {
    if (!b) return a;
    const names = new Set(b.flatMap((x) => x.names.map((n) => n.toLowerCase())));
    return a.filter((x) => !x.names.some((n) => names.has(n.toLowerCase()))).concat(b);
  };
  return {
    regions: byId(base.regions, user.regions),
    kinds: byId(base.kinds, user.kinds),
    chapters: byName(base.chapters, user.chapters),
    sections: byName(base.sections, user.sections),
  };
}

/** Region and kind ids that `topics` (as written) refers to and `known` (the merged topics) does not define. */
function topicReferenceProblems(topics: Topics | undefined, known: Topics | undefined): TableProblem[] {
  if (!topics) return [];
  const regions = new Set((known?.regions ?? []).map((r) => r.id));
  const kinds = new Set((known?.kinds ?? []).map((k) => k.id));
  const out: TableProblem[] = [];
  for (const list of ['chapters', 'sections'] as const) {
    (topics[list] ?? []).forEach((t, i) => {
      (t.regions ?? []).forEach((r, j) => {
        if (!regions.has(r)) out.push({ path: `topics.${list}[${i}].regions[${j}]`, message: `unknown region "${r}" (not in topics.regions)` });
      });
      (t.kinds ?? []).forEach((k, j) => {
        if (!kinds.has(k)) out.push({ path: `topics.${list}[${i}].kinds[${j}]`, message: `unknown kind "${k}" (not in topics.kinds)` });
      });
    });
  }
  return out.slice(0, 10);
}
