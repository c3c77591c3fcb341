// Several letters pasted into one file are checked letter by letter: the findings are each letter's own,
// at its place in the file; nothing is compared across letters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../server/src/index.ts';
import { letterStarts } from '../../server/src/parse/letters.ts';
import { realLetters, sharedMissing } from '../helpers/shared.ts';
import { CLEAN_MD, CLEAN_TXT, rangeAt, replaceOnce, toCrlf } from '../rules/helpers.ts';

const key = (f: { ruleId: string; span: { start: number; end: number }; message: string }, offset = 0) => `${f.ruleId} ${f.span.start + offset}-${f.span.end + offset} ${f.message}`;

test('two clean letters in one file: no finding (no section "twice", no second header)', () => {
  for (const [text, languageId] of [[`${CLEAN_MD}\n${CLEAN_MD}`, 'markdown'], [`${CLEAN_TXT}\n\n${CLEAN_TXT}`, 'plaintext'], [toCrlf(`${CLEAN_MD}\n${CLEAN_MD}`), 'markdown']] as const) {
    assert.equal(letterStarts(text).length, 2);
    assert.deepEqual(lint(text, { languageId }).findings, []);
  }
});

test('a finding of the second letter is at its place in the file, with the file line numbers', () => {
  const second = replaceOnce(CLEAN_MD, 'injury on 10/13/2015.', 'injury on 10/31/2015.');
  const text = `${CLEAN_MD}\n${second}`;
  const offset = CLEAN_MD.length + 1;
  const [f] = lint(text).findings;
  assert.equal(f.ruleId, 'injury-date-mismatch');
  const at = text.indexOf('10/31/2015');
  assert.deepEqual(f.span, { start: at, end: at + 10 });
  assert.deepEqual(f.range, rangeAt(text, at, at + 10));
  assert.equal(f.related[0].span.start, offset + CLEAN_MD.indexOf('10/13/2015'), 'related to its own header, not the first letter header');
  assert.deepEqual(f.fixes[0].edits[0].range, rangeAt(text, at, at + 10));
});

test('different ages in two letters are two patients, not a mismatch', () => {
  const other = replaceOnce(CLEAN_MD, '50 year old', '62 year old');
  assert.deepEqual(lint(`${CLEAN_MD}\n${other}`).findings, []);
});

test('thirty real letters in one file: exactly the findings of each letter on its own', { skip: sharedMissing }, () => {
  const letters = realLetters().slice(0, 30);
  let text = '';
  const expected: string[] = [];
  for (const l of letters) {
    const offset = text.length;
    for (const f of lint(l.text, { languageId: 'plaintext' }).findings) expected.push(key(f, offset));
    text += `${l.text}\n`;
  }
  assert.equal(letterStarts(text).length, 30);
  assert.deepEqual(lint(text, { languageId: 'plaintext' }).findings.map((f) => key(f)).sort(), expected.sort());
});
