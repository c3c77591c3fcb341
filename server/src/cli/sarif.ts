// SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps, ...).
import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../rules/index.js';
import { docUrl } from '../rules/rule.js';
import type { Finding, Range, Severity, SeveritySetting } from '../types.js';
import { relativeInside, type FileReport } from './report.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/imr-tools/imr-lint';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(s: Severity): SarifLevel {
  return s === 'info' ? 'note' : s;
}

/** SARIF regions are 1-based; columns count UTF-16 code units, exactly like the engine's LSP ranges. */
export function sarifRegion(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A URI relative to %SRCROOT% (the working folder) when the file is inside it, else an absolute file URI. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relativeInside(file, cwd);
  if (rel !== undefined) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(file).href };
}

export interface SarifOptions {
  cwd: string;
  version: string;
  rules: Record<string, SeveritySetting>;
}

export function formatSarif(reports: readonly FileReport[], opts: SarifOptions): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of reports) {
    const loc = artifactLocation(r.file, opts.cwd);
    if (r.error) {
      notifications.push({
        level: 'error',
        message: { text: `${r.display}: ${r.error.message}` },
        locations: [{ physicalLocation: { artifactLocation: loc } }],
        properties: { code: r.error.code },
      });
      continue;
    }
    if (r.fixNotWritten) {
      notifications.push({
        level: 'warning',
        message: { text: `${r.display}: fixes not written: ${r.fixNotWritten}` },
        locations: [{ physicalLocation: { artifactLocation: loc } }],
      });
    }
    for (const f of r.findings) results.push(result(f, loc, ruleIndex));
  }
  const overrides = Object.entries(opts.rules)
    .filter(([id]) => ruleIndex.has(id))
    .map(([id, level]) => ({
      descriptor: { id, index: ruleIndex.get(id) },
      configuration: level === 'off' ? { enabled: false } : { level: sarifLevel(level) },
    }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'imr-lint',
            informationUri: INFORMATION_URI,
            version: opts.version,
            semanticVersion: opts.version,
            rules: RULES.map((rule) => ({
              id: rule.meta.id,
              shortDescription: { text: rule.meta.description },
              helpUri: docUrl(rule.meta.id),
              defaultConfiguration: { level: sarifLevel(rule.meta.defaultSeverity) },
              properties: { fixable: rule.meta.fixable },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: notifications.every((n) => (n as { level: string }).level !== 'error'),
            toolExecutionNotifications: notifications,
            ...(overrides.length ? { ruleConfigurationOverrides: overrides } : {}),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(opts.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function result(f: Finding, loc: { uri: string; uriBaseId?: string }, ruleIndex: Map<string, number>) {
  const index = ruleIndex.get(f.ruleId);
  const preferred = f.fixes.find((x) => x.preferred);
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: loc, region: sarifRegion(f.range) } }],
    ...(f.related.length
      ? {
          relatedLocations: f.related.map((rel, i) => ({
            id: i + 1,
            physicalLocation: { artifactLocation: loc, region: sarifRegion(rel.range) },
            message: { text: rel.message },
          })),
        }
      : {}),
    ...(preferred
      ? {
          fixes: [
            {
              description: { text: preferred.title },
              artifactChanges: [
                {
                  artifactLocation: loc,
                  replacements: preferred.edits.map((e) => ({
                    deletedRegion: sarifRegion(e.range),
                    insertedContent: { text: e.newText },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}
