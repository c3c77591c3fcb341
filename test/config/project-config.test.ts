import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseProjectConfig } from '../../server/src/config/projectConfig.ts';
import { ProjectConfigStore } from '../../server/src/io/projectConfigStore.ts';

const at = (text: string, needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

test('comments and trailing commas are allowed; rules, layout, include and ignore are read', () => {
  const text = `// team settings
{
  /* severities */
  "rules": { "visits-over-limit": "error", "pronoun-mismatch": "off", },
  "layout": "notice-2013",
  "include": ["drafts/**/*.txt"],
  "ignore": ["archive/**"],
}`;
  const { config, problems } = parseProjectConfig(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.rules, { 'visits-over-limit': 'error', 'pronoun-mismatch': 'off' });
  assert.equal(config.layout, 'notice-2013');
  assert.deepEqual(config.include, ['drafts/**/*.txt']);
  assert.deepEqual(config.ignore, ['archive/**']);
});

test('an unknown rule and a bad level are problems at their place; the other rules still apply', () => {
  const text = '{"rules": {"visits-over-limit": "error", "vists-over-limit": "warning", "late-decision": "loud"}}';
  const { config, problems } = parseProjectConfig(text);
  assert.deepEqual(config.rules, { 'visits-over-limit': 'error' });
  assert.deepEqual(problems.map((p) => ({ start: p.start, end: p.end, severity: p.severity })), [
    { ...at(text, '"vists-over-limit"'), severity: 'error' },
    { ...at(text, '"loud"'), severity: 'error' },
  ]);
  assert.match(problems[0].message, /Unknown rule "vists-over-limit"/);
  assert.match(problems[1].message, /Rule "late-decision": the level must be/);
});

test('an unknown key is a warning on the key; a value of the wrong type is an error on the value, and the rest applies', () => {
  const text = '{"rulez": {}, "layout": "fancy", "ignore": "archive", "rules": {"late-decision": "off"}}';
  const { config, problems } = parseProjectConfig(text);
  assert.deepEqual(config.rules, { 'late-decision': 'off' });
  assert.equal(config.layout, undefined);
  assert.deepEqual(config.ignore, []);
  assert.deepEqual(problems.map((p) => [text.slice(p.start, p.end), p.severity]), [
    ['"rulez"', 'warning'],
    ['"fancy"', 'error'],
    ['"archive"', 'error'],
  ]);
});

test('a syntax error is reported where it is; what could be read still applies', () => {
  const text = '{\n  "rules": {"late-decision": "off"}\n  "layout": "standard"\n}';
  const { config, problems } = parseProjectConfig(text);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].start, text.indexOf('"layout"'));
  assert.match(problems[0].message, /Not valid JSON with comments: comma expected/);
  assert.deepEqual(config.rules, { 'late-decision': 'off' });
  assert.equal(config.layout, 'standard');
});

test('not an object, empty, or a byte-order mark: no crash, offsets kept', () => {
  assert.match(parseProjectConfig('[1, 2]').problems[0].message, /must be an object/);
  assert.deepEqual(parseProjectConfig('').config.rules, {});
  const bom = '\uFEFF{"rules": {"late-decision": "loud"}}';
  const p = parseProjectConfig(bom).problems[0];
  assert.equal(bom.slice(p.start, p.end), '"loud"');
});

