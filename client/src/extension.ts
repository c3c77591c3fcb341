// The VS Code side of imr-lint: starts the language server (dist/server.cjs) over node IPC and adds what
// only the editor can do: the status bar item, commands, crash handling, workspace-trust filtering of
// settings. No rule, no parsing here: the server owns all of that (the same engine as the CLI).
// This is the only module that imports 'vscode'. Activation does no synchronous file I/O.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  DidChangeConfigurationNotification,
  ErrorAction,
  type ErrorHandler,
  type ErrorHandlerResult,
  ExecuteCommandRequest,
  LanguageClient,
  MessageType,
  type LanguageClientOptions,
  type ServerOptions,
  ShowMessageNotification,
  ShowMessageRequest,
  type MessageActionItem,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import {
  CHECK_FOLDER,
  CHECK_FOLDER_PROGRESS,
  type CheckFolderProgress,
  type CheckFolderResult,
  COMMAND_FIX_ALL,
  COMMAND_SHOW_RULE_DOC,
  FIX_ALL_KIND,
  WORKSPACE_TRUSTED,
  type InitializationOptions,
  LINT_STATUS,
  type LintStatusParams,
  SETTINGS_SECTION,
} from '../../server/src/lsp/protocol.js';
import { DETERMINATION, DISPUTED_ITEM } from './snippets.js';
import { type DocStatus, nextStatus, statusView, typedSnippetPrefix, withUserGuidelines } from './state.js';

const NAME = 'IMR Determinations';
const LANGUAGES = ['markdown', 'plaintext'];
/** Files on disk and unsaved editors; not git/diff views or virtual file systems. */
export const DOCUMENT_SELECTOR = [
  ...LANGUAGES.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]),
  // The project configuration: the server reads its unsaved text and shows its mistakes in place.
  { scheme: 'file', pattern: '**/.imr-lint.jsonc' },
];
/** The project configuration file's name (server/src/config/projectConfig.ts CONFIG_FILE). */
const CONFIG_FILE = '.imr-lint.jsonc';
/** Crash policy: restart up to this many times within the window, then stop and say so. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** What activate() returns: for tests and other extensions; no engine types leak through. */
export interface ImrExtensionApi {
  /** Resolves once the language server has started (rejects if it could not start). */
  ready: Promise<void>;
  /** The status bar item as shown now (for tests). */
  status(): { visible: boolean; text: string; tooltip: string };
  /** Fires whenever the status bar item changes. */
  onDidChangeStatus: vscode.Event<void>;
  /** The messages the server asked to show (window/showMessage[Request]), oldest first (for tests: a notification cannot be read back). */
  messages(): readonly ShownMessage[];
  /** Fires after each such message was shown. */
  onDidShowMessage: vscode.Event<ShownMessage>;
}

