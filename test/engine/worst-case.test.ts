// Regressions of the slow inputs fuzzing and the reliability probe found (issue 10), at 100 KB each. Each
// took from seconds to minutes before its fix; the timeout makes a return of the quadratic path a failure
// instead of a hang. (The figures are the bench's section 6, not asserted here.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, replaceOnce } from '../rules/helpers.ts';

const N = 100_000;
const doc = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);
const opts = { timeout: 30_000 };

test('blanks in a disputed item\'s title before its verdict (was cubic: 411 s at 14 KB)', opts, () => {
  const text = replaceOnce(CLEAN_MD, 'LUMBAR SPINE:** Overturned', `LUMBAR SPINE:${' '.repeat(N)}** Overturned`);
  const { model } = lint(text);
  assert.deepEqual(model.items.map((i) => i.verdict?.value), ['Overturned', 'Upheld']);
});

test('a line of blanks before the header (the letter split and the label detection were quadratic)', opts, () => {
  const text = ' '.repeat(N) + CLEAN_TXT;
  const { model } = lint(text, { languageId: 'plaintext' });
  assert.equal(model.header.caseNumber?.raw, 'CM16-0219999');
});

test('unclosed inline directives repeated (each scanned to the end of the text)', opts, () => {
  const text = `${CLEAN_MD}\n${'<!-- imr-lint-disable '.repeat(N / 22)}`;
  assert.deepEqual(lint(text).model.directives, []);
});

test('list markers nested on one line ("1. 1. 1. ...": remark-parse was quadratic) are read as plain text', opts, () => {
  const text = `${'1. '.repeat(N / 3)}\n\n${CLEAN_MD}`;
  const { findings } = lint(text);
  assert.ok(findings.some((f) => f.ruleId === 'complex-markdown' && /nested \d+ levels deep/.test(f.message)));
});

test('thousands of disputed items (fix verification compared every finding with every other)', opts, () => {
  const text = replaceOnce(CLEAN_TXT, 'neck: Upheld', `neck: Upheld${'\nneck: Upheld'.repeat(N / 13)}`);
  const { model } = lint(text, { languageId: 'plaintext' });
  assert.ok(model.items.length > 5000);
});

test('a page-number list repeated in a citation ("Page(s): 1, 2, 3, ...")', opts, () => {
  const pages = Array.from({ length: N / 4 }, (_, i) => String(i % 100)).join(', ');
  const text = replaceOnce(CLEAN_MD, 'Section(s): Massage therapy.', `Page(s): ${pages}.`);
  const item = lint(text).model.items[1];
  assert.ok((item.reviewerGuideline?.citations[0]?.pages.length ?? 0) > 0);
});

test('a cue followed by a long run of blanks ("45 years" + 100 KB: a blank run on both sides of an optional word, 20 s each)', opts, () => {
  // Each was quadratic in the run: /\d{1,3}\s*-?\s*years/ (ages, sex), /born\s+in\s*(?:is|of)?\s*\d{4}/,
  // /SSN\s*[:#]?\s*\d{9}/, the ATX heading's closing hashes, "2 times a week" counts, "0" (any number).
  for (const cue of ['0', '45 years', 'the 45', 'born in', 'SSN', '#', '2 times', 'twice', 'day supply', '(12']) {
    for (const languageId of ['plaintext', 'markdown'] as const) {
      const text = `${cue}${' '.repeat(N)}${cue}${' \t'.repeat(N / 2)}${cue}`;
      assert.ok(Array.isArray(lint(text, { languageId }).findings), `${cue} ${languageId}`);
    }
  }
});

test('the rewritten patterns still read what they read: "45 - year - old male", "born in 1970", "SSN: 123456789"', () => {
  const text = replaceOnce(CLEAN_TXT, 'CLINICAL CASE SUMMARY\n', 'CLINICAL CASE SUMMARY\nThe patient is a 45 - year - old male born in 1970. SSN: 123456789.\n');
  const { model, findings } = lint(text, { languageId: 'plaintext' });
  assert.ok(model.mentions.ages.some((a) => a.value === 45 && doc(text, a.span) === '45'), JSON.stringify(model.mentions.ages));
  assert.equal(model.mentions.birth?.year, 1970);
  assert.ok(findings.some((f) => f.ruleId === 'unredacted-phi' && /social security/.test(f.message)));
});
