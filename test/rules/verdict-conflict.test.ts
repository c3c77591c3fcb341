import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, lintText, firstFix, rangeOf, replaceOnce, spanOf, toCrlf } from './helpers.ts';

const RULE = 'verdict-conflict';
const PT_CONCLUSION = 'Therefore, the request is medically necessary.';
const MASSAGE_CONCLUSION = 'Therefore, the request is not medically necessary.';

test('Upheld with "is medically necessary": error on the verdict, conclusion related, fix Overturned restores the letter', () => {
  const text = replaceOnce(CLEAN_MD, 'SPINE:** Overturned', 'SPINE:** Upheld');
  const verdict = spanOf(text, 'Upheld', 'SPINE:**');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Upheld', 'SPINE:**'), severity: 'error' });
  assert.match(f.message, /The verdict is Upheld, but the rationale concludes the request is medically necessary, which means Overturned/);
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Conclusion of the rationale', rangeOf(text, PT_CONCLUSION)]]);
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[verdict, 'Overturned']]);
  assertEditRanges(text, f);
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
});

test('Overturned with "is not medically necessary": two suggestions, the verdict or the conclusion; fix all touches neither', () => {
  const text = replaceOnce(CLEAN_MD, 'NECK:** Upheld', 'NECK:** Overturned');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Overturned', 'NECK:**'), severity: 'error' });
  assert.match(f.message, /The verdict is Overturned, but the rationale concludes the request is not medically necessary, which means Upheld/);
  assert.deepEqual(f.related.map((r) => r.range), [rangeOf(text, MASSAGE_CONCLUSION)]);
  const not = spanOf(text, 'not ', 'is not medically necessary.');
  assert.deepEqual(f.fixes.map((x) => [x.title, x.kind, !!x.preferred, x.edits.map((e) => [e.span, e.newText])]), [
    ['Change the verdict to Upheld (as the rationale concludes)', 'suggestion', false, [[spanOf(text, 'Overturned', 'NECK:**'), 'Upheld']]],
    ['Change the conclusion to "medically necessary" (as the verdict Overturned says)', 'suggestion', false, [[not, '']]],
  ]);
  assert.equal(applyFixes(text, lintText(text).findings).text, text, 'the verdict is the physician\'s');
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
  const conclusionChosen = assertFixResolves(text, f, {}, f.fixes[1]);
  assert.equal(conclusionChosen, replaceOnce(text, MASSAGE_CONCLUSION, 'Therefore, the request is medically necessary.'));
});

test('Upheld with "is medically necessary": the conclusion suggestion inserts "not " after "is"', () => {
  const text = replaceOnce(CLEAN_MD, 'SPINE:** Overturned', 'SPINE:** Upheld');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Upheld', 'SPINE:**'), severity: 'error' });
  const at = spanOf(text, PT_CONCLUSION).start + 'Therefore, the request is '.length;
  assert.deepEqual(f.fixes[1].edits.map((e) => [e.span, e.newText]), [[{ start: at, end: at }, 'not ']]);
  assert.equal(assertFixResolves(text, f, {}, f.fixes[1]), replaceOnce(text, PT_CONCLUSION, 'Therefore, the request is not medically necessary.'));
});

test('both items conflicting give two findings, each on its own verdict', () => {
  let text = replaceOnce(CLEAN_MD, 'SPINE:** Overturned', 'SPINE:** Upheld');
  text = replaceOnce(text, 'NECK:** Upheld', 'NECK:** Overturned');
  const fs = findingsOf(text, RULE);
  assert.deepEqual(fs.map((f) => f.range), [rangeOf(text, 'Upheld'), rangeOf(text, 'Overturned')]);
  assert.equal(applyFixes(text, lintText(text).findings).applied, 0);
});

test('plain text with CRLF: the conclusion wrapped over lines, ranges still exact', () => {
  const text = toCrlf(replaceOnce(CLEAN_TXT, 'neck: Upheld', 'neck: Overturned'));
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Overturned', 'neck: '), severity: 'error' });
  assert.deepEqual(f.related.map((r) => r.range), [rangeOf(text, MASSAGE_CONCLUSION)]);
  assert.equal(assertFixResolves(text, f), toCrlf(CLEAN_TXT));
});

test('negative: negative conclusions in other words go with Upheld', () => {
  for (const c of [
    'Therefore, medical necessity has not been established.',
    'Therefore, the request cannot be considered medically necessary.',
    'Therefore, the request is not medically necessary and appropriate.',
    'Therefore, the request is determined to not be medically necessary.',
    'No, the request was not medically necessary, medically appropriate, or indicated here.',
    'Although massage can be medically necessary as an adjunct to exercise, it is not supported here. Therefore, the request is not medically necessary.',
  ]) {
    assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, MASSAGE_CONCLUSION, c), RULE), [], c);
  }
});

test('negative: positive conclusions with a negation after the phrase go with Overturned', () => {
  for (const c of [
    'Therefore, the request is medically necessary, as it does not exceed the guideline.',
    'Therefore, the request is medically necessary and appropriate.',
  ]) {
    assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, PT_CONCLUSION, c), RULE), [], c);
  }
});

test('negative: a negation in a leading subordinate clause does not make the conclusion negative', () => {
  for (const c of [
    'As the injured worker has not had physical therapy before, the request is medically necessary.',
    'Therefore, since conservative care has not been exhausted, the request is medically necessary.',
  ]) {
    assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, PT_CONCLUSION, c), RULE), [], c);
  }
});

test('negative: no conclusion, no conflict (missing-conclusion reports it)', () => {
  const text = replaceOnce(CLEAN_MD, PT_CONCLUSION, 'The request is supported.');
  assert.deepEqual(allIds(text), ['missing-conclusion']);
});