export interface ShownMessage {
  type: 'error' | 'warning' | 'info';
  message: string;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ImrExtensionApi {
  const output = vscode.window.createOutputChannel(NAME, { log: true });
  const statusBar = new LintStatusBar();
  const errorHandler = new RestartingErrorHandler(output);
  context.subscriptions.push(output, statusBar);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // Evaluated at every (re)start, so a restart after trust was granted sends the new value.
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, ruleDocCommand: true }),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: output,
    errorHandler,
    middleware: {
      workspace: {
        // Settings the server pulls (workspace/configuration): in an untrusted workspace a workspace value
        // of imr.guidelines (a path to a file the server would read) is replaced by the user's own value.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
          return params.items.map((item, i) => restrictUntrusted(item.section, item.scopeUri, result[i]));
        },
        // Settings pushed on change: the same filtering, so no path set by the workspace reaches the server.
        didChangeConfiguration: async (sections, next) => {
          if (vscode.workspace.isTrusted || !client) return next(sections);
          await client.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { [SETTINGS_SECTION]: restrictUntrusted(SETTINGS_SECTION, undefined, settingsObject()) },
          });
        },
      },
    },
  };

  const docs = new RuleDocs(context);
  const lc = new LanguageClient('imr', NAME, serverOptions, clientOptions);
  client = lc;
  lc.onNotification(LINT_STATUS, (p: LintStatusParams) => statusBar.update(p));
  // The server's messages (window/showMessage and window/showMessageRequest: vscode-languageserver's
  // showErrorMessage is the request) are shown as the client library would show them, also logged, and kept
  // for the test API. Ours replace the library's handlers (registered before ours, again at every start).
  const shown: ShownMessage[] = [];
  const onShown = new vscode.EventEmitter<ShownMessage>();
  context.subscriptions.push(onShown);
  const show = (type: MessageType, message: string, actions: MessageActionItem[] = []): Thenable<MessageActionItem | undefined> => {
    const m: ShownMessage = { type: type === MessageType.Error ? 'error' : type === MessageType.Warning ? 'warning' : 'info', message };
    if (shown.push(m) > 100) shown.shift();
    output[m.type === 'error' ? 'error' : m.type === 'warning' ? 'warn' : 'info'](message);
    const shownNow =
      m.type === 'error' ? vscode.window.showErrorMessage(message, ...actions) : m.type === 'warning' ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions);
    onShown.fire(m);
    return shownNow;
  };
  lc.onNotification(ShowMessageNotification.type, ({ type, message }) => void show(type, message));
  lc.onRequest(ShowMessageRequest.type, async ({ type, message, actions }) => (await show(type, message, actions)) ?? null);
  context.subscriptions.push(
    lc.onDidChangeState((e) => {
      if (e.newState !== State.Running) statusBar.clear();
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('imr.restartServer', async () => {
      errorHandler.reset();
      try {
        if (lc.state === State.Stopped) await lc.start();
        else await lc.restart();
        output.info('Language server restarted on request.');
      } catch (e) {
        output.error(`Restart failed: ${(e as Error).message}`);
        void vscode.window.showErrorMessage(`IMR language server could not be restarted: ${(e as Error).message}`, 'Show Output').then((c) => c && output.show(true));
      }
    }),
    vscode.commands.registerCommand('imr.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('imr.fixAll', () => fixAll(lc)),
    vscode.commands.registerCommand('imr.insertDisputedItem', insertDisputedItem),
    // A code lens's click: the hover of the guideline row at the item's treatment or drug.
    vscode.commands.registerCommand('imr.showHoverAt', showHoverAt),
    vscode.commands.registerCommand(COMMAND_SHOW_RULE_DOC, (id: unknown) => docs.show(id)),
    vscode.commands.registerCommand('imr.checkFolder', (folder?: vscode.Uri) => checkFolder(lc, folder)),
    vscode.commands.registerCommand('imr.newDetermination', newDetermination),
    vscode.commands.registerCommand('imr.openSample', () => openSample(context)),
    vscode.commands.registerCommand('imr.createConfig', createConfig),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new LintTaskProvider(context)),
    docs,
    // "imr" typed at the start of a line opens the suggestions with the IMR snippets.
    vscode.workspace.onDidChangeTextDocument((e) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || e.document !== editor.document || e.contentChanges.length !== 1) return;
      if (e.document.languageId !== 'markdown' && e.document.languageId !== 'plaintext') return;
      const change = e.contentChanges[0];
      if (change.text.length !== 1 || !change.range.isEmpty) return;
      const at = change.range.start;
      if (typedSnippetPrefix(e.document.lineAt(at.line).text.slice(0, at.character + 1))) void vscode.commands.executeCommand('editor.action.triggerSuggest');
    }),
    // A workspace just trusted: send the settings again; the server pulls them, now unfiltered.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (!lc.isRunning()) return;
      output.info('Workspace trusted: settings sent again (workspace imr.guidelines and a table a project file names now apply).');
      void lc.sendNotification(WORKSPACE_TRUSTED);
      void lc.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SETTINGS_SECTION]: settingsObject() } });
    }),
  );

  const ready = lc.start().catch((e: Error) => {
    output.error(`The language server did not start: ${e.message}`);
    void vscode.window.showErrorMessage(`IMR language server did not start: ${e.message}`, 'Show Output').then((c) => c && output.show(true));
    throw e;
  });
  ready.catch(() => undefined); // reported above; callers awaiting `ready` still see the rejection
  return { ready, status: () => statusBar.snapshot(), onDidChangeStatus: statusBar.onDidChange, messages: () => [...shown], onDidShowMessage: onShown.event };
}

