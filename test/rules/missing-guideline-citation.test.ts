import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CLEAN_MD, CLEAN_TXT, allIds, applyEdits, assertEditRanges, assertFixResolves, assertOne, findingsOf, lintText, firstFix,
  rangeOf, replaceAfter, replaceOnce, spanOf,
} from './helpers.ts';

const RULE = 'missing-guideline-citation';
const MASSAGE_TITLE = 'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK';
const MASSAGE_MX = '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.';
const PT_MX = '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.';
const MASSAGE_CITATION = 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Page(s): 60.';
const NO_CITATION = 'The Expert Reviewer did not cite any medical evidence for its decision.';

test('no MAXIMUS guideline line: reported on the title; the fix inserts the table\'s MTUS citation before the rationale', () => {
  const text = replaceOnce(CLEAN_MD, `${MASSAGE_MX}\n\n`, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, MASSAGE_TITLE), severity: 'error' });
  assert.match(f.message, /"MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK" has no MAXIMUS guideline line/);
  const fix = firstFix(f);
  assert.equal(fix.title, 'Cite Chronic Pain Medical Treatment page(s) 60');
  const at = text.indexOf('**Decision rationale:**', text.indexOf(MASSAGE_TITLE));
  assert.deepEqual(fix.edits.map((e) => [e.span, e.newText]), [[{ start: at, end: at }, `**MAXIMUS guideline:** ${MASSAGE_CITATION}\n\n`]]);
  assertEditRanges(text, f);
  const fixed = assertFixResolves(text, f);
  assert.equal(fixed, replaceOnce(CLEAN_MD, MASSAGE_MX, `**MAXIMUS guideline:** ${MASSAGE_CITATION}`));
});

test('a line that names no guideline: reported on its text; the suggestion puts the citation before it and deletes nothing', () => {
  const text = replaceOnce(CLEAN_MD, MASSAGE_MX, '**MAXIMUS guideline:** See the rationale below.');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'See the rationale below.'), severity: 'error' });
  assert.match(f.message, /names no guideline/);
  const at = spanOf(text, 'See the rationale below.').start;
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[{ start: at, end: at }, `${MASSAGE_CITATION} `]]);
  assert.equal(assertFixResolves(text, f), replaceOnce(text, 'See the rationale below.', `${MASSAGE_CITATION} See the rationale below.`));
});

test('"did not cite any medical evidence" on an ordinary item: reported on the sentence', () => {
  const text = replaceOnce(CLEAN_MD, MASSAGE_MX, `**MAXIMUS guideline:** ${NO_CITATION}`);
  const f = assertOne(text, RULE, { range: rangeOf(text, NO_CITATION), severity: 'error' });
  assert.match(f.message, /acceptable only for services associated with a denied surgery/);
  assert.deepEqual(firstFix(f).edits.map((e) => e.newText), [MASSAGE_CITATION]);
  assertFixResolves(text, f);
});

test('"did not cite" among other words of the reviewer: only the standard sentence is replaced (fuzz: the whole value and its line breaks were)', () => {
  const value = `See the notes.\n${NO_CITATION}`;
  const text = replaceOnce(CLEAN_MD, MASSAGE_MX, `**MAXIMUS guideline:** ${value}`);
  const f = findingsOf(text, RULE)[0];
  assert.ok(f, 'reported');
  const at = text.indexOf(NO_CITATION);
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span.start, e.span.end, e.newText]), [[at, at + NO_CITATION.length, MASSAGE_CITATION]]);
  assert.match(assertFixResolves(text, f), /See the notes\.\n/);
});

test('an empty line: reported on the label; the fix puts the citation after the bold label, as the seed writes it', () => {
  const text = replaceOnce(CLEAN_MD, MASSAGE_MX, '**MAXIMUS guideline:**');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'MAXIMUS guideline:', MASSAGE_TITLE), severity: 'error' });
  assert.match(f.message, /empty MAXIMUS guideline/);
  const at = spanOf(text, '**MAXIMUS guideline:**', MASSAGE_TITLE).end;
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[{ start: at, end: at }, ` ${MASSAGE_CITATION}`]]);
  assertEditRanges(text, f);
  const fixed = assertFixResolves(text, f);
  const line = fixed.slice(fixed.indexOf('MAXIMUS guideline:', fixed.indexOf(MASSAGE_TITLE)) - 2).split('\n')[0];
  assert.equal(line, `**MAXIMUS guideline:** ${MASSAGE_CITATION}`);
});

