import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '../../server/src/index.ts';
import {
  CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, lintText, firstFix, rangeAt, rangeOf, replaceOnce, spanOf,
} from './helpers.ts';

const RULE = 'unredacted-phi';
const AFTER = 'range of motion was limited by pain.';
/** The clean letter with a sentence added to the clinical summary. */
const say = (sentence: string, base = CLEAN_MD) => replaceOnce(base, AFTER, `${AFTER} ${sentence}`);

test('a social security number: warning on the number, not repeated in the message, fix replaces it', () => {
  const text = say('Her social security number is 123-45-6789.');
  const f = assertOne(text, RULE, { range: rangeOf(text, '123-45-6789'), severity: 'warning' });
  assert.equal(f.message, 'A social security number is in the letter. Published determinations are redacted: replace it with [REDACTED].');
  assert.ok(!f.message.includes('6789'));
  assert.equal(firstFix(f).title, 'Replace the social security number with [REDACTED]');
  assertEditRanges(text, f);
  assert.equal(assertFixResolves(text, f), say('Her social security number is [REDACTED].'));
  assert.deepEqual(allIds(text), [RULE]);
});

test('an SSN written without dashes after its label', () => {
  const text = say('SSN: 123456789.');
  const f = assertOne(text, RULE, { range: rangeOf(text, '123456789'), severity: 'warning' });
  assert.match(f.message, /^A social security number/);
});

test('phone numbers in both forms, each its own finding', () => {
  const text = say('The office can be reached at (916) 555-0134 or 916-555-0199.');
  const fs = findingsOf(text, RULE);
  assert.deepEqual(fs.map((f) => f.range), [rangeOf(text, '(916) 555-0134'), rangeOf(text, '916-555-0199')]);
  for (const f of fs) assert.match(f.message, /^A phone number is in the letter/);
  // --fix replaces both.
  assert.equal(applyFixes(text, lintText(text).findings).text, say('The office can be reached at [REDACTED] or [REDACTED].'));
});

test('an e-mail address', () => {
  const text = say('Reports were sent to jane.doe@example.com for review.');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'jane.doe@example.com'), severity: 'warning' });
  assert.match(f.message, /^An e-mail address is in the letter/);
  assert.equal(assertFixResolves(text, f), say('Reports were sent to [REDACTED] for review.'));
});

test('street addresses and a post office box', () => {
  for (const addr of ['1234 Main Street', '12 N. Oak Ave.', '500 West 5th St', '77 Mission Bay Blvd', 'P.O. Box 4521']) {
    const text = say(`She lives at ${addr}, Sacramento.`);
    assertOne(text, RULE, { range: rangeOf(text, addr), severity: 'warning' });
  }
});

test('a full date of birth after its label (the date only is replaced)', () => {
  for (const [sentence, date] of [
    ['DOB: 01/02/1966.', '01/02/1966'],
    ['Her date of birth is January 2, 1966.', 'January 2, 1966'],
    ['She was born on 01-02-1966 in Fresno.', '01-02-1966'],
  ]) {
    const text = say(sentence);
    const f = assertOne(text, RULE, { range: rangeOf(text, date), severity: 'warning' });
    assert.match(f.message, /^A date of birth is in the letter/);
    assert.equal(assertFixResolves(text, f), say(sentence.replace(date, '[REDACTED]')));
  }
});

test('Markdown: a bold label before the date of birth', () => {
  const text = say('**DOB:** 01/02/1966.');
  assertOne(text, RULE, { range: rangeOf(text, '01/02/1966'), severity: 'warning' });
});

test('plain text: a phone number and a date of birth in the summary', () => {
  const text = replaceOnce(CLEAN_TXT, 'motion was limited by pain.', 'motion was limited by pain. Date of birth: 01/02/1966; phone (916) 555-0134.');
  const fs = findingsOf(text, RULE);
  const dob = spanOf(text, '01/02/1966');
  assert.deepEqual(fs.map((f) => f.range), [rangeAt(text, dob.start, dob.end), rangeOf(text, '(916) 555-0134')]);
});

test('negative: case numbers, codes, page numbers, dates of service and other dates, counts', () => {
  for (const sentence of [
    'See CM16-0219557 and claim 2016-123456.',
    'CPT 97110 and 97140 were billed; ICD-10 M54.5 and S13.4XXA.',
    'Page 2 of 4. The MRI showed L4-5 and L5-S1 disc bulges.',
    'DOS: 11/11/2016. DOI: 10/13/2015. Seen on 10-28-16 and 10/28/2016.',
    'She was born in 1966 and had a child born in March 2001.',
    'Physical therapy 2 times a week for 6 weeks, 12 sessions, #90 tablets of 7.5 mg.',
    'Norco 10/325 mg 1-2 tabs every 4-6 hours; 3x4 sessions; 123-4567 units.',
    'She works 40 Hours Per Week at 2 Main locations; follow up with Dr. Smith in 2 Weeks.',
    'The patient weighs 180 lbs; BMI 28.5; BP 130/80; pain 6/10.',
    'Decision based on Official Disability Guidelines (ODG), 2016 edition; see www.dir.ca.gov/dwc.',
  ]) {
    assert.deepEqual(findingsOf(say(sentence), RULE), [], sentence);
  }
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});

test('fast on a large text full of near misses', () => {
  const chunk = 'Seen 10/28/2016, 123-456 and 1234 Main and a@ b.c and 916-555 and DOB pending. ';
  const text = say(chunk.repeat(5000));
  const t0 = performance.now();
  assert.deepEqual(findingsOf(text, RULE), []);
  assert.ok(performance.now() - t0 < 3000, 'linear scan');
});

test('negative (fuzz regression): a header value that reads like an address is case metadata, not redacted', () => {
  const text = 'Case Number:4 Mn Street';
  assert.deepEqual(findingsOf(text, 'unredacted-phi'), []);
});
