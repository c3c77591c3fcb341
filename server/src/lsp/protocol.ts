// Names shared by the language server and the VS Code client (which bundles this file). No imports:
// the client must not pull the engine in.

/** Server -> client notification: a document's lint started or finished (for the status bar item). */
export const LINT_STATUS = 'imr/lintStatus';

export interface LintStatusParams {
  uri: string;
  version: number;
  /** true when a lint started; false when its diagnostics were published (or it was dropped). */
  busy: boolean;
  /** Counts by severity when done; absent while busy. */
  errors?: number;
  warnings?: number;
  infos?: number;
  /** false when the document is not a determination (no diagnostics, no status). */
  determination?: boolean;
  /** The decision when done: how many disputed items, and how many of them Upheld and Overturned. */
  items?: number;
  upheld?: number;
  overturned?: number;
}

/** Client -> server request: lint every determination under a folder; answers when done or cancelled. */
export const CHECK_FOLDER = 'imr/checkFolder';
export interface CheckFolderParams {
  /** The folder's file: URI. */
  uri: string;
}
export interface CheckFolderResult {
  /** Letters linted (open documents are not: they have their own diagnostics). */
  checked: number;
  /** Of those, how many have a problem, and the problems by severity. */
  withProblems: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Files skipped: not a determination, ignored by the project file, unreadable or too large. */
  skipped: number;
  /** Open documents left to their live diagnostics. */
  open: number;
  cancelled: boolean;
  ms: number;
  /** Why the folder could not be checked at all. */
  error?: string;
}
/** Server -> client notification while a folder check runs. */
export const CHECK_FOLDER_PROGRESS = 'imr/checkFolderProgress';
export interface CheckFolderProgress {
  done: number;
  total: number;
}

/** Client -> server notification: the workspace was trusted (a project file's table path may be read now). */
export const WORKSPACE_TRUSTED = 'imr/workspaceTrusted';

/** Commands the server executes (workspace/executeCommand). */
export const COMMAND_FIX_ALL = 'imr.server.fixAll';
/** Records a suppression in .imr-lint/suppressions.json: arguments [storePath, entry]. */
export const COMMAND_SUPPRESS = 'imr.server.suppress';

/** A client command (VS Code: opens the rule's page in the Markdown preview): arguments [ruleId]. */
export const COMMAND_SHOW_RULE_DOC = 'imr.showRuleDoc';

/** The code action kind of "Fix all auto-fixable problems" (editor.codeActionsOnSave: {"source.fixAll.imr": "explicit"}). */
export const FIX_ALL_KIND = 'source.fixAll.imr';

/** Diagnostic source shown in the Problems list. */
export const SOURCE = 'imr-lint';

/** Settings section read through workspace/configuration. */
export const SETTINGS_SECTION = 'imr';

/** initializationOptions the client sends. */
export interface InitializationOptions {
  /** Whether the workspace is trusted; file paths from workspace settings are ignored otherwise. */
  trusted?: boolean;
  /** The client has COMMAND_SHOW_RULE_DOC, so the server offers "Show documentation for <rule>". */
  ruleDocCommand?: boolean;
}
