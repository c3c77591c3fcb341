import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '../../server/src/index.ts';
import {
  CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, lintText, positionAt, rangeAt,
  rangeOf, replaceOnce, spanOf, toCrlf,
} from './helpers.ts';

const RULE = 'injury-date-mismatch';
const NARRATIVE = 'sustained an industrial injury on 10/13/2015.';
const HEADER_DOI = '10/13/2015'; // first occurrence: the header value
const narrative = (replacement: string, base = CLEAN_MD) => replaceOnce(base, NARRATIVE, replacement);
const headerSpan = (text: string) => spanOf(text, HEADER_DOI, 'Date of Injury:');

test('"industrial injury on <date>" differing from the header: error on the date, header related, two fixes', () => {
  const text = narrative('sustained an industrial injury on 10/13/2014.');
  const f = assertOne(text, RULE, { range: rangeOf(text, '10/13/2014'), severity: 'error' });
  assert.match(f.message, /\(10\/13\/2014\) differs from the header's Date of Injury \(10\/13\/2015\)/);
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Header Date of Injury', rangeAt(text, headerSpan(text).start, headerSpan(text).end)]]);
  assert.deepEqual(f.fixes.map((x) => [x.kind, !!x.preferred, x.edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText])]), [
    ['suggestion', false, [['10/13/2014', '10/13/2015']]],
    ['suggestion', false, [['10/13/2015', '10/13/2014']]],
  ]);
  assert.equal(f.fixes[1].edits[0].span.start, headerSpan(text).start, 'the alternative edits the header value');
  assertEditRanges(text, f);
  assert.equal(assertFixResolves(text, f), CLEAN_MD);
  assert.equal(applyFixes(text, lintText(text).findings).text, text, 'fix all never picks one of two dates');
});

test('the seed\'s form: "industrial injury date of December 22, 2015" is rewritten in its own (month-name) format', () => {
  const text = narrative('sustained an industrial injury date of December 22, 2015.');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'December 22, 2015'), severity: 'error' });
  assert.deepEqual(f.fixes[0].edits.map((e) => e.newText), ['October 13, 2015']);
  assert.deepEqual(f.fixes[1].edits.map((e) => e.newText), ['12/22/2015']);
  assert.equal(assertFixResolves(text, f), narrative('sustained an industrial injury date of October 13, 2015.'));
});

test('a two-digit-year dash date ("on 10-13-14") keeps its format in the fix', () => {
  const text = narrative('sustained an industrial injury on 10-13-14.');
  const f = assertOne(text, RULE, { range: rangeOf(text, '10-13-14'), severity: 'error' });
  assert.deepEqual(f.fixes[0].edits.map((e) => e.newText), ['10-13-15']);
  assertFixResolves(text, f);
});

test('an apostrophe year ("October 31, \'15") keeps its apostrophe in the fix', () => {
  const text = narrative("sustained an industrial injury on October 31, '15.");
  const f = assertOne(text, RULE, { range: rangeOf(text, "October 31, '15"), severity: 'error' });
  assert.deepEqual(f.fixes[0].edits.map((e) => e.newText), ["October 13, '15"]);
  assert.equal(assertFixResolves(text, f), narrative("sustained an industrial injury on October 13, '15."));
});

test('"DOI:", "date of injury of", "injured at work on", "industrial injury dated" introduce the injury date too', () => {
  for (const s of [
    'sustained an injury (DOI: 10/31/2015).',
    'reported a date of injury of 10/31/2015.',
    'was injured at work on 10/31/2015 when she fell.',
    'filed a claim for an industrial injury dated 10/31/2015.',
  ]) {
    const text = narrative(s);
    assertOne(text, RULE, { range: rangeOf(text, '10/31/2015'), severity: 'error' });
  }
});

test('a month-year injury date in another month is reported; the only fix rewrites it (no header fix without a day)', () => {
  const text = narrative('sustained an industrial injury of November 2015.');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'November 2015'), severity: 'error' });
  assert.deepEqual(f.fixes.map((x) => x.edits.map((e) => e.newText)), [['October 2015']]);
  assertFixResolves(text, f);
});

