import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, firstFix, rangeAt, rangeOf, replaceOnce, spanOf, toCrlf } from './helpers.ts';

const RULE = 'partial-certification-mismatch';
const PT = '**PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE:** Overturned';
const partial = (o: string, a: string, r: string) =>
  `**${o} of physical therapy for the lumbar spine was the original request. ${a} were authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, ${r} is:** Overturned`;

test('8 - 6 written as 3: error on the remaining portion, original and authorized related; the fix changes only the digit', () => {
  const text = replaceOnce(CLEAN_MD, PT, partial('8 sessions', '6 sessions', '3 sessions'));
  const f = assertOne(text, RULE, { range: rangeOf(text, '3 sessions'), severity: 'error' });
  assert.match(f.message, /remaining portion \(3\) should be the original request \(8\) minus what was authorized \(6\), that is 2/);
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [
    ['Original request: 8', rangeOf(text, '8 sessions', '**8 sessions of')],
    ['Authorized: 6', rangeOf(text, '6 sessions')],
  ]);
  const three = spanOf(text, '3 sessions');
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[{ start: three.start, end: three.start + 1 }, '2']]);
  assertEditRanges(text, f);
  const fixed = assertFixResolves(text, f);
  assert.equal(fixed, replaceOnce(CLEAN_MD, PT, partial('8 sessions', '6 sessions', '2 sessions')));
  assert.deepEqual(allIds(fixed), []);
});

test('numbers written in words: the fix must keep the unit ("three sessions" -> "two sessions" or "2 sessions")', () => {
  const title = '**Physical therapy to the low back eight sessions was the original request. Physical therapy to the low back six sessions was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Physical therapy to the low back three sessions is:** Overturned';
  const text = replaceOnce(CLEAN_MD, PT, title);
  const f = assertOne(text, RULE, { range: rangeOf(text, 'three sessions'), severity: 'error' });
  const fixed = assertFixResolves(text, f);
  assert.ok(/low back (?:two|2) sessions is:/.test(fixed), 'the unit is kept');
});

test('plain text, CRLF, title wrapped over four lines like pdftotext output', () => {
  const title = 'Physical therapy to the low back 8 sessions was the original request. Physical therapy to\nthe low back 6 sessions was authorized by the Claims Administrator. The remaining IMR\neligible portion of the original request, Physical therapy to the low back 3 sessions is:\nOverturned';
  const text = toCrlf(replaceOnce(CLEAN_TXT, 'Physical therapy times 8 sessions for the lumbar spine: Overturned', title));
  const s = spanOf(text, '3 sessions');
  const f = assertOne(text, RULE, { range: rangeAt(text, s.start, s.end), severity: 'error' });
  assert.equal(f.range.start.character, 'eligible portion of the original request, Physical therapy to the low back '.length);
  const fixed = assertFixResolves(text, f);
  assert.ok(fixed.includes('low back 2 sessions is:\r\nOverturned'));
});

test('authorized more than requested: reported, but no fix (the difference is not a count)', () => {
  const text = replaceOnce(CLEAN_MD, PT, partial('6 sessions', '8 sessions', '2 sessions'));
  const f = assertOne(text, RULE, { range: rangeOf(text, '2 sessions'), severity: 'error' });
  assert.match(f.message, /that is -2/);
  assert.deepEqual(f.fixes, []);
});

test('negative: consistent numbers; equal original and authorized counts (they differ in what is not counted)', () => {
  assert.deepEqual(allIds(replaceOnce(CLEAN_MD, PT, partial('8 sessions', '6 sessions', '2 sessions'))), []);
  assert.deepEqual(allIds(replaceOnce(CLEAN_MD, PT, partial('8 sessions', '4 sessions', 'four sessions'))), []);
  const same = replaceOnce(CLEAN_MD, PT, '**Acupuncture 6 sessions, 60 minutes each was the original request. Acupuncture 6 sessions, 30 minutes each were authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, 6 sessions of 30 additional minutes is:** Overturned');
  assert.deepEqual(findingsOf(same, RULE), []);
});

test('a remaining portion worked out from two numbers ("1 times 6") gets the error but no suggestion: no one number to set (fuzz)', () => {
  const text = replaceOnce(CLEAN_MD, PT, partial('7 sessions', '6 sessions', '1 times 6 sessions'));
  const f = assertOne(text, RULE, { range: rangeOf(text, '1 times 6'), severity: 'error' });
  assert.match(f.message, /remaining portion \(6\) should be the original request \(7\) minus what was authorized \(6\), that is 1/);
  assert.deepEqual(f.fixes, []);
});
