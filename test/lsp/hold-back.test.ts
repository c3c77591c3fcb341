// The drafting hold-back, pure: which region waits after an edit, and which findings wait in it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../server/src/index.ts';
import { TYPING_MAX_CHARS, changedRegion, findingKey, heldRegion, visibleFindings } from '../../server/src/lsp/holdBack.ts';
import { CLEAN_MD, replaceOnce, spanOf } from '../rules/helpers.ts';

const HEADER = '<b>Date of Injury:</b>\t10/13/2015';
const typed = (value: string) => replaceOnce(CLEAN_MD, HEADER, `<b>Date of Injury:</b>\t${value}`);

test('changedRegion: the one differing region, in the new text, with what was inserted', () => {
  assert.deepEqual(changedRegion('abcdef', 'abXYdef'), { start: 2, end: 4, inserted: 2 });
  assert.deepEqual(changedRegion('abcdef', 'abef'), { start: 2, end: 2, inserted: 0 });
  assert.deepEqual(changedRegion('aaa', 'aaaa'), { start: 3, end: 4, inserted: 1 });
  assert.deepEqual(changedRegion('same', 'same'), { start: 4, end: 4, inserted: 0 });
});

test('heldRegion: the whole line typed on; the whole item when the line is in one; nothing for a paste', () => {
  const text = typed('10/1');
  const at = spanOf(text, 'Injury:</b>\t10/1').end;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  assert.deepEqual(heldRegion(text, { start: at - 1, end: at, inserted: 1 }, []), { start: lineStart, end: lineEnd });
  const item = { span: { start: lineStart - 5, end: lineEnd + 40 } };
  assert.deepEqual(heldRegion(text, { start: at - 1, end: at, inserted: 1 }, [item]), item.span);
  assert.equal(heldRegion(text, { start: 0, end: TYPING_MAX_CHARS + 1, inserted: TYPING_MAX_CHARS + 1 }, []), undefined);
});

test('every prefix of a date typed into the header: nothing new is shown, on its line or about it', () => {
  const date = '10/13/2015';
  let shown = new Set<string>();
  let waitedOn = 0;
  for (let i = 1; i <= date.length; i++) {
    const before = typed(date.slice(0, i - 1));
    const text = typed(date.slice(0, i));
    const { findings, model } = lint(text);
    const { visible, held } = visibleFindings(findings, heldRegion(text, changedRegion(before, text), model.items), shown);
    assert.equal(visible.length, 0, `"${date.slice(0, i)}": ${visible.map((v) => findings[v].ruleId).join()}`);
    waitedOn = Math.max(waitedOn, held);
    shown = new Set(visible.map((v) => findingKey(findings[v])));
  }
  assert.ok(waitedOn >= 7, 'the mismatches of "10/13/20" (2020) wait too, on the narrative lines that relate to it');
});

test('a finding shown before the edit stays shown while its line is edited; nothing waits outside the region', () => {
  const text = replaceOnce(CLEAN_MD, 'injury on 10/13/2015.', 'injury on 10/31/2015.');
  const { findings } = lint(text);
  const mismatch = findings.findIndex((f) => f.ruleId === 'injury-date-mismatch');
  const region = { start: findings[mismatch].span.start, end: findings[mismatch].span.end };
  assert.deepEqual(visibleFindings(findings, region, new Set([findingKey(findings[mismatch])])), { visible: findings.map((_, i) => i), held: 0 });
  assert.deepEqual(visibleFindings(findings, region, new Set()).held, 1);
  assert.deepEqual(visibleFindings(findings, undefined, new Set()).visible, findings.map((_, i) => i));
});
