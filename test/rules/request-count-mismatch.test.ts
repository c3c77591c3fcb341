import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeOf, replaceOnce, toCrlf } from './helpers.ts';

const RULE = 'request-count-mismatch';
const UR_SENTENCE = 'the claims administrator non-certified requests for physical therapy and massage therapy.';
const PT_TITLE = '**PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE:** Overturned';
const MASSAGE_TITLE = '**MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK:** Upheld';
const ur = (sentence: string, base = CLEAN_MD) => replaceOnce(base, UR_SENTENCE, sentence);
/** The massage item as a partial certification: 12 requested, 6 authorized, 6 remaining. */
const partialMassage = (original = 12, authorized = 6, remaining = 6) =>
  replaceOnce(CLEAN_MD, MASSAGE_TITLE, `**${original} sessions of massage therapy for the neck was the original request. ${authorized} sessions were authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, ${remaining} sessions is:** Upheld`);

test('"a request for 12 sessions of physical therapy" while the title says 8: warning on the count, the title\'s count related', () => {
  const text = ur('the claims administrator non-certified a request for 12 sessions of physical therapy and the massage therapy.');
  const f = assertOne(text, RULE, { range: rangeOf(text, '12 sessions'), severity: 'warning' });
  assert.equal(f.message, 'The clinical summary gives the request for physical therapy as 12 sessions, but the item\'s title says 8 sessions ("PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE"). One of them is wrong: check the request for authorization and the UR decision.');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Request in the item\'s title', rangeOf(text, '8 SESSIONS')]]);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

for (const [sentence, needle] of [
  ['the claims administrator non-certified physical therapy 2 times a week for 6 weeks and massage therapy.', '2 times a week for 6 weeks'],
  ['the claims administrator non-certified a request for physical therapy x 12 and massage therapy.', 'x 12'],
  ['the claims administrator denied twelve physical therapy sessions and massage therapy.', 'twelve physical therapy sessions'],
  ['the claims administrator non-certified the requested physical therapy (12 sessions) and massage therapy.', '(12 sessions)'],
] as const) {
  test(`the request written as "${needle}"`, () => {
    const text = ur(sentence);
    const f = assertOne(text, RULE, { range: rangeOf(text, needle), severity: 'warning' });
    assert.match(f.message, /gives the request for physical therapy as 12 (sessions|visits), but the item's title says 8 sessions/);
  });
}

test('in a rationale: "the request for 12 sessions of physical therapy" against its own item', () => {
  const text = replaceOnce(CLEAN_MD, 'and the request for 8 sessions is within the guideline', 'and the request for 12 sessions of physical therapy is within the guideline');
  const f = assertOne(text, RULE, { range: rangeOf(text, '12 sessions'), severity: 'warning' });
  assert.match(f.message, /^The rationale gives the request for physical therapy as 12 sessions/);
});

test('a partial certification told as "partial certification of 4 massage therapy sessions instead of 12": the authorized part differs', () => {
  const text = ur('the claims administrator issued a partial certification of 4 massage therapy sessions instead of 12.', partialMassage());
  const f = assertOne(text, RULE, { range: rangeOf(text, '4 massage therapy sessions'), severity: 'warning' });
  assert.equal(f.message, 'The clinical summary gives the part the Claims Administrator authorized for massage therapy as 4 sessions, but the item\'s title says 6 sessions ("12 sessions of massage therapy for the neck was the original request. 6 sessions were a..."). One of them is wrong: check the request for authorization and the UR decision.');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Authorized part in the item\'s title', rangeOf(text, '6 sessions were')].map((x, i) => (i === 1 ? rangeOf(text, '6 sessions', '12 sessions of massage') : x))]);
  // ... and the "instead of" count is the original request: 10 instead of 12 is reported too.
  const both = ur('the claims administrator issued a partial certification of 6 massage therapy sessions instead of 10.', partialMassage());
  const g = assertOne(both, RULE, { range: rangeOf(both, '10', 'instead of '), severity: 'warning' });
  assert.match(g.message, /gives the request for massage therapy as 10 sessions, but the item's title says 12 sessions/);
  assert.deepEqual(findingsOf(ur('the claims administrator issued a partial certification of 6 massage therapy sessions instead of 12.', partialMassage()), RULE), []);
});

