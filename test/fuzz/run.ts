// One fuzz run: `calls` mutants from `seed`, each linted and checked; the fix properties on every
// `fixEvery`-th (they cost several lints). Failures come back minimized, ready for a regression test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, realLetters, seedText, sharedMissing } from '../helpers/shared.ts';
import { mutate, rng } from './generate.ts';
import { checkFixes, checkLint, minimize, overBudget } from './properties.ts';

export interface FuzzReport {
  seed: number;
  calls: number;
  fixesChecked: number;
  internalErrors: number;
  throws: number;
  overBudget: number;
  /** Distinct violations (numbers folded), each with a minimized input. */
  failures: { violation: string; languageId: string; input: string }[];
  ms: number;
}

export function bases(): string[] {
  const fixtures = ['clean.md', 'clean.txt'].map((f) => readFileSync(join(ROOT, 'test', 'fixtures', 'rules', f), 'utf8'));
  return sharedMissing ? fixtures : [...fixtures, seedText(), ...realLetters().map((l) => l.text)];
}

/**
 * `budgetFactor`: the time budget times this. `npm run fuzz` keeps the budget itself (1); `npm test` runs its
 * files in parallel on shared cores, so its bounded run allows 3x and leaves the exact figure to the long run.
 */
export function fuzz(seed: number, calls: number, fixEvery = 4, texts = bases(), budgetFactor = 1): FuzzReport {
  const r = rng(seed);
  const report: FuzzReport = { seed, calls, fixesChecked: 0, internalErrors: 0, throws: 0, overBudget: 0, failures: [], ms: 0 };
  const seen = new Set<string>();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) {
    const m = mutate(r, texts);
    const c = checkLint(m.text, m.languageId);
    const violations = [...c.violations];
    if (violations.some((v) => v.startsWith('lint threw'))) report.throws++;
    report.internalErrors += violations.filter((v) => v.includes('Internal error')).length;
    const slow = overBudget(m.text, m.languageId, c.ms, budgetFactor);
    if (slow !== undefined) {
      report.overBudget++;
      violations.push(`over the time budget: ${Math.round(slow)} ms for ${m.text.length} characters`);
    }
    if (c.result && i % fixEvery === 0 && m.text.length <= 100_000) {
      const f = checkFixes(m.text, m.languageId, c.result);
      report.fixesChecked += f.fixes;
      violations.push(...f.violations);
    }
    for (const v of violations) {
      const kind = v.replace(/\d+/g, 'N');
      if (seen.has(kind)) continue;
      seen.add(kind);
      const fails = (t: string) => {
        const again = checkLint(t, m.languageId);
        if (again.violations.some((x) => x.replace(/\d+/g, 'N') === kind)) return true;
        return !!again.result && checkFixes(t, m.languageId, again.result).violations.some((x) => x.replace(/\d+/g, 'N') === kind);
      };
      const input = kind.startsWith('over the time budget') ? m.text.slice(0, 2000) : minimize(m.text, fails, 400);
      report.failures.push({ violation: v, languageId: m.languageId, input });
    }
  }
  report.ms = performance.now() - t0;
  return report;
}
