// Scores the engine against the hand-made labels, by half. A label is found when a finding of its rule
// starts within two lines of it at warning or error (or at any severity when the label itself is
// information: an Upheld request over the limit). A false positive is a warning or error no label
// accounts for; information findings are never counted against a rule. A trap is tripped by a warning or
// error of its rule within two lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, RULES } from '../../server/src/index.ts';
import type { Finding } from '../../server/src/types.ts';
import { loadLabels, type Label, type LetterLabels } from './labels.ts';

export const FAMILIES: Record<string, string[]> = {
  dates: ['injury-date-mismatch', 'ur-date-mismatch', 'date-order', 'invalid-date', 'future-date', 'event-before-injury', 'late-application', 'late-decision'],
  citations: ['missing-guideline-citation', 'missing-claims-administrator-guideline', 'citation-mismatch', 'unknown-guideline', 'citation-topic-mismatch'],
  limits: ['visits-over-limit', 'limit-misquoted', 'request-count-mismatch', 'partial-certification-mismatch', 'medication-quantity-mismatch'],
  verdicts: ['verdict-conflict', 'missing-verdict', 'missing-rationale', 'missing-conclusion', 'duplicate-item'],
  narrative: ['pronoun-mismatch', 'age-mismatch'],
  structure: ['missing-section', 'section-order', 'missing-header-field', 'invalid-case-number', 'invalid-priority', 'unfilled-placeholder'],
  privacy: ['unredacted-phi'],
};

export type Half = 'tune' | 'check';

/**
 * The half a letter belongs to, by its case number: FNV-1a of "CM16-0219557", odd = check. Stable when
 * letters are added, and independent of what the letter contains.
 */
export function halfOf(caseNumber: string): Half {
  let h = 0x811c9dc5;
  for (let i = 0; i < caseNumber.length; i++) h = Math.imul(h ^ caseNumber.charCodeAt(i), 0x01000193) >>> 0;
  return h & 1 ? 'check' : 'tune';
}

export interface Letter { name: string; text: string; languageId: 'plaintext' | 'markdown'; caseNumber: string; copyOf?: string }

/** The real letters: the corpus, and the numbered copies (their three source lines blanked, so lines stay the file's). */
export function realLetters(shared: string): Letter[] {
  const real = join(shared, 'real-imr');
  if (!existsSync(real)) throw new Error(`${real} not found: set IMR_SHARED_DIR to the folder that holds real-imr/`);
  const out: Letter[] = [];
  for (const n of readdirSync(join(real, 'corpus')).sort()) {
    out.push({ name: `corpus/${n}`, text: readFileSync(join(real, 'corpus', n), 'utf8'), languageId: 'plaintext', caseNumber: n.replace(/\.txt$/, '') });
  }
  for (const n of readdirSync(real).filter((f) => /^\d\d\.txt$/.test(f)).sort()) {
    const lines = readFileSync(join(real, n), 'utf8').split('\n');
    const text = ['', '', '', ...lines.slice(3)].join('\n');
    const cn = /\bCM\d\d-\d{7}\b/.exec(text)?.[0] ?? n;
    out.push({ name: n, text, languageId: 'plaintext', caseNumber: cn, copyOf: `corpus/${cn}.txt` });
  }
  return out;
}

export interface RuleScore {
  tp: number; fp: number; fn: number;
  traps: number; trapsTripped: number;
  /** Findings by severity on the letters of this half (labelled or not). */
  bySeverity: Record<string, number>;
  fpList: string[]; fnList: string[]; trapList: string[];
}

export const emptyScore = (): RuleScore => ({ tp: 0, fp: 0, fn: 0, traps: 0, trapsTripped: 0, bySeverity: {}, fpList: [], fnList: [], trapList: [] });

const SCORED = new Set(RULES.map((r) => r.meta.id));
const reported = (f: Finding) => f.severity === 'warning' || f.severity === 'error';
const near = (f: Finding, l: { rule: string; line: number }) => f.ruleId === l.rule && Math.abs(f.range.start.line + 1 - l.line) <= 2;

/** Among near findings, the one whose surroundings hold the label's words. */
function bestMatch(candidates: Finding[], label: Label, text: string): Finding | undefined {
  const want = label.text.replace(/\s+/g, ' ').trim();
  const has = (f: Finding) => text.slice(Math.max(0, f.span.start - 80), f.span.end + 80).replace(/\s+/g, ' ').includes(want);
  return candidates.find(has) ?? candidates[0];
}

