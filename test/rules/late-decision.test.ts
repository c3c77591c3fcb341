import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadUserGuidelineTable } from '../../server/src/guidelines/table.ts';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'late-decision';
// The clean letter: Date Assigned 11/18/2016, Decision Date 12/19/2016 (31 days).
const decided = (to: string, base = CLEAN_MD) => replaceOnce(base, '<b>Decision Date:</b>\t12/19/2016', `<b>Decision Date:</b>\t${to}`);

test('181 days after assignment: information on the Decision Date, Date Assigned related', () => {
  const text = decided('05/18/2017');
  const f = assertOne(text, RULE, { range: rangeOf(text, '05/18/2017'), severity: 'info' });
  assert.equal(
    f.message,
    'Decision Date (05/18/2017) is 181 days after the Date Assigned (11/18/2016), more than 180. A decision is due 30 days after the records arrive (Labor Code 4610.6(d)) and remains binding when later, and real decisions have taken up to 140 days (in the 2014 backlog); this gap is well past that. Check both dates.',
  );
  const da = spanOf(text, '11/18/2016');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Date Assigned', rangeAt(text, da.start, da.end)]]);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('never more than information, even when the rule is set to error', () => {
  const fs = findingsOf(decided('05/18/2017'), RULE, { rules: { [RULE]: 'error' } });
  assert.deepEqual(fs.map((f) => f.severity), ['info']);
});

test('plain text, across a year boundary and a leap day', () => {
  const text = replaceOnce(replaceOnce(CLEAN_TXT, 'Date Assigned:        11/18/2016', 'Date Assigned:        12/01/2015'), 'Decision Date:        12/19/2016', 'Decision Date:        06/01/2016');
  // 12/01/2015 -> 06/01/2016: 31 + 31 + 29 + 31 + 30 + 31 = 183 days.
  const f = assertOne(text, RULE, { range: rangeOf(text, '06/01/2016'), severity: 'info' });
  assert.match(f.message, /is 183 days after the Date Assigned \(12\/01\/2015\)/);
});

test('the threshold is data: a user table changes it', () => {
  const table = loadUserGuidelineTable(JSON.stringify({ rows: [], timeliness: { lateDecisionDays: 30 } }), 'my.json');
  const fs = findingsOf(CLEAN_MD, RULE, { guidelines: table });
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /is 31 days after the Date Assigned \(11\/18\/2016\), more than 30/);
  // The other threshold keeps its built-in value.
  assert.deepEqual(findingsOf(CLEAN_MD, 'late-application', { guidelines: table }), []);
});

test('negative: up to 180 days (real letters reach 39, the seed 140), a decision before assignment, a missing date', () => {
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(decided('12/27/2016'), RULE), [], '39 days');
  assert.deepEqual(findingsOf(decided('04/07/2017'), RULE), [], '140 days');
  assert.deepEqual(findingsOf(decided('05/17/2017'), RULE), [], '180 days');
  assert.deepEqual(findingsOf(decided('11/17/2016'), RULE), [], 'before assignment: date-order');
  assert.deepEqual(findingsOf(decided(''), RULE), [], 'missing: missing-header-field');
});
