// The VS Code client's pure decisions (client/src/state.ts): the status bar item and the settings filter
// of untrusted workspaces. The rest of the client runs only in an editor (test/vscode).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DocStatus, nextStatus, SPINNER_DELAY_MS, statusView, typedSnippetPrefix, withUserGuidelines } from '../client/src/state.ts';

const uri = 'file:///letters/a.md';

function feed(events: [number, Parameters<typeof nextStatus>[1]][]): DocStatus | undefined {
  let s: DocStatus | undefined;
  for (const [now, p] of events) s = nextStatus(s, p, now) ?? s;
  return s;
}

test('the decision in the status bar ("2 items: 1 Upheld, 1 Overturned"), the problem counts in its tooltip', () => {
  const clean = feed([[0, { uri, version: 1, busy: true }], [5, { uri, version: 1, busy: false, errors: 0, warnings: 0, infos: 0, determination: true, items: 2, upheld: 1, overturned: 1 }]]);
  assert.deepEqual(statusView(clean, 10), { visible: true, text: '$(law) 2 items: 1 Upheld, 1 Overturned', tooltip: 'IMR determination: 0 errors, 0 warnings, 0 information. Click to open the Problems view.', recheckInMs: undefined });
  const seed = feed([[0, { uri, version: 1, busy: false, errors: 1, warnings: 0, infos: 1, determination: true, items: 1, upheld: 1, overturned: 0 }]]);
  assert.equal(statusView(seed, 0).text, '$(law) 1 item: 1 Upheld');
  assert.match(statusView(seed, 0).tooltip, /1 error, 0 warnings, 1 information/);
  const drafting = feed([[0, { uri, version: 3, busy: false, errors: 2, warnings: 1, infos: 0, determination: true, items: 3, upheld: 0, overturned: 1 }]]);
  assert.equal(statusView(drafting, 0).text, '$(law) 3 items: 1 Overturned, 2 without a verdict');
  const skeleton = feed([[0, { uri, version: 1, busy: false, errors: 0, warnings: 0, infos: 2, determination: true, items: 0, upheld: 0, overturned: 0 }]]);
  assert.equal(statusView(skeleton, 0).text, '$(law) IMR: no disputed item yet');
});

test(`the spinner shows only once a lint has been busy for ${SPINNER_DELAY_MS} ms; meanwhile the last counts stay`, () => {
  const s = feed([
    [0, { uri, version: 1, busy: false, errors: 1, warnings: 0, infos: 0, determination: true, items: 1, upheld: 1, overturned: 0 }],
    [1000, { uri, version: 2, busy: true }],
  ]);
  const early = statusView(s, 1000 + SPINNER_DELAY_MS - 50);
  assert.equal(early.text, '$(law) 1 item: 1 Upheld');
  assert.equal(early.recheckInMs, 50);
  assert.equal(statusView(s, 1000 + SPINNER_DELAY_MS).text, '$(sync~spin) IMR');
  // A second "busy" for the same version keeps the original start time.
  const again = nextStatus(s, { uri, version: 2, busy: true }, 1150)!;
  assert.equal(statusView(again, 1000 + SPINNER_DELAY_MS).text, '$(sync~spin) IMR');
  // The first lint of a document: nothing to show until the spinner delay has passed.
  const first = feed([[0, { uri, version: 1, busy: true }]]);
  assert.equal(statusView(first, 10).visible, false);
  assert.equal(statusView(first, SPINNER_DELAY_MS).text, '$(sync~spin) IMR');
});

test('hidden for documents the server says are not determinations, and for unknown documents', () => {
  const notes = feed([[0, { uri, version: 1, busy: false, errors: 0, warnings: 0, infos: 0, determination: false }]]);
  assert.equal(statusView(notes, 0).visible, false);
  assert.equal(statusView(undefined, 0).visible, false);
});

test('a late message about an older version is ignored; counts are per version', () => {
  const s = feed([[0, { uri, version: 5, busy: false, errors: 0, warnings: 0, infos: 0, determination: true }]]);
  assert.equal(nextStatus(s, { uri, version: 4, busy: false, errors: 3, warnings: 0, infos: 0, determination: true }, 1), undefined);
  const newer = nextStatus(s, { uri, version: 6, busy: false, errors: 3, warnings: 0, infos: 0, determination: true, items: 2, upheld: 2, overturned: 0 }, 1)!;
  assert.equal(statusView(newer, 1).text, '$(law) 2 items: 2 Upheld');
  assert.match(statusView(newer, 1).tooltip, /3 errors/);
  assert.equal(newer.done?.version, 6);
});

test('untrusted workspaces: imr.guidelines becomes the user value wherever the requested section holds it', () => {
  const imr = { enable: true, guidelines: './workspace-table.json', rules: { 'visits-over-limit': 'error' } };
  assert.deepEqual(withUserGuidelines('imr', 'imr', imr, '/home/me/table.json'), { ...imr, guidelines: '/home/me/table.json' });
  assert.equal(withUserGuidelines('imr', 'imr.guidelines', './workspace-table.json', ''), '');
  assert.deepEqual(withUserGuidelines('imr', undefined, { imr, editor: { tabSize: 2 } }, ''), { imr: { ...imr, guidelines: '' }, editor: { tabSize: 2 } });
  // Other sections and missing values pass through untouched.
  assert.equal(withUserGuidelines('imr', 'imr.enable', false, ''), false);
  assert.equal(withUserGuidelines('imr', 'imr', null, ''), null);
  assert.deepEqual(withUserGuidelines('imr', 'editor', { tabSize: 2 }, ''), { tabSize: 2 });
  // The input is not modified.
  assert.equal(imr.guidelines, './workspace-table.json');
});

test('"imr" typed at the start of a line opens the snippets; anywhere else it does not', () => {
  assert.deepEqual(['imr', '  imr', 'IMR', '\timr'].map(typedSnippetPrefix), [true, true, true, true]);
  assert.deepEqual(['im', 'imr-', 'The imr', 'imrs', ''].map(typedSnippetPrefix), [false, false, false, false, false]);
});
