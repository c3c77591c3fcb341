// Every feature on every real letter: no exception, and the shapes the editor relies on (edits on one line
// ending at the cursor, selection ranges inside ranges, folds that fold something, hovers over their offset).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentSymbol, Position, TextEdit } from 'vscode-languageserver-types';
import { defaultGuidelineTable } from '../../server/src/index.ts';
import { completionItems, documentSymbols, foldingRanges, hoverAt } from '../../server/src/features/index.ts';
import { realLetters, seedText, sharedMissing } from '../helpers/shared.ts';
import { lintAs } from './helpers.ts';

const table = defaultGuidelineTable();
const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

function checkSymbols(s: DocumentSymbol, where: string) {
  assert.ok(s.name.trim().length > 0, where);
  assert.ok(le(s.range.start, s.selectionRange.start) && le(s.selectionRange.end, s.range.end), `${where}: ${s.name}`);
  for (const c of s.children ?? []) {
    assert.ok(le(s.range.start, c.range.start) && le(c.range.end, s.range.end), `${where}: ${c.name} inside ${s.name}`);
    checkSymbols(c, where);
  }
}

test('real letters: completion, hover, symbols and folding hold their shape everywhere', { skip: sharedMissing }, () => {
  const letters = [{ name: 'seed', text: seedText() }, ...realLetters()];
  let hovers = 0;
  let completions = 0;
  for (const { name, text } of letters) {
    const result = lintAs(text, name === 'seed' ? 'markdown' : 'plaintext');
    const symbols = documentSymbols(result);
    for (const s of symbols) checkSymbols(s, name);
    assert.ok(symbols.some((s) => s.children?.length && s.kind === 2) || result.model.items.length === 0 || !result.model.sections.some((x) => x.kind === 'decisions'), `${name}: items under the decisions section`);
    for (const f of foldingRanges(result)) assert.ok(f.endLine > f.startLine, `${name}: ${JSON.stringify(f)}`);
    // every line start and end, and every 97th offset
    const offsets = new Set<number>();
    for (let l = 0; l < result.lines.lineCount; l++) {
      offsets.add(result.lines.lineStarts[l]);
      offsets.add(result.lines.lineEnd(l));
    }
    for (let o = 0; o < text.length; o += 97) offsets.add(o);
    for (const at of offsets) {
      const cursor = result.lines.positionAt(at);
      for (const item of completionItems(result, at, table)) {
        completions++;
        const e = item.textEdit as TextEdit;
        assert.ok(e, `${name}@${at}: ${item.label} has a textEdit`);
        assert.equal(e.range.start.line, cursor.line, `${name}@${at}: ${item.label} edits one line`);
        assert.deepEqual(e.range.end, cursor, `${name}@${at}: ${item.label} ends at the cursor`);
        assert.ok(e.range.start.character <= cursor.character);
      }
      const h = hoverAt(result, at, table);
      if (h) {
        hovers++;
        assert.ok(le(h.range!.start, cursor) && le(cursor, h.range!.end), `${name}@${at}: hover over its offset`);
      }
    }
  }
  assert.ok(hovers > 1000, `${hovers} hovers`);
  assert.ok(completions > 1000, `${completions} completion items`);
});
