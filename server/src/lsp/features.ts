import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../engine.js';
import { completionList } from '../features/completion.js';
import { foldingRanges } from '../features/folding.js';
import { hoverAt } from '../features/hover.js';
import { semanticTokens } from '../features/semanticTokens.js';
import { documentSymbols } from '../features/symbols.js';
import { defaultGuidelineTable, type GuidelineTable } from '../guidelines/table.js';

/** The lint of a document's current version, when it is a determination. */
export type ResultOf = (doc: TextDocument) => { result: LintResult; table?: GuidelineTable } | undefined;

/** Wires the pure feature providers (server/src/features) to LSP requests. */
export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, resultOf: ResultOf, draftOf: ResultOf = resultOf): void {
  const withDoc = <T>(uri: string, fallback: T, f: (doc: TextDocument, r: NonNullable<ReturnType<ResultOf>>) => T, of: ResultOf = resultOf): T => {
    const doc = documents.get(uri);
    const r = doc && of(doc);
    return doc && r ? f(doc, r) : fallback;
  };
  // Completion also answers in a letter only begun (a first header label), not yet linted as one.
  connection.onCompletion((p) =>
    withDoc(
      p.textDocument.uri,
      { isIncomplete: false, items: [] },
      (doc, r) =>
        // triggerKind 2: a trigger character was typed (the list may open by itself only for values).
        completionList(r.result, doc.offsetAt(p.position), r.table ?? defaultGuidelineTable(), p.context?.triggerKind === 2 ? 'character' : 'invoked'),
      draftOf,
    ),
  );
  connection.onHover((p) => withDoc(p.textDocument.uri, null, (doc, r) => hoverAt(r.result, doc.offsetAt(p.position), r.table ?? defaultGuidelineTable())));
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (_doc, r) => documentSymbols(r.result)));
  connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (_doc, r) => foldingRanges(r.result)));
  // Plain text only: Markdown is coloured by the injected TextMate grammar.
  connection.languages.semanticTokens.on((p) =>
    withDoc(p.textDocument.uri, { data: [] }, (doc, r) => ({ data: doc.languageId === 'markdown' ? [] : semanticTokens(r.result) })),
  );
}
