// The snippets of the extension, one source for both places that use them: scripts/gen-schema.ts writes
// them to snippets/<language>.code-snippets (contributes.snippets; `npm run check:gen` fails on drift) and
// the client's "IMR: Insert Disputed Item" command inserts the disputed-item body with editor.insertSnippet.
// Pure data: no `vscode` import, so tests can read it.
//
// Placeholder defaults are written so that a placeholder left unfilled is flagged by the engine's
// unfilled-placeholder rule: dates `XX/XX/XXXX`, free text `[TREATMENT]`, `[RATIONALE]`, ... (see
// server/src/rules/unfilledPlaceholder.ts). Header dates are mirrored into the narrative ($3, $5) so the
// summary's injury and UR dates cannot disagree with the header. In imr-item-upheld / imr-item-overturned
// one choice, the snippet, writes the verdict and its conclusion. In the generic item and the skeleton the conclusion is a choice of its own,
// defaulting to the one that matches the default verdict (Upheld: "not medically necessary"); a mismatch
// after editing is what the engine's verdict-conflict rule reports. (A transform of the verdict tab stop
// would look neater, but VS Code applies transforms only when the user tabs out of the placeholder: the
// inserted text would read "the request is Upheld." until then; the extension-host suite showed it.)

export type SnippetLanguage = 'markdown' | 'plaintext';

export interface SnippetDef {
  /** Key in the .code-snippets file; shown in the snippet picker. */
  name: string;
  prefix: string[];
  description: string;
  body: Record<SnippetLanguage, string[]>;
}

/** The seed's standard paragraph (public text), without the per-letter specialty sentence older letters had. */
const HOW_MADE =
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice. The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/services. He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.';

const SUMMARY_INTRO =
  'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:';

const DECISIONS_INTRO = 'The Final Determination was based on decisions for the disputed items/services set forth below:';

const CREDENTIALS_INTRO = 'The Expert Reviewer has the following credentials:';

/** The standard conclusion as a choice at tab stop `n`; the first option goes with the default verdict, Upheld. */
const conclusion = (n: number) => `Therefore, the request is \${${n}|not medically necessary,medically necessary|}.`;

/**
 * A disputed item whose tab stops start at `n` (title, verdict, both guideline lines, rationale,
 * conclusion). With `decided`, the verdict and the conclusion are written together, consistent, and are
 * no tab stops: one choice (the snippet picked) writes both.
 */
function item(lang: SnippetLanguage, n: number, decided?: 'Upheld' | 'Overturned'): string[] {
  const title = `\${${n}:[TREATMENT] [QUANTITY] FOR THE [BODY PART]}`;
  const verdict = decided ?? `\${${n + 1}|Upheld,Overturned|}`;
  const claims = `\${${n + 2}:Decision based on [GUIDELINE]}`;
  const maximus = `Decision based on \${${n + 3}:[GUIDELINE]}`;
  const rationale = `\${${n + 4}:[RATIONALE]} ${decided ? `Therefore, the request is ${decided === 'Upheld' ? 'not ' : ''}medically necessary.` : conclusion(n + 5)}`;
  if (lang === 'markdown') {
    return [
      `**${title}:** ${verdict}`,
      '',
      `**Claims Administrator guideline:** ${claims}`,
      '',
      `**MAXIMUS guideline:** ${maximus}`,
      '',
      `**Decision rationale:** ${rationale}`,
    ];
  }
  return [`${title}: ${verdict}`, '', `Claims Administrator guideline: ${claims}`, '', `MAXIMUS guideline: ${maximus}`, '', `Decision rationale: ${rationale}`];
}

function credentials(lang: SnippetLanguage, n: number): string[] {
  const state = `\${${n}:[STATE]}`;
  const specialty = `\${${n + 1}:[SPECIALTY]}`;
  if (lang === 'markdown') {
    return [CREDENTIALS_INTRO, '', `**State(s) of Licensure:** ${state}`, '', `**Certification(s)/Specialty:** ${specialty}`];
  }
  return [CREDENTIALS_INTRO, `State(s) of Licensure: ${state}`, `Certification(s)/Specialty: ${specialty}`];
}

const DECISION_DATE = '${4:$CURRENT_MONTH/$CURRENT_DATE/$CURRENT_YEAR}';

function skeleton(lang: SnippetLanguage): string[] {
  const md = lang === 'markdown';
  const label = (l: string) => (md ? `<b>${l}:</b>` : `${l}:`);
  const heading = (h: string) => (md ? `### ${h}` : h);
  const gap = md ? [''] : []; // plain-text letters put the heading right above its text
  const narrative =
    'The ${10|injured worker,patient|} is a ${11:[AGE]} year old ${12|female,male|} who sustained an industrial injury on $3. ' +
    '${13:[DIAGNOSIS]} On $5, utilization review ${14|non-certified,modified|} the request for ${15:[REQUEST]}.';
  return [
    `${label('Case Number')}\t\${1:[NUMBER]}`,
    `${label('Date Assigned')}\t\${2:XX/XX/XXXX}\t${label('Date of Injury')}\t\${3:XX/XX/XXXX}`,
    `${label('Decision Date')}\t${DECISION_DATE}\t${label('UR Denial Date')}\t\${5:XX/XX/XXXX}`,
    `${label('Priority')}\t\${6|Standard,Expedited|}\t${label('Application Received')}\t\${7:XX/XX/XXXX}`,
    '',
    heading('HOW THE IMR FINAL DETERMINATION WAS MADE'),
    ...gap,
    HOW_MADE,
    '',
    ...credentials(lang, 8),
    '',
    heading('CLINICAL CASE SUMMARY'),
    ...gap,
    SUMMARY_INTRO,
    '',
    narrative,
    '',
    heading('IMR ISSUES, DECISIONS AND RATIONALES'),
    ...gap,
    DECISIONS_INTRO,
    '',
    ...item(lang, 16),
    '$0',
  ];
}

