import { z } from 'zod';
import type { Finding } from './types.js';
import { collapseSpace } from './text/collapseSpace.js';

/**
 * Suppressions kept outside the letter (LTeX's "hidden false positives" work the same way): a reviewer who
 * judges a finding wrong records it in `.imr-lint/suppressions.json` next to the letters, and the letter's
 * text stays as written. An entry is keyed by the rule, the text the finding is on and the text of its
 * line, never by a line number, so it survives edits elsewhere in the letter; editing the line itself
 * brings the finding back, which is what a reviewer wants after a change there. Pure: reading and writing
 * the file is the CLI's and the server's (suppressionStore.ts).
 */
export const SUPPRESSIONS_DIR = '.imr-lint';
export const SUPPRESSIONS_FILE = `${SUPPRESSIONS_DIR}/suppressions.json`;

export const SuppressionSchema = z
  .object({
    rule: z.string().min(1).describe('The rule id, e.g. "pronoun-mismatch".'),
    text: z.string().describe('The text the finding is on, with runs of white space as one space.'),
    line: z.string().describe('The whole line the finding starts on, with runs of white space as one space.'),
    file: z
      .string()
      .optional()
      .describe('The letter, relative to the folder that holds .imr-lint, with "/" separators. Without it the entry holds in every letter.'),
    note: z.string().optional().describe('Why it was suppressed, for the next reader.'),
  })
  .strict();
export type Suppression = z.infer<typeof SuppressionSchema>;

export const SuppressionFileSchema = z
  .object({
    version: z.literal(1),
    suppressions: z.array(SuppressionSchema),
  })
  .strict();

/** Runs of white space (line breaks included) as one space, trimmed: wrapping and re-indenting keep the key. */
export function normalize(s: string): string {
  return collapseSpace(s).trim();
}

function lineAround(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  let end = text.length;
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      end = i;
      break;
    }
  }
  return text.slice(start, end);
}

/** The entry that suppresses `finding` in `text` (and only in `file`, when given). */
export function suppressionFor(text: string, finding: Pick<Finding, 'ruleId' | 'span'>, file?: string): Suppression {
  return {
    rule: finding.ruleId,
    text: normalize(text.slice(finding.span.start, finding.span.end)),
    line: normalize(lineAround(text, finding.span.start)),
    ...(file !== undefined ? { file } : {}),
  };
}

const keyOf = (s: Pick<Suppression, 'rule' | 'text' | 'line'>) => `${s.rule}\u0000${s.text}\u0000${s.line}`;

/**
 * The findings no entry suppresses, and how many were suppressed. An entry with a `file` holds only for
 * that file (`file` as the caller resolves it against the folder of the suppressions file).
 */
export function applySuppressions(text: string, findings: Finding[], entries: readonly Suppression[], file?: string): { findings: Finding[]; suppressed: number } {
  if (entries.length === 0 || findings.length === 0) return { findings, suppressed: 0 };
  const keys = new Set(entries.filter((e) => e.file === undefined || e.file === file).map(keyOf));
  if (keys.size === 0) return { findings, suppressed: 0 };
  const kept = findings.filter((f) => !keys.has(keyOf(suppressionFor(text, f))));
  return { findings: kept, suppressed: findings.length - kept.length };
}

/** Reads the file's text: its entries, or a message that says what is wrong and where (never a throw). */
export function parseSuppressionFile(json: string): { entries: Suppression[]; error?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { entries: [], error: `it is not valid JSON (${(e as Error).message})` };
  }
  const parsed = SuppressionFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'the top level';
    return { entries: [], error: `${where}: ${issue.message} (expected {"version": 1, "suppressions": [{"rule", "text", "line", "file"?}]})` };
  }
  return { entries: parsed.data.suppressions };
}

/** The file's new text with `entry` added (once), or an error when the current text cannot be read. */
export function addSuppression(current: string | undefined, entry: Suppression): { text?: string; error?: string } {
  let entries: Suppression[] = [];
  if (current !== undefined && current.trim() !== '') {
    const parsed = parseSuppressionFile(current);
    if (parsed.error) return { error: parsed.error };
    entries = parsed.entries;
  }
  const same = (e: Suppression) => keyOf(e) === keyOf(entry) && e.file === entry.file;
  if (!entries.some(same)) entries = [...entries, entry];
  return { text: `${JSON.stringify({ version: 1, suppressions: entries }, null, 2)}\n` };
}
