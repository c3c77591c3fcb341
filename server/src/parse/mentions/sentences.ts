import type { Determination, SectionKind } from '../../model/determination.js';
import type { Span } from '../../types.js';
import { collapseSpace } from '../../text/collapseSpace.js';

/**
 * Sentences of the narrative, for the rules that read what the summary and the rationales say (request
 * counts, quoted guideline figures, pronouns, ages). Linear scans only: the text can be long.
 */

// Words whose trailing period does not end a sentence ("Dr. Smith", "e.g. exercise", "No. 3").
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'st', 'jr', 'sr', 'vs', 'no', 'nos', 'approx', 'e.g', 'i.e', 'etc', 'fig', 'pg', 'pp', 'p',
  'a.m', 'p.m', 'inc', 'ltd', 'co', 'vol', 'ch', 'sec', 'u.s', 'dept', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'al', 'cf', 'ed', 'eds', 'min', 'max', 'hr', 'hrs', 'b.i.d', 't.i.d', 'q.i.d', 'q.d',
  'p.o', 'prn', 'p.r.n', 'mg', 'ml',
]);

/**
 * The sentences of `plain` within `span`, as spans (trimmed). A sentence ends at `.`, `!` or `?` followed by
 * white space (or a closing quote/parenthesis and white space), except after an abbreviation or a single
 * initial, and at a blank line.
 */
export function sentencesIn(plain: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(plain[s])) s++;
    while (e > s && /\s/.test(plain[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = span.start; i < span.end; i++) {
    const c = plain[i];
    if (c === '\n') {
      // A blank line (only spaces between two line breaks) ends the sentence.
      let j = i + 1;
      while (j < span.end && (plain[j] === ' ' || plain[j] === '\t' || plain[j] === '\r' || plain[j] === '\f')) j++;
      if (j < span.end && plain[j] === '\n') {
        push(i);
        start = j;
        i = j;
      }
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < span.end && /["'\u201d\u2019)\]]/.test(plain[j])) j++;
    if (j < span.end && !/\s/.test(plain[j])) continue;
    if (c === '.') {
      // The word before the period.
      let w = i;
      while (w > span.start && i - w < 12 && /[A-Za-z.]/.test(plain[w - 1])) w--;
      const word = plain.slice(w, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) continue;
      // A period followed by a lower-case word continues the sentence ("approx. two weeks").
      let k = j;
      while (k < span.end && k - j < 12 && /\s/.test(plain[k])) k++;
      if (k < span.end && /[a-z]/.test(plain[k])) continue;
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(span.end);
  return out;
}

/** The body of the first section of each kind given, in document order. */
export function sectionSpans(doc: Determination, kinds: SectionKind[]): Span[] {
  return doc.sections.filter((s) => kinds.includes(s.kind)).map((s) => s.bodySpan);
}

/** Plain text of a span with line breaks and runs of white space as single spaces (same length is not kept). */
export function flat(plain: string, span: Span): string {
  return collapseSpace(plain.slice(span.start, span.end));
}

/**
 * A regular expression run on `text` from `offset`: a copy with the global flag, so callers' regexes keep no
 * state. Returns every match.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = g.exec(text))) {
    out.push(m);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}