/** The opening of a rationale that quotes a guideline's limit (DOMAIN.md's table), then the case's own reasoning. */
function opening(name: string, prefix: string, what: string, sentence: string): SnippetDef {
  const line = `${sentence} \${1:In this case, [RATIONALE]}$0`;
  return {
    name: `IMR rationale: ${name}`,
    prefix: [prefix],
    description: `Opening of a decision rationale for ${what}, quoting the guideline and its limit.`,
    body: { markdown: [line], plaintext: [line] },
  };
}

export const SNIPPETS: SnippetDef[] = [
  {
    name: 'IMR determination',
    prefix: ['imr-determination'],
    description: 'A whole IMR final determination: header, the three standard sections and one disputed item.',
    body: { markdown: skeleton('markdown'), plaintext: skeleton('plaintext') },
  },
  {
    name: 'IMR disputed item',
    prefix: ['imr-item'],
    description: 'A disputed item: title with its verdict, Claims Administrator and MAXIMUS guideline lines, rationale and the standard conclusion (two choices: the verdict, then the conclusion; imr-item-upheld and imr-item-overturned write both at once).',
    body: { markdown: [...item('markdown', 1), '$0'], plaintext: [...item('plaintext', 1), '$0'] },
  },
  {
    name: 'IMR disputed item, Upheld',
    prefix: ['imr-item-upheld'],
    description: 'A disputed item decided Upheld: the title ends ": Upheld" and the rationale ends "Therefore, the request is not medically necessary."',
    body: { markdown: [...item('markdown', 1, 'Upheld'), '$0'], plaintext: [...item('plaintext', 1, 'Upheld'), '$0'] },
  },
  {
    name: 'IMR disputed item, Overturned',
    prefix: ['imr-item-overturned'],
    description: 'A disputed item decided Overturned: the title ends ": Overturned" and the rationale ends "Therefore, the request is medically necessary."',
    body: { markdown: [...item('markdown', 1, 'Overturned'), '$0'], plaintext: [...item('plaintext', 1, 'Overturned'), '$0'] },
  },
  {
    name: 'IMR reviewer credentials',
    prefix: ['imr-credentials'],
    description: "The expert reviewer's State(s) of Licensure and Certification(s)/Specialty (letters since 2016).",
    body: { markdown: [...credentials('markdown', 1), '$0'], plaintext: [...credentials('plaintext', 1), '$0'] },
  },
  {
    name: 'IMR conclusion: not medically necessary',
    prefix: ['imr-not-necessary'],
    description: 'The standard conclusion of an Upheld item.',
    body: { markdown: ['Therefore, the request is not medically necessary.$0'], plaintext: ['Therefore, the request is not medically necessary.$0'] },
  },
  {
    name: 'IMR conclusion: medically necessary',
    prefix: ['imr-necessary'],
    description: 'The standard conclusion of an Overturned item.',
    body: { markdown: ['Therefore, the request is medically necessary.$0'], plaintext: ['Therefore, the request is medically necessary.$0'] },
  },
  opening(
    'massage therapy',
    'imr-massage',
    'massage therapy (MTUS Chronic Pain, page 60: 4-6 visits)',
    'The MTUS Chronic Pain Medical Treatment Guidelines on massage therapy, page 60, state that it is recommended as an adjunct to other recommended treatment (e.g. exercise) and should be limited to 4-6 visits in most cases.',
  ),
  opening(
    'physical therapy',
    'imr-physical-therapy',
    'physical therapy / physical medicine (MTUS Chronic Pain, Physical medicine treatment: 9-10 visits over 8 weeks)',
    'The MTUS Chronic Pain Medical Treatment Guidelines, Physical medicine treatment, allow for fading of treatment frequency (from up to 3 visits per week to 1 or less), plus active self-directed home physical medicine, and recommend 9-10 visits over 8 weeks for myalgia and myositis and 8-10 visits over 4 weeks for neuralgia, neuritis and radiculitis.',
  ),
  opening(
    'chiropractic',
    'imr-chiropractic',
    'chiropractic / manipulation of the low back (MTUS Chronic Pain, Manual therapy & manipulation: trial of 6 visits over 2 weeks, up to 18 over 6-8 weeks)',
    'The MTUS Chronic Pain Medical Treatment Guidelines, Manual therapy & manipulation, recommend for low back pain a trial of 6 visits over 2 weeks and, with evidence of objective functional improvement, a total of up to 18 visits over 6-8 weeks; maintenance care is not medically necessary.',
  ),
  opening(
    'acupuncture',
    'imr-acupuncture',
    'acupuncture (MTUS Acupuncture Medical Treatment Guidelines, 8 CCR 9792.24.1: functional improvement within 3-6 treatments)',
    'The MTUS Acupuncture Medical Treatment Guidelines (8 CCR 9792.24.1) state that the time to produce functional improvement is 3-6 treatments, at a frequency of 1-3 times per week, with an optimum duration of 1-2 months, and that acupuncture treatments may be extended only if functional improvement is documented.',
  ),
];

export const DETERMINATION = SNIPPETS.find((s) => s.name === 'IMR determination')!;
export const DISPUTED_ITEM = SNIPPETS.find((s) => s.name === 'IMR disputed item')!;

/** The .code-snippets file of one language, as VS Code reads it. */
export function snippetFile(lang: SnippetLanguage): Record<string, { prefix: string[]; description: string; body: string[] }> {
  const out: Record<string, { prefix: string[]; description: string; body: string[] }> = {};
  for (const s of SNIPPETS) out[s.name] = { prefix: s.prefix, description: s.description, body: s.body[lang] };
  return out;
}
