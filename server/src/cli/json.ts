// Machine output: one entry per file, positions both 1-based (line/column, for people and CI annotations)
// and as the engine's 0-based LSP range (UTF-16 columns).
import { ruleDocUri } from '../io/ruleDocs.js';
import type { Finding, Range } from '../types.js';
import { countFindings, type FileReport } from './report.js';
import { indentJson, type Reporter } from './reporter.js';

export interface JsonPosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  range: Range;
}

export function jsonPosition(range: Range): JsonPosition {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
    range,
  };
}

export function jsonFinding(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...jsonPosition(f.range),
    docUrl: ruleDocUri(f.ruleId),
    related: f.related.map((r) => ({ message: r.message, ...jsonPosition(r.range) })),
    fixes: f.fixes.map((fx) => ({
      title: fx.title,
      kind: fx.kind,
      preferred: fx.preferred === true,
      edits: fx.edits.map((e) => ({ ...jsonPosition(e.range), newText: e.newText })),
    })),
  };
}

/** The entry of one file; the output is the array of these, exactly as `JSON.stringify(entries, null, 2)`. */
export function jsonEntry(r: FileReport, fixMode: boolean) {
  const c = countFindings(r.findings);
  return {
    filePath: r.file,
    ...(r.error ? { error: { code: r.error.code, message: r.error.message } } : {}),
    findings: r.findings.map(jsonFinding),
    // A file that could not be linted counts as one error, as it does for the exit code.
    errorCount: c.errors + (r.error ? 1 : 0),
    warningCount: c.warnings,
    infoCount: c.infos,
    ...(fixMode && !r.error ? { fixesApplied: r.fixesApplied ?? 0 } : {}),
    ...(r.fixNotWritten ? { fixNotWritten: r.fixNotWritten } : {}),
  };
}

export class JsonReporter implements Reporter {
  private count = 0;

  constructor(private readonly fixMode: boolean) {}

  begin(): string {
    return '[';
  }

  file(r: FileReport): string {
    return `${this.count++ === 0 ? '' : ','}\n  ${indentJson(jsonEntry(r, this.fixMode), 2)}`;
  }

  end(): string {
    return this.count === 0 ? ']\n' : '\n]\n';
  }
}
