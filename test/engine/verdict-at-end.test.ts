// The verdict scan from the end of a title agrees with the regular expressions it replaced (which were
// cubic in a run of blanks), on every string of a small alphabet up to 7 characters and random longer ones,
// and stays linear on the input that was slow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verdictAtEnd } from '../../server/src/parse/verdictAtEnd.ts';

const VERDICT_RE = /(?:\bis)?\s*:?\s*\b(upheld|overturned)\s*\.?\s*$/i;
const TITLE_VERDICT_RE = /:\s*(?:is\s*:?\s*)?(upheld|overturned)\s*\.?\s*$/i;

function viaRegex(text: string, withColon: boolean) {
  const m = (withColon ? TITLE_VERDICT_RE : VERDICT_RE).exec(text);
  if (!m) return undefined;
  return { index: m.index, wordStart: m.index + m[0].toLowerCase().lastIndexOf(m[1].toLowerCase()), word: m[1] };
}

const PARTS = [' ', ':', 'is', 'Upheld', 'OVERTURNED', '.', 'x', '\t', 'th'];

test('agrees with the old expressions on every combination of title pieces (up to 5 pieces)', () => {
  let n = 0;
  const walk = (s: string, depth: number) => {
    for (const withColon of [true, false]) assert.deepEqual(verdictAtEnd(s, withColon), viaRegex(s, withColon), JSON.stringify([s, withColon]));
    n++;
    if (depth === 5) return;
    for (const p of PARTS) walk(s + p, depth + 1);
  };
  walk('', 0);
  assert.ok(n > 60000);
});

test('agrees on real title shapes', () => {
  for (const s of ['MASSAGE THERAPY TIMES 6:** Upheld', 'Massage therapy is: Overturned.', 'PT x8 is Upheld', 'Title: is Upheld', 'reupheld', 'Title this Upheld', 'TITLE:Upheld  .  ']) {
    for (const withColon of [true, false]) assert.deepEqual(verdictAtEnd(s, withColon), viaRegex(s, withColon), s);
  }
});

test('linear in a run of blanks before the verdict (was cubic: minutes at 10 KB)', () => {
  for (const n of [10_000, 100_000, 1_000_000]) {
    const s = `TITLE:${' \t'.repeat(n / 2)}Upheld`;
    assert.equal(verdictAtEnd(s, true)?.word, 'Upheld');
    assert.equal(verdictAtEnd(`TITLE${' '.repeat(n)}x`, false), undefined);
  }
});
