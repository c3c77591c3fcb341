// No fix or suggestion deletes a line break: a plain-text letter is wrapped by its PDF extraction, and a
// replacement written on one line ("October 22, 2016" for "November 11,\n2016") would reflow it. The
// replacement's blanks take the replaced text's line breaks: at the same places when both have as many
// blank runs, else at the blanks nearest the same relative places; any left over go at its end.

const BLANKS = /\s+/g;
const BREAK = /\r\n|\r|\n/;

export function keepLineBreaks(replaced: string, newText: string): string {
  if (!BREAK.test(replaced)) return newText;
  const oldRuns = replaced.match(BLANKS) ?? [];
  const breaks = oldRuns.filter((r) => BREAK.test(r));
  const runs = [...newText.matchAll(BLANKS)];
  const newBreaks = runs.filter((m) => BREAK.test(m[0])).length;
  if (newBreaks >= breaks.length) return newText;
  // Which of the new blank runs take a break: the same index when the counts agree, else the free run
  // nearest the break's relative place in the replaced text.
  const takes = new Map<number, string>();
  if (runs.length === oldRuns.length) {
    oldRuns.forEach((r, i) => BREAK.test(r) && !BREAK.test(runs[i][0]) && takes.set(i, r));
  } else {
    const oldBreaks = [...replaced.matchAll(BLANKS)].filter((m) => BREAK.test(m[0]));
    for (const ob of oldBreaks.slice(newBreaks)) {
      const want = (ob.index / Math.max(1, replaced.length)) * newText.length;
      let best = -1;
      runs.forEach((m, i) => {
        if (BREAK.test(m[0]) || takes.has(i)) return;
        if (best < 0 || Math.abs(m.index - want) < Math.abs(runs[best].index - want)) best = i;
      });
      if (best >= 0) takes.set(best, ob[0]);
    }
  }
  let out = '';
  let at = 0;
  runs.forEach((m, i) => {
    out += newText.slice(at, m.index);
    out += takes.get(i) ?? m[0];
    at = m.index + m[0].length;
  });
  out += newText.slice(at);
  const missing = breaks.length - newBreaks - takes.size;
  const eol = BREAK.exec(replaced)![0];
  return missing > 0 ? out + eol.repeat(missing) : out;
}
