import type { GuidelineTable } from '../guidelines/table.js';
import type { Determination } from '../model/determination.js';
import type { Severity, Span } from '../types.js';

export const DOCS_BASE = 'https://github.com/imr-tools/imr-lint/blob/main/docs/rules/';

export interface RuleMeta {
  /** Stable id; other tools (CI, settings, inline comments) rely on it. */
  id: string;
  defaultSeverity: Severity;
  /** One line, shown in rule lists and SARIF. */
  description: string;
  /** Whether findings carry text edits that fix them. */
  fixable: boolean;
}

export interface RuleFix {
  title: string;
  edits: { span: Span; newText: string }[];
  preferred?: boolean;
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

export function docUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
