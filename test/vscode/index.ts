// Extension-host tests: run inside a real VS Code (by @vscode/test-electron through test/vscode/runTest.ts,
// or by code-server with extensionTestsPath). The module only exports run(); it does not know its runner.
// It waits on events (diagnostics changes, the extension's status changes), never on fixed sleeps; each
// wait has a deadline only so that a broken build fails instead of hanging.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { SNIPPETS } from '../../client/src/snippets.js';
import { docUrl } from '../../server/src/rules/rule.js';
import { expandSnippet } from './snippetExpand.js';

const EXTENSION_ID = 'imr-tools.imr-determination-lint';
const SOURCE = 'imr-lint';
const WAIT_MS = Number(process.env.IMR_VSCODE_WAIT_MS ?? 30_000);

interface Api {
  ready: Promise<void>;
  status(): { visible: boolean; text: string; tooltip: string };
  onDidChangeStatus: vscode.Event<void>;
}

type Case = { name: string; fn: () => Promise<void> };
const cases: Case[] = [];
const test = (name: string, fn: () => Promise<void>) => cases.push({ name, fn });

let api: Api;
let dir: string;

/** Resolves when `check()` holds, re-checking whenever one of `events` fires. */
function waitFor<T>(what: string, check: () => T | undefined | false, events: vscode.Event<unknown>[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = (f: () => void) => {
      clearTimeout(timer);
      for (const s of subs) s.dispose();
      f();
    };
    const timer = setTimeout(() => done(() => reject(new Error(`Timed out after ${WAIT_MS} ms waiting for ${what}`))), WAIT_MS);
    const attempt = () => {
      try {
        const v = check();
        if (v) done(() => resolve(v));
      } catch (e) {
        done(() => reject(e));
      }
    };
    for (const e of events) subs.push(e(attempt));
    attempt();
  });
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

function diagnosticsWhen(uri: vscode.Uri, what: string, ok: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const d = ours(uri);
    return ok(d) ? d : undefined;
  }, [vscode.languages.onDidChangeDiagnostics]);
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const rangeOf = (r: vscode.Range) => [r.start.line, r.start.character, r.end.line, r.end.character];

function sharedDir(): string {
  if (process.env.IMR_SHARED_DIR) return process.env.IMR_SHARED_DIR;
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return join(ext.extensionPath, '..', 'shared');
}

function seedText(): string {
  const seedDir = join(sharedDir(), 'seed');
  assert.ok(existsSync(seedDir), `the seed is at ${seedDir} (set IMR_SHARED_DIR)`);
  const f = readdirSync(seedDir).find((n) => n.endsWith('.txt') || n.endsWith('.md'));
  assert.ok(f, `a seed letter in ${seedDir}`);
  return readFileSync(join(seedDir, f), 'utf8');
}

/** A copy of the seed as a Markdown file on disk (scheme file), opened in an editor. */
async function openSeedCopy(name: string): Promise<vscode.TextEditor> {
  const file = join(dir, name);
  writeFileSync(file, seedText());
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  assert.equal(doc.languageId, 'markdown');
  return vscode.window.showTextDocument(doc);
}

test('the extension activates on a Markdown determination and its server starts', async () => {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  await openSeedCopy('activation.md');
  api = await ext.activate();
  assert.ok(ext.isActive);
  await api.ready;
  const commands = await vscode.commands.getCommands(true);
  for (const c of ['imr.restartServer', 'imr.showOutput', 'imr.fixAll', 'imr.insertDisputedItem']) assert.ok(commands.includes(c), c);
});

