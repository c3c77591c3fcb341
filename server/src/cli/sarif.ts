// SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps, ...).
import { sep } from 'node:path';
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'node:url';
import { RULES } from '../rules/index.js';
import { ruleDoc } from '../io/ruleDocs.js';
import type { Finding, Range, Severity, SeveritySetting } from '../types.js';
import { relativeInside, type FileReport } from './report.js';
import { indentJson, type Reporter } from './reporter.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A rule's `help` (its page, as Markdown and as plain text) and `fullDescription` (the page's first paragraph). */
export function help(id: string): Pick<Sarif.ReportingDescriptor, 'help' | 'fullDescription'> {
  const page = ruleDoc(id);
  if (!page) return {};
  const first = page.split(/\n\s*\n/).map((p) => p.trim()).find((p) => p && !p.startsWith('#'));
  return {
    ...(first ? { fullDescription: { text: plainText(first) } } : {}),
    help: { text: plainText(page), markdown: page },
  };
}

/** Markdown read as text: heading hashes, emphasis and code marks dropped, links as their text. */
function plainText(md: string): string {
  return md
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\*\*|`/g, '');
}

export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'info' ? 'note' : s;
}

/** SARIF regions are 1-based; columns count UTF-16 code units, exactly like the engine's LSP ranges. */
export function sarifRegion(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A URI relative to %SRCROOT% (the working folder) when the file is inside it, else an absolute file URI. */
export function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
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

/**
 * Streams one SARIF log with one run: the tool (every rule, so that ruleIndex is stable), then the results
 * as files are linted, then the invocation with its notifications (files that could not be linted).
 */
export class SarifReporter implements Reporter {
  private readonly ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  private readonly notifications: Sarif.Notification[] = [];
  private results = 0;

  constructor(private readonly opts: SarifOptions) {}

  begin(): string {
    const tool: Sarif.Tool = {
      driver: {
        name: 'imr-lint',
        version: this.opts.version,
        semanticVersion: this.opts.version,
        rules: RULES.map((rule) => ({
          id: rule.meta.id,
          shortDescription: { text: rule.meta.description },
          // The rule's page itself, so that code scanning shows it with no link to follow.
          ...help(rule.meta.id),
          defaultConfiguration: { level: sarifLevel(rule.meta.defaultSeverity) },
          properties: { fixable: rule.meta.fixable },
        })),
      },
    };
    const baseIds: Sarif.Run['originalUriBaseIds'] = {
      '%SRCROOT%': { uri: pathToFileURL(this.opts.cwd).href.replace(/\/?$/, '/') },
    };
    const columnKind: Sarif.Run['columnKind'] = 'utf16CodeUnits';
    return (
      '{\n' +
      `  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n` +
      '  "version": "2.1.0",\n' +
      '  "runs": [\n' +
      '    {\n' +
      `      "tool": ${indentJson(tool, 6)},\n` +
      `      "originalUriBaseIds": ${indentJson(baseIds, 6)},\n` +
      `      "columnKind": ${JSON.stringify(columnKind)},\n` +
      '      "results": ['
    );
  }

  file(r: FileReport): string {
    const loc = artifactLocation(r.file, this.opts.cwd);
    if (r.error) {
      this.notifications.push({
        level: 'error',
        message: { text: `${r.display}: ${r.error.message}` },
        locations: [{ physicalLocation: { artifactLocation: loc } }],
        properties: { code: r.error.code },
      });
      return '';
    }
    if (r.fixNotWritten) {
      this.notifications.push({
        level: 'warning',
        message: { text: `${r.display}: fixes not written: ${r.fixNotWritten}` },
        locations: [{ physicalLocation: { artifactLocation: loc } }],
      });
    }
    let out = '';
    for (const f of r.findings) {
      out += `${this.results++ === 0 ? '' : ','}\n        ${indentJson(result(f, loc, this.ruleIndex), 8)}`;
    }
    return out;
  }

  end(): string {
    const overrides: Sarif.ConfigurationOverride[] = Object.entries(this.opts.rules)
      .filter(([id]) => this.ruleIndex.has(id))
      .map(([id, level]) => ({
        descriptor: { id, index: this.ruleIndex.get(id) },
        configuration: level === 'off' ? { enabled: false } : { level: sarifLevel(level) },
      }));
    const invocations: Sarif.Invocation[] = [
      {
        executionSuccessful: this.notifications.every((n) => n.level !== 'error'),
        toolExecutionNotifications: this.notifications,
        ...(overrides.length ? { ruleConfigurationOverrides: overrides } : {}),
      },
    ];
    return (
      (this.results === 0 ? '],\n' : '\n      ],\n') +
      `      "invocations": ${indentJson(invocations, 6)}\n` +
      '    }\n' +
      '  ]\n' +
      '}\n'
    );
  }
}

function result(f: Finding, loc: Sarif.ArtifactLocation, ruleIndex: Map<string, number>): Sarif.Result {
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
