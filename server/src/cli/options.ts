// Command-line parsing. Every mistake is a UsageError (exit code 2) with a message that says how to fix it.
import { parseArgs } from 'node:util';
import { RULES, RULES_BY_ID } from '../rules/index.js';
import type { SeveritySetting } from '../types.js';
import { DEFAULT_MAX_SIZE } from './fileio.js';

export type Format = 'stylish' | 'json' | 'sarif';
export const FORMATS: readonly Format[] = ['stylish', 'json', 'sarif'];
export const LEVELS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export interface CliOptions {
  help: boolean;
  version: boolean;
  format: Format;
  fix: boolean;
  guidelines?: string;
  rules: Record<string, SeveritySetting>;
  maxSize: number;
  patterns: string[];
  /** --config FILE: this configuration file for every letter, instead of the nearest .imr-lint.jsonc. */
  config?: string;
  /** --print-config FILE: print what applies to FILE and exit. */
  printConfig?: string;
  /** --stdin: lint standard input, named --stdin-filename (its language and its configuration). */
  stdin: boolean;
  stdinFilename?: string;
  /** --explain RULE: print the rule's page and exit. */
  explain?: string;
}

export class UsageError extends Error {}

export function parseOptions(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        guidelines: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'max-size': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'print-config': { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        explain: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const format = (v.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`Unknown format "${v.format}". Use one of: ${FORMATS.join(', ')}.`);
  }
  for (const name of ['guidelines', 'config', 'print-config', 'stdin-filename', 'explain'] as const) {
    if (v[name] !== undefined && v[name].trim() === '') throw new UsageError(`--${name} needs ${name === 'explain' ? 'a rule id' : 'a file name'}.`);
  }
  if (v.explain !== undefined && !RULES_BY_ID.has(v.explain.trim())) throw new UsageError(`Unknown rule "${v.explain}" in --explain. ${validIds()}`);
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename goes with --stdin.');
  if (v.stdin && v.fix) throw new UsageError('--fix cannot be used with --stdin: it rewrites files. Lint the file itself to fix it.');
  if (v.stdin && parsed.positionals.length > 0) throw new UsageError(`--stdin reads standard input: name no files (got ${parsed.positionals.join(' ')}).`);
  return {
    help: v.help === true,
    version: v.version === true,
    format,
    fix: v.fix === true,
    guidelines: v.guidelines,
    rules: parseRuleSettings(v.rule ?? []),
    maxSize: v['max-size'] === undefined ? DEFAULT_MAX_SIZE : parseSize(v['max-size']),
    patterns: parsed.positionals,
    config: v.config,
    printConfig: v['print-config'],
    stdin: v.stdin === true,
    stdinFilename: v['stdin-filename'],
    explain: v.explain?.trim(),
  };
}

export function parseRuleSettings(values: string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    const id = (eq < 0 ? value : value.slice(0, eq)).trim();
    const level = eq < 0 ? '' : value.slice(eq + 1).trim().toLowerCase();
    if (eq < 0 || !id) {
      throw new UsageError(`--rule "${value}" should be ID=LEVEL, e.g. --rule injury-date-mismatch=warning. ${validIds()}`);
    }
    if (!RULES_BY_ID.has(id)) throw new UsageError(`Unknown rule "${id}" in --rule ${value}. ${validIds()}`);
    if (!(LEVELS as string[]).includes(level)) {
      throw new UsageError(`Unknown level "${value.slice(eq + 1)}" in --rule ${value}. Use one of: ${LEVELS.join(', ')}.`);
    }
    out[id] = level as SeveritySetting;
  }
  return out;
}

function validIds(): string {
  return `Valid rule ids: ${RULES.map((r) => r.meta.id).join(', ')}.`;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** "5MB", "200kb", "1048576" (bytes). 1 KB = 1024 bytes. */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  const bytes = m && unit ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!Number.isFinite(bytes) || bytes < 1) {
    throw new UsageError(`--max-size "${value}" is not a size. Write bytes or a number with KB, MB or GB, e.g. --max-size 10MB.`);
  }
  return bytes;
}

