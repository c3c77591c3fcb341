import type { Rule, RuleFinding } from './rule.js';

/** The pronoun of the other sex, as the patient's ("his" -> "her"); "her" becomes "his" or "him" by what follows. */
function counterpart(word: string, following: string): string {
  const w = word.toLowerCase();
  const map: Record<string, string> = { he: 'she', him: 'her', his: 'her', himself: 'herself', she: 'he', hers: 'his', herself: 'himself' };
  let out = map[w];
  if (w === 'her') out = /^\s*(?:[.,;:!?)]|$|(?:to|for|with|and|or|at|in|into|on|onto|that|from|about|as|by|again|back|up|down|off|out|away|awake|home|well|better|worse|if|when|while|because|was|is|had|has|would|will|the|a|an)\b)/i.test(following) ? 'him' : 'his';
  return word[0] === word[0].toUpperCase() ? out[0].toUpperCase() + out.slice(1) : out;
}

/**
 * A pronoun of the other sex whose referent is plainly the patient: the patient is the person last named in
 * its paragraph, and nobody else was named in the paragraph unless its own sentence names the patient
 * (the mention layer's people: parse/mentions/people.ts). Boilerplate ("he/she") and quotations are left out.
 */
export const pronounMismatch: Rule = {
  meta: { id: 'pronoun-mismatch', defaultSeverity: 'warning', description: 'The narrative refers to the patient with a pronoun of the other sex than the one stated.', fixable: false, hasSuggestions: true },
  check({ doc }) {
    const sex = doc.mentions.sex;
    if (!sex) return [];
    const out: RuleFinding[] = [];
    const text = doc.plain;
    for (const p of doc.mentions.pronouns) {
      if (p.referent !== 'patient' || p.sex === sex.value) continue;
      const { start: at, end } = p.span;
      const word = p.word;
      const fixed = counterpart(word, text.slice(end, end + 20));
      // "her" is "his" or "him" by its role; the other reading is offered too.
      const alternative = word.toLowerCase() === 'her' ? (fixed.toLowerCase() === 'his' ? 'him' : 'his') : undefined;
      const alt = alternative && (word[0] === 'H' ? alternative[0].toUpperCase() + alternative.slice(1) : alternative);
      out.push({
        span: p.span,
        message: `"${word}" refers to the patient, whom the letter states to be ${sex.value} ("${doc.text.slice(sex.span.start, sex.span.end)}"). Use "${fixed}", or correct the patient's sex.`,
        related: [{ span: sex.span, message: 'Patient\'s sex as stated' }],
        fixes: [
          { title: `Change to "${fixed}"`, kind: 'suggestion', edits: [{ span: { start: at, end }, newText: fixed }] },
          ...(alt ? [{ title: `Change to "${alt}"`, kind: 'suggestion' as const, edits: [{ span: { start: at, end }, newText: alt }] }] : []),
        ],
      });
    }
    return out;
  },
};
