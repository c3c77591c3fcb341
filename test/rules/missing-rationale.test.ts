import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeOf, replaceAfter, replaceOnce } from './helpers.ts';

const RULE = 'missing-rationale';
const MASSAGE_TITLE = 'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK';
const massageRationale = () => CLEAN_MD.slice(CLEAN_MD.indexOf('**Decision rationale:**', CLEAN_MD.indexOf(MASSAGE_TITLE)));

test('no "Decision rationale:" paragraph: error on the item title', () => {
  const text = replaceOnce(CLEAN_MD, `\n\n${massageRationale()}`, '\n');
  const f = assertOne(text, RULE, { range: rangeOf(text, MASSAGE_TITLE), severity: 'error' });
  assert.match(f.message, /"MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK" has no "Decision rationale:"/);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('the first item\'s rationale missing: the next item still starts at its own title', () => {
  const ptRationale = CLEAN_MD.slice(CLEAN_MD.indexOf('**Decision rationale:**'), CLEAN_MD.indexOf(`**${MASSAGE_TITLE}`));
  const text = replaceOnce(CLEAN_MD, ptRationale, '');
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].range, rangeOf(text, 'PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE'));
});

test('an empty rationale, or one too short to explain anything: error on the label', () => {
  for (const r of ['**Decision rationale:**', '**Decision rationale:** See above.']) {
    const text = replaceOnce(CLEAN_MD, massageRationale(), `${r}\n`);
    const f = assertOne(text, RULE, { range: rangeOf(text, 'Decision rationale:', MASSAGE_TITLE), severity: 'error' });
    assert.match(f.message, /decision rationale of "MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK" is empty/);
  }
});

test('the threshold is 20 characters of text: 19 are reported, 20 are not', () => {
  const nineteen = 'Not supported here.';
  const twenty = 'Not supported here!!';
  assert.equal(nineteen.length, 19);
  assert.equal(twenty.length, 20);
  const short = replaceOnce(CLEAN_MD, massageRationale(), `**Decision rationale:** ${nineteen}\n`);
  assertOne(short, RULE, { range: rangeOf(short, 'Decision rationale:', MASSAGE_TITLE), severity: 'error' });
  assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, massageRationale(), `**Decision rationale:** ${twenty}\n`), RULE), []);
});

test('plain text: a missing rationale', () => {
  const rationale = CLEAN_TXT.slice(CLEAN_TXT.indexOf('Decision rationale:', CLEAN_TXT.indexOf('Massage therapy times')));
  const text = replaceAfter(CLEAN_TXT, 'Massage therapy times', `\n\n${rationale}`, '\n');
  assertOne(text, RULE, { range: rangeOf(text, 'Massage therapy times 6 sessions for the neck'), severity: 'error' });
});

test('negative: a short but real rationale of 20 characters or more, over several paragraphs too', () => {
  assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, massageRationale(), '**Decision rationale:** Not medically necessary.\n'), RULE), []);
  const multi = replaceOnce(CLEAN_MD, 'Further massage is not supported. ', 'Further massage is not supported.\n\nIn addition, no home exercise log was provided. ');
  assert.deepEqual(allIds(multi), []);
});
