import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, allIds, applyEdits, assertEditRanges, assertFixResolves, assertOne, findingsOf, lintText, firstFix, rangeOf, replaceOnce, toCrlf } from './helpers.ts';

const RULE = 'missing-conclusion';
const PT_TITLE = 'PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE';
const MASSAGE_TITLE = 'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK';
const PT_CONCLUSION = ' Therefore, the request is medically necessary.';
const MASSAGE_CONCLUSION = ' Therefore, the request is not medically necessary.';

test('an Overturned rationale without its conclusion: warning on the label, verdict related, the fix adds the positive conclusion', () => {
  const text = replaceOnce(CLEAN_MD, PT_CONCLUSION, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Decision rationale:', PT_TITLE), severity: 'warning' });
  assert.equal(f.message, `The decision rationale of "${PT_TITLE}" does not conclude whether the request is medically necessary. End it with the conclusion ("Therefore, the request is medically necessary."), so that the verdict can be checked against it.`);
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Verdict: Overturned', rangeOf(text, 'Overturned')]]);
  const fix = firstFix(f);
  assert.equal(fix.title, 'Add "Therefore, the request is medically necessary." (the Overturned verdict)');
  assertEditRanges(text, f);
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
  assert.deepEqual(allIds(text), [RULE]);
});

test('an Upheld rationale: the fix adds "not medically necessary"; on the second item\'s own label', () => {
  const text = replaceOnce(CLEAN_MD, MASSAGE_CONCLUSION, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Decision rationale:', MASSAGE_TITLE), severity: 'warning' });
  assert.match(f.message, new RegExp(`^The decision rationale of "${MASSAGE_TITLE}" does not conclude`));
  assert.match(f.message, /"Therefore, the request is not medically necessary\."/);
  assert.equal(firstFix(f).title, 'Add "Therefore, the request is not medically necessary." (the Upheld verdict)');
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
});

test('a rationale whose last sentence has no period: the fix closes it first', () => {
  const text = replaceOnce(CLEAN_MD, ` Further massage is not supported.${MASSAGE_CONCLUSION}`, ' Further massage is not supported');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Decision rationale:', MASSAGE_TITLE), severity: 'warning' });
  assert.equal(firstFix(f).edits[0].newText, '. Therefore, the request is not medically necessary.');
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
});

test('both rationales without a conclusion: two findings; fix all writes no conclusion, the two suggestions restore the letter', () => {
  const text = replaceOnce(replaceOnce(CLEAN_MD, PT_CONCLUSION, ''), MASSAGE_CONCLUSION, '');
  const fs = findingsOf(text, RULE);
  assert.deepEqual(fs.map((f) => f.range), [rangeOf(text, 'Decision rationale:', PT_TITLE), rangeOf(text, 'Decision rationale:', MASSAGE_TITLE)]);
  assert.equal(applyFixes(text, lintText(text).findings).text, text);
  assert.deepEqual(fs.map((f) => f.fixes.map((x) => x.kind)), [['suggestion'], ['suggestion']]);
  assert.equal(applyEdits(text, fs.flatMap((f) => f.fixes[0].edits)), CLEAN_MD);
});

test('no verdict yet: warning without a fix (the conclusion to add is not known)', () => {
  let text = replaceOnce(CLEAN_MD, `**${MASSAGE_TITLE}:** Upheld`, `**${MASSAGE_TITLE}:**`);
  text = replaceOnce(text, MASSAGE_CONCLUSION, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Decision rationale:', MASSAGE_TITLE), severity: 'warning' });
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(f.related, []);
  assert.match(f.message, /"Therefore, the request is not medically necessary\."/);
});

test('plain text with CRLF: the conclusion wrapped over lines removed, the fix puts it back on the last line', () => {
  const conclusion = '\r\nsupported. Therefore, the request is not medically necessary.';
  const text = toCrlf(CLEAN_TXT).replace(conclusion, '\r\nsupported.');
  assert.notEqual(text, toCrlf(CLEAN_TXT));
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Decision rationale:', 'Massage therapy times 6'), severity: 'warning' });
  assert.equal(assertFixResolves(text, f), toCrlf(CLEAN_TXT));
});

test('negative: every wording of a conclusion counts, wherever it stands', () => {
  for (const c of [
    ' Therefore, medical necessity has not been established.',
    ' The request is not medically necessary and appropriate.',
    ' Hence the requested massage is not medically necessary at this time.',
  ]) {
    assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, MASSAGE_CONCLUSION, c), RULE), [], c);
  }
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});

test('negative: a missing or empty rationale is missing-rationale\'s finding, not this one', () => {
  const rationale = CLEAN_MD.slice(CLEAN_MD.indexOf('**Decision rationale:**', CLEAN_MD.indexOf(MASSAGE_TITLE)));
  assert.deepEqual(allIds(replaceOnce(CLEAN_MD, rationale, '**Decision rationale:** See above.\n')), ['missing-rationale']);
  assert.deepEqual(allIds(replaceOnce(CLEAN_MD, `\n\n${rationale}`, '\n')), ['missing-rationale']);
});
