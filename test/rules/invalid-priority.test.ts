import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, lintText, firstFix, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'invalid-priority';

test('a misspelt "Standrad": suggestions Standard (closest) then Expedited; fix all leaves the priority to the reviewer', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Priority:</b>\tStandard', '<b>Priority:</b>\tStandrad');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Standrad'), severity: 'error' });
  assert.match(f.message, /"Standrad"/);
  assert.match(f.message, /Standard or Expedited/);
  const span = spanOf(text, 'Standrad');
  assert.deepEqual(f.fixes.map((x) => [x.title, !!x.preferred, x.edits.map((e) => [e.span, e.newText])]), [
    ['Change to Standard', false, [[span, 'Standard']]],
    ['Change to Expedited', false, [[span, 'Expedited']]],
  ]);
  assertEditRanges(text, f);
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
  assert.equal(applyFixes(text, lintText(text).findings).text, text, 'a priority sets the statutory timeline: never chosen unattended');
});

test('"Expidited" prefers Expedited', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Priority:</b>\tStandard', '<b>Priority:</b>\tExpidited');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Expidited'), severity: 'error' });
  assert.deepEqual(firstFix(f).edits.map((e) => e.newText), ['Expedited']);
  assert.deepEqual(allIds(assertFixResolves(text, f)), []);
});

test('a value that is no priority at all ("Urgent") is reported and offers both values', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Priority:</b>\tStandard', '<b>Priority:</b>\tUrgent');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Urgent'), severity: 'error' });
  assert.deepEqual(f.fixes.map((x) => x.edits[0].newText).sort(), ['Expedited', 'Standard']);
});

test('plain text: the fix rewrites the value in the pdftotext columns', () => {
  const text = replaceOnce(CLEAN_TXT, 'Priority:             Standard', 'Priority:             Standrad');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Standrad'), severity: 'error' });
  assert.equal(assertFixResolves(text, f), CLEAN_TXT);
});

test('negative: Standard, Expedited and a different letter case are accepted', () => {
  for (const v of ['Expedited', 'standard', 'EXPEDITED']) {
    assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, '<b>Priority:</b>\tStandard', `<b>Priority:</b>\t${v}`), RULE), [], v);
  }
});

test('a long value (text that ran into the field): reported, its start quoted, but no suggestion deletes it', () => {
  const long = 'Standard review requested by the treating physician on the form dated 11/14/2016 with notes';
  const text = replaceOnce(CLEAN_MD, '<b>Priority:</b>\tStandard', `<b>Priority:</b>\t${long}`);
  const [f] = findingsOf(text, RULE);
  assert.ok(f, 'reported');
  assert.equal(f.message, 'Priority "Standard review requested by the trea..." is not a priority IMR uses: write Standard or Expedited.');
  assert.deepEqual(f.fixes, []);
});
