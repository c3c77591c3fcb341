// The fix policy, walked over every real letter: what Fix All, fix on save and `imr-lint --fix` apply
// (applyFixes) must never change a verdict, a conclusion, a date, a number or a citation. Each letter is
// also tried with a section heading taken out and with a phone number put in, so that the two kinds of
// unattended fix (a missing heading, a redaction) actually run. The figure is printed for the closing note.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, lint, type LanguageId, type LintResult } from '../../server/src/index.ts';
import { realLetters, sharedMissing } from '../helpers/shared.ts';

const REDACTION = '[REDACTED]';

/** What a letter decides or asserts, read from the model; redacted spans are left out of dates and numbers. */
function decisions(r: LintResult) {
  const t = r.model.text;
  return {
    verdicts: r.model.items.map((i) => i.verdict?.value ?? null),
    conclusions: r.model.items.map((i) => i.rationale?.conclusion?.necessary ?? null),
    titles: r.model.items.map((i) => i.title.text),
    citations: r.model.items.map((i) => [i.claimsAdministratorGuideline?.text ?? null, i.reviewerGuideline?.text ?? null]),
    header: Object.values(r.model.header).map((h) => `${h!.key}=${h!.raw}`),
    dates: r.model.dates.map((d) => d.raw),
    numbers: t.match(/\d+(?:[./-]\d+)*/g) ?? [],
  };
}

/** The letter's own numbers and dates minus those an edit replaced with the redaction mark. */
function withoutRedacted(text: string, redacted: { start: number; end: number }[]) {
  let out = '';
  let at = 0;
  for (const s of [...redacted].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, s.start) + REDACTION;
    at = s.end;
  }
  return out + text.slice(at);
}

function variants(text: string, languageId: LanguageId): { name: string; text: string }[] {
  const out = [{ name: 'as published', text }];
  const { sections } = lint(text, { languageId }).model;
  for (const kind of ['howMade', 'summary'] as const) {
    const s = sections.find((x) => x.kind === kind);
    if (s) out.push({ name: `without the ${kind} heading`, text: text.slice(0, s.headingSpan.start) + text.slice(s.headingSpan.end) });
  }
  const summary = sections.find((x) => x.kind === 'summary');
  if (summary) {
    const at = summary.bodySpan.start;
    out.push({ name: 'with a phone number', text: `${text.slice(0, at)}Phone 555-201-7788. ${text.slice(at)}` });
  }
  return out;
}

test('no unattended fix changes a verdict, a conclusion, a date, a number or a citation in the real letters', { skip: sharedMissing }, () => {
  let letters = 0;
  let runs = 0;
  let applied = 0;
  const changed: string[] = [];
  for (const letter of realLetters()) {
    letters++;
    const languageId: LanguageId = 'plaintext';
    for (const v of variants(letter.text, languageId)) {
      runs++;
      const before = lint(v.text, { languageId });
      // Every unattended edit is a pure insertion of words (a heading) or a redaction of an identifier.
      const redacted: { start: number; end: number }[] = [];
      for (const f of before.findings) {
        const fix = f.fixes.find((x) => x.preferred);
        if (!fix) continue;
        assert.equal(fix.kind, 'fix', `${letter.name}: only kind 'fix' is preferred`);
        for (const e of fix.edits) {
          if (e.newText === REDACTION) {
            assert.equal(f.ruleId, 'unredacted-phi', `${letter.name}: only a redaction writes the mark`);
            redacted.push(e.span);
          } else {
            assert.equal(e.span.start, e.span.end, `${letter.name} ${v.name}: "${fix.title}" deletes text`);
            assert.doesNotMatch(e.newText, /\d|\b(?:Upheld|Overturned|medically necessary|MTUS|ODG|ACOEM)\b/i, `${letter.name} ${v.name}: "${fix.title}" writes a decision or a figure`);
          }
        }
      }
      const fixed = applyFixes(v.text, before.findings);
      applied += fixed.applied;
      if (fixed.applied === 0) {
        assert.equal(fixed.text, v.text);
        continue;
      }
      const a = decisions(lint(withoutRedacted(v.text, redacted), { languageId }));
      const b = decisions(lint(fixed.text, { languageId }));
      for (const key of Object.keys(a) as (keyof typeof a)[]) {
        if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changed.push(`${letter.name} (${v.name}): ${key}`);
      }
    }
  }
  process.stdout.write(`# unattended fixes: ${applied} applied over ${runs} texts from ${letters} real letters; ${changed.length} changed a decision or fact\n`);
  assert.ok(letters >= 100, `expected the real letters, got ${letters}`);
  assert.ok(applied >= 2 * letters, 'the variants exercise the heading and redaction fixes');
  assert.deepEqual(changed, []);
});