export function deactivate(): Thenable<void> | undefined {
  const c = client;
  client = undefined;
  return c?.stop();
}

/** The imr.* settings as a plain object, as the server reads them. */
function settingsObject(scope?: vscode.Uri): Record<string, unknown> {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION, scope))) as Record<string, unknown>;
}

/** The user's own imr.guidelines (never the workspace's), or the default. */
function userGuidelines(scopeUri?: string): string {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const inspected = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).inspect<string>('guidelines');
  return inspected?.globalValue ?? inspected?.defaultValue ?? '';
}

/** Replaces imr.guidelines inside a configuration value by the user-level value (untrusted workspaces). */
function restrictUntrusted(section: string | undefined, scopeUri: string | undefined, value: unknown): unknown {
  return withUserGuidelines(SETTINGS_SECTION, section, value, userGuidelines(scopeUri));
}

function isImrDocument(doc: vscode.TextDocument): boolean {
  return LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

/** Applies every preferred fix of the active document: the server's command, for exactly this version. */
async function fixAll(lc: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isImrDocument(editor.document)) {
    void vscode.window.showInformationMessage('IMR: open a Markdown or plain-text determination to fix it.');
    return;
  }
  const doc = editor.document;
  const version = doc.version;
  if (lc.isRunning()) {
    // The server checks the version, computes the edit and applies it through workspace/applyEdit.
    await lc.sendRequest(ExecuteCommandRequest.type, { command: COMMAND_FIX_ALL, arguments: [lc.code2ProtocolConverter.asUri(doc.uri), version] });
    if (doc.version === version) vscode.window.setStatusBarMessage('IMR: no auto-fixable problems', 3000);
    return;
  }
  await vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' });
}

async function insertDisputedItem(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('IMR: open a determination to insert a disputed item.');
    return;
  }
  const lang = editor.document.languageId === 'plaintext' ? 'plaintext' : 'markdown';
  await editor.insertSnippet(new vscode.SnippetString(DISPUTED_ITEM.body[lang].join('\n')));
}

/**
 * The rule pages shipped in the extension (docs/rules/<id>.md), shown in the Markdown preview with no
 * network. The diagnostics link to the page's file; opened as text from such a link, it turns into the
 * preview (unless the pages are in a workspace folder: someone is editing them).
 */
class RuleDocs implements vscode.Disposable {
  private readonly dir: string;
  private readonly disposable: vscode.Disposable;

  constructor(context: vscode.ExtensionContext) {
    this.dir = context.asAbsolutePath(path.join('docs', 'rules'));
    this.disposable = vscode.window.onDidChangeActiveTextEditor((editor) => {
      const uri = editor?.document.uri;
      if (!uri || uri.scheme !== 'file' || path.dirname(uri.fsPath) !== this.dir || !uri.fsPath.endsWith('.md')) return;
      if (editor.document.isDirty || vscode.workspace.getWorkspaceFolder(uri)) return;
      void this.preview(uri, editor);
    });
  }

  /** "Show documentation for <rule>" and the settings' links: the page, rendered. */
  async show(id: unknown): Promise<void> {
    if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id)) return;
    const uri = vscode.Uri.file(path.join(this.dir, `${id}.md`));
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      void vscode.window.showWarningMessage(`IMR: no documentation page for "${id}" in this installation.`);
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  }

  private async preview(uri: vscode.Uri, editor: vscode.TextEditor): Promise<void> {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString() && t.group.viewColumn === editor.viewColumn);
    if (tab) await vscode.window.tabGroups.close(tab, true);
  }

  dispose(): void {
    this.disposable.dispose();
  }
}

