import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldingRanges } from '../../server/src/features/folding.ts';
import { seedText, sharedMissing } from '../helpers/shared.ts';
import { MD, TXT, lineOf, lintAs, toCrlf } from './helpers.ts';

const fold = (startLine: number, endLine: number) => ({ startLine, endLine });

test('seed: the header block, each section to its last non-blank line, the item', { skip: sharedMissing }, () => {
  const seed = seedText();
  const folds = foldingRanges(lintAs(seed));
  const last = seed.trimEnd().split(/\r\n|\r|\n/).length - 1;
  assert.deepEqual(folds, [
    fold(lineOf(seed, '<b>Case Number:'), lineOf(seed, '<b>Priority:')),
    fold(lineOf(seed, '### HOW'), lineOf(seed, 'MAXIMUS Federal Services sent')),
    fold(lineOf(seed, '### CLINICAL'), lineOf(seed, 'The patient is a 50 year old')),
    fold(lineOf(seed, '### IMR ISSUES'), last),
    fold(lineOf(seed, '**MASSAGE THERAPY'), last),
  ]);
});

test('plain text with CRLF: two items, sections ending before the next heading\'s blank line', () => {
  const text = toCrlf(TXT);
  const folds = foldingRanges(lintAs(text, 'plaintext'));
  const last = text.trimEnd().split('\r\n').length - 1;
  assert.deepEqual(folds, [
    fold(0, lineOf(text, 'Received:')),
    fold(lineOf(text, 'HOW THE IMR'), lineOf(text, 'MAXIMUS Federal Services sent')),
    fold(lineOf(text, 'CLINICAL CASE SUMMARY'), lineOf(text, 'physical therapy and massage therapy.')),
    fold(lineOf(text, 'IMR ISSUES'), last),
    fold(lineOf(text, 'Physical therapy times'), lineOf(text, 'Therefore, the request is medically necessary.')),
    fold(lineOf(text, 'Massage therapy times'), last),
  ]);
});

test('never a range that folds nothing: one-line header, heading without body, empty text', () => {
  const text = '<b>Case Number:</b>\tCM16-0219999\n\n### CLINICAL CASE SUMMARY\n\n### IMR ISSUES, DECISIONS AND RATIONALES\n';
  assert.deepEqual(foldingRanges(lintAs(text)), []);
  assert.deepEqual(foldingRanges(lintAs('')), []);
  for (const t of [MD, TXT]) for (const f of foldingRanges(lintAs(t, t === TXT ? 'plaintext' : 'markdown'))) assert.ok(f.endLine > f.startLine);
});
