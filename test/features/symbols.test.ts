import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { documentSymbols } from '../../server/src/features/symbols.ts';
import { seedText, sharedMissing } from '../helpers/shared.ts';
import { MD, TXT, endOf, indexOf, lintAs, positionAt, rangeAt, rangeOf, replaceOnce, toCrlf } from './helpers.ts';

const HOW = 'HOW THE IMR FINAL DETERMINATION WAS MADE';
const SUMMARY = 'CLINICAL CASE SUMMARY';
const DECISIONS = 'IMR ISSUES, DECISIONS AND RATIONALES';

function outline(s: DocumentSymbol[]): unknown[] {
  return s.map((x) => (x.children?.length ? [x.name, x.detail, outline(x.children)] : [x.name, x.detail]));
}
const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
function assertNested(s: DocumentSymbol, parent?: DocumentSymbol) {
  assert.ok(s.name.length > 0);
  assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), `${s.name}: selection inside range`);
  if (parent) assert.ok(before(parent.range.start, s.range.start) && before(s.range.end, parent.range.end), `${s.name} inside ${parent.name}`);
  for (const c of s.children ?? []) assertNested(c, s);
}

test('seed: Header with one child per field, the three sections, the item under the decisions section', { skip: sharedMissing }, () => {
  const seed = seedText();
  const symbols = documentSymbols(lintAs(seed));
  assert.deepEqual(outline(symbols), [
    ['Header', 'IMR final determination (2014 and later), 7 fields', [
      ['Case Number: CM14-0003333', undefined], ['Date Assigned: 01/31/2014', undefined], ['Date of Injury: 10/22/2009', undefined],
      ['Decision Date: 06/20/2014', undefined], ['UR Denial Date: 12/27/2013', undefined], ['Priority: Standard', undefined],
      ['Application Received: 01/09/2014', undefined],
    ]],
    [HOW, undefined],
    [SUMMARY, undefined],
    [DECISIONS, '1 item', [['MASSAGE THERAPY, SOFT TISSUE RELEASE TIMES 12 SESSIONS FOR THE LUMBAR AND NECK', 'Upheld']]],
  ]);
  const [header, how, , decisions] = symbols;
  assert.equal(header.kind, SymbolKind.Namespace);
  assert.deepEqual(header.range, rangeAt(seed, indexOf(seed, '<b>Case Number:'), endOf(seed, '01/09/2014')));
  assert.deepEqual(header.selectionRange, rangeOf(seed, 'Case Number:'));
  const doi = header.children![2];
  assert.equal(doi.kind, SymbolKind.Field);
  assert.deepEqual(doi.range, rangeAt(seed, indexOf(seed, 'Date of Injury:'), endOf(seed, '10/22/2009')));
  assert.deepEqual(doi.selectionRange, rangeOf(seed, 'Date of Injury:'));
  assert.equal(how.kind, SymbolKind.Module);
  assert.deepEqual(how.range, rangeAt(seed, indexOf(seed, `### ${HOW}`), endOf(seed, 'Independent Medical Review determinations.')));
  assert.deepEqual(how.selectionRange, rangeOf(seed, HOW));
  const item = decisions.children![0];
  assert.equal(item.kind, SymbolKind.Event);
  assert.deepEqual(item.range, rangeAt(seed, indexOf(seed, '**MASSAGE THERAPY'), endOf(seed, 'not medically necessary and appropriate.')));
  assert.deepEqual(item.selectionRange, rangeOf(seed, 'MASSAGE THERAPY, SOFT TISSUE RELEASE TIMES 12 SESSIONS FOR THE LUMBAR AND NECK'));
  assert.deepEqual(decisions.range.end, item.range.end);
  for (const s of symbols) assertNested(s);
});

test('plain text with CRLF: wrapped "Application Received", items with verdicts, ranges in UTF-16 lines', () => {
  const text = toCrlf(TXT);
  const symbols = documentSymbols(lintAs(text, 'plaintext'));
  assert.deepEqual(outline(symbols).slice(1), [
    [HOW, undefined],
    [SUMMARY, undefined],
    [DECISIONS, '2 items', [['Physical therapy times 8 sessions for the lumbar spine', 'Overturned'], ['Massage therapy times 6 sessions for the neck', 'Upheld']]],
  ]);
  assert.equal(symbols[0].children!.at(-1)!.name, 'Application Received: 11/14/2016');
  assert.deepEqual(symbols[0].range, rangeAt(text, 0, endOf(text, 'Received:')));
  const summary = symbols[2];
  assert.deepEqual(summary.range, rangeAt(text, indexOf(text, SUMMARY) - 32, endOf(text, 'physical therapy and massage therapy.')));
  const [pt, massage] = symbols[3].children!;
  assert.deepEqual(pt.range, rangeAt(text, indexOf(text, 'Physical therapy times'), endOf(text, 'the request is medically necessary.')));
  assert.deepEqual(massage.range.end, positionAt(text, text.trimEnd().length));
  for (const s of symbols) assertNested(s);
});

test('an item without a verdict says so; a long title is shortened; an empty header value is named', () => {
  const long = 'PHYSICAL THERAPY TWO TIMES A WEEK FOR SIX WEEKS FOR THE LUMBAR SPINE AND THE CERVICAL SPINE AND BOTH SHOULDERS';
  let text = replaceOnce(MD, 'PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE:** Overturned', `${long}:**`);
  text = replaceOnce(text, '<b>Priority:</b>\tStandard', '<b>Priority:</b>');
  const symbols = documentSymbols(lintAs(text));
  const item = symbols[3].children![0];
  assert.equal(item.detail, 'no verdict');
  assert.ok(item.name.length <= 80, item.name);
  assert.ok(item.name.endsWith('…'));
  assert.ok(long.startsWith(item.name.slice(0, -1)));
  assert.deepEqual(item.selectionRange, rangeOf(text, long));
  assert.ok(symbols[0].children!.some((c) => c.name === 'Priority: (empty)'));
  for (const s of symbols) assertNested(s);
});

test('no header and no sections: nothing but the items', () => {
  assert.deepEqual(documentSymbols(lintAs('')), []);
  const text = MD.slice(indexOf(MD, '**MASSAGE'));
  assert.deepEqual(outline(documentSymbols(lintAs(text))), [['MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK', 'Upheld']]);
});
