import type { Timeliness, Topics } from './schema.js';

// What the chapters and sections a reviewer cites are about, as data (rule citation-topic-mismatch). Only
// what is certain is listed: a chapter or section that is missing here fits every item, so an omission
// can never produce a finding. Words and names are matched as whole words, case and punctuation ignored.

export const DEFAULT_TOPICS: Topics = {
  regions: [
    { id: 'neck', words: ['neck', 'cervical', 'cervicothoracic'] },
    { id: 'thoracic', label: 'thoracic spine', words: ['thoracic', 'upper back', 'mid back', 'thoracolumbar'] },
    { id: 'low-back', label: 'low back', words: ['lumbar', 'low back', 'lower back', 'lumbosacral', 'sacroiliac', 'sacrum', 'coccyx'] },
    { id: 'shoulder', words: ['shoulder', 'shoulders', 'rotator cuff', 'acromioclavicular'] },
    { id: 'elbow', words: ['elbow', 'elbows'] },
    { id: 'hand', label: 'forearm, wrist or hand', words: ['forearm', 'wrist', 'wrists', 'hand', 'hands', 'finger', 'fingers', 'thumb', 'thumbs'] },
    { id: 'hip', label: 'hip or pelvis', words: ['hip', 'hips', 'pelvis', 'groin'] },
    { id: 'knee', words: ['knee', 'knees'] },
    { id: 'ankle-foot', label: 'ankle or foot', words: ['ankle', 'ankles', 'foot', 'feet', 'heel', 'toe', 'toes'] },
    { id: 'head', words: ['head', 'brain'] },
    // Broad words: counted only when the title names no specific region ("MRI of the cervical spine" is neck).
    { id: 'spine', words: ['spine', 'spinal'], broad: true },
    { id: 'back', words: ['back'], broad: true },
  ],
  kinds: [
    { id: 'imaging', words: ['mri', 'mris', 'magnetic resonance', 'ct', 'ct scan', 'computed tomography', 'x ray', 'x rays', 'xray', 'xrays', 'radiograph', 'radiographs', 'bone scan', 'arthrogram', 'myelogram', 'imaging', 'thermography'] },
    { id: 'electrodiagnostic', label: 'electrodiagnostic testing', words: ['emg', 'ncv', 'ncs', 'nerve conduction', 'electromyography', 'electrodiagnostic', 'ssep'] },
    { id: 'injection', label: 'an injection', words: ['injection', 'injections', 'epidural', 'esi', 'facet', 'nerve block', 'block', 'prp', 'platelet rich plasma', 'radiofrequency', 'rhizotomy', 'trigger point'] },
    { id: 'surgery', words: ['surgery', 'arthroscopy', 'arthroscopic', 'repair', 'fusion', 'laminectomy', 'discectomy', 'microdiscectomy', 'arthroplasty', 'meniscectomy', 'acromioplasty', 'open reduction', 'carpal tunnel release'] },
    { id: 'medication', words: ['mg', 'mcg', 'tablet', 'tablets', 'tab', 'tabs', 'capsule', 'capsules', 'refill', 'refills', 'oral suspension'] },
    // "%" is read as the word "percent"; weights ("240 grams") are compounded creams.
    { id: 'topical', label: 'a topical medication', words: ['cream', 'creams', 'ointment', 'gel', 'lotion', 'patch', 'patches', 'transdermal', 'topical', 'spray', 'percent', 'gram', 'grams', 'gm'] },
    {
      id: 'physical-medicine', label: 'physical medicine',
      words: [
        'physical therapy', 'physiotherapy', 'occupational therapy', 'chiropractic', 'chiropractor', 'chirophysio', 'manipulation',
        'manual therapy', 'massage', 'myofascial release', 'therapeutic exercise', 'therapeutic exercises', 'acupuncture',
        'electroacupuncture', 'hand therapy', 'aquatic therapy', 'traction', 'tens', 'electrical stimulation', 'infrared',
        'work hardening', 'work conditioning',
      ],
    },
  ],
  chapters: [
    // General parts of MTUS and ODG: about every region and treatment.
    {
      names: [
        'chronic pain', 'pain', 'general approaches', 'initial approaches to treatment', 'independent medical examinations',
        'independent medical examinations and consultations', 'cornerstones of disability prevention and management',
        'pain suffering and the restoration of function', 'work relatedness', 'clinical topics', 'postsurgical',
        'preface', 'fitness for duty', 'introduction',
      ],
      general: true,
    },
    { names: ['low back complaints', 'low back disorders', 'low back', 'lower back', 'lumbar and thoracic', 'lumbar thoracic'], regions: ['low-back', 'thoracic', 'spine', 'back'] },
    { names: ['neck and upper back complaints', 'neck and upper back', 'neck', 'cervical and thoracic spine disorders', 'cervical'], regions: ['neck', 'thoracic', 'spine', 'back'] },
    { names: ['shoulder complaints', 'shoulder disorders', 'shoulder'], regions: ['shoulder'] },
    { names: ['elbow complaints', 'elbow disorders', 'elbow'], regions: ['elbow'] },
    { names: ['forearm wrist and hand complaints', 'forearm wrist and hand', 'hand wrist and forearm disorders', 'forearm wrist hand', 'hand'], regions: ['hand'] },
    { names: ['hip and pelvis', 'hips and pelvis', 'hip and groin disorders', 'hip'], regions: ['hip'] },
    { names: ['knee complaints', 'knee disorders', 'knee and leg', 'knee'], regions: ['knee'] },
    { names: ['ankle and foot complaints', 'ankle and foot disorders', 'ankle and foot'], regions: ['ankle-foot'] },
    { names: ['head'], regions: ['head'] },
    { names: ['acupuncture'], kinds: ['physical-medicine'] },
    { names: ['opioids', 'opioid treatment', 'opioids treatment'], kinds: ['medication', 'topical'] },
  ],
  sections: [
    // ACOEM "Special Studies" covers imaging and electrodiagnostic studies.
    { names: ['special studies'], kinds: ['imaging', 'electrodiagnostic'] },
    { names: ['mri', 'mris', 'magnetic resonance imaging', 'ct', 'computed tomography', 'x ray', 'x rays', 'radiography', 'bone scan', 'mr arthrogram', 'imaging'], kinds: ['imaging'] },
    // Infrared stress thermography is a diagnostic test (MTUS Chronic Pain: not recommended), not infrared heat.
    { names: ['thermography'], kinds: ['imaging'] },
    { names: ['electrodiagnostic testing', 'electrodiagnostic studies', 'emg', 'ncs', 'ncv', 'nerve conduction studies'], kinds: ['electrodiagnostic'] },
    { names: ['epidural steroid injections', 'epidural steroid injection', 'esis', 'facet blocks', 'facet joint injections', 'facet joint diagnostic blocks', 'platelet rich plasma', 'trigger point injections'], kinds: ['injection'] },
    { names: ['surgical considerations', 'surgery for'], kinds: ['surgery'] },
    {
      names: [
        'nsaids', 'non steroidal anti inflammatory drugs', 'anti inflammatory medications', 'muscle relaxants',
        'cyclobenzaprine', 'proton pump inhibitors', 'antidepressants for chronic pain', 'tricyclics', 'benzodiazepines',
        'compound drugs', 'opioids', 'anti epilepsy drugs', 'antiepilepsy drugs', 'medications for chronic pain',
      ],
      kinds: ['medication', 'topical'],
    },
    // Topical only: an oral drug ("Voltaren 75mg #60") judged by the topical-analgesic criteria is a slip.
    { names: ['topical analgesics', 'topical analgesic', 'lidoderm', 'flector patch'], kinds: ['topical'] },
    {
      names: [
        'physical medicine treatment', 'physical medicine', 'physical therapy', 'manual therapy and manipulation', 'manipulation',
        'massage therapy', 'tens', 'acupuncture', 'aquatic therapy', 'heat therapy',
      ],
      kinds: ['physical-medicine'],
    },
  ],
};

/**
 * Thresholds of the late-application and late-decision notes. Over the 144 real letters of ../shared/real-imr
 * the longest gaps are 37 days from the UR denial to the application and 39 days from assignment to the
 * decision (DOMAIN.md: 31-37 and over 30 days are common in valid letters); the seed letter (CM14-0003333,
 * decided during the 2014 IMR backlog) took 140 days from assignment to decision. The notes start well
 * past all of them.
 */
export const DEFAULT_TIMELINESS: Timeliness = { lateApplicationDays: 60, lateDecisionDays: 180 };
