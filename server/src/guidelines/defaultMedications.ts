import type { GuidelineTableInput } from './schema.js';

// What MTUS says of medications, as data (rule medication-over-guideline, the code lens, the drug hover).
// A row is confirmed only where a real letter of ../shared/real-imr quotes the guideline's words for it
// (`quotedIn`: case number and line); the others are believed from the guideline and yield information
// only. Where the guideline gives no number (the other muscle relaxants: "short-term"), there is no row.
// Cyclophene: a cyclobenzaprine 5% cream sold as a brand (CM17-0014438 calls it a topical muscle relaxant).
const MUSCLE_RELAXANTS_TOPICAL = ['cyclobenzaprine', 'flexeril', 'cyclophene', 'orphenadrine', 'methocarbamol', 'tizanidine', 'carisoprodol', 'chlorzoxazone', 'metaxalone'];
const TOPICALS = { guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009, 2016' }, pages: ['111', '112', '113'], sections: ['Topical analgesics'] };

export const DEFAULT_MEDICATIONS: NonNullable<GuidelineTableInput['medications']> = [
  {
    id: 'cyclobenzaprine-course', drugClass: 'cyclobenzaprine (a muscle relaxant)',
    names: ['cyclobenzaprine', 'flexeril', 'fexmid', 'amrix'], route: 'oral', kind: 'course', maxDays: 21,
    source: 'MTUS', guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009, 2016' }, pages: ['41', '42'],
    sections: ['Cyclobenzaprine (Flexeril)', 'Muscle relaxants (for pain)'],
    words: 'not recommended for longer than 2 to 3 weeks',
    quotedIn: ['CM16-0234464 line 129', 'CM17-0016311 line 117'], confirmed: true,
    note: 'Recommended as an option, using a short course of therapy; 2-3 weeks is taken at its longer end.',
  },
  {
    id: 'benzodiazepines-course', drugClass: 'benzodiazepines',
    names: ['benzodiazepine', 'benzodiazepines', 'diazepam', 'valium', 'lorazepam', 'ativan', 'alprazolam', 'xanax', 'clonazepam', 'klonopin', 'temazepam', 'restoril'],
    route: 'any', kind: 'course', maxDays: 28,
    source: 'MTUS', guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009, 2016' }, pages: ['24'], sections: ['Benzodiazepines'],
    words: 'not recommended for long-term use because long-term efficacy is unproven and there is a risk of dependence. Most guidelines limit use to 4 weeks.',
    quotedIn: ['CM16-0240524 line 52'], confirmed: true,
  },
  {
    id: 'carisoprodol-not-recommended', drugClass: 'carisoprodol', names: ['carisoprodol', 'soma'], route: 'any', kind: 'not-recommended',
    source: 'MTUS', guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009, 2016' }, pages: ['29'], sections: ['Carisoprodol (Soma)'],
    words: 'Not recommended. This medication is not indicated for long-term use.', confirmed: false,
    note: 'No letter of the corpus quotes it.',
  },
  {
    id: 'topical-gabapentin', drugClass: 'topical gabapentin', names: ['gabapentin'], route: 'topical', kind: 'not-recommended', source: 'MTUS', ...TOPICALS,
    words: 'gabapentin is not recommended as there is no peer reviewed literature to support its use',
    quotedIn: ['CM16-0249536 line 106'], confirmed: true,
    note: 'Any compounded product that contains at least one drug (or drug class) that is not recommended is not recommended (quoted in CM16-0249536 line 88).',
  },
  {
    id: 'topical-baclofen', drugClass: 'topical baclofen', names: ['baclofen'], route: 'topical', kind: 'not-recommended', source: 'MTUS', ...TOPICALS,
    words: 'baclofen is not recommended for topical use', quotedIn: ['CM16-0249536 line 87'], confirmed: true,
    note: 'Any compounded product that contains at least one drug (or drug class) that is not recommended is not recommended.',
  },
  {
    id: 'topical-muscle-relaxants', drugClass: 'topical muscle relaxants', names: MUSCLE_RELAXANTS_TOPICAL, route: 'topical', kind: 'not-recommended', source: 'MTUS', ...TOPICALS,
    words: 'There is no evidence for use of any other muscle relaxant as a topical product.',
    quotedIn: ['CM16-0249536 line 107', 'CM16-0248698 line 320 ("Topical muscle relaxants are not recommended.")'], confirmed: true,
    note: 'Any compounded product that contains at least one drug (or drug class) that is not recommended is not recommended.',
  },
  {
    id: 'topical-ketoprofen', drugClass: 'topical ketoprofen', names: ['ketoprofen', 'ketophene'] /* Ketophene: a ketoprofen 20% cream brand */, route: 'topical', kind: 'not-recommended', source: 'MTUS', ...TOPICALS,
    words: 'This agent is not currently FDA approved for a topical application.', confirmed: false,
    note: 'No letter of the corpus quotes it (CM17-0014438 upholds a ketoprofen compound on other grounds).',
  },
  {
    id: 'opioids-daily-dose', drugClass: 'opioids', names: ['opioids'], route: 'any', kind: 'daily-dose', maxMme: 80,
    source: 'MTUS', guideline: { part: 'Opioid Treatment', edition: '2016' }, sections: ['3.3.6 Use of Urine Drug Testing'],
    words: 'especially for those taking doses greater than 80 mg/day MED', quotedIn: ['CM17-0001064 line 73'], confirmed: false,
    note: 'Quoted as the dose above which the guideline asks for more monitoring, not as a maximum: a request over it is noted, never a warning.',
  },
];

/** Oral morphine milligram equivalents per mg (per mcg/h of a patch), from the CDC 2016 table; not yet checked against it here. */
const CDC_2016 = 'CDC Guideline for Prescribing Opioids for Chronic Pain, 2016 (MMWR 65(1)), conversion factors';

export const DEFAULT_OPIOID_FACTORS: NonNullable<GuidelineTableInput['opioidFactors']> = [
  { names: ['hydrocodone', 'norco', 'vicodin', 'lortab', 'hysingla', 'zohydro'], factor: 1, per: 'mg', source: CDC_2016, confirmed: false },
  { names: ['oxycodone', 'percocet', 'oxycontin', 'roxicodone', 'endocet'], factor: 1.5, per: 'mg', source: CDC_2016, confirmed: false },
  { names: ['morphine', 'ms contin', 'kadian'], factor: 1, per: 'mg', source: CDC_2016, confirmed: false },
  { names: ['hydromorphone', 'dilaudid', 'exalgo'], factor: 4, per: 'mg', source: CDC_2016, confirmed: false },
  { names: ['oxymorphone', 'opana'], factor: 3, per: 'mg', source: CDC_2016, confirmed: false },
  { names: ['tapentadol', 'nucynta'], factor: 0.4, per: 'mg', source: CDC_2016, confirmed: false },
  { names: ['tramadol', 'ultram', 'ultracet'], factor: 0.1, per: 'mg', source: CDC_2016, confirmed: false },
  { names: ['codeine'], factor: 0.15, per: 'mg', source: CDC_2016, confirmed: false },
  { names: ['fentanyl', 'duragesic'], factor: 2.4, per: 'mcg/h', source: CDC_2016, confirmed: false },
];
