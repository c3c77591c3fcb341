import type { Determination } from './model/determination.js';
import { RULES_BY_ID } from './rules/index.js';
import type { Finding, Fix } from './types.js';

// A fix runs unattended (Fix All, on save, --fix) only if it keeps what the reviewer wrote and converges.
// For a rule whose remedy changes how the letter parses (a missing heading, guideline line or verdict, a
// redaction inside a header line), that depends on the whole letter, so the engine checks it by doing it:
// it applies the remedy and lints the result. A fix stays a fix only when its rule has one finding fewer,
// no rule has more, the items keep their number and verdicts, and no section is lost; and when all such
// fixes applied together do the same and leave nothing more to fix (one pass converges). A fix that fails
// is offered as a suggestion. A remedy that does not even remove its finding (a verdict the letter's
// layout reads as a citation, a line it does not read) is not offered at all, nor is one that could not be
// checked. Cost: at most MAX_RELINTS whole lints for the fixes (all of them or none) plus their combined
// check, and at most MAX_RELINTS one-rule lints for the suggestions, checked in groups; in texts up to
// MAX_CHARS (beyond, fixes are suggestions and nothing is checked).

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
  if (text.length > MAX_CHARS) return demoteAll(findings, new Set(candidates));
  const before = perRule(findings);
  const dropped = new Set<Fix>();
  /** Remedies known to remove their finding. */
  const removes = new Set<Fix>();
  const kept = new Set<Finding>();
  const lastAfter = new Map<Finding, { findings: Finding[] }>();
  // Fixes, each by a whole lint: they are what runs unattended. All of them or none: a letter with more
  // than MAX_RELINTS gets them all as suggestions (checked below as such), never a few as fixes and the
  // same remedy elsewhere as a suggestion.
  const fixes = candidates.flatMap((f) => f.fixes.filter((x) => x.kind === 'fix').map((fx) => ({ f, fx })));
  // Fixes that insert at one place (three missing headings at the end of an empty text) cannot all hold
  // in one pass, whatever their relints say: suggestions, without the cost of checking them as fixes.
  if (fixes.length <= MAX_RELINTS && disjoint(fixes.flatMap((x) => x.fx.edits))) {
    for (const { f, fx } of fixes) {
      const after = relint(applyEditsOf(text, fx.edits));
      if ((perRule(after.findings).get(f.ruleId) ?? 0) >= (before.get(f.ruleId) ?? 0)) dropped.add(fx);
      else {
        removes.add(fx);
        if (onlyRemoved(before, after.findings, [f]) && keepsStructure(model, after.model)) {
          kept.add(f);
          lastAfter.set(f, after);
        }
      }
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
  checkSuggestions(text, candidates, before, relint, { dropped, removes });
  return findings.map((f) => {
    if (!candidates.includes(f)) return f;
    const fixes = f.fixes
      .filter((x) => !dropped.has(x))
      .map((x) => (x.kind === 'fix' && !kept.has(f) ? { ...x, kind: 'suggestion' as const, preferred: false } : x));
    return { ...f, fixes };
  });
}

/** Beyond MAX_CHARS nothing is checked: fixes are offered as suggestions, suggestions as they are. */
function demoteAll(findings: Finding[], candidates: Set<Finding>): Finding[] {
  return findings.map((f) => (candidates.has(f) ? { ...f, fixes: f.fixes.map((x) => (x.kind === 'fix' ? { ...x, kind: 'suggestion' as const, preferred: false } : x)) } : f));
}

/**
 * Every remedy offered as a suggestion (and every fix not yet known to remove its finding) must remove it.
 * They are checked in groups, by running only their rule: the k-th remedy of every finding of one rule,
 * applied together (they sit at different places), must lower the rule's count by their number. A group
 * that does not is checked remedy by remedy while relints remain; a remedy left unchecked is not offered.
 * A letter of 500 items without a guideline line costs one relint, not 500.
 */
function checkSuggestions(text: string, candidates: Finding[], before: Map<string, number>, relint: Relint, known: { dropped: Set<Fix>; removes: Set<Fix> }): void {
  const groups = new Map<string, { f: Finding; fx: Fix }[]>();
  for (const f of candidates) {
    f.fixes
      .filter((x) => !known.dropped.has(x) && !known.removes.has(x))
      .forEach((fx, k) => {
        const key = `${f.ruleId}\u0000${k}`;
        const g = groups.get(key);
        if (g) g.push({ f, fx });
        else groups.set(key, [{ f, fx }]);
      });
  }
  let budget = MAX_RELINTS;
  const removesAlone = (f: Finding, fx: Fix) => (perRule(relint(applyEditsOf(text, fx.edits), f.ruleId).findings).get(f.ruleId) ?? 0) < (before.get(f.ruleId) ?? 0);
  for (const group of [...groups.values()].flatMap(disjointParts)) {
    const rule = group[0].f.ruleId;
    const edits = group.flatMap((g) => g.fx.edits);
    if (group.length > 1 && budget > 0) {
      budget--;
      const after = perRule(relint(applyEditsOf(text, edits), rule).findings).get(rule) ?? 0;
      if (after <= (before.get(rule) ?? 0) - group.length) continue;
    }
    for (const { f, fx } of group) {
      if (budget > 0) {
        budget--;
        if (removesAlone(f, fx)) continue;
      }
      known.dropped.add(fx);
    }
  }
}

/**
 * A group split into parts whose edits are disjoint, so that each part can be applied at once (three
 * missing headings of one letter insert at one place: one part for each heading, each across the letters).
 */
function disjointParts<T extends { fx: Fix }>(group: T[]): T[][] {
  const parts: { items: T[]; spans: { start: number; end: number }[] }[] = [];
  for (const g of group) {
    const spans = g.fx.edits.map((e) => e.span);
    const clash = (p: { spans: { start: number; end: number }[] }) => p.spans.some((a) => spans.some((b) => a.start === b.start || (a.start < b.end && b.start < a.end)));
    const part = parts.find((p) => !clash(p));
    if (part) {
      part.items.push(g);
      part.spans.push(...spans);
    } else parts.push({ items: [g], spans: [...spans] });
  }
  return parts.map((p) => p.items);
}

function disjoint(edits: readonly { span: { start: number; end: number } }[]): boolean {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].span.start < sorted[i - 1].span.end || sorted[i].span.start === sorted[i - 1].span.start) return false;
  return true;
}
