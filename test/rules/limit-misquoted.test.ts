import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadUserGuidelineTable } from '../../server/src/index.ts';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, toCrlf } from './helpers.ts';

const RULE = 'limit-misquoted';
const MASSAGE_QUOTE = 'limit it to 4-6 visits in most cases';
const PT_QUOTE = 'recommend 9-10 visits over 8 weeks for myalgia and myositis';
const PT_TITLE = '**PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE:** Overturned';
const CHIRO_TITLE = '**CHIROPRACTIC MANIPULATION TIMES 6 SESSIONS FOR THE LOW BACK:** Overturned';
const massage = (quote: string) => replaceOnce(CLEAN_MD, MASSAGE_QUOTE, quote);
const pt = (quote: string) => replaceOnce(CLEAN_MD, PT_QUOTE, quote);
/** The first item as a chiropractic request whose rationale's first sentence is `sentence`. */
const chiro = (sentence: string) => {
  const text = replaceOnce(CLEAN_MD, PT_TITLE, CHIRO_TITLE);
  const first = 'The MTUS Chronic Pain Medical Treatment Guidelines recommend 9-10 visits over 8 weeks for myalgia and myositis, with fading of treatment frequency plus active self-directed home physical medicine.';
  return replaceOnce(text, first, sentence);
};

