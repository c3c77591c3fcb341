import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../server/src/index.ts';
import { realLetters, sharedMissing } from '../helpers/shared.ts';

/**
 * Error-level findings the real letters do deserve, each checked by reading the letter:
 * - CM16-0219557 (also 01.txt): header Date of Injury 10/10/2016, summary "industrial injury of October 10, 2015".
 * - CM17-0003917: header Date of Injury 11/30/2016, rationale "The date of injury was 12/1/16".
 * - CM16-0248655: the summary dates a request "December 9, 3026" (typo for 2016).
 * - CM16-0239569: header Date of Injury 11/15/2016, summary "an occupational claim from 11/05/2016".
 * - CM16-0248698: header Date of Injury 10/26/2016, summary "an occupational claim from 10/18/2016".
 * Nothing else in the 144 files may be an error.
 */
const EXPECTED_ERRORS: Record<string, string[]> = {
  '01.txt': ['injury-date-mismatch October 10, 2015'],
  'corpus/CM16-0219557.txt': ['injury-date-mismatch October 10, 2015'],
  'corpus/CM17-0003917.txt': ['injury-date-mismatch 12/1/16'],
  'corpus/CM16-0248655.txt': ['invalid-date December 9, 3026'],
  'corpus/CM16-0239569.txt': ['injury-date-mismatch 11/05/2016'],
  'corpus/CM16-0248698.txt': ['injury-date-mismatch 10/18/2016'],
};

const letters = sharedMissing ? [] : realLetters();

test('every real letter parses into the three sections and its items, each with a verdict', { skip: sharedMissing }, () => {
  assert.ok(letters.length >= 140, `expected the 132 + 12 real letters, found ${letters.length}`);
  let items = 0;
  for (const { name, text } of letters) {
    const { model } = lint(text, { languageId: 'plaintext' });
    assert.deepEqual(model.sections.map((s) => s.kind), ['howMade', 'summary', 'decisions'], name);
    assert.ok(model.items.length > 0, `${name}: no disputed items`);
    for (const item of model.items) {
      assert.ok(item.verdict, `${name}: "${item.title.text}" has no verdict`);
      assert.ok(item.title.text.length > 2, `${name}: empty title`);
      assert.ok(item.reviewerGuideline, `${name}: "${item.title.text}" has no MAXIMUS guideline`);
      assert.ok(item.rationale?.conclusion, `${name}: "${item.title.text}" has no conclusion`);
      assert.equal(item.rationale!.conclusion!.necessary, item.verdict!.value === 'Overturned', `${name}: "${item.title.text}" conclusion polarity`);
    }
    items += model.items.length;
    for (const key of ['caseNumber', 'dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate', 'priority', 'applicationReceived'] as const) {
      assert.ok(model.header[key]?.raw, `${name}: header ${key} missing`);
    }
  }
  assert.ok(items >= 200, `only ${items} items found`);
});

test('real letters yield no error-level finding except their real inconsistencies', { skip: sharedMissing }, () => {
  const actual: Record<string, string[]> = {};
  for (const { name, text } of letters) {
    const errors = lint(text, { languageId: 'plaintext' }).findings.filter((f) => f.severity === 'error');
    if (errors.length) actual[name] = errors.map((f) => `${f.ruleId} ${text.slice(f.span.start, f.span.end)}`);
  }
  assert.deepEqual(actual, EXPECTED_ERRORS);
});

test('letter 05: partial certification 12 - 10 = 2 is parsed and consistent', { skip: sharedMissing }, () => {
  const letter = letters.find((l) => l.name === '05.txt')!;
  const { model, findings } = lint(letter.text, { languageId: 'plaintext' });
  const p = model.items[0].partial!;
  assert.deepEqual([p.original?.count, p.authorized?.count, p.remaining?.count], [12, 10, 2]);
  assert.equal(findings.filter((f) => f.ruleId === 'partial-certification-mismatch').length, 0);
});

test('letter 12: ancillary surgical items without a citation are not flagged', { skip: sharedMissing }, () => {
  const letter = letters.find((l) => l.name === '12.txt')!;
  const { model, findings } = lint(letter.text, { languageId: 'plaintext' });
  assert.ok(model.items.some((i) => i.reviewerGuideline?.statesNoCitation), 'the letter has a "did not cite" item');
  assert.equal(findings.filter((f) => f.ruleId === 'missing-guideline-citation').length, 0);
});

test('letter 14: the verdict wrapped as "... is: Upheld" is found', { skip: sharedMissing }, () => {
  const letter = letters.find((l) => l.name === '14.txt')!;
  const { model } = lint(letter.text, { languageId: 'plaintext' });
  const partial = model.items.find((i) => i.partial)!;
  assert.equal(partial.verdict?.value, 'Upheld');
  assert.deepEqual([partial.partial?.original?.count, partial.partial?.authorized?.count, partial.partial?.remaining?.count], [24, 6, 18]);
});

test('the same letter linted as Markdown finds the same items (indented text is not code)', { skip: sharedMissing }, () => {
  for (const { name, text } of letters.slice(0, 20)) {
    const plain = lint(text, { languageId: 'plaintext' }).model.items.map((i) => i.title.text);
    const md = lint(text, { languageId: 'markdown' }).model.items.map((i) => i.title.text);
    assert.deepEqual(md, plain, name);
  }
});
