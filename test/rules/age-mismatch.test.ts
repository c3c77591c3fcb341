import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, firstFix, rangeOf, replaceOnce, toCrlf } from './helpers.ts';

const RULE = 'age-mismatch';
const FIRST = 'The injured worker is a 50 year old female';
const LATER = 'In this case, the injured worker already had two massage sessions';
const later = (sentence: string, base = CLEAN_MD) => replaceOnce(base, LATER, `${sentence} ${LATER}`);
const withDob = (dob: string) => replaceOnce(CLEAN_MD, 'She has been treated', `Her date of birth is ${dob}. She has been treated`);

test('a later statement of another age: error on its number, the first statement related; the fix restores the first age', () => {
  const text = later('The claimant is a 52 year old female with chronic neck pain.');
  const f = assertOne(text, RULE, { range: rangeOf(text, '52'), severity: 'error' });
  assert.equal(f.message, 'The patient\'s age here (52) differs from the age stated first (50). One of them is wrong: check the records and make them agree.');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Age stated first', rangeOf(text, '50', FIRST)]]);
  assert.equal(firstFix(f).title, 'Change to 50 (the age stated first)');
  assertEditRanges(text, f);
  assert.equal(assertFixResolves(text, f), later('The claimant is a 50 year old female with chronic neck pain.'));
  assert.deepEqual(f.fixes.map((x) => x.kind), ['suggestion', 'suggestion']);
  assert.equal(applyFixes(text, [f]).applied, 0, 'an age is a fact: never changed unattended');
  const other = f.fixes[1];
  assert.equal(other.title, 'Change the first statement to 52');
  assert.equal(assertFixResolves(text, f, {}, other), replaceOnce(text, '50 year old', '52 year old'));
  assert.deepEqual(allIds(text), [RULE]);
});

for (const sentence of [
  'This 48-year-old woman reports neck pain.',
  'The patient is 48 years old.',
  'She is 48 years of age.',
  'The injured worker is a(n) 48 year old female.',
  'This is a 48 year old right-handed female.',
  'The claimant is a 48-year-old that fell at work.',
  'The patient is a now 48-year-old female.',
]) {
  test(`the age in "${sentence}" is a statement of the patient's age`, () => {
    const text = later(sentence);
    const f = assertOne(text, RULE, { range: rangeOf(text, '48'), severity: 'error' });
    assert.match(f.message, /\(48\) differs from the age stated first \(50\)/);
  });
}

test('"Age: 48" on a line of its own', () => {
  const text = replaceOnce(CLEAN_MD, '### CLINICAL CASE SUMMARY\n', '### CLINICAL CASE SUMMARY\n\nAge: 48\n');
  const f = assertOne(text, RULE, { range: rangeOf(text, '50', FIRST.slice(0, 20)), severity: 'error' });
  assert.match(f.message, /\(50\) differs from the age stated first \(48\)/);
});

test('three statements: only the one that differs is reported', () => {
  const text = later('The patient is a 50-year-old female. This 51 year old female works as a cashier.');
  const fs = findingsOf(text, RULE);
  assert.deepEqual(fs.map((f) => f.range), [rangeOf(text, '51')]);
});

test('a date of birth that makes the patient another age at the Decision Date: error, fix to the computed age', () => {
  const text = withDob('03/15/1960');
  const f = assertOne(text, RULE, { range: rangeOf(text, '50', 'worker is a'), severity: 'error' });
  assert.equal(f.message, 'The patient\'s age is given as 50, but the date of birth 03/15/1960 makes the patient 56 at the Decision Date (12/19/2016). Correct the age or the date of birth.');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Date of birth', rangeOf(text, '03/15/1960')], ['Decision Date', rangeOf(text, '12/19/2016')]]);
  assert.equal(firstFix(f).title, 'Change the age to 56');
  assert.deepEqual(findingsOf(replaceOnce(text, '50 year old', '56 year old'), RULE), []);
});

test('date of birth: the age at the Decision Date or one less (a birthday since the records) agrees', () => {
  assert.deepEqual(findingsOf(withDob('03/15/1966'), RULE), []); // 50 at 12/19/2016
  assert.deepEqual(findingsOf(withDob('12/25/1965'), RULE), []); // 50: the 51st birthday is after the decision
  assert.deepEqual(findingsOf(withDob('11/01/1965'), RULE), []); // 51 at the decision, 50 in the records
  const text = withDob('11/01/1964'); // 52
  assert.equal(findingsOf(text, RULE).length, 1);
  const dob = replaceOnce(CLEAN_MD, 'She has been treated', 'DOB: 11/01/1964. She has been treated');
  assert.match(findingsOf(dob, RULE)[0].message, /makes the patient 52/);
});

test('plain text with CRLF', () => {
  const text = toCrlf(replaceOnce(CLEAN_TXT, 'In this case, the injured worker already had', 'This 55 year old female already had'));
  const f = assertOne(text, RULE, { range: rangeOf(text, '55'), severity: 'error' });
  assert.deepEqual(f.related.map((r) => r.range), [rangeOf(text, '50')]);
});

test('negative: ages of other people, ages in the patient\'s history and guideline ages are not the patient\'s age', () => {
  for (const sentence of [
    'She cares for her 5-year-old son.',
    'Her husband is a 60 year old retired driver.',
    'His daughter is a 12 year old.',
    'She has had migraine headaches since 13 years old.',
    'She had febrile seizures at 2 years old.',
    'Imaging is recommended in patients over 40 years of age.',
    'The 10 year old injury has not been reopened.',
    'She lives with a 70 year old mother.',
  ]) {
    assert.deepEqual(findingsOf(later(sentence), RULE), [], sentence);
  }
  assert.deepEqual(findingsOf(later('The claimant is a 50 year old female.'), RULE), []);
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});
