import { DEFAULT_TIMELINESS, DEFAULT_TOPICS } from './defaultTopics.js';
import type { GuidelineTableInput } from './schema.js';
import { DEFAULT_MEDICATIONS, DEFAULT_OPIOID_FACTORS } from './defaultMedications.js';

// The facts of DOMAIN.md ("Guideline limits"), as data. Figures marked confirmed: false are believed but
// not yet checked against a primary text; rules never raise more than information on them.
const PT_NAMES = [
  'physical therapy', 'physical medicine', 'physiotherapy', 'therapeutic exercise', 'therapeutic exercises',
  'occupational therapy', 'pt', 'ot', 'pt/ot', 'physical/occupational therapy', 'physical therapy evaluation', 'hand therapy',
];
const CHIRO_NAMES = ['chiropractic', 'chiropractor', 'chirophysio', 'chirophysio therapy', 'manipulation', 'cmt', 'chiropractic manipulative', 'manual therapy'];
const ACU_NAMES = ['acupuncture', 'electro-acupuncture', 'electroacupuncture', 'electro acupuncture'];
const POSTSURGICAL_WORDS = ['postsurgical', 'post-surgical', 'post surgical', 'postoperative', 'post-operative', 'post operative', 'post-op', 'postop', 'associated surgical service', 'after surgery', 'status post'];
/** One `unless`/`when` entry matching any postsurgical wording. */
const POSTSURGICAL = [POSTSURGICAL_WORDS.join('|')];
const CRPS = ['crps|reflex sympathetic|complex regional'];

