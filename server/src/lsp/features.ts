import { type Connection, ErrorCodes, ResponseError, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../engine.js';
import { completionList } from '../features/completion.js';
import { foldingRanges } from '../features/folding.js';
import { hoverAt } from '../features/hover.js';
import { semanticTokens } from '../features/semanticTokens.js';
import { documentSymbols } from '../features/symbols.js';
import { itemLenses } from '../features/codeLens.js';
import { inlayHints } from '../features/inlayHints.js';
import { defaultGuidelineTable, type GuidelineTable } from '../guidelines/table.js';

/** The lint of a document's current version, when it is a determination. */
export type ResultOf = (doc: TextDocument) => { result: LintResult; table?: GuidelineTable } | undefined;

/**
 * Checks the parameters every document request carries (`textDocument.uri`, and `position` where the
 * request has one): a request without them is answered with InvalidParams (-32602) saying what is
 * missing, never with an internal error from a property read on undefined.
 */
export function checkDocumentParams(method: string, params: unknown, needsPosition = false): void {
  const p = params as { textDocument?: { uri?: unknown }; position?: { line?: unknown; character?: unknown } } | null | undefined;
  if (!p || typeof p !== 'object') throw invalidParams(`${method}: the params must be an object`);
  if (!p.textDocument || typeof p.textDocument.uri !== 'string') throw invalidParams(`${method}: params.textDocument.uri is missing or not a string`);
  if (needsPosition && !(p.position && isIndex(p.position.line) && isIndex(p.position.character))) {
    throw invalidParams(`${method}: params.position must be {line, character} with whole numbers from 0`);
  }
}

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function isIndex(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

/** The client command a code lens runs: show the hover at a position (client/src/extension.ts). */
export const COMMAND_SHOW_HOVER = 'imr.showHoverAt';

/** Which of the optional features the settings turn on. */
export type FeatureSwitches = () => { codeLens: boolean; inlayHints: boolean };

/** Wires the pure feature providers (server/src/features) to LSP requests. */
export function registerFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  resultOf: ResultOf,
  draftOf: ResultOf = resultOf,
  switches: FeatureSwitches = () => ({ codeLens: true, inlayHints: true }),
): void {
  const withDoc = <T>(uri: string, fallback: T, f: (doc: TextDocument, r: NonNullable<ReturnType<ResultOf>>) => T, of: ResultOf = resultOf): T => {
    const doc = documents.get(uri);
    const r = doc && of(doc);
    return doc && r ? f(doc, r) : fallback;
  };
  // Completion also answers in a letter only begun (a first header label), not yet linted as one.
  connection.onCompletion((p) => {
    checkDocumentParams('textDocument/completion', p, true);
    return withDoc(
      p.textDocument.uri,
      { isIncomplete: false, items: [] },
      (doc, r) =>
        // triggerKind 2: a trigger character was typed (the list may open by itself only for values).
        completionList(r.result, doc.offsetAt(p.position), r.table ?? defaultGuidelineTable(), p.context?.triggerKind === 2 ? 'character' : 'invoked'),
      draftOf,
    );
  });
  connection.onHover((p) => {
    checkDocumentParams('textDocument/hover', p, true);
    return withDoc(p.textDocument.uri, null, (doc, r) => hoverAt(r.result, doc.offsetAt(p.position), r.table ?? defaultGuidelineTable()));
  });
  connection.onDocumentSymbol((p) => {
    checkDocumentParams('textDocument/documentSymbol', p);
    return withDoc(p.textDocument.uri, [], (_doc, r) => documentSymbols(r.result));
  });
  connection.onFoldingRanges((p) => {
    checkDocumentParams('textDocument/foldingRange', p);
    return withDoc(p.textDocument.uri, [], (_doc, r) => foldingRanges(r.result));
  });
  connection.onCodeLens((p) => {
    checkDocumentParams('textDocument/codeLens', p);
    if (!switches().codeLens) return [];
    return withDoc(p.textDocument.uri, [], (doc, r) =>
      itemLenses(r.result, r.table ?? defaultGuidelineTable()).map((l) => {
        const at = r.result.lines.rangeOf(l.span).start;
        const target = r.result.lines.rangeOf(l.target).start;
        return { range: { start: at, end: at }, command: { title: l.title, command: COMMAND_SHOW_HOVER, arguments: [doc.uri, target] } };
      }),
    );
  });
  connection.languages.inlayHint.on((p) => {
    checkDocumentParams('textDocument/inlayHint', p);
    if (!switches().inlayHints) return [];
    return withDoc(p.textDocument.uri, [], (doc, r) => {
      const range = p.range ? { start: doc.offsetAt(p.range.start), end: doc.offsetAt(p.range.end) } : undefined;
      return inlayHints(r.result, r.table ?? defaultGuidelineTable(), range).map((h) => ({ position: r.result.lines.rangeOf({ start: h.at, end: h.at }).start, label: h.label, paddingLeft: true, tooltip: h.tooltip }));
    });
  });
  // Plain text only: Markdown is coloured by the injected TextMate grammar.
  connection.languages.semanticTokens.on((p) => {
    checkDocumentParams('textDocument/semanticTokens/full', p);
    return withDoc(p.textDocument.uri, { data: [] }, (doc, r) => ({ data: doc.languageId === 'markdown' ? [] : semanticTokens(r.result) }));
  });
}
