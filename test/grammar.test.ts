// The IMR TextMate grammar injected into Markdown, tokenized the way VS Code does it: vscode-textmate with
// the Oniguruma regex engine (vscode-oniguruma's wasm), on top of VS Code's own Markdown and HTML grammars
// (tm-grammars). Checks the scopes of the seed's parts, and that ordinary Markdown keeps every scope it had.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, test } from 'node:test';
// Both are CommonJS: their default import is the module (a namespace import would hide the functions under .default).
import oniguruma from 'vscode-oniguruma';
import vsctm, { type IGrammar } from 'vscode-textmate';
import { ROOT, seedText, sharedMissing } from './helpers/shared.ts';

const require = createRequire(import.meta.url);
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'imr.injection.tmLanguage.json');
const INJECTION_SCOPE = 'imr.markdown.injection';
const grammarsDir = join(require.resolve('tm-grammars/grammars/markdown.json'), '..');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const imrGrammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));

let withImr: IGrammar;
let plainMarkdown: IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const onigLib = Promise.resolve({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  });
  const files: Record<string, string> = {
    'text.html.markdown': join(grammarsDir, 'markdown.json'),
    'text.html.derivative': join(grammarsDir, 'html-derivative.json'),
    'text.html.basic': join(grammarsDir, 'html.json'),
  };
  const registry = (inject: boolean) =>
    new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => {
        if (scopeName === INJECTION_SCOPE) return vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
        const f = files[scopeName];
        return f ? vsctm.parseRawGrammar(readFileSync(f, 'utf8'), f) : null; // embedded languages (css, js...) are not needed
      },
      getInjections: (scopeName) => (inject && scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
    });
  withImr = (await registry(true).loadGrammar('text.html.markdown'))!;
  plainMarkdown = (await registry(false).loadGrammar('text.html.markdown'))!;
  assert.ok(withImr && plainMarkdown);
});

/** Scopes of every character of every line: scopes[line][column]. */
function tokenize(grammar: IGrammar, text: string): { lines: string[]; scopes: string[][][] } {
  const lines = text.split(/\r\n|\r|\n/);
  let stack = vsctm.INITIAL;
  const scopes: string[][][] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, stack);
    const perChar: string[][] = [];
    for (const t of r.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) perChar[i] = t.scopes;
    scopes.push(perChar);
    stack = r.ruleStack;
  }
  return { lines, scopes };
}

/** Asserts that every character of `needle` (its `nth` occurrence on the line containing `lineHas`) has `scope`. */
function expectScope(doc: ReturnType<typeof tokenize>, lineHas: string, needle: string, scope: string, nth = 0) {
  const ln = doc.lines.findIndex((l) => l.includes(lineHas));
  assert.ok(ln >= 0, `no line contains ${JSON.stringify(lineHas)}`);
  let at = -1;
  for (let k = 0; k <= nth; k++) at = doc.lines[ln].indexOf(needle, at + 1);
  assert.ok(at >= 0, `line ${ln} has no ${JSON.stringify(needle)}`);
  for (let i = at; i < at + needle.length; i++) {
    const s = doc.scopes[ln][i] ?? [];
    assert.ok(
      s.some((x) => x === scope || x.startsWith(`${scope}.`)),
      `${JSON.stringify(needle)} (line ${ln + 1}, column ${i + 1}, ${JSON.stringify(doc.lines[ln][i])}) should have ${scope}; it has ${s.join(' ')}`,
    );
  }
}

function expectNoImrScope(doc: ReturnType<typeof tokenize>, lineHas: string, needle: string) {
  const ln = doc.lines.findIndex((l) => l.includes(lineHas));
  assert.ok(ln >= 0, `no line contains ${JSON.stringify(lineHas)}`);
  const at = doc.lines[ln].indexOf(needle);
  assert.ok(at >= 0);
  for (let i = at; i < at + needle.length; i++) {
    const s = doc.scopes[ln][i] ?? [];
    assert.ok(!s.some((x) => x.endsWith('.imr')), `${JSON.stringify(needle)} on line ${ln + 1} should not be scoped by the IMR grammar: ${s.join(' ')}`);
  }
}

