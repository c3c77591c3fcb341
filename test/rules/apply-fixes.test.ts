import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, lintText, replaceOnce, toCrlf } from './helpers.ts';

// Several fixable findings at once: the engine's applyFixes (what --fix and "Fix all" do) must restore the
// clean letter in one pass, in Markdown, plain text and with CRLF line endings.
function broken(base: string, md: boolean): string {
  let t = replaceOnce(base, 'injury on 10/13/2015.', 'injury on 10/31/2015.');
  t = replaceOnce(t, 'dated 11/03/2016, the', 'dated 11/08/2016, the');
  t = md ? replaceOnce(t, '<b>Priority:</b>\tStandard', '<b>Priority:</b>\tStandrad') : replaceOnce(t, 'Priority:             Standard', 'Priority:             Standrad');
  t = md ? replaceOnce(t, 'SPINE:** Overturned', 'SPINE:** Upheld') : replaceOnce(t, 'spine: Overturned', 'spine: Upheld');
  t = md ? replaceOnce(t, 'NECK:** Upheld', 'NECK:**') : replaceOnce(t, 'neck: Upheld', 'neck:');
  return t;
}
const EXPECTED = ['invalid-priority', 'injury-date-mismatch', 'ur-date-mismatch', 'verdict-conflict', 'missing-verdict'];

for (const [name, base, md] of [
  ['Markdown', CLEAN_MD, true],
  ['plain text', CLEAN_TXT, false],
  ['Markdown, CRLF', toCrlf(CLEAN_MD), true],
  ['plain text, CRLF', toCrlf(CLEAN_TXT), false],
] as const) {
  test(`${name}: five fixable findings, fixed in one pass, give back the clean letter`, () => {
    const text = md ? broken(base.replace(/\r\n/g, '\n'), true) : broken(base.replace(/\r\n/g, '\n'), false);
    const input = base.includes('\r\n') ? toCrlf(text) : text;
    const { findings } = lintText(input);
    assert.deepEqual(findings.map((f) => f.ruleId), EXPECTED);
    const { text: fixed, applied } = applyFixes(input, findings);
    assert.equal(applied, 5);
    assert.equal(fixed, base);
    assert.deepEqual(lintText(fixed).findings, []);
  });
}
