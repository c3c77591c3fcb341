import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedText, sharedMissing } from '../helpers/shared.ts';
import { applyLspEdits, TestClient } from './client.ts';

const skip = sharedMissing;
const SEED_URI = 'file:///work/letters/seed.md';

/** Position of the n-th occurrence of `needle` in `text`, as LSP counts (UTF-16, \n lines). */
function pos(text: string, needle: string, from = 0) {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `"${needle}" not in text`);
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, character: i - (before.lastIndexOf('\n') + 1) };
}
function rangeOf(text: string, needle: string) {
  const start = pos(text, needle);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}
const codes = (ds: { code?: unknown }[]) => ds.map((d) => d.code);

describe('language server over stdio (push diagnostics)', { skip }, () => {
  let client: TestClient;
  let seed: string;

  before(async () => {
    seed = seedText();
    client = new TestClient();
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0 };
    const init = await client.initialize();
    assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(init.capabilities.diagnosticProvider, undefined, 'push when the client offers no pull');
    assert.ok(init.capabilities.codeActionProvider.codeActionKinds.includes('source.fixAll.imr'));
  });
  after(() => client.stop());

  test('opening the seed publishes injury-date-mismatch and visits-over-limit at their exact ranges', async () => {
    await client.open(SEED_URI, seed);
    const ds = await client.diagnosticsFor(SEED_URI, 1);
    assert.deepEqual(codes(ds), ['injury-date-mismatch', 'visits-over-limit']);
    const [injury, visits] = ds;
    assert.deepEqual(injury.range, rangeOf(seed, 'December 22, 2009'));
    assert.equal(injury.severity, 1);
    assert.equal(injury.source, 'imr-lint');
    assert.match(injury.codeDescription!.href, /docs\/rules\/injury-date-mismatch\.md$/);
    assert.equal(injury.relatedInformation![0].location.uri, SEED_URI);
    assert.deepEqual(injury.relatedInformation![0].location.range.start, pos(seed, '10/22/2009'));
    assert.deepEqual(visits.range, rangeOf(seed, '12 SESSIONS'));
    assert.equal(visits.severity, 3, 'information: Upheld is consistent');
    await client.waitFor(() => client.statuses.some((s) => s.uri === SEED_URI && !s.busy && s.determination === true), 'status of the seed');
  });

  test('an incremental change that writes the header date removes injury-date-mismatch', async () => {
    const range = rangeOf(seed, 'December 22, 2009');
    await client.change(SEED_URI, 2, [{ range, text: 'October 22, 2009' }]);
    const ds = await client.diagnosticsFor(SEED_URI, 2);
    assert.deepEqual(codes(ds), ['visits-over-limit']);
    await client.change(SEED_URI, 3, [{ range: { start: range.start, end: { line: range.start.line, character: range.start.character + 'October 22, 2009'.length } }, text: 'December 22, 2009' }]);
    assert.deepEqual(codes(await client.diagnosticsFor(SEED_URI, 3)), ['injury-date-mismatch', 'visits-over-limit']);
  });

  test('the suggestions of a date mismatch go both ways, neither is preferred; the chosen one removes its diagnostic', async () => {
    const ds = await client.diagnosticsFor(SEED_URI, 3);
    const injury = ds.find((d) => d.code === 'injury-date-mismatch')!;
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri: SEED_URI },
      range: injury.range,
      context: { diagnostics: [injury] },
    });
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles, [
      'Change to October 22, 2009 (the header\'s date)',
      'Change the header\'s Date of Injury to 12/22/2009',
      'Ignore this injury-date-mismatch finding (kept in .imr-lint/suppressions.json, not in the letter)',
      'Disable injury-date-mismatch for this line (comment in the letter)',
      'Disable injury-date-mismatch for this document (comment in the letter)',
    ]);
    const ignore = actions[2];
    assert.equal(ignore.edit, undefined, 'ignoring writes nothing into the letter');
    assert.deepEqual(ignore.command.arguments, [
      '/work/letters/.imr-lint/suppressions.json',
      { rule: 'injury-date-mismatch', text: 'December 22, 2009', line: seed.split('\n')[injury.range.start.line].replace(/\s+/g, ' ').trim(), file: 'seed.md' },
    ]);
    assert.deepEqual(actions.map((a) => !!a.isPreferred), actions.map(() => false), 'a choice between two dates is never preferred (auto fix would apply it)');
    const chosen = actions[0];
    assert.equal(chosen.kind, 'quickfix');
    const docEdit = chosen.edit.documentChanges[0];
    assert.deepEqual(docEdit.textDocument, { uri: SEED_URI, version: 3 }, 'the edit is pinned to the version it was computed for');
    const fixed = applyLspEdits(seed, docEdit.edits);
    assert.ok(fixed.includes('industrial injury date of October 22, 2009.'));
    await client.change(SEED_URI, 4, [{ text: fixed }]);
    assert.deepEqual(codes(await client.diagnosticsFor(SEED_URI, 4)), ['visits-over-limit']);
    await client.change(SEED_URI, 5, [{ text: seed }]);
    await client.diagnosticsFor(SEED_URI, 5);
  });

  test('"disable for this line" inserts the inline comment and the diagnostic goes', async () => {
    const ds = await client.diagnosticsFor(SEED_URI, 5);
    const injury = ds.find((d) => d.code === 'injury-date-mismatch')!;
    const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri: SEED_URI }, range: injury.range, context: { diagnostics: [injury] } });
    const disable = actions.find((a) => a.title === 'Disable injury-date-mismatch for this line (comment in the letter)')!;
    const edits = disable.edit.documentChanges[0].edits;
    assert.deepEqual(edits, [{ range: { start: { line: injury.range.start.line, character: 0 }, end: { line: injury.range.start.line, character: 0 } }, newText: '<!-- imr-lint-disable-next-line injury-date-mismatch -->\n' }]);
    await client.change(SEED_URI, 6, [{ text: applyLspEdits(seed, edits) }]);
    assert.deepEqual(codes(await client.diagnosticsFor(SEED_URI, 6)), ['visits-over-limit']);
    await client.change(SEED_URI, 7, [{ text: seed }]);
    await client.diagnosticsFor(SEED_URI, 7);
  });

  test('source.fixAll.imr applies only fixes that cannot change a decision: the redaction, not the verdict, date or priority', async () => {
    const broken = seed
      .replace('Standard', 'Standrad')
      .replace('NECK:** Upheld', 'NECK:** Overturned')
      .replace('graded 6/10.', 'graded 6/10. She can be reached at 555-123-4567.');
    await client.change(SEED_URI, 8, [{ text: broken }]);
    assert.deepEqual(codes(await client.diagnosticsFor(SEED_URI, 8)), ['invalid-priority', 'injury-date-mismatch', 'unredacted-phi', 'visits-over-limit', 'verdict-conflict']);
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri: SEED_URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.imr'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.imr');
    const fixed = applyLspEdits(broken, actions[0].edit.documentChanges[0].edits);
    assert.equal(fixed, broken.replace('555-123-4567', '[REDACTED]'));
    await client.change(SEED_URI, 9, [{ text: fixed }]);
    assert.deepEqual(codes(await client.diagnosticsFor(SEED_URI, 9)), ['invalid-priority', 'injury-date-mismatch', 'visits-over-limit', 'verdict-conflict']);
    await client.change(SEED_URI, 10, [{ text: seed }]);
    await client.diagnosticsFor(SEED_URI, 10);
  });

  test('completion, hover, document symbols and folding ranges answer on the seed', async () => {
    const items = await client.request<any>('textDocument/completion', { textDocument: { uri: SEED_URI }, position: pos(seed, 'Decision based on') });
    const list = Array.isArray(items) ? items : items.items;
    assert.ok(list.some((i: any) => /MTUS/.test(i.label) || /MTUS/.test(i.insertText ?? i.textEdit?.newText ?? '')), 'a guideline citation is offered after "MAXIMUS guideline:"');
    const hover = await client.request<any>('textDocument/hover', { textDocument: { uri: SEED_URI }, position: pos(seed, 'December 22, 2009') });
    assert.match(hover.contents.value, /2009-12-22/);
    assert.match(hover.contents.value, /10\/22\/2009/);
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: SEED_URI } });
    const names = JSON.stringify(symbols.map((s) => [s.name, (s.children ?? []).map((c: any) => c.name)]));
    assert.match(names, /HOW THE IMR FINAL DETERMINATION WAS MADE/);
    assert.match(names, /MASSAGE THERAPY/);
    const folds = await client.request<any[]>('textDocument/foldingRange', { textDocument: { uri: SEED_URI } });
    assert.ok(folds.some((f) => f.startLine === pos(seed, '### CLINICAL CASE SUMMARY').line));
    for (const f of folds) assert.ok(f.endLine > f.startLine);
  });

  test('code lens above the seed item, a click showing the treatment hover; inlay hints; both off by setting', async () => {
    const lenses = await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: SEED_URI } });
    const title = pos(seed, 'MASSAGE THERAPY, SOFT');
    assert.deepEqual(lenses, [
      {
        range: { start: title, end: title },
        command: { title: '12 sessions requested · MTUS Chronic Pain Medical Treatment p. 60: 4-6 visits · Upheld: consistent', command: 'imr.showHoverAt', arguments: [SEED_URI, title] },
      },
    ]);
    const hover = await client.request<any>('textDocument/hover', { textDocument: { uri: SEED_URI }, position: lenses[0].command.arguments[1] });
    assert.match(hover.contents.value, /4-6 visits/);
    // The status notification carries the decision for the status bar.
    assert.ok(client.statuses.some((st: any) => st.uri === SEED_URI && !st.busy && st.items === 1 && st.upheld === 1 && st.overturned === 0), 'status with the decision');
    assert.deepEqual(await client.request<any[]>('textDocument/inlayHint', { textDocument: { uri: SEED_URI }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } }), []);
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0, codeLens: false, inlayHints: false };
    const count = client.published.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor(() => client.published.slice(count).some((p) => p.uri === SEED_URI), 're-lint after settings change');
    assert.deepEqual(await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: SEED_URI } }), []);
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0 };
    const count2 = client.published.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor(() => client.published.slice(count2).some((p) => p.uri === SEED_URI), 're-lint after settings change back');
    assert.equal((await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: SEED_URI } })).length, 1);
  });

  test('an ordinary README gets no diagnostics and no determination status', async () => {
    const uri = 'file:///work/letters/README.md';
    await client.open(uri, '# Notes\n\nThese are my notes about IMR letters; the decision date matters.\n');
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    await client.waitFor(() => client.statuses.some((s) => s.uri === uri && !s.busy && s.determination === false), 'README status');
  });

  test('a plain-text letter is linted; *.imr.md files always are', async () => {
    const uri = 'file:///work/letters/empty.imr.md';
    await client.open(uri, 'Draft.\n');
    assert.ok((await client.diagnosticsFor(uri, 1)).some((d) => d.code === 'missing-section'));
  });

  test('semantic tokens colour a plain-text letter; Markdown is left to the injected grammar', async () => {
    const init = await client.request<any>('textDocument/semanticTokens/full', { textDocument: { uri: SEED_URI } });
    assert.deepEqual(init.data, [], 'Markdown: none');
    const uri = 'file:///work/letters/letter.txt';
    const letter = seed.replace(/<\/?b>/g, '').replace(/\*\*/g, '').replace(/^### /gm, '');
    await client.open(uri, letter, 'plaintext');
    await client.diagnosticsFor(uri, 1);
    const tokens = await client.request<any>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.equal(tokens.data.length % 5, 0);
    assert.ok(tokens.data.length / 5 >= 20, `tokens for labels, headings, dates, verdict: ${tokens.data.length / 5}`);
  });

  test('settings change: a rule turned off disappears without a restart, and comes back', async () => {
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0, rules: { 'visits-over-limit': 'off' } };
    const count = client.published.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor(() => client.published.slice(count).some((p) => p.uri === SEED_URI), 're-lint after settings change');
    assert.deepEqual(codes(client.published.slice(count).filter((p) => p.uri === SEED_URI).at(-1)!.diagnostics), ['injury-date-mismatch']);
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0 };
    const count2 = client.published.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor(() => client.published.slice(count2).some((p) => p.uri === SEED_URI), 're-lint after settings change back');
  });

  test('a broken guideline file: one clear error message, diagnostics continue with the defaults', async () => {
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0, guidelines: 'test/fixtures/cli/guidelines-invalid.json' };
    const count = client.published.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor(() => client.messages.some((m) => /guidelines-invalid\.json/.test(m.message)), 'error message naming the file');
    await client.waitFor(() => client.published.slice(count).some((p) => p.uri === SEED_URI), 're-lint');
    const ds = client.published.slice(count).filter((p) => p.uri === SEED_URI).at(-1)!.diagnostics;
    assert.deepEqual(codes(ds), ['injury-date-mismatch', 'visits-over-limit']);
    const msgs = client.messages.filter((m) => /guidelines-invalid\.json/.test(m.message));
    assert.equal(msgs.length, 1);
    assert.equal(msgs[0].type, 1, 'an error');
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0 };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  test('a malformed request gets an error answer and the server lives on', async () => {
    await assert.rejects(client.request('textDocument/hover', { bogus: true }));
    await assert.rejects(client.request('textDocument/codeAction', null));
    const hover = await client.request<any>('textDocument/hover', { textDocument: { uri: SEED_URI }, position: pos(seed, '12 SESSIONS') });
    assert.ok(hover, 'still answering');
    assert.ok(client.alive);
  });

  test('rapid typing: 300 incremental changes end with the diagnostics of the last version', async () => {
    const uri = 'file:///work/letters/typing.md';
    await client.open(uri, seed);
    await client.diagnosticsFor(uri, 1);
    // Type a sentence at the end of the summary, one character per change.
    const anchor = pos(seed, 'instead of 12.');
    let line = anchor.line;
    let character = anchor.character + 'instead of 12.'.length;
    const sentence = ' The date of injury was 10/21/2009 per the first report, and the patient asked again for help.';
    let version = 1;
    const typed = sentence.repeat(3).slice(0, 300);
    for (const ch of typed) {
      await client.change(uri, ++version, [{ range: { start: { line, character }, end: { line, character } }, text: ch }]);
      character++;
    }
    const ds = await client.diagnosticsFor(uri, version);
    // "The date of injury was 10/21/2009" differs from the header (10/22/2009): three of them typed in full.
    assert.equal(ds.filter((d) => d.code === 'injury-date-mismatch').length, 1 + (typed.match(/10\/21\/2009/g) ?? []).length);
    void line;
    assert.ok(client.alive);
  });

  test('a huge document is linted (1 MB) or, past the limit, declined with one message; the server lives on', async () => {
    const item = seed.slice(seed.indexOf('**MASSAGE'));
    let big = seed;
    while (big.length < 1_000_000) big += `\n\n${item}`;
    const uri = 'file:///work/letters/big.md';
    await client.open(uri, big);
    const ds = await client.diagnosticsFor(uri, 1);
    assert.ok(ds.filter((d) => d.code === 'visits-over-limit').length > 100);
    const huge = '### CLINICAL CASE SUMMARY\n\n' + 'x '.repeat(2_100_000);
    const uri2 = 'file:///work/letters/huge.md';
    await client.open(uri2, huge);
    const ds2 = await client.diagnosticsFor(uri2, 1);
    assert.equal(ds2.length, 1);
    assert.match(String(ds2[0].message), /too large/);
    assert.ok(client.alive);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = 'file:///work/letters/typing.md';
    const count = client.published.length;
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.waitFor(() => client.published.slice(count).some((p) => p.uri === uri), 'cleared diagnostics');
    assert.deepEqual(client.published.slice(count).find((p) => p.uri === uri)!.diagnostics, []);
  });
});