test('an inline guideline table is built over the built-in rows; its problems name the row and field', () => {
  const row = { id: 'massage-therapy', treatment: 'massage', names: ['massage'], source: 'MTUS', guideline: { part: 'Chronic Pain Medical Treatment' }, limit: { max: 3, unit: 'visits', text: '3 visits' }, checkRequests: true, confirmed: true };
  const good = parseProjectConfig(JSON.stringify({ guidelines: { rows: [row] } }));
  assert.deepEqual(good.problems, []);
  assert.equal(good.config.guidelinesTable?.rows.find((r) => r.id === 'massage-therapy')?.limit?.max, 3);
  assert.ok(good.config.guidelinesTable!.rows.length > 1, 'the built-in rows stay');
  const text = JSON.stringify({ guidelines: { rows: [{ ...row, limit: { max: -1, unit: 'visits', text: 'x' } }] } });
  const bad = parseProjectConfig(text);
  assert.equal(bad.config.guidelinesTable, undefined);
  assert.equal(bad.problems.length, 1);
  assert.equal(text.slice(bad.problems[0].start, bad.problems[0].end), '-1');
  assert.match(bad.problems[0].message, /^"guidelines"\.rows\[0\]\.limit\.max: /);
});

const dir = mkdtempSync(join(tmpdir(), 'imr-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the store finds the nearest file above a letter, and reads it again when it changes', () => {
  mkdirSync(join(dir, 'team', 'cases', '2016'), { recursive: true });
  const file = join(dir, 'team', '.imr-lint.jsonc');
  writeFileSync(file, '{"rules": {"late-decision": "off"}}');
  const store = new ProjectConfigStore();
  const letter = join(dir, 'team', 'cases', '2016', 'a.md');
  assert.equal(store.forFile(letter).path, file);
  assert.deepEqual(store.forFile(letter).config.rules, { 'late-decision': 'off' });
  assert.equal(store.forFile(join(dir, 'other.md')).path, undefined);
  writeFileSync(file, '{"rules": {"late-decision": "error", "pronoun-mismatch": "off"}}');
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(store.forFile(letter).config.rules, { 'late-decision': 'error', 'pronoun-mismatch': 'off' });
  // A nearer file appears: found after invalidate() (the server calls it on a file-watcher event).
  writeFileSync(join(dir, 'team', 'cases', '.imr-lint.jsonc'), '{}');
  store.invalidate();
  assert.equal(store.forFile(letter).path, join(dir, 'team', 'cases', '.imr-lint.jsonc'));
});

test('a guideline table by path is relative to the file; a missing one is a problem on the value', () => {
  const base = join(dir, 'tables');
  mkdirSync(base, { recursive: true });
  const text = '{"guidelines": "limits.json"}';
  writeFileSync(join(base, '.imr-lint.jsonc'), text);
  const store = new ProjectConfigStore();
  const missing = store.forFile(join(base, 'x.md'));
  assert.equal(missing.table, undefined);
  assert.equal(text.slice(missing.problems[0].start, missing.problems[0].end), '"limits.json"');
  assert.match(missing.problems[0].message, /Cannot read the guideline table .*limits\.json \(ENOENT\)/);
  writeFileSync(join(base, 'limits.json'), JSON.stringify({ rows: [] }));
  const found = store.forFile(join(base, 'x.md'));
  assert.deepEqual(found.problems, []);
  assert.ok(found.table);
  const untrusted = new ProjectConfigStore({ readGuidelinePaths: () => false }).forFile(join(base, 'x.md'));
  assert.equal(untrusted.table, undefined);
  assert.match(untrusted.problems[0].message, /untrusted workspace/);
});

test("an open editor's unsaved text wins over the disk", () => {
  const base = join(dir, 'open');
  mkdirSync(base, { recursive: true });
  const file = join(base, '.imr-lint.jsonc');
  writeFileSync(file, '{"rules": {"late-decision": "off"}}');
  let open: string | undefined = '{"rules": {"late-decision": "warning"}}';
  const store = new ProjectConfigStore({ textOf: (p) => (p === file ? open : undefined) });
  assert.deepEqual(store.forFile(join(base, 'x.md')).config.rules, { 'late-decision': 'warning' });
  open = '{"rules": {"late-decision": "error"}}';
  assert.deepEqual(store.forFile(join(base, 'x.md')).config.rules, { 'late-decision': 'error' });
  open = undefined;
  assert.deepEqual(store.forFile(join(base, 'x.md')).config.rules, { 'late-decision': 'off' });
});