export const DEFAULT_GUIDELINE_TABLE: GuidelineTableInput = {
  topics: DEFAULT_TOPICS,
  medications: DEFAULT_MEDICATIONS,
  opioidFactors: DEFAULT_OPIOID_FACTORS,
  timeliness: DEFAULT_TIMELINESS,
  mtusParts: [
    'Chronic Pain Medical Treatment', 'Chronic Pain Treatment', 'Chronic Pain', 'Low Back Complaints',
    'Neck and Upper Back Complaints', 'Shoulder Complaints', 'Elbow Disorders', 'Elbow Complaints',
    'Forearm, Wrist, and Hand Complaints', 'Forearm, Wrist and Hand Complaints', 'Knee Complaints',
    'Ankle and Foot Complaints', 'Stress Related Conditions', 'Eye', 'Postsurgical Treatment',
    'Acupuncture Medical Treatment', 'Acupuncture', 'Opioids', 'Opioid Treatment', 'Opioids Treatment',
    'Initial Approaches to Treatment', 'General Approaches', 'Pain, Suffering, and the Restoration of Function',
    'Cornerstones of Disability Prevention and Management', 'Work-Relatedness', 'Clinical Topics',
    'Occupational Medicine Practice Guidelines', 'ACOEM',
  ],
  rows: [
    {
      id: 'massage-mtus', treatment: 'massage therapy',
      names: ['massage therapy', 'massage', 'soft tissue release', 'soft tissue mobilization', 'myofascial release'],
      source: 'MTUS', guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009' }, pages: ['60'],
      sections: ['Massage therapy'],
      limit: { min: 4, max: 6, unit: 'visits', text: '4-6 visits' }, checkRequests: true, confirmed: true,
      conditions: 'Adjunct to other recommended treatment (e.g. exercise).',
    },
    {
      id: 'pt-myalgia-mtus', treatment: 'physical therapy', names: PT_NAMES, source: 'MTUS',
      guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009, 2016' }, pages: ['98', '99'],
      sections: ['Physical medicine treatment', 'Physical medicine'],
      limit: { min: 9, max: 10, unit: 'visits', weeks: 8, text: '9-10 visits over 8 weeks' },
      unless: [...POSTSURGICAL, ...CRPS],
      checkRequests: true, confirmed: true,
      conditions: 'Myalgia and myositis, unspecified; fade from 3 visits a week to 1 or less, plus active self-directed home exercise.',
    },
    {
      id: 'pt-neuralgia-mtus', treatment: 'physical therapy', names: PT_NAMES, source: 'MTUS',
      guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009, 2016' }, pages: ['98', '99'],
      sections: ['Physical medicine treatment', 'Physical medicine'],
      limit: { min: 8, max: 10, unit: 'visits', weeks: 4, text: '8-10 visits over 4 weeks' },
      unless: [...POSTSURGICAL, ...CRPS],
      checkRequests: true, confirmed: true, conditions: 'Neuralgia, neuritis and radiculitis, unspecified.',
    },
    {
      id: 'pt-crps-mtus', treatment: 'physical therapy', names: PT_NAMES, source: 'MTUS',
      guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009, 2016' }, pages: ['98', '99'],
      sections: ['Physical medicine treatment'],
      limit: { max: 24, unit: 'visits', weeks: 16, text: '24 visits over 16 weeks' },
      when: CRPS, checkRequests: true, confirmed: true,
      conditions: 'Reflex sympathetic dystrophy (CRPS).',
    },
    {
      id: 'pt-crps-odg', treatment: 'physical therapy', names: PT_NAMES, source: 'ODG',
      guideline: { part: 'ODG Physical Medicine Guidelines' },
      limit: { max: 26, unit: 'visits', weeks: 16, text: '26 visits over 16 weeks' },
      when: CRPS, confirmed: true,
      note: 'Letters quoting ODG give 26 where MTUS says 24; both are kept, keyed by source.',
    },
    ...([
      ['pt-cervicalgia-odg', ['cervicalgia|neck pain'], 9, 8, '9 visits over 8 weeks', 'Neck and Upper Back'],
      ['pt-neck-sprain-odg', ['neck|cervical', 'sprain|strain'], 10, 8, '10 visits over 8 weeks', 'Neck and Upper Back'],
      ['pt-rotator-cuff-odg', ['rotator cuff'], 10, 8, '10 visits over 8 weeks', 'Shoulder'],
      ['pt-lateral-epicondylitis-odg', ['lateral epicondylitis|tennis elbow'], 8, 5, '8 visits over 5 weeks', 'Elbow'],
      ['pt-arthritis-odg', ['arthritis'], 9, 8, '9 visits over 8 weeks', 'Knee'],
    ] as const).map(([id, when, max, weeks, text, chapter]) => ({
      id, treatment: 'physical therapy', names: PT_NAMES, source: 'ODG' as const,
      guideline: { part: `ODG ${chapter}` }, sections: ['Physical therapy'],
      limit: { max, unit: 'visits' as const, weeks, text }, when: [...when], unless: POSTSURGICAL,
      confirmed: true, conditions: 'Medical treatment (not postsurgical); ODG applies where MTUS is silent.',
    })),
    // Figures letters quote from ODG's physical therapy guidelines, so that quoting them is recognized
    // (limit-misquoted). They never decide a request (no checkRequests), and they share the MTUS rows'
    // `unless`, so the MTUS rows keep precedence wherever both apply.
    ...([
      ['pt-myalgia-odg', 9, 10, 8, '9-10 visits over 8 weeks', 'Myalgia and myositis, unspecified.', 'Quoted as ODG in CM17-0007886 (09.txt), CM17-0005177 (10.txt), CM17-0011517, CM17-0015849.'],
      ['pt-neuralgia-odg', 8, 10, 4, '8-10 visits over 4 weeks', 'Neuralgia, neuritis, and radiculitis, unspecified.', 'Quoted as ODG in CM17-0007886 (09.txt), CM17-0005177 (10.txt), CM17-0011517, CM17-0015849.'],
      ['pt-post-injection-odg', 1, 2, 1, '1-2 visits over 1 week', 'Post-injection treatment.', 'Quoted in CM17-0013754 (05.txt), CM17-0012517 (13.txt), CM17-0011517, CM17-0015849.'],
    ] as const).map(([id, min, max, weeks, text, conditions, note]) => ({
      id, treatment: 'physical therapy', names: PT_NAMES, source: 'ODG' as const,
      guideline: { part: 'ODG Physical Therapy Guidelines' }, sections: ['Preface'],
      limit: { min, max, unit: 'visits' as const, weeks, text }, unless: [...POSTSURGICAL, ...CRPS],
      confirmed: true, conditions, note,
    })),
    {
      id: 'pt-six-visit-trial-odg', treatment: 'physical therapy', names: PT_NAMES, source: 'ODG',
      guideline: { part: 'ODG Physical Therapy Guidelines' }, sections: ['Preface'],
      limit: { max: 6, unit: 'visits', text: 'formal assessment after a six-visit clinical trial' }, unless: [...POSTSURGICAL, ...CRPS],
      confirmed: true,
      note: 'Quoted in CM17-0013754 (05.txt), CM17-0006045, CM17-0010362, CM17-0016761, CM17-0020728.',
    },
    {
      id: 'pt-phalanx-fracture-odg', treatment: 'physical therapy', names: PT_NAMES, source: 'ODG',
      guideline: { part: 'ODG Forearm, Wrist, and Hand' }, sections: ['Physical therapy'],
      limit: { min: 8, max: 16, unit: 'visits', weeks: 10, text: 'fracture of one or more phalanges of the hand: minor, 8 visits over 5 weeks; post-surgical treatment, complicated, 16 visits over 10 weeks' },
      when: ['finger|phalan'], confirmed: true,
      note: 'Quoted in CM17-0016761 and CM16-0248233.',
    },
    {
      id: 'pt-headache-odg', treatment: 'physical therapy', names: PT_NAMES, source: 'ODG',
      guideline: { part: 'ODG Head' }, sections: ['Physical therapy'],
      limit: { max: 6, unit: 'visits', weeks: 6, text: 'headache: 6 visits over 6 weeks' },
      when: ['headache'], unless: POSTSURGICAL, confirmed: false,
      note: 'Quoted in CM17-0012593 ("treatment for headaches consists of 6 visits over 6 weeks"); not yet checked against the ODG text.',
    },
    {
      id: 'chiropractic-low-back-mtus', treatment: 'chiropractic', names: CHIRO_NAMES, source: 'MTUS',
      guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009, 2016' }, pages: ['58', '59'],
      sections: ['Manual therapy & manipulation', 'Manual therapy and manipulation'],
      limit: { max: 18, trialMax: 6, unit: 'visits', weeks: 6, weeksMax: 8, text: 'trial of 6 visits over 2 weeks; up to 18 visits over 6-8 weeks with objective functional improvement' },
      unless: ['neck|cervical'], checkRequests: true, confirmed: true,
      conditions: 'Low back; maintenance care not medically necessary.',
    },
    {
      id: 'chiropractic-flare-up-mtus', treatment: 'chiropractic', names: CHIRO_NAMES, source: 'MTUS',
      guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009, 2016' }, pages: ['58', '59'],
      sections: ['Manual therapy & manipulation'],
      limit: { min: 1, max: 2, unit: 'visits', text: 'recurrences/flare-ups: 1-2 visits every 4-6 months if return to work is achieved' },
      unless: ['neck|cervical'], confirmed: true,
      note: 'Quoted in CM16-0231706 (06.txt), CM16-0232182, CM16-0247660, CM17-0004738 (11.txt).',
    },
    {
      id: 'manual-therapy-effect-mtus', treatment: 'chiropractic', names: CHIRO_NAMES, source: 'MTUS',
      guideline: { part: 'Chronic Pain Medical Treatment', edition: '2016' }, sections: ['Manual therapy & manipulation'],
      limit: { min: 4, max: 6, unit: 'treatments', weeks: 8, text: '4-6 treatments to produce effect; 1-2 a week for 2 weeks, then 1 a week for 6 weeks; at most 8 weeks' },
      confirmed: true,
    },
    {
      id: 'chiropractic-neck-odg', treatment: 'chiropractic', names: CHIRO_NAMES, source: 'ODG',
      guideline: { part: 'ODG Neck and Upper Back' }, sections: ['Manipulation'],
      limit: { max: 18, trialMax: 6, unit: 'visits', weeks: 6, weeksMax: 8, text: 'trial of 6 visits over 2-3 weeks; up to 18 visits over 6-8 weeks' },
      when: ['neck|cervical'], checkRequests: true, confirmed: true,
    },
    {
      id: 'chiropractic-neck-severe-odg', treatment: 'chiropractic', names: CHIRO_NAMES, source: 'ODG',
      guideline: { part: 'ODG Neck and Upper Back' }, sections: ['Manipulation'],
      limit: { max: 25, unit: 'visits', text: 'severe (grade 3) strain: trial of 10 visits over 4-6 weeks; up to 25 visits over 6 months with objective functional improvement' },
      when: ['neck|cervical', 'severe|grade 3'], confirmed: false,
      note: 'Quoted in CM16-0231706 (06.txt); not yet checked against the ODG text.',
    },
    {
      id: 'acupuncture-mtus', treatment: 'acupuncture', names: ACU_NAMES, source: 'MTUS',
      guideline: { part: 'Acupuncture Medical Treatment', edition: '2007' }, sections: ['9792.24.1'],
      limit: { min: 3, max: 6, unit: 'treatments', text: 'functional improvement within 3-6 treatments; 1-3 times a week; optimum duration 1-2 months' },
      checkRequests: true, confirmed: true,
      conditions: 'Extended only with documented functional improvement (8 CCR 9792.24.1).',
    },
    {
      id: 'acupuncture-odg', treatment: 'acupuncture', names: ACU_NAMES, source: 'ODG',
      guideline: { part: 'ODG Acupuncture' },
      limit: { min: 3, max: 12, unit: 'visits', weeks: 6, text: 'trial of 3-4 visits over 2 weeks; up to 8-12 visits over 4-6 weeks' },
      confirmed: true,
    },
    {
      id: 'tens-mtus', treatment: 'TENS', names: ['tens', 'tens unit', 'transcutaneous electrical nerve stimulation'],
      source: 'MTUS', guideline: { part: 'Chronic Pain Medical Treatment' }, pages: ['114', '115', '116'],
      sections: ['Transcutaneous electrotherapy', 'TENS, chronic pain (transcutaneous electrical nerve stimulation)'],
      limit: { max: 1, unit: 'months', text: 'one-month home-based trial' }, confirmed: true,
      conditions: 'Adjunct to a program of evidence-based functional restoration.',
    },
    {
      id: 'esi-mtus', treatment: 'epidural steroid injection',
      names: ['epidural steroid injection', 'epidural steroid injections', 'esi', 'epidural injection', 'transforaminal epidural', 'interlaminar epidural'],
      source: 'MTUS', guideline: { part: 'Chronic Pain Medical Treatment' }, pages: ['46'],
      sections: ['Epidural steroid injections (ESIs)'], confirmed: true,
      conditions: 'Radiculopathy corroborated by imaging or electrodiagnostics; repeat only with at least 50% pain relief and reduced medication use for 6-8 weeks.',
    },
    {
      id: 'opioids-mtus', treatment: 'opioids',
      names: ['opioid', 'opioids', 'norco', 'hydrocodone', 'oxycodone', 'percocet', 'morphine', 'tramadol', 'ultram', 'dilaudid', 'hydromorphone', 'oxycontin', 'methadone', 'fentanyl', 'tapentadol', 'nucynta'],
      source: 'MTUS', guideline: { part: 'Opioids Treatment', edition: '2016' },
      limit: { max: 80, unit: 'mg-med', text: '80 mg/day morphine-equivalent dose: threshold for more urine drug tests and weaning' },
      confirmed: true,
    },
    ...([
      ['visits-cap-pt-statute', 'physical therapy', PT_NAMES],
      ['visits-cap-chiropractic-statute', 'chiropractic', CHIRO_NAMES],
    ] as const).map(([id, treatment, names]) => ({
      id, treatment, names: [...names], source: 'statute' as const, guideline: { part: 'Labor Code 4604.5' },
      limit: { max: 24, unit: 'visits' as const, text: '24 visits per industrial injury' }, unless: POSTSURGICAL,
      confirmed: true, conditions: 'Injuries on or after 1 January 2004; postsurgical physical medicine excepted.',
    })),
    ...([
      ['postsurgical-rotator-cuff-arthroscopic', ['rotator cuff', 'arthroscop'], 24, 14, '24 visits over 14 weeks'],
      ['postsurgical-rotator-cuff-open', ['rotator cuff', 'open'], 30, 18, '30 visits over 18 weeks'],
      ['postsurgical-meniscectomy', ['menisc'], 12, 12, '12 visits over 12 weeks'],
      ['postsurgical-metacarpal-fracture', ['metacarpal'], 16, undefined, '16 visits'],
      ['postsurgical-femur-fracture', ['femur', 'femoral'], 30, undefined, '30 visits'],
    ] as const).map(([id, when, max, weeks, text]) => ({
      id, treatment: 'physical therapy', names: PT_NAMES, source: 'MTUS' as const,
      guideline: { part: 'Postsurgical Treatment', edition: '2009' }, sections: ['9792.24.3'],
      limit: { max, unit: 'visits' as const, ...(weeks ? { weeks } : {}), text },
      when: [...POSTSURGICAL, ...when], confirmed: true, conditions: 'Postsurgical physical medicine (8 CCR 9792.24.3).',
    })),
    // Believed, not yet confirmed from a primary text.
    {
      id: 'psychotherapy-cbt', treatment: 'psychotherapy',
      names: ['psychotherapy', 'cognitive behavioral therapy', 'cognitive behavioural therapy', 'cbt', 'psychological treatment'],
      source: 'MTUS', guideline: { part: 'Chronic Pain Medical Treatment' }, sections: ['Behavioral interventions'],
      limit: { min: 6, max: 10, unit: 'visits', weeks: 6, text: 'initial trial of 3-4 visits over 2 weeks; up to 6-10 visits over 5-6 weeks' },
      checkRequests: true, confirmed: false,
    },
    {
      id: 'biofeedback', treatment: 'biofeedback', names: ['biofeedback'], source: 'MTUS',
      guideline: { part: 'Chronic Pain Medical Treatment' }, sections: ['Biofeedback'],
      limit: { min: 6, max: 10, unit: 'visits', weeks: 6, text: 'initial trial of 3-4 visits over 2 weeks; up to 6-10 visits over 5-6 weeks' },
      checkRequests: true, confirmed: false, conditions: 'Only after 4 weeks of cognitive behavioral therapy.',
    },
    {
      id: 'functional-restoration', treatment: 'functional restoration program',
      names: ['functional restoration', 'functional restoration program', 'frp', 'hello program'], source: 'MTUS',
      guideline: { part: 'Chronic Pain Medical Treatment' }, sections: ['Chronic pain programs (functional restoration programs)'],
      limit: { max: 20, unit: 'sessions', text: 'at most 20 full-day sessions' }, checkRequests: true, confirmed: false,
    },
    {
      id: 'aquatic-therapy', treatment: 'aquatic therapy', names: ['aquatic therapy', 'aqua therapy', 'pool therapy', 'aquatherapy'],
      source: 'MTUS', guideline: { part: 'Chronic Pain Medical Treatment' }, pages: ['22'], sections: ['Aquatic therapy'],
      limit: { min: 9, max: 10, unit: 'visits', weeks: 8, text: 'follows the physical medicine numbers (9-10 visits over 8 weeks)' },
      checkRequests: true, confirmed: false,
    },
  ],
};
