import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeOf, replaceOnce, toCrlf } from './helpers.ts';

const RULE = 'invalid-date';

test('narrative: month 13 is reported on the date, with the reason', () => {
  const text = replaceOnce(CLEAN_MD, 'lumbar spine dated 12/04/2015', 'lumbar spine dated 13/04/2015');
  const f = assertOne(text, RULE, { range: rangeOf(text, '13/04/2015'), severity: 'error' });
  assert.match(f.message, /"13\/04\/2015" is not a valid date/);
  assert.match(f.message, /no month 13/);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('narrative: February 30 (leap year 2016 has 29 days)', () => {
  const text = replaceOnce(CLEAN_MD, 'On October 28, 2016,', 'On February 30, 2016,');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'February 30, 2016'), severity: 'error' });
  assert.match(f.message, /February 2016 has 29 days/);
});

test('narrative: 02/29/2015 is invalid (not a leap year)', () => {
  const text = replaceOnce(CLEAN_MD, 'lumbar spine dated 12/04/2015', 'lumbar spine dated 02/29/2015');
  const f = assertOne(text, RULE, { range: rangeOf(text, '02/29/2015'), severity: 'error' });
  assert.match(f.message, /February 2015 has 28 days/);
});

test('narrative: a five-digit year ("June 28, 20216") is reported as implausible', () => {
  const text = replaceOnce(CLEAN_MD, 'On October 28, 2016,', 'On June 28, 20216,');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'June 28, 20216'), severity: 'error' });
  assert.match(f.message, /year 20216 is not plausible/);
});

test('header: an impossible date is reported on the value and skipped by the order checks', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Date Assigned:</b>\t11/18/2016', '<b>Date Assigned:</b>\t11/31/2016');
  const f = assertOne(text, RULE, { range: rangeOf(text, '11/31/2016'), severity: 'error' });
  assert.match(f.message, /November 2016 has 30 days/);
  assert.deepEqual(allIds(text), [RULE], 'no date-order or future-date on an invalid date');
});

test('header: a value that is not a date at all is reported on the value', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Decision Date:</b>\t12/19/2016', '<b>Decision Date:</b>\tpending');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'pending'), severity: 'error' });
  assert.match(f.message, /"pending" in "Decision Date" is not a date/);
  assert.match(f.message, /MM\/DD\/YYYY/);
  assert.deepEqual(allIds(text), [RULE]);
});

test('plain text with CRLF: an impossible header date in the pdftotext columns', () => {
  const text = replaceOnce(toCrlf(CLEAN_TXT), 'Decision Date:        12/19/2016', 'Decision Date:        12/39/2016');
  const f = assertOne(text, RULE, { range: rangeOf(text, '12/39/2016'), severity: 'error' });
  assert.deepEqual(f.range.start, { line: 2, character: 22 });
  assert.match(f.message, /December 2016 has 31 days/);
});

test('negative: pain scores, spine levels, ranges, drug strengths and a leap day are not invalid dates', () => {
  const text = replaceOnce(
    CLEAN_MD,
    'revealed mild degenerative disc disease at L4-L5.',
    'revealed mild degenerative disc disease at L4-L5 and L5-S1. Pain was 6/10 to 8/10 on 10/12 of the visits. Norco 10/325 was taken 1-2 times a day. She was re-examined on February 29, 2016 and on 02/29/16.',
  );
  assert.deepEqual(findingsOf(text, RULE), []);
  assert.deepEqual(allIds(text), []);
});
