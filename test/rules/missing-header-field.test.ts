import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeOf, replaceOnce } from './helpers.ts';

const RULE = 'missing-header-field';
const FIRST_HEADING = 'HOW THE IMR FINAL DETERMINATION WAS MADE';

test('a field missing from the header is reported in the header, on its first label', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Priority:</b>\tStandard\t', '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Case Number:'), severity: 'error' });
  assert.match(f.message, /no "Priority" field/);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE], 'the other fields still parse');
});

test('two missing fields give two findings naming each, in header order', () => {
  let text = replaceOnce(CLEAN_MD, '<b>Priority:</b>\tStandard\t', '');
  text = replaceOnce(text, '\t<b>Date of Injury:</b>\t10/13/2015', '');
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 2);
  assert.match(fs[0].message, /"Date of Injury"/);
  assert.match(fs[1].message, /"Priority"/);
  for (const f of fs) assert.deepEqual(f.range, rangeOf(text, 'Case Number:'));
});

test('no header at all: all seven fields are reported on the first section heading', () => {
  const text = CLEAN_MD.slice(CLEAN_MD.indexOf('### HOW'));
  const fs = findingsOf(text, RULE);
  assert.deepEqual(fs.map((f) => /no "([^"]+)" field/.exec(f.message)?.[1]), [
    'Case Number', 'Date Assigned', 'Date of Injury', 'Decision Date', 'UR Denial Date', 'Priority', 'Application Received',
  ]);
  for (const f of fs) assert.deepEqual(f.range, rangeOf(text, FIRST_HEADING));
});

test('an empty value at the end of a line is reported on the label', () => {
  const text = replaceOnce(CLEAN_MD, 'CM16-0219999', '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Case Number:'), severity: 'error' });
  assert.match(f.message, /"Case Number" has no value/);
});

test('an empty value before the next label on the same line is reported on its label, the next field still read', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Date Assigned:</b>\t11/18/2016\t', '<b>Date Assigned:</b>\t\t');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Date Assigned:'), severity: 'error' });
  assert.match(f.message, /"Date Assigned" has no value/);
  assert.deepEqual(allIds(text), [RULE], 'Date of Injury is still read: no date or order finding');
});

test('plain text: an empty Priority (value column blank) is reported on the label', () => {
  const text = replaceOnce(CLEAN_TXT, 'Priority:             Standard  ', 'Priority:                       ');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Priority:'), severity: 'error' });
  assert.match(f.message, /"Priority" has no value/);
});

test('plain text: a missing wrapped "Application / Received:" field is reported on the first label', () => {
  let text = replaceOnce(CLEAN_TXT, '                        Application          11/14/2016\n', '\n');
  text = replaceOnce(text, '                                                      Received:\n', '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Case Number:'), severity: 'error' });
  assert.match(f.message, /no "Application Received" field/);
});

test('negative: labels in another case and the pdftotext-wrapped "Application ... Received:" label are fields', () => {
  const text = replaceOnce(CLEAN_MD, '<b>Date of Injury:</b>', '<b>Date of injury:</b>');
  assert.deepEqual(allIds(text), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});
