import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeOf, replaceOnce } from './helpers.ts';

const RULE = 'visits-over-limit';
const PT = '**PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE:** Overturned';
const MASSAGE = '**MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK:** Upheld';
const pt = (title: string, base = CLEAN_MD) => replaceOnce(base, PT, title);
const massage = (title: string) => replaceOnce(CLEAN_MD, MASSAGE, title);
const PT_LIMIT = /MTUS Chronic Pain Medical Treatment, page\(s\) 98, 99 allows 9-10 visits over 8 weeks/;

test('Overturned over the limit: warning on the quantity, citing the numbers, verdict related', () => {
  const text = pt('**PHYSICAL THERAPY TIMES 12 SESSIONS FOR THE LUMBAR SPINE:** Overturned');
  const f = assertOne(text, RULE, { range: rangeOf(text, '12 SESSIONS'), severity: 'warning' });
  assert.match(f.message, /^12 sessions requested for physical therapy/);
  assert.match(f.message, PT_LIMIT);
  assert.match(f.message, /An Overturned verdict exceeds the guideline/);
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Verdict: Overturned', rangeOf(text, 'Overturned')]]);
  assert.deepEqual(f.fixes, []);
  // The rationale still says "the request for 8 sessions": request-count-mismatch reports that, nothing else.
  assert.deepEqual(allIds(text), [RULE, 'request-count-mismatch']);
});

test('Upheld over the limit: information only (the seed\'s case), citing page 60 and 4-6 visits', () => {
  const text = massage('**MASSAGE THERAPY TIMES 12 SESSIONS FOR THE NECK:** Upheld');
  const f = assertOne(text, RULE, { range: rangeOf(text, '12 SESSIONS'), severity: 'info' });
  assert.match(f.message, /^12 sessions requested for massage therapy; MTUS Chronic Pain Medical Treatment, page\(s\) 60 allows 4-6 visits\./);
  assert.match(f.message, /The Upheld verdict is consistent with the guideline/);
});

test('information stays information when the rule\'s severity is raised; the rule can be turned off', () => {
  const text = massage('**MASSAGE THERAPY TIMES 12 SESSIONS FOR THE NECK:** Upheld');
  assert.equal(findingsOf(text, RULE, { rules: { [RULE]: 'error' } })[0].severity, 'info');
  assert.deepEqual(findingsOf(text, RULE, { rules: { [RULE]: 'off' } }), []);
  const over = pt('**PHYSICAL THERAPY TIMES 12 SESSIONS FOR THE LUMBAR SPINE:** Overturned');
  assert.equal(findingsOf(over, RULE, { rules: { [RULE]: 'error' } })[0].severity, 'error');
});

test('no verdict yet: warning, saying an overturn would need an exception', () => {
  const text = pt('**PHYSICAL THERAPY TIMES 12 SESSIONS FOR THE LUMBAR SPINE:**');
  const f = assertOne(text, RULE, { range: rangeOf(text, '12 SESSIONS'), severity: 'warning' });
  assert.match(f.message, /A decision to overturn would need a stated exception/);
  assert.deepEqual(f.related, []);
});

test('the boundary: 10 visits (the maximum) pass, 11 are over', () => {
  assert.deepEqual(findingsOf(pt('**PHYSICAL THERAPY TIMES 10 SESSIONS FOR THE LUMBAR SPINE:** Overturned'), RULE), []);
  const text = pt('**PHYSICAL THERAPY TIMES 11 SESSIONS FOR THE LUMBAR SPINE:** Overturned');
  const f = assertOne(text, RULE, { range: rangeOf(text, '11 SESSIONS'), severity: 'warning' });
  assert.match(f.message, /^11 sessions requested/);
});

for (const [written, count] of [
  ['2 TIMES A WEEK FOR 6 WEEKS', 12],
  ['3X4', 12],
  ['(12 SESSIONS)', 12],
  ['TWELVE VISITS', 12],
  ['X12', 12],
  ['2 TIMES 6', 12],
] as const) {
  test(`quantity form "${written}" counts ${count}`, () => {
    const text = pt(`**PHYSICAL THERAPY ${written} FOR THE LUMBAR SPINE:** Overturned`);
    const f = assertOne(text, RULE, { range: rangeOf(text, written), severity: 'warning' });
    assert.match(f.message, new RegExp(`^${count} (visits|sessions) requested for physical therapy`));
  });
}

