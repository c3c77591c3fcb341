import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'citation-mismatch';
// The massage item, cited by page as 2014 letters do.
const PAGED = replaceOnce(
  CLEAN_MD,
  'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.',
  'Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 60.',
);
const SENTENCE = 'The MTUS Chronic Pain Medical Treatment Guidelines recommend massage therapy';
const rationale = (s: string, base = PAGED) => replaceOnce(base, SENTENCE, s);

test('the rationale quotes page 58 while the line cites page 60: warning on "page 58", citation related', () => {
  const text = rationale('The MTUS Chronic Pain Guidelines on massage therapy page 58 recommend massage therapy');
  assert.deepEqual(findingsOf(PAGED, RULE), []);
  const f = assertOne(text, RULE, { range: rangeOf(text, 'page 58'), severity: 'warning' });
  assert.match(f.message, /cites page 58, but the MAXIMUS guideline line cites page\(s\) 60/);
  const c = spanOf(text, 'Chronic Pain Treatment Guidelines Page(s): 60');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['The item\'s citation', rangeAt(text, c.start, c.end)]]);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('a page range that misses the cited page ("pages 58-59") is reported whole', () => {
  const text = rationale('The MTUS Chronic Pain Guidelines, pages 58-59, recommend massage therapy');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'pages 58-59'), severity: 'warning' });
  assert.match(f.message, /pages 58-59/);
});

test('"on page 58": the range and the message name the page reference, not the preposition', () => {
  const text = rationale('As noted on page 58 of the MTUS Chronic Pain Guidelines, they recommend massage therapy');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'page 58'), severity: 'warning' });
  assert.match(f.message, /The rationale cites page 58,/);
});

test('plain text: the reference may wrap to the next line', () => {
  let text = replaceOnce(
    CLEAN_TXT,
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Massage therapy.',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 60.',
  );
  text = replaceOnce(text, 'Guidelines recommend massage\ntherapy as an adjunct', 'Guidelines at page\n58 recommend massage therapy as an adjunct');
  const s = spanOf(text, 'page\n58');
  assertOne(text, RULE, { range: rangeAt(text, s.start, s.end), severity: 'warning' });
});

test('negative: the cited page, an overlapping range, another guideline\'s page, or a line without pages', () => {
  assert.deepEqual(allIds(rationale('The MTUS Chronic Pain Guidelines on massage therapy page 60 recommend massage therapy')), []);
  assert.deepEqual(allIds(rationale('The MTUS Chronic Pain Guidelines on pages 59-61 recommend massage therapy')), []);
  assert.deepEqual(findingsOf(rationale('ACOEM Chapter 12, Table 12-8, page 309 does not address it. The MTUS Chronic Pain Medical Treatment Guidelines recommend massage therapy'), RULE), []);
  // The 2016 "Section(s):" citation gives no pages: nothing to compare.
  assert.deepEqual(findingsOf(rationale('The MTUS Chronic Pain Guidelines on massage therapy page 58 recommend massage therapy', CLEAN_MD), RULE), []);
});
