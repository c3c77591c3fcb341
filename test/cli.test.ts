// The imr-lint command line, run as users run it: `node bin/imr-lint.cjs ...` in a child process, against the
// bundle that `npm run build` makes (built here when it is missing).
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { lint, RULES } from '../server/src/index.ts';
import { ROOT } from './helpers/shared.ts';

const BIN = join(ROOT, 'bin', 'imr-lint.cjs');
/** A rule's page as shipped: every link the CLI prints is a file beside it, which opens with no network. */
const docUrl = (id: string) => pathToFileURL(join(ROOT, 'docs', 'rules', `${id}.md`)).href;
const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');
const fx = (name: string) => join(FIXTURES, name);
const fxRel = (name: string) => `test/fixtures/cli/${name}`;
const PKG_VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

const MISMATCH_MESSAGE =
  "The date of injury here (December 22, 2009) differs from the header's Date of Injury (10/22/2009). One of them is wrong: check the records and make them agree.";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; timeout?: number; node?: string[] } = {}): Run {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [...(opts.node ?? []), BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
    ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(r: Run): any {
  try {
    return JSON.parse(r.stdout);
  } catch (e) {
    assert.fail(`stdout is not JSON (${(e as Error).message}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}

let tmpRoot: string;
let tmpCount = 0;
/** A fresh, empty folder for one test. */
function tmp(): string {
  const d = join(tmpRoot, String(++tmpCount));
  mkdirSync(d);
  return d;
}

before(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
    const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(b.status, 0, 'npm run build failed');
  }
  tmpRoot = mkdtempSync(join(tmpdir(), 'imr-lint-cli-'));
});

after(() => {
  // Read-only files don't stop root, and chmod back first so that other users can remove them too.
  rmSync(tmpRoot, { recursive: true, force: true });
});

describe('imr-lint: exit codes and stylish output', () => {
  it('exits 0 and prints nothing for a clean letter', () => {
    const r = run([fxRel('clean.md')]);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, '');
    assert.equal(r.code, 0);
  });

  it('exits 1 and prints ESLint-style rows (1-based line:col, severity, message, rule id) for an error finding', () => {
    const r = run([fxRel('clean.md'), fxRel('injury-mismatch.md')]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      '\n' +
        'test/fixtures/cli/injury-mismatch.md\n' +
        `  12:78  error  ${MISMATCH_MESSAGE}  injury-date-mismatch\n` +
        '\n' +
        '\u2716 1 problem (1 error, 0 warnings, 0 infos)\n' +
        '\n',
    );
  });

  it('aligns the columns of one file and counts several findings', () => {
    const r = run([fxRel('two-errors.md')]);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.equal(lines[1], 'test/fixtures/cli/two-errors.md');
    assert.match(lines[2], /^ {2}1:21 {3}error {2}Case Number "CM14-00044" is not of the form .* {2}invalid-case-number$/);
    assert.match(lines[3], /^ {2}12:78 {2}error {2}The date of injury here .* {2}injury-date-mismatch$/);
    // The rule ids start in the same column.
    assert.equal(lines[2].indexOf('invalid-case-number'), lines[3].indexOf('injury-date-mismatch'));
    assert.ok(r.stdout.includes('\u2716 2 problems (2 errors, 0 warnings, 0 infos)\n'));
    // Both findings change a fact (a case number, a date): suggestions only, so nothing for --fix.
    assert.ok(!r.stdout.includes('potentially fixable'), r.stdout);
  });

  it('counts as fixable only findings with a fix that may run unattended (a redaction), not suggestions', () => {
    const r = run([fxRel('phone-and-mismatch.md')]);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.includes('\u2716 2 problems (1 error, 1 warning, 0 infos)\n  1 problem potentially fixable with the `--fix` option.\n'), r.stdout);
  });

  it('never colours piped output, and colours nothing when NO_COLOR is set', () => {
    const r = run([fxRel('injury-mismatch.md')], { env: { NO_COLOR: '1' } });
    assert.equal(r.code, 1);
    assert.ok(!r.stdout.includes('\u001b['));
    const piped = run([fxRel('injury-mismatch.md')], { env: { NO_COLOR: '' } });
    assert.ok(!piped.stdout.includes('\u001b['));
  });

  it('--help documents the options and the exit codes, and exits 0', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^imr-lint \d+\.\d+\.\d+/);
    assert.ok(r.stdout.includes('Usage: imr-lint [options] <file|folder|glob>...'));
    for (const opt of ['--format <stylish|json|sarif>', '--fix', '--guidelines <file.json>', '--rule <id>=<level>', '--max-size <size>', '--version']) {
      assert.ok(r.stdout.includes(opt), `help lacks ${opt}`);
    }
    // The unreadable-file case is documented with the exit codes.
    assert.match(r.stdout, /1 {2}At least one error-level finding, or at least one file that could not be linted: unreadable,/);
    assert.match(r.stdout, /2 {2}Usage or configuration error/);
    for (const rule of RULES) assert.ok(r.stdout.includes(rule.meta.id), `help lacks rule ${rule.meta.id}`);
  });

  it('--version prints the package version', () => {
    const r = run(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${PKG_VERSION}\n`);
  });
});

