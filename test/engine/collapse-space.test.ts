// collapseSpace is the one way the engine folds whitespace: it must give exactly what /\s+/g -> ' ' gives
// (every Unicode blank, line breaks, runs), while leaving single spaces unmatched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapseSpace } from '../../server/src/text/collapseSpace.ts';

test('collapseSpace equals replacing every whitespace run with one space', () => {
  const parts = ['a', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', 'b c', '\f\v', ''];
  const cases = ['', ' ', 'plain words only', ' lead and trail ', 'x\u00a0y', 'tab\tsep\t\tarated', 'line\r\n\r\nbreaks'];
  for (const a of parts) for (const b of parts) for (const c of parts) cases.push(a + b + c + a);
  for (const s of cases) assert.equal(collapseSpace(s), s.replace(/\s+/g, ' '), JSON.stringify(s));
});

test('a text of single spaces comes back as it is', () => {
  const s = 'the patient had '.repeat(1000);
  assert.equal(collapseSpace(s), s);
});
