import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, findingsOf, lintText, rangeOf, replaceOnce, toCrlf } from './helpers.ts';

// Inline directives (server/src/directives.ts): markdownlint-style HTML comments. A finding is judged by
// the line it starts on. The fixture gets two injury-date mismatches on separate lines so that one can be
// disabled and the other must remain.
const RULE = 'injury-date-mismatch';
const NARRATIVE = 'The injured worker is a 50 year old female who sustained an industrial injury on 10/13/2015.';
const BAD = CLEAN_MD
  .replace(NARRATIVE, 'The injured worker is a 50 year old female who sustained an industrial injury on 10/13/2014.')
  .replace('**Decision rationale:** The MTUS Chronic Pain Medical Treatment Guidelines recommend massage', '**Decision rationale:** Since the date of injury of 10/31/2015, the injured worker has had neck pain. The MTUS Chronic Pain Medical Treatment Guidelines recommend massage');
const NARRATIVE_LINE = 'The injured worker is a 50 year old female who sustained an industrial injury on 10/13/2014.';
const before = (line: string, directive: string, base = BAD) => replaceOnce(base, line, `${directive}\n${line}`);
const dates = (text: string) => findingsOf(text, RULE).map((f) => text.slice(f.span.start, f.span.end));

test('the base case has both mismatches', () => {
  assert.notEqual(BAD, CLEAN_MD);
  assert.deepEqual(dates(BAD), ['10/13/2014', '10/31/2015']);
});

test('disable-next-line RULE suppresses that rule on the next line only', () => {
  const text = before(NARRATIVE_LINE, `<!-- imr-lint-disable-next-line ${RULE} -->`);
  assert.deepEqual(dates(text), ['10/31/2015']);
  assert.deepEqual(findingsOf(text, RULE)[0].range, rangeOf(text, '10/31/2015'));
});

test('disable-next-line for another rule suppresses nothing here', () => {
  const text = before(NARRATIVE_LINE, '<!-- imr-lint-disable-next-line ur-date-mismatch -->');
  assert.deepEqual(dates(text), ['10/13/2014', '10/31/2015']);
});

test('disable-next-line two lines above the finding does not reach it', () => {
  const text = before(NARRATIVE_LINE, `<!-- imr-lint-disable-next-line ${RULE} -->\n`);
  assert.deepEqual(dates(text), ['10/13/2014', '10/31/2015']);
});

test('disable RULE ... enable RULE: only findings in the region are suppressed', () => {
  let text = before(NARRATIVE_LINE, `<!-- imr-lint-disable ${RULE} -->`);
  text = replaceOnce(text, '### IMR ISSUES', `<!-- imr-lint-enable ${RULE} -->\n\n### IMR ISSUES`);
  assert.deepEqual(dates(text), ['10/31/2015']);
});

test('disable without enable runs to the end of the letter', () => {
  const text = before(NARRATIVE_LINE, `<!-- imr-lint-disable ${RULE} -->`);
  assert.deepEqual(dates(text), []);
});

test('disable with no rule ids disables every rule', () => {
  let text = before(NARRATIVE_LINE, '<!-- imr-lint-disable -->');
  text = replaceOnce(text, 'NECK:** Upheld', 'NECK:** Overturned'); // verdict-conflict after the directive
  assert.deepEqual(lintText(text).findings, []);
});

test('a directive with several rule ids, comma or space separated', () => {
  let text = replaceOnce(BAD, 'In a utilization review dated 11/03/2016', 'In a utilization review dated 11/08/2016');
  assert.equal(findingsOf(text, 'ur-date-mismatch').length, 1);
  text = before(NARRATIVE_LINE, `<!-- imr-lint-disable ${RULE}, ur-date-mismatch -->`, text);
  assert.deepEqual(lintText(text).findings, []);
});

test('disable-line on the finding\'s own line', () => {
  const text = replaceOnce(BAD, NARRATIVE_LINE, `${NARRATIVE_LINE} <!-- imr-lint-disable-line ${RULE} -->`);
  assert.deepEqual(dates(text), ['10/31/2015']);
});

test('a disable directive after the finding on the same line does not suppress it', () => {
  const text = replaceOnce(BAD, NARRATIVE_LINE, `${NARRATIVE_LINE} <!-- imr-lint-disable ${RULE} -->`);
  assert.deepEqual(dates(text), ['10/13/2014']);
});

test('CRLF: disable-next-line counts \\r\\n lines like the ranges do', () => {
  const text = toCrlf(before(NARRATIVE_LINE, `<!-- imr-lint-disable-next-line ${RULE} -->`));
  assert.deepEqual(dates(text), ['10/31/2015']);
  assert.deepEqual(findingsOf(text, RULE)[0].range, rangeOf(text, '10/31/2015'));
});

test('plain text: the comments work in plain-text letters too', () => {
  const line = 'The injured worker is a 50 year old female who sustained an industrial injury on 10/13/2014.';
  const bad = replaceOnce(CLEAN_TXT, 'sustained an industrial injury on 10/13/2015.', 'sustained an industrial injury on 10/13/2014.');
  assert.equal(findingsOf(bad, RULE).length, 1);
  const text = replaceOnce(bad, line, `<!-- imr-lint-disable-next-line ${RULE} -->\n${line}`);
  assert.deepEqual(findingsOf(text, RULE), []);
});

test('the directive comments themselves produce no findings and do not break the parse', () => {
  let text = before('### CLINICAL CASE SUMMARY', '<!-- imr-lint-disable-next-line missing-section -->', CLEAN_MD);
  text = replaceOnce(text, '### IMR ISSUES', '<!-- imr-lint-enable -->\n\n### IMR ISSUES');
  assert.deepEqual(lintText(text).findings, []);
  assert.equal(lintText(text).model.items.length, 2);
});
