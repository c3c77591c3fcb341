// Seeded generator of mutated letters for the fuzz properties: real letters, the seed and the fixtures,
// cut, spliced, repeated and salted with the pieces the parser reacts to (headings, labels, verdicts,
// dates, numbers, markup, runs of blanks, directives, placeholders). Same seed, same texts.
import { rng } from '../../scripts/bench/generate.ts';

/** The bench's seeded generator (mulberry32): same seed, same mutants. */
export { rng };
export type Rng = () => number;

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const PIECES = [
  'ISSUE AT DISPUTE', 'CASE SUMMARY:', '### HOW THE IMR FINAL DETERMINATION WAS MADE', '### CLINICAL CASE SUMMARY',
  '### IMR ISSUES, DECISIONS AND RATIONALES', 'IMR ISSUES, DECISIONS AND RATIONALES', 'DOCUMENTS REVIEWED', 'RATIONALE',
  '<b>Case Number:</b>\tCM16-0219557', 'Case Number: ', '<b>Date of Injury:</b>\t', 'Date of Injury:', 'UR Denial Date:', 'Priority: Standard',
  '**MASSAGE THERAPY TIMES 12 SESSIONS:** Upheld', 'Physical therapy 2x6 for the lumbar spine: Overturned', ': Upheld', ': Overturned', 'is Upheld.',
  '**Claims Administrator guideline:**', 'Claims Administrator guideline: Decision based on MTUS', 'MAXIMUS guideline:', '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2009, Page(s): 60.',
  'Decision rationale:', 'Therefore, the request is medically necessary.', 'Therefore, the request is not medically necessary.',
  '12 sessions was the original request. 6 were authorized. 4 remain.', 'Page(s): 1, 2, 3, 4, 5, 6, 7, 8, 9,', 'Section(s): ',
  '10/22/2009', '02/30/2014', '13/45/2016', 'June 20216', 'XX/XX/XXXX', '[TREATMENT]', 'TODO', '___', '${1:x}',
  'a 52 year old female', 'He', 'she', 'her', 'born on 01/02/1960', '555-123-4567', '123-45-6789', '1234 Main Street',
  'a request for 8 sessions', 'utilization review dated 11/08/2016', 'industrial injury on 10/13/2015', '#120', 'Norco 10/325 mg',
  '<!-- imr-lint-disable', '<!-- imr-lint-disable-next-line -->', '-->', '<!--', '**', '*', '_', '> ', '- ', '1. ', '`', '```', '|', '<b>', '</b>',
  ' '.repeat(200), '\t'.repeat(50), '\n', '\n\n', '\r\n', '\r', '\u00a0', '😀', '\u0000'.slice(0, 0), 'é',
];

export interface Mutant {
  text: string;
  languageId: 'markdown' | 'plaintext';
  how: string;
}

/** A short text made of the pieces alone ("ISSUE AT DISPUTE", a label, a verdict...), joined by line breaks or blanks. */
export function compose(r: Rng): Mutant {
  const n = int(r, 0, 8);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(pick(r, PIECES));
  const text = parts.join(pick(r, ['\n', '\n\n', ' ', '', '\r\n']));
  return { text, languageId: r() < 0.5 ? 'markdown' : 'plaintext', how: `compose ${JSON.stringify(text.slice(0, 80))}` };
}

/** One mutant of one of the base texts, or (one time in five) a text composed of pieces alone. */
export function mutate(r: Rng, bases: readonly string[]): Mutant {
  if (r() < 0.2) return compose(r);
  let text = pick(r, bases);
  const how: string[] = [];
  const steps = int(r, 1, 6);
  for (let s = 0; s < steps; s++) {
    const at = int(r, 0, text.length);
    switch (int(r, 0, 8)) {
      case 0: {
        const end = Math.min(text.length, at + int(r, 1, 400));
        text = text.slice(0, at) + text.slice(end);
        how.push(`cut ${at}-${end}`);
        break;
      }
      case 1:
      case 2: {
        const p = pick(r, PIECES);
        text = text.slice(0, at) + p + text.slice(at);
        how.push(`insert ${JSON.stringify(p.slice(0, 30))} at ${at}`);
        break;
      }
      case 3: {
        const len = int(r, 1, 300);
        const piece = text.slice(at, at + len);
        const times = int(r, 2, 30);
        text = text.slice(0, at) + piece.repeat(times) + text.slice(at + len);
        how.push(`repeat ${len} chars at ${at} x${times}`);
        break;
      }
      case 4: {
        const other = pick(r, bases);
        const from = int(r, 0, other.length);
        text = text.slice(0, at) + other.slice(from, from + int(r, 10, 2000)) + text.slice(at);
        how.push(`splice another letter at ${at}`);
        break;
      }
      case 5:
        text = text.slice(0, at);
        how.push(`truncate at ${at}`);
        break;
      case 6: {
        const lines = text.split('\n');
        const i = int(r, 0, lines.length - 1);
        const j = int(r, 0, lines.length - 1);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        text = lines.join('\n');
        how.push(`swap lines ${i} ${j}`);
        break;
      }
      case 7: {
        const c = text.charCodeAt(at);
        if (!Number.isNaN(c)) text = text.slice(0, at) + String.fromCharCode(c ^ (1 << int(r, 0, 6))) + text.slice(at + 1);
        how.push(`flip a bit at ${at}`);
        break;
      }
      default: {
        const p = pick(r, PIECES);
        text = p.repeat(int(r, 1, 2000)) + text.slice(at);
        how.push(`prefix ${JSON.stringify(p.slice(0, 20))} repeated`);
      }
    }
  }
  return { text, languageId: r() < 0.5 ? 'markdown' : 'plaintext', how: how.join('; ') };
}
