// `npm run accuracy -- --inject [--seed N] [--per N]`: defect injection. Problems of each rule family are
// planted into the real letters the labels call clean for that rule, with exact truth, from the phrasings in
// test/accuracy/inject/phrasings.json (written from DOMAIN.md and the real letters, not from the rules'
// regular expressions); traps (sentences that look like a problem but are not) are planted the same way.
// A planted problem is found when the letter gains a warning or error of its rule; a trap is tripped when
// it does. Slips are modelled as reviewers make them: a date a few days off, a typed year, a count that is
// not the request's, the pronoun of the other sex, an age a few years off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, RULES } from '../../server/src/index.ts';
import type { CalendarDate, Determination, DisputedItem } from '../../server/src/model/determination.ts';
import { defaultGuidelineTable } from '../../server/src/guidelines/table.ts';
import type { Finding } from '../../server/src/types.ts';
import { loadLabels } from './labels.ts';
import { realLetters } from './score.ts';
// mulberry32, seeded, so a run can be repeated from its printed seed (the bench's generator).
import { rng } from '../bench/generate.ts';

interface Phrase { where: 'summary' | 'rationale'; text: string; why?: string }
type RulePhrases = { problems: Phrase[]; traps: Phrase[]; problems_not_necessary?: Phrase[] };

export interface InjectionCase { rule: string; kind: 'problem' | 'trap'; half: 'tune' | 'check'; letter: string; sentence: string; found: boolean; severity?: string }


