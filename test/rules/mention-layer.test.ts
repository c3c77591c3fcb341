// The kinds of mistake issue 8 lists, each as a letter of our own writing (the clean fixture with a
// sentence changed), against the shared mention layer: which request and review are the disputed ones,
// what makes two items the same, whose address it is, whom a pronoun stands for, ages and years of birth,
// misquoted figures, partial certifications over the limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_MD, CLEAN_TXT, assertOne, findingsOf, lintText, rangeOf, replaceOnce } from './helpers.ts';

const SUMMARY_END = 'claims administrator non-certified requests for physical therapy and massage therapy.';
const say = (sentence: string, base = CLEAN_TXT) => replaceOnce(base, SUMMARY_END, `${SUMMARY_END} ${sentence}`);
const reported = (text: string, rule: string) => findingsOf(text, rule).filter((f) => f.severity !== 'info');

test('the mention layer: events tell the disputed request from earlier ones', () => {
  const text = say('In August 2016, 12 sessions of physical therapy were authorized and attended. The current request is for 8 sessions of physical therapy.');
  const m = lintText(text).model.mentions;
  const told = m.events.filter((e) => m.sentences[e.sentence].where === 'summary').map((e) => [text.slice(m.sentences[e.sentence].span.start, m.sentences[e.sentence].span.end).slice(0, 20), e.disputed, e.why]);
  assert.deepEqual(told.slice(-2), [['In August 2016, 12 s', false, 'past-course'], ['The current request ', true, undefined]]);
});

test('kind 1: an earlier course, approved and attended, is not the disputed request', () => {
  for (const s of [
    'In August 2016, 12 sessions of physical therapy were authorized and attended.',
    'She previously completed 12 sessions of physical therapy with benefit.',
    'A prior request for 12 sessions of physical therapy was approved in June 2016.',
  ]) assert.deepEqual(reported(say(s), 'request-count-mismatch'), [], s);
  // The disputed request told with another count is still found.
  const text = say('The current request is for 12 sessions of physical therapy.');
  assertOne(text, 'request-count-mismatch', { range: rangeOf(text, '12 sessions'), severity: 'warning' });
});

test('kind 1: an earlier review of another request, a year before, is not the disputed review', () => {
  const text = say('A utilization review dated 10/20/2015 had certified a lumbar MRI.');
  assert.deepEqual(findingsOf(text, 'ur-date-mismatch'), []);
  // Its date is another review's, not the UR's.
  assert.equal(lintText(text).model.dates.find((d) => d.raw === '10/20/2015')?.role, 'other');
});

test('kind 1, reversed: "prior review dated", "previously reviewed on", "the original utilization review, dated" are the disputed review', () => {
  for (const [s, date] of [
    ['A prior review dated 11/09/2016 non-certified the physical therapy.', '11/09/2016'],
    ['The request was previously reviewed on 11/01/2016 and denied.', '11/01/2016'],
    ['The original utilization review, dated 11/04/2016, denied the request.', '11/04/2016'],
    ['The original utilization review (11/02/2016) denied the request.', '11/02/2016'],
    ['A prior denial was made on 11/05/2016 for the physical therapy.', '11/05/2016'],
    ['The requested physical therapy for the lumbar spine, eight sessions, was non-certified by the claims administrator on 11/07/2016.', '11/07/2016'],
  ]) {
    const text = say(s);
    assertOne(text, 'ur-date-mismatch', { range: rangeOf(text, date), severity: 'warning' });
  }
  // Decision wording: the review's form or letter, its decision date, "denied certification on", and a
  // sentence that opens with the date and tells the decision.
  for (const [s, date] of [
    ['The Utilization Review (UR) letter is dated 11/08/2016.', '11/08/2016'],
    ['The utilization review report, with a decision date of 11/09/2016, modified the request.', '11/09/2016'],
    ['The claims administrator denied certification on 11/10/2016 for the requested treatment.', '11/10/2016'],
    ['The request was reviewed and denied on 11/11/2016.', '11/11/2016'],
    ['On 11/12/2016, the request for physical therapy was non-certified by utilization review.', '11/12/2016'],
    ['On 11/13/2016 the claims administrator failed to approve the massage therapy.', '11/13/2016'],
  ]) {
    const text = say(s);
    assertOne(text, 'ur-date-mismatch', { range: rangeOf(text, date), severity: 'warning' });
  }
  // Not the review's date: a report the review read, a request received on the date, a clause that dates
  // something else before the decision.
  for (const s of [
    'The progress report reviewed by Utilization Review (UR) was dated 11/08/2016.',
    'On 11/12/2016, a request was received, which was non-certified later.',
    'On 11/12/2016, the request dated 10/30/2016 was non-certified.',
  ]) assert.deepEqual(findingsOf(say(s), 'ur-date-mismatch'), [], s);
  // A typed year (same day and month) is the disputed review too.
  const typo = say('In a utilization review dated 11/03/2015, the request was denied.');
  assertOne(typo, 'ur-date-mismatch', { range: rangeOf(typo, '11/03/2015'), severity: 'warning' });
});

