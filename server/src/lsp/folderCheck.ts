// Checks every determination under a folder from the editor: the CLI's walk (cli/files.ts) and its
// reading rules (cli/fileio.ts), the server's lint (so the project file and the settings apply as for an
// open document), one file per turn of the event loop so that typing and cancelling stay responsive.
import { pathToFileURL } from 'node:url';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { DEFAULT_MAX_SIZE, readLetter } from '../cli/fileio.js';
import { expandArguments, languageOf } from '../cli/files.js';
import type { LintResult } from '../engine.js';
import { uriToPath } from './guidelineSource.js';
import type { CheckFolderParams, CheckFolderProgress, CheckFolderResult } from './protocol.js';

export interface FolderCheckHost {
  isOpen(uri: string): boolean;
  /** The server's lint of one document; no result when it is not a determination (or is ignored). */
  lint(uri: string, languageId: string, text: string): { result?: LintResult; diagnostics: Diagnostic[] };
  publish(uri: string, diagnostics: Diagnostic[]): void;
  progress(p: CheckFolderProgress): void;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function checkFolder(params: CheckFolderParams, token: CancellationToken, host: FolderCheckHost): Promise<CheckFolderResult> {
  const t0 = Date.now();
  const out: CheckFolderResult = { checked: 0, withProblems: 0, errors: 0, warnings: 0, infos: 0, skipped: 0, open: 0, cancelled: false, ms: 0 };
  const folder = typeof params?.uri === 'string' ? uriToPath(params.uri) : undefined;
  if (!folder) return { ...out, error: 'Only a folder on disk can be checked.' };
  const { files, problems } = expandArguments([folder], folder);
  if (problems.length && files.length === 0) return { ...out, error: problems.join(' '), ms: Date.now() - t0 };
  let last = 0;
  for (let i = 0; i < files.length; i++) {
    if (token.isCancellationRequested) {
      out.cancelled = true;
      break;
    }
    const uri = pathToFileURL(files[i]).toString();
    if (host.isOpen(uri)) out.open++;
    else {
      const read = readLetter(files[i], DEFAULT_MAX_SIZE);
      const linted = read.ok ? host.lint(uri, languageOf(files[i]), read.text) : undefined;
      if (!linted?.result) out.skipped++;
      else {
        out.checked++;
        const ds = linted.diagnostics;
        if (ds.length) out.withProblems++;
        for (const d of ds) d.severity === 1 ? out.errors++ : d.severity === 2 ? out.warnings++ : out.infos++;
        host.publish(uri, ds);
      }
    }
    // A few progress messages a second, not one per file.
    if (Date.now() - last > 100 || i === files.length - 1) {
      last = Date.now();
      host.progress({ done: i + 1, total: files.length });
    }
    await turn();
  }
  out.ms = Date.now() - t0;
  return out;
}
