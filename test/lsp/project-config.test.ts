// The language server with .imr-lint.jsonc: the same file, read the same way as the CLI, gives the same
// findings; the file's own mistakes are diagnostics at their place; a change applies without a restart.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers/shared.ts';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { TestClient } from './client.ts';

const LETTERS = ['injury-mismatch.md', 'two-errors.md', 'phone-and-mismatch.md', 'injury-mismatch.txt'];
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3 };

describe('language server and .imr-lint.jsonc', () => {
  let client: TestClient;
  let dir: string;
  let configFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'imr-lsp-config-'));
    mkdirSync(join(dir, 'cases'));
    for (const f of LETTERS) copyFileSync(join(ROOT, 'test', 'fixtures', 'cli', f), join(dir, 'cases', f));
    configFile = join(dir, '.imr-lint.jsonc');
    writeFileSync(configFile, '// shared by the team\n{\n  "rules": {"injury-date-mismatch": "warning", "unredacted-phi": "info"},\n}\n');
    client = new TestClient();
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0, rules: { 'injury-date-mismatch': 'off' } };
    await client.initialize({ workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } } }, { trusted: true, ruleDocCommand: true });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the editor and the CLI give identical findings on one folder (the file outranks the settings)', async () => {
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'imr-lint.cjs'), '-f', 'json', 'cases'], { cwd: dir, encoding: 'utf8' });
    const byFile = new Map((JSON.parse(cli.stdout) as { filePath: string; findings: { ruleId: string; severity: string; range: unknown; message: string }[] }[]).map((f) => [f.filePath, f.findings]));
    let compared = 0;
    for (const f of LETTERS) {
      const path = join(dir, 'cases', f);
      const uri = pathToFileURL(path).toString();
      await client.open(uri, readFileSync(path, 'utf8'), f.endsWith('.txt') ? 'plaintext' : 'markdown');
      const ds = await client.diagnosticsFor(uri, 1);
      const fromCli = byFile.get(path)!;
      assert.deepEqual(
        ds.map((d) => [d.code, d.severity, d.range, d.message]),
        fromCli.map((x) => [x.ruleId, SEVERITY[x.severity], x.range, x.message]),
        f,
      );
      compared += ds.length;
    }
    assert.ok(compared >= 4, `${compared} findings compared`);
    const injury = (await client.diagnosticsFor(pathToFileURL(join(dir, 'cases', 'injury-mismatch.md')).toString(), 1)).find((d) => d.code === 'injury-date-mismatch');
    assert.equal(injury?.severity, 2, 'the file says warning; the user setting said off');
  });

  test('a changed file applies at once (file watcher), and "Show documentation" is offered', async () => {
    const uri = pathToFileURL(join(dir, 'cases', 'injury-mismatch.md')).toString();
    writeFileSync(configFile, '{"rules": {"injury-date-mismatch": "error"}}');
    const count = client.published.length;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).toString(), type: 2 }] });
    await client.waitFor(() => client.published.slice(count).some((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'injury-date-mismatch' && d.severity === 1)), 'the new level');
    const d = client.published.filter((p) => p.uri === uri).at(-1)!.diagnostics.find((x) => x.code === 'injury-date-mismatch')!;
    assert.equal(d.codeDescription?.href, pathToFileURL(join(ROOT, 'docs', 'rules', 'injury-date-mismatch.md')).toString());
    const actions = await client.request<{ title: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const show = actions.find((a) => a.title === 'Show documentation for injury-date-mismatch');
    assert.deepEqual(show?.command && [show.command.command, show.command.arguments], ['imr.showRuleDoc', ['injury-date-mismatch']]);
  });

  test('the open configuration file: its mistakes are diagnostics at their place, its unsaved text applies', async () => {
    const uri = pathToFileURL(configFile).toString();
    const letter = pathToFileURL(join(dir, 'cases', 'injury-mismatch.md')).toString();
    const text = '{\n  "rules": {\n    "injury-date-mismatch": "info",\n    "injury-mismatch": "off"\n  },\n  "layuot": "standard"\n}\n';
    const count = client.published.length;
    await client.open(uri, text, 'jsonc');
    const ds = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(ds.map((d) => [d.severity, d.range.start.line, d.range.start.character, d.range.end.character]), [
      [1, 3, 4, 21],
      [2, 5, 2, 10],
    ]);
    assert.match(String(ds[0].message), /Unknown rule "injury-mismatch"/);
    assert.match(String(ds[1].message), /Unknown setting "layuot"/);
    await client.waitFor(() => client.published.slice(count).some((p) => p.uri === letter && p.diagnostics.some((d) => d.code === 'injury-date-mismatch' && d.severity === 3)), 'the unsaved level (info) applies');
  });

  test('the folder check: letters that are not open get their diagnostics; a README and open letters are left alone', async () => {
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    copyFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'two-errors.md'), join(batch, 'b.md'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'clean.md'), join(batch, 'clean.md'));
    writeFileSync(join(batch, 'README.md'), '# Notes\n\nDrafts for the March cases.\n');
    const progress: { done: number; total: number }[] = [];
    client.conn.onNotification('imr/checkFolderProgress', (p: { done: number; total: number }) => {
      progress.push(p);
    });
    const r = await client.request<any>('imr/checkFolder', { uri: pathToFileURL(dir).toString() });
    assert.equal(r.open, LETTERS.length, 'the open letters keep their live diagnostics');
    assert.deepEqual([r.checked, r.skipped, r.cancelled], [2, 1, false]);
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'imr-lint.cjs'), '-f', 'json', 'batch/b.md'], { cwd: dir, encoding: 'utf8' });
    const expected = (JSON.parse(cli.stdout)[0].findings as { ruleId: string; range: unknown }[]).map((f) => [f.ruleId, f.range]);
    const b = client.published.filter((p) => p.uri === pathToFileURL(join(batch, 'b.md')).toString()).at(-1)!;
    assert.deepEqual(b.diagnostics.map((d) => [d.code, d.range]), expected);
    assert.ok(expected.length >= 2);
    assert.equal(r.withProblems, 1);
    assert.ok(!client.published.some((p) => p.uri.endsWith('/README.md')), 'nothing for the README');
    assert.deepEqual(progress.at(-1), { done: LETTERS.length + 3, total: LETTERS.length + 3 });
  });

  test('the folder check is cancellable', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 200; i++) copyFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'two-errors.md'), join(many, `l${i}.md`));
    const source = new CancellationTokenSource();
    const pending = client.conn.sendRequest('imr/checkFolder', { uri: pathToFileURL(many).toString() }, source.token) as Promise<any>;
    setTimeout(() => source.cancel(), 20);
    const r = await pending;
    assert.equal(r.cancelled, true);
    assert.ok(r.checked < 200, `${r.checked} checked before the cancel`);
  });
});

