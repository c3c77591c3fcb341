// Public surface of the engine, shared by the CLI, the language server and tests.
export { lint, type LintOptions, type LintResult } from './engine.js';
export { RULES, RULES_BY_ID } from './rules/index.js';
export { type Rule, type RuleMeta } from './rules/rule.js';
export { defaultGuidelineTable, loadUserGuidelineTable, GuidelineTable, GuidelineTableError } from './guidelines/table.js';
export { LineIndex } from './text/lineIndex.js';
export { applyFixes, selectFixEdits } from './fixes.js';
export * from './types.js';
export type * from './model/determination.js';