test('"limit it to 4-8 visits" for massage: warning on the figure, naming the table\'s 4-6 visits on page 60', () => {
  const text = massage('limit it to 4-8 visits in most cases');
  const f = assertOne(text, RULE, { range: rangeOf(text, '4-8 visits'), severity: 'warning' });
  assert.equal(f.message, 'The rationale quotes a guideline figure for massage therapy that the guideline table does not give so: "4-8 visits": no source of the table gives it. For this item the table gives MTUS Chronic Pain Medical Treatment, page(s) 60: 4-6 visits. Check the guideline text and correct the figures (or add their source to the guideline table).');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['Guidelines cited for the item', rangeOf(text, 'MAXIMUS guideline:', 'NECK:**')]]);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('the non-standard chiropractic quote of letter 04: one warning over both figures of the sentence', () => {
  const sentence = 'The MTUS Chronic Pain Guidelines recommend manipulation for a trial treatment of 4-6 visits over 2 weeks, and with evidence of objective functional improvement a total of up to 16 visits over 6-8 weeks.';
  const text = chiro(sentence);
  const start = text.indexOf('4-6 visits over 2 weeks');
  const end = text.indexOf('16 visits over 6-8 weeks') + '16 visits over 6-8 weeks'.length;
  const f = assertOne(text, RULE, { range: rangeAt(text, start, end), severity: 'warning' });
  assert.match(f.message, /^The rationale quotes guideline figures for chiropractic/);
  assert.match(f.message, /"4-6 visits over 2 weeks": the table has this count \(MTUS Chronic Pain Medical Treatment, Manual therapy & manipulation: 4-6 treatments/);
  assert.match(f.message, /"16 visits over 6-8 weeks": no source of the table gives it/);
  assert.match(f.message, /For this item the table gives MTUS Chronic Pain Medical Treatment, page\(s\) 58, 59: trial of 6 visits over 2 weeks; up to 18 visits over 6-8 weeks/);
});

test('"up to 16 visits" alone is a warning; with a user table row giving it, nothing (limits are data)', () => {
  const text = chiro('The MTUS Chronic Pain Guidelines allow up to 16 visits of manipulation for the low back.');
  assertOne(text, RULE, { range: rangeOf(text, '16 visits'), severity: 'warning' });
  const table = loadUserGuidelineTable(JSON.stringify({
    rows: [{ id: 'chiropractic-local', treatment: 'chiropractic', names: ['chiropractic'], source: 'other', guideline: { part: 'Local protocol' }, limit: { max: 16, unit: 'visits', text: 'up to 16 visits' }, confirmed: false }],
  }), 'local.json');
  assert.deepEqual(findingsOf(text, RULE, { guidelines: table }), []);
});

test('information: a figure of another source than the one the sentence names (CRPS: ODG 26 attributed to MTUS)', () => {
  const text = pt('recommend 9-10 visits over 8 weeks for myalgia and myositis, 8-10 visits over 4 weeks for neuralgia and 26 visits over 16 weeks for CRPS');
  const f = assertOne(text, RULE, { range: rangeOf(text, '26 visits over 16 weeks'), severity: 'info' });
  assert.match(f.message, /"26 visits over 16 weeks" is the figure of ODG Physical Medicine Guidelines, not of MTUS\./);
  assert.match(f.message, /Name the guideline the figures are from\.$/);
  // Attributed to ODG, or to no guideline in its sentence, it is what the table says.
  const odg = replaceOnce(CLEAN_MD, 'In this case, the injured worker has not had', 'The ODG Physical Therapy Guidelines allow 26 visits over 16 weeks for CRPS. In this case, the injured worker has not had');
  assert.deepEqual(findingsOf(odg, RULE), []);
});

test('information: the table\'s count over another period', () => {
  const text = pt('recommend up to 8-10 sessions over 4-8 weeks for myalgia and neuralgia');
  const f = assertOne(text, RULE, { range: rangeOf(text, '8-10 sessions over 4-8 weeks'), severity: 'info' });
  assert.match(f.message, /the table has this count \(MTUS Chronic Pain Medical Treatment, page\(s\) 98, 99: 8-10 visits over 4 weeks/);
});

test('plain text with CRLF: the figure wrapped over a line', () => {
  const text = toCrlf(replaceOnce(CLEAN_TXT, 'limit it to 4-6 visits', 'limit it to 4-8\nvisits'));
  const f = assertOne(text, RULE, { range: rangeOf(text, '4-8\r\nvisits'), severity: 'warning' });
  assert.match(f.message, /"4-8 visits": no source of the table gives it/);
});

test('negative: the standard figures, however written and attributed', () => {
  for (const quote of [
    'recommend 9-10 visits over 8 weeks for myalgia and myositis',
    'recommend 8-10 visits over 4 weeks for neuralgia, neuritis, and radiculitis',
    'recommend 24 visits over 16 weeks for CRPS',
    'recommend up to 10 visits of physical therapy over eight weeks for myalgia',
    'allow for fading of treatment frequency (from up to 3 visits per week to 1 or less) for myalgia',
    'recommend, per ODG, 10 visits over 8 weeks for a neck sprain and 9 visits over 8 weeks for arthritis',
  ]) {
    assert.deepEqual(findingsOf(pt(quote), RULE), [], quote);
  }
  const trial = replaceOnce(CLEAN_MD, 'In this case, the injured worker has not had', 'The ODG Preface states that patients should be formally assessed after a six-visit clinical trial. In this case, the injured worker has not had');
  assert.deepEqual(findingsOf(trial, RULE), []);
  for (const sentence of [
    'The MTUS Chronic Pain Guidelines recommend an initial trial of 6 visits over 2 weeks, and with objective functional improvement a total of up to 18 visits over 6-8 weeks.',
    'The time to produce effect is 4-6 treatments, as the MTUS guidelines state.',
    'If return to work is achieved, the guidelines recommend 1-2 visits every 4-6 months for flare-ups.',
  ]) {
    assert.deepEqual(findingsOf(chiro(sentence), RULE), [], sentence);
  }
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});

test('negative: counts of the patient\'s history or of the request are no quotations', () => {
  for (const quote of [
    'recommend 9-10 visits over 8 weeks for myalgia; the injured worker has completed 14 visits to date',
    'recommend 9-10 visits over 8 weeks; the request for 14 sessions exceeds the guideline',
    'recommend 9-10 visits over 8 weeks; 14 sessions were previously authorized',
  ]) {
    assert.deepEqual(findingsOf(pt(quote), RULE), [], quote);
  }
});

test('negative: a figure of another treatment the rationale speaks of (a massage item decided on the acupuncture guideline)', () => {
  const text = massage('limit it to 4-6 visits in most cases. The acupuncture guidelines recommend 3 to 6 treatments to produce functional improvement');
  assert.deepEqual(findingsOf(text, RULE), []);
});
