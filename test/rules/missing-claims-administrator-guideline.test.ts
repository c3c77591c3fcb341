import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeOf, replaceAfter, replaceOnce } from './helpers.ts';

const RULE = 'missing-claims-administrator-guideline';
const PT_TITLE = 'PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE';
const PT_CA = '**Claims Administrator guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.';

test('no Claims Administrator line: warning on the item title (without markup and verdict)', () => {
  const text = replaceOnce(CLEAN_MD, `${PT_CA}\n\n`, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, PT_TITLE), severity: 'warning' });
  assert.match(f.message, /"PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE" has no "Claims Administrator guideline:" line/);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE], 'the item is still read whole');
});

test('an empty Claims Administrator line: warning on the label', () => {
  const text = replaceOnce(CLEAN_MD, PT_CA, '**Claims Administrator guideline:**');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Claims Administrator guideline:', PT_TITLE), severity: 'warning' });
  assert.match(f.message, /Claims Administrator guideline of "PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE" is empty/);
});

test('only the item without the line is reported', () => {
  const text = replaceAfter(CLEAN_MD, 'MASSAGE THERAPY TIMES 6', '**Claims Administrator guideline:** The Claims Administrator did not cite any medical evidence for its decision.\n\n', '');
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].range, rangeOf(text, 'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK'));
});

test('plain text: a missing line in the pdftotext layout', () => {
  const ca = 'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment\n2016, Section(s): Physical medicine treatment.\n\n';
  const text = replaceOnce(CLEAN_TXT, ca, '');
  assertOne(text, RULE, { range: rangeOf(text, 'Physical therapy times 8 sessions for the lumbar spine'), severity: 'warning' });
});

test('negative: "did not cite any medical evidence" is a valid Claims Administrator entry; "Claims Administrator\'s guidelines:" is a label', () => {
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  const text = replaceOnce(CLEAN_MD, PT_CA, PT_CA.replace('Claims Administrator guideline:', 'Claims Administrator\'s guidelines:'));
  assert.deepEqual(allIds(text), []);
});
