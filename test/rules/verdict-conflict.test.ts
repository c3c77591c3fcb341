import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, lintText, preferredFix, rangeOf, replaceOnce, spanOf, toCrlf } from './helpers.ts';

const RULE = 'verdict-conflict';
const PT_CONCLUSION = 'Therefore, the request is medically necessary.';
const MASSAGE_CONCLUSION = 'Therefore, the request is not medically necessary.';

test('Upheld with "is medically necessary": error on the verdict, conclusion related, fix Overturned restores the letter', () => {
  const text = replaceOnce(CLEAN_MD, 'SPINE:** Overturned', 'SPINE:** Upheld');
  const verdict = spanOf(text, 'Upheld', 'SPINE:**');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Upheld', 'SPINE:**'), severity: 'error' });
  assert.match(f.message, /The verdict is Upheld, but the rationale concludes the request is medically necessary, which means Overturned/);
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Conclusion of the rationale', rangeOf(text, PT_CONCLUSION)]]);
  assert.deepEqual(preferredFix(f).edits.map((e) => [e.span, e.newText]), [[verdict, 'Overturned']]);
  assertEditRanges(text, f);
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
});

test('Overturned with "is not medically necessary": the fix is Upheld', () => {
  const text = replaceOnce(CLEAN_MD, 'NECK:** Upheld', 'NECK:** Overturned');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Overturned', 'NECK:**'), severity: 'error' });
  assert.match(f.message, /The verdict is Overturned, but the rationale concludes the request is not medically necessary, which means Upheld/);
  assert.deepEqual(f.related.map((r) => r.range), [rangeOf(text, MASSAGE_CONCLUSION)]);
  assert.equal(applyFixes(text, lintText(text).findings).text, CLEAN_MD);
});

test('both items conflicting give two findings, each on its own verdict', () => {
  let text = replaceOnce(CLEAN_MD, 'SPINE:** Overturned', 'SPINE:** Upheld');
  text = replaceOnce(text, 'NECK:** Upheld', 'NECK:** Overturned');
  const fs = findingsOf(text, RULE);
  assert.deepEqual(fs.map((f) => f.range), [rangeOf(text, 'Upheld'), rangeOf(text, 'Overturned')]);
  assert.equal(applyFixes(text, lintText(text).findings).text, CLEAN_MD);
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