test('kind 1: the injury told as the injury itself is compared with the header', () => {
  for (const [s, date] of [
    ['The injury occurred on 10/16/2015 while lifting.', '10/16/2015'],
    ['She dates her symptoms to a work injury on 10/14/2015.', '10/14/2015'],
    ['She was hurt on the job on 10/12/2015.', '10/12/2015'],
    ['The records identify 10/11/2015 as the date of the industrial injury.', '10/11/2015'],
  ]) {
    const text = say(s);
    assertOne(text, 'injury-date-mismatch', { range: rangeOf(text, date), severity: 'error' });
  }
  // Another claim's injury date is not this claim's.
  assert.deepEqual(findingsOf(say('The records also reference a separate claim with a date of injury of 05/02/2014.'), 'injury-date-mismatch'), []);
});

/** A second item after the physical therapy item, with its own title. */
function withSecondItem(first: string, second: string): string {
  const block = (title: string) => `\n${title}: Upheld\n\nClaims Administrator guideline: The Claims Administrator did not cite any medical evidence\nfor its decision.\n\nMAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Physical medicine treatment.\n\nDecision rationale: The request is not supported. Therefore, the request is not medically\nnecessary.\n`;
  return `${CLEAN_TXT.trimEnd()}\n${block(first)}${block(second)}`;
}

test('kind 2: items sharing a treatment but differing in modality, adjunct or body part are not duplicates', () => {
  for (const [a, b] of [
    ['Physical therapy with ultrasound times 6 sessions', 'Physical therapy with electrical stimulation times 6 sessions'],
    ['Chiropractic treatment with massage times 6 for the lumbar spine', 'Chiropractic treatment with traction times 6 for the lumbar spine'],
    ['Acupuncture times 6 for the upper extremity', 'Acupuncture times 6 for the lower extremity'],
  ]) assert.deepEqual(findingsOf(withSecondItem(a, b), 'duplicate-item'), [], `${a} / ${b}`);
});

test('kind 2: the same drug with its words in another order is a duplicate', () => {
  const text = withSecondItem('Tramadol ER 150mg #30', 'Tramadol 150 mg ER #30');
  const f = assertOne(text, 'duplicate-item', { range: rangeOf(text, 'Tramadol 150 mg ER #30'), severity: 'warning' });
  assert.match(f.message, /the same words in another order/);
});