/** Every character keeps every Markdown/HTML scope it has without the injection (the injection only adds). */
function assertMarkdownScopesKept(text: string, allowChangedWhere: (line: string) => boolean = () => false) {
  const a = tokenize(plainMarkdown, text);
  const b = tokenize(withImr, text);
  for (let ln = 0; ln < a.lines.length; ln++) {
    if (allowChangedWhere(a.lines[ln])) continue;
    for (let i = 0; i < a.lines[ln].length; i++) {
      const before = (a.scopes[ln][i] ?? []).join(' ');
      const after = (b.scopes[ln][i] ?? []).filter((s) => !s.endsWith('.imr')).join(' ');
      assert.equal(after, before, `line ${ln + 1} column ${i + 1} (${JSON.stringify(a.lines[ln])}) lost or changed Markdown scopes`);
    }
  }
}

test('package.json contributes the grammar as an injection into Markdown', () => {
  const g = pkg.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === INJECTION_SCOPE);
  assert.ok(g, 'contributes.grammars has the IMR injection');
  assert.deepEqual(g.injectTo, ['text.html.markdown']);
  assert.equal(join(ROOT, g.path), GRAMMAR_PATH);
  assert.equal(imrGrammar.scopeName, INJECTION_SCOPE);
  assert.match(imrGrammar.injectionSelector, /^L:text\.html\.markdown /);
});

test('every regex of the grammar compiles in Oniguruma', () => {
  const sources: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof x === 'string') sources.push(x);
        else walk(x);
      }
    }
  };
  walk(imrGrammar);
  assert.ok(sources.length >= 12);
  for (const s of sources) assert.doesNotThrow(() => new oniguruma.OnigScanner([s]), s);
  // Every scope the grammar names ends in .imr, so themes and tests can tell them apart.
  const names = JSON.stringify(imrGrammar.repository).match(/"name":\s*"[^"]*"/g) ?? [];
  for (const n of names) for (const s of JSON.parse(`{${n}}`).name.split(' ')) assert.match(s, /\.imr$/, n);
});

test('the seed: header labels, values, dates, headings, item labels, verdict and citation are scoped', { skip: sharedMissing }, () => {
  const doc = tokenize(withImr, seedText());
  expectScope(doc, 'Case Number', 'Case Number', 'entity.name.tag.label.header.imr');
  expectScope(doc, 'Case Number', 'CM14-0003333', 'constant.other.case-number.imr');
  for (const label of ['Date Assigned', 'Date of Injury', 'Decision Date', 'UR Denial Date', 'Priority', 'Application Received']) {
    expectScope(doc, `<b>${label}:`, label, 'entity.name.tag.label.header.imr');
  }
  for (const date of ['01/31/2014', '10/22/2009', '06/20/2014', '12/27/2013', '01/09/2014']) expectScope(doc, date, date, 'constant.numeric.date.imr');
  expectScope(doc, '<b>Priority:', 'Standard', 'constant.language.priority.imr');
  // The HTML grammar still scopes <b> as a tag.
  expectScope(doc, 'Case Number', '<b>', 'meta.tag');

  for (const h of ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']) {
    expectScope(doc, `### ${h}`, h, 'markup.heading.section.imr');
    expectScope(doc, `### ${h}`, h, 'markup.heading.markdown');
    expectScope(doc, `### ${h}`, h, 'entity.name.section.markdown');
    expectScope(doc, `### ${h}`, '###', 'punctuation.definition.heading.markdown');
  }

  expectScope(doc, 'industrial injury date of', 'December 22, 2009', 'constant.numeric.date.imr');
  expectScope(doc, 'dated November 2009', 'November 2009', 'constant.numeric.date.imr');
  expectScope(doc, 'utilization review from', 'December 27, 2013', 'constant.numeric.date.imr');

  const title = 'MASSAGE THERAPY, SOFT TISSUE RELEASE TIMES 12 SESSIONS FOR THE LUMBAR AND NECK';
  expectScope(doc, title, title, 'markup.bold.markdown');
  expectScope(doc, title, 'Upheld', 'keyword.other.verdict.upheld.imr');
  expectScope(doc, title, 'Upheld', 'markup.deleted.verdict.imr');

  for (const label of ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale']) {
    expectScope(doc, `**${label}:**`, label, 'entity.name.tag.label.item.imr');
    expectScope(doc, `**${label}:**`, label, 'markup.bold.markdown');
  }
  expectScope(doc, 'MAXIMUS guideline', 'Decision based on', 'keyword.other.citation.imr');
  expectScope(doc, 'MAXIMUS guideline', 'MTUS', 'support.constant.guideline.imr');
  expectScope(doc, 'MAXIMUS guideline', 'Page(s)', 'keyword.other.citation.pages.imr');
  expectScope(doc, 'MAXIMUS guideline', '60', 'constant.numeric.page.imr');
  expectScope(doc, 'Decision rationale', 'MTUS', 'support.constant.guideline.imr');

  // Words that merely look like the patterns stay plain.
  expectNoImrScope(doc, 'Decision rationale', 'recommended number of 4-6 visits');
  expectNoImrScope(doc, 'ROM was limited', 'ROM was limited by pain');
});

