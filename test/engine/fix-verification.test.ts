// Remedies that change how the letter parses are checked by doing them (server/src/fixVerification.ts): a
// heading fix that would not converge or would change the letter's structure is only a suggestion, and a
// remedy the layout would not read (a heading, a guideline line, a verdict) is not offered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, lint } from '../../server/src/index.ts';
import { verifyRemedies } from '../../server/src/fixVerification.ts';
import { CLEAN_MD, CLEAN_TXT } from '../rules/helpers.ts';

test('an empty text: the missing headings are suggestions (three inserted at one place do not converge), fix all writes nothing', () => {
  for (const languageId of ['markdown', 'plaintext'] as const) {
    const { findings } = lint('', { languageId });
    const missing = findings.filter((f) => f.ruleId === 'missing-section');
    assert.ok(missing.length >= 3, languageId);
    assert.deepEqual(missing.map((f) => f.fixes.map((x) => [x.kind, !!x.preferred])), missing.map(() => [['suggestion', false]]));
    assert.deepEqual(applyFixes('', findings), { text: '', applied: 0 });
  }
});

test('a letter without its summary heading: the heading is a fix, fix all inserts just it, nothing new, and a second pass changes nothing', () => {
  for (const [base, languageId, heading] of [[CLEAN_MD, 'markdown', '### CLINICAL CASE SUMMARY'], [CLEAN_TXT, 'plaintext', 'CLINICAL CASE SUMMARY']] as const) {
    const text = base.replace(/^[ \t]*(?:### )?CLINICAL CASE SUMMARY[ \t]*\n\n?/m, '');
    assert.notEqual(text, base);
    const { findings } = lint(text, { languageId });
    const f = findings.find((x) => x.ruleId === 'missing-section')!;
    assert.deepEqual(f.fixes.map((x) => [x.kind, !!x.preferred]), [['fix', true]], languageId);
    const once = applyFixes(text, findings);
    const edit = f.fixes[0].edits[0];
    assert.equal(edit.span.start, edit.span.end, 'an insertion');
    assert.equal(edit.newText.trim(), heading);
    assert.equal(once.text, text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.start));
    const again = lint(once.text, { languageId }).findings;
    assert.deepEqual(again.map((x) => x.ruleId), [], 'nothing new');
    assert.equal(applyFixes(once.text, again).applied, 0);
  }
});

test('a professional review with an issue but no guideline section: no "MAXIMUS guideline:" line is suggested (its layout does not read one)', () => {
  const text = 'ISSUE AT DISPUTE\nPhysical therapy 12 visits\n';
  const f = lint(text, { languageId: 'plaintext' }).findings.find((x) => x.ruleId === 'missing-guideline-citation');
  assert.ok(f, 'the item is reported');
  assert.deepEqual(f.fixes, []);
});

test('a professional review without its guideline section: fix all adds no line, and running it again changes nothing (it grew by 10 lines a run)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('../helpers/shared.ts');
  const full = readFileSync(join(ROOT, 'test', 'fixtures', 'layouts', 'professional-review.txt'), 'utf8');
  const start = full.indexOf('MEDICAL TREATMENT GUIDELINE(S) RELIED UPON');
  const end = full.indexOf('MEDICAL REVIEWER QUALIFICATIONS:');
  assert.ok(start > 0 && end > start);
  const text = full.slice(0, start) + full.slice(end);
  let current = text;
  for (let run = 0; run < 3; run++) current = applyFixes(current, lint(current, { languageId: 'plaintext' }).findings).text;
  assert.ok(!/MAXIMUS guideline/i.test(current), 'no MAXIMUS guideline line is written into a professional review');
  assert.equal(applyFixes(current, lint(current, { languageId: 'plaintext' }).findings).applied, 0, 'converged');
  assert.ok(current.length <= text.length + 120, `grew by ${current.length - text.length} characters`);
});

test('a verdict the layout would not read as one is not suggested: a "title" that is a guideline line, and a title split by a verdict (fuzz)', () => {
  // Markdown: the only line of the item is "MAXIMUS guideline", so ": Upheld" would make it a citation.
  const md = 'MAXIMUS guideline\nDecision rationale:notmedically necessary';
  const a = lint(md, { languageId: 'markdown' }).findings.find((x) => x.ruleId === 'missing-verdict');
  assert.ok(a, 'the missing verdict is reported');
  assert.deepEqual(a.fixes, []);
  // Plain text: the title runs over a blank line; a verdict after "c" makes "c" an item of its own.
  const txt = 'IMR ISSUESDECISIONSAND RATIONALES\n:Overturned\nf\n\nc\nDecision rationale:medically necessary';
  const b = lint(txt, { languageId: 'plaintext' }).findings.find((x) => x.ruleId === 'missing-verdict');
  assert.ok(b, 'the missing verdict is reported');
  assert.deepEqual(b.fixes, []);
});

test('an ordinary missing verdict keeps both suggestions, the concluded one first, each removing its finding', () => {
  const text = CLEAN_MD.replace(/(\*\*[^*\n]+:\*\*) (?:Upheld|Overturned)/, '$1');
  assert.notEqual(text, CLEAN_MD);
  const f = lint(text, { languageId: 'markdown' }).findings.find((x) => x.ruleId === 'missing-verdict')!;
  assert.equal(f.fixes.length, 2);
  assert.match(f.fixes[0].title, /\(as the rationale concludes\)$/);
  for (const fx of f.fixes) {
    const e = fx.edits[0];
    const fixed = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
    assert.equal(lint(fixed, { languageId: 'markdown' }).findings.filter((x) => x.ruleId === 'missing-verdict').length, 0, fx.title);
  }
});

