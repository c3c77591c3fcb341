import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, spanOf, toCrlf } from './helpers.ts';

const RULE = 'unfilled-placeholder';
const AT = 'revealed mild degenerative disc disease at L4-L5.';
const insert = (s: string, base = CLEAN_MD) => replaceOnce(base, AT, `revealed mild degenerative disc disease at L4-L5 ${s}.`);

for (const p of ['TODO', 'TBD', 'FIXME', 'XX/XX/XXXX', 'XX-XX-XX', '[TREATMENT]', '[DATE]', '[INSERT DATE]', '[...]', '[X]', '___', '${1:date}', '${2|Upheld,Overturned|}']) {
  test(`"${p}" is a placeholder: information on exactly it (check-half precision below 95 %)`, () => {
    const text = insert(p);
    const f = assertOne(text, RULE, { range: rangeOf(text, p), severity: 'info' });
    assert.ok(f.message.startsWith(`"${p}" is a template placeholder`));
    assert.deepEqual(f.fixes, []);
    assert.deepEqual(allIds(text), [RULE]);
  });
}

test('a placeholder date in the narrative and a slot in an item title: one finding each, in order', () => {
  let text = replaceOnce(CLEAN_MD, 'sustained an industrial injury on 10/13/2015.', 'sustained an industrial injury on XX/XX/XXXX.');
  text = replaceOnce(text, '**MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK:** Upheld', '**[TREATMENT] TIMES 6 SESSIONS FOR THE NECK:** Upheld');
  const fs = findingsOf(text, RULE);
  assert.deepEqual(fs.map((f) => f.range), [rangeOf(text, 'XX/XX/XXXX'), rangeOf(text, '[TREATMENT]')]);
});

test('a blank of any length is reported whole', () => {
  const text = insert('on ________');
  assertOne(text, RULE, { range: rangeOf(text, '________'), severity: 'info' });
});

test('plain text with CRLF: a TBD in the header value is on the right line and column', () => {
  const text = replaceOnce(toCrlf(CLEAN_TXT), 'Case Number:          CM16-0219999', 'Case Number:          TBD');
  const s = spanOf(text, 'TBD');
  const f = findingsOf(text, RULE);
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].range, rangeAt(text, s.start, s.end));
  assert.deepEqual(f[0].range.start, { line: 0, character: 22 });
});

test('negative: bracketed abbreviations and references from real letters, links, words containing TODO, snake_case', () => {
  const text = insert('on magnetic resonance imaging [MRI] and computed tomography [CT] with the claims instructions [CI], per [1-3, 28, 34], an [otc] cream, a [sic] note, a [ITEM](https://example.org/item) link, TODOS, todo, and a __init__ file');
  assert.deepEqual(findingsOf(text, RULE), []);
});
