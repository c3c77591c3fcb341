// Shared helpers for the per-rule tests. Positions are computed here from the text itself (never copied
// from the engine), so a wrong range in the engine fails the test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, type Finding, type Fix, type LanguageId, type LintOptions, type Position, type Range, type TextEdit } from '../../server/src/index.ts';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'rules');

export function loadFixture(name: string): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}

/** The clean Markdown determination (seed layout): zero findings. */
export const CLEAN_MD = loadFixture('clean.md');
/** The clean plain-text determination (pdftotext layout of the real corpus): zero findings. */
export const CLEAN_TXT = loadFixture('clean.txt');

export function languageOf(text: string): LanguageId {
  return text.includes('<b>') || text.includes('### ') ? 'markdown' : 'plaintext';
}

/** Lints with the layout's language id (Markdown fixtures vs. plain-text fixtures), unless given. */
export function lintText(text: string, options: LintOptions = {}) {
  return lint(text, { languageId: languageOf(text), ...options });
}

export function findingsOf(text: string, ruleId: string, options: LintOptions = {}): Finding[] {
  return lintText(text, options).findings.filter((f) => f.ruleId === ruleId);
}

export function allIds(text: string, options: LintOptions = {}): string[] {
  return lintText(text, options).findings.map((f) => f.ruleId);
}

/** Offset -> LSP position: lines end at \r\n, \r or \n; columns are UTF-16 code units. */
export function positionAt(text: string, offset: number): Position {
  assert.ok(offset >= 0 && offset <= text.length, `offset ${offset} outside the text`);
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export function rangeAt(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}

/**
 * The span of `needle` in `text`: its only occurrence, or (with `after`) the first occurrence after the
 * first occurrence of `after`. Fails the test when it is absent or (without `after`) ambiguous.
 */
export function spanOf(text: string, needle: string, after?: string): { start: number; end: number } {
  let from = 0;
  if (after !== undefined) {
    const a = text.indexOf(after);
    assert.ok(a >= 0, `anchor ${JSON.stringify(after)} not in text`);
    from = a;
  }
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `${JSON.stringify(needle)} not in text`);
  if (after === undefined) assert.equal(text.indexOf(needle, i + 1), -1, `${JSON.stringify(needle)} is ambiguous in text`);
  return { start: i, end: i + needle.length };
}

/** Expected range of `needle` (see spanOf). */
export function rangeOf(text: string, needle: string, after?: string): Range {
  const s = spanOf(text, needle, after);
  return rangeAt(text, s.start, s.end);
}

/** Replaces the only occurrence of `search` (a small, explicit substitution on a fixture). */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const i = text.indexOf(search);
  assert.ok(i >= 0, `${JSON.stringify(search)} not in text`);
  assert.equal(text.indexOf(search, i + 1), -1, `${JSON.stringify(search)} occurs more than once`);
  return text.slice(0, i) + replacement + text.slice(i + search.length);
}

/** Same, for a substitution that must happen after the first occurrence of `after`. */
export function replaceAfter(text: string, after: string, search: string, replacement: string): string {
  const a = text.indexOf(after);
  assert.ok(a >= 0, `anchor ${JSON.stringify(after)} not in text`);
  const i = text.indexOf(search, a);
  assert.ok(i >= 0, `${JSON.stringify(search)} not after ${JSON.stringify(after)}`);
  return text.slice(0, i) + replacement + text.slice(i + search.length);
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Applies edits (non-overlapping) independently of the engine's applyFixes. */
export function applyEdits(text: string, edits: Pick<TextEdit, 'span' | 'newText'>[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].span.end <= sorted[i - 1].span.start, 'overlapping edits');
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/**
 * The fix a rule offers first: its preferred fix when it has one (kind 'fix'), else its first suggestion.
 * A suggestion is never marked preferred (the fix policy); asserted here for every finding a test fixes.
 */
export function firstFix(f: Finding) {
  assert.ok(f.fixes.length > 0, `expected a fix or suggestion for ${f.ruleId}`);
  for (const x of f.fixes) if (x.kind === 'suggestion') assert.ok(!x.preferred, `suggestion "${x.title}" is marked preferred`);
  const preferred = f.fixes.filter((x) => x.preferred);
  assert.ok(preferred.length <= 1, `at most one preferred fix for ${f.ruleId}`);
  return preferred[0] ?? f.fixes[0];
}

/** Every edit's range must be the range of its span in `text`. */
export function assertEditRanges(text: string, f: Finding): void {
  for (const fx of f.fixes) for (const e of fx.edits) assert.deepEqual(e.range, rangeAt(text, e.span.start, e.span.end), `edit range of "${fx.title}"`);
}

/**
 * Applies the first fix of `finding` (or the given one) and checks the result: the finding is gone (one fewer of its rule)
 * and no finding of any rule is new (multiset of rule id + message, which name no offsets). Returns the
 * fixed text.
 */
export function assertFixResolves(text: string, finding: Finding, options: LintOptions = {}, fix: Fix = firstFix(finding)): string {
  const fixed = applyEdits(text, fix.edits);
  const key = (f: Finding) => `${f.ruleId} | ${f.severity} | ${f.message}`;
  const before = lintText(text, options).findings.map(key);
  const idx = before.indexOf(key(finding));
  assert.ok(idx >= 0, 'the finding is among the text\'s findings');
  before.splice(idx, 1);
  const after = lintText(fixed, options).findings.map(key);
  assert.deepEqual(after.sort(), before.sort(), 'after the fix: the finding is gone and nothing new appears');
  return fixed;
}

/** The standard checks of one finding: range computed from the text, severity, no other of its rule. */
export function assertOne(text: string, ruleId: string, expected: { range: Range; severity: string; options?: LintOptions }): Finding {
  const fs = findingsOf(text, ruleId, expected.options);
  assert.equal(fs.length, 1, `expected one ${ruleId} finding, got ${fs.length}: ${fs.map((f) => f.message).join(' / ')}`);
  const f = fs[0];
  assert.deepEqual(f.range, expected.range, 'range');
  assert.deepEqual(rangeAt(text, f.span.start, f.span.end), expected.range, 'span and range agree');
  assert.equal(f.severity, expected.severity, 'severity');
  return f;
}
