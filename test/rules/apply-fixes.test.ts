import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, applyEdits, lintText, replaceOnce, toCrlf } from './helpers.ts';

// Five findings whose remedies change a date, a priority or a verdict: by the fix policy every one is a
// suggestion. applyFixes (what --fix, Fix All and fix on save run) must leave the letter exactly as it is;
// choosing each finding's first suggestion restores the clean letter, in Markdown, plain text and CRLF.
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
  test(`${name}: five findings that change decisions or facts: fix all changes nothing, the suggestions restore the letter`, () => {
    const text = md ? broken(base.replace(/\r\n/g, '\n'), true) : broken(base.replace(/\r\n/g, '\n'), false);
    const input = base.includes('\r\n') ? toCrlf(text) : text;
    const { findings } = lintText(input);
    assert.deepEqual(findings.map((f) => f.ruleId), EXPECTED);
    assert.deepEqual(findings.map((f) => f.fixes.every((x) => x.kind === 'suggestion' && !x.preferred)), EXPECTED.map(() => true));
    const { text: unattended, applied } = applyFixes(input, findings);
    assert.equal(applied, 0);
    assert.equal(unattended, input);
    const chosen = applyEdits(input, findings.flatMap((f) => f.fixes[0].edits));
    assert.equal(chosen, base);
    assert.deepEqual(lintText(chosen).findings, []);
  });
}
