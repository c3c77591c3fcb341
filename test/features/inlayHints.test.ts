// Inlay hints (issue 11): what a schedule adds up to, right after it, and only where the letter does not
// already write the figure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultGuidelineTable } from '../../server/src/index.ts';
import { inlayHints } from '../../server/src/features/inlayHints.ts';
import { MD, endOf, lintAs, replaceOnce } from './helpers.ts';

const table = defaultGuidelineTable();
const hints = (text: string) => inlayHints(lintAs(text), table).map((h) => ({ at: h.at, label: h.label }));
const withTitle = (title: string) => replaceOnce(MD, 'PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE', title);

test('a visit schedule gets its total after it', () => {
  const t = withTitle('Physical therapy 2 times a week for 4 weeks for the lumbar spine');
  assert.deepEqual(hints(t), [{ at: endOf(t, '2 times a week for 4 weeks'), label: '= 8 visits' }]);
  const range = withTitle('Physical therapy 1 to 2 times per week for 6 weeks');
  assert.deepEqual(hints(range), [{ at: endOf(range, '1 to 2 times per week for 6 weeks'), label: '= 12 visits' }]);
});

test('a count the title writes gets no hint', () => {
  assert.deepEqual(hints(MD), []);
  assert.deepEqual(hints(withTitle('Physical therapy 2 times a week for 4 weeks (8 sessions)')), []);
});

test('a medication: the tablets its dosing adds up to, or the days its quantity lasts', () => {
  const days = withTitle('Norco 10/325mg 1 tablet every 6 hours for 30 days');
  assert.deepEqual(hints(days), [{ at: endOf(days, 'for 30 days'), label: '= 120 tablets' }]);
  const quantity = withTitle('Norco 10/325mg 1 tablet every 6 hours #120');
  assert.deepEqual(hints(quantity), [{ at: endOf(quantity, '#120'), label: '= 30 days' }]);
  // All four stated: nothing to add.
  assert.deepEqual(hints(withTitle('Norco 10/325mg 1 tablet every 6 hours for 30 days #120')), []);
});

test('only the hints inside the requested range', () => {
  const t = withTitle('Physical therapy 2 times a week for 4 weeks for the lumbar spine');
  const at = endOf(t, '2 times a week for 4 weeks');
  assert.equal(inlayHints(lintAs(t), table, { start: 0, end: at - 1 }).length, 0);
  assert.equal(inlayHints(lintAs(t), table, { start: at, end: at + 10 }).length, 1);
});
