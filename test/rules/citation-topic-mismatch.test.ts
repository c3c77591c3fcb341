import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadUserGuidelineTable } from '../../server/src/guidelines/table.ts';
import { CLEAN_MD, CLEAN_TXT, allIds, assertOne, findingsOf, rangeAt, rangeOf, replaceOnce, spanOf } from './helpers.ts';

const RULE = 'citation-topic-mismatch';
// The second item of the clean fixtures: massage for the neck, cited to Chronic Pain, Massage therapy.
const TITLE_MD = '**MASSAGE THERAPY TIMES 6 SESSIONS FOR THE NECK:** Upheld';
const MX = 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.';

/** The clean letter with the second item's title and MAXIMUS citation replaced. */
function item(title: string, citation: string, base = CLEAN_MD): string {
  return replaceOnce(replaceOnce(base, TITLE_MD, `**${title}:** Upheld`), MX, citation);
}

test('the Low Back chapter cited for a neck MRI: warning on the citation, the item related', () => {
  const text = item('MRI OF THE CERVICAL SPINE', 'Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Low Back Complaints 2004, Section(s): Special Studies'), severity: 'warning' });
  assert.equal(
    f.message,
    'The MAXIMUS guideline cites "Low Back Complaints" (the low back and thoracic spine) for "MRI OF THE CERVICAL SPINE" (the neck). Cite the chapter or section about this item, or check the item.',
  );
  assert.deepEqual(f.related.map((r) => [r.message, r.range]), [['the disputed item', rangeOf(text, 'MRI OF THE CERVICAL SPINE')]]);
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(allIds(text), [RULE]);
});

test('an epidural-injection section cited for an MRI request: the section and the kinds are named', () => {
  const text = item('MRI OF THE LUMBAR SPINE', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Epidural steroid injections (ESIs).');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Chronic Pain Medical Treatment 2016, Section(s): Epidural steroid injections (ESIs)', '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical'), severity: 'warning' });
  assert.match(f.message, /cites the section "Epidural steroid injections \(ESIs\)" \(an injection\) for "MRI OF THE LUMBAR SPINE" \(imaging\)/);
});

test('real patterns: infrared therapy judged as thermography (CM16-0235869), an oral NSAID as a topical analgesic (CM17-0011517)', () => {
  const infrared = item('FOUR SESSIONS OF INFRARED THERAPY TWO TIMES A WEEK TIMES 2 WEEKS', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Thermography (infrared stress thermography).');
  const f = assertOne(infrared, RULE, { range: rangeOf(infrared, 'Chronic Pain Medical Treatment 2016, Section(s): Thermography (infrared stress thermography)'), severity: 'warning' });
  assert.match(f.message, /the section "Thermography \(infrared stress thermography\)" \(imaging\) for "FOUR SESSIONS OF INFRARED THERAPY .*" \(physical medicine\)/);
  const oral = item('VOLTAREN 75MG #60 WITH 3 REFILLS', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics.');
  const g = assertOne(oral, RULE, { range: rangeOf(oral, 'Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics'), severity: 'warning' });
  assert.match(g.message, /the section "Topical analgesics" \(a topical medication\) for "VOLTAREN 75MG #60 WITH 3 REFILLS" \(medication\)/);
});

test('the knee chapter of ODG cited for a shoulder MRI (Non-MTUS citation naming ODG)', () => {
  const text = item('MRI OF THE RIGHT SHOULDER', 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee & Leg, MRI.');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Official Disability Guidelines (ODG) Knee & Leg, MRI'), severity: 'warning' });
  assert.match(f.message, /"Official Disability Guidelines \(ODG\) Knee & Leg, MRI" \(the knee\) for "MRI OF THE RIGHT SHOULDER" \(the shoulder\)/);
});

test('two citations that both miss: one finding over both, both named', () => {
  const text = item('MRI OF THE LEFT KNEE', 'Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies, and Shoulder Complaints 2004, Section(s): Special Studies.');
  const f = assertOne(text, RULE, { range: rangeOf(text, 'Low Back Complaints 2004, Section(s): Special Studies, and Shoulder Complaints 2004, Section(s): Special Studies'), severity: 'warning' });
  assert.match(f.message, /"Low Back Complaints" \(the low back and thoracic spine\) and "Shoulder Complaints" \(the shoulder\) for "MRI OF THE LEFT KNEE" \(the knee\)/);
});

test('plain text: the citation wrapped over two lines (a real letter pattern, CM17-0001064)', () => {
  const text = replaceOnce(
    replaceOnce(CLEAN_TXT, 'Massage therapy times 6 sessions for the neck: Upheld', 'MRI right knee: Upheld'),
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Massage therapy.',
    'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s):\nSpecial Studies.',
  );
  const s = spanOf(text, 'Low Back Complaints 2004, Section(s):\nSpecial Studies');
  const f = assertOne(text, RULE, { range: rangeAt(text, s.start, s.end), severity: 'warning' });
  assert.match(f.message, /for "MRI right knee" \(the knee\)/);
});

