// Drafting: a letter full of placeholders gets one quiet finding per placeholder, never a second finding
// on the same text. The skeleton is the contributed snippet itself, expanded as VS Code would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint, type LanguageId } from '../../server/src/index.ts';
import { findPlaceholders } from '../../server/src/parse/placeholders.ts';
import { ROOT } from '../helpers/shared.ts';
import { expandSnippet } from '../vscode/snippetExpand.ts';
import { CLEAN_MD, replaceOnce, spanOf } from '../rules/helpers.ts';

function skeleton(lang: LanguageId): string {
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', `${lang}.code-snippets`), 'utf8')) as Record<string, { body: string[] }>;
  return expandSnippet(snippets['IMR determination'].body).text;
}

for (const lang of ['markdown', 'plaintext'] as const) {
  test(`${lang} skeleton: exactly one information finding per placeholder, nothing else`, () => {
    const text = skeleton(lang);
    const placeholders = findPlaceholders(text);
    assert.equal(placeholders.length, 18);
    const { findings } = lint(text, { languageId: lang });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, text.slice(f.span.start, f.span.end)]),
      placeholders.map((p) => ['unfilled-placeholder', 'info', p.text]),
    );
  });
}

test('a placeholder date in the header: unfilled-placeholder only, no invalid-date on the same text', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Date of Injury:</b>\t10/13/2015', '<b>Date of Injury:</b>\tXX/XX/XXXX');
  const onIt = lint(text).findings.filter((f) => f.span.start === spanOf(text, 'XX/XX/XXXX').start);
  assert.deepEqual(onIt.map((f) => f.ruleId), ['unfilled-placeholder']);
});

test('with unfilled-placeholder off, a placeholder still gets no second finding (the model knows it is one)', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Date of Injury:</b>\t10/13/2015', '<b>Date of Injury:</b>\tXX/XX/XXXX');
  const ids = lint(text, { rules: { 'unfilled-placeholder': 'off' } }).findings.map((f) => f.ruleId);
  assert.ok(!ids.includes('invalid-date'), ids.join());
});

test('negative: a real impossible date beside a placeholder is still an error', () => {
  let text = replaceOnce(CLEAN_MD, '<b>Date of Injury:</b>\t10/13/2015', '<b>Date of Injury:</b>\tXX/XX/XXXX');
  text = replaceOnce(text, 'dated 12/04/2015 revealed', 'dated 02/30/2015 revealed');
  const invalid = lint(text).findings.filter((f) => f.ruleId === 'invalid-date');
  assert.deepEqual(invalid.map((f) => [f.severity, text.slice(f.span.start, f.span.end)]), [['error', '02/30/2015']]);
});
