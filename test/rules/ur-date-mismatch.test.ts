import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'ur-date-mismatch';
const SENTENCE = 'In a utilization review dated 11/03/2016, the claims administrator';
const ur = (replacement: string) => replaceOnce(CLEAN_MD, SENTENCE, replacement);

test('"utilization review dated <date>" differing from the header: warning, header related, fixes both ways', () => {
  const text = ur('In a utilization review dated 11/08/2016, the claims administrator');
  const f = assertOne(text, RULE, { range: rangeOf(text, '11/08/2016'), severity: 'warning' });
  assert.match(f.message, /utilization review date here \(11\/08\/2016\) differs from the header's UR Denial Date \(11\/03\/2016\)/);
  const header = spanOf(text, '11/03/2016');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Header UR Denial Date', rangeAt(text, header.start, header.end)]]);
  assert.deepEqual(f.fixes.map((x) => [x.kind, !!x.preferred, x.edits.map((e) => [e.span, e.newText])]), [
    ['suggestion', false, [[spanOf(text, '11/08/2016'), '11/03/2016']]],
    ['suggestion', false, [[header, '11/08/2016']]],
  ]);
  assertEditRanges(text, f);
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
});

for (const [form, date] of [
  ['In a utilization review on 11/08/2016, the claims administrator', '11/08/2016'],
  ['In a utilization review of 11/08/2016, the claims administrator', '11/08/2016'],
  ['In a UR dated 11/08/2016, the claims administrator', '11/08/2016'],
  ['In a utilization review report dated November 8, 2016, the claims administrator', 'November 8, 2016'],
  ['On 11/08/2016, utilization review found that the claims administrator', '11/08/2016'],
  ['On 11-08-16, the utilization review found that the claims administrator', '11-08-16'],
  ['On 11-08-2016 Utilization Review found that the claims administrator', '11-08-2016'],
] as const) {
  test(`form: "${form.replace(', the claims administrator', '').replace(' found that the claims administrator', '')}"`, () => {
    const text = ur(form);
    const f = assertOne(text, RULE, { range: rangeOf(text, date), severity: 'warning' });
    assertFixResolves(text, f);
  });
}

test('the fix keeps an unpadded two-digit-year date unpadded ("11-8-16" -> "11-3-16")', () => {
  const text = ur('The Utilization Review dated 11-8-16 found that the claims administrator');
  const f = assertOne(text, RULE, { range: rangeOf(text, '11-8-16'), severity: 'warning' });
  assert.deepEqual(f.fixes[0].edits.map((e) => e.newText), ['11-3-16']);
  assert.deepEqual(f.fixes[1].edits.map((e) => e.newText), ['11/08/2016']);
  assertFixResolves(text, f);
});

test('plain text: a UR date in the wrapped narrative', () => {
  const text = replaceOnce(CLEAN_TXT, 'In a utilization review dated 11/03/2016, the', 'In a utilization review dated 11/08/2016, the');
  const f = assertOne(text, RULE, { range: rangeOf(text, '11/08/2016'), severity: 'warning' });
  assert.equal(assertFixResolves(text, f), CLEAN_TXT);
});

test('a mention whose padding cannot be seen ("11/30/2016") is rewritten zero-padded like the header (MM/DD/YYYY)', () => {
  const text = replaceOnce(CLEAN_TXT, 'In a utilization review dated 11/03/2016, the', 'In a utilization review dated 11/30/2016, the');
  const f = assertOne(text, RULE, { range: rangeOf(text, '11/30/2016'), severity: 'warning' });
  assert.deepEqual(f.fixes[0].edits.map((e) => e.newText), ['11/03/2016']);
  assert.equal(assertFixResolves(text, f), CLEAN_TXT);
});

test('negative: the header\'s date written another way agrees ("November 3, 2016", "11-3-16")', () => {
  assert.deepEqual(allIds(ur('In a utilization review dated November 3, 2016, the claims administrator')), []);
  assert.deepEqual(allIds(ur('On 11-3-16, utilization review found that the claims administrator')), []);
});

test('negative: other dates near the words "utilization review" are not the UR date', () => {
  for (const s of [
    'A request for authorization dated 11/01/2016 was submitted to utilization review, and the claims administrator',
    'On 11/01/2016, the injured worker was seen. Utilization review followed, and in a utilization review dated 11/03/2016, the claims administrator',
    'The utilization review physician examined records from 10/28/2016, and in a utilization review dated 11/03/2016, the claims administrator',
  ]) {
    const text = ur(s);
    assert.deepEqual(findingsOf(text, RULE), [], s);
  }
});

test('negative: an earlier, different utilization review ("a prior utilization review dated ...") is not the disputed one', () => {
  for (const s of [
    'A prior utilization review dated 05/01/2016 certified 6 sessions. In a utilization review dated 11/03/2016, the claims administrator',
    'A previous utilization review on 05/01/2016 certified 6 sessions. In a utilization review dated 11/03/2016, the claims administrator',
  ]) {
    assert.deepEqual(findingsOf(ur(s), RULE), [], s);
  }
});