export function helpText(version: string): string {
  const ids = RULES.map((r) => `  ${r.meta.id.padEnd(38)} ${r.meta.defaultSeverity.padEnd(8)}${r.meta.fixable ? ' fixable' : r.meta.hasSuggestions ? ' suggestions' : ''}`);
  return `imr-lint ${version}: checks IMR final determination letters (dates, citations, guideline limits, verdicts).

Usage: imr-lint [options] <file|folder|glob>...
       imr-lint --stdin [--stdin-filename <name>] [options] < letter.md
       imr-lint --print-config <file>
       imr-lint --explain <rule>

  Folders are searched recursively for *.md, *.markdown and *.txt files, skipping node_modules and
  folders whose name starts with ".". Globs such as 'letters/**/*.md' or 'cases/{2014,2015}/*.md' are
  expanded by imr-lint (quote them so that every shell passes them on unchanged); "*" and "**" do not
  match names starting with ".", and a pattern may have at most 3 "*" in a path segment. Files named
  or matched by a glob are linted whatever their extension. *.txt files are read as plain text, all
  other files as Markdown (a UTF-8 byte-order mark is ignored). Every argument must match at least one
  file.

Options:
  -f, --format <stylish|json|sarif>   Output format (default: stylish). json: one entry per file with
                                      1-based line/column and the 0-based LSP range; sarif: SARIF 2.1.0
                                      for code scanning.
      --fix                           Apply the fixes that cannot change what the letter decides or
                                      asserts (a missing heading, a redaction), then report what
                                      remains. Suggestions (a verdict, a date, a count, a citation)
                                      are never applied: choose them in the editor. Files are
                                      replaced atomically and keep their mode; read-only and
                                      unchanged files are not written, nor files that do not look
                                      like a determination (a README) or are empty. Temporary
                                      copies a killed --fix left beside letters are removed.
      --guidelines <file.json>        Guideline table whose rows extend the built-in ones (a row with
                                      the id of a built-in row replaces it). At most 5 MB.
      --rule <id>=<level>             Set a rule's severity: off, info, warning or error. Repeatable.
  -c, --config <file>                 Use this configuration file for every letter, instead of the
                                      .imr-lint.jsonc nearest to each (in its folder or above).
      --print-config <file>           Print the configuration that applies to <file> (the file found,
                                      every rule's level, the layout, the guideline table) and exit.
      --stdin                         Lint standard input instead of files (at most --max-size).
      --stdin-filename <name>         The name standard input is linted as: .txt is plain text, and
                                      the configuration is the one found for that name.
      --explain <rule>                Print the rule's documentation and exit.
      --max-size <size>               Skip files larger than this (default 5MB; e.g. 500KB, 20MB).
  -h, --help                          Show this help.
  -v, --version                       Show the version.

Exit codes:
  0  No error-level finding (warnings and information do not fail a run).
  1  At least one error-level finding, or at least one file that could not be linted: unreadable,
     binary (contains NUL bytes), not valid UTF-8, or larger than --max-size; or a folder inside a
     walk that cannot be read. Each is reported on its own (stylish: on stderr; json: an "error"
     entry; sarif: a tool execution notification) and the other files are still linted. With --fix,
     also a file whose fixes could not be written.
  2  Usage or configuration error: unknown option, format, rule id or level; a --config file that
     cannot be read; a --guidelines file
     that cannot be read, is larger than 5 MB or is not a valid table; an argument that matches no
     file or is not a valid pattern.

Colour is used only when stdout is a terminal and NO_COLOR is not set. A progress bar is drawn on
stderr when it is a terminal, CI is not set, and more than 20 files are linted.

Configuration: the nearest .imr-lint.jsonc (JSON with comments) in a letter's folder or above it gives
rule levels, the guideline table, the layout, and globs to include and to ignore; the editor reads the
same file. Command-line flags win over it.

Rules (id, default severity; documentation: imr-lint --explain <id>):
${ids.join('\n')}
`;
}
