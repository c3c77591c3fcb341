import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeOf, replaceOnce, toCrlf } from './helpers.ts';

const RULE = 'duplicate-item';
const MASSAGE_TITLE = 'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK';
const MASSAGE_ITEM = CLEAN_MD.slice(CLEAN_MD.indexOf(`**${MASSAGE_TITLE}`)).trimEnd();

/** The clean letter with one more item: the massage item under another title (and verdict). */
function withItem(title: string, verdict = 'Upheld', base = CLEAN_MD): string {
  const item = MASSAGE_ITEM.replace(`**${MASSAGE_TITLE}:** Upheld`, `**${title}:** ${verdict}`);
  return `${base.trimEnd()}\n\n${item}\n`;
}

test('the same title twice: warning on the second title, the first related', () => {
  const text = withItem(MASSAGE_TITLE);
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 1);
  const second = text.indexOf(MASSAGE_TITLE, text.indexOf(MASSAGE_TITLE) + 1);
  assert.deepEqual([fs[0].span.start, fs[0].span.end], [second, second + MASSAGE_TITLE.length]);
  assert.equal(fs[0].severity, 'warning');
  assert.equal(fs[0].message, `"${MASSAGE_TITLE}" repeats the disputed item "${MASSAGE_TITLE}" (the same title). Decide each item once: remove the repetition, or make the titles say what differs.`);
  assert.deepEqual(fs[0].related.map((r) => [r.message, r.span.start]), [['First occurrence of the item', text.indexOf(MASSAGE_TITLE)]]);
  assert.deepEqual(fs[0].fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('titles that differ only in case, spacing and punctuation are the same title; differing verdicts are named', () => {
  const title = 'Massage therapy, times 6 sessions  for the neck';
  const text = withItem(title, 'Overturned');
  const f = assertOne(text, RULE, { range: rangeOf(text, title), severity: 'warning' });
  assert.match(f.message, /\(the same title\)\. The two verdicts differ \(Upheld, then Overturned\)\./);
  assert.deepEqual(f.related.map((r) => r.range), [rangeOf(text, MASSAGE_TITLE)]);
});

test('the same treatment, count and body region in other words', () => {
  for (const title of ['MASSAGE THERAPY 6 SESSIONS TO THE NECK', 'MASSAGE THERAPY (6 SESSIONS), NECK', 'Massage therapy 2 times a week for 3 weeks for the neck']) {
    const text = withItem(title);
    const f = assertOne(text, RULE, { range: rangeOf(text, title), severity: 'warning' });
    assert.match(f.message, /\((?:the same request: massage therapy, 6 (?:sessions|visits), neck|the same words in another order)\)/, title);
  }
});

test('three times: each repetition is reported against the first', () => {
  const text = withItem('MASSAGE THERAPY 6 SESSIONS TO THE NECK', 'Upheld', withItem(MASSAGE_TITLE));
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 2);
  for (const f of fs) assert.deepEqual(f.related.map((r) => r.span.start), [text.indexOf(MASSAGE_TITLE)]);
});

test('plain text with CRLF', () => {
  const title = 'Massage therapy times 6 sessions for the neck';
  const item = CLEAN_TXT.slice(CLEAN_TXT.indexOf(`${title}: Upheld`)).trimEnd();
  const text = toCrlf(`${CLEAN_TXT.trimEnd()}\n\n${item}\n`);
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 1);
  const second = text.indexOf(title, text.indexOf(title) + 1);
  assert.deepEqual([fs[0].span.start, fs[0].span.end], [second, second + title.length]);
});

test('negative: another body region, side, count, strength, level or treatment is another item', () => {
  for (const title of [
    'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE LUMBAR SPINE',
    'MASSAGE THERAPY TIMES 4 SESSIONS FOR THE NECK',
    'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE LEFT SHOULDER',
    'MYOFASCIAL RELEASE TIMES 6 SESSIONS FOR THE NECK',
    'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK, DATE OF SERVICE 10/28/2016',
  ]) {
    assert.deepEqual(findingsOf(withItem(title), RULE), [], title);
  }
  const left = withItem('MASSAGE THERAPY TIMES 6 SESSIONS FOR THE LEFT SHOULDER', 'Upheld', replaceOnce(CLEAN_MD, MASSAGE_TITLE, 'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE RIGHT SHOULDER'));
  assert.deepEqual(findingsOf(left, RULE), []);
  const norco = withItem('NORCO 10/325MG #60', 'Upheld', replaceOnce(CLEAN_MD, MASSAGE_TITLE, 'NORCO 5/325MG #60'));
  assert.deepEqual(findingsOf(norco, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});
