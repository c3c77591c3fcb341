import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, lint } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, firstFix, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'missing-verdict';
const PT_TITLE = 'PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE';

test('bold title without verdict: error on the title; two suggestions, the concluded verdict first, none unattended', () => {
  const text = replaceOnce(CLEAN_MD, 'SPINE:** Overturned', 'SPINE:**');
  const f = assertOne(text, RULE, { range: rangeOf(text, PT_TITLE), severity: 'error' });
  assert.match(f.message, /"PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE" has no verdict/);
  assert.deepEqual(f.fixes.map((x) => [x.title, x.kind, !!x.preferred]), [
    ['Add the verdict Overturned (as the rationale concludes)', 'suggestion', false],
    ['Add the verdict Upheld', 'suggestion', false],
  ]);
  assert.equal(applyFixes(text, [f]).applied, 0, 'a verdict is the physician\'s: never written unattended');
  const at = spanOf(text, `${PT_TITLE}:**`).end;
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[{ start: at, end: at }, ' Overturned']]);
  assertEditRanges(text, f);
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
});

test('negative conclusion: the fix adds Upheld', () => {
  const text = replaceOnce(CLEAN_MD, 'NECK:** Upheld', 'NECK:**');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK'), severity: 'error' });
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
});

test('a title without a colon gets ": Overturned"', () => {
  const text = replaceOnce(CLEAN_MD, 'SPINE:** Overturned', 'SPINE**');
  const f = assertOne(text, RULE, { range: rangeOf(text, PT_TITLE), severity: 'error' });
  const at = spanOf(text, PT_TITLE).end;
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[{ start: at, end: at }, ': Overturned']]);
  assertFixResolves(text, f);
});

test('no conclusion to go by: two suggestions, Upheld and Overturned, neither preferred', () => {
  let text = replaceOnce(CLEAN_MD, 'SPINE:** Overturned', 'SPINE**');
  text = replaceOnce(text, 'Therefore, the request is medically necessary.', 'The request is supported.');
  const f = assertOne(text, RULE, { range: rangeOf(text, PT_TITLE), severity: 'error' });
  assert.deepEqual(f.fixes.map((x) => [x.title, !!x.preferred, x.edits.map((e) => e.newText)]), [
    ['Add the verdict Upheld', false, [': Upheld']],
    ['Add the verdict Overturned', false, [': Overturned']],
  ]);
});

test('plain text: "title:" without verdict; the fix appends " Overturned" after the colon', () => {
  const text = replaceOnce(CLEAN_TXT, 'lumbar spine: Overturned', 'lumbar spine:');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Physical therapy times 8 sessions for the lumbar spine'), severity: 'error' });
  assert.equal(assertFixResolves(text, f), CLEAN_TXT);
});

test('an item with no title at all: reported on its first label, no fix', () => {
  const text = replaceOnce(CLEAN_MD, `**${PT_TITLE}:** Overturned\n\n`, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Claims Administrator guideline:', 'set forth below'), severity: 'error' });
  assert.match(f.message, /no title and no verdict/);
  assert.deepEqual(f.fixes, []);
});

test('negative: "is: Upheld", a trailing period, and lower case are verdicts', () => {
  for (const [from, to] of [
    ['SPINE:** Overturned', 'SPINE is:** Overturned'],
    ['SPINE:** Overturned', 'SPINE:** Overturned.'],
    ['NECK:** Upheld', 'NECK:** upheld'],
  ]) {
    assert.deepEqual(allIds(replaceOnce(CLEAN_MD, from, to)), [], to);
  }
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});

test('a professional review with only its "ISSUE AT DISPUTE" heading: no internal error, the item reported at its start', () => {
  for (const languageId of ['markdown', 'plaintext'] as const) {
    const { findings } = lint('ISSUE AT DISPUTE\n', { languageId });
    assert.deepEqual(findings.filter((f) => /Internal error/.test(f.message)), [], languageId);
    assert.ok(findings.every((f) => f.span.start >= 0 && f.span.end <= 'ISSUE AT DISPUTE\n'.length));
  }
});