describe('imr-lint: usage and configuration errors exit 2', () => {
  it('rejects an unknown rule id and lists the valid ids', () => {
    const r = run(['--rule', 'no-such-rule=off', fxRel('clean.md')]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes('Unknown rule "no-such-rule"'), r.stderr);
    const ids = /Valid rule ids: ([^\n]*)\./.exec(r.stderr)?.[1].split(', ');
    assert.deepEqual(ids, RULES.map((x) => x.meta.id));
  });

  it('rejects an unknown level, a --rule without "=", an unknown option and an unknown format', () => {
    const level = run(['--rule', 'injury-date-mismatch=fatal', fxRel('clean.md')]);
    assert.equal(level.code, 2);
    assert.match(level.stderr, /Unknown level "fatal".*Use one of: off, info, warning, error\./);
    const noEq = run(['--rule', 'injury-date-mismatch', fxRel('clean.md')]);
    assert.equal(noEq.code, 2);
    assert.match(noEq.stderr, /should be ID=LEVEL/);
    const opt = run(['--bogus', fxRel('clean.md')]);
    assert.equal(opt.code, 2);
    assert.match(opt.stderr, /Unknown option '--bogus'/);
    const fmt = run(['--format', 'xml', fxRel('clean.md')]);
    assert.equal(fmt.code, 2);
    assert.match(fmt.stderr, /Unknown format "xml"\. Use one of: stylish, json, sarif\./);
    const size = run(['--max-size', 'huge', fxRel('clean.md')]);
    assert.equal(size.code, 2);
    assert.match(size.stderr, /--max-size "huge" is not a size/);
  });

  it('reports an invalid --guidelines table with its file, JSON path and problem', () => {
    const r = run(['--guidelines', fxRel('guidelines-invalid.json'), fxRel('clean.md')]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^imr-lint: Invalid guideline table test\/fixtures\/cli\/guidelines-invalid\.json:\n {2}rows\[0\]\.limit\.max: .*expected number to be >0/);
  });

  it('reports a --guidelines file that is missing or not JSON', () => {
    const missing = run(['--guidelines', 'no/such/table.json', fxRel('clean.md')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read guideline table no\/such\/table\.json \(no such file\)/);
    const dir = tmp();
    writeFileSync(join(dir, 'broken.json'), '{"rows": [');
    const broken = run(['--guidelines', join(dir, 'broken.json'), fxRel('clean.md')]);
    assert.equal(broken.code, 2);
    assert.ok(broken.stderr.includes(`Invalid guideline table ${join(dir, 'broken.json')}:\n  not valid JSON`), broken.stderr);
  });

  it('exits 2 when nothing matches: a glob, a missing path, an empty folder, no argument', () => {
    const glob = run(['test/fixtures/cli/*.nothing']);
    assert.equal(glob.code, 2);
    assert.match(glob.stderr, /No files matching the pattern "test\/fixtures\/cli\/\*\.nothing" were found\./);
    const missing = run(['test/fixtures/cli/absent.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such file or folder: "test\/fixtures\/cli\/absent\.md"/);
    const empty = tmp();
    writeFileSync(join(empty, 'notes.json'), '{}');
    const folder = run([empty]);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /No \*\.md, \*\.markdown or \*\.txt files found in folder/);
    const none = run([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /No files given/);
  });
});

describe('imr-lint: --rule and --guidelines', () => {
  it('--rule injury-date-mismatch=off suppresses the finding', () => {
    const r = run(['--rule', 'injury-date-mismatch=off', fxRel('injury-mismatch.md')]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });

  it('--rule injury-date-mismatch=warning downgrades it: reported, exit 0', () => {
    const r = run(['--rule', 'injury-date-mismatch=warning', fxRel('injury-mismatch.md')]);
    assert.equal(r.code, 0);
    assert.ok(r.stdout.includes(`  12:78  warning  ${MISMATCH_MESSAGE}  injury-date-mismatch\n`), r.stdout);
    assert.ok(r.stdout.includes('\u2716 1 problem (0 errors, 1 warning, 0 infos)'));
  });

  it('--guidelines rows replace the built-in ones (massage limited to 3 visits flags a 4-visit Overturned request)', () => {
    const r = run(['-f', 'json', '--guidelines', fxRel('guidelines-massage-3.json'), fxRel('clean.md')]);
    assert.equal(r.code, 0); // the finding is a warning
    const [entry] = json(r);
    // The rationale still quotes MTUS's 4-6 visits, which the replacing table no longer gives: limit-misquoted.
    assert.deepEqual(entry.findings.map((f: any) => [f.ruleId, f.severity, f.line]), [['visits-over-limit', 'warning', 18], ['limit-misquoted', 'warning', 24]]);
    assert.match(entry.findings[0].message, /allows 2-3 visits/);
    // Without the table the same letter is clean.
    assert.deepEqual(json(run(['-f', 'json', fxRel('clean.md')]))[0].findings, []);
  });
});

describe('imr-lint --format json', () => {
  it('gives every file with 1-based positions, the 0-based LSP range, counts and fixes', () => {
    const r = run(['--format', 'json', fxRel('clean.md'), fxRel('injury-mismatch.md')]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    const out = json(r);
    assert.equal(out.length, 2);
    assert.deepEqual(out[0], { filePath: fx('clean.md'), findings: [], errorCount: 0, warningCount: 0, infoCount: 0 });
    const e = out[1];
    assert.equal(e.filePath, fx('injury-mismatch.md'));
    assert.deepEqual([e.errorCount, e.warningCount, e.infoCount], [1, 0, 0]);
    assert.equal(e.findings.length, 1);
    const f = e.findings[0];
    assert.equal(f.ruleId, 'injury-date-mismatch');
    assert.equal(f.severity, 'error');
    assert.equal(f.message, MISMATCH_MESSAGE);
    assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [12, 78, 12, 95]);
    assert.deepEqual(f.range, { start: { line: 11, character: 77 }, end: { line: 11, character: 94 } });
    assert.equal(f.docUrl, docUrl('injury-date-mismatch'));
    assert.deepEqual(f.related.map((x: any) => [x.message, x.line, x.column, x.endColumn]), [['Header Date of Injury', 2, 57, 67]]);
    assert.deepEqual(
      f.fixes.map((x: any) => [x.kind, x.preferred, x.edits[0].newText, x.edits[0].line, x.edits[0].column]),
      [['suggestion', false, 'October 22, 2009', 12, 78], ['suggestion', false, '12/22/2009', 2, 57]],
    );
    // What the columns point at, checked against the file itself.
    const lines = readFileSync(fx('injury-mismatch.md'), 'utf8').split('\n');
    assert.equal(lines[f.line - 1].slice(f.column - 1, f.endColumn - 1), 'December 22, 2009');
  });

  it('an empty run over clean files is a valid array', () => {
    assert.deepEqual(json(run(['-f', 'json', fxRel('clean.md')])).map((x: any) => x.errorCount), [0]);
  });
});

describe('imr-lint --format sarif', () => {
  it('is a SARIF 2.1.0 log with every rule, and exact regions for a known finding', () => {
    const r = run(['--format', 'sarif', fxRel('clean.md'), fxRel('injury-mismatch.md')]);
    assert.equal(r.code, 1);
    const log = json(r);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run0 = log.runs[0];
    const driver = run0.tool.driver;
    assert.equal(driver.name, 'imr-lint');
    assert.equal(driver.version, PKG_VERSION);
    assert.equal(driver.informationUri, undefined, 'no web site to link to');
    assert.deepEqual(driver.rules.map((x: any) => x.id), RULES.map((x) => x.meta.id));
    driver.rules.forEach((rule: any, i: number) => {
      const meta = RULES[i].meta;
      assert.equal(rule.helpUri, undefined);
      // The rule's page itself, so that code scanning shows it with no link.
      const page = readFileSync(join(ROOT, 'docs', 'rules', `${meta.id}.md`), 'utf8');
      assert.equal(rule.help.markdown, page);
      assert.ok(rule.help.text.startsWith(`${meta.id}\n`) && !/^#/m.test(rule.help.text), `${meta.id}: help.text is the page as plain text`);
      assert.equal(rule.shortDescription.text, meta.description);
      assert.equal(rule.defaultConfiguration.level, meta.defaultSeverity === 'info' ? 'note' : meta.defaultSeverity);
    });
    assert.equal(run0.results.length, 1);
    const res = run0.results[0];
    assert.equal(res.ruleId, 'injury-date-mismatch');
    assert.equal(driver.rules[res.ruleIndex].id, 'injury-date-mismatch');
    assert.equal(res.level, 'error');
    assert.equal(res.message.text, MISMATCH_MESSAGE);
    const loc = res.locations[0].physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: 'test/fixtures/cli/injury-mismatch.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(loc.region, { startLine: 12, startColumn: 78, endLine: 12, endColumn: 95 });
    assert.equal(run0.originalUriBaseIds['%SRCROOT%'].uri, `file://${ROOT}/`);
    assert.deepEqual(res.relatedLocations.map((x: any) => [x.message.text, x.physicalLocation.region]), [
      ['Header Date of Injury', { startLine: 2, startColumn: 57, endLine: 2, endColumn: 67 }],
    ]);
    // A choice between two dates is a suggestion: SARIF carries only fixes that may run unattended.
    assert.equal(res.fixes, undefined);
    assert.deepEqual(run0.invocations[0], { executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it('carries a redaction, the one kind of fix that may run unattended, as a replacement', () => {
    const log = json(run(['--format', 'sarif', fxRel('phone.md')]));
    const [res] = log.runs[0].results;
    assert.equal(res.ruleId, 'unredacted-phi');
    assert.deepEqual(res.fixes, [
      {
        description: { text: 'Replace the phone number with [REDACTED]' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'test/fixtures/cli/phone.md', uriBaseId: '%SRCROOT%' },
            replacements: [
              { deletedRegion: { startLine: 12, startColumn: 155, endLine: 12, endColumn: 169 }, insertedContent: { text: '[REDACTED]' } },
            ],
          },
        ],
      },
    ]);
  });

  it('regions are the engine\'s LSP positions + 1, for every finding (CRLF letter with non-ASCII text)', () => {
    const dir = tmp();
    // CRLF line ends, an accented name and an astral character before the finding on its line.
    const text = readFileSync(fx('two-errors.md'), 'utf8')
      .replace('The patient is a 48 year old male', 'The patient, José \u{1F600}, is a 48 year old male')
      .replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'letter.md'), text);
    const log = json(run(['-f', 'sarif', 'letter.md'], { cwd: dir }));
    const engine = lint(text, { languageId: 'markdown' }).findings;
    assert.ok(engine.length >= 2);
    const results = log.runs[0].results;
    assert.equal(results.length, engine.length);
    engine.forEach((f, i) => {
      assert.equal(results[i].ruleId, f.ruleId);
      assert.deepEqual(results[i].locations[0].physicalLocation.region, {
        startLine: f.range.start.line + 1,
        startColumn: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      });
    });
    const mismatch = results.find((x: any) => x.ruleId === 'injury-date-mismatch');
    // 'José 😀, ' adds 10 UTF-16 code units before the date.
    assert.deepEqual(mismatch.locations[0].physicalLocation.region, { startLine: 12, startColumn: 88, endLine: 12, endColumn: 105 });
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
  });

  it('maps info to note and records --rule overrides', () => {
    const log = json(run(['-f', 'sarif', '--rule', 'injury-date-mismatch=info', '--rule', 'future-date=off', fxRel('injury-mismatch.md')]));
    assert.equal(log.runs[0].results[0].level, 'note');
    const index = (id: string) => RULES.findIndex((x) => x.meta.id === id);
    assert.deepEqual(log.runs[0].invocations[0].ruleConfigurationOverrides, [
      { descriptor: { id: 'injury-date-mismatch', index: index('injury-date-mismatch') }, configuration: { level: 'note' } },
      { descriptor: { id: 'future-date', index: index('future-date') }, configuration: { enabled: false } },
    ]);
  });
});

describe('imr-lint --fix', () => {
  // A phone number is redacted unattended; a date that differs from the header is a suggestion, left alone.
  const original = readFileSync(fx('phone.md'), 'utf8');
  const PHONE = 'He can be reached at (555) 123-4567.';
  const REDACTED = 'He can be reached at [REDACTED].';

  it('rewrites the file exactly, keeps its mode, leaves no temporary file, and the finding is gone', () => {
    const dir = tmp();
    const file = join(dir, 'letter.md');
    writeFileSync(file, original);
    chmodSync(file, 0o664); // group-writable: a umask of 022 would drop that bit without the chmod
    const inodeBefore = statSync(file).ino;
    const r = run(['--fix', '-f', 'json', 'letter.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const expected = original.replace(PHONE, REDACTED);
    assert.notEqual(expected, original);
    assert.equal(readFileSync(file, 'utf8'), expected);
    assert.equal(statSync(file).mode & 0o777, 0o664);
    assert.notEqual(statSync(file).ino, inodeBefore, 'written through a temporary file and a rename');
    assert.deepEqual(readdirSync(dir), ['letter.md']);
    const [entry] = json(r);
    assert.deepEqual(entry.findings, []);
    assert.equal(entry.fixesApplied, 1);
    // Linting the result again finds nothing.
    const again = run(['letter.md'], { cwd: dir });
    assert.equal(again.code, 0);
    assert.equal(again.stdout, '');
  });

  it('reports what remains after fixing (stylish), exit 1 for a remaining error; never picks one of two dates', () => {
    const dir = tmp();
    const mixed = readFileSync(fx('phone-and-mismatch.md'), 'utf8');
    writeFileSync(join(dir, 'letter.md'), mixed);
    const r = run(['--fix', 'letter.md'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.ok(r.stdout.includes('injury-date-mismatch'), r.stdout);
    assert.ok(!r.stdout.includes('unredacted-phi'), r.stdout);
    assert.ok(!r.stdout.includes('potentially fixable'));
    assert.equal(readFileSync(join(dir, 'letter.md'), 'utf8'), mixed.replace(PHONE, REDACTED));
  });

  it('leaves a file whose findings have only suggestions byte for byte as it was', () => {
    const dir = tmp();
    const file = join(dir, 'letter.md');
    copyFileSync(fx('two-errors.md'), file);
    const before = statSync(file);
    const r = run(['--fix', '-f', 'json', 'letter.md'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(readFileSync(file, 'utf8'), readFileSync(fx('two-errors.md'), 'utf8'));
    assert.equal(statSync(file).ino, before.ino);
    assert.equal(json(r)[0].fixesApplied, 0);
  });

  it('keeps a byte-order mark and CRLF line ends', () => {
    const dir = tmp();
    const file = join(dir, 'letter.md');
    const crlf = '\ufeff' + original.replace(/\n/g, '\r\n');
    writeFileSync(file, crlf);
    const r = run(['--fix', 'letter.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.toString('utf8'), crlf.replace(PHONE, REDACTED));
  });

  it('does not write a read-only file, and says so', () => {
    const dir = tmp();
    const file = join(dir, 'letter.md');
    writeFileSync(file, original);
    chmodSync(file, 0o444);
    const before = statSync(file);
    const r = run(['--fix', 'letter.md'], { cwd: dir });
    assert.equal(r.code, 1); // only a warning remains, but the fix could not be written
    assert.equal(readFileSync(file, 'utf8'), original);
    assert.equal(statSync(file).ino, before.ino);
    assert.equal(statSync(file).mtimeMs, before.mtimeMs);
    assert.match(r.stderr, /^imr-lint: letter\.md: fixes not written: the file is read-only\.$/m);
    assert.ok(r.stdout.includes('12:155  warning  A phone number is in the letter.'), r.stdout);
    assert.deepEqual(readdirSync(dir), ['letter.md']);
    chmodSync(file, 0o644);
  });

  it('does not write a file that needs no fix', () => {
    const dir = tmp();
    const file = join(dir, 'letter.md');
    copyFileSync(fx('clean.md'), file);
    const old = new Date('2020-01-02T03:04:05Z');
    utimesSync(file, old, old);
    const before = statSync(file);
    const r = run(['--fix', 'letter.md'], { cwd: dir });
    assert.equal(r.code, 0);
    const now = statSync(file);
    assert.equal(now.mtimeMs, before.mtimeMs);
    assert.equal(now.ino, before.ino);
  });
});

describe('imr-lint and .imr-lint/suppressions.json', () => {
  const line = readFileSync(fx('injury-mismatch.md'), 'utf8').split('\n')[11].replace(/\s+/g, ' ').trim();
  const entry = { rule: 'injury-date-mismatch', text: 'December 22, 2009', line, file: 'letters/letter.md' };

  it('hides the finding the editor suppressed (file found above the letter), for that letter only', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'letters'));
    mkdirSync(join(dir, '.imr-lint'));
    writeFileSync(join(dir, '.imr-lint', 'suppressions.json'), JSON.stringify({ version: 1, suppressions: [entry] }));
    copyFileSync(fx('injury-mismatch.md'), join(dir, 'letters', 'letter.md'));
    copyFileSync(fx('injury-mismatch.md'), join(dir, 'letters', 'other.md'));
    const r = run(['-f', 'json', 'letter.md', 'other.md'], { cwd: join(dir, 'letters') });
    assert.equal(r.stderr, '');
    assert.deepEqual(json(r).map((e: any) => e.findings.map((f: any) => f.ruleId)), [[], ['injury-date-mismatch']]);
  });

  it('a broken suppressions file is named on stderr once, and its findings are reported', () => {
    const dir = tmp();
    mkdirSync(join(dir, '.imr-lint'));
    writeFileSync(join(dir, '.imr-lint', 'suppressions.json'), '{"version": 1, "suppressions": [');
    copyFileSync(fx('injury-mismatch.md'), join(dir, 'a.md'));
    copyFileSync(fx('injury-mismatch.md'), join(dir, 'b.md'));
    const r = run(['a.md', 'b.md'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stderr.match(/is ignored/g)?.length, 1, r.stderr);
    assert.match(r.stderr, /^imr-lint: \.imr-lint\/suppressions\.json is ignored: it is not valid JSON/m);
    assert.equal(r.stdout.match(/injury-date-mismatch/g)?.length, 2);
  });
});

describe('imr-lint: files that cannot be linted', () => {
  function badFolder(): string {
    const dir = tmp();
    writeFileSync(join(dir, 'a-binary.md'), Buffer.from([0x3c, 0x62, 0x3e, 0x00, 0x01, 0x02, 0x0a]));
    writeFileSync(join(dir, 'b-latin1.md'), Buffer.concat([Buffer.from('Jos'), Buffer.from([0xe9]), Buffer.from(' is a 48 year old male\n')]));
    copyFileSync(fx('injury-mismatch.md'), join(dir, 'c-good.md'));
    return dir;
  }

  it('stylish: one message per bad file on stderr, the good file is still linted, exit 1', () => {
    const dir = badFolder();
    const r = run(['.'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      'imr-lint: a-binary.md: Binary file (NUL byte at offset 3), not a text letter; skipped.\n' +
        'imr-lint: b-latin1.md: Not valid UTF-8 (invalid byte 0xe9 at offset 3). Save the file as UTF-8.\n',
    );
    assert.ok(r.stdout.includes(`c-good.md\n  12:78  error  ${MISMATCH_MESSAGE}  injury-date-mismatch\n`));
    assert.ok(r.stdout.includes('\u2716 1 problem (1 error, 0 warnings, 0 infos); 2 files could not be linted'));
  });

  it('a bad file alone makes the run exit 1 even when the other files are clean', () => {
    const dir = badFolder();
    copyFileSync(fx('clean.md'), join(dir, 'c-good.md'));
    const r = run(['.'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '\n\u2716 2 files could not be linted\n\n');
  });

  it('json: a file-level error entry per bad file', () => {
    const dir = badFolder();
    const out = json(run(['-f', 'json', '.'], { cwd: dir }));
    assert.deepEqual(
      out.map((e: any) => [e.filePath, e.error?.code, e.errorCount, e.findings.length]),
      [
        [join(dir, 'a-binary.md'), 'binary', 1, 0],
        [join(dir, 'b-latin1.md'), 'invalid-utf8', 1, 0],
        [join(dir, 'c-good.md'), undefined, 1, 1],
      ],
    );
    assert.match(out[1].error.message, /^Not valid UTF-8/);
  });

  it('sarif: a tool execution notification per bad file, results for the good one', () => {
    const dir = badFolder();
    const log = json(run(['-f', 'sarif', '.'], { cwd: dir }));
    const inv = log.runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.deepEqual(
      inv.toolExecutionNotifications.map((n: any) => [n.level, n.locations[0].physicalLocation.artifactLocation.uri, n.properties.code]),
      [['error', 'a-binary.md', 'binary'], ['error', 'b-latin1.md', 'invalid-utf8']],
    );
    assert.deepEqual(log.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri), ['c-good.md']);
  });

  it('--max-size skips larger files with a message', () => {
    const r = run(['--max-size', '1KB', '-f', 'json', fxRel('clean.md')]);
    assert.equal(r.code, 1);
    const [entry] = json(r);
    assert.equal(entry.error.code, 'too-large');
    assert.match(entry.error.message, /^File too large \(1\.7 KB; the limit is 1 KB, see --max-size\); skipped\.$/);
    assert.equal(run(['--max-size', '2KB', fxRel('clean.md')]).code, 0);
  });

  it('strips a UTF-8 byte-order mark before linting (columns on line 1 are not shifted)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bom.md'), '\ufeff' + readFileSync(fx('two-errors.md'), 'utf8'));
    const [entry] = json(run(['-f', 'json', 'bom.md'], { cwd: dir }));
    const caseNumber = entry.findings.find((f: any) => f.ruleId === 'invalid-case-number');
    assert.deepEqual([caseNumber.line, caseNumber.column, caseNumber.endColumn], [1, 21, 31]);
  });
});

describe('imr-lint: folders, globs and languages', () => {
  function tree(): string {
    const dir = tmp();
    const letter = readFileSync(fx('clean.md'));
    for (const p of ['a.md', 'b.markdown', 'c.txt', 'notes.json', 'sub/d.md', 'sub/deeper/e.MD', 'node_modules/pkg/f.md', '.drafts/g.md', 'sub/.h.md']) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), letter);
    }
    return dir;
  }
  const paths = (r: Run, dir: string) => json(r).map((e: any) => e.filePath.slice(dir.length + 1));

  it('walks folders for .md, .markdown and .txt, skipping node_modules and dot-folders', () => {
    const dir = tree();
    assert.deepEqual(paths(run(['-f', 'json', '.'], { cwd: dir }), dir), ['a.md', 'b.markdown', 'c.txt', 'sub/.h.md', 'sub/d.md', 'sub/deeper/e.MD']);
  });

  it('expands globs (**, braces) and lints each file once', () => {
    const dir = tree();
    assert.deepEqual(paths(run(['-f', 'json', '**/*.md'], { cwd: dir }), dir), ['a.md', 'sub/d.md']);
    assert.deepEqual(paths(run(['-f', 'json', '*.{md,txt}', 'a.md'], { cwd: dir }), dir), ['a.md', 'c.txt']);
    assert.deepEqual(paths(run(['-f', 'json', 'sub/**/*.{md,MD}'], { cwd: dir }), dir), ['sub/d.md', 'sub/deeper/e.MD']);
    assert.deepEqual(paths(run(['-f', 'json', 'su?/[cd].md'], { cwd: dir }), dir), ['sub/d.md']);
    // A named file is linted whatever its extension; a pattern inside a dot-folder named literally works.
    assert.deepEqual(paths(run(['-f', 'json', '.drafts/*.md'], { cwd: dir }), dir), ['.drafts/g.md']);
  });

  it('reads .txt as plain text and the rest as Markdown', () => {
    // The fix for a missing heading is written in the file's language: "### " only in Markdown.
    const dir = tmp();
    copyFileSync(fx('no-how-heading.txt'), join(dir, 'letter.txt'));
    copyFileSync(fx('no-how-heading.txt'), join(dir, 'letter.md'));
    const out = json(run(['-f', 'json', 'letter.md', 'letter.txt'], { cwd: dir }));
    const headingFix = (e: any) => e.findings.find((f: any) => f.ruleId === 'missing-section').fixes[0].edits[0].newText;
    assert.match(headingFix(out[0]), /^### HOW THE IMR FINAL DETERMINATION WAS MADE\n/);
    assert.match(headingFix(out[1]), /^HOW THE IMR FINAL DETERMINATION WAS MADE\n/);
    // And the plain-text letter's date mismatch is found at its place.
    const f = out[1].findings.find((x: any) => x.ruleId === 'injury-date-mismatch');
    assert.deepEqual([f.line, f.column], [13, 78]);
  });
});

describe('imr-lint: long runs', () => {
  it('lints 1,000 letters under 200 MB, with no progress bar when stderr is piped', () => {
    const dir = tmp();
    const letters = [readFileSync(fx('injury-mismatch.md')), readFileSync(fx('clean.md')), readFileSync(fx('two-errors.md'))];
    for (let i = 0; i < 1000; i++) writeFileSync(join(dir, `letter-${String(i).padStart(4, '0')}.md`), letters[i % 3]);
    // Measure the real CLI's peak resident memory from inside its own process.
    const wrapper = join(dir, '..', `measure-${tmpCount}.cjs`);
    writeFileSync(
      wrapper,
      `process.on('exit', () => require('node:fs').writeSync(2, 'MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n` +
        `require(${JSON.stringify(BIN)});\n`,
    );
    const r = spawnSync(process.execPath, [wrapper, '-f', 'sarif', dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: '' } });
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout);
    // 334 mismatch letters (1 result) + 333 two-error letters (2 results).
    assert.equal(log.runs[0].results.length, 334 + 333 * 2);
    const m = /^MAXRSS_KB=(\d+)\n$/.exec(r.stderr);
    assert.ok(m, `stderr should hold only the measurement, got: ${JSON.stringify(r.stderr.slice(0, 300))}`);
    const mb = Number(m[1]) / 1024;
    assert.ok(mb < 200, `peak RSS ${mb.toFixed(0)} MB`);
  });
});

describe('imr-lint in a terminal', { skip: !existsSync('/usr/bin/script') && 'needs script(1) for a pseudo-terminal' }, () => {
  // script(1) runs the command on a pseudo-terminal and copies what it prints to our pipe.
  function inTerminal(command: string, env: NodeJS.ProcessEnv = {}): string {
    const r = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: '', NO_COLOR: '', TERM: 'xterm', ...env },
    });
    return r.stdout;
  }
  const cli = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`;

  it('colours stylish output, unless NO_COLOR is set', () => {
    const coloured = inTerminal(`${cli} ${fxRel('injury-mismatch.md')}`);
    assert.ok(coloured.includes('\u001b[31merror\u001b[39m'), JSON.stringify(coloured.slice(0, 200)));
    const plain = inTerminal(`${cli} ${fxRel('injury-mismatch.md')}`, { NO_COLOR: '1' });
    assert.ok(plain.includes('12:78  error  The date of injury'));
    assert.ok(!plain.includes('\u001b['));
  });

  it('draws a progress bar in place on stderr for more than 20 files and clears it; none in CI', () => {
    const dir = tmp();
    for (let i = 0; i < 25; i++) copyFileSync(fx('clean.md'), join(dir, `l${String(i).padStart(2, '0')}.md`));
    const shown = inTerminal(`${cli} ${JSON.stringify(dir)}`);
    assert.match(shown, /^\r\[#?-+\] 1\/25 .*l00\.md\u001b\[K/);
    assert.match(shown, /\r\[#+\] 25\/25 .*l24\.md\u001b\[K\r\u001b\[K$/);
    assert.ok(!shown.includes('\n'), 'redrawn in place');
    assert.equal(inTerminal(`${cli} ${JSON.stringify(dir)}`, { CI: 'true' }), '');
    const few = tmp();
    for (let i = 0; i < 20; i++) copyFileSync(fx('clean.md'), join(few, `l${i}.md`));
    assert.equal(inTerminal(`${cli} ${JSON.stringify(few)}`), '');
  });
});

describe('imr-lint --fix writes determinations only', () => {
  const PHONE_LINE = 'Questions: call (555) 123-4567.';

  it('a README and a CHANGELOG (each with a phone number to redact) and empty files are linted and reported as without --fix, never written', () => {
    const dir = tmp();
    const texts: Record<string, string> = {
      'CHANGELOG.md': `# Changelog\n\n## 0.1.0\n\n- First release. ${PHONE_LINE}\n`,
      'README.md': `# imr-tools\n\nLinting for letters. ${PHONE_LINE}\n`,
      'blank.imr.md': '\n\n', // named as a determination, but nothing in it
      'empty.md': '',
    };
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
    copyFileSync(fx('phone.md'), join(dir, 'letter.md'));
    const plainRun = run(['-f', 'json', '.'], { cwd: dir });
    const plain = json(plainRun);
    const fixedRun = run(['--fix', '-f', 'json', '.'], { cwd: dir });
    assert.equal(fixedRun.stderr, '');
    const fixed = json(fixedRun);
    const names = ['CHANGELOG.md', 'README.md', 'blank.imr.md', 'empty.md', 'letter.md'];
    assert.deepEqual(fixed.map((e: any) => e.filePath), names.map((n) => join(dir, n)));
    // Not one byte written to what is not a determination, or is empty.
    for (const [name, text] of Object.entries(texts)) assert.equal(readFileSync(join(dir, name), 'utf8'), text, name);
    // Reported as a run without --fix reports them (the README's phone number included).
    for (let i = 0; i < 4; i++) {
      assert.deepEqual(fixed[i].findings, plain[i].findings, names[i]);
      assert.equal(fixed[i].fixesApplied, 0, names[i]);
    }
    assert.ok(fixed[1].findings.some((f: any) => f.ruleId === 'unredacted-phi'), 'the README\'s phone number is still reported');
    assert.equal(fixedRun.code, plainRun.code);
    // The letter is a determination: its phone number is redacted.
    assert.equal(fixed[4].fixesApplied, 1);
    assert.equal(readFileSync(join(dir, 'letter.md'), 'utf8'), readFileSync(fx('phone.md'), 'utf8').replace('(555) 123-4567', '[REDACTED]'));
    assert.deepEqual(readdirSync(dir).sort(), [...names].sort());
  });
});

