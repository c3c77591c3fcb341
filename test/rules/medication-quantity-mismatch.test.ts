import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedQuantity, parseMedication } from '../../server/src/parse/medication.ts';
import { CLEAN_MD, CLEAN_TXT, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'medication-quantity-mismatch';
const TITLE_MD = '**MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK:** Upheld';
const MX = 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.';
const OPIOIDS = 'Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment.';
/** The clean letter with the second item's title replaced by a medication request. */
const med = (title: string) => replaceOnce(replaceOnce(CLEAN_MD, TITLE_MD, `**${title}:** Upheld`), MX, OPIOIDS);

test('twice daily for 14 days, #40: warning on the quantity, the dosing related, 28 expected', () => {
  const text = med('Norco 10/325mg one tablet twice daily for 14 days, #40');
  const f = assertOne(text, RULE, { range: rangeOf(text, '#40'), severity: 'warning' });
  assert.equal(
    f.message,
    "The quantity #40 disagrees with the request's own dosing: one tablet, twice daily, for 14 days adds up to 28. Check the quantity, the dose, the frequency or the duration.",
  );
  assert.deepEqual(
    f.related.map((r) => [r.message, r.range]),
    [['dose', rangeOf(text, 'one tablet')], ['frequency', rangeOf(text, 'twice daily')], ['duration', rangeOf(text, 'for 14 days')]],
  );
  assert.deepEqual(f.fixes, []);
});

test('other wordings of dose, frequency, duration and quantity', () => {
  for (const [title, quantity, expected] of [
    ['Tramadol 50mg 1 tab by mouth every 12 hours x 30 days #90', '#90', '60'],
    ['Gabapentin 300mg take 2 capsules three times a day for 2 weeks, quantity: 60', 'quantity: 60', '84'],
    ['Ibuprofen 800mg one tablet t.i.d., 30-day supply (60 tablets)', '(60 tablets)', '90'],
    ['Lidoderm 5% patch, apply 1 patch daily for 30 days, #60', '#60', '30'],
    ['Gabapentin 300mg 1 capsule three times daily for one month #120', '#120', '84-93'],
  ]) {
    const text = med(title);
    const f = assertOne(text, RULE, { range: rangeOf(text, quantity), severity: 'warning' });
    assert.match(f.message, new RegExp(`adds up to ${expected}\\.`), title);
  }
});

test('as needed: the dosing is a ceiling; more than the most it allows is reported', () => {
  const text = med('Norco 10/325mg 1-2 tabs every 4-6 hours as needed for 10 days #150');
  const f = assertOne(text, RULE, { range: rangeOf(text, '#150'), severity: 'warning' });
  assert.match(f.message, /adds up to 40-120 at most \(as needed\)/);
  assert.deepEqual(findingsOf(med('Norco 10/325mg 1-2 tabs every 4-6 hours as needed for 10 days #30'), RULE), [], 'fewer is fine');
});

test('a strength stated two ways in the same title: warning on the second, the first related', () => {
  const text = med('Norco 10/325mg #60, one tablet every 6 hours as needed; continue Norco 5/325mg');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Norco 5/325mg'), severity: 'warning' });
  assert.equal(f.message, 'The request states two strengths of Norco: "Norco 10/325mg" and "Norco 5/325mg". Keep the strength that was requested.');
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['the first strength', rangeOf(text, 'Norco 10/325mg')]]);
});

test('partial certification: the original request and the remaining portion are compared, not the authorized part', () => {
  const flagged = med('Norco 10/325mg #60 was the original request. Norco 10/325mg #30 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Norco 7.5/325mg #30 is');
  assertOne(flagged, RULE, { range: rangeOf(flagged, 'Norco 7.5/325mg'), severity: 'warning' });
  // A modification to another strength by the Claims Administrator is not the request's inconsistency.
  const ok = med('Norco 10/325mg #60 was the original request. Norco 5/325mg #30 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Norco 10/325mg #30 is');
  assert.deepEqual(findingsOf(ok, RULE), []);
  // The quantity of the original request is the one checked against its dosing.
  const orig = med('Naproxen 550mg one tablet twice daily for 30 days #60 was the original request. Naproxen 550mg #30 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Naproxen 550mg #30 is');
  assert.deepEqual(findingsOf(orig, RULE), []);
});

test('plain text: a title wrapped over two lines', () => {
  const text = replaceOnce(
    replaceOnce(CLEAN_TXT, 'Massage therapy times 6 sessions for the neck: Upheld', 'Norco 10/325mg one tablet twice daily for\n14 days, #40: Upheld'),
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Massage therapy.',
    `MAXIMUS guideline: ${OPIOIDS}`,
  );
  const f = assertOne(text, RULE, { range: rangeOf(text, '#40'), severity: 'warning' });
  const d = spanOf(text, 'for\n14 days');
  assert.deepEqual(f.related[2].range, rangeAt(text, d.start, d.end));
  assert.match(f.message, /one tablet, twice daily, for 14 days adds up to 28/);
});

test('negative: consistent requests, refills, and anything not explicit', () => {
  for (const title of [
    'Norco 10/325mg one tablet twice daily for 14 days, #28',
    'Omeprazole 20mg 1 capsule daily for 90 days #30 with 2 refills',
    'Gabapentin 300mg 1 capsule three times daily for one month #90',
    // Real titles: no duration, no dosing, weights and volumes, an unknown quantity.
    'Lorzone 750mg one by mouth three times a day #45',
    'Tramadol (Ultram) 50mg take 1 tab orally every 4-6 hours as needed for moderate to severe pain #30',
    'Oxycodone HCL ER 20mg #60 day supply: 30',
    'Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill',
    'Ibuprofen 600mg #90 with 2 refill',
    'Deprizine (unknown quantity)',
    'Flurbiprofen 20%, Baclofen 5%, Dexamethasone 2%, Menthol 2%, Capsaicin 0.025% in cream base',
    'Norco 10/325mg #60 and Norco 10-325 mg refill',
    // Not a medication.
    'Physical therapy 2 times a week for 6 weeks #12',
  ]) {
    assert.deepEqual(findingsOf(med(title), RULE), [], title);
  }
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
});

test('the parser (server/src/parse/medication.ts) reads each figure only when it is explicit', () => {
  const r = parseMedication('Norco 10/325mg 1-2 tabs every 4-6 hours as needed for 10 days #80 with 1 refill');
  assert.deepEqual([r.dose?.value, r.frequency?.value, r.days?.value, r.quantity?.value, r.refills, r.asNeeded], [{ min: 1, max: 2 }, { min: 4, max: 6 }, { min: 10, max: 10 }, 80, 1, true]);
  assert.deepEqual(expectedQuantity(r), { min: 40, max: 120 });
  assert.deepEqual(r.strengths.map((s) => [s.drug, s.value, s.unit]), [['norco', '10/325', 'mg']]);
  const none = parseMedication('Norco 10/325mg #60 day supply: 30');
  assert.deepEqual([none.dose, none.frequency, none.days?.value, none.quantity?.value], [undefined, undefined, { min: 30, max: 30 }, 60]);
  assert.equal(expectedQuantity(none), undefined);
  // Long input is cut, never scanned quadratically.
  const t0 = performance.now();
  parseMedication('1 '.repeat(200000) + 'tablet');
  assert.ok(performance.now() - t0 < 1000);
});
