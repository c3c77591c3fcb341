// The properties every lint keeps, whatever the input (issue 10): checked by the fuzz test and
// `npm run fuzz`. Each returns the violations it saw, as short sentences; none is the goal.
import { applyFixes, lint, type Finding, type LanguageId, type LintResult } from '../../server/src/index.ts';
import { clearMarkdownCache } from '../../server/src/parse/markdownPlain.ts';
import { applyEditsOf as apply, perRule } from '../../server/src/fixVerification.ts';

/** The time budget: 100 ms per 10 KB, with a floor for the smallest texts (timer and GC noise). */
export function budgetMs(chars: number): number {
  return Math.max(100, (chars / 10240) * 100);
}

/**
 * Whether a lint of `text` keeps the budget: timed again (up to 3 runs, the block cache cleared each time
 * so that nothing is free) when the first run is over it, since one slow run can be the JIT or the GC.
 */
export function overBudget(text: string, languageId: LanguageId, firstMs: number, factor = 1): number | undefined {
  const budget = budgetMs(text.length) * factor;
  if (firstMs <= budget) return undefined;
  let best = firstMs;
  for (let i = 0; i < 2 && best > budget; i++) {
    clearMarkdownCache();
    const t0 = performance.now();
    lint(text, { languageId });
    best = Math.min(best, performance.now() - t0);
  }
  return best > budget ? best : undefined;
}

export interface Check {
  violations: string[];
  ms: number;
  result?: LintResult;
}

const validSpan = (s: { start: number; end: number }, len: number) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= len;

/** No throw, no internal error, every span inside the text, the edits of a fix disjoint. */
export function checkLint(text: string, languageId: LanguageId): Check {
  const violations: string[] = [];
  let result: LintResult | undefined;
  const t0 = performance.now();
  try {
    result = lint(text, { languageId });
  } catch (e) {
    return { violations: [`lint threw: ${(e as Error).message}`], ms: performance.now() - t0 };
  }
  const ms = performance.now() - t0;
  for (const f of result.findings) {
    if (f.message.startsWith('Internal error in rule')) violations.push(`${f.ruleId}: ${f.message}`);
    if (!validSpan(f.span, text.length)) violations.push(`${f.ruleId}: span ${JSON.stringify(f.span)} outside the text (${text.length})`);
    for (const r of f.related) if (!validSpan(r.span, text.length)) violations.push(`${f.ruleId}: related span outside the text`);
    for (const fx of f.fixes) {
      const edits = [...fx.edits].sort((a, b) => a.span.start - b.span.start);
      for (const e of edits) if (!validSpan(e.span, text.length)) violations.push(`${f.ruleId}: edit span outside the text`);
      for (let i = 1; i < edits.length; i++) if (edits[i].span.start < edits[i - 1].span.end) violations.push(`${f.ruleId}: "${fx.title}" has overlapping edits`);
    }
  }
  return { violations, ms, result };
}

/** What a fix must keep: the items' number and verdicts, and every section kind (a heading fix adds one). */
function structure(r: LintResult): { verdicts: string; sections: Set<string> } {
  return { verdicts: JSON.stringify(r.model.items.map((i) => i.verdict?.value ?? null)), sections: new Set(r.model.sections.map((s) => s.kind)) };
}

/**
 * The fixes that run unattended (kind 'fix'): each alone lowers its rule's count, raises no rule's count,
 * keeps the items' verdicts and every section; fix all converges in one pass. The first suggestion of each
 * finding lowers its rule's count. No remedy deletes a line break. (Counts per rule, as a reviewer counts
 * problems: a fix that edits a quoted title changes messages, not problems.)
 */
export function checkFixes(text: string, languageId: LanguageId, before: LintResult): { violations: string[]; fixes: number } {
  const violations: string[] = [];
  let fixes = 0;
  const had = perRule(before.findings);
  const shape = structure(before);
  for (const f of before.findings) {
    for (const fx of f.fixes) {
      if (fx.kind !== 'fix' && fx !== f.fixes[0]) continue;
      fixes++;
      const fixed = apply(text, fx.edits);
      const after = lint(fixed, { languageId });
      const now = perRule(after.findings);
      if ((now.get(f.ruleId) ?? 0) >= (had.get(f.ruleId) ?? 0)) violations.push(`${f.ruleId}: "${fx.title}" does not remove its finding`);
      const breaks = (t: string) => (t.match(/\r\n|\r|\n/g) ?? []).length;
      for (const e of fx.edits) if (breaks(text.slice(e.span.start, e.span.end)) > breaks(e.newText)) violations.push(`${f.ruleId}: "${fx.title}" deletes a line break`);
      if (fx.kind !== 'fix') continue;
      for (const [rule, n] of now) if (n > (had.get(rule) ?? 0)) violations.push(`${f.ruleId}: "${fx.title}" leaves a new finding: ${rule}`);
      const s = structure(after);
      if (s.verdicts !== shape.verdicts) violations.push(`${f.ruleId}: "${fx.title}" changes the items`);
      if ([...shape.sections].some((k) => !s.sections.has(k))) violations.push(`${f.ruleId}: "${fx.title}" loses a section`);
    }
  }
  const once = applyFixes(text, before.findings);
  if (once.applied > 0) {
    const again = lint(once.text, { languageId });
    const twice = applyFixes(once.text, again.findings);
    if (twice.applied > 0) violations.push(`fix all does not converge: a second pass applies ${twice.applied} more (${again.findings.filter((f) => f.fixes.some((x) => x.preferred)).map((f) => f.ruleId).join(', ')})`);
  }
  return { violations, fixes };
}

/** Shrinks `text` while `fails` holds: drops halves, then quarters, ... then single characters. */
export function minimize(text: string, fails: (t: string) => boolean, budget = 2000): string {
  let cur = text;
  let chunk = Math.max(1, Math.floor(cur.length / 2));
  let tries = 0;
  while (chunk >= 1 && tries < budget) {
    let progressed = false;
    for (let i = 0; i < cur.length && tries < budget; ) {
      const next = cur.slice(0, i) + cur.slice(i + chunk);
      tries++;
      if (next !== cur && fails(next)) {
        cur = next;
        progressed = true;
      } else i += chunk;
    }
    if (!progressed) chunk = Math.floor(chunk / 2);
  }
  return cur;
}
