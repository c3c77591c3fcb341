import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeOf, replaceOnce } from './helpers.ts';

const RULE = 'invalid-case-number';

for (const bad of ['CM16-021999', 'CM2016-0219999', 'cm16-0219999', 'CM16-02199999', 'CM160219999']) {
  test(`"${bad}" is reported on the value`, () => {
    const text = replaceOnce(CLEAN_MD, 'CM16-0219999', bad);
    const f = assertOne(text, RULE, { range: rangeOf(text, bad), severity: 'error' });
    assert.ok(f.message.includes(`"${bad}"`));
    assert.match(f.message, /CMyy-nnnnnnn/);
    assert.deepEqual(f.fixes, []);
    assert.deepEqual(allIds(text), [RULE]);
  });
}

test('plain text: a value with a space instead of the dash is reported in full', () => {
  const text = replaceOnce(CLEAN_TXT, 'CM16-0219999', 'CM16 0219999');
  assertOne(text, RULE, { range: rangeOf(text, 'CM16 0219999'), severity: 'error' });
});

test('negative: a valid number passes; an empty one is missing-header-field\'s, not this rule\'s', () => {
  assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, 'CM16-0219999', 'CM14-0003333'), RULE), []);
  const empty = replaceOnce(CLEAN_MD, 'CM16-0219999', '');
  assert.deepEqual(allIds(empty), ['missing-header-field']);
});