test('the seed keeps every Markdown scope it had without the injection', { skip: sharedMissing }, () => {
  assertMarkdownScopesKept(seedText());
});

test('Overturned is scoped apart from Upheld (markup.inserted vs markup.deleted), in bold and plain titles', () => {
  const doc = tokenize(
    withImr,
    [
      '**ACUPUNCTURE 6 SESSIONS:** Overturned',
      '',
      '**CHIROPRACTIC 12 VISITS:** Upheld',
      '',
      'Physical therapy 12 sessions was the original request. The remaining IMR eligible portion of the original request, 2 sessions is: Upheld',
      '',
      'Lumbar MRI: Overturned',
    ].join('\n'),
  );
  expectScope(doc, 'ACUPUNCTURE', 'Overturned', 'keyword.other.verdict.overturned.imr');
  expectScope(doc, 'ACUPUNCTURE', 'Overturned', 'markup.inserted.verdict.imr');
  expectScope(doc, 'CHIROPRACTIC', 'Upheld', 'markup.deleted.verdict.imr');
  expectScope(doc, 'remaining IMR', 'Upheld', 'keyword.other.verdict.upheld.imr');
  expectScope(doc, 'Lumbar MRI', 'Overturned', 'markup.inserted.verdict.imr');
});

test('plain-text layout pasted into Markdown, 2016 citations, credentials and placeholders', () => {
  const doc = tokenize(
    withImr,
    [
      'Case Number:          CM17-0013754',
      'Date Assigned:        01/26/2017                      Date of Injury:      11/02/2016',
      '',
      'The Expert Reviewer has the following credentials:',
      'State(s) of Licensure: Pennsylvania',
      'Certification(s)/Specialty: Family Practice',
      '',
      'CLINICAL CASE SUMMARY',
      '',
      'On 11-3-16, utilization review non-certified the request; the injury of Dec. 22, 2009.',
      '',
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG).',
      '',
      'Decision rationale: The MTUS Acupuncture Medical Treatment Guidelines (8 CCR 9792.24.1) apply. Page(s): 98-99, 114.',
      '',
      '**[TREATMENT] [QUANTITY] FOR THE [BODY PART]:** Upheld',
      '',
      '<b>Date of Injury:</b>\tXX/XX/XXXX',
    ].join('\n'),
  );
  expectScope(doc, 'Case Number:', 'Case Number', 'entity.name.tag.label.header.imr');
  expectScope(doc, 'Date Assigned:', 'Date of Injury', 'entity.name.tag.label.header.imr');
  expectScope(doc, 'Date Assigned:', '11/02/2016', 'constant.numeric.date.imr');
  expectScope(doc, 'State(s) of Licensure', 'State(s) of Licensure', 'entity.name.tag.label.item.imr');
  expectScope(doc, 'Certification(s)/Specialty', 'Certification(s)/Specialty', 'entity.name.tag.label.item.imr');
  expectScope(doc, 'CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMMARY', 'markup.heading.section.imr');
  expectScope(doc, 'On 11-3-16', '11-3-16', 'constant.numeric.date.imr');
  expectScope(doc, 'On 11-3-16', 'Dec. 22, 2009', 'constant.numeric.date.imr');
  expectScope(doc, 'Section(s)', 'Section(s)', 'keyword.other.citation.sections.imr');
  expectScope(doc, 'Section(s)', 'Physical medicine treatment', 'string.unquoted.section.imr');
  expectScope(doc, 'Section(s)', 'Non-MTUS Citation', 'support.constant.guideline.imr');
  expectScope(doc, 'Section(s)', 'ODG', 'support.constant.guideline.imr');
  expectScope(doc, '8 CCR', '8 CCR 9792.24.1', 'support.constant.regulation.imr');
  expectScope(doc, '8 CCR', '98-99, 114', 'constant.numeric.page.imr');
  expectScope(doc, '[TREATMENT]', '[TREATMENT]', 'invalid.illegal.placeholder.imr');
  expectScope(doc, '[TREATMENT]', '[BODY PART]', 'invalid.illegal.placeholder.imr');
  expectScope(doc, '[TREATMENT]', 'Upheld', 'markup.deleted.verdict.imr');
  expectScope(doc, 'XX/XX/XXXX', 'XX/XX/XXXX', 'invalid.illegal.placeholder.imr');
});

