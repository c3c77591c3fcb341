// Suppressions outside the letter: keyed by rule, finding text and line text, so they survive edits
// elsewhere; the file is found by walking up from the letter, read once per change, written atomically.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { lint } from '../../server/src/index.ts';
import { SuppressionStore, findSuppressionFile } from '../../server/src/io/suppressionStore.ts';
import { addSuppression, parseSuppressionFile, suppressionFor } from '../../server/src/suppressions.ts';
import { CLEAN_MD, CLEAN_TXT, replaceOnce, toCrlf } from '../rules/helpers.ts';

const LATER = 'The claimant is a 52 year old female with chronic neck pain.';
const withAge = (base = CLEAN_MD) => replaceOnce(base, 'She has been treated', `${LATER} She has been treated`);
const ageFinding = (text: string) => lint(text).findings.find((f) => f.ruleId === 'age-mismatch')!;

test('the key: rule, the finding\'s text and its whole line, white space folded', () => {
  const text = withAge();
  const line = text.split('\n').find((l) => l.includes(LATER))!;
  assert.deepEqual(suppressionFor(text, ageFinding(text), 'letters/a.md'), { rule: 'age-mismatch', text: '52', line: line.replace(/\s+/g, ' ').trim(), file: 'letters/a.md' });
});

test('a suppressed finding is hidden, the others stay, and the letter is not changed', () => {
  const text = withAge();
  const entry = suppressionFor(text, ageFinding(text));
  const before = lint(text).findings.map((f) => f.ruleId);
  const r = lint(text, { suppressions: [entry] });
  assert.equal(r.suppressed, 1);
  assert.deepEqual(r.findings.map((f) => f.ruleId), before.filter((id) => id !== 'age-mismatch'));
});

test('it survives an edit above (a new paragraph, CRLF line ends) and comes back when its own line changes', () => {
  const text = withAge();
  const entry = suppressionFor(text, ageFinding(text));
  const above = toCrlf(replaceOnce(text, '### CLINICAL CASE SUMMARY', '### CLINICAL CASE SUMMARY\n\nRecords from 2015 and 2016 were reviewed.\n'));
  assert.ok(!lint(above, { suppressions: [entry] }).findings.some((f) => f.ruleId === 'age-mismatch'));
  const edited = replaceOnce(text, LATER, 'The claimant is a 52 year old female with chronic low back pain.');
  assert.ok(lint(edited, { suppressions: [entry] }).findings.some((f) => f.ruleId === 'age-mismatch'));
});

test('an entry with a file holds for that file only; without one, for every letter', () => {
  const text = withAge();
  const entry = suppressionFor(text, ageFinding(text), 'a.md');
  assert.equal(lint(text, { suppressions: [entry], file: 'a.md' }).suppressed, 1);
  assert.equal(lint(text, { suppressions: [entry], file: 'b.md' }).suppressed, 0);
  const { file: _f, ...everywhere } = entry;
  assert.equal(lint(text, { suppressions: [everywhere], file: 'b.md' }).suppressed, 1);
});

test('plain text: a finding on a wrapped line is keyed by that line', () => {
  const text = replaceOnce(CLEAN_TXT, 'neck: Upheld', 'neck: Overturned');
  const f = lint(text, { languageId: 'plaintext' }).findings.find((x) => x.ruleId === 'verdict-conflict')!;
  const entry = suppressionFor(text, f);
  assert.equal(entry.text, 'Overturned');
  assert.match(entry.line, /neck: Overturned$/);
  assert.equal(lint(text, { languageId: 'plaintext', suppressions: [entry] }).suppressed, 1);
});

test('the file format: errors say what and where; adding is idempotent and keeps other entries', () => {
  assert.match(parseSuppressionFile('{').error!, /not valid JSON/);
  assert.match(parseSuppressionFile('{"version": 2, "suppressions": []}').error!, /^version: /);
  assert.match(parseSuppressionFile('{"version": 1, "suppressions": [{"rule": "x"}]}').error!, /^suppressions\.0\.text: /);
  assert.deepEqual(parseSuppressionFile('\uFEFF{"version": 1, "suppressions": []}'), { entries: [] });
  const a = { rule: 'age-mismatch', text: '52', line: 'x 52 y' };
  const b = { rule: 'pronoun-mismatch', text: 'he', line: 'he said', file: 'l.md' };
  const once = addSuppression(undefined, a).text!;
  const twice = addSuppression(addSuppression(once, b).text!, a).text!;
  assert.deepEqual(parseSuppressionFile(twice).entries, [a, b]);
  assert.match(addSuppression('not json', a).error!, /not valid JSON/);
});

const tmpRoot = mkdtempSync(join(tmpdir(), 'imr-suppress-'));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));

test('the store: found from a subfolder, re-read when changed, written atomically; a broken file is reported, not thrown', () => {
  const root = join(tmpRoot, 'ws');
  mkdirSync(join(root, 'letters', '2026'), { recursive: true });
  const letter = join(root, 'letters', '2026', 'a.md');
  const store = new SuppressionStore();
  assert.deepEqual(store.forLetter(letter), { entries: [] });
  const path = join(root, '.imr-lint', 'suppressions.json');
  const entry = { rule: 'age-mismatch', text: '52', line: 'x', file: 'letters/2026/a.md' };
  assert.equal(store.record(path, entry), undefined);
  assert.deepEqual(readdirSync(join(root, '.imr-lint')), ['suppressions.json'], 'no temporary file left');
  assert.equal(findSuppressionFile(join(root, 'letters', '2026')), path);
  assert.deepEqual(store.forLetter(letter), { path, entries: [entry], error: undefined, file: 'letters/2026/a.md' });
  writeFileSync(path, '{"version": 1, "suppressions": [');
  const broken = store.forLetter(letter);
  assert.deepEqual(broken.entries, []);
  assert.match(broken.error!, /not valid JSON/);
  assert.match(store.record(path, entry)!, /not a valid suppressions file/);
  assert.equal(readFileSync(path, 'utf8'), '{"version": 1, "suppressions": [', 'a broken file is never overwritten');
});
