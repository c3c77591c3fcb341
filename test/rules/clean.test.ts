import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, RULES } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, toCrlf } from './helpers.ts';

// The base fixtures every rule test edits. They must be clean, and they must exercise the rules (header,
// sections, items with all their parts, narrative injury and UR dates), or the negative cases prove nothing.

test('clean.md yields zero findings', () => {
  assert.deepEqual(lint(CLEAN_MD, { languageId: 'markdown' }).findings, []);
});

test('clean.txt (plain-text layout) yields zero findings', () => {
  assert.deepEqual(lint(CLEAN_TXT, { languageId: 'plaintext' }).findings, []);
});

test('clean.md with CRLF line endings yields zero findings', () => {
  assert.deepEqual(lint(toCrlf(CLEAN_MD), { languageId: 'markdown' }).findings, []);
  assert.deepEqual(lint(toCrlf(CLEAN_TXT), { languageId: 'plaintext' }).findings, []);
});

test('every registered rule has a test file in test/rules and a page in docs/rules', async () => {
  const { readdirSync } = await import('node:fs');
  const { dirname, join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const here = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(here);
  const docs = readdirSync(join(here, '..', '..', 'docs', 'rules'));
  assert.ok(RULES.length >= 20);
  for (const r of RULES) {
    assert.ok(files.includes(`${r.meta.id}.test.ts`), `test/rules/${r.meta.id}.test.ts`);
    assert.ok(docs.includes(`${r.meta.id}.md`), `docs/rules/${r.meta.id}.md`);
  }
});

test('each rule page states its fix policy as the rule declares it, and so does the rules index', async () => {
  const { readFileSync } = await import('node:fs');
  const { dirname, join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules');
  const index = readFileSync(join(dir, 'README.md'), 'utf8');
  for (const r of RULES) {
    const page = readFileSync(join(dir, `${r.meta.id}.md`), 'utf8');
    const line = /## Fixes and suggestions\n\n([^\n]*)\n/.exec(page)?.[1];
    assert.ok(line, `docs/rules/${r.meta.id}.md has a "Fixes and suggestions" section`);
    const expected = r.meta.fixable ? /^Fix: / : r.meta.hasSuggestions ? /^Suggestions? only\b.*Never applied by Fix All, fix on save or `imr-lint --fix`/ : /^None\.$/;
    assert.match(line, expected, r.meta.id);
    assert.doesNotMatch(page, /\bpreferred\b/, `${r.meta.id}: no fix is "preferred" but a fix of kind 'fix'`);
    const column = r.meta.fixable ? 'fix' : r.meta.hasSuggestions ? 'suggestions' : '';
    assert.ok(index.includes(`| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${column} |`), `docs/rules/README.md row of ${r.meta.id}`);
  }
});

for (const [name, text, languageId] of [['clean.md', CLEAN_MD, 'markdown'], ['clean.txt', CLEAN_TXT, 'plaintext']] as const) {
  test(`${name} parses completely: 7 header fields, 3 sections, 2 full items, injury and UR dates`, () => {
    const { model } = lint(text, { languageId });
    assert.deepEqual(
      Object.fromEntries(Object.values(model.header).map((f) => [f!.key, f!.raw])),
      {
        caseNumber: 'CM16-0219999', dateAssigned: '11/18/2016', dateOfInjury: '10/13/2015', decisionDate: '12/19/2016',
        urDenialDate: '11/03/2016', priority: 'Standard', applicationReceived: '11/14/2016',
      },
    );
    assert.deepEqual(model.sections.map((s) => s.kind), ['howMade', 'summary', 'decisions']);
    assert.equal(model.items.length, 2);
    assert.deepEqual(model.items.map((i) => i.verdict?.value), ['Overturned', 'Upheld']);
    assert.deepEqual(model.items.map((i) => i.rationale?.conclusion?.necessary), [true, false]);
    assert.deepEqual(model.items.map((i) => i.treatment?.treatment), ['physical therapy', 'massage therapy']);
    assert.deepEqual(model.items.map((i) => i.quantity?.count), [8, 6]);
    for (const i of model.items) {
      assert.ok(i.claimsAdministratorGuideline?.text.trim());
      assert.equal(i.reviewerGuideline?.citations.length, 1);
      assert.equal(i.reviewerGuideline?.citations[0].part, 'Chronic Pain Medical Treatment');
    }
    const roles = model.dates.filter((d) => d.role === 'injury' || d.role === 'ur').map((d) => `${d.role}:${d.raw}`);
    assert.deepEqual(roles, ['injury:10/13/2015', 'ur:11/03/2016']);
  });
}
