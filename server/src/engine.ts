import { defaultGuidelineTable, type GuidelineTable } from './guidelines/table.js';
import type { Determination } from './model/determination.js';
import type { LayoutId } from './parse/layouts.js';
import { parseDetermination } from './parse/parseDetermination.js';
import { RULES } from './rules/index.js';
import type { RuleFinding } from './rules/rule.js';
import { LineIndex } from './text/lineIndex.js';
import type { Finding, LanguageId, SeveritySetting, Span } from './types.js';
import { applyDirectives } from './directives.js';
import { letterStarts } from './parse/letters.js';
import { keepLineBreaks } from './text/keepLineBreaks.js';
import { verifyRemedies } from './fixVerification.js';
import { applySuppressions, type Suppression } from './suppressions.js';

export interface LintOptions {
  /** How to read the text; plain text skips Markdown parsing. Default: markdown. */
  languageId?: LanguageId;
  /** Guideline table; default: the embedded one. */
  guidelines?: GuidelineTable;
  /** Per-rule severity or 'off'. Unknown ids are ignored here (front ends report them). */
  rules?: Partial<Record<string, SeveritySetting>>;
  /** Force a letter layout instead of recognizing it (setting imr.layout; or an `imr-layout:` line). */
  layout?: LayoutId;
  /** Entries of the suppressions file that holds for this letter (see suppressions.ts). */
  suppressions?: readonly Suppression[];
  /** The letter's path relative to the suppressions file's folder, for entries that name a file. */
  file?: string;
  /** Internal: false in the re-lint that checks a remedy (fixVerification.ts), so it does not recurse. */
  verifyFixes?: boolean;
}

export interface LintResult {
  findings: Finding[];
  model: Determination;
  lines: LineIndex;
  /** How many findings the suppressions file hid. */
  suppressed: number;
}

/**
 * Text in, findings out: parse, run every enabled rule, honour inline directives, sort by position.
 * Pure and synchronous. A rule that throws is a bug; it is reported as a finding, never a crash.
 * A file holding several letters (a second "Case Number:" header) is checked letter by letter: no
 * section "appears twice" and no age is compared across patients. The model is the whole text's.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const table = options.guidelines ?? defaultGuidelineTable();
  const starts = letterStarts(text);
  const lines = new LineIndex(text);
  let model: Determination;
  let findings: Finding[];
  if (starts.length === 1) {
    ({ model, findings } = checkLetter(text, lines, options, table));
  } else {
    model = parseDetermination(text, options.languageId ?? 'markdown', table, { layout: options.layout });
    findings = [];
    starts.forEach((start, i) => {
      const part = text.slice(start, i + 1 < starts.length ? starts[i + 1] : text.length);
      const checked = checkLetter(part, new LineIndex(part), options, table).findings;
      for (const f of checked) findings.push(shifted(f, start, lines));
    });
  }
  if (options.verifyFixes !== false) {
    const relint = (t: string, onlyRule?: string) => lint(t, { ...options, rules: onlyRule === undefined ? options.rules : only(onlyRule, options.rules), suppressions: [], verifyFixes: false });
    findings = verifyRemedies(text, findings, model, relint);
  }
  const { findings: visible, suppressed } = applySuppressions(text, findings, options.suppressions ?? [], options.file);
  visible.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: visible, model, lines, suppressed };
}

/** Every rule off but `id`, which keeps its setting. */
function only(id: string, rules: LintOptions['rules']): NonNullable<LintOptions['rules']> {
  return Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === id ? rules?.[id] : 'off'])) as NonNullable<LintOptions['rules']>;
}

/** One letter: its model and its findings (placeholders quiet, inline directives honoured). */
function checkLetter(text: string, lines: LineIndex, options: LintOptions, table: GuidelineTable): { model: Determination; findings: Finding[] } {
  const model = parseDetermination(text, options.languageId ?? 'markdown', table, { layout: options.layout });
  const findings: Finding[] = [];
  const ctx = { doc: model, table };
  for (const rule of RULES) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === 'off') continue;
    let raw: RuleFinding[];
    try {
      raw = rule.check(ctx);
    } catch (e) {
      raw = [{ span: { start: 0, end: 0 }, message: `Internal error in rule ${rule.meta.id}: ${(e as Error).message}. Please report it.`, severity: 'info' }];
    }
    for (const f of raw) {
      const severity = f.severity === 'info' ? 'info' : (setting ?? f.severity ?? rule.meta.defaultSeverity);
      const span = clamp(f.span, text.length);
      findings.push({
        ruleId: rule.meta.id,
        severity,
        message: f.message,
        span,
        range: lines.rangeOf(span),
        related: (f.related ?? []).map((r) => ({ span: clamp(r.span, text.length), range: lines.rangeOf(clamp(r.span, text.length)), message: r.message })),
        fixes: (f.fixes ?? []).map((fx, i, all) => ({
          title: fx.title,
          kind: fx.kind,
          preferred: fx.kind === 'fix' && all.findIndex((x) => x.kind === 'fix') === i,
          edits: fx.edits.map((e) => {
            const span = clamp(e.span, text.length);
            return { span, range: lines.rangeOf(span), newText: keepLineBreaks(text.slice(span.start, span.end), e.newText) };
          }),
        })),
      });
    }
  }
  return { model, findings: applyDirectives(quietOnPlaceholders(findings, model.placeholders), model.directives, lines) };
}

/** A finding of a letter that starts at `offset` in the file, with the file's ranges. */
function shifted(f: Finding, offset: number, lines: LineIndex): Finding {
  const move = (s: Span): Span => ({ start: s.start + offset, end: s.end + offset });
  const span = move(f.span);
  return {
    ...f,
    span,
    range: lines.rangeOf(span),
    related: f.related.map((r) => ({ ...r, span: move(r.span), range: lines.rangeOf(move(r.span)) })),
    fixes: f.fixes.map((fx) => ({ ...fx, edits: fx.edits.map((e) => ({ ...e, span: move(e.span), range: lines.rangeOf(move(e.span)) })) })),
  };
}

/**
 * Drafting: a placeholder ("XX/XX/XXXX", "[NUMBER]") gets one quiet finding, unfilled-placeholder's, and no
 * second one on the same text (an invalid date, an invalid case number). Placeholders are sorted and do
 * not overlap, so each finding is one binary search.
 */
function quietOnPlaceholders(findings: Finding[], placeholders: readonly { span: Span }[]): Finding[] {
  if (placeholders.length === 0) return findings;
  const onPlaceholder = (s: Span) => {
    let lo = 0;
    let hi = placeholders.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = placeholders[mid].span;
      if (p.end <= s.start) lo = mid + 1;
      else if (p.start >= Math.max(s.end, s.start + 1)) hi = mid - 1;
      else return true;
    }
    return false;
  };
  return findings.filter((f) => f.ruleId === 'unfilled-placeholder' || !onPlaceholder(f.span));
}

function clamp(s: Span, len: number): Span {
  const start = Math.max(0, Math.min(s.start, len));
  return { start, end: Math.max(start, Math.min(s.end, len)) };
}
