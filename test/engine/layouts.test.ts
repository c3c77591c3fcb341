import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../server/src/index.ts';
import { documentSymbols } from '../../server/src/features/symbols.ts';
import { fixture } from '../helpers/shared.ts';

const findings = (text: string, languageId: 'markdown' | 'plaintext', layout?: any) =>
  lint(text, { languageId, layout }).findings.map((f) => `${f.severity} ${f.ruleId} ${text.slice(f.span.start, f.span.end)}`);

test('2013 notice: numbered findings, dates stated in sentences, "Regarding the request for" items', () => {
  const text = fixture('layouts/notice-2013.txt');
  const { model } = lint(text, { languageId: 'plaintext' });
  assert.equal(model.layout.id, 'notice-2013');
  assert.equal(model.layout.forced, false);
  assert.deepEqual(model.sections.map((s) => s.kind), ['decisions', 'qualifications', 'summary']);
  assert.deepEqual(
    Object.fromEntries(Object.entries(model.header).map(([k, f]) => [k, f!.raw])),
    { decisionDate: '10/14/2013', caseNumber: 'CM13-0004512', dateOfInjury: '03/02/2011', applicationReceived: '9/12/2013', urDenialDate: '8/29/2013', dateAssigned: '9/20/2013' },
  );
  assert.deepEqual(model.items.map((i) => [i.title.text, i.verdict?.value, i.rationale?.conclusion?.necessary]), [
    ['12 sessions of physical therapy for the lumbar spine', 'Upheld', false],
    ['a TENS unit rental for one month', 'Overturned', true],
  ]);
  // The verdict's range is the finding's words, in the second list (inside the decision section).
  const v = model.items[0].verdict!;
  assert.equal(text.slice(v.span.start, v.span.end), 'not medically necessary and appropriate');
  assert.ok(v.span.start > text.indexOf('INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE'));
  assert.deepEqual(model.items[0].reviewerGuideline?.citations.map((c) => [c.part, c.pages]), [['Chronic Pain', ['98', '99']]]);
  // Expected findings: the 12 sessions exceed MTUS physical medicine (10), Upheld: information. Nothing else.
  assert.deepEqual(findings(text, 'plaintext'), ['info visits-over-limit 12 sessions']);
});

test('medical professional review: the issue is the item, the guideline and rationale sections its parts', () => {
  const text = fixture('layouts/professional-review.txt');
  const { model } = lint(text, { languageId: 'plaintext' });
  assert.equal(model.layout.id, 'professional-review');
  assert.deepEqual(model.sections.map((s) => s.kind), ['issue', 'summary', 'documents', 'guidelines', 'rationale', 'qualifications']);
  const [item] = model.items;
  assert.equal(model.items.length, 1);
  assert.equal(item.title.text, 'Acupuncture 2 times a week for 6 weeks for the cervical spine');
  assert.equal(item.quantity?.count, 12);
  assert.equal(item.verdict?.value, 'Upheld');
  assert.equal(text.slice(item.verdict!.span.start, item.verdict!.span.end), 'NOT MEDICALLY NECESSARY');
  assert.equal(item.reviewerGuideline?.citations[0].part, 'Acupuncture Medical Treatment');
  assert.equal(item.rationale?.conclusion?.necessary, false);
  // Expected: 12 acupuncture treatments against MTUS's 3-6, Upheld: information; no Claims Administrator line is asked for.
  assert.deepEqual(findings(text, 'plaintext'), ['info visits-over-limit 2 times a week for 6 weeks']);
});

test('DOCUMENTS REVIEWED layout: its own decisions heading; an Overturned request over the limit is a warning', () => {
  const text = fixture('layouts/documents-reviewed.md');
  const { model } = lint(text, { languageId: 'markdown' });
  assert.equal(model.layout.id, 'documents-reviewed');
  assert.deepEqual(model.sections.map((s) => s.kind), ['howMade', 'summary', 'documents', 'decisions']);
  assert.deepEqual(model.items.map((i) => [i.title.text, i.verdict?.value]), [['Chiropractic care for the low back, 20 sessions', 'Overturned']]);
  assert.deepEqual(findings(text, 'markdown'), ['warning visits-over-limit 20 sessions']);
});

test('missing-section and section-order know each layout\'s sections', () => {
  const pr = fixture('layouts/professional-review.txt').replace('DOCUMENTS REVIEWED FOR DETERMINATION:\n', '');
  const f = lint(pr, { languageId: 'plaintext' }).findings.filter((x) => x.ruleId === 'missing-section');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /^Section "DOCUMENTS REVIEWED FOR DETERMINATION:" is missing\./);
  assert.match(f[0].message, /Medical professional review/);
  assert.equal(f[0].fixes[0].edits[0].newText, 'DOCUMENTS REVIEWED FOR DETERMINATION:\n\n');
  // The standard letter is not asked for a DOCUMENTS REVIEWED section, and the DOCUMENTS REVIEWED letter is not asked for IMR ISSUES.
  const dr = fixture('layouts/documents-reviewed.md');
  assert.equal(lint(dr).findings.filter((x) => x.ruleId === 'missing-section').length, 0);
  // Out of order in the professional review: the rationale before the guidelines.
  const swapped = fixture('layouts/professional-review.txt').replace(
    /(MEDICAL TREATMENT GUIDELINE[\s\S]*?)(RATIONALE FOR WHY[\s\S]*?)(MEDICAL REVIEWER QUALIFICATIONS)/,
    '$2$1$3',
  );
  assert.deepEqual(lint(swapped, { languageId: 'plaintext' }).findings.filter((x) => x.ruleId === 'section-order').map((x) => swapped.slice(x.span.start, x.span.end)), [
    'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:',
  ]);
});

test('a layout can be forced by an option or an imr-layout line, and the outline shows the layout', () => {
  const pr = fixture('layouts/professional-review.txt');
  const forced = lint(pr, { languageId: 'plaintext', layout: 'standard' });
  assert.deepEqual(forced.model.layout, { id: 'standard', name: 'IMR final determination (2014 and later)', forced: true });
  // Read as a standard letter, it lacks HOW THE IMR FINAL DETERMINATION WAS MADE and the decisions section.
  assert.deepEqual(forced.findings.filter((f) => f.ruleId === 'missing-section').map((f) => /"([^"]+)"/.exec(f.message)![1]), [
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'IMR ISSUES, DECISIONS AND RATIONALES',
  ]);
  const text = fixture('layouts/documents-reviewed.md');
  const byComment = lint(`<!-- imr-layout: standard -->\n${text}`);
  assert.equal(byComment.model.layout.id, 'standard');
  assert.equal(byComment.model.layout.forced, true);
  const header = documentSymbols(lint(text)).find((s) => s.name === 'Header')!;
  assert.equal(header.detail, 'IMR final determination with DOCUMENTS REVIEWED, 7 fields');
});