test('kind 3: a citation naming several guidelines over a line break is read part by part; another region\'s ODG chapter is a mismatch', () => {
  const several = replaceOnce(CLEAN_TXT, 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Physical medicine treatment.', 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Physical medicine treatment; and MTUS Chronic Pain\nMedical Treatment 2016, Section(s): Introduction.');
  assert.deepEqual(findingsOf(several, 'unknown-guideline'), []);
  const odg = replaceOnce(CLEAN_TXT, 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Physical medicine treatment.', 'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee &\nLeg Chapter, Physical therapy.');
  assert.equal(findingsOf(odg, 'citation-topic-mismatch').length, 1);
});

test('kind 4: the public address of the IMR organization or the Division is not PHI; the patient\'s is', () => {
  for (const s of [
    'Correspondence may be sent to MAXIMUS Federal Services, P.O. Box 138009, Sacramento, CA 95813.',
    "Requests for the file go to the Division of Workers' Compensation, 1515 Clay Street, Oakland, CA 94612.",
  ]) assert.deepEqual(findingsOf(say(s), 'unredacted-phi'), [], s);
  const text = say('The injured worker lives at 1234 Oak Street in Fresno.');
  assertOne(text, 'unredacted-phi', { range: rangeOf(text, '1234 Oak Street'), severity: 'warning' });
});

test('kind 5: a pronoun of the other sex about the patient\'s own visit, mid-paragraph', () => {
  const text = replaceOnce(CLEAN_TXT, 'On\nphysical examination, there was tenderness', 'At that visit,\nhe reported worse pain. On physical examination, there was tenderness');
  assertOne(text, 'pronoun-mismatch', { range: rangeOf(text, 'he', 'At that visit,\n'), severity: 'warning' });
  // After someone else is named before the patient, the pronoun is unclear.
  const other = say('The treating physician examined the injured worker and noted that he would request therapy.');
  assert.deepEqual(findingsOf(other, 'pronoun-mismatch'), []);
});

test('kind 5: an age contradicted by a stated year of birth', () => {
  const text = say('She was born in 1980.');
  const f = assertOne(text, 'age-mismatch', { range: rangeOf(text, '50', 'is a '), severity: 'error' });
  assert.match(f.message, /year of birth of 1980 makes the patient 35 or 36/);
  assert.deepEqual(findingsOf(say('She was born in 1966.'), 'age-mismatch'), []);
  // Another way of stating the age: "is a 56 y/o".
  const yo = say('On review, the injured worker is a 56 y/o female.');
  assertOne(yo, 'age-mismatch', { range: rangeOf(yo, '56'), severity: 'error' });
});

test('kind 5: a misquoted figure whose count only a row of another condition gives is a warning', () => {
  // 24 visits is the CRPS row's count (over 16 weeks), not a figure for myalgia over 12 weeks.
  const text = replaceOnce(CLEAN_TXT, 'recommend 9-10\nvisits over 8 weeks', 'recommend 24\nvisits over 12 weeks');
  const f = findingsOf(text, 'limit-misquoted');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  // The guideline's own wording "patients may receive" is a quotation, not the patient's history.
  const receive = replaceOnce(CLEAN_TXT, 'The MTUS Chronic Pain Medical Treatment Guidelines recommend 9-10\nvisits over 8 weeks', 'Per the MTUS Chronic Pain Medical Treatment Guidelines, patients may receive 19\nvisits over 8 weeks');
  assert.equal(findingsOf(receive, 'limit-misquoted').length, 1);
});

test('kind 6: a partial certification whose original request exceeds the limit is compared, however small the remaining part', () => {
  const text = replaceOnce(
    replaceOnce(CLEAN_TXT, 'Massage therapy times 6 sessions for the neck: Upheld', '12 sessions of acupuncture for the neck was the original request. 10 sessions were authorized by the\nClaims Administrator. The remaining IMR eligible portion of the original request, 2 sessions is:\nOverturned'),
    'Section(s): Massage therapy.', 'Acupuncture Medical Treatment Guidelines.',
  );
  const f = findingsOf(text, 'visits-over-limit');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].range, rangeOf(text, '12 sessions', ''));
});

test('the Markdown layout reads the same mentions', () => {
  const md = replaceOnce(CLEAN_MD, 'In a utilization review dated 11/03/2016', 'A prior review dated 11/01/2016 was noted. In a utilization review dated 11/03/2016');
  assertOne(md, 'ur-date-mismatch', { range: rangeOf(md, '11/01/2016'), severity: 'warning' });
});