describe('language server with pull diagnostics', { skip }, () => {
  let client: TestClient;
  after(() => client?.stop());

  test('advertises a diagnostic provider and answers textDocument/diagnostic', async () => {
    client = new TestClient();
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0 };
    const init = await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { didSave: true } } });
    assert.deepEqual(init.capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
    const seed = seedText();
    await client.open(SEED_URI, seed);
    const report = await client.request<any>('textDocument/diagnostic', { textDocument: { uri: SEED_URI } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(codes(report.items), ['injury-date-mismatch', 'visits-over-limit']);
    assert.equal(client.published.filter((p) => p.uri === SEED_URI).length, 0, 'nothing pushed in pull mode');
  });
});

describe('language server start', () => {
  test('without a transport argument it says how to start it and exits 2', async () => {
    const { spawnSync } = await import('node:child_process');
    const { SERVER } = await import('./client.ts');
    const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--stdio/);
  });
});

describe('suppressions outside the letter (.imr-lint/suppressions.json)', { skip }, () => {
  let client: TestClient;
  let dir: string;
  let uri: string;
  let letter: string;
  const INJURY = 'December 22, 2009';

  before(async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    dir = mkdtempSync(join(tmpdir(), 'imr-lsp-suppress-'));
    uri = pathToFileURL(join(dir, 'letter.txt')).toString();
    letter = seedText();
    client = new TestClient();
    client.settings = { debounceMs: 0, holdWhileTypingMs: 0 };
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    const { rmSync } = await import('node:fs');
    rmSync(dir, { recursive: true, force: true });
  });

  test('a plain-text letter: no inline comment offered; ignoring records the entry, the letter is untouched, the finding goes', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    await client.open(uri, letter, 'plaintext');
    const ds = await client.diagnosticsFor(uri, 1);
    const injury = ds.find((d) => d.code === 'injury-date-mismatch')!;
    const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: injury.range, context: { diagnostics: [injury] } });
    assert.ok(!actions.some((a) => /comment in the letter/.test(a.title)), 'no inline comment in a plain-text letter');
    const ignore = actions.find((a) => a.title.startsWith('Ignore this injury-date-mismatch finding'))!;
    assert.equal(ignore.edit, undefined);
    const before = client.published.length;
    await client.request('workspace/executeCommand', ignore.command);
    await client.waitFor(() => client.published.slice(before).some((p) => p.uri === uri), 'diagnostics published again');
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 1)), ['visits-over-limit']);
    const file = JSON.parse(readFileSync(join(dir, '.imr-lint', 'suppressions.json'), 'utf8'));
    assert.deepEqual(file.suppressions.map((e: any) => [e.rule, e.text, e.file]), [['injury-date-mismatch', INJURY, 'letter.txt']]);
  });

  test('it survives an edit above the line, and the finding comes back when its own line is edited', async () => {
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'DRAFT\n\n' }]);
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 2)), ['visits-over-limit']);
    const at = pos(`DRAFT\n\n${letter}`, 'industrial injury date of');
    await client.change(uri, 3, [{ range: { start: at, end: at }, text: 'claimed ' }]);
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 3)), ['injury-date-mismatch', 'visits-over-limit']);
  });
});