test('negative: any cited part that fits is enough; general parts fit anything', () => {
  for (const [title, c] of [
    // Multi-part citation: the second part fits.
    ['MRI OF THE CERVICAL SPINE', 'Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Neck and Upper Back Complaints 2004, Section(s): Special Studies.'],
    // General parts.
    ['MRI OF THE CERVICAL SPINE', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Introduction.'],
    ['PHYSICAL THERAPY FOR THE HEAD', 'Decision based on MTUS General Approaches 2004, Section(s): Initial Approaches to Treatment.'],
    ['FUNCTIONAL CAPACITY EVALUATION FOR THE KNEE', 'Decision based on MTUS Independent Medical Examinations and Consultations, Section(s): Chapter 7.'],
    // Thoracic spine is in both spine chapters.
    ['X-RAYS OF THE THORACIC SPINE', 'Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.'],
    ['X-RAYS OF THE THORACIC SPINE', 'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies.'],
    // A broad word ("back") fits either spine chapter.
    ['BACK SUPPORT', 'Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods.'],
    // Kinds that agree, and sections the table does not know (unknown fits).
    ['LUMBAR EPIDURAL STEROID INJECTION', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Epidural steroid injections (ESIs).'],
    ['EMG/NCV OF THE BILATERAL UPPER EXTREMITIES', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Electrodiagnostic testing (EMG/NCS).'],
    ['RIGHT L5-S1 EPIDURAL STEROID INJECTION', 'Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods.'],
    ['PULSED ULTRASOUND 2 TIMES A WEEK FOR 4 WEEKS', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Ultrasound, therapeutic.'],
    ['VOLTAREN GEL 1% #100 GRAMS', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics.'],
    ['COMPOUND KETOPROFEN 20%, 240 GRAMS', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics.'],
    ['FLECTOR 1.3% TRANSDERMAL PATCH', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs (non-steroidal anti-inflammatory drugs).'],
    ['CUSTOM TOUCH BACK HEAT THERAPY PAD', 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back Chapter, Heat therapy.'],
    ['INFRARED STRESS THERMOGRAPHY', 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Thermography (infrared stress thermography).'],
    // Acupuncture adjuncts cited to the Acupuncture guidelines (real letters do).
    ['INFRARED HEAT TO THE LOW BACK TWO TIMES A WEEK TIMES SIX WEEKS', 'Decision based on MTUS Acupuncture Treatment.'],
    // Nothing known about the item, or about the citation.
    ['MEDICAL CLEARANCE', 'Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.'],
    ['MRI OF THE LEFT KNEE', 'Decision based on Non-MTUS Citation Smith J. Imaging of the lumbar spine. Spine 2010;35:1-9.'],
    ['PRE-OP LABS: PT/PTT', 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Preoperative lab testing.'],
    // ODG's Pain chapter is general.
    ['MRI SCAN OF THE CERVICAL SPINE', 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain, MRI.'],
  ] as const) {
    assert.deepEqual(findingsOf(item(title, c), RULE), [], `${title} / ${c}`);
  }
});

test('negative: a "did not cite" item and the clean fixtures', () => {
  assert.deepEqual(findingsOf(CLEAN_MD, RULE), []);
  assert.deepEqual(findingsOf(CLEAN_TXT, RULE), []);
  const text = item('MRI OF THE LEFT KNEE', 'The Expert Reviewer did not cite any medical evidence for its decision.');
  assert.deepEqual(findingsOf(text, RULE), []);
});

test('topics are data: a user table adds a chapter, and an unknown region id is rejected with its path', () => {
  const table = loadUserGuidelineTable(JSON.stringify({ rows: [], topics: { chapters: [{ names: ['eye'], regions: ['eye'] }], regions: [{ id: 'eye', words: ['eye', 'eyes'] }] } }), 'my.json');
  const text = item('EYE EXAMINATION', 'Decision based on MTUS Knee Complaints 2004, Section(s): Summary.');
  assert.deepEqual(findingsOf(text, RULE), [], 'the default table knows no eye region');
  const f = findingsOf(text, RULE, { guidelines: table });
  assert.equal(f.length, 1);
  assert.match(f[0].message, /"Knee Complaints" \(the knee\) for "EYE EXAMINATION" \(the eye\)/);
  assert.throws(
    () => loadUserGuidelineTable(JSON.stringify({ rows: [], topics: { chapters: [{ names: ['eye'], regions: ['eyes'] }] } }), 'bad.json'),
    /Invalid guideline table bad\.json: topics\.chapters\[0\]\.regions\[0\]: unknown region "eyes"/,
  );
  assert.throws(() => loadUserGuidelineTable(JSON.stringify({ rows: [], topics: { chapters: [{ names: [] }] } }), 'bad.json'), /topics\.chapters\[0\]\.names/);
});