test('the seed: exactly injury-date-mismatch and visits-over-limit, at their exact ranges, with codes and doc links', async () => {
  const editor = await openSeedCopy('seed.md');
  const uri = editor.document.uri;
  const diags = await diagnosticsWhen(uri, 'the seed diagnostics', (d) => d.length >= 2);
  assert.deepEqual(diags.map(codeOf).sort(), ['injury-date-mismatch', 'visits-over-limit']);

  const injury = diags.find((d) => codeOf(d) === 'injury-date-mismatch')!;
  assert.deepEqual(rangeOf(injury.range), [15, 213, 15, 230]);
  assert.equal(editor.document.getText(injury.range), 'December 22, 2009');
  assert.equal(injury.severity, vscode.DiagnosticSeverity.Error);
  assert.match(injury.message, /10\/22\/2009/);
  assert.equal(typeof injury.code === 'object' && injury.code.target.toString(true), docUrl('injury-date-mismatch'));
  assert.ok(injury.relatedInformation?.some((r) => r.location.range.start.line === 3 && r.location.range.start.character === 56));

  const visits = diags.find((d) => codeOf(d) === 'visits-over-limit')!;
  assert.deepEqual(rangeOf(visits.range), [21, 45, 21, 56]);
  assert.equal(editor.document.getText(visits.range), '12 SESSIONS');
  assert.equal(visits.severity, vscode.DiagnosticSeverity.Information, 'Upheld over the limit is consistent: information');
  assert.match(visits.message, /4-6 visits/);
  assert.equal(typeof visits.code === 'object' && visits.code.target.toString(true), docUrl('visits-over-limit'));

  const status = await waitFor('the status bar counts', () => {
    const s = api.status();
    return s.visible && s.text === '$(error) 1 $(warning) 0' ? s : undefined;
  }, [api.onDidChangeStatus]);
  assert.match(status.tooltip, /1 error, 0 warnings, 1 information/);
});

test('the preferred quick fix, through vscode.executeCodeActionProvider and workspace.applyEdit, clears its diagnostic', async () => {
  const editor = await openSeedCopy('quickfix.md');
  const doc = editor.document;
  const diags = await diagnosticsWhen(doc.uri, 'injury-date-mismatch', (d) => d.some((x) => codeOf(x) === 'injury-date-mismatch'));
  const injury = diags.find((d) => codeOf(d) === 'injury-date-mismatch')!;
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    injury.range,
    vscode.CodeActionKind.QuickFix.value,
    10,
  );
  // A bare Command has a string `command`; a CodeAction's `command`, if any, is an object.
  const fixes = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
  // (vscode.executeCodeActionProvider does not return an action's diagnostics: find it by its title.)
  const preferred = fixes.find((a) => a.isPreferred && /October 22, 2009/.test(a.title));
  assert.ok(preferred, `a preferred fix among ${fixes.map((a) => a.title).join(' | ')}`);
  assert.ok(preferred.edit, 'the fix carries its edit');
  assert.ok(await vscode.workspace.applyEdit(preferred.edit));
  if (preferred.command) await vscode.commands.executeCommand(preferred.command.command, ...(preferred.command.arguments ?? []));
  assert.ok(doc.getText().includes('industrial injury date of October 22, 2009.'));
  const after = await diagnosticsWhen(doc.uri, 'injury-date-mismatch to clear', (d) => !d.some((x) => codeOf(x) === 'injury-date-mismatch') && d.length > 0);
  assert.deepEqual(after.map(codeOf), ['visits-over-limit']);
  // Also offered: fix all of this rule, disable for the line / document, as quick fixes.
  assert.ok(fixes.some((a) => /disable/i.test(a.title)), 'a disable action is offered');
});

test('IMR: Fix All Auto-Fixable Problems applies the preferred fixes of the document', async () => {
  const editor = await openSeedCopy('fixall.md');
  const doc = editor.document;
  await diagnosticsWhen(doc.uri, 'injury-date-mismatch', (d) => d.some((x) => codeOf(x) === 'injury-date-mismatch'));
  await vscode.commands.executeCommand('imr.fixAll');
  await diagnosticsWhen(doc.uri, 'fix all to clear injury-date-mismatch', (d) => !d.some((x) => codeOf(x) === 'injury-date-mismatch') && d.length > 0);
  assert.ok(doc.getText().includes('October 22, 2009'));
});

