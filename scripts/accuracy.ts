// `npm run accuracy`: the engine over every real letter in ../shared/real-imr/ and the fixture letters, then
// against the hand-made labels of test/accuracy/labels.json (the problems each letter really has, written by
// reading the letters, never by running the linter): per rule, findings by severity, true positives, false
// positives, misses, precision and recall; per rule family, the same summed.
//
// A finding matches a label of the same rule when it starts within two lines of the label's line (requests
// wrap; the label may quote the title where the finding marks the quantity); the label's words choose
// among several such findings. Only the rules the labels speak
// for are scored; other rules' findings are counted and listed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, RULES } from '../server/src/index.ts';
import type { Finding } from '../server/src/types.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.IMR_SHARED_DIR ?? join(ROOT, '..', 'shared');
const REAL = join(SHARED, 'real-imr');
const LABELS = join(ROOT, 'test', 'accuracy', 'labels.json');

interface Label { rule: string; text: string; line: number; severity?: string; note?: string }
interface Labels {
  letters: Record<string, { read?: boolean; problems: Label[]; copy_of?: string }>;
  /** Cases the labeller judged neither way: a finding on one is neither right nor wrong. */
  doubtful?: (Label & { letter: string })[];
}

export const FAMILIES: Record<string, string[]> = {
  dates: ['injury-date-mismatch', 'ur-date-mismatch', 'date-order', 'invalid-date', 'future-date', 'event-before-injury', 'late-application', 'late-decision'],
  citations: ['missing-guideline-citation', 'missing-claims-administrator-guideline', 'citation-mismatch', 'unknown-guideline', 'citation-topic-mismatch'],
  limits: ['visits-over-limit', 'limit-misquoted', 'request-count-mismatch', 'partial-certification-mismatch', 'medication-quantity-mismatch'],
  verdicts: ['verdict-conflict', 'missing-verdict', 'missing-rationale', 'missing-conclusion', 'duplicate-item'],
  narrative: ['pronoun-mismatch', 'age-mismatch'],
  structure: ['missing-section', 'section-order', 'missing-header-field', 'invalid-case-number', 'invalid-priority', 'unfilled-placeholder'],
  privacy: ['unredacted-phi'],
};

/** The real letters, each with its text as linted: the three source lines of 01.txt ... blanked, so line numbers stay the file's. */
function letters(): { name: string; text: string; languageId: 'plaintext' | 'markdown' }[] {
  const out: { name: string; text: string; languageId: 'plaintext' | 'markdown' }[] = [];
  for (const n of readdirSync(REAL).filter((f) => /^\d\d\.txt$/.test(f)).sort()) {
    const lines = readFileSync(join(REAL, n), 'utf8').split('\n');
    out.push({ name: n, text: ['', '', '', ...lines.slice(3)].join('\n'), languageId: 'plaintext' });
  }
  for (const n of readdirSync(join(REAL, 'corpus')).sort()) out.push({ name: `corpus/${n}`, text: readFileSync(join(REAL, 'corpus', n), 'utf8'), languageId: 'plaintext' });
  return out;
}

function fixtureLetters() {
  const dir = join(ROOT, 'test', 'fixtures', 'layouts');
  const ex = join(ROOT, 'examples');
  return [
    ...readdirSync(dir).map((n) => ({ name: `fixtures/layouts/${n}`, text: readFileSync(join(dir, n), 'utf8'), languageId: (n.endsWith('.md') ? 'markdown' : 'plaintext') as 'markdown' | 'plaintext' })),
    ...readdirSync(ex).filter((n) => /\.(md|txt)$/.test(n) && n !== 'README.md').map((n) => ({ name: `examples/${n}`, text: readFileSync(join(ex, n), 'utf8'), languageId: (n.endsWith('.md') ? 'markdown' : 'plaintext') as 'markdown' | 'plaintext' })),
  ];
}

/** Same rule, within two lines of the label (a request wraps; a title and its quantity differ in words). */
function near(f: Finding, label: Label): boolean {
  return f.ruleId === label.rule && Math.abs(f.range.start.line + 1 - label.line) <= 2;
}

/** Among near findings, the one whose surroundings hold the label's words is the best match. */
function bestMatch(candidates: Finding[], label: Label, text: string): Finding | undefined {
  const want = label.text.replace(/\s+/g, ' ').trim();
  const has = (f: Finding) => text.slice(Math.max(0, f.span.start - 80), f.span.end + 80).replace(/\s+/g, ' ').includes(want);
  return candidates.find(has) ?? candidates[0];
}

