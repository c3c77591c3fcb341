import {
  type CodeAction,
  CodeActionKind,
  CodeLensRefreshRequest,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintResult } from '../engine.js';
import { selectFixEdits } from '../fixes.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings.js';
import type { Finding, LanguageId, SeveritySetting } from '../types.js';
import { quickFix, sameRange, toDiagnostic, toTextEdits, versionedEdit } from './convert.js';
import { fileGlobProblems, shouldLint } from './documentFilter.js';
import { begunAsDetermination } from '../detect.js';
import { type GuidelineState, loadGuidelines, uriToPath } from './guidelineSource.js';
import { locateJsonPath } from '../config/jsonPath.js';
import { changedRegion, findingKey, heldRegion, visibleFindings, type Edit } from './holdBack.js';
import { SuppressionStore, findSuppressionFile, relativeFile } from '../io/suppressionStore.js';
import { SUPPRESSIONS_FILE, suppressionFor, type Suppression } from '../suppressions.js';
import { join, dirname, relative, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE } from '../config/projectConfig.js';
import { effective, projectChoice } from '../config/effective.js';
import type { GuidelineTable } from '../guidelines/table.js';
import { type LoadedProjectConfig, ProjectConfigStore } from '../io/projectConfigStore.js';
import { WORKSPACE_TRUSTED, CHECK_FOLDER, CHECK_FOLDER_PROGRESS, type CheckFolderParams, COMMAND_FIX_ALL, COMMAND_SHOW_RULE_DOC, COMMAND_SUPPRESS, FIX_ALL_KIND, type InitializationOptions, LINT_STATUS, type LintStatusParams, SETTINGS_SECTION, SOURCE } from './protocol.js';
import { checkDocumentParams, invalidParams, registerFeatures } from './features.js';
import { checkFolder } from './folderCheck.js';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../features/semanticTokens.js';

/** Documents larger than this are not linted; the reviewer is told so instead of the editor freezing. */
export const MAX_DOCUMENT_CHARS = 4_000_000;

interface Linted {
  version: number;
  /** undefined when the document is not a determination (or too large). */
  result?: LintResult;
  /** The guideline table it was linted with (the project file's, the settings' or the built-in one). */
  table?: GuidelineTable;
  diagnostics: Diagnostic[];
}

const isConfigUri = (uri: string) => uri.endsWith(`/${CONFIG_FILE}`);

