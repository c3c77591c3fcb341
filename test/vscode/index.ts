// Extension-host tests: run inside a real VS Code, by @vscode/test-electron (test/vscode/runTest.ts,
// `npm run test:vscode`) or by code-server in headless Chromium (scripts/e2e/run.mjs, `npm run test:e2e`)
// with extensionTestsPath. The module only exports run(); it does not know its runner.
//
// The workspace folder the runner opens may be empty: the suite writes what it needs into it (the seed as
// seed.md, three real letters as letters/*.txt, an ordinary README.md; edited copies under scratch/) and
// sets the settings it tests in the workspace's own settings, restoring them afterwards.
// It waits on events (diagnostics changes, the extension's status and message events), never on fixed
// sleeps; each wait has a deadline only so that a broken build fails instead of hanging.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { SNIPPETS } from '../../client/src/snippets.js';
import { lint } from '../../server/src/engine.js';
import type { Finding } from '../../server/src/types.js';
import { expandSnippet } from './snippetExpand.js';
import { findPlaceholders } from '../../server/src/parse/placeholders.js';

const EXTENSION_ID = 'imr-tools.imr-determination-lint';
const SOURCE = 'imr-lint';
const WAIT_MS = Number(process.env.IMR_VSCODE_WAIT_MS ?? 30_000);
/** The real letters copied into the workspace (../shared/real-imr): one with a UR-date warning, one clean, one over a visit limit. */
const LETTERS = ['01.txt', '04.txt', '05.txt'];

interface ShownMessage {
  type: 'error' | 'warning' | 'info';
  message: string;
}
interface Api {
  ready: Promise<void>;
  status(): { visible: boolean; text: string; tooltip: string };
  onDidChangeStatus: vscode.Event<void>;
  messages(): readonly ShownMessage[];
  onDidShowMessage: vscode.Event<ShownMessage>;
}

type Case = { name: string; fn: () => Promise<void> };
const cases: Case[] = [];
const test = (name: string, fn: () => Promise<void>) => cases.push({ name, fn });

let api: Api;
/** The workspace folder (where seed.md, letters/ and README.md are). */
let ws: string;

/** Resolves when `check()` holds, re-checking whenever one of `events` fires. */
function waitFor<T>(what: string, check: () => T | undefined | false, events: vscode.Event<unknown>[], ms = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = (f: () => void) => {
      clearTimeout(timer);
      for (const s of subs) s.dispose();
      f();
    };
    const timer = setTimeout(() => done(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`))), ms);
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

function diagnosticsWhen(uri: vscode.Uri, what: string, ok: (d: vscode.Diagnostic[]) => boolean, ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const d = ours(uri);
    return ok(d) ? d : undefined;
  }, [vscode.languages.onDidChangeDiagnostics], ms);
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const codes = (ds: vscode.Diagnostic[]) => ds.map(codeOf).sort();
const has = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);
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

/** seed.md, letters/*.txt and README.md in the workspace folder, unless the runner put them there already. */
function prepareWorkspace(): void {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder && folder.uri.scheme === 'file', 'the runner opened a workspace folder on disk');
  ws = folder.uri.fsPath;
  mkdirSync(join(ws, 'letters'), { recursive: true });
  mkdirSync(join(ws, 'scratch'), { recursive: true });
  if (!existsSync(join(ws, 'seed.md'))) writeFileSync(join(ws, 'seed.md'), seedText());
  for (const l of LETTERS) {
    const from = join(sharedDir(), 'real-imr', l);
    assert.ok(existsSync(from), `the real letter ${from}`);
    if (!existsSync(join(ws, 'letters', l))) copyFileSync(from, join(ws, 'letters', l));
  }
  if (!existsSync(join(ws, 'README.md'))) {
    writeFileSync(join(ws, 'README.md'), '# Case notes\n\nDrafts of determinations live here. Priority: finish the massage therapy letters by Friday.\n\n- check the dates\n- cite the guideline\n');
  }
}

async function open(path: string, languageId?: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  if (languageId) assert.equal(doc.languageId, languageId, `${basename(path)} opens as ${languageId}`);
  return vscode.window.showTextDocument(doc);
}

/** A copy of the seed (scratch/<name>, on disk in the workspace), opened in an editor as Markdown. */
async function openSeedCopy(name: string): Promise<vscode.TextEditor> {
  const file = join(ws, 'scratch', name);
  writeFileSync(file, seedText());
  return open(file, 'markdown');
}

/** Waits for the seed's two findings, returns injury-date-mismatch. */
async function seedInjury(doc: vscode.TextDocument): Promise<vscode.Diagnostic> {
  const ds = await diagnosticsWhen(doc.uri, `the seed's diagnostics in ${basename(doc.uri.fsPath)}`, (d) => d.length === 2);
  assert.deepEqual(codes(ds), ['injury-date-mismatch', 'visits-over-limit']);
  return ds.find((d) => codeOf(d) === 'injury-date-mismatch')!;
}

async function setSetting(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Replaces, in document order, each occurrence of each placeholder by the next of its values (one WorkspaceEdit). */
async function fill(doc: vscode.TextDocument, values: Record<string, string[]>): Promise<void> {
  const text = doc.getText();
  const edit = new vscode.WorkspaceEdit();
  for (const [placeholder, list] of Object.entries(values)) {
    let from = 0;
    for (const value of list) {
      const at = text.indexOf(placeholder, from);
      assert.ok(at >= 0, `placeholder ${placeholder} occurs ${list.length} times`);
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + placeholder.length)), value);
      from = at + placeholder.length;
    }
  }
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
}

