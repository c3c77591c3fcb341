import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { clearMarkdownCache, markdownToPlain, remarkMask } from '../../server/src/parse/markdownPlain.ts';
import { ROOT, SEED_DIR, REAL_DIR, sharedMissing } from '../helpers/shared.ts';

/** The whole-document remark path, plus the same table-row treatment markdownToPlain applies. */
function reference(text: string): string {
  return remarkMask(text).replace(/^[ \t]*\|.*\|[ \t]*$/gm, (row) =>
    /^[\s|:-]+$/.test(row) ? row.replace(/[^\r\n\t\f]/g, ' ') : row.replace(/\|/g, ' '));
}

const SNIPPETS = [
  '# Title\n\nplain prose, with commas (and parentheses) #90 and 6/10 pain > 5 & more.\n',
  '<b>Case Number:</b>\tCM14-0003333\t\t\n<b>Date Assigned:</b>\t01/31/2014\n',
  '### HOW THE IMR FINAL DETERMINATION WAS MADE ###\n\n**MASSAGE THERAPY:** Upheld\n\n**Claims Administrator guideline:** none\n',
  '* a list item\n* another *emphasis* and _underscore_\n\n1. numbered\n2) other\n',
  'Setext heading\n==============\n\nAnother\n-------\n',
  'A [link](http://example.com) and [ref][r] and `code` and \\*escaped\\*.\n\n[r]: http://example.com\n',
  '> quoted **bold**\n> more\n\n    indented code line\n    another\n',
  '```\nfenced\n\ncode with blank line\n```\n\nafter fence\n',
  '<!-- imr-lint-disable visits-over-limit\n\nstill comment -->\n\ntext after\n',
  '<div>\nhtml block\n</div>\n\n<b>\nalone tag line\n',
  '**unbalanced bold\n\n**Label:**text right after\n\nmid**word**bold\n',
  '| Field | Value |\n|---|---|\n| Case Number | CM14-0003333 |\n',
  'Line with trailing spaces  \nhard break\r\n\r\nCRLF paragraph\rCR line\n',
  '<https://auto.link> and <span>inline</span> html\n',
  '- item\n\n  continuation paragraph\n\n- second\n',
  // closing hashes: after blanks (closing), glued to a word (text), alone, with trailing blanks and tabs
  '## Heading ##  \n\n# word#\n\n#  ##\n\n#\n\n#\t#\t\n\n### a # b ###\n',
  // asterisk runs: pairs of "**" (strong), a triple, singles, one unpaired, and '*a_' alternations
  'one **two** three **four**\n\n***triple*** and **open\n\n*a_*a_*a_\n\n** lone ** pair\n\n**a****b**\n',
];

test('block-wise masking equals whole-document remark masking on Markdown constructs', () => {
  clearMarkdownCache();
  for (const s of SNIPPETS) {
    assert.equal(markdownToPlain(s), reference(s), JSON.stringify(s));
    assert.equal(markdownToPlain(s).length, s.length);
  }
  // Every pair of snippets joined, so blocks interact (lists, fences and comments across blocks).
  for (const a of SNIPPETS) for (const b of SNIPPETS) {
    const s = `${a}\n${b}`;
    assert.equal(markdownToPlain(s), reference(s), JSON.stringify(s));
  }
});

test('block-wise masking equals whole-document remark on the seed, the examples and the real letters', { skip: sharedMissing }, () => {
  const files = [
    ...readdirSync(SEED_DIR).map((f) => join(SEED_DIR, f)),
    ...readdirSync(join(REAL_DIR, 'corpus')).map((f) => join(REAL_DIR, 'corpus', f)),
    ...readdirSync(join(ROOT, 'examples')).filter((f) => /\.(md|txt)$/.test(f)).map((f) => join(ROOT, 'examples', f)),
  ];
  for (const f of files) {
    const t = readFileSync(f, 'utf8');
    assert.equal(markdownToPlain(t), reference(t), f);
  }
});

test('markup is blanked, text and line breaks keep their offsets', () => {
  const s = '<b>Case Number:</b>\tCM14\n### CLINICAL CASE SUMMARY\n**A:** Upheld\n';
  assert.equal(markdownToPlain(s), '   Case Number:    \tCM14\n    CLINICAL CASE SUMMARY\n  A:   Upheld\n');
});