describe('drafting: new problems where the reviewer is typing wait for a pause or a save', () => {
  let client: TestClient;
  const uri = 'file:///work/letters/typing.md';
  const HOLD = 700;
  let clean: string;
  let line: number;
  let character: number;

  before(async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers/shared.ts');
    clean = readFileSync(join(ROOT, 'test', 'fixtures', 'rules', 'clean.md'), 'utf8').replace('<b>Date of Injury:</b>\t10/13/2015', '<b>Date of Injury:</b>\t');
    const at = pos(clean, '<b>Date of Injury:</b>\t');
    line = at.line;
    character = at.character + '<b>Date of Injury:</b>\t'.length;
    client = new TestClient();
    client.settings = { debounceMs: 0, holdWhileTypingMs: HOLD };
    await client.initialize();
    await client.open(uri, clean);
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 1)), ['missing-header-field'], 'the empty field, at open');
  });
  after(() => client.stop());

  test('typing a date character by character: no problem is published on it until it is complete', async () => {
    const date = '10/13/2015';
    const seen: string[] = [];
    for (let i = 0; i < date.length; i++) {
      await client.change(uri, 2 + i, [{ range: { start: { line, character: character + i }, end: { line, character: character + i } }, text: date[i] }]);
      const ds = await client.diagnosticsFor(uri, 2 + i);
      seen.push(...codes(ds).map(String).filter((c) => c !== 'missing-header-field'));
    }
    assert.deepEqual(seen, [], 'nothing new while typing (invalid-date on "10/1", date-order and injury-date-mismatch on "10/13/20")');
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 1 + date.length)), [], 'the complete date is clean');
  });

  test('a date left half typed is shown once typing pauses (after the hold), and at once on save', async () => {
    const version = 20;
    const started = Date.now();
    await client.change(uri, version, [{ range: { start: { line, character: character + 5 }, end: { line, character: character + 10 } }, text: '' }]);
    assert.deepEqual(codes(await client.diagnosticsFor(uri, version)), [], 'held while typing');
    const doneStatus = () => client.statuses.filter((s: any) => s.uri === uri && s.version === version && !s.busy);
    await client.waitFor(() => doneStatus().length > 0, 'the status of the held version');
    assert.equal((doneStatus()[0] as any).errors, 0, 'the status bar counts what is shown, not what waits');
    await client.waitFor(() => client.published.some((p) => p.uri === uri && p.version === version && codes(p.diagnostics).includes('invalid-date')), 'the held invalid-date after the pause', 5000);
    await client.waitFor(() => doneStatus().some((s: any) => s.errors === 1), 'the status counts it once shown');
    const waited = Date.now() - started;
    assert.ok(waited >= HOLD - 50, `shown after the hold (${waited} ms)`);
    await client.change(uri, version + 1, [{ range: { start: { line, character: character + 4 }, end: { line, character: character + 5 } }, text: '' }]);
    assert.deepEqual(codes(await client.diagnosticsFor(uri, version + 1)), [], 'a new half date waits again');
    const before = client.published.length;
    await client.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await client.waitFor(() => client.published.slice(before).some((p) => p.uri === uri && codes(p.diagnostics).includes('invalid-date')), 'invalid-date at once on save', HOLD / 2);
  });
});