const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const DAY = 86400000;
const toUtc = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day ?? 1);
const fromUtc = (t: number): CalendarDate => {
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const addDays = (d: CalendarDate, n: number) => fromUtc(toUtc(d) + n * DAY);
const same = (a: CalendarDate, b: CalendarDate) => a.year === b.year && a.month === b.month && a.day === b.day;

/** A date written the ways letters write them. */
function fmt(d: CalendarDate, r: () => number): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  switch (Math.floor(r() * 4)) {
    case 0: return `${mm}/${dd}/${d.year}`;
    case 1: return `${d.month}-${d.day}-${String(d.year).slice(2)}`;
    case 2: return `${MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
    default: return `${mm}-${dd}-${d.year}`;
  }
}

/** A slip of the pen on a date: a few days off, the month next to it, or a typed year. */
function slip(d: CalendarDate, r: () => number): CalendarDate {
  const k = r();
  let out: CalendarDate;
  if (k < 0.5) out = addDays(d, (r() < 0.5 ? -1 : 1) * (1 + Math.floor(r() * 20)));
  else if (k < 0.75) out = { ...d, year: d.year + (r() < 0.5 ? -1 : 1) };
  else out = { ...d, month: d.month === 12 ? 11 : d.month + 1, day: Math.min(d.day ?? 1, 28) };
  return same(out, d) ? addDays(d, 3) : out;
}

const TREATMENT_PHRASE: Record<string, string> = {};

/** The slot values of one letter; undefined where the letter lacks what a slot needs. */
function slots(doc: Determination, item: DisputedItem | undefined, r: () => number): Record<string, string | undefined> {
  const doi = doc.header.dateOfInjury?.date?.date;
  const ur = doc.header.urDenialDate?.date?.date;
  const decision = doc.header.decisionDate?.date?.date;
  const sex = doc.mentions.sex?.value;
  const age = doc.mentions.ages[0]?.value;
  const female = sex === 'female';
  const table = defaultGuidelineTable();
  const count = item?.quantity?.count;
  const row = item?.treatment ? table.rowsFor(item.treatment.treatment).find((x) => x.limit && x.confirmed) : undefined;
  const wrongCount = count === undefined ? undefined : count + (r() < 0.5 ? 2 + Math.floor(r() * 4) : count);
  const past = 4 + Math.floor(r() * 16);
  const treatment = item?.treatment?.treatment ?? item?.title.text.replace(/\s+/g, ' ').replace(/[:,.]+\s*$/, '').toLowerCase().slice(0, 60);
  const doiWrong = doi && slip(doi, r);
  const examDays = doi && ur ? Math.max(1, Math.floor((toUtc(ur) - toUtc(doi)) / DAY)) : 0;
  return {
    patient: ['The patient', 'The injured worker', 'The applicant'][Math.floor(r() * 3)],
    patient_lc: ['the patient', 'the injured worker', 'the applicant'][Math.floor(r() * 3)],
    p_subj: sex && (female ? 'she' : 'he'), p_poss: sex && (female ? 'her' : 'his'), p_obj: sex && (female ? 'her' : 'him'),
    x_subj: sex && (female ? 'he' : 'she'), x_poss: sex && (female ? 'his' : 'her'), x_obj: sex && (female ? 'him' : 'her'),
    sex,
    other_person: sex && (female ? 'the claims adjuster, Mr. Lopez,' : 'the nurse case manager, Ms. Lopez,'),
    doi: doi && fmt(doi, r),
    doi_wrong: doiWrong && fmt(doiWrong, r),
    ur: ur && fmt(ur, r),
    ur_wrong: ur && fmt(slip(ur, r), r),
    ur_earlier: ur && fmt(addDays(ur, -(70 + Math.floor(r() * 150))), r),
    date_exam: doi && examDays > 2 ? fmt(addDays(doi, 1 + Math.floor(r() * (examDays - 1))), r) : undefined,
    before_doi: doi && fmt(addDays(doi, -(30 + Math.floor(r() * 300))), r),
    after_decision: decision && fmt(addDays(decision, 10 + Math.floor(r() * 150)), r),
    age: age === undefined ? undefined : String(age),
    age_wrong: age === undefined ? undefined : String(age + (r() < 0.5 ? -1 : 1) * (3 + Math.floor(r() * 7))),
    birth_year_wrong: age === undefined || !decision ? undefined : String(decision.year - age + (r() < 0.5 ? -1 : 1) * (5 + Math.floor(r() * 6))),
    treatment: treatment && (TREATMENT_PHRASE[treatment] ?? treatment),
    count: count === undefined ? undefined : String(count),
    count_wrong: wrongCount === undefined ? undefined : String(wrongCount),
    count_past: String(past),
    count_word: count !== undefined && count <= 20 ? WORDS[count] : undefined,
    count_wrong_word: wrongCount !== undefined && wrongCount <= 20 ? WORDS[wrongCount] : undefined,
    body_part: item?.bodyRegions[0] ?? ['low back', 'neck', 'shoulder'][Math.floor(r() * 3)],
    limit_right: row?.limit?.text,
    limit_wrong: row?.limit ? `${row.limit.max + 6 + Math.floor(r() * 10)} visits over ${(row.limit.weeks ?? 6) + 4} weeks` : undefined,
    guideline: row ? (row.source === 'MTUS' ? `the MTUS ${row.guideline.part} Guidelines` : 'the Official Disability Guidelines') : 'the MTUS Chronic Pain Medical Treatment Guidelines',
    ssn: `${500 + Math.floor(r() * 300)}-${10 + Math.floor(r() * 80)}-${1000 + Math.floor(r() * 8000)}`,
    phone: `(${['916', '415', '213', '619'][Math.floor(r() * 4)]}) ${200 + Math.floor(r() * 700)}-${1000 + Math.floor(r() * 8000)}`,
    email: `${['jdoe', 'maria.g', 'rsmith72'][Math.floor(r() * 3)]}@${['gmail.com', 'yahoo.com', 'example.net'][Math.floor(r() * 3)]}`,
    street_address: `${100 + Math.floor(r() * 9000)} ${['Oak', 'Maple', 'Sunset', 'Mission'][Math.floor(r() * 4)]} ${['Street', 'Avenue', 'Drive', 'Boulevard'][Math.floor(r() * 4)]}`,
    dob: fmt({ year: 1950 + Math.floor(r() * 40), month: 1 + Math.floor(r() * 12), day: 1 + Math.floor(r() * 28) }, r),
    public_address: r() < 0.5 ? 'MAXIMUS Federal Services, P.O. Box 138009, Sacramento, CA 95813-8009' : "the Division of Workers' Compensation, 1515 Clay Street, 17th Floor, Oakland, CA 94612",
  };
}

function fill(template: string, values: Record<string, string | undefined>): string | undefined {
  let missing = false;
  const out = template.replace(/\{([a-z_]+)\}/g, (_, k: string) => {
    const v = values[k];
    if (v === undefined) missing = true;
    return v ?? '';
  });
  if (missing) return undefined;
  // A slot at the start of a sentence is capitalised.
  return out.replace(/(^|[.!?]\s+)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());
}

/** Where a sentence goes: the end of the clinical summary, or before the item's concluding sentence. */
function insertAt(doc: Determination, where: Phrase['where'], item: DisputedItem | undefined): number | undefined {
  if (where === 'summary') {
    const s = doc.sections.find((x) => x.kind === 'summary');
    if (!s) return undefined;
    let end = s.bodySpan.end;
    while (end > s.bodySpan.start && /\s/.test(doc.text[end - 1])) end--;
    return end;
  }
  const c = item?.rationale?.conclusion;
  return c ? c.span.start : undefined;
}

const reported = (f: Finding) => f.severity === 'warning' || f.severity === 'error';

export function inject(root: string, shared: string, opts: { seed?: number; per?: number } = {}): { seed: number; cases: InjectionCase[] } {
  const seed = opts.seed ?? 20261202;
  const per = opts.per ?? 8;
  const r = rng(seed);
  const data = JSON.parse(readFileSync(join(root, 'test', 'accuracy', 'inject', 'phrasings.json'), 'utf8')) as { rules: Record<string, RulePhrases> };
  const labels = loadLabels(join(root, 'test', 'accuracy'));
  const letters = realLetters(shared).filter((l) => !l.copyOf);
  const base = letters.map((l) => {
    const res = lint(l.text, { languageId: l.languageId });
    return { ...l, doc: res.model, findings: res.findings };
  });
  const cases: InjectionCase[] = [];
  for (const [rule, phrases] of Object.entries(data.rules)) {
    if (!RULES.some((x) => x.meta.id === rule)) continue;
    // Letters clean for this rule by the labels, and by the engine (no warning of the rule already).
    const clean = base.filter((b) => {
      const l = labels.get(b.name);
      return l && !l.problems.some((p) => p.rule === rule) && !b.findings.some((f) => f.ruleId === rule && reported(f));
    });
    const quiet = RULES.find((x) => x.meta.id === rule)!.meta.defaultSeverity === 'info';
    const run = (phrase: Phrase, kind: InjectionCase['kind'], half: InjectionCase['half'], necessary?: boolean) => {
      let placed = 0;
      for (let attempt = 0; attempt < per * 6 && placed < per; attempt++) {
        const b = clean[Math.floor(r() * clean.length)];
        // The item the sentence speaks of: one with a treatment and a count when the phrase needs them.
        const needsCount = /\{count|\{limit/.test(phrase.text);
        const items = b.doc.items.filter((i) => i.rationale?.conclusion && (!needsCount || (i.treatment && i.quantity)));
        let item = items[Math.floor(r() * items.length)];
        if (rule === 'verdict-conflict' && kind === 'problem') {
          item = items.find((i) => i.verdict && (i.verdict.value === 'Upheld') === !!necessary) as DisputedItem;
        }
        if (!item && (phrase.where === 'rationale' || needsCount)) continue;
        const sentence = fill(phrase.text, slots(b.doc, item, r));
        if (!sentence) continue;
        let text: string;
        if (rule === 'verdict-conflict' && kind === 'problem') {
          const c = item.rationale!.conclusion!;
          text = b.text.slice(0, c.span.start) + sentence + b.text.slice(c.span.end);
        } else {
          const at = insertAt(b.doc, phrase.where, item);
          if (at === undefined) continue;
          text = phrase.where === 'summary' ? `${b.text.slice(0, at)} ${sentence}${b.text.slice(at)}` : `${b.text.slice(0, at)}${sentence} ${b.text.slice(at)}`;
        }
        // A rule at information by default is measured at information (its recall is still worth knowing).
        const counts = (f: Finding) => f.ruleId === rule && (quiet || reported(f));
        const before = new Set(b.findings.filter(counts).map((f) => f.message));
        const after = lint(text, { languageId: b.languageId }).findings.filter((f) => counts(f) && !before.has(f.message));
        cases.push({ rule, kind, half, letter: b.name, sentence, found: after.length > 0, severity: after[0]?.severity });
        placed++;
      }
    };
    // The phrasings are split too: odd-numbered ones are the check half, never looked at while tuning.
    const half = (i: number) => (i % 2 ? 'check' : 'tune') as InjectionCase['half'];
    phrases.problems.forEach((p, i) => run(p, 'problem', half(i), true));
    (phrases.problems_not_necessary ?? []).forEach((p, i) => run(p, 'problem', half(i), false));
    phrases.traps.forEach((p, i) => run(p, 'trap', half(i)));
  }
  return { seed, cases };
}

export function runInjection(root: string, shared: string, opts: { json?: boolean; seed?: number; per?: number; verbose?: boolean }): void {
  const { seed, cases } = inject(root, shared, opts);
  const tally = (half: InjectionCase['half']) => {
    const byRule = new Map<string, { problems: number; found: number; traps: number; tripped: number; missed: string[]; falses: string[] }>();
    for (const c of cases) {
      if (c.half !== half) continue;
      let s = byRule.get(c.rule);
      if (!s) byRule.set(c.rule, (s = { problems: 0, found: 0, traps: 0, tripped: 0, missed: [], falses: [] }));
      if (c.kind === 'problem') {
        s.problems++;
        if (c.found) s.found++;
        else s.missed.push(`${c.letter}: ${c.sentence}`);
      } else {
        s.traps++;
        if (c.found) {
          s.tripped++;
          s.falses.push(`${c.letter}: ${c.sentence}`);
        }
      }
    }
    return byRule;
  };
  const halves = { tune: tally('tune'), check: tally('check') };
  if (opts.json) {
    const strip = (m: ReturnType<typeof tally>) => Object.fromEntries([...m].map(([k, v]) => [k, { problems: v.problems, found: v.found, traps: v.traps, tripped: v.tripped }]));
    console.log(JSON.stringify({ seed, tune: strip(halves.tune), check: strip(halves.check) }, null, 1));
    return;
  }
  const pct = (a: number, b: number) => (b === 0 ? '    -  ' : `${((100 * a) / b).toFixed(1).padStart(6)}%`);
  console.log(`defect injection, seed ${seed}: ${cases.length} cases (${cases.filter((c) => c.kind === 'problem').length} problems, ${cases.filter((c) => c.kind === 'trap').length} traps); phrasings split in a tune and a check half`);
  for (const half of ['tune', 'check'] as const) {
    const byRule = halves[half];
    console.log(`\n== ${half} half of the phrasings ==`);
    console.log('rule                          planted found  recall | traps tripped | precision');
    let P = 0, F = 0, T = 0, X = 0;
    for (const [rule, s] of byRule) {
      P += s.problems; F += s.found; T += s.traps; X += s.tripped;
      console.log(`${rule.padEnd(30)} ${String(s.problems).padStart(5)} ${String(s.found).padStart(5)} ${pct(s.found, s.problems)} | ${String(s.traps).padStart(5)} ${String(s.tripped).padStart(7)} | ${pct(s.found, s.found + s.tripped)}`);
    }
    console.log(`${'all'.padEnd(30)} ${String(P).padStart(5)} ${String(F).padStart(5)} ${pct(F, P)} | ${String(T).padStart(5)} ${String(X).padStart(7)} | ${pct(F, F + X)}`);
  }
  // Only the tune half's misses are printed: the check half is for measuring.
  if (opts.verbose) {
    for (const [rule, s] of halves.tune) {
      for (const m of s.missed) console.log(`MISS ${rule} ${m.slice(0, 220)}`);
      for (const m of s.falses) console.log(`TRAP ${rule} ${m.slice(0, 220)}`);
    }
  }
}
