import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, allIds, assertOne, rangeAt, replaceOnce } from './helpers.ts';

const RULE = 'complex-markdown';
const AFTER = 'Therefore, the request is not medically necessary.';
const append = (block: string) => replaceOnce(CLEAN_MD, AFTER, `${AFTER}\n\n${block}\n`);

for (const [name, block, why] of [
  ['quotes nested 14 deep', `${'> '.repeat(14)}quoted`, /Markdown nested 14 levels deep/],
  ['a list indented 30 columns deep', `- a\n${' '.repeat(30)}- b`, /Markdown nested 16 levels deep/],
  ['401 emphasis marks', `${'*a'.repeat(401)}`, /401 emphasis marks/],
  ['301 list items', Array.from({ length: 301 }, () => '- x').join('\n'), /301 list items in one block/],
  ['401 HTML tags', 'a <span>b '.repeat(401), /401 HTML tags/],
  // 300 comments never closed in 6 KB: remark reads each to the end of the block (fuzz: 150 ms at 14 KB).
  ['HTML comments left open', 'text <!-- note '.repeat(300), /HTML comments left open/],
  // A line of "- - - ..." inside a paragraph: remark tries a list or a rule at each (fuzz: 550 ms at 3.5 KB).
  ['401 list or rule markers in a line', `Decision r ${'- '.repeat(401)}end *a*`, /401 list or rule markers/],
  // Placeholders run together ("[TREATMENT][TREATMENT]..." read as reference links): remark is quadratic in
  // the brackets of a block (fuzz: 2,195 in 24 KB took 170-240 ms).
  // A fence left open holds the rest of the letter in one block (fuzz: 3,400 lines in 4 KB took 110 ms with the
  // re-lints of its fix checks).
  ['a fence over 500 lines', `\`\`\`\n${'text\n\n'.repeat(250)}\`\`\``, /50\d lines in one block/],
  ['402 link brackets', `Requested: ${'[a][b] '.repeat(201)}`, /402 link brackets/],
] as const) {
  test(`${name}: information on the first line of the block (at most 200 characters); the block is read as plain text`, () => {
    const text = append(block);
    const start = text.indexOf(block);
    const firstLine = block.split('\n')[0];
    const f = assertOne(text, RULE, { range: rangeAt(text, start, start + Math.min(firstLine.length, 200)), severity: 'info' });
    assert.match(f.message, why);
    assert.ok(allIds(text).every((id) => id === RULE || id === 'unfilled-placeholder'), allIds(text).join());
  });
}

test('negative: nesting, emphasis and lists at the limits are parsed as Markdown', () => {
  for (const block of ['a <!-- closed --> b '.repeat(100), 'one <!-- never closed, once', `${'> '.repeat(12)}quoted`, '*a'.repeat(400), `Requested: ${'[a][b] '.repeat(200)}`, `\`\`\`\n${'text\n\n'.repeat(248)}\`\`\``, Array.from({ length: 300 }, () => '- x').join('\n'), '**Bold:** text and _words_ in a list:\n- one\n  - two\n    - three']) {
    assert.deepEqual(allIds(append(block)), [], block.slice(0, 40));
  }
});

test('the real letters and the seed are parsed whole (no block read as plain text)', async () => {
  const { realLetters, seedText, sharedMissing } = await import('../helpers/shared.ts');
  if (sharedMissing) return;
  const { lint } = await import('../../server/src/index.ts');
  assert.deepEqual(lint(seedText(), { languageId: 'markdown' }).model.unparsedMarkdown, []);
  // The real letters are plain text; read as Markdown they must not trip the limits either.
  for (const l of realLetters()) assert.deepEqual(lint(l.text, { languageId: 'markdown' }).model.unparsedMarkdown, [], l.name);
});