const ORDINARY = [
  '# Project notes',
  '',
  'Some **bold**, *italic*, `inline 10/22/2009 code`, a [link](https://example.com "title") and ~~gone~~.',
  '',
  '- a list item with **Priority** words',
  '- [ ] a task',
  '',
  '> A quote: we upheld the plan and overturned nothing.',
  '',
  '```text',
  'Case Number: CM14-0003333',
  '**MAXIMUS guideline:** Decision based on MTUS Page(s): 60.',
  'TITLE: Upheld',
  '```',
  '',
  '    indented code 01/31/2014 Upheld',
  '',
  '<!-- imr-lint-disable-next-line visits-over-limit -->',
  '<div align="center">html block</div>',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  'Setext heading',
  '==============',
  '',
  '***',
  '',
  'Footnote[^1] and <https://example.com> and &amp; and \\*escaped\\*.',
  '',
  '[^1]: The note.',
].join('\n');

test('ordinary Markdown is tokenized exactly as without the injection (no IMR phrase, no change)', () => {
  assertMarkdownScopesKept(ORDINARY);
  const doc = tokenize(withImr, ORDINARY);
  for (let ln = 0; ln < doc.lines.length; ln++) {
    for (let i = 0; i < doc.lines[ln].length; i++) {
      const s = doc.scopes[ln][i] ?? [];
      assert.ok(!s.some((x) => x.endsWith('.imr')), `line ${ln + 1} (${JSON.stringify(doc.lines[ln])}) column ${i + 1} got ${s.join(' ')}`);
    }
  }
});

test('letters in the plain-text layout and the snippet skeleton keep their Markdown scopes', { skip: sharedMissing }, async () => {
  const { realLetters } = await import('./helpers/shared.ts');
  const letters = realLetters();
  for (const l of letters) assertMarkdownScopesKept(l.text);
  const { SNIPPETS } = await import('../client/src/snippets.ts');
  const { expandSnippet } = await import('./vscode/snippetExpand.ts');
  const skeleton = expandSnippet(SNIPPETS.find((s) => s.name === 'IMR determination')!.body.markdown).text;
  // "[TREATMENT]" is a shortcut link to Markdown; the placeholder scope replaces it, on those lines only.
  assertMarkdownScopesKept(skeleton, (line) => /\[[A-Z]/.test(line));
  const doc = tokenize(withImr, skeleton);
  expectScope(doc, '[AGE]', '[AGE]', 'invalid.illegal.placeholder.imr');
  expectScope(doc, 'Decision Date', 'Decision Date', 'entity.name.tag.label.header.imr');
});
