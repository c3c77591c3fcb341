import { z } from 'zod';
import { RULES } from './rules/index.js';

// The one source of the extension's settings: the language server validates with it, and
// scripts/gen-schema.ts turns it into package.json's `contributes.configuration` (CI fails on drift).
// Keys are read under the `imr` section: imr.enable, imr.run, ...

const Level = z.enum(['off', 'info', 'warning', 'error']);

export const SettingsSchema = z.object({
  enable: z.boolean().default(true).describe('Check IMR determinations (Markdown and plain-text documents that look like one, and *.imr.md / *.determination.md files).'),
  run: z.enum(['onType', 'onSave']).default('onType').describe('Check while you type, or only when the document is saved.'),
  debounceMs: z.number().int().min(0).max(5000).default(150).describe('Milliseconds of quiet typing before a document is checked again.'),
  holdWhileTypingMs: z
    .number()
    .int()
    .min(0)
    .max(10000)
    .default(1500)
    .describe('A new problem on the line being typed, or in the disputed item being typed, waits this many milliseconds after the last keystroke (or until the document is saved) before it is shown, so that a half-typed date is not an error. 0 shows every problem at once.'),
  rules: z
    .partialRecord(z.enum(RULES.map((r) => r.meta.id) as [string, ...string[]]), Level)
    .default({})
    .describe('Severity per rule ("off", "info", "warning" or "error"), e.g. {"visits-over-limit": "error"}. Rules not listed keep their default severity.'),
  guidelines: z.string().default('').describe('Path to a JSON guideline table whose rows extend or replace the built-in limits (relative paths are resolved against the workspace folder). Workspace values are used only in trusted workspaces.'),
  layout: z
    .enum(['auto', 'standard', 'notice-2013', 'documents-reviewed', 'professional-review'])
    .default('auto')
    .describe('Letter layout: recognized from the headings ("auto"), or forced for every document. A single letter can force its own with a line "<!-- imr-layout: notice-2013 -->".'),
  codeLens: z.boolean().default(true).describe('Show above each disputed item its arithmetic: the request against its guideline row, a medication\'s course and daily opioid dose (MME), a partial certification\'s subtraction.'),
  inlayHints: z.boolean().default(true).describe('Show what a request written as a schedule adds up to ("2 times a week for 6 weeks" = 12 visits; a medication\'s tablets or days).'),
  files: z
    .record(z.string(), z.boolean())
    .default({})
    .describe('Force checking on (true) or off (false) for files matching a glob, e.g. {"**/drafts/*.txt": true, "**/README.md": false}. Otherwise only documents that look like a determination are checked.'),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Reads settings as the client sends them. Invalid values never stop the server: each bad key falls back
 * to its default, and the problems are returned so they can be shown once.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const input = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  const shape = SettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (key === 'rules') {
      out.rules = parseRuleLevels(input.rules, problems);
      continue;
    }
    const r = shape[key].safeParse(input[key]);
    if (r.success) out[key] = r.data;
    else {
      problems.push(`imr.${key}: ${r.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message).join('; ')}`);
      out[key] = DEFAULT_SETTINGS[key];
    }
  }
  return { settings: out as Settings, problems };
}

/** Rule levels one by one: an unknown id or level is reported and skipped, the others still apply. */
function parseRuleLevels(raw: unknown, problems: string[]): Settings['rules'] {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('imr.rules: expected an object such as {"visits-over-limit": "error"}');
    return {};
  }
  const ids = new Set(RULES.map((r) => r.meta.id));
  const out: Record<string, z.infer<typeof Level>> = {};
  for (const [id, level] of Object.entries(raw)) {
    const l = Level.safeParse(level);
    if (!ids.has(id)) problems.push(`imr.rules: unknown rule "${id}"`);
    else if (!l.success) problems.push(`imr.rules.${id}: expected "off", "info", "warning" or "error", got ${JSON.stringify(level)}`);
    else out[id] = l.data;
  }
  return out;
}