describe('imr-lint --fix and temporary copies', () => {
  it('removes the temporary copies a killed --fix left beside a letter (our name pattern, and old or of a dead process), nothing else', () => {
    const dir = tmp();
    copyFileSync(fx('phone.md'), join(dir, 'letter.md'));
    const hourAgo = new Date(Date.now() - 3600_000);
    const removed = [
      '.letter.md.99999999-0badf00d.imr-lint.tmp', // its process is gone (no pid is that high)
      `.letter.md.${process.pid}-deadbeef.imr-lint.tmp`, // its process runs, but it is an hour old
      '.other.md.99999999-00c0ffee.imr-lint.tmp', // another letter's copy in the same folder
    ];
    const kept = [
      `.letter.md.${process.pid}-cafebabe.imr-lint.tmp`, // fresh, of a running process: a run going on now
      '.letter.md.tmp',
      'letter.md.99999999-0badf00d.imr-lint.tmp',
      '.letter.md.99999999-0BADF00D.imr-lint.tmp',
      '.letter.md.99999999-0badf00d.imr-lint.tmp.bak',
      '.letter.md.99999999-0badf0.imr-lint.tmp',
    ];
    for (const name of [...removed, ...kept]) writeFileSync(join(dir, name), 'Patient: Jane Doe');
    utimesSync(join(dir, removed[1]), hourAgo, hourAgo);
    mkdirSync(join(dir, '.folder.md.99999999-0badf00d.imr-lint.tmp')); // not a regular file
    const r = run(['--fix', 'letter.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['.folder.md.99999999-0badf00d.imr-lint.tmp', ...kept, 'letter.md'].sort());
    assert.equal(
      r.stderr,
      [...removed].sort().map((n) => `imr-lint: ${n}: removed a temporary copy of a letter left by an interrupted --fix.\n`).join(''),
    );
    assert.ok(readFileSync(join(dir, 'letter.md'), 'utf8').includes('[REDACTED]'));
  });

  it('writes the temporary copy with mode 0600; the file gets its own mode back at the rename', () => {
    const dir = tmp();
    const file = join(dir, 'letter.md');
    copyFileSync(fx('phone.md'), file);
    chmodSync(file, 0o644);
    // Records the mode of every file descriptor the CLI writes text to (the temporary copy).
    const preload = join(dir, '..', `record-mode-${tmpCount}.cjs`);
    writeFileSync(
      preload,
      `const fs = require('node:fs');\nconst write = fs.writeFileSync;\n` +
        `fs.writeFileSync = function (f, ...rest) {\n` +
        `  if (typeof f === 'number') fs.writeSync(2, 'TMPMODE=' + (fs.fstatSync(f).mode & 0o777).toString(8) + '\\n');\n` +
        `  return write.call(this, f, ...rest);\n};\n`,
    );
    const r = run(['--fix', 'letter.md'], { cwd: dir, node: ['--require', preload] });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stderr.match(/TMPMODE=\d+/g), ['TMPMODE=600']);
    assert.equal(statSync(file).mode & 0o777, 0o644);
    assert.ok(readFileSync(file, 'utf8').includes('[REDACTED]'));
  });
});

describe('imr-lint: globs matched by tinyglobby', () => {
  it('an invalid pattern is one usage message, exit 2, never a stack trace', () => {
    const dir = tmp();
    copyFileSync(fx('clean.md'), join(dir, 'm.md'));
    const r = run(['[z-a]*.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'imr-lint: The pattern "[z-a]*.md" is not a valid glob: range out of order in character class.\nRun "imr-lint --help" for usage.\n');
  });

  it('twenty brace alternations in a row are matched, not expanded (no stack overflow)', () => {
    const dir = tmp();
    const name = 'ab'.repeat(10);
    copyFileSync(fx('clean.md'), join(dir, name));
    copyFileSync(fx('clean.md'), join(dir, 'abc'));
    const r = run(['-f', 'json', '{a,b}'.repeat(20)], { cwd: dir, timeout: 10000 });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.deepEqual(json(r).map((e: any) => e.filePath), [join(dir, name)]);
  });

  it('ten "*a" against a 40-character name: refused at once as too complex (exit 2), no backtracking for seconds', () => {
    const dir = tmp();
    writeFileSync(join(dir, `${'a'.repeat(39)}b`), 'x');
    const started = Date.now();
    const r = run(['*a'.repeat(10)], { cwd: dir, timeout: 10000 });
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'imr-lint: The pattern "*a*a*a*a*a*a*a*a*a*a" is too complex to be matched quickly: it has too many "*" wildcards (at most 3 in one path segment, and at most 2 beyond the first of each segment in all). Simplify it, or name the folder instead.\n' +
        'Run "imr-lint --help" for usage.\n',
    );
  });

  it('patterns within the wildcard limit work: three "*" in a segment, "*" in several segments, "**" twice', () => {
    const dir = tmp();
    for (const name of ['cases/2015/CM15-0001-a-final.md', 'cases/2016/CM16-0002-b-final.md', 'cases/2016/notes.md']) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      copyFileSync(fx('clean.md'), join(dir, name));
    }
    const paths = (pattern: string) => json(run(['-f', 'json', pattern], { cwd: dir })).map((e: any) => e.filePath.slice(dir.length + 1));
    assert.deepEqual(paths('cases/*/*-*-*.md'), ['cases/2015/CM15-0001-a-final.md', 'cases/2016/CM16-0002-b-final.md']);
    assert.deepEqual(paths('*/*16/*-*.md'), ['cases/2016/CM16-0002-b-final.md']);
    assert.deepEqual(paths('**/2016/**/*.md'), ['cases/2016/CM16-0002-b-final.md', 'cases/2016/notes.md']);
    const tooMany = run(['cases/*/*-*-*-*.md'], { cwd: dir });
    assert.equal(tooMany.code, 2);
    assert.match(tooMany.stderr, /^imr-lint: The pattern "cases\/\*\/\*-\*-\*-\*\.md" is too complex to be matched quickly/);
  });

  it('parentheses, "|" and a leading "!" are text in names; links to files are followed, links to folders are not', () => {
    const dir = tmp();
    for (const name of ['letter (2).md', 'x|y.md', '!draft.md', 'real/r.md']) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      copyFileSync(fx('clean.md'), join(dir, name));
    }
    symlinkSync('letter (2).md', join(dir, 'link.md'));
    symlinkSync('real', join(dir, 'linked'));
    const paths = (args: string[]) => json(run(['-f', 'json', ...args], { cwd: dir })).map((e: any) => e.filePath.slice(dir.length + 1));
    assert.deepEqual(paths(['*(2).md']), ['letter (2).md']);
    assert.deepEqual(paths(['*|*.md']), ['x|y.md']);
    assert.deepEqual(paths(['!*.md']), ['!draft.md']);
    assert.deepEqual(paths(['**/*.md']), ['!draft.md', 'letter (2).md', 'link.md', 'real/r.md', 'x|y.md']);
    assert.deepEqual(paths(['.']), ['!draft.md', 'letter (2).md', 'link.md', 'real/r.md', 'x|y.md']);
  });

  it('a folder walk keeps the order of a sorted depth-first walk (a folder before a longer name it begins)', () => {
    const dir = tmp();
    for (const name of ['a-b.md', 'a/x.md', 'a.md', 'B.md']) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      copyFileSync(fx('clean.md'), join(dir, name));
    }
    const paths = json(run(['-f', 'json', '.'], { cwd: dir })).map((e: any) => e.filePath.slice(dir.length + 1));
    assert.deepEqual(paths, ['B.md', 'a/x.md', 'a-b.md', 'a.md']);
  });
});

