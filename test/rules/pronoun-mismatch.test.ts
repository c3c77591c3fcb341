import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, firstFix, rangeOf, replaceOnce, toCrlf } from './helpers.ts';

const RULE = 'pronoun-mismatch';
const SEX = '50 year old female';
const NEXT = 'She has been treated';
const REPORTED = 'the injured worker reported low back pain graded 6/10';
const male = (base = CLEAN_MD) => replaceOnce(replaceOnce(base, SEX, '50 year old male'), NEXT, 'He has been treated');

test('a sentence opening with "He" right after a sentence about the (female) patient: warning, fix "She"', () => {
  const text = replaceOnce(CLEAN_MD, NEXT, 'He has been treated');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'He', '10/13/2015.'), severity: 'warning' });
  assert.equal(f.message, '"He" refers to the patient, whom the letter states to be female ("female"). Use "She", or correct the patient\'s sex.');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Patient\'s sex as stated', rangeOf(text, 'female')]]);
  assert.equal(firstFix(f).title, 'Change to "She"');
  assertEditRanges(text, f);
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
  assert.deepEqual(allIds(text), [RULE]);
});

test('within a sentence whose subject is the patient: "the injured worker reported that his ..."', () => {
  const text = replaceOnce(CLEAN_MD, REPORTED, 'the injured worker reported that his low back pain was graded 6/10');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'his', 'reported that '), severity: 'warning' });
  assert.equal(assertFixResolves(text, f), replaceOnce(CLEAN_MD, REPORTED, 'the injured worker reported that her low back pain was graded 6/10'));
});

test('several pronouns in one sentence are each reported; in a rationale too', () => {
  const text = replaceOnce(CLEAN_MD, 'In this case, the injured worker already had two massage sessions', 'In this case, the injured worker told the treating physician that he had two massage sessions on his neck');
  // The physician is named last: "he" may be the physician.
  assert.deepEqual(findingsOf(text, RULE), []);
  const direct = replaceOnce(CLEAN_MD, 'In this case, the injured worker already had two massage sessions', 'In this case, the injured worker says he had two massage sessions on his neck');
  const fs = findingsOf(direct, RULE);
  assert.deepEqual(fs.map((f) => f.range), [rangeOf(direct, 'he', 'says '), rangeOf(direct, 'his', 'sessions on ')]);
  assert.deepEqual(fs.map((f) => firstFix(f).edits[0].newText), ['she', 'her']);
});

test('a male patient called "her": "his" before a noun, "him" otherwise, capitals kept', () => {
  let text = replaceOnce(male(), REPORTED, 'the injured worker reported that her low back pain kept her from working');
  const fs = findingsOf(text, RULE);
  assert.deepEqual(fs.map((f) => firstFix(f).edits[0].newText), ['his', 'him']);
  assert.deepEqual(fs.map((f) => f.fixes.map((x) => x.title)), [['Change to "his"', 'Change to "him"'], ['Change to "him"', 'Change to "his"']]);
  assert.match(fs[0].message, /whom the letter states to be male \("male"\)\. Use "his"/);
  text = replaceOnce(male(), 'He has been treated', 'Her pain has been treated');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Her', '10/13/2015.'), severity: 'warning' });
  assert.equal(firstFix(f).edits[0].newText, 'His');
});

test('plain text with CRLF: the pronoun at the start of a wrapped line', () => {
  const text = toCrlf(replaceOnce(CLEAN_TXT, `\n${NEXT}`, '\nHe has been treated'));
  const f = assertOne(text, RULE, { range: rangeOf(text, 'He', '10/13/2015.'), severity: 'warning' });
  assert.equal(assertFixResolves(text, f), toCrlf(CLEAN_TXT));
});

test('negative: other people, boilerplate, quotations and generic patients are not this patient', () => {
  for (const [search, replacement] of [
    // the physician, named in the sentence before
    ['She has been treated for', 'The injured worker was seen by the treating physician. He has treated her for'],
    // the physician, named before the pronoun in the same sentence
    [REPORTED, 'the injured worker reported that the physician said he would order therapy'],
    // the husband is the subject
    [REPORTED, "the injured worker's husband reported that he drives her to therapy"],
    // a quotation
    [REPORTED, 'the injured worker reported "he told me to rest" about her employer'],
    // the boilerplate pronouns
    [REPORTED, 'the injured worker reported that his/her pain was graded 6/10'],
    [REPORTED, 'the injured worker reported that he or she could not work'],
    // a rule for any patient
    ['In this case, the injured worker already had', 'The patient should document his functional gains. In this case, the injured worker already had'],
    // a paragraph break between the sentences
    [`10/13/2015. ${NEXT}`, '10/13/2015.\n\nHe has been treated'],
  ] as const) {
    const text = replaceOnce(CLEAN_MD, search, replacement);
    assert.deepEqual(findingsOf(text, RULE), [], replacement);
  }
  // No sex stated, or stated both ways: nothing to compare with.
  assert.deepEqual(findingsOf(replaceOnce(replaceOnce(CLEAN_MD, SEX, '50 year old'), NEXT, 'He has been treated'), RULE), []);
  const both = replaceOnce(replaceOnce(CLEAN_MD, NEXT, 'He has been treated'), 'In this case, the injured worker already', 'The injured worker is a 50 year old male. In this case, the injured worker already');
  assert.deepEqual(findingsOf(both, RULE), []);
  assert.deepEqual(findingsOf(male(), RULE), []);
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});