describe('completion in a letter only begun, and what opens the list by itself', { skip }, () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    client.settings = { debounceMs: 0 };
    const init = await client.initialize();
    assert.deepEqual(init.capabilities.completionProvider.triggerCharacters, [':'], 'a space in prose never opens the list');
  });
  after(() => client.stop());

  test('new-case.md whose first line is a header label: the other header labels are offered; an ordinary note gets none', async () => {
    const uri = 'file:///work/letters/new-case.md';
    const text = '**Case Number:** CM26-0001234\n';
    await client.open(uri, text);
    const list = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 }, context: { triggerKind: 1 } });
    const labels = list.items.map((i: any) => i.label);
    assert.ok(labels.includes('Date of Injury') && labels.includes('Priority'), labels.join(' | '));
    assert.ok(!labels.includes('Case Number'), 'not the label already there');
    const note = 'file:///work/letters/notes.md';
    await client.open(note, '# Notes\n\nCase Number: to be assigned\n');
    const none = await client.request<any>('textDocument/completion', { textDocument: { uri: note }, position: { line: 3, character: 0 }, context: { triggerKind: 1 } });
    assert.deepEqual(none.items, []);
  });

  test('a ":" typed after a title gives nothing (triggerKind 2); Ctrl+Space there gives the verdicts', async () => {
    const uri = 'file:///work/letters/title.md';
    const seed = seedText().replace('NECK:** Upheld', 'NECK:');
    await client.open(uri, seed);
    const position = pos(seed, 'NECK:');
    position.character += 'NECK:'.length;
    const typed = await client.request<any>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: ':' } });
    assert.deepEqual(typed.items, []);
    const asked = await client.request<any>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
    assert.deepEqual(asked.items.map((i: any) => i.label), ['Upheld', 'Overturned']);
  });
});

