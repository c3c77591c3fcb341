import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'date-order';
const header = (label: string, from: string, to: string, base = CLEAN_MD) => replaceOnce(base, `<b>${label}:</b>\t${from}`, `<b>${label}:</b>\t${to}`);

test('UR Denial Date before Date of Injury: error on the UR date, Date of Injury related', () => {
  const text = header('UR Denial Date', '11/03/2016', '10/01/2015');
  const f = assertOne(text, RULE, { range: rangeOf(text, '10/01/2015'), severity: 'error' });
  assert.match(f.message, /UR Denial Date \(10\/01\/2015\) is before Date of Injury \(10\/13\/2015\)/);
  const doi = spanOf(text, '10/13/2015', 'Date of Injury:');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Date of Injury', rangeAt(text, doi.start, doi.end)]]);
  assert.deepEqual(f.fixes, []);
});

test('Decision Date before Date Assigned: one finding, on the Decision Date; the header date is not also a future-date', () => {
  const text = header('Decision Date', '12/19/2016', '11/17/2016');
  const f = assertOne(text, RULE, { range: rangeOf(text, '11/17/2016'), severity: 'error' });
  assert.match(f.message, /Decision Date \(11\/17\/2016\) is before Date Assigned \(11\/18\/2016\)/);
  assert.deepEqual(allIds(text), [RULE]);
});

test('a date before several earlier fields gives one finding per pair', () => {
  // Application Received before the UR Denial Date and before the Date of Injury.
  const text = header('Application Received', '11/14/2016', '10/01/2015');
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 2);
  for (const f of fs) assert.deepEqual(f.range, rangeOf(text, '10/01/2015'));
  assert.match(fs[0].message, /before Date of Injury/);
  assert.match(fs[1].message, /before UR Denial Date/);
});

test('plain text: Application Received (the wrapped label) before the UR Denial Date', () => {
  const text = replaceOnce(CLEAN_TXT, 'Application          11/14/2016', 'Application          11/01/2016');
  const f = assertOne(text, RULE, { range: rangeOf(text, '11/01/2016'), severity: 'error' });
  assert.match(f.message, /Application Received \(11\/01\/2016\) is before UR Denial Date \(11\/03\/2016\)/);
});

test('negative: equal dates are in order; late applications and decisions are not order errors', () => {
  assert.deepEqual(allIds(header('Application Received', '11/14/2016', '11/18/2016')), [], 'received the day it was assigned');
  let late = header('Application Received', '11/14/2016', '12/07/2016'); // 34 days after the UR date
  late = header('Date Assigned', '11/18/2016', '12/08/2016', late);
  late = header('Decision Date', '12/19/2016', '02/20/2017', late); // 74 days after assignment
  assert.deepEqual(findingsOf(late, RULE), []);
});

test('negative: an invalid or missing date is skipped', () => {
  assert.deepEqual(findingsOf(header('UR Denial Date', '11/03/2016', '13/03/2016'), RULE), []);
  assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, '\t<b>UR Denial Date:</b>\t11/03/2016', ''), RULE), []);
});
