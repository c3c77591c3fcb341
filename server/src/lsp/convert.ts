import {
  CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type Range,
  TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { ruleDocUri } from '../io/ruleDocs.js';
import type { Finding, Severity } from '../types.js';
import { SOURCE } from './protocol.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to the server in `data`: enough to find its finding again. */
export interface DiagnosticData {
  version: number;
  index: number;
}

export function toDiagnostic(f: Finding, uri: string, version: number, index: number): Diagnostic {
  // The rule's page as shipped with the server (a file: URI, so it opens with no network); none when absent.
  const doc = ruleDocUri(f.ruleId);
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    ...(doc ? { codeDescription: { href: doc } } : {}),
    source: SOURCE,
    message: f.message,
    relatedInformation: f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })),
    tags: f.ruleId === 'unfilled-placeholder' ? [DiagnosticTag.Unnecessary] : undefined,
    data: { version, index } satisfies DiagnosticData,
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * A workspace edit pinned to the document version it was computed for: the client refuses to apply it to
 * any other version, so a fix computed for version N is never applied to N+1.
 */
export function versionedEdit(uri: string, version: number, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] } : { changes: { [uri]: edits } };
}

export function toTextEdits(f: { edits: { range: Range; newText: string }[] }): TextEdit[] {
  return f.edits.map((e) => ({ range: e.range, newText: e.newText }));
}

export function quickFix(title: string, diagnostic: Diagnostic | undefined, edit: WorkspaceEdit, preferred: boolean): CodeAction {
  const action = CodeAction.create(title, edit, CodeActionKind.QuickFix);
  if (diagnostic) action.diagnostics = [diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}