/** The engine's findings as the editor shows them: code and range. */
const engineView = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`).sort();
const editorView = (ds: vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

function flatten(symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[]): vscode.DocumentSymbol[] {
  const out: vscode.DocumentSymbol[] = [];
  const walk = (list: (vscode.DocumentSymbol | vscode.SymbolInformation)[]) => {
    for (const s of list) {
      if ('children' in s) {
        out.push(s);
        walk(s.children);
      }
    }
  };
  walk(symbols);
  return out;
}

const symbolsOf = async (uri: vscode.Uri) =>
  (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];

// 1. Activation; a plain-text letter; README.

test('opening the seed (Markdown) activates the extension; its server starts and its commands exist', async () => {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  console.log(`    extension under test: ${ext.extensionPath} (version ${ext.packageJSON.version})`);
  for (const e of ['onLanguage:markdown', 'onLanguage:plaintext']) assert.ok(ext.packageJSON.activationEvents.includes(e), `activation event ${e}`);
  const editor = await open(join(ws, 'seed.md'), 'markdown');
  // No activate() call: the diagnostics can only come from the extension that opening the document activated.
  await diagnosticsWhen(editor.document.uri, 'diagnostics on the seed (activation on Markdown)', (d) => d.length > 0);
  assert.ok(ext.isActive);
  api = ext.exports;
  await api.ready;
  const commands = await vscode.commands.getCommands(true);
  for (const c of ['imr.restartServer', 'imr.showOutput', 'imr.fixAll', 'imr.insertDisputedItem']) assert.ok(commands.includes(c), c);
});

test('plain-text real letters (letters/*.txt) are checked as plain text, with the findings of the engine', async () => {
  for (const l of LETTERS) {
    const editor = await open(join(ws, 'letters', l), 'plaintext');
    const doc = editor.document;
    const expected = engineView(lint(doc.getText(), { languageId: 'plaintext' }).findings);
    const ds = await diagnosticsWhen(doc.uri, `the diagnostics of ${l}`, (d) => editorView(d).join() === expected.join());
    console.log(`    ${l}: ${ds.length ? editorView(ds).join(', ') : 'no findings'}`);
    if (l === '01.txt') assert.ok(ds.some((d) => codeOf(d) === 'ur-date-mismatch'), '01.txt: its UR-date warning');
    await waitFor(`the status item for ${l}`, () => api.status().visible && /^\$\(law\) /.test(api.status().text), [api.onDidChangeStatus]);
  }
});

test('an ordinary README.md gets no diagnostics and no status item', async () => {
  const readme = vscode.Uri.file(join(ws, 'README.md'));
  // The language client sets the document's diagnostics once the server has answered for it (empty or not).
  let answered = false;
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === readme.toString())) answered = true;
  });
  try {
    await open(readme.fsPath, 'markdown');
    await waitFor('the server to answer for README.md', () => answered, [vscode.languages.onDidChangeDiagnostics]);
  } finally {
    sub.dispose();
  }
  assert.deepEqual(vscode.languages.getDiagnostics(readme), []);
  await waitFor('the status item to hide', () => !api.status().visible, [api.onDidChangeStatus]);
});

// 2. Diagnostics at exact ranges.

test('the seed: exactly injury-date-mismatch and visits-over-limit, at their exact ranges, with codes and doc links', async () => {
  const editor = await open(join(ws, 'seed.md'), 'markdown');
  const uri = editor.document.uri;
  const diags = await diagnosticsWhen(uri, 'the seed diagnostics', (d) => d.length >= 2);
  assert.deepEqual(codes(diags), ['injury-date-mismatch', 'visits-over-limit']);

  const injury = diags.find((d) => codeOf(d) === 'injury-date-mismatch')!;
  assert.deepEqual(rangeOf(injury.range), [15, 213, 15, 230]);
  assert.equal(editor.document.getText(injury.range), 'December 22, 2009');
  assert.equal(injury.severity, vscode.DiagnosticSeverity.Error);
  assert.match(injury.message, /10\/22\/2009/);
  assert.equal(typeof injury.code === 'object' && injury.code.target.scheme, 'file');
  assert.ok(typeof injury.code === 'object' && existsSync(injury.code.target.fsPath) && injury.code.target.fsPath.endsWith(join('docs', 'rules', 'injury-date-mismatch.md')));
  assert.ok(injury.relatedInformation?.some((r) => r.location.range.start.line === 3 && r.location.range.start.character === 56));

  const visits = diags.find((d) => codeOf(d) === 'visits-over-limit')!;
  assert.deepEqual(rangeOf(visits.range), [21, 45, 21, 56]);
  assert.equal(editor.document.getText(visits.range), '12 SESSIONS');
  assert.equal(visits.severity, vscode.DiagnosticSeverity.Information, 'Upheld over the limit is consistent: information');
  assert.match(visits.message, /4-6 visits/);
  assert.ok(typeof visits.code === 'object' && visits.code.target.fsPath.endsWith(join('docs', 'rules', 'visits-over-limit.md')));

  const status = await waitFor('the status bar: the decision, the counts in its tooltip', () => {
    const s = api.status();
    return s.visible && s.text === '$(law) 1 item: 1 Upheld' ? s : undefined;
  }, [api.onDidChangeStatus]);
  assert.match(status.tooltip, /1 error, 0 warnings, 1 information/);
});

// 3. Editing.

test("typing the header's date into the summary clears injury-date-mismatch within a second", async () => {
  const editor = await openSeedCopy('typing.md');
  const doc = editor.document;
  const injury = await seedInjury(doc);
  const select = () => {
    editor.selection = new vscode.Selection(injury.range.start, injury.range.end);
  };
  // Keystroke by keystroke through the editor's own `type` command: the first replaces the selected
  // "December 22, 2009". Some intermediate versions ("1", "10/2") have no date of injury at all, so the
  // clearing is awaited here, and timed below on a single edit.
  select();
  for (const ch of '10/22/2009') await vscode.commands.executeCommand('type', { text: ch });
  assert.ok(doc.getText().includes('industrial injury date of 10/22/2009.'), 'the date was typed over the selection');
  assert.ok(doc.isDirty);
  let after = await diagnosticsWhen(doc.uri, 'injury-date-mismatch to clear after typing', (d) => !has('injury-date-mismatch')(d) && d.length > 0);
  assert.deepEqual(codes(after), ['visits-over-limit']);

  // Undo brings the mismatch back; then the date typed in one go (one edit, as a paste or an accepted
  // completion): every version before it has the mismatch, so the time to its clearing is the real latency.
  for (let i = 0; i < 20 && !doc.getText().includes('injury date of December 22, 2009.'); i++) await vscode.commands.executeCommand('undo');
  assert.ok(doc.getText().includes('injury date of December 22, 2009.'), 'undo restored the date');
  await diagnosticsWhen(doc.uri, 'injury-date-mismatch back after undo', has('injury-date-mismatch'));
  select();
  const t0 = Date.now();
  await vscode.commands.executeCommand('type', { text: '10/22/2009' });
  after = await diagnosticsWhen(doc.uri, 'injury-date-mismatch to clear after the edit', (d) => !has('injury-date-mismatch')(d) && d.length > 0);
  const ms = Date.now() - t0;
  console.log(`    cleared ${ms} ms after the edit`);
  assert.ok(ms < 1000, `cleared within a second (${ms} ms)`);
  assert.deepEqual(codes(after), ['visits-over-limit']);
});

// 4. Quick fix, fix all, fix all on save.

/** A copy of the seed whose verdict contradicts its conclusion and which holds a phone number. */
async function openConflictCopy(name: string): Promise<vscode.TextEditor> {
  const file = join(ws, 'scratch', name);
  writeFileSync(file, seedText().replace('NECK:** Upheld', 'NECK:** Overturned').replace('graded 6/10.', 'graded 6/10. She can be reached at 555-201-7788.'));
  return open(file, 'markdown');
}
const CONFLICT_CODES = ['injury-date-mismatch', 'unredacted-phi', 'verdict-conflict', 'visits-over-limit'];

test('a suggestion is chosen from the menu, is not preferred, and clears its diagnostic when chosen', async () => {
  const editor = await openSeedCopy('quickfix.md');
  const doc = editor.document;
  const injury = await seedInjury(doc);
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
  const toHeader = fixes.find((a) => /October 22, 2009/.test(a.title));
  const toNarrative = fixes.find((a) => /Date of Injury to 12\/22\/2009/.test(a.title));
  assert.ok(toHeader && toNarrative, `both directions among ${fixes.map((a) => a.title).join(' | ')}`);
  assert.ok(!toHeader.isPreferred && !toNarrative.isPreferred, 'a choice between two dates is never preferred');
  assert.ok(toHeader.edit, 'the suggestion carries its edit');
  assert.ok(await vscode.workspace.applyEdit(toHeader.edit));
  if (toHeader.command) await vscode.commands.executeCommand(toHeader.command.command, ...(toHeader.command.arguments ?? []));
  assert.ok(doc.getText().includes('industrial injury date of October 22, 2009.'));
  const after = await diagnosticsWhen(doc.uri, 'injury-date-mismatch to clear', (d) => !has('injury-date-mismatch')(d) && d.length > 0);
  assert.deepEqual(codes(after), ['visits-over-limit']);
});

test('IMR: Fix All redacts the phone number and leaves the verdict and the dates as the physician wrote them', async () => {
  const editor = await openConflictCopy('fixall.md');
  const doc = editor.document;
  await diagnosticsWhen(doc.uri, 'the four findings of the conflicting copy', (d) => codes(d).join() === CONFLICT_CODES.join());
  const before = doc.getText();
  await vscode.commands.executeCommand('imr.fixAll');
  const after = await diagnosticsWhen(doc.uri, 'fix all to redact the phone number', (d) => !has('unredacted-phi')(d) && d.length > 0);
  assert.equal(doc.getText(), before.replace('555-201-7788', '[REDACTED]'), 'only the redaction was written');
  assert.deepEqual(codes(after), ['injury-date-mismatch', 'verdict-conflict', 'visits-over-limit']);
});

test('fix all on save: saving writes the redaction, and the verdict and the dates stay as typed', async () => {
  await setSetting('editor', 'codeActionsOnSave', { 'source.fixAll.imr': 'explicit' });
  try {
    const editor = await openConflictCopy('onsave.md');
    const doc = editor.document;
    await diagnosticsWhen(doc.uri, 'the four findings of the conflicting copy', (d) => codes(d).join() === CONFLICT_CODES.join());
    // A real edit (a line added at the end), then File > Save on the active editor (an explicit save).
    assert.ok(await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n')));
    const typed = doc.getText();
    assert.ok(doc.isDirty);
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.ok(!doc.isDirty, 'saved');
    const onDisk = readFileSync(doc.uri.fsPath, 'utf8');
    assert.equal(onDisk, typed.replace('555-201-7788', '[REDACTED]'), 'the file on disk has the redaction and nothing else changed');
    assert.ok(onDisk.includes('NECK:** Overturned') && onDisk.includes('injury date of December 22, 2009.'), 'the verdict and the date are the physician\'s');
  } finally {
    await setSetting('editor', 'codeActionsOnSave', undefined);
  }
});

// 4b. Suppressions outside the letter; drafting while typing.

test('ignoring a finding records it outside the letter: the text is unchanged, and it survives an edit above', async () => {
  const file = join(ws, 'letters', 'ignored.txt');
  writeFileSync(file, seedText());
  const editor = await open(file, 'plaintext');
  const doc = editor.document;
  const injury = await seedInjury(doc);
  const before = doc.getText();
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, injury.range, vscode.CodeActionKind.QuickFix.value);
  const titles = actions.map((a) => a.title);
  assert.ok(!titles.some((t) => /comment in the letter/.test(t)), `no inline comment offered in a plain-text letter: ${titles.join(' | ')}`);
  const ignore = actions.find((a): a is vscode.CodeAction => /^Ignore this injury-date-mismatch finding/.test(a.title)) as vscode.CodeAction | undefined;
  assert.ok(ignore?.command && !ignore.edit, 'an "Ignore this finding" action that edits nothing');
  await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
  const after = await diagnosticsWhen(doc.uri, 'injury-date-mismatch hidden', (d) => !has('injury-date-mismatch')(d) && d.length > 0);
  assert.deepEqual(codes(after), ['visits-over-limit']);
  assert.equal(doc.getText(), before, 'the letter is untouched');
  assert.ok(!doc.isDirty);
  const stored = JSON.parse(readFileSync(join(ws, '.imr-lint', 'suppressions.json'), 'utf8'));
  assert.ok(stored.suppressions.some((e: { rule: string; file?: string }) => e.rule === 'injury-date-mismatch' && e.file === 'letters/ignored.txt'), JSON.stringify(stored));
  // An edit above the finding (a line with a TODO, which shows once the server has checked the new text).
  assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'TODO check the dates\n')));
  const edited = await diagnosticsWhen(doc.uri, 'the new version checked (its TODO shown)', has('unfilled-placeholder'));
  assert.deepEqual(codes(edited), ['unfilled-placeholder', 'visits-over-limit'], 'still ignored after the edit above');
});

test('typing a date character by character: no problem on it until it is complete; left half typed, it shows after the pause', async () => {
  const file = join(ws, 'scratch', 'date-typing.md');
  writeFileSync(file, seedText().replace('<b>Date of Injury:</b>\t10/22/2009', '<b>Date of Injury:</b>\t'));
  const editor = await open(file, 'markdown');
  const doc = editor.document;
  await diagnosticsWhen(doc.uri, 'the empty field reported at open', has('missing-header-field'));
  const line = doc.getText().split('\n').findIndex((l) => l.includes('<b>Date of Injury:</b>'));
  const end = doc.lineAt(line).range.end;
  editor.selection = new vscode.Selection(end, end);
  // Everything published while the date is incomplete is recorded.
  const DATE_RULES = ['invalid-date', 'date-order', 'injury-date-mismatch', 'event-before-injury', 'future-date'];
  const seen: string[] = [];
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (!e.uris.some((u) => u.toString() === doc.uri.toString())) return;
    const typed = doc.lineAt(line).text.split('\t').pop();
    if (typed === '10/22/2009') return; // complete: its findings are due
    for (const c of codes(ours(doc.uri))) if (DATE_RULES.includes(c)) seen.push(`${c} at "${typed}"`);
  });
  try {
    for (const ch of '10/22/2009') {
      await vscode.commands.executeCommand('type', { text: ch });
      await new Promise((r) => setTimeout(r, 150)); // a reviewer's typing pace
    }
    assert.deepEqual(await diagnosticsWhen(doc.uri, 'the complete date: the seed\'s findings only', (d) => codes(d).join() === 'injury-date-mismatch,visits-over-limit').then(codes), ['injury-date-mismatch', 'visits-over-limit']);
    assert.deepEqual(seen, [], 'no error while the date was being typed');
  } finally {
    sub.dispose();
  }
  // Half typed and left: shown once typing pauses (imr.holdWhileTypingMs, 1.5 s).
  for (let i = 0; i < 5; i++) await vscode.commands.executeCommand('deleteLeft');
  const t0 = Date.now();
  await diagnosticsWhen(doc.uri, 'invalid-date once typing paused', has('invalid-date'));
  const ms = Date.now() - t0;
  console.log(`    a half-typed date: no error while typing; its error shown ${ms} ms after the last keystroke`);
  assert.ok(ms >= 1000, `held while typing (${ms} ms)`);
});

test('Enter after typing "Upheld" in a title ends the line: no suggestion list is in the way', async () => {
  const file = join(ws, 'scratch', 'verdict-typing.md');
  writeFileSync(file, seedText().replace('NECK:** Upheld', 'NECK'));
  const editor = await open(file, 'markdown');
  const doc = editor.document;
  await diagnosticsWhen(doc.uri, 'diagnostics of the copy', (d) => d.length > 0);
  const line = doc.getText().split('\n').findIndex((l) => /NECK$/.test(l));
  const end = doc.lineAt(line).range.end;
  editor.selection = new vscode.Selection(end, end);
  for (const ch of ':** Upheld') {
    await vscode.commands.executeCommand('type', { text: ch });
    await new Promise((r) => setTimeout(r, 120));
  }
  // What Enter does while a suggestion list is open: accept the selected entry. Then the line break.
  const lines = doc.lineCount;
  await vscode.commands.executeCommand('acceptSelectedSuggestion');
  await vscode.commands.executeCommand('type', { text: '\n' });
  assert.match(doc.lineAt(line).text, /NECK:\*\* Upheld$/, 'the title line is as typed');
  assert.equal(doc.lineCount, lines + 1, 'Enter started a new line');
  const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.lineAt(line).range.end);
  assert.ok(!items.items.some((i) => i.label === 'Upheld' || (typeof i.label === 'object' && i.label.label === 'Upheld')), 'nothing to complete once "Upheld" is typed in full');
});

// 5. Snippets.

const SKELETON_VALUES: Record<string, string[]> = {
  '[NUMBER]': ['CM14-0003333'],
  // Date Assigned, Date of Injury, UR Denial Date, Application Received; the summary's injury and UR dates.
  'XX/XX/XXXX': ['01/31/2014', '10/22/2009', '12/27/2013', '01/09/2014', '10/22/2009', '12/27/2013'],
  '[STATE]': ['California'],
  '[SPECIALTY]': ['Anesthesiology'],
  '[AGE]': ['50'],
  '[DIAGNOSIS]': ['She has chronic low back pain.'],
  '[REQUEST]': ['massage therapy'],
};
const ITEM_VALUES: Record<string, string[]> = {
  '[TREATMENT]': ['MASSAGE THERAPY'],
  '[QUANTITY]': ['TIMES 6 SESSIONS'],
  '[BODY PART]': ['LUMBAR SPINE'],
  '[GUIDELINE]': ['MTUS Chronic Pain Treatment Guidelines Page(s): 60.', 'MTUS Chronic Pain Treatment Guidelines Page(s): 60.'],
  '[RATIONALE]': ['The MTUS Chronic Pain Guidelines on massage therapy page 60 recommend it only as an adjunct to exercise, limited to 4-6 visits; no exercise program is documented.'],
};

test('the determination skeleton snippet parses (sections, item) and its placeholders are flagged until filled; then a disputed item the same', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  const skeleton = SNIPPETS.find((s) => s.name === 'IMR determination')!;
  const now = new Date();
  // By name, as the user picks it from "Insert Snippet": the contributed snippets/markdown.code-snippets.
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'IMR determination' });
  assert.equal(doc.getText().replace(/\r\n/g, '\n'), expandSnippet(skeleton.body.markdown, { now }).text);
  const placeholders = findPlaceholders(doc.getText());
  const diags = await diagnosticsWhen(doc.uri, 'one finding per placeholder', (d) => d.length === placeholders.length);
  const flagged = diags.filter((d) => codeOf(d) === 'unfilled-placeholder').map((d) => doc.getText(d.range));
  for (const p of ['[NUMBER]', 'XX/XX/XXXX', '[STATE]', '[SPECIALTY]', '[AGE]', '[TREATMENT]', '[GUIDELINE]', '[RATIONALE]']) assert.ok(flagged.includes(p), `${p} is flagged`);
  // Drafting: one quiet finding per placeholder, no second on the same text (no invalid-date on XX/XX/XXXX).
  assert.deepEqual(codes(diags), placeholders.map(() => 'unfilled-placeholder'));
  assert.ok(diags.every((d) => d.severity === vscode.DiagnosticSeverity.Information), 'all information');
  console.log(`    the fresh skeleton: ${diags.length} findings, ${diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length} errors`);
  assert.ok(!has('missing-section')(diags) && !has('missing-verdict')(diags) && !has('verdict-conflict')(diags), `parsed: ${codes(diags).join(', ')}`);
  // Parsed: the outline has the header, the three sections and the item with its verdict.
  const symbols = flatten(await symbolsOf(doc.uri));
  const names = symbols.map((s) => s.name);
  assert.ok(names.includes('Header'), `a Header symbol among ${names.join(' | ')}`);
  for (const h of ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']) assert.ok(names.some((n) => n.includes(h)), h);
  assert.equal(symbols.filter((s) => s.kind === vscode.SymbolKind.Event && s.detail === 'Upheld').length, 1, 'one item, Upheld');

  await fill(doc, { ...SKELETON_VALUES, ...ITEM_VALUES });
  const filled = await diagnosticsWhen(doc.uri, 'unfilled-placeholder to clear once filled', (d) => !has('unfilled-placeholder')(d) && doc.getText().includes('CM14-0003333'));
  assert.deepEqual(editorView(filled), engineView(lint(doc.getText(), { languageId: 'markdown' }).findings), 'the editor shows the engine findings');
  assert.ok(!has('missing-section')(filled) && !has('missing-verdict')(filled), `still parsed: ${codes(filled).join(', ')}`);

  // A second disputed item at the end, by its snippet: flagged until filled, then a second item in the outline.
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'IMR disputed item' });
  assert.ok(doc.getText().includes('[TREATMENT] [QUANTITY] FOR THE [BODY PART]:** Upheld'));
  const item = await diagnosticsWhen(doc.uri, "the new item's placeholders flagged", has('unfilled-placeholder'));
  const itemFlagged = item.filter((d) => codeOf(d) === 'unfilled-placeholder').map((d) => doc.getText(d.range));
  for (const p of ['[TREATMENT]', '[GUIDELINE]', '[RATIONALE]']) assert.ok(itemFlagged.includes(p), `${p} is flagged`);
  await fill(doc, { ...ITEM_VALUES, '[TREATMENT]': ['PHYSICAL THERAPY'] });
  await diagnosticsWhen(doc.uri, 'unfilled-placeholder to clear once the item is filled', (d) => !has('unfilled-placeholder')(d) && !doc.getText().includes('[RATIONALE]'));
  const items = flatten(await symbolsOf(doc.uri)).filter((s) => s.kind === vscode.SymbolKind.Event);
  assert.deepEqual(items.map((s) => s.name.replace(/\s+/g, ' ')), ['MASSAGE THERAPY TIMES 6 SESSIONS FOR THE LUMBAR SPINE', 'PHYSICAL THERAPY TIMES 6 SESSIONS FOR THE LUMBAR SPINE']);
});

test('IMR: Insert Disputed Item and the contributed item snippets insert what test/vscode/snippetExpand.ts predicts', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('imr.insertDisputedItem');
  const item = SNIPPETS.find((s) => s.name === 'IMR disputed item')!;
  assert.equal(doc.getText().replace(/\r\n/g, '\n'), expandSnippet(item.body.plaintext).text);

  const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  await vscode.window.showTextDocument(md);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'IMR disputed item' });
  assert.equal(md.getText().replace(/\r\n/g, '\n'), expandSnippet(item.body.markdown).text);
});

// 6. Completion, hover, symbols.

test('completion, hover and document symbols answer through the vscode.execute...Provider commands', async () => {
  const editor = await open(join(ws, 'seed.md'), 'markdown');
  const doc = editor.document;
  await seedInjury(doc);
  const text = doc.getText();

  const at = doc.positionAt(text.indexOf('Decision based on'));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
  const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
  // The list shows what tells citations apart; the whole citation is what is inserted.
  const citation = list.items.find((i) => /^MTUS .*Page\(s\): 60$/.test(label(i)));
  assert.ok(citation, `the massage citation is offered after "MAXIMUS guideline:" among ${list.items.slice(0, 8).map(label).join(' | ')}`);
  assert.equal(citation.preselect, true);
  const inserted = citation.textEdit ? citation.textEdit.newText : citation.insertText;
  assert.match(String(typeof inserted === 'object' && inserted && 'value' in inserted ? inserted.value : inserted), /^Decision based on MTUS Chronic Pain Medical Treatment 2009, Page\(s\): 60\.$/);

  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(text.indexOf('December 22, 2009') + 3));
  const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(hoverText, /2009-12-22/);
  assert.match(hoverText, /10\/22\/2009/, 'the hover names the header date it differs from');

  const symbols = flatten(await symbolsOf(doc.uri));
  const header = symbols.find((s) => s.name === 'Header');
  assert.ok(header, 'a Header symbol');
  assert.ok(header.children.some((c) => c.name === 'Date of Injury: 10/22/2009'), `header fields: ${header.children.map((c) => c.name).join(' | ')}`);
  const item = symbols.find((s) => s.kind === vscode.SymbolKind.Event);
  assert.ok(item && /MASSAGE THERAPY/.test(item.name) && item.detail === 'Upheld', 'the disputed item with its verdict');
  const decisions = symbols.find((s) => s.name.includes('IMR ISSUES, DECISIONS AND RATIONALES') && s.children.includes(item));
  assert.ok(decisions, 'the item under the decisions section');
});

test('the code lens above a disputed item and an inlay hint after a schedule, in the editor; the lens click shows the row\'s hover', async () => {
  const file = join(ws, 'scratch', 'schedule.md');
  const text = seedText().replace('TIMES 12 SESSIONS', '2 TIMES A WEEK FOR 6 WEEKS');
  assert.notEqual(text, seedText());
  writeFileSync(file, text);
  const editor = await open(file, 'markdown');
  const doc = editor.document;
  await diagnosticsWhen(doc.uri, 'the diagnostics of schedule.md', (d) => d.some((x) => codeOf(x) === 'visits-over-limit'));
  const title = doc.positionAt(text.indexOf('MASSAGE THERAPY, SOFT'));
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.range.start.character, l.command?.title, l.command?.command]), [
    [title.line, title.character, '12 visits requested · MTUS Chronic Pain Medical Treatment p. 60: 4-6 visits · Upheld: consistent', 'imr.showHoverAt'],
  ]);
  const end = doc.positionAt(text.indexOf('2 TIMES A WEEK FOR 6 WEEKS') + '2 TIMES A WEEK FOR 6 WEEKS'.length);
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
  assert.deepEqual(hints.map((h) => [h.position.line, h.position.character, typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')]), [[end.line, end.character, '= 12 visits']]);
  // The lens's command puts the cursor on the treatment, where the hover shows the guideline row.
  const [uri, at] = lenses[0].command!.arguments as [string, { line: number; character: number }];
  await vscode.commands.executeCommand('imr.showHoverAt', uri, at);
  const treatment = doc.positionAt(text.indexOf('MASSAGE THERAPY, SOFT'));
  assert.deepEqual([vscode.window.activeTextEditor?.selection.active.line, vscode.window.activeTextEditor?.selection.active.character], [treatment.line, treatment.character]);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, treatment);
  assert.match(hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), /4-6 visits/);
});

// 7. Settings.

test('settings: imr.rules {"visits-over-limit": "off"} removes that diagnostic without a restart, and it comes back', async () => {
  const editor = await openSeedCopy('settings.md');
  const doc = editor.document;
  await seedInjury(doc);
  try {
    await setSetting('imr', 'rules', { 'visits-over-limit': 'off' });
    const off = await diagnosticsWhen(doc.uri, 'visits-over-limit to go', (d) => !has('visits-over-limit')(d) && d.length > 0);
    assert.deepEqual(codes(off), ['injury-date-mismatch']);
  } finally {
    await setSetting('imr', 'rules', undefined);
  }
  await diagnosticsWhen(doc.uri, 'visits-over-limit to come back', (d) => d.length === 2);
});

test('settings: a broken guideline file (imr.guidelines) shows one clear error naming it; diagnostics continue with the defaults', async () => {
  const file = join(ws, 'scratch', 'broken.imr-guidelines.json');
  writeFileSync(file, '{ "rows": [ { "id": "massage-mtus", "limit": { "max": 6, } ] }\n');
  const editor = await openSeedCopy('guidelines.md');
  const doc = editor.document;
  await seedInjury(doc);
  const about = () => api.messages().filter((m) => m.message.includes('broken.imr-guidelines.json'));
  assert.equal(about().length, 0);
  let fresh: vscode.TextEditor | undefined;
  try {
    await setSetting('imr', 'guidelines', file);
    const [m] = await waitFor('an error message naming the guideline file', () => (about().length > 0 ? about() : undefined), [api.onDidShowMessage]);
    assert.equal(m.type, 'error');
    assert.match(m.message, /built-in limits are used/);
    console.log(`    shown: ${m.message}`);
    // Diagnostics continue, with the built-in table (its 4-6 visits for massage).
    // (Its editor replaces guidelines.md's: a document opened from the API is shown in the preview tab.)
    fresh = await openSeedCopy('guidelines-2.md');
    const ds = await diagnosticsWhen(fresh.document.uri, 'the seed diagnostics with the defaults', (d) => d.length === 2);
    assert.match(ds.find((d) => codeOf(d) === 'visits-over-limit')!.message, /4-6 visits/);
    // Another settings change re-reads the (still broken) file: no second message. The rule turned off shows
    // that the server has handled this change (the message would have come before these diagnostics).
    await setSetting('imr', 'rules', { 'visits-over-limit': 'off' });
    await diagnosticsWhen(fresh.document.uri, 'the settings change to be handled', (d) => d.length === 1);
    assert.equal(about().length, 1, `one message: ${JSON.stringify(about())}`);
  } finally {
    await setSetting('imr', 'rules', undefined);
    await setSetting('imr', 'guidelines', undefined);
  }
  assert.ok(fresh);
  await diagnosticsWhen(fresh.document.uri, 'the seed diagnostics after the settings are restored', (d) => d.length === 2);
});

// 8. A crashed server.

/** Pids of the language servers this extension host started (Linux /proc; undefined where there is none). */
const allTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
const previewOf = (name: string) => allTabs().find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/i.test(t.input.viewType) && t.label.includes(name));
const tabEvents = [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>, vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>];

test('the rule page opens from a diagnostic and from "Show documentation", in the Markdown preview, from the extension (no network)', async () => {
  const editor = await openSeedCopy('docs.md');
  const injury = await seedInjury(editor.document);
  assert.ok(typeof injury.code === 'object');
  const target = (injury.code as { target: vscode.Uri }).target;
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  assert.equal(target.scheme, 'file', 'a file shipped in the extension, not a web page');
  assert.equal(target.fsPath, join(ext.extensionPath, 'docs', 'rules', 'injury-date-mismatch.md'));
  assert.ok(existsSync(target.fsPath));
  // The diagnostic's link, as the hover and the Problems view open it: the page turns into its preview.
  await vscode.commands.executeCommand('vscode.open', target);
  await waitFor('the preview of injury-date-mismatch.md, and no text editor on it', () => previewOf('injury-date-mismatch.md') && !allTabs().some((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === target.fsPath), tabEvents);
  // The code action.
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, injury.range);
  const show = actions.find((a) => a.title === 'Show documentation for injury-date-mismatch');
  assert.deepEqual(show?.command && [show.command.command, show.command.arguments], ['imr.showRuleDoc', ['injury-date-mismatch']], actions.map((a) => a.title).join(' | '));
  const visits = ours(editor.document.uri).find((d) => codeOf(d) === 'visits-over-limit')!;
  const visitsActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, visits.range);
  const showVisits = visitsActions.find((a) => a.title === 'Show documentation for visits-over-limit')!;
  await vscode.commands.executeCommand(showVisits.command!.command, ...(showVisits.command!.arguments ?? []));
  await waitFor('the preview of visits-over-limit.md', () => previewOf('visits-over-limit.md'), tabEvents);
});

test('a project file (.imr-lint.jsonc) changes a rule\'s severity in the editor and in the CLI alike, and its mistakes show in place', async () => {
  const dir = join(ws, 'team');
  mkdirSync(dir, { recursive: true });
  const config = join(dir, '.imr-lint.jsonc');
  writeFileSync(config, '// the team\'s levels\n{ "rules": { "injury-date-mismatch": "warning" } }\n');
  const letter = join(dir, 'a.md');
  writeFileSync(letter, seedText());
  const editor = await open(letter, 'markdown');
  const ds = await diagnosticsWhen(editor.document.uri, 'injury-date-mismatch as a warning', (d) => d.some((x) => codeOf(x) === 'injury-date-mismatch' && x.severity === vscode.DiagnosticSeverity.Warning));
  assert.deepEqual(codes(ds), ['injury-date-mismatch', 'visits-over-limit']);
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const cliRun = () => {
    const r = spawnSync(process.execPath, [join(ext.extensionPath, 'dist', 'cli.cjs'), '-f', 'json', letter], { cwd: ws, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.ok(r.stdout, `the CLI printed nothing: ${r.stderr} ${r.error ?? ''}`);
    return (JSON.parse(r.stdout)[0].findings as { ruleId: string; severity: string }[]).find((f) => f.ruleId === 'injury-date-mismatch')?.severity;
  };
  assert.equal(cliRun(), 'warning', 'the CLI reads the same file');
  // Changed on disk: the editor follows without a restart, and so does the CLI.
  writeFileSync(config, '{ "rules": { "injury-date-mismatch": "info" } }\n');
  await diagnosticsWhen(editor.document.uri, 'injury-date-mismatch as information', (d) => d.some((x) => codeOf(x) === 'injury-date-mismatch' && x.severity === vscode.DiagnosticSeverity.Information));
  assert.equal(cliRun(), 'info');
  // A mistake in the file, shown where it is (the file opened in the editor).
  writeFileSync(config, '{ "rules": { "injury-date-mismatch": "info", "visits-over-limt": "off" } }\n');
  const cfg = await open(config);
  const problems = await diagnosticsWhen(cfg.document.uri, 'the unknown rule marked in .imr-lint.jsonc', (d) => d.length > 0);
  assert.equal(cfg.document.getText(problems[0].range), '"visits-over-limt"');
  assert.match(problems[0].message, /Unknown rule "visits-over-limt"/);
});

test('IMR: Check All Determinations in Folder lists the problems of a letter that is not open', async () => {
  const dir = join(ws, 'batch');
  mkdirSync(dir, { recursive: true });
  const letter = join(dir, 'not-open.md');
  writeFileSync(letter, seedText());
  writeFileSync(join(dir, 'notes.md'), '# Notes\n\nTo do this week.\n');
  const uri = vscode.Uri.file(letter);
  assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === letter), 'the letter is not open');
  const result = await vscode.commands.executeCommand<{ checked: number; withProblems: number; skipped: number; cancelled: boolean }>('imr.checkFolder', vscode.Uri.file(dir));
  assert.deepEqual([result.checked, result.withProblems, result.skipped, result.cancelled], [1, 1, 1, false]);
  const ds = await diagnosticsWhen(uri, 'the folder check\'s diagnostics on the letter that is not open', (d) => d.length === 2);
  assert.deepEqual(codes(ds), ['injury-date-mismatch', 'visits-over-limit']);
  assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === letter), 'still not open');
  // The 144 real letters, timed from the command (the note reports it).
  const real = join(sharedDir(), 'real-imr');
  const t0 = Date.now();
  const all = await vscode.commands.executeCommand<{ checked: number; skipped: number; ms: number }>('imr.checkFolder', vscode.Uri.file(real));
  console.log(`    checked ${all.checked} real letters (${all.skipped} skipped) in ${Date.now() - t0} ms from the command (${all.ms} ms in the server)`);
  assert.equal(all.checked + all.skipped, readdirSync(real, { recursive: true }).filter((f) => /\.(md|txt)$/.test(String(f))).length);
  // The same check as a task, read by the $imr-lint problem matcher.
  const tasks = await vscode.tasks.fetchTasks({ type: 'imr-lint' });
  assert.ok(tasks.length > 0, 'the imr-lint task type provides a task');
  assert.deepEqual(tasks[0].problemMatchers, ['$imr-lint']);
});

test('IMR: New Determination opens the skeleton; the walkthrough opens', async () => {
  await vscode.commands.executeCommand('imr.newDetermination');
  const doc = await waitFor('an untitled determination', () => {
    const d = vscode.window.activeTextEditor?.document;
    return d && d.isUntitled && d.languageId === 'markdown' && d.getText().includes('IMR ISSUES, DECISIONS AND RATIONALES') ? d : undefined;
  }, [vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>, vscode.workspace.onDidChangeTextDocument as vscode.Event<unknown>]);
  assert.match(doc.getText(), /Date of Injury/);
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#gettingStarted`, false);
  await waitFor('the walkthrough in the Welcome editor', () => allTabs().some((t) => /welcome|get started/i.test(t.label)), tabEvents);
});

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

test('the language server killed from outside (SIGKILL) is restarted and the diagnostics come back', async () => {
  const before = serverPids();
  if (!before) {
    console.log('    (skipped: no /proc to find the server process)');
    return;
  }
  assert.equal(before.length, 1, `one language server process: ${before.join(', ')}`);
  const editor = await openSeedCopy('crash.md');
  await seedInjury(editor.document);
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
  // And it answers requests again.
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(15, 216));
  assert.ok(hovers.some((h) => h.contents.some((c) => /2009-12-22/.test(typeof c === 'string' ? c : c.value))));
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
  prepareWorkspace();
  const only = process.env.IMR_VSCODE_GREP ? new RegExp(process.env.IMR_VSCODE_GREP, 'i') : undefined;
  const selected = only ? cases.filter((c, i) => i === 0 || only.test(c.name)) : cases; // the first case activates
  const failures: string[] = [];
  console.log(`imr extension-host suite: ${selected.length} tests, workspace ${ws}`);
  for (const c of selected) {
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
  // Read by scripts/e2e/run.mjs: a run that reports no tests is not a pass.
  console.log(`${selected.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} extension-host test(s) failed: ${failures.join('; ')}`);
}