export interface RuleScore { tp: number; fp: number; fn: number; bySeverity: Record<string, number>; fpList: string[]; fnList: string[] }

export function score(): { rules: Map<string, RuleScore>; labelled: number; letters: number; unscored: Map<string, number> } {
  if (!existsSync(REAL)) throw new Error(`${REAL} not found: set IMR_SHARED_DIR`);
  const labels: Labels = existsSync(LABELS) ? JSON.parse(readFileSync(LABELS, 'utf8')) : { letters: {} };
  const labelRules = new Set(Object.values(FAMILIES).flat().filter((r) => !FAMILIES.structure.includes(r)));
  const rules = new Map<string, RuleScore>();
  const get = (id: string) => {
    let s = rules.get(id);
    if (!s) rules.set(id, (s = { tp: 0, fp: 0, fn: 0, bySeverity: {}, fpList: [], fnList: [] }));
    return s;
  };
  const unscored = new Map<string, number>();
  const all = [...letters(), ...fixtureLetters()];
  let labelled = 0;
  for (const { name, text, languageId } of all) {
    const findings = lint(text, { languageId }).findings;
    for (const f of findings) get(f.ruleId).bySeverity[f.severity] = (get(f.ruleId).bySeverity[f.severity] ?? 0) + 1;
    const entry = labels.letters[name];
    if (!entry) continue;
    labelled++;
    const used = new Set<Finding>();
    for (const label of entry.problems) {
      const hit = bestMatch(findings.filter((f) => !used.has(f) && near(f, label)), label, text);
      if (hit) {
        used.add(hit);
        get(label.rule).tp++;
      } else {
        get(label.rule).fn++;
        get(label.rule).fnList.push(`${name}:${label.line} "${label.text}"`);
      }
    }
    // A corpus copy of a numbered letter (copy_of) has the same doubtful cases, four lines higher.
    const doubtful = (labels.doubtful ?? []).flatMap((d) =>
      d.letter === name ? [d] : d.letter === entry.copy_of ? [{ ...d, line: d.line - 4 }] : [],
    );
    for (const f of findings) {
      if (used.has(f) || doubtful.some((d) => near(f, d))) continue;
      if (!labelRules.has(f.ruleId)) {
        unscored.set(f.ruleId, (unscored.get(f.ruleId) ?? 0) + 1);
        continue;
      }
      get(f.ruleId).fp++;
      get(f.ruleId).fpList.push(`${name}:${f.range.start.line + 1} ${f.severity} "${text.slice(f.span.start, f.span.end).slice(0, 50)}"`);
    }
  }
  return { rules, labelled, letters: all.length, unscored };
}

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('accuracy.ts')) {
  const { rules, labelled, letters: n, unscored } = score();
  console.log(`imr-lint accuracy: ${n} letters linted (real letters and fixtures), ${labelled} with hand-made labels (test/accuracy/labels.json)\n`);
  console.log('rule                                     error  warn  info |  TP  FP  FN | precision  recall');
  const ids = RULES.map((r) => r.meta.id);
  for (const id of ids) {
    const s = rules.get(id) ?? { tp: 0, fp: 0, fn: 0, bySeverity: {}, fpList: [], fnList: [] };
    const sev = (k: string) => String(s.bySeverity[k] ?? 0).padStart(5);
    console.log(`${id.padEnd(40)} ${sev('error')} ${sev('warning')} ${sev('info')} | ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)} |    ${pct(s.tp, s.tp + s.fp)}  ${pct(s.tp, s.tp + s.fn)}`);
  }
  console.log('\nfamily        TP  FP  FN | precision  recall');
  for (const [fam, members] of Object.entries(FAMILIES)) {
    if (fam === 'structure') continue;
    const t = members.reduce((a, id) => {
      const s = rules.get(id);
      return s ? { tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn } : a;
    }, { tp: 0, fp: 0, fn: 0 });
    console.log(`${fam.padEnd(12)} ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)} |    ${pct(t.tp, t.tp + t.fp)}  ${pct(t.tp, t.tp + t.fn)}`);
  }
  const problems = [...rules].flatMap(([id, s]) => [...s.fpList.map((x) => `FP ${id} ${x}`), ...s.fnList.map((x) => `FN ${id} ${x}`)]);
  if (problems.length) console.log(`\nfalse positives and misses on labelled letters:\n  ${problems.join('\n  ')}`);
  if (unscored.size) console.log(`\nfindings of rules the labels do not score (structure rules), on labelled letters: ${[...unscored].map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
