import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../server/src/index.ts';
import { keepLineBreaks } from '../../server/src/text/keepLineBreaks.ts';
import { CLEAN_TXT, replaceOnce } from '../rules/helpers.ts';

test('a replacement keeps the line breaks of what it replaces', () => {
  assert.equal(keepLineBreaks('November 11,\n2016', 'October 22, 2016'), 'October 22,\n2016');
  assert.equal(keepLineBreaks('did not cite any\r\nmedical evidence.', 'Decision based on MTUS Chronic Pain, Page(s): 60.'), 'Decision based on MTUS\r\nChronic Pain, Page(s): 60.');
  assert.equal(keepLineBreaks('a\nb\nc', 'xy'), 'xy\n\n');
  assert.equal(keepLineBreaks('one line', 'October 22, 2016'), 'October 22, 2016');
  assert.equal(keepLineBreaks('a\nb', 'c\nd'), 'c\nd');
});

test('(duplicate of the rule test, in the engine: the line break is kept) a narrative date wrapped over two lines', () => {
  const text = replaceOnce(CLEAN_TXT, 'industrial injury on 10/13/2015.', 'industrial injury on October\n31, 2015.');
  const f = lint(text, { languageId: 'plaintext' }).findings.find((x) => x.ruleId === 'injury-date-mismatch');
  assert.ok(f, 'the mismatch is found across the line break');
  assert.equal(f.fixes[0].edits[0].newText, 'October\n13, 2015');
});