test('a suggestion is checked by running only its own rule; a fix by linting the whole letter', () => {
  const noVerdict = CLEAN_MD.replace(/(\*\*[^*\n]+:\*\*) (?:Upheld|Overturned)/, '$1');
  const noSummary = CLEAN_MD.replace(/^### CLINICAL CASE SUMMARY\n/m, '');
  assert.notEqual(noSummary, CLEAN_MD);
  for (const [text, expected] of [
    [noVerdict, ['missing-verdict', 'missing-verdict']], // two suggestions
    [noSummary, ['all rules']], // one fix
  ] as const) {
    const first = lint(text, { languageId: 'markdown', verifyFixes: false });
    const calls: string[] = [];
    const checked = verifyRemedies(text, first.findings, first.model, (t, onlyRule) => {
      const after = lint(t, { languageId: 'markdown', verifyFixes: false });
      calls.push(onlyRule ?? 'all rules');
      // Only the rule asked for runs: a relint that returned other rules' findings would count them too.
      return onlyRule ? { ...after, findings: after.findings.filter((f) => f.ruleId === onlyRule) } : after;
    });
    assert.deepEqual(calls, expected);
    assert.equal(checked.length, first.findings.length);
  }
});

test('alike suggestions are checked together: one re-lint for 3 items or 500; each stays offered', () => {
  const count = (n: number) => {
    const text = CLEAN_TXT.replace('neck: Upheld', `neck: Upheld${'\nneck: Upheld'.repeat(n)}`);
    assert.notEqual(text, CLEAN_TXT);
    const first = lint(text, { languageId: 'plaintext', verifyFixes: false });
    const remedies = first.findings.filter((f) => f.ruleId === 'missing-guideline-citation').flatMap((f) => f.fixes);
    let relints = 0;
    const checked = verifyRemedies(text, first.findings, first.model, (t, onlyRule) => {
      relints++;
      return lint(t, { languageId: 'plaintext', verifyFixes: false, rules: onlyRule ? { 'missing-section': 'off' } : undefined });
    });
    const offered = checked.filter((f) => f.ruleId === 'missing-guideline-citation').flatMap((f) => f.fixes);
    return { remedies: remedies.length, relints, offered: offered.length };
  };
  for (const n of [2, 500]) {
    const c = count(n);
    assert.ok(c.remedies >= n, `${c.remedies} remedies`);
    assert.deepEqual({ relints: c.relints, offered: c.offered }, { relints: 1, offered: c.remedies }, `${n} repeated items`);
  }
});

test('a group with a remedy that does not remove its finding is checked one by one, and that remedy is dropped', () => {
  const text = CLEAN_TXT.replace('neck: Upheld', 'neck: Upheld\nneck: Upheld\nneck: Upheld');
  const first = lint(text, { languageId: 'plaintext', verifyFixes: false });
  const targets = first.findings.filter((f) => f.ruleId === 'missing-guideline-citation' && f.fixes.length > 0);
  assert.ok(targets.length >= 2, `${targets.length} items without a guideline line`);
  // The relint pretends the first item's insertion is not read (its finding stays); it is the earliest,
  // so it sits at the same offset whether it is applied alone or with the others.
  const bad = targets[0].fixes[0].edits[0];
  const relints: string[] = [];
  const checked = verifyRemedies(text, first.findings, first.model, (t, onlyRule) => {
    const applied = t.startsWith(bad.newText, bad.span.start) && !text.startsWith(bad.newText, bad.span.start);
    relints.push(applied ? 'with the bad one' : 'without');
    const after = lint(t, { languageId: 'plaintext', verifyFixes: false });
    return { ...after, findings: applied ? [...after.findings, targets[0]] : after.findings };
  });
  assert.deepEqual(relints, ['with the bad one', ...targets.map((_, i) => (i === 0 ? 'with the bad one' : 'without'))], 'the group, then each remedy alone');
  const offered = checked.filter((f) => f.ruleId === 'missing-guideline-citation' && targets.some((t) => t.span.start === f.span.start)).map((f) => f.fixes.length);
  assert.deepEqual(offered, targets.map((t, i) => t.fixes.length - (i === 0 ? 1 : 0)));
});

test('fixes inserting at one place are suggestions without a whole-letter relint: each is checked as a suggestion', () => {
  const first = lint('', { languageId: 'markdown', verifyFixes: false });
  const headings = first.findings.filter((f) => f.ruleId === 'missing-section');
  assert.ok(headings.length >= 3);
  const calls: string[] = [];
  const checked = verifyRemedies('', first.findings, first.model, (t, onlyRule) => {
    calls.push(onlyRule ?? 'all rules');
    return lint(t, { languageId: 'markdown', verifyFixes: false });
  });
  assert.ok(calls.length > 0 && calls.every((c) => c === 'missing-section'), calls.join());
  assert.deepEqual(checked.filter((f) => f.ruleId === 'missing-section').map((f) => f.fixes.map((x) => x.kind)), headings.map(() => ['suggestion']));
});

test('headings missing in several letters of one file: one lint per heading across the letters, each heading still offered', () => {
  const text = 'Case Number:           CM17-0006912\nDate Assigned:         01/13/2017\n'.repeat(4);
  const first = lint(text, { languageId: 'markdown', verifyFixes: false });
  const headings = first.findings.filter((f) => f.ruleId === 'missing-section');
  assert.ok(headings.length >= 9, `${headings.length} missing headings`);
  let relints = 0;
  const checked = verifyRemedies(text, first.findings, first.model, (t) => {
    relints++;
    return lint(t, { languageId: 'markdown', verifyFixes: false });
  });
  assert.ok(relints <= 3, `${relints} relints`);
  assert.deepEqual(checked.filter((f) => f.ruleId === 'missing-section').map((f) => f.fixes.length), headings.map(() => 1));
});