/** "IMR: Check All Determinations in Folder": the server lints the letters that are not open. */
async function checkFolder(lc: LanguageClient, given?: vscode.Uri): Promise<CheckFolderResult | undefined> {
  let folder = given instanceof vscode.Uri ? given : undefined;
  if (!folder) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) folder = folders[0].uri;
    else if (folders.length > 1) folder = (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder whose determinations to check' }))?.uri;
    else folder = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Check' }))?.[0];
  }
  if (!folder) return undefined;
  if (folder.scheme !== 'file') {
    void vscode.window.showWarningMessage('IMR: only a folder on disk can be checked.');
    return undefined;
  }
  const target = folder;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `IMR: checking ${path.basename(target.fsPath)}`, cancellable: true },
    async (progress, token) => {
      let done = 0;
      const sub = lc.onNotification(CHECK_FOLDER_PROGRESS, (p: CheckFolderProgress) => {
        progress.report({ message: `${p.done} of ${p.total} files`, increment: p.total ? (100 * (p.done - done)) / p.total : 0 });
        done = p.done;
      });
      try {
        return await lc.sendRequest<CheckFolderResult>(CHECK_FOLDER, { uri: lc.code2ProtocolConverter.asUri(target) }, token);
      } finally {
        sub.dispose();
      }
    },
  );
  if (result.error) {
    void vscode.window.showWarningMessage(`IMR: ${result.error}`);
    return result;
  }
  const counts = `${result.errors} errors, ${result.warnings} warnings, ${result.infos} information`;
  const summary = `IMR: ${result.cancelled ? 'stopped after ' : ''}${result.checked} letter${result.checked === 1 ? '' : 's'} checked, ${result.withProblems} with problems (${counts})${result.open ? `; ${result.open} open in the editor keep their own` : ''}.`;
  void vscode.window.showInformationMessage(summary);
  if (result.withProblems > 0) void vscode.commands.executeCommand('workbench.actions.view.problems');
  return result;
}

/** "IMR: New Determination": an untitled Markdown document with the skeleton, its fields to tab through. */
async function newDetermination(): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(DETERMINATION.body.markdown.join('\n')));
}

/** The walkthrough's sample letter, as an untitled copy (the reviewer may edit it freely). */
async function openSample(context: vscode.ExtensionContext): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(context.asAbsolutePath(path.join('examples', 'seed-style-problems.md'))));
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(doc);
}

const CONFIG_TEMPLATE = `// imr-lint project configuration: read by the editor and by the imr-lint command line alike.
// Every key is optional. Hover a key for its meaning; the rule pages say what each rule checks.
{
  // Severity per rule: "off", "info", "warning" or "error".
  "rules": {
    // "visits-over-limit": "warning"
  },
  // A guideline table whose rows extend the built-in limits (a path relative to this file).
  // "guidelines": "guidelines.json",
  // Files never checked, relative to this file.
  "ignore": []
}
`;

/** The walkthrough's "project configuration" step: the workspace folder's file, created when missing. */
async function createConfig(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage(`IMR: open a folder first; ${CONFIG_FILE} goes at its top, beside the letters.`);
    return;
  }
  const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(CONFIG_TEMPLATE));
  }
  await vscode.window.showTextDocument(uri);
}

const TASK_TYPE = 'imr-lint';

/**
 * The "imr-lint" task type: the bundled CLI over a folder (default: the workspace folder), its stylish
 * output read by the $imr-lint problem matcher (package.json). No colour and no progress bar, so every
 * line is one the matcher can read.
 */
class LintTaskProvider implements vscode.TaskProvider {
  constructor(private readonly context: vscode.ExtensionContext) {}

