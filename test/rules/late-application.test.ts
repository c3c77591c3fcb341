import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadUserGuidelineTable } from '../../server/src/guidelines/table.ts';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'late-application';
// The clean letter: UR Denial Date 11/03/2016, Application Received 11/14/2016.
const received = (to: string, base = CLEAN_MD) => replaceOnce(base, '<b>Application Received:</b>\t11/14/2016', `<b>Application Received:</b>\t${to}`);
// Keep the header in order: Date Assigned and Decision Date after a late application.
const later = (text: string) =>
  replaceOnce(replaceOnce(text, '<b>Date Assigned:</b>\t11/18/2016', '<b>Date Assigned:</b>\t01/18/2017'), '<b>Decision Date:</b>\t12/19/2016', '<b>Decision Date:</b>\t02/10/2017');

test('61 days after the UR denial: information on Application Received, UR Denial Date related', () => {
  const text = later(received('01/03/2017'));
  const f = assertOne(text, RULE, { range: rangeOf(text, '01/03/2017'), severity: 'info' });
  assert.equal(
    f.message,
    'Application Received (01/03/2017) is 61 days after the UR Denial Date (11/03/2016), more than 60. An application is due 30 days after service of the UR decision (8 CCR 9792.10.1(b)(1)), and real applications arrive up to 37 days after the UR date; this gap is well past that. Check both dates.',
  );
  const ur = spanOf(text, '11/03/2016', 'UR Denial Date:');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['UR Denial Date', rangeAt(text, ur.start, ur.end)]]);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('never more than information, even when the rule is set to warning or error', () => {
  const text = later(received('01/03/2017'));
  for (const level of ['warning', 'error'] as const) {
    const fs = findingsOf(text, RULE, { rules: { [RULE]: level } });
    assert.deepEqual(fs.map((f) => f.severity), ['info'], level);
  }
  assert.deepEqual(findingsOf(text, RULE, { rules: { [RULE]: 'off' } }), []);
});

test('plain text: "Application / Received:" wrapped around its value', () => {
  const text = replaceOnce(replaceOnce(replaceOnce(CLEAN_TXT, 'Application          11/14/2016', 'Application          01/20/2017'), 'Date Assigned:        11/18/2016', 'Date Assigned:        01/24/2017'), 'Decision Date:        12/19/2016', 'Decision Date:        02/17/2017');
  const f = assertOne(text, RULE, { range: rangeOf(text, '01/20/2017'), severity: 'info' });
  assert.match(f.message, /is 78 days after the UR Denial Date \(11\/03\/2016\), more than 60/);
});

test('the threshold is data: a user table lowers it', () => {
  const table = loadUserGuidelineTable(JSON.stringify({ rows: [], timeliness: { lateApplicationDays: 10 } }), 'my.json');
  const fs = findingsOf(CLEAN_MD, RULE, { guidelines: table });
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /is 11 days after the UR Denial Date \(11\/03\/2016\), more than 10/);
  assert.throws(() => loadUserGuidelineTable(JSON.stringify({ rows: [], timeliness: { lateApplicationDays: 0 } }), 'bad.json'), /timeliness\.lateApplicationDays/);
});

test('negative: up to 60 days (real letters reach 37), an application before the UR date, invalid dates', () => {
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(later(received('12/10/2016')), RULE), [], '37 days');
  assert.deepEqual(findingsOf(later(received('01/02/2017')), RULE), [], '60 days');
  assert.deepEqual(findingsOf(received('10/30/2016'), RULE), [], 'before the UR date: date-order');
  assert.deepEqual(findingsOf(received('13/45/2016'), RULE), [], 'invalid: invalid-date');
});
