import type { GuidelineTable } from '../guidelines/table.js';
import type { Determination } from '../model/determination.js';
import type { Severity, Span } from '../types.js';


export interface RuleMeta {
  /** Stable id; other tools (CI, settings, inline comments) rely on it. */
  id: string;
  defaultSeverity: Severity;
  /** One line, shown in rule lists and SARIF. */
  description: string;
  /** Whether findings carry fixes that may run unattended (kind 'fix'). */
  fixable: boolean;
  /** Whether findings carry suggestions, which the reviewer picks (kind 'suggestion'). */
  hasSuggestions?: boolean;
  /**
   * The rule's remedies change how the letter parses (a heading, a guideline line, a verdict): the engine applies
   * each, re-lints, and keeps a fix a fix only if it removes its finding, adds none and keeps the items and
   * sections, alone and together with the others (else it is a suggestion); a remedy that does not remove
   * its finding is not offered (fixVerification.ts).
   */
  verifyFixes?: boolean;
}

/**
 * The fix policy (README "Fixes and suggestions"): a `fix` may run unattended (Fix All, fix on save,
 * `imr-lint --fix`) because it cannot change what the letter decides or asserts: a missing section heading,
 * a redaction mark. Anything that picks between two statements of fact, or changes a verdict, a
 * conclusion, a date, a count or a citation, is a `suggestion`: offered for the reviewer to choose, never
 * applied unattended and never marked preferred. vscode-eslint draws the same line.
 */
export type FixKind = 'fix' | 'suggestion';

export interface RuleFix {
  title: string;
  kind: FixKind;
  edits: { span: Span; newText: string }[];
}

/** What a rule reports; the engine adds severity, ranges and the rule id. */
export interface RuleFinding {
  span: Span;
  message: string;
  related?: { span: Span; message: string }[];
  fixes?: RuleFix[];
  /**
   * Set only where the finding itself is weaker than the rule ("the request exceeds the limit, and the
   * verdict is Upheld, which is consistent"): such findings stay at this severity unless the rule is off.
   */
  severity?: Severity;
}

export interface RuleContext {
  doc: Determination;
  table: GuidelineTable;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleFinding[];
}

