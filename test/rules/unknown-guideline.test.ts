import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeOf, replaceOnce } from './helpers.ts';

const RULE = 'unknown-guideline';
const MX = 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.';
const cite = (c: string, base = CLEAN_MD) => replaceOnce(base, MX, c);

test('a misspelt MTUS part: warning on the citation (without its final period), naming the part', () => {
  const text = cite('Decision based on MTUS Chronc Pain Medical Treatment 2016, Section(s): Massage therapy.');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Chronc Pain Medical Treatment 2016, Section(s): Massage therapy'), severity: 'warning' });
  assert.match(f.message, /"Chronc Pain Medical Treatment" is not a part of MTUS/);
  assert.match(f.message, /Non-MTUS Citation/);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('of two MTUS parts, only the unknown one is reported', () => {
  const text = cite('Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Chronc Pain Medical Treatment 2016, Section(s): Massage therapy.');
  const fs = findingsOf(text, RULE);
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].range, rangeOf(text, 'Chronc Pain Medical Treatment 2016, Section(s): Massage therapy'));
});

test('a part that is not in MTUS at all ("Massage Therapy Guidelines") cited as MTUS', () => {
  const text = cite('Decision based on MTUS Massage Therapy Guidelines Page(s): 60.');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Massage Therapy Guidelines Page(s): 60'), severity: 'warning' });
  assert.match(f.message, /"Massage Therapy Guidelines"/);
});

test('plain text: a citation wrapped over two lines', () => {
  const text = replaceOnce(
    CLEAN_TXT,
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Massage therapy.',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pian Medical Treatment 2016,\nSection(s): Massage therapy.',
  );
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Chronic Pian Medical Treatment 2016,\nSection(s): Massage therapy'), severity: 'warning' });
  assert.match(f.message, /"Chronic Pian Medical Treatment"/);
});

test('negative: known parts in their usual spellings, several parts, and Non-MTUS citations', () => {
  for (const c of [
    'Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 60.',
    'Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks.',
    'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Summary.',
    'Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Summary.',
    'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Neck and Upper Back.',
    'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy. Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed.',
  ]) {
    assert.deepEqual(findingsOf(cite(c), RULE), [], c);
  }
});
