import type { InlineDirective } from './model/determination.js';
import type { LineIndex } from './text/lineIndex.js';
import type { Finding } from './types.js';

/**
 * markdownlint-style inline control: `<!-- imr-lint-disable RULE -->` ... `<!-- imr-lint-enable RULE -->`,
 * `<!-- imr-lint-disable-next-line RULE -->`, `<!-- imr-lint-disable-line RULE -->`. No rule ids = all rules.
 * A finding is judged by the line it starts on.
 */
export function applyDirectives(findings: Finding[], directives: InlineDirective[], lines: LineIndex): Finding[] {
  if (directives.length === 0) return findings;
  const matches = (d: InlineDirective, id: string) => d.rules.length === 0 || d.rules.includes(id);
  return findings.filter((f) => {
    const line = f.range.start.line;
    let disabled = false;
    for (const d of directives) {
      if (d.kind === 'disable-next-line' && d.line + 1 === line && matches(d, f.ruleId)) return false;
      if (d.kind === 'disable-line' && d.line === line && matches(d, f.ruleId)) return false;
      if (d.span.start > f.span.start) continue;
      if (d.kind === 'disable' && matches(d, f.ruleId)) disabled = true;
      if (d.kind === 'enable' && matches(d, f.ruleId)) disabled = false;
    }
    return !disabled;
  });
}