describe('imr-lint: arguments that are not letters say what they are', () => {
  it('a symbolic link loop is named as one, exit 2', () => {
    const dir = tmp();
    symlinkSync('loop.md', join(dir, 'loop.md'));
    const r = run(['loop.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'imr-lint: "loop.md" is a symbolic link loop (following it leads back to itself), not a file or folder.\nRun "imr-lint --help" for usage.\n');
  });

  it('a broken symbolic link is named as one, with its target', () => {
    const dir = tmp();
    symlinkSync('gone.md', join(dir, 'letter.md'));
    const r = run(['letter.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'imr-lint: "letter.md" is a broken symbolic link (to "gone.md", which does not exist).\nRun "imr-lint --help" for usage.\n');
  });

  // Root reads every folder: then the CLI runs as "nobody" (uid 65534), for whom mode 000 means no.
  const asUser = typeof process.getuid === 'function' && process.getuid() === 0 ? 65534 : undefined;
  const canSwitch = asUser === undefined || run(['--version'], { cwd: tmpdir(), uid: asUser }).code === 0;

  it('a folder that cannot be read: as an argument, named with the reason (exit 2); inside a walk, reported and the rest linted (exit 1)', { skip: !canSwitch && 'cannot run the CLI as another user here' }, () => {
    const base = mkdtempSync(join(tmpdir(), 'imr-lint-locked-'));
    try {
      chmodSync(base, 0o755);
      const letters = join(base, 'letters');
      mkdirSync(join(letters, 'locked'), { recursive: true, mode: 0o755 });
      chmodSync(letters, 0o755);
      copyFileSync(fx('clean.md'), join(letters, 'ok.md'));
      copyFileSync(fx('injury-mismatch.md'), join(letters, 'locked', 'hidden.md'));
      chmodSync(join(letters, 'locked'), 0o000);
      const opts = { cwd: letters, uid: asUser };

      const named = run(['locked'], opts);
      assert.equal(named.code, 2);
      assert.equal(named.stderr, 'imr-lint: Cannot read folder "locked" (permission denied).\nRun "imr-lint --help" for usage.\n');

      const walked = run(['.'], opts);
      assert.equal(walked.code, 1);
      assert.equal(walked.stderr, 'imr-lint: locked: Cannot read the folder (permission denied); the letters in it are not linted.\n');
      assert.equal(walked.stdout, '\n\u2716 1 file could not be linted\n\n');

      const globbed = run(['**/*.md'], opts);
      assert.equal(globbed.code, 1);
      assert.equal(globbed.stderr, walked.stderr);

      const entries = json(run(['-f', 'json', '.'], opts));
      assert.deepEqual(entries.map((e: any) => [e.filePath, e.error?.code]), [[join(letters, 'locked'), 'unreadable'], [join(letters, 'ok.md'), undefined]]);
    } finally {
      chmodSync(join(base, 'letters', 'locked'), 0o755);
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('imr-lint: control characters', () => {
  it('stylish escapes control characters in file names and messages (stdout and stderr); JSON keeps the name exact', () => {
    const dir = tmp();
    const name = 'evil\u001b[2J\u0007name.md';
    writeFileSync(join(dir, name), readFileSync(fx('injury-mismatch.md')));
    const binary = 'bin\u001b]0;x\u0007.md';
    writeFileSync(join(dir, binary), Buffer.from([0x3c, 0x62, 0x3e, 0x00, 0x0a]));
    const caseNumber = 'case\t\u009b\u007f.md';
    writeFileSync(join(dir, caseNumber), readFileSync(fx('two-errors.md'), 'utf8').replace('CM14-00044', 'CM14-0\u001b[31m0044'));
    const r = run([name, binary, caseNumber], { cwd: dir });
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout + r.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, 'no raw control character');
    assert.ok(r.stdout.startsWith(`\nevil\\u001b[2J\\u0007name.md\n  12:78  error  ${MISMATCH_MESSAGE}  injury-date-mismatch\n`), r.stdout);
    assert.ok(r.stdout.includes('\ncase\\t\\u009b\\u007f.md\n  1:21   error  Case Number "CM14-0\\u001b[31m0044" is not of the form'), r.stdout);
    assert.equal(r.stderr, 'imr-lint: bin\\u001b]0;x\\u0007.md: Binary file (NUL byte at offset 3), not a text letter; skipped.\n');
    assert.equal(json(run(['-f', 'json', name], { cwd: dir }))[0].filePath, join(dir, name));
  });

  it('a usage message escapes them too', () => {
    const r = run(['no\u001b\u0007file.md'], { cwd: tmp() });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'imr-lint: No such file or folder: "no\\u001b\\u0007file.md".\nRun "imr-lint --help" for usage.\n');
  });
});

describe('imr-lint --guidelines size limit', () => {
  it('a table over 5 MB is refused before it is read: one message naming the file and the limit, exit 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big.json'), `{"rows": [${' '.repeat(6 * 1024 * 1024)}]}`);
    const r = run(['--guidelines', 'big.json', fx('clean.md')], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'imr-lint: Guideline table big.json is too large (6 MB; the limit is 5 MB).\n');
  });

  it('a table read from a pipe is cut off at the limit as well', () => {
    const dir = tmp();
    const r = spawnSync('/bin/sh', ['-c', `head -c 6000000 /dev/zero | ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --guidelines /dev/stdin ${JSON.stringify(fx('clean.md'))}`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'imr-lint: Guideline table /dev/stdin is too large (more than 5 MB; the limit is 5 MB).\n');
  });
});
