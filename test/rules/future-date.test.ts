import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'future-date';
const EXAM = 'On October 28, 2016,';
const exam = (s: string, base = CLEAN_MD) => replaceOnce(base, EXAM, s);

test('a narrative date after the Decision Date: error on the date, Decision Date related', () => {
  const text = exam('On December 28, 2016,');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'December 28, 2016'), severity: 'error' });
  assert.match(f.message, /December 28, 2016 is after the Decision Date \(12\/19\/2016\)/);
  const dd = spanOf(text, '12/19/2016');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Decision Date', rangeAt(text, dd.start, dd.end)]]);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('the day after the Decision Date is reported, in the rationale too', () => {
  const text = replaceOnce(CLEAN_MD, 'has not had physical therapy for the lumbar spine since the injury', 'has not had physical therapy for the lumbar spine since 12/20/2016');
  assertOne(text, RULE, { range: rangeOf(text, '12/20/2016'), severity: 'error' });
});

test('a month-year mention in a later month is reported (month precision)', () => {
  const text = exam('In January 2017,');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'January 2017'), severity: 'error' });
  assert.match(f.message, /January 2017 is after the Decision Date/);
});

test('plain text: a wrapped narrative date after the Decision Date', () => {
  const text = replaceOnce(CLEAN_TXT, 'On October 28,\n2016,', 'On December 28,\n2016,');
  const s = spanOf(text, 'December 28,\n2016');
  assertOne(text, RULE, { range: rangeAt(text, s.start, s.end), severity: 'error' });
});

test('negative: the Decision Date itself, the same month, and earlier dates are not in the future', () => {
  assert.deepEqual(allIds(exam('On December 19, 2016,')), []);
  assert.deepEqual(allIds(exam('In December 2016,')), []);
  assert.deepEqual(allIds(exam('On 12/18/2016,')), []);
});

test('negative: header dates after the Decision Date are left to date-order', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Date Assigned:</b>\t11/18/2016', '<b>Date Assigned:</b>\t12/20/2016');
  assert.deepEqual(findingsOf(text, RULE), []);
  assert.deepEqual(allIds(text), ['date-order']);
});

test('negative: without a valid Decision Date nothing is compared', () => {
  const text = exam('On December 28, 2016,', replaceOnce(CLEAN_MD, '<b>Decision Date:</b>\t12/19/2016', '<b>Decision Date:</b>\t12/39/2016'));
  assert.deepEqual(findingsOf(text, RULE), []);
});
