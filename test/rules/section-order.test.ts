import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, rangeAt, rangeOf, replaceOnce } from './helpers.ts';

const RULE = 'section-order';
const HOW = 'HOW THE IMR FINAL DETERMINATION WAS MADE';
const SUMMARY = 'CLINICAL CASE SUMMARY';
const DECISIONS = 'IMR ISSUES, DECISIONS AND RATIONALES';

/** Moves the block [from, to) of `text` to just before `before` (which precedes it). */
function moveBlock(text: string, from: string, to: string, before: string): string {
  const s = text.indexOf(from);
  const e = text.indexOf(to, s);
  const at = text.indexOf(before);
  assert.ok(at >= 0 && at < s && s < e);
  return text.slice(0, at) + text.slice(s, e) + text.slice(at, s) + text.slice(e);
}

test('summary before the first section: reported on the first section\'s heading, related to the summary heading', () => {
  const text = moveBlock(CLEAN_MD, `### ${SUMMARY}`, `### ${DECISIONS}`, `### ${HOW}`);
  assert.ok(text.indexOf(SUMMARY) < text.indexOf(HOW));
  const f = assertOne(text, RULE, { range: rangeOf(text, HOW), severity: 'warning' });
  assert.match(f.message, new RegExp(`"${HOW}" should come before "${SUMMARY}"`));
  assert.deepEqual(f.related.map((r) => r.range), [rangeOf(text, SUMMARY)]);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('decisions before the summary: only the summary heading is reported', () => {
  const s = CLEAN_MD.indexOf(`### ${SUMMARY}`);
  const d = CLEAN_MD.indexOf(`### ${DECISIONS}`);
  const text = CLEAN_MD.slice(0, s) + CLEAN_MD.slice(d) + '\n' + CLEAN_MD.slice(s, d).trimEnd() + '\n';
  const f = assertOne(text, RULE, { range: rangeOf(text, SUMMARY), severity: 'warning' });
  assert.match(f.message, new RegExp(`"${SUMMARY}" should come before "${DECISIONS}"`));
  assert.deepEqual(f.related.map((r) => r.range), [rangeOf(text, DECISIONS)]);
});

test('a repeated section: reported on the second heading, related to the first', () => {
  const text = CLEAN_MD + `\n### ${SUMMARY}\n\nAddendum: the injured worker also reported headaches.\n`;
  const first = text.indexOf(SUMMARY);
  const second = text.lastIndexOf(SUMMARY);
  assert.ok(first < second);
  const f = assertOne(text, RULE, { range: rangeAt(text, second, second + SUMMARY.length), severity: 'warning' });
  assert.match(f.message, /"CLINICAL CASE SUMMARY" appears twice/);
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['First occurrence', rangeAt(text, first, first + SUMMARY.length)]]);
});

test('plain text: swapped sections are reported on the indented heading text', () => {
  const how = `                 ${HOW}\n`;
  const s = CLEAN_TXT.indexOf(how);
  const sum = CLEAN_TXT.indexOf(`                                ${SUMMARY}\n`);
  const dec = CLEAN_TXT.indexOf(`                      ${DECISIONS}\n`);
  const text = CLEAN_TXT.slice(0, s) + CLEAN_TXT.slice(sum, dec) + CLEAN_TXT.slice(s, sum) + CLEAN_TXT.slice(dec);
  const f = assertOne(text, RULE, { range: rangeOf(text, HOW), severity: 'warning' });
  assert.deepEqual(f.related.map((r) => r.range), [rangeOf(text, SUMMARY)]);
});

test('negative: an unknown heading between the standard sections is not out of order', () => {
  const text = replaceOnce(CLEAN_MD, `### ${SUMMARY}`, `### DOCUMENTS REVIEWED\n\nMedical records from 2015 to 2016.\n\n### ${SUMMARY}`);
  assert.deepEqual(allIds(text), []);
});
