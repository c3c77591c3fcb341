import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'event-before-injury';
// The clean letter: Date of Injury 10/13/2015; the summary has an MRI dated 12/04/2015.
const AFTER = 'range of motion was limited by pain.';
const say = (sentence: string, base = CLEAN_MD) => replaceOnce(base, AFTER, `${AFTER} ${sentence}`);

test('an examination before the injury: information on the date, Date of Injury related', () => {
  const text = replaceOnce(CLEAN_MD, 'dated 12/04/2015', 'dated 09/04/2015');
  const f = assertOne(text, RULE, { range: rangeOf(text, '09/04/2015'), severity: 'info' });
  assert.equal(
    f.message,
    '09/04/2015 is before the Date of Injury (10/13/2015). Earlier, unrelated care is often mentioned; if this event belongs to this claim, one of the two dates is wrong.',
  );
  const doi = spanOf(text, '10/13/2015', 'Date of Injury:');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Date of Injury', rangeAt(text, doi.start, doi.end)]]);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('a treatment request dated before the injury: warning', () => {
  const text = say('A request for authorization dated 10/01/2015 asked for physical therapy.');
  const f = assertOne(text, RULE, { range: rangeOf(text, '10/01/2015'), severity: 'warning' });
  assert.equal(
    f.message,
    '10/01/2015 dates a treatment request or review decision before the Date of Injury (10/13/2015). A request or decision of this claim cannot precede its injury: check this date and the Date of Injury.',
  );
  assert.deepEqual(allIds(text), [RULE]);
});

test('an approval before the injury, as a real letter words it (CM17-0012517): warning', () => {
  const text = say('Submitted medical records document the patient was approved for 8 therapy sessions on 10-11-15.');
  assertOne(text, RULE, { range: rangeOf(text, '10-11-15'), severity: 'warning' });
});

test('the warning follows the rule severity; the information does not', () => {
  const text = say('A request dated 10/01/2015 was denied. She had an X-ray on 09/01/2015.');
  const fs = findingsOf(text, RULE, { rules: { [RULE]: 'error' } });
  assert.deepEqual(fs.map((f) => [text.slice(f.span.start, f.span.end), f.severity]), [['10/01/2015', 'error'], ['09/01/2015', 'info']]);
});

test('history is earlier, unrelated care: information even with request or decision words', () => {
  for (const [sentence, date] of [
    ['She had a prior lumbar surgery on 03/02/2010.', '03/02/2010'],
    ['A previous request for acupuncture was denied on 05/05/2014 under another claim.', '05/05/2014'],
    ['Her past medical history includes a knee arthroscopy on 6/13/14.', '6/13/14'],
  ]) {
    const text = say(sentence);
    assertOne(text, RULE, { range: rangeOf(text, date), severity: 'info' });
  }
});

test('a month-year mention is compared at month precision (CM16-0242419: "a prior Lumbar MRI in 03/2016")', () => {
  const text = say('Echocardiogram in March 2015 showed normal function; a prior lumbar MRI in 09/2015.');
  const fs = findingsOf(text, RULE);
  assert.deepEqual(fs.map((f) => [f.range, f.severity]), [[rangeOf(text, 'March 2015'), 'info'], [rangeOf(text, '09/2015'), 'info']]);
});

test('plain text: a date wrapped at a line end', () => {
  const text = replaceOnce(CLEAN_TXT, 'An MRI of the lumbar spine dated 12/04/2015 revealed', 'An MRI of the lumbar spine dated September 4,\n2015 revealed');
  const s = spanOf(text, 'September 4,\n2015');
  assertOne(text, RULE, { range: rangeAt(text, s.start, s.end), severity: 'info' });
});

test('negative: guideline and source dates, dates of birth, the injury month, the injury date itself, UR dates', () => {
  for (const sentence of [
    'As noted on page 82 of the MTUS Chronic Pain Medical Treatment Guidelines (July 28, 2015), no more than one set is recommended.',
    'Chronic Pain Medical Treatment Guidelines MTUS - 8 C.C.R. 9792.24.2 (July 28, 2015), Epidural Steroid Injections, Page 81.',
    'UpToDate, accessed 02/18/2015.',
    'DOB: 01/02/1966.',
    'In October 2015 she had low back pain.',
    'She was seen on 10/13/2015, the day of the injury, and on 10/14/2015.',
  ]) {
    assert.deepEqual(findingsOf(say(sentence), RULE), [], sentence);
  }
  // A narrative UR date a few days off the header's is ur-date-mismatch's, even when it precedes the injury.
  const ur = replaceOnce(CLEAN_MD, 'In a utilization review dated 11/03/2016', 'In a utilization review dated 10/03/2015');
  assert.deepEqual(findingsOf(ur.replace('11/03/2016', '10/10/2015'), RULE), []);
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});

test('a review a year before the disputed one is another review: dated before the injury, it is this rule\'s warning, not a UR date mismatch', () => {
  const text = replaceOnce(CLEAN_MD, 'In a utilization review dated 11/03/2016', 'In a utilization review dated 10/03/2015');
  const f = findingsOf(text, RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.deepEqual(f[0].range, rangeOf(text, '10/03/2015'));
  assert.deepEqual(findingsOf(text, 'ur-date-mismatch'), []);
});

test('negative: no valid Date of Injury, nothing to compare', () => {
  const text = replaceOnce(replaceOnce(CLEAN_MD, 'dated 12/04/2015', 'dated 09/04/2015'), '<b>Date of Injury:</b>\t10/13/2015', '<b>Date of Injury:</b>\t10/43/2015');
  assert.deepEqual(findingsOf(text, RULE), []);
});