test('only the mention that disagrees is reported when the narrative names the injury date twice', () => {
  const text = narrative('sustained an industrial injury on 10/13/2015. Her date of injury was 10/31/2015 according to the doctor\'s first report.');
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].range, rangeOf(text, '10/31/2015'));
});

test('UTF-16 columns: an emoji (surrogate pair) before the date on the same line shifts the column by 2', () => {
  const text = narrative('sustained \u{1F915} an industrial injury on 10/13/2014.');
  const start = text.indexOf('10/13/2014');
  const f = assertOne(text, RULE, { range: rangeAt(text, start, start + 10), severity: 'error' });
  const plain = narrative('sustained an industrial injury on 10/13/2014.');
  assert.equal(f.range.start.character, positionAt(plain, plain.indexOf('10/13/2014')).character + 3, 'emoji (2 code units) + space');
  assert.deepEqual(f.fixes[0].edits[0].range, f.range);
  assert.equal(assertFixResolves(text, f), narrative('sustained \u{1F915} an industrial injury on 10/13/2015.'));
});

test('UTF-16: non-BMP characters on earlier lines do not shift the line or column', () => {
  const base = replaceOnce(CLEAN_MD, 'State(s) of Licensure: California', 'State(s) of Licensure: California \u{1F600}\u{1D4D2}');
  const text = narrative('sustained an industrial injury on 10/13/2014.', base);
  const f = assertOne(text, RULE, { range: rangeOf(text, '10/13/2014'), severity: 'error' });
  assert.deepEqual(f.range, rangeOf(narrative('sustained an industrial injury on 10/13/2014.'), '10/13/2014'));
});

test('CRLF: the range and the fix are right, and fixing gives back the CRLF clean letter', () => {
  const text = narrative('sustained an industrial injury on 10/13/2014.', toCrlf(CLEAN_MD));
  const f = assertOne(text, RULE, { range: rangeOf(text, '10/13/2014'), severity: 'error' });
  assert.deepEqual(f.range.start.line, CLEAN_MD.slice(0, CLEAN_MD.indexOf(NARRATIVE)).split('\n').length - 1);
  assert.equal(assertFixResolves(text, f), toCrlf(CLEAN_MD));
});

test('plain text: a month-name injury date wrapped over two lines has a two-line range', () => {
  const text = replaceOnce(CLEAN_TXT, 'sustained an industrial injury on 10/13/2015.\n', 'sustained an industrial injury of October\n31, 2015.\n');
  const s = spanOf(text, 'October\n31, 2015');
  const f = assertOne(text, RULE, { range: rangeAt(text, s.start, s.end), severity: 'error' });
  assert.equal(f.range.end.line, f.range.start.line + 1);
  assert.equal(f.range.end.character, '31, 2015'.length);
  assert.deepEqual(f.fixes[0].edits.map((e) => e.newText), ['October\n13, 2015'], 'the wrap of the letter is kept');
  assertFixResolves(text, f);
});

test('negative: "November 2009"-style month-year consistent with the header at month precision', () => {
  assert.deepEqual(allIds(narrative('sustained an industrial injury of October 2015.')), []);
  assert.deepEqual(allIds(narrative('sustained an industrial injury in October 2015.')), []);
});

test('negative: exam, report and imaging dates introduced by "on" or "dated" are not injury dates', () => {
  const text = narrative('sustained an industrial injury on 10/13/2015. She was examined on 11/01/2016, the injured worker was seen on 11/02/2016 and a report dated 11/04/2015 was reviewed.');
  assert.deepEqual(findingsOf(text, RULE), []);
  assert.deepEqual(allIds(text), []);
});

test('negative: the date of a prior, different injury is not this claim\'s date of injury', () => {
  for (const s of [
    'She had a prior industrial injury on 05/05/2010 to the right knee, which resolved.',
    'A previous work-related injury of 05/05/2010 was settled.',
  ]) {
    assert.deepEqual(findingsOf(narrative(`${NARRATIVE} ${s}`), RULE), [], s);
  }
});

test('negative: no header Date of Injury, nothing to compare with', () => {
  const text = narrative('sustained an industrial injury on 10/13/2014.', replaceOnce(CLEAN_MD, '\t<b>Date of Injury:</b>\t10/13/2015', ''));
  assert.deepEqual(findingsOf(text, RULE), []);
});