describe('language server, .imr-lint.jsonc in an untrusted workspace', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'imr-lsp-untrusted-'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'guidelines-massage-3.json'), join(dir, 'limits.json'));
    writeFileSync(join(dir, '.imr-lint.jsonc'), '{"guidelines": "limits.json", "rules": {"no-such-rule": "off"}}');
    copyFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'injury-mismatch.md'), join(dir, 'a.md'));
    client = new TestClient();
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0 };
    await client.initialize({}, { trusted: false });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a table named by path is read only once the workspace is trusted; a broken file not open is said once', async () => {
    const uri = pathToFileURL(join(dir, 'a.md')).toString();
    await client.open(uri, readFileSync(join(dir, 'a.md'), 'utf8'));
    const before = await client.diagnosticsFor(uri, 1);
    assert.ok(!before.some((d) => d.code === 'visits-over-limit'), '4 sessions are within the built-in 4-6');
    await client.waitFor(() => client.messages.some((m) => /\.imr-lint\.jsonc has 2 problems/.test(m.message)), 'one message about the file');
    const count = client.published.length;
    await client.conn.sendNotification('imr/workspaceTrusted');
    await client.waitFor(() => client.published.slice(count).some((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'visits-over-limit' && /2-3 visits/.test(String(d.message)))), 'the team table (2-3 visits) applies once trusted');
    assert.equal(client.messages.filter((m) => /\.imr-lint\.jsonc has/.test(m.message)).length, 2, 'once before trust (2 problems), once after (1 problem left)');
  });
});