test('the determination snippet inserts what test/vscode/snippetExpand.ts predicts, and its placeholders are flagged', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  const skeleton = SNIPPETS.find((s) => s.name === 'IMR determination')!;
  const now = new Date();
  assert.ok(await editor.insertSnippet(new vscode.SnippetString(skeleton.body.markdown.join('\n'))));
  const expected = expandSnippet(skeleton.body.markdown, { now });
  assert.equal(doc.getText().replace(/\r\n/g, '\n'), expected.text);
  const diags = await diagnosticsWhen(doc.uri, 'unfilled-placeholder findings', (d) => d.some((x) => codeOf(x) === 'unfilled-placeholder'));
  const flagged = diags.filter((d) => codeOf(d) === 'unfilled-placeholder').map((d) => doc.getText(d.range));
  for (const p of ['[NUMBER]', 'XX/XX/XXXX', '[STATE]', '[SPECIALTY]', '[AGE]', '[TREATMENT]', '[GUIDELINE]', '[RATIONALE]']) assert.ok(flagged.includes(p), `${p} is flagged`);
  assert.ok(!diags.some((d) => codeOf(d) === 'verdict-conflict' || codeOf(d) === 'missing-section'));
});

test('the contributed snippets and IMR: Insert Disputed Item insert a disputed item', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('imr.insertDisputedItem');
  const item = SNIPPETS.find((s) => s.name === 'IMR disputed item')!;
  assert.equal(doc.getText().replace(/\r\n/g, '\n'), expandSnippet(item.body.plaintext).text);

  const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  await vscode.window.showTextDocument(md);
  // By name, as the user picks it from "Insert Snippet": proves snippets/markdown.code-snippets is contributed.
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'IMR disputed item' });
  assert.equal(md.getText().replace(/\r\n/g, '\n'), expandSnippet(item.body.markdown).text);
  assert.ok(editor);
});

/** Pids of the language servers this extension host started (Linux /proc; undefined where there is none). */
function serverPids(): number[] | undefined {
  if (!existsSync('/proc/self/cmdline')) return undefined;
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const ppid = Number(readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      if (ppid === process.pid && cmd.some((a) => a.endsWith(join('dist', 'server.cjs'))) && cmd.includes('--node-ipc')) pids.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

test('a crashed language server is restarted and the diagnostics come back', async () => {
  const before = serverPids();
  if (!before) {
    console.log('    (skipped: no /proc to find the server process)');
    return;
  }
  assert.equal(before.length, 1, `one language server process: ${before.join(', ')}`);
  const editor = await openSeedCopy('crash.md');
  await diagnosticsWhen(editor.document.uri, 'the seed diagnostics', (d) => d.length === 2);
  let cleared = false;
  const sub = vscode.languages.onDidChangeDiagnostics(() => {
    if (ours(editor.document.uri).length === 0) cleared = true;
  });
  try {
    process.kill(before[0], 'SIGKILL');
    // The client drops the dead server's diagnostics, restarts it, and the new server lints the open documents again.
    await diagnosticsWhen(editor.document.uri, 'diagnostics from a restarted server', (d) => {
      const now = serverPids() ?? [];
      return cleared && d.length === 2 && now.length === 1 && now[0] !== before[0];
    });
  } finally {
    sub.dispose();
  }
});

test('a Markdown file that is not a determination gets no diagnostics and no status item', async () => {
  const file = join(dir, 'notes.md');
  writeFileSync(file, '# Notes\n\nNothing to do with IMR. Priority: high.\n');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  await waitFor('the status item to hide', () => !api.status().visible, [api.onDidChangeStatus]);
  assert.deepEqual(ours(doc.uri), []);
});

/** Closes every editor without a save prompt (untitled and fixed documents are dirty). */
async function closeAll(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Entry point for @vscode/test-electron and code-server (extensionTestsPath). */
export async function run(): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'imr-vscode-'));
  const failures: string[] = [];
  for (const c of cases) {
    const t0 = Date.now();
    try {
      await c.fn();
      console.log(`  ✔ ${c.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failures.push(c.name);
      console.error(`  ✖ ${c.name}\n${(e as Error).stack ?? e}`);
    } finally {
      await closeAll();
    }
  }
  console.log(`${cases.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} extension-host test(s) failed: ${failures.join('; ')}`);
}
