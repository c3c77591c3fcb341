import type { Determination } from './model/determination.js';
import { RULES_BY_ID } from './rules/index.js';
import type { Finding, Fix } from './types.js';

// A fix runs unattended (Fix All, on save, --fix) only if it keeps what the reviewer wrote and converges.
// For a rule whose remedy changes how the letter parses (a missing heading, guideline line or verdict), that
// depends on the whole letter, so the engine checks it by doing it: it applies the remedy and lints the
// result. A fix stays a fix only when its rule has one finding fewer, no rule has more, the items keep
// their number and verdicts, and no section is lost; and when all such fixes applied together do the same
// and leave nothing more to fix (one pass converges). A fix that fails is offered as a suggestion. A
// remedy that does not even remove its finding (a verdict the letter's layout reads as a citation, a line
// it does not read) is not offered at all. Each remedy checked costs one lint, so at most MAX_RELINTS are
// checked per lint, in texts up to MAX_CHARS: the fixes if they are no more, then the suggestions if all
// fit too (a suggestion's check runs only its own rule). Unchecked fixes are suggestions; unchecked
// suggestions are offered as they are.

const MAX_RELINTS = 8;
const MAX_CHARS = 100_000;

/** Lint `text` again; with `onlyRule`, run just that rule (all a suggestion's check needs: its own count). */
type Relint = (text: string, onlyRule?: string) => { findings: Finding[]; model: Determination };

export function perRule(fs: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of fs) m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1);
  return m;
}

/** What a remedy must keep: the number of items and their verdicts, and every section kind there was. */
function keepsStructure(before: Determination, after: Determination): boolean {
  const verdicts = (m: Determination) => JSON.stringify(m.items.map((i) => i.verdict?.value ?? null));
  if (verdicts(before) !== verdicts(after)) return false;
  const kinds = new Set(after.sections.map((s) => s.kind));
  return before.sections.every((s) => kinds.has(s.kind));
}

/** `removed` (by rule) went down by their number, and no rule went up. */
function onlyRemoved(before: Map<string, number>, after: readonly Finding[], removed: readonly Finding[]): boolean {
  const expected = new Map(before);
  for (const f of removed) expected.set(f.ruleId, (expected.get(f.ruleId) ?? 0) - 1);
  for (const [rule, n] of perRule(after)) if (n > (expected.get(rule) ?? 0)) return false;
  return true;
}

export function applyEditsOf(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

export function verifyRemedies(text: string, findings: Finding[], model: Determination, relint: Relint): Finding[] {
  const candidates = findings.filter((f) => RULES_BY_ID.get(f.ruleId)?.meta.verifyFixes && f.fixes.length > 0);
  if (candidates.length === 0) return findings;
  const before = perRule(findings);
  const remedies = candidates.flatMap((f) => f.fixes.map((fx) => ({ f, fx })));
  // Fixes first: they are what runs unattended; then suggestions, in the order the letter has them.
  // All fixes or none, then all suggestions or none: a letter with more (many items without a guideline
  // line) gets its fixes as suggestions, never a few as fixes and the same remedy elsewhere as a
  // suggestion; and checking 8 of 500 alike suggestions would cost 8 lints and tell the reviewer nothing.
  const fixes = remedies.filter((r) => r.fx.kind === 'fix');
  const suggestions = remedies.filter((r) => r.fx.kind !== 'fix');
  const checked = text.length > MAX_CHARS || fixes.length > MAX_RELINTS ? [] : fixes.length + suggestions.length <= MAX_RELINTS ? remedies : fixes;
  const dropped = new Set<Fix>();
  const kept = new Set<Finding>();
  const lastAfter = new Map<Finding, { findings: Finding[] }>();
  for (const { f, fx } of checked) {
    // A suggestion is only checked for removing its finding, so only its rule runs; a fix is checked whole.
    const after = relint(applyEditsOf(text, fx.edits), fx.kind === 'fix' ? undefined : f.ruleId);
    if ((perRule(after.findings).get(f.ruleId) ?? 0) >= (before.get(f.ruleId) ?? 0)) dropped.add(fx);
    else if (fx.kind === 'fix' && onlyRemoved(before, after.findings, [f]) && keepsStructure(model, after.model)) {
      kept.add(f);
      lastAfter.set(f, after);
    }
  }
  // Together, in one pass, as Fix All applies them; and nothing left for a second pass.
  // (One fix alone was just checked: the same text.)
  if (kept.size > 1) {
    const all = [...kept];
    const after = relint(applyEditsOf(text, all.flatMap((f) => f.fixes.find((x) => x.kind === 'fix')!.edits)));
    const converged = !after.findings.some((f) => RULES_BY_ID.get(f.ruleId)?.meta.verifyFixes && f.fixes.some((x) => x.kind === 'fix'));
    if (!(converged && onlyRemoved(before, after.findings, all) && keepsStructure(model, after.model))) kept.clear();
  } else if (kept.size === 1) {
    // Converged: the one fix applied leaves no structural fix behind.
    const [f] = kept;
    const after = lastAfter.get(f)!;
    if (after.findings.some((x) => RULES_BY_ID.get(x.ruleId)?.meta.verifyFixes && x.fixes.some((y) => y.kind === 'fix'))) kept.clear();
  }
  const isCandidate = new Set(candidates);
  return findings.map((f) => {
    if (!isCandidate.has(f)) return f;
    const fixes = f.fixes
      .filter((x) => !dropped.has(x))
      .map((x) => (x.kind === 'fix' && !kept.has(f) ? { ...x, kind: 'suggestion' as const, preferred: false } : x));
    return { ...f, fixes };
  });
}