test('"1 to 2 times per week for N weeks" takes the maximum: 8 for 4 weeks is over 6, 6 for 3 weeks is not', () => {
  const text = massage('**MASSAGE THERAPY 1 TO 2 TIMES PER WEEK FOR 4 WEEKS FOR THE NECK:** Upheld');
  const f = assertOne(text, RULE, { range: rangeOf(text, '1 TO 2 TIMES PER WEEK FOR 4 WEEKS'), severity: 'info' });
  assert.match(f.message, /^8 visits requested for massage therapy/);
  assert.deepEqual(findingsOf(massage('**MASSAGE THERAPY 1 TO 2 TIMES PER WEEK FOR 3 WEEKS FOR THE NECK:** Upheld'), RULE), []);
});

test('a partial certification is judged on the original request, not the remaining portion', () => {
  const text = pt('**12 sessions of physical therapy for the lumbar spine was the original request. 4 sessions were authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, 8 sessions is:** Overturned');
  const f = assertOne(text, RULE, { range: rangeOf(text, '12 sessions'), severity: 'warning' });
  assert.match(f.message, /^12 sessions requested for physical therapy/);
});

test('a limit not yet confirmed (psychotherapy) only informs, even when Overturned', () => {
  const text = pt('**COGNITIVE BEHAVIORAL THERAPY TIMES 12 SESSIONS:** Overturned');
  const f = assertOne(text, RULE, { range: rangeOf(text, '12 SESSIONS'), severity: 'info' });
  assert.match(f.message, /figure not yet confirmed/);
});

test('an Overturned rationale that states an exception to the guideline is information', () => {
  let text = pt('**PHYSICAL THERAPY TIMES 12 SESSIONS FOR THE LUMBAR SPINE:** Overturned');
  text = replaceOnce(text, 'and the request for 8 sessions is within the guideline.', 'and an exception to the guideline is warranted by the documented functional gains.');
  const f = assertOne(text, RULE, { range: rangeOf(text, '12 SESSIONS'), severity: 'info' });
  assert.match(f.message, /states an exception/);
});

test('plain text: an Overturned request over the limit', () => {
  const text = replaceOnce(CLEAN_TXT, 'Physical therapy times 8 sessions for the lumbar spine: Overturned', 'Physical therapy times 12 sessions for the lumbar spine: Overturned');
  const f = assertOne(text, RULE, { range: rangeOf(text, '12 sessions'), severity: 'warning' });
  assert.match(f.message, PT_LIMIT);
});

test('a CRPS diagnosis in the summary raises the physical therapy limit to 24 visits', () => {
  const over = pt('**PHYSICAL THERAPY TIMES 20 SESSIONS FOR THE LUMBAR SPINE:** Overturned');
  assert.equal(findingsOf(over, RULE).length, 1);
  const crps = replaceOnce(over, 'neck pain with myalgia', 'neck pain with complex regional pain syndrome');
  assert.deepEqual(findingsOf(crps, RULE), []);
});

test('low-back chiropractic is measured against the MTUS low-back row, not the ODG neck row', () => {
  const text = massage('**CHIROPRACTIC TREATMENT TIMES 20 SESSIONS FOR THE LOW BACK:** Upheld');
  const f = assertOne(text, RULE, { range: rangeOf(text, '20 SESSIONS'), severity: 'info' });
  assert.match(f.message, /MTUS Chronic Pain Medical Treatment, page\(s\) 58, 59 allows trial of 6 visits over 2 weeks; up to 18 visits/);
});

test('negative: within the limit in either verdict; "#90" and "unspecified quantity" are no visit counts', () => {
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(pt('**PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE:** Upheld'), RULE), []);
  assert.deepEqual(findingsOf(massage('**MASSAGE THERAPY LOTION #90 FOR THE NECK:** Upheld'), RULE), []);
  assert.deepEqual(findingsOf(pt('**PHYSICAL THERAPY AND NAPROXEN 550MG #90 FOR THE LUMBAR SPINE:** Overturned'), RULE), []);
  assert.deepEqual(findingsOf(pt('**PHYSICAL THERAPY, UNSPECIFIED QUANTITY, FOR THE LUMBAR SPINE:** Overturned'), RULE), []);
});
