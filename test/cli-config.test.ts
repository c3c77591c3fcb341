// The CLI with .imr-lint.jsonc: found above each letter, --config, --print-config, --stdin, --explain.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from './helpers/shared.ts';

const BIN = join(ROOT, 'bin', 'imr-lint.cjs');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'cli', 'injury-mismatch.md');

function run(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const findings = (stdout: string) => (JSON.parse(stdout) as { findings: { ruleId: string; severity: string; line: number }[] }[]).flatMap((f) => f.findings);

let root: string;
before(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  root = mkdtempSync(join(tmpdir(), 'imr-cli-config-'));
  mkdirSync(join(root, 'team', 'cases'), { recursive: true });
  mkdirSync(join(root, 'team', 'archive'), { recursive: true });
  copyFileSync(FIXTURE, join(root, 'team', 'cases', 'a.md'));
  copyFileSync(FIXTURE, join(root, 'team', 'archive', 'old.md'));
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('imr-lint with .imr-lint.jsonc', () => {
  it('without a file: the default severity (error, exit 1)', () => {
    const r = run(['-f', 'json', 'team/cases'], root);
    assert.equal(r.code, 1);
    assert.deepEqual(findings(r.stdout).map((f) => [f.ruleId, f.severity]), [['injury-date-mismatch', 'error']]);
  });

  it('the nearest file above the letter sets a rule level; ignore globs skip files', () => {
    writeFileSync(join(root, 'team', '.imr-lint.jsonc'), '// team\n{"rules": {"injury-date-mismatch": "warning"}, "ignore": ["archive/**"],}\n');
    const r = run(['-f', 'json', 'team'], root);
    assert.equal(r.code, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath);
    assert.deepEqual(files, [join(root, 'team', 'cases', 'a.md')]);
    assert.deepEqual(findings(r.stdout).map((f) => [f.ruleId, f.severity]), [['injury-date-mismatch', 'warning']]);
  });

  it('--rule on the command line wins over the file', () => {
    const r = run(['-f', 'json', '--rule', 'injury-date-mismatch=error', 'team/cases'], root);
    assert.equal(r.code, 1);
    assert.deepEqual(findings(r.stdout).map((f) => f.severity), ['error']);
  });

  it('a mistake in the file is reported at its line and column; the rest of the file applies', () => {
    writeFileSync(join(root, 'team', '.imr-lint.jsonc'), '{\n  "rules": {\n    "injury-date-mismatch": "off",\n    "injury-mismatch": "warning"\n  }\n}\n');
    const r = run(['-f', 'json', 'team/cases'], root);
    assert.equal(r.code, 0);
    assert.deepEqual(findings(r.stdout), []);
    assert.equal(r.stderr, 'imr-lint: team/.imr-lint.jsonc:4:5: error: Unknown rule "injury-mismatch"; it is ignored.\n');
  });

  it('--config names one file for every letter; a missing one is a usage error', () => {
    writeFileSync(join(root, 'strict.jsonc'), '{"rules": {"injury-date-mismatch": "info"}}');
    const r = run(['-f', 'json', '--config', 'strict.jsonc', 'team/cases'], root);
    assert.deepEqual(findings(r.stdout).map((f) => f.severity), ['info']);
    const missing = run(['--config', 'nope.jsonc', 'team/cases'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read .*nope\.jsonc \(ENOENT\)/);
  });

  it('--print-config prints the file found and what applies to a letter', () => {
    writeFileSync(join(root, 'team', '.imr-lint.jsonc'), '{"rules": {"injury-date-mismatch": "warning"}, "layout": "standard", "ignore": ["archive/**"]}');
    const r = run(['--print-config', 'team/archive/old.md'], root);
    assert.equal(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout);
    assert.equal(c.configFile, join(root, 'team', '.imr-lint.jsonc'));
    assert.equal(c.ignored, true);
    assert.equal(c.layout, 'standard');
    assert.equal(c.rules['injury-date-mismatch'], 'warning');
    assert.equal(c.rules['missing-section'], 'error', 'a rule the file does not name keeps its default');
    assert.deepEqual(c.guidelines, { from: 'built-in' });
  });

  it('--stdin lints standard input as --stdin-filename, with that name\'s configuration', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const r = run(['-f', 'json', '--stdin', '--stdin-filename', 'team/cases/new.md'], root, text);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out[0].filePath, join(root, 'team', 'cases', 'new.md'));
    assert.deepEqual(findings(r.stdout).map((f) => [f.ruleId, f.severity, f.line]), [['injury-date-mismatch', 'warning', 12]]);
    const plain = run(['--stdin'], root, text);
    assert.equal(plain.code, 1, 'no name: the default levels');
    assert.match(plain.stdout, /<stdin>/);
    assert.equal(run(['--stdin', '--fix'], root, text).code, 2);
    assert.equal(run(['--stdin', 'team'], root, text).code, 2);
  });

  it('--explain prints the rule page; an unknown rule is a usage error', () => {
    const r = run(['--explain', 'visits-over-limit'], root);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, readFileSync(join(ROOT, 'docs', 'rules', 'visits-over-limit.md'), 'utf8'));
    const bad = run(['--explain', 'visits'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown rule "visits" in --explain/);
  });

  it("dist/cli.cjs runs as a script (the editor's imr-lint task runs it so)", () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('the $imr-lint problem matcher of package.json reads the stylish output: file, line, column, severity, message, rule', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const [fileRe, lineRe] = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'imr-lint').pattern.map((p: { regexp: string }) => new RegExp(p.regexp));
    const out = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'test/fixtures/cli/two-errors.md', 'test/fixtures/cli/clean.md'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } }).stdout;
    const matched: string[][] = [];
    let file: string | undefined;
    for (const line of out.split('\n')) {
      const l = lineRe.exec(line);
      if (l && file) matched.push([file, l[1], l[2], l[3], l[5], l[4].slice(0, 12)]);
      else if (fileRe.test(line) && !/problems? \(/.test(line)) file = fileRe.exec(line)![1];
    }
    assert.deepEqual(matched, [
      ['test/fixtures/cli/two-errors.md', '1', '21', 'error', 'invalid-case-number', 'Case Number '],
      ['test/fixtures/cli/two-errors.md', '12', '78', 'error', 'injury-date-mismatch', 'The date of '],
    ]);
  });
});