describe('settings and requests that are not valid never stop the server', () => {
  let client: TestClient;
  let letter: string;
  let dir: string;
  const LETTER_URI = 'file:///work/letters/injury.md';
  const NOTE_URI = 'file:///work/notes/todo.md';
  const base = { debounceMs: 0, holdWhileTypingMs: 0 };

  before(async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers/shared.ts');
    dir = mkdtempSync(join(tmpdir(), 'imr-lsp-invalid-'));
    letter = readFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'injury-mismatch.md'), 'utf8');
    client = new TestClient();
    client.settings = base;
    await client.initialize();
    await client.open(LETTER_URI, letter);
    assert.deepEqual(codes(await client.diagnosticsFor(LETTER_URI, 1)), ['injury-date-mismatch']);
  });
  after(async () => {
    await client.stop();
    const { rmSync } = await import('node:fs');
    rmSync(dir, { recursive: true, force: true });
  });

  async function changeSettings(settings: Record<string, unknown>): Promise<void> {
    client.settings = settings;
    const count = client.published.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor(() => client.published.slice(count).some((p) => p.uri === LETTER_URI), 're-lint after a settings change');
  }

  test('an imr.files glob that is not valid is named once in a warning and ignored; the valid ones apply, linting and code actions go on', async () => {
    const files = { '{drafts': true, '[z-a]*.md': true, '**/notes/*.md': true };
    await changeSettings({ ...base, files });
    const expected =
      'IMR settings: imr.files: "{drafts" is not a valid glob ("{" is not closed), it is ignored; ' +
      'imr.files: "[z-a]*.md" is not a valid glob (range out of order in character class), it is ignored. The defaults are used for these.';
    await client.waitFor(() => client.messages.some((m) => m.message === expected), 'the warning');
    // Diagnostics go on for the letter, and a valid glob of the same setting still forces a note on.
    const ds = client.published.filter((p) => p.uri === LETTER_URI).at(-1)!.diagnostics;
    assert.deepEqual(codes(ds), ['injury-date-mismatch']);
    await client.open(NOTE_URI, '# To do\n\nNothing here looks like a letter.\n');
    assert.ok((await client.diagnosticsFor(NOTE_URI, 1)).some((d) => d.code === 'missing-section'), 'the note is linted: **/notes/*.md holds');
    const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri: LETTER_URI }, range: ds[0].range, context: { diagnostics: [ds[0]] } });
    assert.ok(actions.some((a) => a.title.startsWith('Ignore this injury-date-mismatch finding')), actions.map((a) => a.title).join(' | '));
    // The same settings again: no second message.
    await changeSettings({ ...base, files: { ...files } });
    assert.equal(client.messages.filter((m) => m.message === expected).length, 1);
    assert.equal(client.messages.filter((m) => m.message.includes('imr.files')).length, 1);
    assert.equal(client.messages.find((m) => m.message === expected)!.type, 2, 'a warning');
    await changeSettings(base);
  });

  test('hover with empty params and a code action without context answer InvalidParams (-32602), never an internal error', async () => {
    const error = async (method: string, params: unknown) => {
      try {
        await client.request(method, params);
      } catch (e) {
        return { code: (e as any).code, message: (e as Error).message };
      }
      assert.fail(`${method} answered without an error`);
    };
    assert.deepEqual(await error('textDocument/hover', {}), { code: -32602, message: 'textDocument/hover: params.textDocument.uri is missing or not a string' });
    assert.deepEqual(await error('textDocument/hover', { textDocument: { uri: LETTER_URI } }), {
      code: -32602,
      message: 'textDocument/hover: params.position must be {line, character} with whole numbers from 0',
    });
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(await error('textDocument/codeAction', { textDocument: { uri: LETTER_URI }, range }), {
      code: -32602,
      message: 'textDocument/codeAction: params.context with its diagnostics array is missing',
    });
    assert.deepEqual(await error('textDocument/codeAction', {}), { code: -32602, message: 'textDocument/codeAction: params.textDocument.uri is missing or not a string' });
    for (const method of ['textDocument/completion', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full']) {
      assert.equal((await error(method, {})).code, -32602, method);
    }
    // A diagnostic without a range in the context is passed over, not a crash.
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri: LETTER_URI },
      range,
      context: { diagnostics: [{ source: 'imr-lint', code: 'injury-date-mismatch', message: 'x' }] },
    });
    assert.ok(Array.isArray(actions));
    const hover = await client.request<any>('textDocument/hover', { textDocument: { uri: LETTER_URI }, position: pos(letter, 'December 22, 2009') });
    assert.match(hover.contents.value, /2009-12-22/);
    assert.ok(client.alive);
  });

  test('a guideline table over 5 MB is refused before it is read: one error message, the built-in table is used', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const big = join(dir, 'big.json');
    writeFileSync(big, `{"rows": [${' '.repeat(6 * 1024 * 1024)}]}`);
    await changeSettings({ ...base, guidelines: big });
    const expected = `The guideline table ${big} is too large (6 MB; the limit is 5 MB); the built-in limits are used.`;
    await client.waitFor(() => client.messages.some((m) => m.message === expected), 'the error message');
    const ds = client.published.filter((p) => p.uri === LETTER_URI).at(-1)!.diagnostics;
    assert.deepEqual(codes(ds), ['injury-date-mismatch']);
    await changeSettings({ ...base, guidelines: big });
    assert.equal(client.messages.filter((m) => m.message === expected).length, 1);
    assert.equal(client.messages.find((m) => m.message === expected)!.type, 1, 'an error');
    await changeSettings(base);
  });
});
