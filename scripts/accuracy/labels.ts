// The hand-made labels: test/accuracy/labels.json (the first 60 letters) and test/accuracy/labels/*.json
// (later batches, same format), merged per letter. Labels are written by reading the letters, never by
// running the linter (test/accuracy/LABELLING.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Label { rule: string; text: string; line: number; severity?: string; note?: string }
export interface Trap { rule: string; text: string; line: number; note?: string; why?: string }
export interface LetterLabels {
  problems: Label[];
  traps: Trap[];
  doubtful: Label[];
  copyOf?: string;
  /** Rules the labeller judged on this letter; undefined: all of them. */
  rules?: Set<string>;
}

interface LabelFile {
  /** Rules this file's labellers judged (absent: all rules). */
  rules?: string[];
  letters: Record<string, { problems?: Label[]; traps?: Trap[]; copy_of?: string; rules?: string[] }>;
  doubtful?: (Label & { letter: string })[];
}

export function loadLabels(dir: string): Map<string, LetterLabels> {
  const files = [join(dir, 'labels.json')];
  const extra = join(dir, 'labels');
  if (existsSync(extra)) files.push(...readdirSync(extra).filter((f) => f.endsWith('.json')).sort().map((f) => join(extra, f)));
  const out = new Map<string, LetterLabels>();
  const all = new Set<string>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, 'utf8')) as LabelFile;
    for (const [name, e] of Object.entries(data.letters ?? {})) {
      let l = out.get(name);
      if (!l) out.set(name, (l = { problems: [], traps: [], doubtful: [] }));
      l.problems.push(...(e.problems ?? []));
      l.traps.push(...(e.traps ?? []));
      if (e.copy_of) l.copyOf = e.copy_of;
      // A letter judged for all rules by any file is judged for all; otherwise for the union of the lists.
      const judged = e.rules ?? data.rules;
      if (!judged) all.add(name);
      else l.rules = new Set([...(l.rules ?? []), ...judged]);
    }
    for (const d of data.doubtful ?? []) {
      let l = out.get(d.letter);
      if (!l) out.set(d.letter, (l = { problems: [], traps: [], doubtful: [] }));
      l.doubtful.push(d);
    }
  }
  for (const name of all) out.get(name)!.rules = undefined;
  return out;
}
