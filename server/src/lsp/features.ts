import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../engine.js';
import { completionItems } from '../features/completion.js';
import { foldingRanges } from '../features/folding.js';
import { hoverAt } from '../features/hover.js';
import { semanticTokens } from '../features/semanticTokens.js';
import { documentSymbols } from '../features/symbols.js';
import { defaultGuidelineTable, type GuidelineTable } from '../guidelines/table.js';

/** The lint of a document's current version, when it is a determination. */
export type ResultOf = (doc: TextDocument) => { result: LintResult; table?: GuidelineTable } | undefined;

/** Wires the pure feature providers (server/src/features) to LSP requests. */
export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, resultOf: ResultOf): void {
  const withDoc = <T>(uri: string, fallback: T, f: (doc: TextDocument, r: NonNullable<ReturnType<ResultOf>>) => T): T => {
    const doc = documents.get(uri);
    const r = doc && resultOf(doc);
    return doc && r ? f(doc, r) : fallback;
  };
  connection.onCompletion((p) => withDoc(p.textDocument.uri, [], (doc, r) => completionItems(r.result, doc.offsetAt(p.position), r.table ?? defaultGuidelineTable())));
  connection.onHover((p) => withDoc(p.textDocument.uri, null, (doc, r) => hoverAt(r.result, doc.offsetAt(p.position), r.table ?? defaultGuidelineTable())));
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (_doc, r) => documentSymbols(r.result)));
  connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (_doc, r) => foldingRanges(r.result)));
  // Plain text only: Markdown is coloured by the injected TextMate grammar.
  connection.languages.semanticTokens.on((p) =>
    withDoc(p.textDocument.uri, { data: [] }, (doc, r) => ({ data: doc.languageId === 'markdown' ? [] : semanticTokens(r.result) })),
  );
}
