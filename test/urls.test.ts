// No link the package emits may point at a page that does not exist: there is no project web site, so
// the rule pages ship as files, every https link is a published schema's identifier, every file link is a
// file that is there, and every command link is a command the extension contributes (or VS Code's own).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';
import { ROOT } from './helpers/shared.ts';

/** Identifiers of published schemas (what "$schema" names), the only web addresses allowed. */
const SCHEMA_IDS = new Set([
  'http://json-schema.org/draft-07/schema#',
  'https://json.schemastore.org/sarif-2.1.0.json',
  'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
]);
const VSCODE_COMMANDS = new Set(['workbench.actions.view.problems', 'markdown.showPreview']);

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributed = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
const cli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'imr-lint.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' }).stdout;

before(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
});

function texts(): [string, string][] {
  const files = ['package.json', 'README.md', 'client/README.md', 'CHANGELOG.md', ...['docs/rules', 'docs/walkthrough', 'schemas', 'snippets', 'syntaxes'].flatMap((d) => readdirSync(join(ROOT, d)).map((f) => `${d}/${f}`))];
  return [
    ...files.map((f): [string, string] => [f, readFileSync(join(ROOT, f), 'utf8')]),
    ['imr-lint --help', cli(['--help'])],
    ['imr-lint --format sarif', cli(['--format', 'sarif', 'test/fixtures/cli/two-errors.md'])],
    ['imr-lint --format json', cli(['--format', 'json', 'test/fixtures/cli/two-errors.md'])],
  ];
}

test('every link in what the package ships or prints resolves here, with no network', () => {
  const bad: string[] = [];
  let checked = 0;
  for (const [where, text] of texts()) {
    for (const m of text.matchAll(/\b(https?:\/\/[^\s"'<>)\]`]+|file:\/\/[^\s"'<>)\]`]+|command:[A-Za-z0-9_.]+)/g)) {
      const url = m[1].replace(/[.,;]$/, '');
      checked++;
      if (url.startsWith('command:')) {
        const id = url.slice('command:'.length);
        if (!contributed.has(id) && !VSCODE_COMMANDS.has(id)) bad.push(`${where}: ${url} (no such command)`);
      } else if (url.startsWith('file:')) {
        if (!existsSync(fileURLToPath(url))) bad.push(`${where}: ${url} (no such file)`);
      } else if (!SCHEMA_IDS.has(url)) bad.push(`${where}: ${url} (a web page: none may be linked)`);
    }
  }
  assert.deepEqual(bad, []);
  assert.ok(checked > 40, `${checked} links checked`);
});

test('the JSON output links each finding to its page, which is there', () => {
  const out = JSON.parse(cli(['--format', 'json', 'test/fixtures/cli/two-errors.md']));
  const urls = out[0].findings.map((f: { docUrl: string }) => f.docUrl);
  assert.equal(urls.length, 2);
  for (const u of urls) assert.ok(existsSync(fileURLToPath(u)), u);
});