test('"modified the request for massage therapy to 4 sessions": the authorized part of a partial certification', () => {
  const text = ur('the claims administrator modified the request for massage therapy to 4 sessions.', partialMassage());
  const f = assertOne(text, RULE, { range: rangeOf(text, '4 sessions'), severity: 'warning' });
  assert.match(f.message, /the part the Claims Administrator authorized for massage therapy as 4 sessions, but the item's title says 6 sessions/);
  assert.deepEqual(findingsOf(ur('the claims administrator modified the request for massage therapy x 12 to massage therapy x 6.', partialMassage()), RULE), []);
});

test('"an additional 8 sessions" after the rationale says 6 were already authorized, when 8 was the whole request', () => {
  let text = partialMassage(8, 6, 2);
  text = replaceOnce(text, 'In this case, the injured worker already had two massage sessions', 'A prior review has already authorized an initial 6 sessions of massage therapy. A request for an additional 8 sessions exceeds the guideline. In this case, the injured worker already had two massage sessions');
  const f = assertOne(text, RULE, { range: rangeOf(text, '8 sessions', 'additional '), severity: 'warning' });
  assert.match(f.message, /^The rationale calls 8 sessions additional to the 6 already authorized, but 8 sessions was the whole original request \("8 sessions of massage therapy/);
  assert.match(f.message, /the remaining IMR-eligible portion is 2 sessions\.$/);
  assert.deepEqual(f.related.map((r) => r.message), ['Remaining portion in the item\'s title', 'Request in the item\'s title']);
});

test('plain text with CRLF: the count wrapped over a line', () => {
  const text = toCrlf(replaceOnce(CLEAN_TXT, 'non-certified requests for physical therapy and massage therapy.', 'non-certified a request for physical therapy 2 times a\nweek for 6 weeks and massage therapy.'));
  const f = assertOne(text, RULE, { range: rangeOf(text, '2 times a\r\nweek for 6 weeks'), severity: 'warning' });
  assert.deepEqual(f.related.map((r) => r.range), [rangeOf(text, '8 sessions', 'Physical therapy times ')]);
  // The treatment name wrapped over a line.
  const wrapped = toCrlf(replaceOnce(CLEAN_TXT, 'non-certified requests for physical therapy and massage therapy.', 'non-certified a request for 12 sessions of physical\ntherapy and massage therapy.'));
  assertOne(wrapped, RULE, { range: rangeOf(wrapped, '12 sessions'), severity: 'warning' });
});

test('negative: the same count, another treatment, the past, the guideline, another request, a quotation', () => {
  for (const sentence of [
    // the same counts, however written
    'the claims administrator non-certified a request for physical therapy 2 times a week for 4 weeks and massage therapy x 6.',
    'the claims administrator non-certified eight physical therapy sessions and 6 massage therapy sessions.',
    // a treatment that is no disputed item
    'the claims administrator non-certified a request for 12 sessions of acupuncture.',
    // the past: an earlier course, an earlier authorization
    'the claims administrator noted that 12 sessions of physical therapy had been authorized previously.',
    'the claims administrator noted that the injured worker completed 12 sessions of physical therapy.',
    // a guideline figure
    'the claims administrator noted that MTUS allows up to 10 sessions of physical therapy.',
    // a quotation of the records
    'the claims administrator quoted the report: "physical therapy 12 sessions".',
  ]) {
    assert.deepEqual(findingsOf(ur(sentence), RULE), [], sentence);
  }
  // A request dated long before the UR decision is another request.
  assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, 'On October 28, 2016, the injured worker reported', 'On June 1, 2016, a request for 12 sessions of physical therapy was denied. On October 28, 2016, the injured worker reported'), RULE), []);
  // The conclusion of a partial certification speaks of the remaining portion.
  const partial = replaceOnce(partialMassage(), 'Therefore, the request is not medically necessary.', 'Therefore, the request for massage therapy, 6 sessions, is not medically necessary.');
  assert.deepEqual(findingsOf(partial, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});

test('negative: two items of one treatment are told apart by body region, or left alone', () => {
  const two = replaceOnce(CLEAN_MD, MASSAGE_TITLE, '**PHYSICAL THERAPY TIMES 12 SESSIONS FOR THE NECK:** Upheld');
  // "for the neck" picks the second item: 12 = 12.
  assert.deepEqual(findingsOf(ur('the claims administrator non-certified a request for physical therapy x 12 for the neck.', two), RULE), []);
  // For the lumbar spine, 12 differs from 8.
  const lumbar = ur('the claims administrator non-certified a request for physical therapy x 12 for the lumbar spine.', two);
  assert.equal(findingsOf(lumbar, RULE).length, 1);
  // Without a region, the sentence could be about either item, in the summary or in either rationale.
  assert.deepEqual(findingsOf(ur('the claims administrator non-certified a request for physical therapy x 10.', two), RULE), []);
  const inRationale = replaceOnce(two, 'and the request for 8 sessions is within the guideline', 'and the treatment plan contains a request for physical therapy x 10');
  assert.deepEqual(findingsOf(inRationale, RULE), []);
  assert.equal(findingsOf(replaceOnce(two, 'and the request for 8 sessions is within the guideline', 'and the request for physical therapy x 10 for the lumbar spine is within the guideline'), RULE).length, 1);
});
