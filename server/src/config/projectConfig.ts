// The project configuration file, `.imr-lint.jsonc`: one file that the CLI and the language server both
// read, so that a team's drafts get the same findings in the editor and in CI. Pure: text in, config and
// problems (with their offsets in the file) out. Finding and reading the file is io/projectConfigStore.ts.
import { findNodeAtLocation, getNodeValue, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { z } from 'zod';
import { GuidelineTableSchema } from '../guidelines/schema.js';
import { type GuidelineTable, GuidelineTableError, loadUserGuidelineTable } from '../guidelines/table.js';
import { pathSegments } from './jsonPath.js';
import { LAYOUT_IDS, type LayoutId } from '../parse/layouts.js';
import { RULES } from '../rules/index.js';
import type { SeveritySetting } from '../types.js';

export const CONFIG_FILE = '.imr-lint.jsonc';

const Level = z.enum(['off', 'info', 'warning', 'error']);

/** The file's schema; scripts/gen-schema.ts turns it into schemas/imr-lint-config.schema.json. */
export const ProjectConfigSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file.'),
    rules: z
      .partialRecord(z.enum(RULES.map((r) => r.meta.id) as [string, ...string[]]), Level)
      .optional()
      .describe('Severity per rule ("off", "info", "warning" or "error"). Rules not listed keep the editor setting or their default.'),
    guidelines: z
      .union([z.string().min(1), GuidelineTableSchema])
      .optional()
      .describe('A guideline table whose rows extend or replace the built-in limits: a path relative to this file, or the table itself.'),
    layout: z
      .enum(['auto', ...LAYOUT_IDS] as [string, ...string[]])
      .optional()
      .describe('Letter layout for every letter below this file: "auto" recognizes it from the headings.'),
    include: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs, relative to this file\'s folder, of files checked even when they do not look like a determination (e.g. "drafts/**/*.txt").'),
    ignore: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs, relative to this file\'s folder, of files never checked (e.g. "archive/**"). They win over "include".'),
  })
  .strict()
  .describe('imr-lint project configuration: read by the imr-lint command line and the IMR Determinations extension alike.');

export interface ProjectConfig {
  rules: Record<string, SeveritySetting>;
  /** The guideline table's path as written (relative to the file's folder); io/projectConfigStore.ts reads it. */
  guidelinesPath?: string;
  /** The table written inline, built (its rows over the built-in ones). */
  guidelinesTable?: GuidelineTable;
  /** Where the `guidelines` value is in the file (to put the table's problems on it). */
  guidelinesSpan?: Span;
  layout?: LayoutId;
  include: string[];
  ignore: string[];
}

export interface Span {
  start: number;
  end: number;
}

export interface ConfigProblem extends Span {
  severity: 'error' | 'warning';
  message: string;
}

export const EMPTY_CONFIG: ProjectConfig = { rules: {}, include: [], ignore: [] };

/**
 * Reads the file's text. Never throws: a syntax error, an unknown key or a bad value is a problem at its
 * place, and everything else in the file still applies (an unknown rule id skips that rule only).
 */
export function parseProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors.slice(0, 20)) {
    problems.push({ severity: 'error', start: e.offset, end: e.offset + Math.max(1, e.length), message: `Not valid JSON with comments: ${describeParseError(printParseErrorCode(e.error))}.` });
  }
  const config: ProjectConfig = { rules: {}, include: [], ignore: [] };
  if (!root) return { config, problems };
  if (root.type !== 'object') {
    problems.push({ severity: 'error', ...spanOf(root), message: 'The configuration must be an object, e.g. {"rules": {"visits-over-limit": "error"}}.' });
    return { config, problems };
  }
  const shape = ProjectConfigSchema.shape;
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (!(key in shape)) {
      problems.push({ severity: 'warning', ...spanOf(keyNode), message: `Unknown setting "${key}"; it is ignored. Known settings: ${Object.keys(shape).filter((k) => k !== '$schema').join(', ')}.` });
      continue;
    }
    if (key === 'rules') {
      readRules(valueNode, config, problems);
      continue;
    }
    if (key === 'guidelines' && valueNode.type === 'object') {
      // Validated as a table file is, so that each problem names its row and field.
      config.guidelinesSpan = spanOf(valueNode);
      config.guidelinesTable = inlineTable(valueNode, problems);
      continue;
    }
    const schema = shape[key as keyof typeof shape] as z.ZodType;
    const parsed = schema.safeParse(getNodeValue(valueNode));
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5)) {
        const at = findNodeAtLocation(valueNode, issue.path as (string | number)[]) ?? valueNode;
        problems.push({ severity: 'error', ...spanOf(at), message: `"${key}"${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}; the setting is ignored.` });
      }
      continue;
    }
    const v = parsed.data as never;
    if (key === 'guidelines') {
      config.guidelinesSpan = spanOf(valueNode);
      config.guidelinesPath = v;
    } else if (key === 'layout') config.layout = v === 'auto' ? undefined : v;
    else if (key === 'include' || key === 'ignore') config[key] = v;
  }
  return { config, problems };
}

/** A table written inline: built as a table file would be, its problems put on the values they name. */
function inlineTable(node: Node, problems: ConfigProblem[]): GuidelineTable | undefined {
  try {
    return loadUserGuidelineTable(JSON.stringify(getNodeValue(node)), CONFIG_FILE);
  } catch (e) {
    if (!(e instanceof GuidelineTableError)) throw e;
    for (const p of e.problems) {
      const path = pathSegments(p.path);
      const at = (path.length ? findNodeAtLocation(node, path) : undefined) ?? node;
      problems.push({ severity: 'error', ...spanOf(at), message: `"guidelines"${p.path ? `.${p.path}` : ''}: ${p.message}; the built-in table is used.` });
    }
    return undefined;
  }
}

/** Rule levels one by one: an unknown id or level is a problem on it, the other rules still apply. */
function readRules(node: Node, config: ProjectConfig, problems: ConfigProblem[]): void {
  if (node.type !== 'object') {
    problems.push({ severity: 'error', ...spanOf(node), message: '"rules" must be an object such as {"visits-over-limit": "error"}; it is ignored.' });
    return;
  }
  const ids = new Set(RULES.map((r) => r.meta.id));
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const id = String(keyNode.value);
    const level = Level.safeParse(valueNode.value);
    if (!ids.has(id)) problems.push({ severity: 'error', ...spanOf(keyNode), message: `Unknown rule "${id}"; it is ignored.${closest(id, ids)}` });
    else if (!level.success) problems.push({ severity: 'error', ...spanOf(valueNode), message: `Rule "${id}": the level must be "off", "info", "warning" or "error"; the rule keeps its default.` });
    else config.rules[id] = level.data;
  }
}

/** " Did you mean ...?" for a rule id one edit or a missing dash away from a real one. */
function closest(id: string, ids: Set<string>): string {
  const flat = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const hit = [...ids].find((x) => flat(x) === flat(id));
  return hit ? ` Did you mean "${hit}"?` : '';
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + Math.max(1, node.length) };
}

/** jsonc-parser's codes ("PropertyNameExpected") as words ("property name expected"). */
function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
