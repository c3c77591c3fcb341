import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CLEAN_MD, CLEAN_TXT, allIds, assertEditRanges, assertFixResolves, assertOne, findingsOf, positionAt,
  firstFix, rangeAt, rangeOf, replaceOnce, spanOf, toCrlf,
} from './helpers.ts';

const RULE = 'missing-section';
const SUMMARY_MD = '### CLINICAL CASE SUMMARY\n\n';
const DECISIONS = 'IMR ISSUES, DECISIONS AND RATIONALES';

test('Markdown: a missing CLINICAL CASE SUMMARY heading is reported on the next heading; the fix inserts it before that line', () => {
  const text = replaceOnce(CLEAN_MD, SUMMARY_MD, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, DECISIONS), severity: 'error' });
  assert.match(f.message, /"CLINICAL CASE SUMMARY" is missing/);
  assert.deepEqual(f.related, []);
  assert.equal(f.fixes.length, 1);
  const at = spanOf(text, `### ${DECISIONS}`).start;
  assert.deepEqual(firstFix(f).edits.map((e) => ({ span: e.span, newText: e.newText })), [
    { span: { start: at, end: at }, newText: '### CLINICAL CASE SUMMARY\n\n' },
  ]);
  assertEditRanges(text, f);
  const fixed = assertFixResolves(text, f);
  assert.ok(fixed.includes(`massage therapy.\n\n### CLINICAL CASE SUMMARY\n\n### ${DECISIONS}`));
  assert.deepEqual(allIds(fixed), []);
});

test('Markdown: a missing first heading is reported on CLINICAL CASE SUMMARY, the next section present', () => {
  const text = replaceOnce(CLEAN_MD, '### HOW THE IMR FINAL DETERMINATION WAS MADE\n\n', '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'CLINICAL CASE SUMMARY'), severity: 'error' });
  assert.match(f.message, /"HOW THE IMR FINAL DETERMINATION WAS MADE" is missing/);
  const at = spanOf(text, '### CLINICAL CASE SUMMARY').start;
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[{ start: at, end: at }, '### HOW THE IMR FINAL DETERMINATION WAS MADE\n\n']]);
  assertFixResolves(text, f);
});

test('two missing headings give two findings, in section order, both on the decisions heading', () => {
  let text = replaceOnce(CLEAN_MD, '### HOW THE IMR FINAL DETERMINATION WAS MADE\n\n', '');
  text = replaceOnce(text, SUMMARY_MD, '');
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 2);
  assert.match(fs[0].message, /HOW THE IMR FINAL DETERMINATION WAS MADE/);
  assert.match(fs[1].message, /CLINICAL CASE SUMMARY/);
  for (const f of fs) assert.deepEqual(f.range, rangeOf(text, DECISIONS));
});

test('a letter cut off before the decisions section: reported on the last line; the fix appends the heading', () => {
  const text = CLEAN_MD.slice(0, CLEAN_MD.indexOf(`### ${DECISIONS}`));
  assert.ok(text.endsWith('massage therapy.\n\n'));
  const lastLine = spanOf(text, 'The injured worker is a 50 year old female');
  const f = assertOne(text, RULE, { range: rangeAt(text, lastLine.start, text.length - 2), severity: 'error' });
  assert.match(f.message, /"IMR ISSUES, DECISIONS AND RATIONALES" is missing/);
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[{ start: text.length, end: text.length }, `### ${DECISIONS}\n`]]);
  assertEditRanges(text, f);
  assertFixResolves(text, f);
});

test('a letter cut off without a final line break: the appended heading starts a new paragraph', () => {
  const text = CLEAN_MD.slice(0, CLEAN_MD.indexOf(`### ${DECISIONS}`)).trimEnd();
  const lastLine = spanOf(text, 'The injured worker is a 50 year old female');
  const f = assertOne(text, RULE, { range: rangeAt(text, lastLine.start, text.length), severity: 'error' });
  assert.deepEqual(firstFix(f).edits.map((e) => e.newText), [`\n\n### ${DECISIONS}\n`]);
  assertFixResolves(text, f);
});

test('decisions heading missing while its items are present: reported on the first item, fixed before it, items still checked', () => {
  let text = replaceOnce(CLEAN_MD, `### ${DECISIONS}\n\n`, '');
  text = replaceOnce(text, 'SPINE:** Overturned', 'SPINE:** Upheld'); // a real verdict-conflict that must stay visible
  assert.equal(findingsOf(text, 'verdict-conflict').length, 1);
  const f = assertOne(text, RULE, { range: rangeOf(text, 'PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE'), severity: 'error' });
  const fixed = assertFixResolves(text, f);
  const heading = fixed.indexOf(`### ${DECISIONS}`);
  assert.ok(heading > fixed.indexOf('non-certified requests') && heading < fixed.indexOf('**PHYSICAL THERAPY'), 'heading between the summary and the first item');
});

test('plain text: the heading is inserted without "### " at the start of the next heading\'s (indented) line', () => {
  const line = '                                CLINICAL CASE SUMMARY\n';
  const text = replaceOnce(CLEAN_TXT, line, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, DECISIONS), severity: 'error', options: { languageId: 'plaintext' } });
  const at = spanOf(text, `                      ${DECISIONS}`).start;
  assert.equal(positionAt(text, at).character, 0);
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[{ start: at, end: at }, 'CLINICAL CASE SUMMARY\n\n']]);
  assertFixResolves(text, f);
});

test('CRLF: the range counts \\r\\n as one line break and the inserted heading uses \\r\\n', () => {
  const text = replaceOnce(toCrlf(CLEAN_MD), '### CLINICAL CASE SUMMARY\r\n\r\n', '');
  const f = assertOne(text, RULE, { range: rangeOf(text, DECISIONS), severity: 'error' });
  assert.equal(f.range.start.character, 4);
  const at = spanOf(text, `### ${DECISIONS}`).start;
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[{ start: at, end: at }, '### CLINICAL CASE SUMMARY\r\n\r\n']]);
  assertEditRanges(text, f);
  const fixed = assertFixResolves(text, f);
  assert.ok(!/(?<!\r)\n/.test(fixed), 'no bare \\n after the fix');
  assert.ok(fixed.includes(`massage therapy.\r\n\r\n### CLINICAL CASE SUMMARY\r\n\r\n### ${DECISIONS}\r\n`));
});

test('negative: headings in other case, with a trailing colon, or without "IMR" are recognised', () => {
  let text = replaceOnce(CLEAN_MD, '### CLINICAL CASE SUMMARY', '### Clinical Case Summary:');
  text = replaceOnce(text, '### HOW THE IMR FINAL DETERMINATION WAS MADE', '### HOW THE FINAL DETERMINATION WAS MADE');
  text = replaceOnce(text, `### ${DECISIONS}`, '### IMR Issues, Decisions and Rationales');
  assert.deepEqual(allIds(text), []);
});

test('negative: the heading words inside a sentence do not make the section (it is still reported)', () => {
  const text = replaceOnce(CLEAN_MD, SUMMARY_MD, 'The clinical case summary follows.\n\n');
  assert.equal(findingsOf(text, RULE).length, 1);
});