/**
 * The language server: documents in, diagnostics, code actions and editor features out. All rule logic is
 * the engine's; this file only decides when to lint, converts, and keeps results per document version.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  // Drafting hold-back (holdBack.ts): each document's text as last seen, its last edit, and what was shown.
  const lastText = new Map<string, string>();
  const lastEdit = new Map<string, { edit: Edit; at: number }>();
  const shownKeys = new Map<string, Set<string>>();
  const releaseTimers = new Map<string, NodeJS.Timeout>();
  let settings: Settings = DEFAULT_SETTINGS;
  let guidelines: GuidelineState | undefined;
  /** The guideline-table problem last shown to the user (undefined once the table loads). */
  let shownGuidelineProblem: string | undefined;
  let workspaceRoot: string | undefined;
  let pullDiagnostics = false;
  let configurationPull = false;
  let documentChanges = false;
  let watchFiles = false;
  let refreshLenses = false;
  let refreshHints = false;
  let reportedProblems = '';
  let trusted = true;
  /** The client runs COMMAND_SHOW_RULE_DOC (ours does; another editor gets no such action). */
  let ruleDocCommand = false;
  // .imr-lint.jsonc, as the CLI reads it; a file open in the editor counts with its unsaved text.
  const projectConfigs = new ProjectConfigStore({
    textOf: (path) => documents.get(pathToFileURL(path).toString())?.getText(),
    readGuidelinePaths: () => trusted,
  });
  let configRelint: NodeJS.Timeout | undefined;
  const suppressionStore = new SuppressionStore();
  /** The suppressions-file problem last shown (one message per distinct problem, not per keystroke). */
  let shownSuppressionProblem: string | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    configurationPull = !!caps.workspace?.configuration;
    documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    watchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    refreshLenses = !!caps.workspace?.codeLens?.refreshSupport;
    refreshHints = !!caps.workspace?.inlayHint?.refreshSupport;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspaceRoot = folder ? uriToPath(folder) : undefined;
    const init = (params.initializationOptions ?? {}) as InitializationOptions & { settings?: unknown };
    if (init.settings) settings = readSettings(init.settings);
    trusted = init.trusted !== false;
    ruleDocCommand = init.ruleDocCommand === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [COMMAND_FIX_ALL, COMMAND_SUPPRESS] },
        // ':' only: a value (citation, priority) may open the list; a space in prose never does.
        completionProvider: { triggerCharacters: [':'] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: TOKEN_MODIFIERS }, full: true },
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'imr-lint language server' },
    };
  });

  connection.onInitialized(async () => {
    if (configurationPull) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (watchFiles) {
      // A suppressions file edited by hand (or by a colleague's sync) applies without a restart.
      // So is a project configuration file created, changed or deleted.
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${SUPPRESSIONS_FILE}` }, { globPattern: `**/${CONFIG_FILE}` }] }).catch(() => undefined);
    }
    await reloadSettings();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (!configurationPull) {
      const raw = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
      if (raw !== undefined) settings = readSettings(raw);
    }
    await reloadSettings();
  });

  function readSettings(raw: unknown): Settings {
    const { settings: s, problems } = parseSettings(raw);
    problems.push(...fileGlobProblems(s.files)); // such a glob is ignored by shouldLint
    const key = problems.join('\n');
    if (key && key !== reportedProblems) connection.window.showWarningMessage(`IMR settings: ${problems.join('; ')}. The defaults are used for these.`);
    reportedProblems = key;
    return s;
  }

  async function reloadSettings(): Promise<void> {
    if (configurationPull) {
      try {
        settings = readSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION));
      } catch {
        // The client may not answer during shutdown; keep the last settings.
      }
    }
    await reloadGuidelines();
    relintAll();
    // Lenses and hints read the settings and the guideline table: ask the client to fetch them again.
    if (refreshLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (refreshHints) connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  async function reloadGuidelines(): Promise<void> {
    const before = guidelines;
    const open = guidelines?.uri ? documents.get(guidelines.uri) : undefined;
    guidelines = await loadGuidelines(settings.guidelines, workspaceRoot, open?.getText());
    // One message per distinct problem, not one per keystroke or document. Compared with the last result
    // (not with `before`): two settings changes in a row run two reloads at once, and both saw `before`.
    const problem = guidelines.error?.message;
    if (problem && problem !== shownGuidelineProblem) connection.window.showErrorMessage(problem);
    shownGuidelineProblem = problem;
    if (before?.uri && before.uri !== guidelines.uri) connection.sendDiagnostics({ uri: before.uri, diagnostics: [] });
    publishGuidelineFileDiagnostics();
  }

  /** A diagnostic in the guideline file itself, when it is open and invalid. */
  function publishGuidelineFileDiagnostics(): void {
    const uri = guidelines?.uri;
    if (!uri) return;
    const doc = documents.get(uri);
    if (!doc) return;
    const err = guidelines?.error;
    const diagnostics: Diagnostic[] = [];
    if (err) {
      const span = err.path !== undefined ? locateJsonPath(doc.getText(), err.path) : { start: 0, end: 0 };
      diagnostics.push({
        range: { start: doc.positionAt(span.start), end: doc.positionAt(span.end) },
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        message: err.message,
      });
    }
    connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  function languageOf(doc: TextDocument): LanguageId {
    return doc.languageId === 'markdown' ? 'markdown' : 'plaintext';
  }

  /** Lints a document version once; later calls for the same version return the cached result. */
  function ensureLinted(doc: TextDocument): Linted {
    const cached = linted.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const entry = lintDocument(doc);
    linted.set(doc.uri, entry);
    return entry;
  }

  /** Lints one document (open, or read from disk by the folder check) with the configuration that applies. */
  function lintDocument(doc: TextDocument): Linted {
    const text = doc.getText();
    let entry: Linted;
    const project = projectOf(doc);
    tellProjectProblems(project.config);
    const choice = project.letter ? projectChoice(project.config, project.letter) : undefined;
    const wanted = choice === 'ignore' ? false : choice === 'include' ? settings.enable && (doc.languageId === 'markdown' || doc.languageId === 'plaintext') : shouldLint(doc.uri, doc.languageId, text, settings);
    if (!wanted) {
      entry = { version: doc.version, diagnostics: [] };
    } else if (text.length > MAX_DOCUMENT_CHARS) {
      entry = {
        version: doc.version,
        diagnostics: [{
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          source: SOURCE,
          message: `This document is too large to check while typing (${(text.length / 1e6).toFixed(1)} million characters; the limit is ${MAX_DOCUMENT_CHARS / 1e6} million). Use the imr-lint command line for it.`,
        }],
      };
    } else {
      const e = optionsOf(project.config);
      const hidden = suppressionsOf(doc);
      const table = e.table ?? guidelines?.table;
      const result = lint(text, { languageId: languageOf(doc), guidelines: table, rules: e.rules, layout: e.layout, suppressions: hidden.entries, file: hidden.file });
      entry = { version: doc.version, result, table, diagnostics: result.findings.map((f, i) => toDiagnostic(f, doc.uri, doc.version, i)) };
    }
    return entry;
  }

  /**
   * The project file of a document: the nearest .imr-lint.jsonc above it; for an untitled document, the
   * workspace folder's. `letter` is the path its include/ignore globs are matched against.
   */
  function projectOf(doc: TextDocument): { config: LoadedProjectConfig; letter?: string } {
    const path = uriToPath(doc.uri);
    const letter = path ?? (workspaceRoot ? join(workspaceRoot, 'Untitled.md') : undefined);
    if (!letter) return { config: projectConfigs.forFile('/') };
    return { config: projectConfigs.forFile(letter), letter: path };
  }

  /** A project file with mistakes that is not open: said once per distinct set of problems (open, they are diagnostics). */
  let shownProjectProblem: string | undefined;
  function tellProjectProblems(c: LoadedProjectConfig): void {
    if (!c.path || c.problems.length === 0 || documents.get(pathToFileURL(c.path).toString())) return;
    const key = `${c.path}\n${c.problems.map((p) => p.message).join('\n')}`;
    if (key === shownProjectProblem) return;
    shownProjectProblem = key;
    const n = c.problems.length;
    connection.window.showWarningMessage(`IMR: ${c.path} has ${n} problem${n === 1 ? '' : 's'} (${c.problems[0].message}${n > 1 ? ' ...' : ''}). The rest of it applies; open it to see where.`);
  }

  /** Settings, then the project file over them (config/effective.ts says why in that order). */
  function optionsOf(project: LoadedProjectConfig) {
    const layout = settings.layout === 'auto' ? undefined : settings.layout;
    return effective({ rules: settings.rules as Record<string, SeveritySetting>, layout, table: settings.guidelines.trim() ? guidelines?.table : undefined }, project);
  }

  /** A configuration file's problems as diagnostics at their place. */
  function configDiagnostics(doc: TextDocument): Diagnostic[] {
    const path = uriToPath(doc.uri);
    if (!path) return [];
    return projectConfigs.load(path).problems.map((p) => ({
      range: { start: doc.positionAt(p.start), end: doc.positionAt(p.end) },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: SOURCE,
      message: p.message,
    }));
  }

  /** A configuration file changed (typed, saved, created, deleted): read again, show its problems, re-lint. */
  function configChanged(doc?: TextDocument): void {
    projectConfigs.invalidate();
    if (doc && !pullDiagnostics) connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: configDiagnostics(doc) });
    clearTimeout(configRelint);
    configRelint = setTimeout(relintAll, doc ? Math.max(settings.debounceMs, 50) : 0);
  }

  /** The suppressions that hold for a document on disk (none for an untitled one). */
  function suppressionsOf(doc: TextDocument): { entries: Suppression[]; file?: string } {
    const path = uriToPath(doc.uri);
    if (!path) return { entries: [] };
    const loaded = suppressionStore.forLetter(path);
    const problem = loaded.error && `IMR: ${loaded.path} is ignored: ${loaded.error}. The findings it would hide are shown.`;
    if (problem && problem !== shownSuppressionProblem) connection.window.showWarningMessage(problem);
    shownSuppressionProblem = problem || undefined;
    return loaded;
  }

  /** Where a new suppression of this document goes: the nearest existing file, else the workspace folder's. */
  function suppressionTarget(doc: TextDocument): { storePath: string; file: string } | undefined {
    const path = uriToPath(doc.uri);
    if (!path) return undefined;
    const existing = findSuppressionFile(dirname(path));
    const inWorkspace = workspaceRoot && !relative(workspaceRoot, path).startsWith('..') && !isAbsolute(relative(workspaceRoot, path));
    const storePath = existing ?? join(inWorkspace ? workspaceRoot! : dirname(path), SUPPRESSIONS_FILE);
    return { storePath, file: relativeFile(storePath, path) };
  }

  /** The diagnostics to show now: all, except new ones where the reviewer is typing (until a pause or a save). */
  function present(doc: TextDocument, entry: Linted): Diagnostic[] {
    const findings = entry.result?.findings;
    if (!findings) return entry.diagnostics;
    const e = lastEdit.get(doc.uri);
    const hold = settings.holdWhileTypingMs;
    const waited = e ? Date.now() - e.at : Infinity;
    const region = hold > 0 && e && waited < hold ? heldRegion(doc.getText(), e.edit, entry.result!.model.items) : undefined;
    const { visible, held } = visibleFindings(findings, region, shownKeys.get(doc.uri) ?? new Set());
    shownKeys.set(doc.uri, new Set(visible.map((i) => findingKey(findings[i]))));
    if (held > 0) scheduleRelease(doc.uri, hold - waited);
    return visible.length === findings.length ? entry.diagnostics : visible.map((i) => entry.diagnostics[i]);
  }

  /** Shows what was held once typing has paused. */
  function scheduleRelease(uri: string, delay: number): void {
    clearTimeout(releaseTimers.get(uri));
    releaseTimers.set(uri, setTimeout(() => {
      releaseTimers.delete(uri);
      const doc = documents.get(uri);
      if (!doc) return;
      if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
      else validate(doc);
    }, Math.max(10, delay + 10)));
  }

  /** After a save: nothing waits any more. */
  function releaseHeld(doc: TextDocument): void {
    if (!lastEdit.delete(doc.uri)) return;
    clearTimeout(releaseTimers.get(doc.uri));
    releaseTimers.delete(doc.uri);
    if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
    else schedule(doc, 0);
  }

  /** The status bar's counts are of what is shown (held findings are not counted until they show). */
  function status(doc: TextDocument, busy: boolean, entry?: Linted, shown?: Diagnostic[]): void {
    const params: LintStatusParams = { uri: doc.uri, version: doc.version, busy };
    if (entry) {
      params.determination = !!entry.result;
      const ds = entry.result ? (shown ?? entry.diagnostics) : [];
      params.errors = ds.filter((d) => d.severity === DiagnosticSeverity.Error).length;
      params.warnings = ds.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
      params.infos = ds.filter((d) => d.severity === DiagnosticSeverity.Information).length;
      const items = entry.result?.model.items ?? [];
      params.items = items.length;
      params.upheld = items.filter((i) => i.verdict?.value === 'Upheld').length;
      params.overturned = items.filter((i) => i.verdict?.value === 'Overturned').length;
    }
    connection.sendNotification(LINT_STATUS, params);
  }

  /** Lint and push (push mode), or ask the client to pull again (pull mode). */
  function validate(doc: TextDocument): void {
    try {
      status(doc, true);
      const entry = ensureLinted(doc);
      // The document may have moved on while we worked; its newer version has its own run coming.
      if (documents.get(doc.uri)?.version !== entry.version) return;
      const shown = present(doc, entry);
      if (!pullDiagnostics) connection.sendDiagnostics({ uri: doc.uri, version: entry.version, diagnostics: shown });
      status(doc, false, entry, shown);
    } catch (e) {
      connection.console.error(`imr-lint: linting ${doc.uri} failed: ${(e as Error).stack ?? e}`);
    }
  }

  function schedule(doc: TextDocument, delay: number): void {
    clearTimeout(timers.get(doc.uri));
    if (delay <= 0) {
      timers.delete(doc.uri);
      validate(doc);
      return;
    }
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) validate(current);
    }, delay));
  }

  function relintAll(): void {
    linted.clear();
    for (const doc of documents.all()) {
      if (pullDiagnostics) continue;
      schedule(doc, 0);
    }
    if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  documents.onDidOpen((e) => {
    lastText.set(e.document.uri, e.document.getText());
    // Opened after a folder check: its live diagnostics replace the check's (pull mode keeps both apart).
    if (folderChecked.delete(e.document.uri)) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    if (isConfigUri(e.document.uri)) {
      configChanged(e.document);
      return;
    }
    if (e.document.uri === guidelines?.uri) {
      void reloadGuidelines().then(relintAll);
      return;
    }
    if (!pullDiagnostics) schedule(e.document, 0);
  });

  documents.onDidChangeContent((e) => {
    const text = e.document.getText();
    const before = lastText.get(e.document.uri);
    lastText.set(e.document.uri, text);
    // (TextDocuments also reports an open as a change: no edit then.)
    if (before !== undefined && before !== text) lastEdit.set(e.document.uri, { edit: changedRegion(before, text), at: Date.now() });
    if (e.document.uri === guidelines?.uri) return; // re-read when saved
    if (isConfigUri(e.document.uri)) {
      configChanged(e.document);
      return;
    }
    if (pullDiagnostics || settings.run === 'onSave') return;
    schedule(e.document, settings.debounceMs);
  });

  documents.onDidSave((e) => {
    releaseHeld(e.document);
    if (e.document.uri.endsWith(`/${SUPPRESSIONS_FILE}`)) {
      relintAll();
      return;
    }
    if (e.document.uri === guidelines?.uri) {
      void reloadGuidelines().then(relintAll);
      return;
    }
    if (settings.run === 'onSave' && !pullDiagnostics) schedule(e.document, 0);
  });

  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    clearTimeout(releaseTimers.get(e.document.uri));
    for (const m of [releaseTimers, lastText, lastEdit, shownKeys]) m.delete(e.document.uri);
    linted.delete(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    if (isConfigUri(e.document.uri)) configChanged(); // the disk's version applies again
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    if (params.changes.some((c) => c.uri.endsWith(`/${SUPPRESSIONS_FILE}`))) relintAll();
    if (params.changes.some((c) => isConfigUri(c.uri))) configChanged();
    if (guidelines?.uri && params.changes.some((c) => c.uri === guidelines?.uri)) {
      await reloadGuidelines();
      relintAll();
    }
  });

  connection.languages.diagnostics.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (isConfigUri(doc.uri)) return { kind: DocumentDiagnosticReportKind.Full, items: configDiagnostics(doc) };
    // In on-save mode the client still pulls while typing: answer with the last saved result.
    const cached = linted.get(doc.uri);
    const entry = settings.run === 'onSave' && cached ? cached : ensureLinted(doc);
    const shown = present(doc, entry);
    status(doc, false, entry, shown);
    return { kind: DocumentDiagnosticReportKind.Full, items: shown };
  });

  connection.onCodeAction((params) => {
    checkDocumentParams('textDocument/codeAction', params);
    if (!params.context || typeof params.context !== 'object' || !Array.isArray(params.context.diagnostics)) {
      throw invalidParams('textDocument/codeAction: params.context with its diagnostics array is missing');
    }
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const entry = ensureLinted(doc);
    if (!entry.result) return [];
    return codeActions(doc, entry.result, params);
  });

  function fixAllEdit(doc: TextDocument, findings: Finding[]) {
    const { edits, applied } = selectFixEdits(findings);
    const textEdits = edits.map((e) => ({ range: e.range, newText: e.newText })).reverse();
    return { edit: versionedEdit(doc.uri, doc.version, textEdits, documentChanges), applied };
  }

  function codeActions(doc: TextDocument, result: LintResult, params: CodeActionParams): CodeAction[] {
    const only = Array.isArray(params.context.only) ? params.context.only : undefined;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`));
    const wantsQuickFix = !only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === '');
    const actions: CodeAction[] = [];
    if (wantsQuickFix) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic?.source !== SOURCE || typeof diagnostic.code !== 'string' || !diagnostic.range?.start || !diagnostic.range.end) continue;
        const finding = result.findings.find((f) => f.ruleId === diagnostic.code && sameRange(f.range, diagnostic.range) && f.message === diagnostic.message);
        if (!finding) continue;
        for (const fix of finding.fixes) {
          actions.push(quickFix(fix.title, diagnostic, versionedEdit(doc.uri, doc.version, toTextEdits(fix), documentChanges), !!fix.preferred));
        }
        const sameRule = result.findings.filter((f) => f.ruleId === finding.ruleId && f.fixes.some((x) => x.preferred));
        if (sameRule.length > 1) {
          actions.push(quickFix(`Fix all ${finding.ruleId} problems`, undefined, fixAllEdit(doc, sameRule).edit, false));
        }
        const target = suppressionTarget(doc);
        if (target) {
          const entry = suppressionFor(doc.getText(), finding, target.file);
          actions.push({
            title: `Ignore this ${finding.ruleId} finding (kept in ${SUPPRESSIONS_FILE}, not in the letter)`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title: 'Ignore this finding', command: COMMAND_SUPPRESS, arguments: [target.storePath, entry] },
          });
        }
        // An inline comment is text in the letter: offered in Markdown only, where it is invisible when
        // rendered, and never in a plain-text letter, where it would land in what is sent.
        if (doc.languageId === 'markdown') actions.push(disableAction(doc, finding, diagnostic, 'line'), disableAction(doc, finding, diagnostic, 'document'));
        if (ruleDocCommand) {
          actions.push({ title: `Show documentation for ${finding.ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Show documentation for ${finding.ruleId}`, command: COMMAND_SHOW_RULE_DOC, arguments: [finding.ruleId] } });
        }
      }
    }
    if (wantsFixAll || !only) {
      const { edit, applied } = fixAllEdit(doc, result.findings);
      if (applied > 0) actions.push({ title: 'Fix all auto-fixable IMR problems', kind: FIX_ALL_KIND, edit });
    }
    return actions;
  }

  function disableAction(doc: TextDocument, finding: Finding, diagnostic: Diagnostic, scope: 'line' | 'document'): CodeAction {
    const text = doc.getText();
    const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
    const line = finding.range.start.line;
    const at = scope === 'line' ? { line, character: 0 } : { line: 0, character: 0 };
    const lineText = text.slice(doc.offsetAt({ line, character: 0 }), doc.offsetAt({ line: line + 1, character: 0 }));
    const indent = scope === 'line' ? /^[ \t]*/.exec(lineText)![0] : '';
    const comment = scope === 'line' ? `<!-- imr-lint-disable-next-line ${finding.ruleId} -->` : `<!-- imr-lint-disable ${finding.ruleId} -->`;
    const title = scope === 'line' ? `Disable ${finding.ruleId} for this line (comment in the letter)` : `Disable ${finding.ruleId} for this document (comment in the letter)`;
    return quickFix(title, diagnostic, versionedEdit(doc.uri, doc.version, [{ range: { start: at, end: at }, newText: `${indent}${comment}${eol}` }], documentChanges), false);
  }

  connection.onExecuteCommand(async (params) => {
    if (params.command === COMMAND_SUPPRESS) {
      const [storePath, entry] = (params.arguments ?? []) as [string, Suppression];
      // Only ever a suppressions file: the path comes back from our own code action.
      if (typeof storePath !== 'string' || !storePath.endsWith(join('', SUPPRESSIONS_FILE)) || !entry || typeof entry.rule !== 'string') return;
      const problem = suppressionStore.record(storePath, entry);
      if (problem) connection.window.showErrorMessage(`IMR: the finding was not ignored: ${storePath}: ${problem}.`);
      relintAll();
      return;
    }
    if (params.command !== COMMAND_FIX_ALL) return;
    const [uri, version] = (params.arguments ?? []) as [string, number | undefined];
    const doc = uri ? documents.get(uri) : undefined;
    if (!doc || (version !== undefined && version !== doc.version)) return;
    const entry = ensureLinted(doc);
    if (!entry.result) return;
    const { edit, applied } = fixAllEdit(doc, entry.result.findings);
    if (applied > 0) await connection.workspace.applyEdit({ label: 'Fix all auto-fixable IMR problems', edit });
  });

  connection.onNotification(WORKSPACE_TRUSTED, () => {
    trusted = true;
    configChanged();
  });

  // "IMR: Check All Determinations in Folder": letters that are not open get their problems in the
  // Problems view, as the CLI would report them (folderCheck.ts).
  const folderChecked = new Set<string>();
  connection.onRequest(CHECK_FOLDER, (params: CheckFolderParams, token) =>
    checkFolder(params, token, {
      isOpen: (uri) => documents.get(uri) !== undefined,
      lint: (uri, languageId, text) => lintDocument(TextDocument.create(uri, languageId, 0, text)),
      publish: (uri, diagnostics) => {
        if (diagnostics.length) folderChecked.add(uri);
        else folderChecked.delete(uri);
        connection.sendDiagnostics({ uri, diagnostics });
      },
      progress: (p) => connection.sendNotification(CHECK_FOLDER_PROGRESS, p),
    }),
  );

  registerFeatures(
    connection,
    documents,
    (doc) => {
      const entry = ensureLinted(doc);
      return entry.result ? { result: entry.result, table: entry.table } : undefined;
    },
    (doc) => {
      const entry = ensureLinted(doc);
      if (entry.result) return { result: entry.result, table: entry.table };
      const text = doc.getText();
      if (!settings.enable || doc.languageId !== 'markdown' || text.length > 20000 || !begunAsDetermination(text)) return undefined;
      return { result: lint(text, { languageId: 'markdown', guidelines: guidelines?.table }), table: guidelines?.table };
    },
    () => ({ codeLens: settings.codeLens, inlayHints: settings.inlayHints }),
  );

  documents.listen(connection);
  connection.listen();
}