test('the citation offered for lumbar physical therapy is MTUS physical medicine, not an ODG row for another body part', () => {
  const text = replaceOnce(CLEAN_MD, `${PT_MX}\n\n`, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE'), severity: 'error' });
  assert.deepEqual(firstFix(f).edits.map((e) => e.newText), ['**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Page(s): 98-99.\n\n']);
  assert.equal(firstFix(f).title, 'Cite Chronic Pain Medical Treatment page(s) 98, 99');
  assertFixResolves(text, f);
});

test('plain text: the inserted line has no asterisks', () => {
  const mx = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Massage therapy.\n\n';
  const text = replaceAfter(CLEAN_TXT, 'Massage therapy times 6 sessions', mx, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Massage therapy times 6 sessions for the neck'), severity: 'error' });
  const at = text.indexOf('Decision rationale:', text.indexOf('Massage therapy times 6'));
  assert.deepEqual(firstFix(f).edits.map((e) => [e.span, e.newText]), [[{ start: at, end: at }, `MAXIMUS guideline: ${MASSAGE_CITATION}\n\n`]]);
  assertFixResolves(text, f);
});

test('a treatment the table does not know: the fix inserts a template whose slots are then flagged as placeholders', () => {
  let text = replaceOnce(CLEAN_MD, 'MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK:** Upheld', 'TOPICAL LIDOCAINE PATCH #30:** Upheld');
  text = replaceOnce(text, `${MASSAGE_MX}\n\n`, '');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'TOPICAL LIDOCAINE PATCH #30'), severity: 'error' });
  const fix = firstFix(f);
  assert.equal(fix.title, 'Insert a citation line to fill in');
  const fixed = applyEdits(text, fix.edits);
  assert.deepEqual(findingsOf(fixed, RULE), []);
  assert.deepEqual(lintText(fixed).findings.map((x) => `${x.ruleId}:${fixed.slice(x.span.start, x.span.end)}`), ['unfilled-placeholder:[GUIDELINE]', 'unfilled-placeholder:[SECTION]']);
});

const SURGERY_ITEMS = `
**RIGHT SHOULDER ARTHROSCOPY WITH ROTATOR CUFF REPAIR:** Upheld

**Claims Administrator guideline:** Decision based on Non-MTUS Citation Official Disability Guidelines (ODG).

**MAXIMUS guideline:** Decision based on MTUS Shoulder Complaints 2004, Section(s): Surgical Considerations.

**Decision rationale:** The MTUS ACOEM guidelines recommend surgery after failure of conservative care when imaging corroborates the clinical findings. In this case, there is no documentation of a trial of conservative care. Therefore, the request is not medically necessary.

**Associated surgical service: Cold compression therapy 30 day rental:** Upheld

**Claims Administrator guideline:** The Claims Administrator did not cite any medical evidence for its decision.

**MAXIMUS guideline:** ${NO_CITATION}

**Decision rationale:** As the requested surgical intervention is not medically necessary per the documentation, the requested ancillary service is not medically necessary.

**Post-op physical therapy 2 times a week for 4 weeks:** Upheld

**Claims Administrator guideline:** The Claims Administrator did not cite any medical evidence for its decision.

**MAXIMUS guideline:** ${NO_CITATION}

**Decision rationale:** As the requested surgical intervention is not medically necessary per the documentation, the requested ancillary service is not medically necessary.
`;

test('negative: "did not cite" on items associated with a denied surgery (by title or by rationale) is legitimate', () => {
  const text = CLEAN_MD + SURGERY_ITEMS;
  assert.equal(lintText(text).model.items.length, 5);
  assert.deepEqual(allIds(text), []);
});

test('negative: the same "did not cite" line is reported once the rationale no longer ties the item to the surgery', () => {
  const text = replaceAfter(
    CLEAN_MD + SURGERY_ITEMS,
    '**Post-op physical therapy',
    'As the requested surgical intervention is not medically necessary per the documentation, the requested ancillary service is not medically necessary.',
    'Physical therapy is not supported without documented functional deficits. Therefore, the request is not medically necessary.',
  );
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].range, rangeOf(text, NO_CITATION, '**Post-op physical therapy'));
});

test('negative: Non-MTUS, ODG and peer-reviewed literature citations name a guideline', () => {
  for (const c of [
    'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter.',
    'Decision based on Non-MTUS Citation Smith et al., Spine 2012.',
    'Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 60.',
  ]) {
    assert.deepEqual(findingsOf(replaceOnce(CLEAN_MD, MASSAGE_MX, `**MAXIMUS guideline:** ${c}`), RULE), [], c);
  }
});