/** Scores one letter's findings against its labels into `get(rule)`. */
export function scoreLetter(name: string, text: string, findings: Finding[], labels: LetterLabels | undefined, get: (rule: string) => RuleScore): void {
  for (const f of findings) get(f.ruleId).bySeverity[f.severity] = (get(f.ruleId).bySeverity[f.severity] ?? 0) + 1;
  if (!labels) return;
  const used = new Set<Finding>();
  for (const label of labels.problems) {
    const ok = (f: Finding) => !used.has(f) && near(f, label) && (label.severity === 'info' || reported(f));
    const hit = bestMatch(findings.filter(ok), label, text);
    if (hit) {
      used.add(hit);
      get(label.rule).tp++;
    } else {
      get(label.rule).fn++;
      const weak = findings.find((f) => near(f, label));
      get(label.rule).fnList.push(`${name}:${label.line} "${label.text}"${weak ? ` (found only as ${weak.severity})` : ''}`);
    }
  }
  for (const t of labels.traps) {
    get(t.rule).traps++;
    const f = findings.find((x) => reported(x) && !used.has(x) && near(x, t));
    if (f) {
      get(t.rule).trapsTripped++;
      get(t.rule).trapList.push(`${name}:${t.line} "${t.text}": ${t.why ?? t.note ?? ''}`.slice(0, 200));
    }
  }
  for (const f of findings) {
    if (used.has(f) || !reported(f) || !SCORED.has(f.ruleId)) continue;
    if (labels.rules && !labels.rules.has(f.ruleId)) continue;
    if (labels.doubtful.some((d) => near(f, d))) continue;
    get(f.ruleId).fp++;
    get(f.ruleId).fpList.push(`${name}:${f.range.start.line + 1} ${f.severity} "${text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ').slice(0, 50)}"`);
  }
}

export interface HalfScore { letters: number; labelled: number; newlyLabelled: number; rules: Map<string, RuleScore> }

/**
 * Lints every distinct real letter (the numbered copies are left out: they are the corpus letters again)
 * and scores each half. `fresh`: only letters first labelled in test/accuracy/labels/ (never tuned on by
 * the sessions before the split), for a second check figure.
 */
export function scoreHalves(root: string, shared: string, opts: { fresh?: boolean } = {}): Record<Half, HalfScore> {
  const labels = loadLabels(join(root, 'test', 'accuracy'));
  const first = JSON.parse(readFileSync(join(root, 'test', 'accuracy', 'labels.json'), 'utf8')).letters as Record<string, unknown>;
  const out: Record<Half, HalfScore> = {
    tune: { letters: 0, labelled: 0, newlyLabelled: 0, rules: new Map() },
    check: { letters: 0, labelled: 0, newlyLabelled: 0, rules: new Map() },
  };
  for (const letter of realLetters(shared)) {
    if (letter.copyOf) continue;
    const half = out[halfOf(letter.caseNumber)];
    const entry = labels.get(letter.name);
    const fresh = !!entry && !(letter.name in first);
    if (opts.fresh && !fresh) continue;
    half.letters++;
    if (entry) half.labelled++;
    if (fresh) half.newlyLabelled++;
    const get = (id: string) => {
      let s = half.rules.get(id);
      if (!s) half.rules.set(id, (s = emptyScore()));
      return s;
    };
    scoreLetter(letter.name, letter.text, lint(letter.text, { languageId: letter.languageId }).findings, entry, get);
  }
  return out;
}

export function sum(rules: Map<string, RuleScore>, ids: string[]): RuleScore {
  const t = emptyScore();
  for (const id of ids) {
    const s = rules.get(id);
    if (!s) continue;
    t.tp += s.tp; t.fp += s.fp; t.fn += s.fn; t.traps += s.traps; t.trapsTripped += s.trapsTripped;
  }
  return t;
}

export const precision = (s: { tp: number; fp: number }) => (s.tp + s.fp === 0 ? undefined : s.tp / (s.tp + s.fp));
export const recall = (s: { tp: number; fn: number }) => (s.tp + s.fn === 0 ? undefined : s.tp / (s.tp + s.fn));
