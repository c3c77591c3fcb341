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

test('counts: "$(check) IMR" when clean, "$(error) N $(warning) M" otherwise, with a tooltip in words', () => {
  const clean = feed([[0, { uri, version: 1, busy: true }], [5, { uri, version: 1, busy: false, errors: 0, warnings: 0, infos: 0, determination: true }]]);
  assert.deepEqual(statusView(clean, 10), { visible: true, text: '$(check) IMR', tooltip: 'IMR determination: 0 errors, 0 warnings, 0 information. Click to open the Problems view.', recheckInMs: undefined });
  const seed = feed([[0, { uri, version: 1, busy: false, errors: 1, warnings: 0, infos: 1, determination: true }]]);
  assert.equal(statusView(seed, 0).text, '$(error) 1 $(warning) 0');
  assert.match(statusView(seed, 0).tooltip, /1 error, 0 warnings, 1 information/);
  const two = feed([[0, { uri, version: 3, busy: false, errors: 2, warnings: 1, infos: 0, determination: true }]]);
  assert.equal(statusView(two, 0).text, '$(error) 2 $(warning) 1');
  const infoOnly = feed([[0, { uri, version: 1, busy: false, errors: 0, warnings: 0, infos: 2, determination: true }]]);
  assert.equal(statusView(infoOnly, 0).text, '$(check) IMR $(info) 2');
});

test(`the spinner shows only once a lint has been busy for ${SPINNER_DELAY_MS} ms; meanwhile the last counts stay`, () => {
  const s = feed([
    [0, { uri, version: 1, busy: false, errors: 1, warnings: 0, infos: 0, determination: true }],
    [1000, { uri, version: 2, busy: true }],
  ]);
  const early = statusView(s, 1000 + SPINNER_DELAY_MS - 50);
  assert.equal(early.text, '$(error) 1 $(warning) 0');
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
  const newer = nextStatus(s, { uri, version: 6, busy: false, errors: 3, warnings: 0, infos: 0, determination: true }, 1)!;
  assert.equal(statusView(newer, 1).text, '$(error) 3 $(warning) 0');
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