  provideTasks(): vscode.Task[] {
    return (vscode.workspace.workspaceFolders ?? []).map((f) => this.task({ type: TASK_TYPE, files: ['.'] }, f));
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const def = task.definition as { type: string; files?: unknown };
    const scope = task.scope && typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    return scope ? this.task({ type: TASK_TYPE, files: Array.isArray(def.files) ? def.files.map(String) : ['.'] }, scope, task.definition) : undefined;
  }

  private task(def: { type: string; files: string[] }, folder: vscode.WorkspaceFolder, definition: vscode.TaskDefinition = def): vscode.Task {
    const cli = this.context.asAbsolutePath(path.join('dist', 'cli.cjs'));
    const exec = new vscode.ProcessExecution(process.execPath, [cli, ...def.files], {
      cwd: folder.uri.fsPath,
      env: { ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1', TERM: 'dumb' },
    });
    const t = new vscode.Task(definition, folder, `check ${def.files.join(' ')}`, TASK_TYPE, exec, '$imr-lint');
    t.group = vscode.TaskGroup.Test;
    return t;
  }
}

/**
 * Restarts the server after a crash, up to MAX_RESTARTS times in RESTART_WINDOW_MS; tells the user once
 * that it happened, and when it gives up.
 */
class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  reset(): void {
    this.restarts = [];
    this.told = false;
  }

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.output.error(`Connection error: ${error.message}`);
    // A few write/read errors can be transient; a steady stream means the server is gone.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      const msg = `IMR language server crashed ${MAX_RESTARTS + 1} times in ${RESTART_WINDOW_MS / 60000} minutes and was stopped. Run "IMR: Restart Language Server" to try again.`;
      this.output.error(msg);
      void vscode.window.showErrorMessage(msg, 'Show Output').then((c) => c && this.output.show(true));
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restarts.push(now);
    this.output.warn(`The language server stopped unexpectedly; restarting (${this.restarts.length} of ${MAX_RESTARTS} in ${RESTART_WINDOW_MS / 60000} minutes).`);
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage('IMR language server crashed and was restarted.', 'Show Output').then((c) => c && this.output.show(true));
    }
    return { action: CloseAction.Restart, handled: true };
  }
}

/** "$(check) IMR" / "$(error) 2 $(warning) 1" for the active document, from the server's lint status. */
class LintStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('imr.status', vscode.StatusBarAlignment.Right, 101);
  private readonly docs = new Map<string, DocStatus>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private visible = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    this.item.name = NAME;
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.docs.delete(d.uri.toString());
        this.render();
      }),
    );
  }

  update(p: LintStatusParams): void {
    const next = nextStatus(this.docs.get(p.uri), p, Date.now());
    if (!next) return; // a late message about an older version
    this.docs.set(p.uri, next);
    this.render();
  }

  clear(): void {
    this.docs.clear();
    this.render();
  }

  snapshot(): { visible: boolean; text: string; tooltip: string } {
    return { visible: this.visible, text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '') };
  }

  private render(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const doc = vscode.window.activeTextEditor?.document;
    const view = statusView(doc && isImrDocument(doc) ? this.docs.get(doc.uri.toString()) : undefined, Date.now());
    if (view.recheckInMs !== undefined) this.timer = setTimeout(() => this.render(), view.recheckInMs);
    if (view.visible) this.show(view.text, view.tooltip);
    else this.hide();
  }

  private show(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: tooltip };
    this.item.show();
    this.visible = true;
    this.changed.fire();
  }

  private hide(): void {
    this.item.hide();
    this.visible = false;
    this.changed.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    this.item.dispose();
  }
}

/** Moves the cursor to `position` in the document `uri` and shows the hover there. */
async function showHoverAt(uri: unknown, position: unknown): Promise<void> {
  const p = position as { line?: unknown; character?: unknown } | undefined;
  if (typeof uri !== 'string' || typeof p?.line !== 'number' || typeof p.character !== 'number') return;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preserveFocus: false });
  const at = new vscode.Position(p.line, p.character);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at));
  await vscode.commands.executeCommand('editor.action.showHover');
}
